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
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Members as of</source>
        <translation>Danh sách tính đến ngày</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Enter the date the list is as of.</source>
        <translation>Hãy nhập ngày tính danh sách.</translation>
    </message>
</context>
</TS>
