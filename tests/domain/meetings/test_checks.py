"""Checking the minutes (fields, approval) and the flags a meeting carries."""

import datetime as dt

from cellsec.domain import meetings as m
from cellsec.domain.meetings import AgendaItem, AttendanceEntry, MinutesContent, Vote

D = dt.date
T = dt.time


def entries(present=0, with_reason=0, without=0, exempt=0, probationary=0):
    out, n = [], 0
    for status, count in (("present", present), ("absent_with_reason", with_reason),
                          ("absent_without_reason", without), ("exempt", exempt)):
        for _ in range(count):
            n += 1
            out.append(AttendanceEntry(f"m{n}", f"Đảng viên {n}", "du_bi" if n <= probationary else "chinh_thuc",
                                       status, "Đi công tác" if status == "absent_with_reason" else ""))
    return out


def test_short_meeting_is_a_warning_and_a_flag():
    content = MinutesContent(kind="combined", topic="Chuyển đổi số", held_on=D(2025, 9, 5),
                             start_time=T(19, 0), end_time=T(20, 59))
    errors, warnings = m.check_content(content)
    assert not errors
    assert warnings["end_time"] == "Thời lượng 119 phút, dưới mức tối thiểu 120 phút."
    flags = m.meeting_flags(content, m.summarize_attendance(entries(present=10)))
    assert [f.code for f in flags if f.code == "duration_short"] == ["duration_short"]


def test_topic_required_for_thematic_and_votes_checked_against_present():
    content = MinutesContent(kind="chuyen_de", held_on=D(2025, 8, 20),
                             agenda=[AgendaItem("Thảo luận", vote=Vote(12, 0, 1))], resolution_vote=Vote(-1, 0, 0))
    errors, warnings = m.check_content(content, present=10)
    assert errors["topic"] == "Hãy ghi chủ đề sinh hoạt chuyên đề."
    assert errors["resolution_vote"] == "Số phiếu biểu quyết không được âm."
    assert warnings["agenda.0.vote"] == "Tổng số biểu quyết (13) nhiều hơn số đảng viên có mặt (10)."


def test_materials_must_be_shared_a_day_before():
    content = MinutesContent(held_on=D(2025, 9, 5))
    content.checklist.materials_shared_on = D(2025, 9, 5)
    assert "checklist.materials_shared_on" in m.check_content(content)[1]
    content.checklist.materials_shared_on = D(2025, 9, 4)
    assert "checklist.materials_shared_on" not in m.check_content(content)[1]


def test_approval_needs_times_place_chair_recorder_and_an_agenda():
    errors = m.approval_errors(MinutesContent(held_on=D(2025, 9, 5)))
    assert set(errors) == {"start_time", "end_time", "location", "chair_name", "secretary_name", "agenda"}
    full = MinutesContent(held_on=D(2025, 9, 5), start_time=T(8, 0), end_time=T(10, 0), location="Hội trường",
                          chair_name="Nguyễn Văn Đức", secretary_name="Trần Thị Hồng", agenda=[AgendaItem("Nội dung")])
    assert m.approval_errors(full) == {}
