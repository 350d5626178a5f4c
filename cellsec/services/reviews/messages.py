"""Constants and Vietnamese messages of the annual review (kiểm điểm, xếp loại)."""

from __future__ import annotations

from ...domain.messages import Msg


KIND_REVIEW = "member_review"
KIND_COLLECTIVE = "collective_review"
KIND_SUMMARY = "review_summary"
KIND_TABLES = {KIND_REVIEW: "member_reviews", KIND_COLLECTIVE: "collective_reviews", KIND_SUMMARY: "review_years"}
SHIPPED_RULE_SETS = ("review_2025", "review_2023")
DRAFT, SUBMITTED, DECIDED = "draft", "submitted", "decided"
FINALISED = (SUBMITTED, DECIDED)  # the locked statuses (services/lifecycle.py)

# ---- messages ---------------------------------------------------------------------------------------------
WHAT_RULE_SET = Msg("bộ quy tắc kiểm điểm", "review rule set")
WHAT_YEAR = Msg("kỳ kiểm điểm năm {year}", "the {year} review")
WHAT_REVIEW = Msg("bản kiểm điểm", "review")
WHAT_MEMBER = Msg("đảng viên", "member")
SHIPPED_READ_ONLY = Msg(
    "Bộ quy tắc có sẵn \"{name}\" không sửa được. Hãy sao chép rồi sửa bản sao.",
    "The shipped rule set \"{name}\" cannot be edited. Copy it and edit the copy.",
)
RULE_SET_IN_USE = Msg(
    "Bộ quy tắc \"{name}\" đang được dùng cho kỳ kiểm điểm năm {years}; không xóa được.",
    "The rule set \"{name}\" is used by the {years} review; it cannot be deleted.",
)
YEAR_RANGE = Msg("Năm kiểm điểm phải từ 2000 đến {max}.", "The review year must be between 2000 and {max}.")
YEAR_NOT_OPEN = Msg("Chưa mở kỳ kiểm điểm năm {year}.", "The {year} review has not been opened.")
YEAR_SUBMITTED = Msg(
    "Biểu tổng hợp năm {year} đã gửi lên cấp trên; không đổi bộ quy tắc được nữa.",
    "The {year} summary has been submitted; the rule set can no longer change.",
)
YEAR_HAS_SUBMISSIONS = Msg(
    "Đã có bản kiểm điểm năm {year} gửi lên cấp trên; không đổi bộ quy tắc được nữa.",
    "Reviews of {year} have been submitted; the rule set can no longer change.",
)
LOCKED = Msg(
    "Bản kiểm điểm của đồng chí {name} đã gửi lên cấp trên nên không sửa trực tiếp được. "
    "Hãy lập bản đính chính và ghi rõ lý do.",
    "{name}'s review has been submitted, so it cannot be edited directly. Make an amendment with its reason.",
)
COLLECTIVE_LOCKED = Msg(
    "Báo cáo kiểm điểm tập thể năm {year} đã gửi lên cấp trên; hãy lập bản đính chính và ghi rõ lý do.",
    "The {year} collective review has been submitted; make an amendment with its reason.",
)
NOT_LOCKED = Msg(
    "Bản kiểm điểm chưa gửi lên cấp trên nên sửa trực tiếp, không cần đính chính.",
    "The review has not been submitted; edit it directly, no amendment is needed.",
)
NOT_SUBMITTED = Msg(
    "Phải gửi bản kiểm điểm lên cấp trên trước khi ghi mức xếp loại được quyết định.",
    "Submit the review before recording the decided level.",
)
ALREADY_DECIDED = Msg(
    "Đã ghi mức xếp loại được quyết định; muốn sửa hãy lập bản đính chính và ghi rõ lý do.",
    "The decided level is recorded; to change it make an amendment with its reason.",
)
CHANGED_MEANWHILE = Msg(
    "Bản kiểm điểm vừa được sửa ở nơi khác (nay là bản số {version}) trong lúc đồng chí làm; thao tác này chưa được "
    "ghi. Hãy mở lại để xem bản mới rồi làm lại.",
    "The review was changed elsewhere (it is now version {version}) while you worked; this was not recorded. "
    "Open it again to see the new version, then redo it.",
)
UNKNOWN_FORM = Msg("Mẫu kiểm điểm không có trong bộ quy tắc của năm.", "This form type is not in the year's rule set.")
UNKNOWN_GRADE = Msg("Mức đánh giá không hợp lệ.", "Unknown grade.")
UNKNOWN_CASE = Msg("Trường hợp này không có trong bộ quy tắc của năm.", "This case is not in the year's rule set.")
UNKNOWN_CONDITION = Msg("Điều kiện này không có trong bộ quy tắc của năm.", "This condition is not in the year's rule set.")
REQUIRED = Msg("Không được để trống.", "This field is required.")
SELF_LEVEL_REQUIRED = Msg("Chưa có mức tự nhận xếp loại.", "The self-assessed level is missing.")
CELL_LEVEL_REQUIRED = Msg("Chưa có mức xếp loại chi bộ đề xuất.", "The level the cell proposes is missing.")
VOTES_NEGATIVE = Msg("Số phiếu không được âm.", "Vote counts cannot be negative.")
VOTES_TOO_MANY = Msg(
    "Tổng số phiếu ({total}) nhiều hơn số đảng viên của chi bộ ({members}).",
    "The votes ({total}) outnumber the cell's members ({members}).",
)
DECISION_DATE_EARLY = Msg(
    "Ngày quyết định không thể trước năm được kiểm điểm ({year}).",
    "The decision cannot be dated before the reviewed year ({year}).",
)
DECISION_DATE_FUTURE = Msg("Ngày quyết định không được sau hôm nay.", "The decision date cannot be in the future.")
REASON_REQUIRED = Msg("Hãy ghi lý do đính chính.", "Give the reason for the amendment.")
QUOTA_REASON_REQUIRED = Msg(
    "Số đề xuất \"Hoàn thành xuất sắc nhiệm vụ\" ({proposed}) vượt tỷ lệ cho phép ({allowed}) {over} trường hợp; "
    "hãy ghi lý do đề nghị.",
    "The proposed \"excellent\" ratings ({proposed}) exceed the quota ({allowed}) by {over}; give the reason.",
)
REVIEWS_INCOMPLETE = Msg(
    "Chưa có mức chi bộ đề xuất cho: {names}.", "The cell has not proposed a level for: {names}.",
)
REVIEWS_REFUSED = Msg(
    "Mức xếp loại không phù hợp quy định: {names}.", "Levels the rules do not allow: {names}.",
)
SUMMARY_SUBMITTED = Msg(
    "Biểu tổng hợp năm {year} đã gửi lên cấp trên.", "The {year} summary has already been submitted.",
)
NOT_REVIEWED_EXEMPT = Msg("Miễn công tác và sinh hoạt đảng", "Exempt from Party work and activities")
NOT_REVIEWED_LEFT = Msg("{status} từ ngày {date}", "{status} since {date}")
NOT_REVIEWED_ADMITTED = Msg("Vào Đảng sau năm {year}", "Admitted after {year}")

REVIEW_DOC_NAME = Msg("năm {year} của đồng chí {name}", "{year} of {name}")
COLLECTIVE_DOC_NAME = Msg("năm {year}", "{year}")

S_COPY = Msg("Sao chép bộ quy tắc kiểm điểm \"{name}\"", "Copy the review rule set \"{name}\"")
S_UPDATE = Msg("Sửa bộ quy tắc kiểm điểm \"{name}\"", "Edit the review rule set \"{name}\"")
S_DELETE = Msg("Xóa bộ quy tắc kiểm điểm \"{name}\"", "Delete the review rule set \"{name}\"")
S_OPEN = Msg("Mở kỳ kiểm điểm năm {year} ({count} đảng viên)", "Open the {year} review ({count} members)")
S_ADD = Msg("Bổ sung {count} đảng viên vào kỳ kiểm điểm năm {year}", "Add {count} members to the {year} review")
S_RULES = Msg("Đổi bộ quy tắc của kỳ kiểm điểm năm {year}: {name}", "Change the {year} review's rule set: {name}")
S_FORM = Msg("Đổi mẫu kiểm điểm của đồng chí {name}: {form}", "Change {name}'s review form: {form}")
S_SAVE = Msg("Lưu bản tự kiểm điểm năm {year} của đồng chí {name}", "Save {name}'s {year} self-review")
S_CELL = Msg("Ghi ý kiến chi bộ về đồng chí {name} (năm {year})", "Record the cell's assessment of {name} ({year})")
S_SUBMIT = Msg("Gửi bản kiểm điểm năm {year} của đồng chí {name} lên cấp trên",
               "Submit {name}'s {year} review")
S_DECIDE = Msg("Ghi mức xếp loại năm {year} của đồng chí {name}: {level}",
               "Record {name}'s {year} level: {level}")
S_AMEND = Msg("Đính chính bản kiểm điểm năm {year} của đồng chí {name}", "Amend {name}'s {year} review")
S_SUMMARY = Msg("Gửi biểu tổng hợp xếp loại đảng viên năm {year}", "Submit the {year} classification summary")
S_COMMIT = Msg("Lưu đăng ký cam kết năm {year} của đồng chí {name}", "Save {name}'s {year} commitments")
S_COLL_SAVE = Msg("Lưu báo cáo kiểm điểm tập thể chi bộ năm {year}", "Save the cell's {year} collective review")
S_COLL_SUBMIT = Msg("Gửi báo cáo kiểm điểm tập thể chi bộ năm {year}", "Submit the cell's {year} collective review")
S_COLL_DECIDE = Msg("Ghi mức xếp loại chi bộ năm {year}: {level}", "Record the cell's {year} level: {level}")
S_COLL_AMEND = Msg("Đính chính báo cáo kiểm điểm tập thể năm {year}", "Amend the cell's {year} collective review")

# How "changed meanwhile" names the columns of commitments and of the collective review (services/revisions.py).
COMMITMENT_FIELDS = {
    "items": Msg("Các nội dung cam kết", "Commitment items"), "registered_on": Msg("Ngày đăng ký", "Registered on"),
    "midyear_check": Msg("Kiểm tra giữa năm", "Mid-year check"), "midyear_on": Msg("Ngày kiểm tra giữa năm",
                                                                                   "Mid-year check date"),
    "yearend_result": Msg("Kết quả cuối năm", "Year-end result"), "yearend_on": Msg("Ngày đánh giá cuối năm",
                                                                                   "Year-end date"),
}
COLLECTIVE_FIELDS = {
    "sections": Msg("Nội dung báo cáo", "Report sections"), "scores": Msg("Điểm tự chấm", "Self-assessed scores"),
    "grades": Msg("Mức đánh giá", "Grades"), "conditions": Msg("Điều kiện", "Conditions"),
    "disqualifiers": Msg("Trường hợp không xếp loại cao", "Disqualifying cases"),
    "self_level": Msg("Mức tự xếp loại", "Proposed level"), "status": Msg("Trạng thái", "Status"),
    "decided_level": Msg("Mức cấp trên quyết định", "Level decided above"),
}
