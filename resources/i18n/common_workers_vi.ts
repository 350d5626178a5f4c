<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>TaskDialog</name>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Stopping… nothing half-done is kept.</source>
        <translation>Đang dừng… không giữ lại gì làm dở.</translation>
    </message>
</context>
</TS>
