<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Members in the cell</source>
        <translation>Đảng viên trong chi bộ</translation>
    </message>
    <message>
        <source>Official members</source>
        <translation>Đảng viên chính thức</translation>
    </message>
    <message>
        <source>Probationary members</source>
        <translation>Đảng viên dự bị</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang sinh hoạt</translation>
    </message>
    <message>
        <source>Exempt from activities</source>
        <translation>Miễn sinh hoạt</translation>
    </message>
    <message>
        <source>Attending temporarily</source>
        <translation>Sinh hoạt tạm thời</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Việc cần lưu ý</translation>
    </message>
    <message>
        <source>Double-click a reminder to open the member&apos;s record or the meetings it is about.</source>
        <translation>Nhấp đúp vào một lời nhắc để mở hồ sơ đảng viên hoặc buổi sinh hoạt liên quan.</translation>
    </message>
    <message>
        <source>No longer in the cell: {transferred} transferred out, {removed} removed from the list, {deceased} deceased.</source>
        <translation>Không còn trong chi bộ: {transferred} đã chuyển sinh hoạt, {removed} đã xóa tên, {deceased} từ trần.</translation>
    </message>
    <message>
        <source>Reading the reminders…</source>
        <translation>Đang đọc các lời nhắc…</translation>
    </message>
    <message>
        <source>Double-click to open the member&apos;s record</source>
        <translation>Nhấn đúp để mở hồ sơ đảng viên</translation>
    </message>
    <message>
        <source>Nothing needs your attention now.</source>
        <translation>Hiện không có việc gì cần lưu ý.</translation>
    </message>
</context>
</TS>
