<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Print the member register</source>
        <translation>In danh sách đảng viên</translation>
    </message>
    <message>
        <source>Members as of</source>
        <translation>Danh sách tính đến ngày</translation>
    </message>
</context>
</TS>
