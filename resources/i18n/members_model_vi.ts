<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>MemberTableModel</name>
    <message>
        <source>No.</source>
        <translation>SĐV</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Ngày vào Đảng</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Ngày chính thức</translation>
    </message>
    <message>
        <source>Card no.</source>
        <translation>Số thẻ</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Sinh hoạt</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Number in the cell&apos;s member list (SĐV)</source>
        <translation>Số thứ tự trong danh sách đảng viên của chi bộ (số SĐV)</translation>
    </message>
    <message>
        <source>Date admitted to the Party</source>
        <translation>Ngày vào Đảng (kết nạp)</translation>
    </message>
    <message>
        <source>Date recognised as an official member</source>
        <translation>Ngày được công nhận đảng viên chính thức</translation>
    </message>
    <message>
        <source>Party card number</source>
        <translation>Số thẻ đảng viên</translation>
    </message>
    <message>
        <source>Probationary or official member</source>
        <translation>Đảng viên dự bị hay chính thức</translation>
    </message>
    <message>
        <source>Activity status in the cell</source>
        <translation>Tình trạng sinh hoạt tại chi bộ</translation>
    </message>
    <message>
        <source>Party position, or else the government position</source>
        <translation>Chức vụ Đảng; nếu không có thì chức vụ chính quyền</translation>
    </message>
</context>
</TS>
