<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>NewMeetingDialog</name>
    <message>
        <source>New meeting</source>
        <translation>Buổi sinh hoạt mới</translation>
    </message>
    <message>
        <source>as at the previous meeting</source>
        <translation>như buổi sinh hoạt trước</translation>
    </message>
    <message>
        <source>Meeting type:</source>
        <translation>Loại sinh hoạt:</translation>
    </message>
    <message>
        <source>Held on:</source>
        <translation>Ngày họp:</translation>
    </message>
    <message>
        <source>of year</source>
        <translation>năm</translation>
    </message>
    <message>
        <source>Meeting of month:</source>
        <translation>Sinh hoạt của tháng:</translation>
    </message>
    <message>
        <source>Starts at:</source>
        <translation>Bắt đầu lúc:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Địa điểm:</translation>
    </message>
    <message>
        <source>The agenda is taken from the template and the attendance list from the members in the cell on the meeting date.</source>
        <translation>Chương trình lấy theo mẫu; danh sách điểm danh lấy theo các đảng viên của chi bộ vào ngày họp.</translation>
    </message>
    <message>
        <source>Create and open</source>
        <translation>Tạo và mở biên bản</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Chủ đề:</translation>
    </message>
    <message>
        <source>Matter (optional):</source>
        <translation>Nội dung (không bắt buộc):</translation>
    </message>
    <message>
        <source>Topic (optional):</source>
        <translation>Chủ đề (không bắt buộc):</translation>
    </message>
</context>
</TS>
