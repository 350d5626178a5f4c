<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>FirstSteps</name>
    <message>
        <source>Describe the cell: place name, secretary and deputy.</source>
        <translation>Mô tả chi bộ: địa danh, bí thư và phó bí thư.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Mở Cài đặt</translation>
    </message>
    <message>
        <source>Add the members one by one, or import the list from an Excel file.</source>
        <translation>Thêm từng đảng viên, hoặc nhập cả danh sách từ tệp Excel.</translation>
    </message>
    <message>
        <source>Open Party members</source>
        <translation>Mở Đảng viên</translation>
    </message>
    <message>
        <source>Plan the first cell meeting.</source>
        <translation>Lập kế hoạch buổi sinh hoạt chi bộ đầu tiên.</translation>
    </message>
    <message>
        <source>Open Cell meetings</source>
        <translation>Mở Sinh hoạt chi bộ</translation>
    </message>
    <message>
        <source>Set each member&apos;s dues category and basis.</source>
        <translation>Đặt đối tượng và căn cứ tính đảng phí của từng đảng viên.</translation>
    </message>
    <message>
        <source>Open Party dues</source>
        <translation>Mở Đảng phí</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Bắt đầu</translation>
    </message>
</context>
</TS>
