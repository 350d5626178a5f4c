<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>DeputyPicker</name>
    <message>
        <source>(nobody chosen)</source>
        <translation>(chưa chọn ai)</translation>
    </message>
    <message>
        <source>{name} (a name only: not on the member list)</source>
        <translation>{name} (chỉ có tên, chưa có trong danh sách đảng viên)</translation>
    </message>
    <message>
        <source>card {number}</source>
        <translation>thẻ {number}</translation>
    </message>
</context>
</TS>
