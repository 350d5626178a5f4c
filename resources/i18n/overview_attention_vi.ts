<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AttentionModel</name>
    <message>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Data behind it</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <source>Months: {months}; ground at {threshold} months</source>
        <translation>Các tháng: {months}; đủ căn cứ khi tới {threshold} tháng</translation>
    </message>
    <message>
        <source>Unpaid: {months}; ground at {threshold} months</source>
        <translation>Chưa đóng: {months}; đủ căn cứ khi tới {threshold} tháng</translation>
    </message>
    <message>
        <source>Years: {years}</source>
        <translation>Các năm: {years}</translation>
    </message>
    <message>
        <source>Ends on {date}</source>
        <translation>Hết hạn ngày {date}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>đã quá hạn</translation>
    </message>
    <message>
        <source>{count} in a row (limit {limit})</source>
        <translation>{count} lần liên tiếp (giới hạn {limit})</translation>
    </message>
    <message>
        <source>last absent {date}</source>
        <translation>lần vắng gần nhất {date}</translation>
    </message>
    <message>
        <source>Dates: {dates}</source>
        <translation>Các ngày: {dates}</translation>
    </message>
</context>
<context>
    <name>AttentionView</name>
    <message>
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message>
        <source>Print the list…</source>
        <translation>In danh sách…</translation>
    </message>
    <message>
        <source>The list with the facts and the records behind each entry, to discuss at the chi ủy meeting</source>
        <translation>Danh sách kèm sự việc và căn cứ trong hồ sơ của từng trường hợp, để chi ủy xem xét</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Double-click a row to open the member&apos;s record. Counts are checked against the rules in force; a count one short of a ground for removal is listed as a reminder, so you can talk to the member in time.</source>
        <translation>Nhấp đúp vào một dòng để mở hồ sơ đảng viên. Số liệu được đối chiếu với quy định đang áp dụng; trường hợp còn thiếu một lần nữa là đủ căn cứ xóa tên được nêu để nhắc nhở, giúp chi bộ kịp thời gặp gỡ, trao đổi với đảng viên.</translation>
    </message>
    <message>
        <source>No member needs attention.</source>
        <translation>Không có đảng viên nào cần quan tâm.</translation>
    </message>
    <message>
        <source>{count} matters about {members} members</source>
        <translation>{count} vấn đề của {members} đảng viên</translation>
    </message>
</context>
</TS>
