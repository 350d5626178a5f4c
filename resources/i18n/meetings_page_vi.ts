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
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Cell meetings</source>
        <translation>Sinh hoạt chi bộ</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>Buổi sinh hoạt mới</translation>
    </message>
    <message>
        <source>Create the minutes of a new meeting (Ctrl+N)</source>
        <translation>Lập biên bản một buổi sinh hoạt mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Open the selected minutes (Enter or double-click)</source>
        <translation>Mở biên bản đang chọn (Enter hoặc bấm đúp)</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Xóa dự thảo</translation>
    </message>
    <message>
        <source>Delete the selected draft (approved minutes are kept for good)</source>
        <translation>Xóa dự thảo đang chọn (biên bản đã thông qua được lưu giữ vĩnh viễn)</translation>
    </message>
    <message>
        <source>Print minutes</source>
        <translation>In biên bản</translation>
    </message>
    <message>
        <source>Make the PDF of the selected minutes and open it to print (Ctrl+P)</source>
        <translation>Tạo tệp PDF của biên bản đang chọn và mở ra để in (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print resolution</source>
        <translation>In nghị quyết</translation>
    </message>
    <message>
        <source>Make the PDF of the selected meeting&apos;s resolution</source>
        <translation>Tạo tệp PDF nghị quyết của buổi sinh hoạt đang chọn</translation>
    </message>
    <message>
        <source>Minutes book of the year</source>
        <translation>In sổ biên bản năm</translation>
    </message>
    <message>
        <source>Every approved minutes of the year in one bound PDF, with a table of contents</source>
        <translation>Tất cả biên bản đã thông qua trong năm, đóng thành một tệp PDF có mục lục</translation>
    </message>
    <message>
        <source>Export to Word</source>
        <translation>Xuất ra Word</translation>
    </message>
    <message>
        <source>Save the selected minutes as a Word (DOCX) file</source>
        <translation>Lưu biên bản đang chọn thành tệp Word (DOCX)</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Meetings of the year</source>
        <translation>Các buổi sinh hoạt trong năm</translation>
    </message>
    <message>
        <source>Also show amended (replaced) minutes</source>
        <translation>Hiện cả biên bản đã có bản sửa đổi</translation>
    </message>
    <message>
        <source>Meetings plan of {year}</source>
        <translation>Kế hoạch sinh hoạt năm {year}</translation>
    </message>
    <message>
        <source>Extraordinary meetings: {count}</source>
        <translation>Sinh hoạt bất thường: {count} buổi</translation>
    </message>
    <message>
        <source>No meeting recorded in {year}. Create one with &quot;New meeting&quot; (Ctrl+N).</source>
        <translation>Năm {year} chưa có buổi sinh hoạt nào. Bấm &quot;Buổi sinh hoạt mới&quot; (Ctrl+N) để lập biên bản.</translation>
    </message>
    <message>
        <source>{name} ({count} times)</source>
        <translation>{name} ({count} lần)</translation>
    </message>
    <message>
        <source>Absent more than {limit} times in a row: {names}.</source>
        <translation>Vắng quá {limit} lần liên tiếp: {names}.</translation>
    </message>
    <message>
        <source>{name} (months {months})</source>
        <translation>{name} (tháng {months})</translation>
    </message>
    <message>
        <source>Missed meetings without valid reason in 3 or more months (grounds to consider removal): {names}.</source>
        <translation>Bỏ sinh hoạt không có lý do chính đáng từ 3 tháng trở lên trong năm (căn cứ xem xét xóa tên): {names}.</translation>
    </message>
    <message>
        <source>Approved minutes are kept for good and cannot be deleted.</source>
        <translation>Biên bản đã thông qua được lưu giữ vĩnh viễn, không xóa được.</translation>
    </message>
    <message>
        <source>Delete the draft minutes of {date} ({title})?

You can undo this at once with Edit → Undo (Ctrl+Z).</source>
        <translation>Xóa dự thảo biên bản ngày {date} ({title})?

Có thể hoàn tác ngay bằng Sửa → Hoàn tác (Ctrl+Z).</translation>
    </message>
</context>
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
<context>
    <name>YearView</name>
    <message>
        <source>Regular</source>
        <translation>Thường kỳ</translation>
    </message>
    <message>
        <source>Thematic</source>
        <translation>Chuyên đề</translation>
    </message>
    <message>
        <source>Month {month}</source>
        <translation>Tháng {month}</translation>
    </message>
    <message>
        <source>with the regular meeting</source>
        <translation>cùng thường kỳ</translation>
    </message>
    <message>
        <source>Quarter {quarter}</source>
        <translation>Quý {quarter}</translation>
    </message>
    <message>
        <source>not held</source>
        <translation>chưa họp</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>đến kỳ</translation>
    </message>
    <message>
        <source>Month {month}/{year}</source>
        <translation>Tháng {month}/{year}</translation>
    </message>
    <message>
        <source>no minutes of the month&apos;s regular meeting.</source>
        <translation>chưa có biên bản sinh hoạt thường kỳ của tháng.</translation>
    </message>
    <message>
        <source>the month&apos;s regular meeting is still to be held.</source>
        <translation>chưa tổ chức sinh hoạt thường kỳ của tháng.</translation>
    </message>
    <message>
        <source>Quarter {quarter}/{year}</source>
        <translation>Quý {quarter}/{year}</translation>
    </message>
    <message>
        <source>at least {required} thematic meeting(s) needed, {held} held.</source>
        <translation>cần ít nhất {required} buổi sinh hoạt chuyên đề, đã tổ chức {held} buổi.</translation>
    </message>
</context>
</TS>
