<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
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
        <translation>Mở biên bản đang chọn (Enter hoặc nhấp đúp)</translation>
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
        <source>Print resolution</source>
        <translation>In nghị quyết</translation>
    </message>
    <message>
        <source>Preview the selected minutes, then print or save them (Ctrl+P)</source>
        <translation>Xem trước biên bản đã chọn rồi in hoặc lưu (Ctrl+P)</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Giấy mời</translation>
    </message>
    <message>
        <source>The invitation to the members and the committee above: time, place and content of the selected meeting</source>
        <translation>Giấy mời đảng viên và cấp ủy cấp trên: thời gian, địa điểm, nội dung của buổi sinh hoạt đã chọn</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>Báo cáo tháng</translation>
    </message>
    <message>
        <source>The report to the committee above of the selected meeting&apos;s month (this month when none is selected)</source>
        <translation>Báo cáo cấp ủy cấp trên kết quả sinh hoạt của tháng có buổi sinh hoạt đã chọn (tháng này nếu chưa chọn)</translation>
    </message>
    <message>
        <source>Thematic plan</source>
        <translation>Kế hoạch chuyên đề</translation>
    </message>
    <message>
        <source>The year&apos;s thematic-meeting plan to report to the committee above</source>
        <translation>Kế hoạch sinh hoạt chuyên đề của năm để báo cáo cấp ủy cấp trên</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>Danh sách ký tên</translation>
    </message>
    <message>
        <source>The list of the cell&apos;s members with a column to sign at the meeting</source>
        <translation>Danh sách đảng viên của chi bộ có cột ký tên tại buổi sinh hoạt</translation>
    </message>
    <message>
        <source>Preview the selected meeting&apos;s resolution, then print or save it</source>
        <translation>Xem trước nghị quyết của buổi sinh hoạt đã chọn rồi in hoặc lưu</translation>
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
</TS>
