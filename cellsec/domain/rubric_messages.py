"""The reasons a rubric or a rubric file is refused, in Vietnamese and English (domain.rubrics)."""

from __future__ import annotations

from .messages import Msg

FILE_TOO_LARGE = Msg("Tệp quá lớn ({size} byte; tối đa 1 MB), không phải tệp bộ tiêu chí.",
                     "The file is too large ({size} bytes; at most 1 MB) to be a rubric file.")
NOT_UTF8 = Msg("Tệp không phải văn bản UTF-8.", "The file is not UTF-8 text.")
BAD_JSON = Msg("Tệp không phải JSON hợp lệ (dòng {line}, cột {col}).",
               "The file is not valid JSON (line {line}, column {col}).")
TOO_DEEP = Msg("Tệp JSON lồng quá sâu, không phải tệp bộ tiêu chí.", "The JSON nests too deeply to be a rubric file.")
NOT_NUMBER_LITERAL = Msg("Tệp chứa giá trị số không hợp lệ ({value}).", "The file holds an invalid number ({value}).")
WRONG_FORMAT = Msg("Tệp không phải tệp bộ tiêu chí CellSec (cần \"format\": \"cellsec-rubrics\").",
                   "This is not a CellSec rubric file (it needs \"format\": \"cellsec-rubrics\").")
NEWER_FORMAT = Msg("Tệp được tạo bởi phiên bản CellSec mới hơn (định dạng {version}). Hãy cập nhật chương trình.",
                   "The file was written by a newer CellSec (format {version}). Please update the program.")
NO_RUBRICS = Msg("Tệp không có bộ tiêu chí nào.", "The file holds no rubric.")
TOO_MANY = Msg("{where}: quá nhiều {what} ({count}; tối đa {limit}).", "{where}: too many {what} ({count}; at most {limit}).")
MISSING = Msg("{where}: thiếu \"{field}\".", "{where}: \"{field}\" is missing.")
UNKNOWN_FIELD = Msg("{where}: không có trường \"{field}\" trong định dạng bộ tiêu chí.",
                    "{where}: \"{field}\" is not a field of the rubric format.")
WRONG_TYPE = Msg("{where}: \"{field}\" phải là {expected}.", "{where}: \"{field}\" must be {expected}.")
EMPTY_TEXT = Msg("{where}: \"{field}\" không được để trống.", "{where}: \"{field}\" must not be empty.")
TEXT_TOO_LONG = Msg("{where}: \"{field}\" quá dài (tối đa {limit} ký tự).",
                    "{where}: \"{field}\" is too long (at most {limit} characters).")
BAD_ID = Msg("{where}: mã \"{value}\" không hợp lệ (chỉ gồm chữ cái không dấu, số, dấu chấm, gạch; tối đa 40 ký tự).",
             "{where}: the id \"{value}\" is invalid (letters without marks, digits, dot, dash; at most 40).")
DUPLICATE_ID = Msg("{where}: mã \"{value}\" bị trùng.", "{where}: the id \"{value}\" is used twice.")
NEGATIVE_POINTS = Msg("{where}: điểm không được âm ({value}).", "{where}: points cannot be negative ({value}).")
HUGE_POINTS = Msg("{where}: điểm {value} quá lớn (tối đa {limit}).", "{where}: {value} points is too large (at most {limit}).")
BAD_DATE = Msg("{where}: ngày \"{value}\" không hợp lệ (dạng YYYY-MM-DD).",
               "{where}: the date \"{value}\" is invalid (use YYYY-MM-DD).")
BAD_TARGET = Msg("{where}: đối tượng chấm \"{value}\" không hợp lệ (meeting, cell_year hoặc member_year).",
                 "{where}: the target \"{value}\" is invalid (meeting, cell_year or member_year).")
BAD_MEETING_TYPE = Msg("{where}: loại buổi sinh hoạt \"{value}\" không hợp lệ.", "{where}: unknown meeting type \"{value}\".")
MEETING_TYPES_REQUIRED = Msg("{where}: bộ tiêu chí chấm buổi sinh hoạt phải nêu loại buổi sinh hoạt áp dụng.",
                             "{where}: a meeting rubric must name the meeting types it applies to.")
NO_CRITERIA = Msg("{where}: chưa có tiêu chí nào.", "{where}: there are no criteria.")
EMPTY_GROUP = Msg("{where}: nhóm không có tiêu chí nào.", "{where}: the group has no criteria.")
TOTAL_MISMATCH = Msg("{where}: tổng điểm tối đa của các tiêu chí là {actual}, khác với điểm tối đa đã khai báo ({declared}).",
                     "{where}: the criteria add up to {actual} points, not the declared maximum ({declared}).")
ZERO_TOTAL = Msg("{where}: tổng điểm tối đa phải lớn hơn 0.", "{where}: the maximum total must be above 0.")
NO_BANDS = Msg("{where}: chưa có mức xếp loại nào.", "{where}: there are no bands.")
BANDS_NOT_COVERING = Msg("{where}: các mức xếp loại phải phủ từ 0 điểm (mức thấp nhất đang bắt đầu từ {lowest}).",
                         "{where}: the bands must start at 0 points (the lowest starts at {lowest}).")
BAND_ABOVE_MAX = Msg("{where}: mức \"{label}\" bắt đầu từ {value} điểm, cao hơn tổng điểm tối đa {max}.",
                     "{where}: band \"{label}\" starts at {value}, above the maximum {max}.")
BAND_DUPLICATE = Msg("{where}: hai mức xếp loại trùng {what} \"{value}\".", "{where}: two bands share the {what} \"{value}\".")
UNKNOWN_SOURCE = Msg("{where}: nguồn dữ liệu tự động \"{value}\" không có trong chương trình.",
                     "{where}: the automatic source \"{value}\" does not exist in this program.")
SOURCE_WRONG_TARGET = Msg("{where}: nguồn dữ liệu tự động \"{value}\" không dùng được cho đối tượng chấm này.",
                          "{where}: the automatic source \"{value}\" does not apply to this target.")
BAD_MODE = Msg("{where}: cách tính \"{value}\" không hợp lệ (flag, proportional hoặc steps).",
               "{where}: the rule \"{value}\" is invalid (flag, proportional or steps).")
MODE_NEEDS_PERCENT = Msg("{where}: cách tính tỷ lệ (proportional) chỉ dùng cho nguồn dữ liệu tính bằng %.",
                         "{where}: the proportional rule only suits percentage sources.")
STEPS_REQUIRED = Msg("{where}: nguồn dữ liệu này cần bảng bậc điểm (\"steps\").", "{where}: this source needs \"steps\".")
BAD_STEP = Msg("{where}: mỗi bậc điểm cần đúng một điều kiện at_least, above, at_most hoặc below.",
               "{where}: each step needs exactly one of at_least, above, at_most, below.")
STEP_ABOVE_MAX = Msg("{where}: bậc điểm cho {value} điểm, vượt điểm tối đa của tiêu chí ({max}).",
                     "{where}: a step gives {value} points, above the criterion's maximum ({max}).")

WHERE_FILE = Msg("Tệp", "File")
WHERE_RUBRIC = Msg("Bộ tiêu chí {n}", "Rubric {n}")
WHERE_GROUP = Msg("nhóm {n}", "group {n}")
WHERE_CRITERION = Msg("tiêu chí {n}", "criterion {n}")
WHERE_BAND = Msg("mức xếp loại {n}", "band {n}")
WHERE_STEP = Msg("bậc {n}", "step {n}")
WHAT_RUBRICS = Msg("bộ tiêu chí", "rubrics")
WHAT_GROUPS = Msg("nhóm tiêu chí", "groups")
WHAT_MEETING_TYPES = Msg("loại buổi sinh hoạt", "meeting types")
WHAT_CRITERIA = Msg("tiêu chí", "criteria")
WHAT_BANDS = Msg("mức xếp loại", "bands")
WHAT_STEPS = Msg("bậc điểm", "steps")
WHAT_LABEL = Msg("tên", "label")
WHAT_MIN = Msg("điểm tối thiểu", "minimum")
EXPECT_TEXT = Msg("một chuỗi chữ", "a text")
EXPECT_NUMBER = Msg("một số", "a number")
EXPECT_INTEGER = Msg("một số nguyên dương", "a positive whole number")
EXPECT_BOOL = Msg("true hoặc false", "true or false")
EXPECT_LIST = Msg("một danh sách", "a list")
EXPECT_OBJECT = Msg("một đối tượng JSON", "a JSON object")
