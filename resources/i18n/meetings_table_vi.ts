<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>MeetingTableModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày họp</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Month / topic</source>
        <translation>Kỳ / chủ đề</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Attendance rate</source>
        <translation>Tỷ lệ dự họp</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Thời lượng</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Nghị quyết</translation>
    </message>
    <message>
        <source>Month {month}/{year}</source>
        <translation>Tháng {month}/{year}</translation>
    </message>
    <message>
        <source>Amended (replaced)</source>
        <translation>Đã có bản sửa đổi</translation>
    </message>
    <message>
        <source>(amendment)</source>
        <translation>(bản sửa đổi)</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} phút</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Đã ban hành</translation>
    </message>
</context>
</TS>
