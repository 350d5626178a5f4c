<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>TimeField</name>
    <message>
        <source>hh:mm</source>
        <translation>hh:mm</translation>
    </message>
    <message>
        <source>Not a time of day; type it like 08:30.</source>
        <translation>Giờ không hợp lệ; hãy gõ theo dạng 08:30.</translation>
    </message>
</context>
</TS>
