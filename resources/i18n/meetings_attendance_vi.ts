<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AttendanceTab</name>
    <message>
        <source>No.</source>
        <translation>SĐV</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>Absent with reason</source>
        <translation>Vắng có lý do</translation>
    </message>
    <message>
        <source>Absent without reason</source>
        <translation>Vắng không lý do</translation>
    </message>
    <message>
        <source>Reason for absence</source>
        <translation>Lý do vắng</translation>
    </message>
    <message>
        <source>Everyone present</source>
        <translation>Tất cả có mặt</translation>
    </message>
    <message>
        <source>Mark every member who is not exempt as present</source>
        <translation>Ghi có mặt cho mọi đảng viên không thuộc diện miễn sinh hoạt</translation>
    </message>
    <message>
        <source>Update the list from the registry</source>
        <translation>Cập nhật danh sách theo hồ sơ đảng viên</translation>
    </message>
    <message>
        <source>Add members who joined and drop those who left before the meeting date (marks already made are kept)</source>
        <translation>Thêm đảng viên mới vào và bỏ đảng viên đã chuyển đi trước ngày họp (các ô đã điểm danh được giữ nguyên)</translation>
    </message>
    <message>
        <source>Keys 1, 2, 3 mark the selected member present, absent with reason, absent without reason.</source>
        <translation>Phím 1, 2, 3: ghi đảng viên đang chọn có mặt, vắng có lý do, vắng không lý do.</translation>
    </message>
    <message>
        <source>Exempt members are not counted in the attendance rate</source>
        <translation>Đảng viên miễn sinh hoạt không tính vào tỷ lệ dự họp</translation>
    </message>
    <message>
        <source>Double-click to write the reason</source>
        <translation>Nhấp đúp để ghi lý do</translation>
    </message>
    <message>
        <source>Members of the cell: &lt;b&gt;{total}&lt;/b&gt; (official {official}, probationary {probationary})</source>
        <translation>Tổng số đảng viên: &lt;b&gt;{total}&lt;/b&gt; (chính thức {official}, dự bị {probationary})</translation>
    </message>
    <message>
        <source>exempt: {exempt}</source>
        <translation>miễn sinh hoạt: {exempt}</translation>
    </message>
    <message>
        <source>expected: {expected}</source>
        <translation>phải dự: {expected}</translation>
    </message>
    <message>
        <source>present: &lt;b&gt;{present}&lt;/b&gt;</source>
        <translation>có mặt: &lt;b&gt;{present}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>absent with reason: {count}</source>
        <translation>vắng có lý do: {count}</translation>
    </message>
    <message>
        <source>absent without reason: {count}</source>
        <translation>vắng không lý do: {count}</translation>
    </message>
    <message>
        <source>Attendance: {rate} ({present}/{expected})</source>
        <translation>Tỷ lệ đảng viên dự họp: {rate} ({present}/{expected})</translation>
    </message>
    <message>
        <source>not above {threshold}%: the meeting misses the quality criterion</source>
        <translation>không đạt trên {threshold}%: chưa đạt tiêu chí chất lượng sinh hoạt</translation>
    </message>
    <message>
        <source>Write the reason for {name}&apos;s absence in the last column.</source>
        <translation>Hãy ghi lý do vắng của đồng chí {name} vào cột cuối.</translation>
    </message>
</context>
</TS>
