"""Messages of the meetings service (Vietnamese first, English second): audit summaries, refusals,
validation errors and the overview's reminders."""

from __future__ import annotations

from ...domain.messages import Msg

MEETING = Msg("buổi sinh hoạt", "meeting")
RESOLUTION = Msg("nghị quyết", "resolution")
CREATE_SUMMARY = Msg("Tạo biên bản mới: {title}", "New minutes: {title}")
SAVE_SUMMARY = Msg("Lưu biên bản: {title}", "Save the minutes: {title}")
ATTENDANCE_SUMMARY = Msg("Điểm danh {name}: {status} ({title})", "Attendance of {name}: {status} ({title})")
ATTENDANCE_MANY_SUMMARY = Msg("Ghi điểm danh: {title}", "Record attendance: {title}")
ROSTER_SUMMARY = Msg("Cập nhật danh sách đảng viên dự họp ({title})", "Refresh the attendance list ({title})")
APPROVE_SUMMARY = Msg("Thông qua biên bản {number}: {title}", "Approve minutes {number}: {title}")
AMEND_SUMMARY = Msg("Lập bản sửa đổi biên bản {number}", "Amend minutes {number}")
DELETE_SUMMARY = Msg("Xóa dự thảo biên bản: {title}", "Delete draft minutes: {title}")
RESOLUTION_SAVE_SUMMARY = Msg("Lưu nghị quyết {title}", "Save resolution {title}")
RESOLUTION_ISSUE_SUMMARY = Msg("Ban hành nghị quyết {number}", "Issue resolution {number}")
RESOLUTION_DELETE_SUMMARY = Msg("Xóa dự thảo nghị quyết {title}", "Delete draft resolution {title}")

LOCKED = Msg(
    "Biên bản này đã được thông qua nên không sửa được nữa. Nếu cần đính chính, hãy lập bản sửa đổi.",
    "These minutes were approved and can no longer be edited. To correct them, create an amendment.",
)
# How "changed meanwhile" names the meeting's columns (services/revisions.py).
MINUTES_FIELDS = {
    "kind": Msg("Loại sinh hoạt", "Kind of meeting"), "held_on": Msg("Ngày họp", "Date"),
    "topic": Msg("Chủ đề", "Topic"), "start_time": Msg("Giờ bắt đầu", "Start time"),
    "end_time": Msg("Giờ kết thúc", "End time"), "location": Msg("Địa điểm", "Place"),
    "chair_member_id": Msg("Chủ trì", "Chair"), "secretary_member_id": Msg("Thư ký", "Secretary"),
    "content": Msg("Nội dung biên bản", "Minutes text"), "status": Msg("Trạng thái", "Status"),
    "deleted_at": Msg("Đã xóa", "Deleted"),
}
ALREADY_APPROVED = Msg(
    "Biên bản này đã được thông qua với {number} (có thể từ một cửa sổ hoặc máy khác), nên không cấp thêm số.",
    "These minutes were already approved as {number} (perhaps from another window or computer); no second number is given.",
)
SUPERSEDED = Msg(
    "Biên bản này đã có bản sửa đổi; hãy làm việc trên bản sửa đổi mới nhất.",
    "These minutes have been amended; work on the latest amendment.",
)
ALREADY_AMENDED = Msg(
    "Biên bản này đã có bản sửa đổi (đang soạn hoặc đã thông qua).",
    "These minutes already have an amendment (draft or approved).",
)
NOT_APPROVED = Msg(
    "Chỉ lập bản sửa đổi cho biên bản đã thông qua; dự thảo thì sửa trực tiếp.",
    "Only approved minutes are amended; edit a draft directly.",
)
CANNOT_DELETE_APPROVED = Msg(
    "Biên bản đã thông qua được lưu giữ lâu dài, không xóa được.",
    "Approved minutes are kept permanently and cannot be deleted.",
)
CANNOT_DELETE_ISSUED = Msg(
    "Buổi sinh hoạt này đã có nghị quyết ban hành nên không xóa được.",
    "This meeting has an issued resolution and cannot be deleted.",
)
RESOLUTION_LOCKED = Msg(
    "Nghị quyết đã ban hành nên không sửa được nữa. Nếu cần đính chính, hãy lập bản sửa đổi biên bản.",
    "The resolution was issued and can no longer be edited. To correct it, amend the minutes.",
)
NO_RESOLUTION = Msg("Buổi sinh hoạt này chưa có nghị quyết.", "This meeting has no resolution.")
RESOLUTION_EMPTY = Msg("Nghị quyết chưa có nội dung.", "The resolution has no text.")
PERIOD_TAKEN = Msg(
    "Tháng {month}/{year} đã có buổi sinh hoạt thường kỳ (ngày {date}).",
    "{month}/{year} already has a regular meeting (on {date}).",
)
NOT_ON_LIST = Msg("Đồng chí này không có trong danh sách dự họp.", "This member is not on the attendance list.")
BAD_STATUS = Msg("Trạng thái điểm danh không hợp lệ.", "Unknown attendance status.")
REASON_REQUIRED = Msg("Hãy ghi lý do vắng.", "Enter the reason for the absence.")
EXEMPT_FIXED = Msg(
    "Đảng viên miễn sinh hoạt được ghi theo danh sách đảng viên; hãy sửa ở mục Đảng viên.",
    "Exempt members follow the registry; change it under Members.",
)
AMENDMENT_NOTE = Msg("Sửa đổi, bổ sung Biên bản {number} ngày {date}", "Amends minutes {number} of {date}")

# Reminders on the overview page.
MONTH_MISSING = Msg(
    "Chưa có biên bản sinh hoạt chi bộ thường kỳ tháng {months} năm {year}.",
    "No regular meeting minutes for month {months} of {year}.",
)
QUARTER_MISSING = Msg(
    "Quý {quarter} năm {year} chưa có buổi sinh hoạt chuyên đề.",
    "Quarter {quarter} of {year} had no thematic meeting.",
)
QUARTER_DUE = Msg(
    "Quý {quarter} năm {year} chưa tổ chức sinh hoạt chuyên đề; quý kết thúc ngày {end}.",
    "No thematic meeting yet in quarter {quarter} of {year}; the quarter ends on {end}.",
)
DRAFT_PENDING = Msg(
    "Biên bản buổi sinh hoạt ngày {date} chưa được thông qua.",
    "The minutes of the meeting on {date} are not approved yet.",
)
UNEXCUSED_REMINDER = Msg(
    "Buổi sinh hoạt ngày {date}: vắng không lý do — {names}.",
    "Meeting on {date}: absent without reason — {names}.",
)
