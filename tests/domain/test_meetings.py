import datetime as dt
import unicodedata
from fractions import Fraction

import pytest

from cellsec.domain import meetings as m
from cellsec.domain.meetings import (
    AgendaItem,
    AttendanceEntry,
    AttendanceMark,
    MeetingRules,
    MinutesContent,
    PlannedMeeting,
    Speech,
    StatusPeriod,
    Vote,
)

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


# ---- attendance rate ---------------------------------------------------------------------------------

@pytest.mark.parametrize("present, expected, low", [
    (17, 20, True),     # exactly 85 %: flagged (quality needs MORE than 85 %)
    (18, 20, False),    # 90 %
    (171, 200, False),  # 85.5 %
    (169, 200, True),   # 84.5 %
    (20, 20, False),
    (0, 20, True),
])
def test_attendance_rate_flag_at_the_85_percent_edge(present, expected, low):
    rate = m.attendance_rate(present, expected, 0)
    assert rate == Fraction(present, expected)
    assert m.attendance_low(rate) is low


def test_exempt_members_are_left_out_of_the_rate_and_listed():
    summary = m.summarize_attendance(entries(present=17, with_reason=2, without=1, exempt=3, probationary=2))
    assert (summary.total, summary.exempt, summary.expected, summary.present) == (23, 3, 20, 17)
    assert (summary.official, summary.probationary) == (21, 2)
    assert summary.rate == Fraction(17, 20) and summary.rate_low
    assert len(summary.absent_with_reason) == 2 and summary.absent_with_reason[0][1] == "Đi công tác"
    assert summary.absent_without_reason == ("Đảng viên 20",)
    assert summary.exempt_names == ("Đảng viên 21", "Đảng viên 22", "Đảng viên 23")
    assert m.format_percent(summary.rate) == "85,0%"


def test_nobody_expected_gives_no_rate_and_no_flag():
    summary = m.summarize_attendance(entries(exempt=2))
    assert summary.rate is None and not summary.rate_low
    assert m.format_percent(summary.rate) == "—"


def test_threshold_comes_from_the_rule_values():
    strict = MeetingRules.from_values({"attendance_min_percent": 90})
    assert m.attendance_low(Fraction(18, 20), strict)
    assert not m.attendance_low(Fraction(18, 20))


# ---- duration ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("minutes, kind, short", [
    (89, "thuong_ky", True), (90, "thuong_ky", False),
    (89, "chuyen_de", True), (90, "bat_thuong", False),
    (119, "combined", True), (120, "combined", False),
])
def test_duration_minimum_90_or_120_when_combined(minutes, kind, short):
    start = T(19, 30)
    end_total = 19 * 60 + 30 + minutes
    end = T(end_total // 60, end_total % 60)
    assert m.duration_minutes(start, end) == minutes
    assert m.duration_short(m.duration_minutes(start, end), kind) is short


def test_duration_needs_both_times_and_end_after_start():
    assert m.duration_minutes(None, T(9, 0)) is None
    assert m.duration_minutes(T(9, 0), T(8, 0)) is None
    errors, _ = m.check_content(MinutesContent(held_on=D(2025, 9, 5), start_time=T(9, 0), end_time=T(8, 0)))
    assert errors["end_time"] == "Giờ kết thúc phải sau giờ bắt đầu."


def test_short_meeting_is_a_warning_and_a_flag():
    content = MinutesContent(kind="combined", topic="Chuyển đổi số", held_on=D(2025, 9, 5),
                             start_time=T(19, 0), end_time=T(20, 59))
    errors, warnings = m.check_content(content)
    assert not errors
    assert warnings["end_time"] == "Thời lượng 119 phút, dưới mức tối thiểu 120 phút."
    flags = m.meeting_flags(content, m.summarize_attendance(entries(present=10)))
    assert [f.code for f in flags if f.code == "duration_short"] == ["duration_short"]


# ---- checks --------------------------------------------------------------------------------------------

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


# ---- consecutive absences and the 3-months rule -------------------------------------------------------

def marks_for(statuses, member="a", name="Đậu Văn Lực", year=2026, start_month=1):
    out = []
    for i, status in enumerate(statuses):
        month = start_month + i
        out.append(AttendanceMark(f"mt{i}", D(year, month, 5), year, month, member, name, status))
    return out


def test_more_than_three_consecutive_absences():
    four = marks_for(["present", "absent_with_reason", "absent_without_reason", "absent_with_reason",
                      "absent_with_reason", "present"])
    streak = m.absence_streaks(four)["a"]
    assert (streak.longest, streak.current, streak.last_absent_on) == (4, 0, D(2026, 5, 5))
    assert [s.member_id for s in m.over_consecutive_limit({"a": streak})] == ["a"]

    three = marks_for(["absent_with_reason"] * 3 + ["present", "absent_with_reason"])
    streak = m.absence_streaks(three)["a"]
    assert (streak.longest, streak.current) == (3, 1)
    assert m.over_consecutive_limit({"a": streak}) == []


def test_exempt_meetings_neither_break_nor_extend_a_streak():
    marks = marks_for(["absent_with_reason", "absent_with_reason", "exempt", "absent_with_reason",
                       "absent_without_reason"])
    assert m.absence_streaks(marks)["a"].longest == 4


def test_removal_risk_needs_three_distinct_months_of_the_calendar_year():
    # Two absences in January count as one month.
    marks = [AttendanceMark("x1", D(2026, 1, 5), 2026, 1, "a", "Đậu Văn Lực", "absent_without_reason"),
             AttendanceMark("x2", D(2026, 1, 20), 2026, 1, "a", "Đậu Văn Lực", "absent_without_reason"),
             AttendanceMark("x3", D(2026, 4, 5), 2026, 4, "a", "Đậu Văn Lực", "absent_without_reason")]
    assert m.removal_risks(marks, 2026) == []
    marks.append(AttendanceMark("x4", D(2026, 9, 5), 2026, 9, "a", "Đậu Văn Lực", "absent_without_reason"))
    risks = m.removal_risks(marks, 2026)
    assert [(r.member_id, r.months) for r in risks] == [("a", (1, 4, 9))]
    # Another year's absences do not count.
    assert m.removal_risks(marks, 2025) == []


def test_removal_rule_counts_only_absences_without_reason_unless_configured():
    marks = marks_for(["absent_with_reason", "absent_with_reason", "absent_without_reason"])
    assert m.removal_risks(marks, 2026) == []
    broad = MeetingRules.from_values({"removal_absence_statuses": ["absent_with_reason", "absent_without_reason"]})
    assert [r.months for r in m.removal_risks(marks, 2026, broad)] == [(1, 2, 3)]


# ---- membership on a date ------------------------------------------------------------------------------

def test_status_on_a_date_follows_the_history():
    history = [StatusPeriod("exempt", D(2024, 1, 1), D(2024, 12, 31), 0),
               StatusPeriod("transferred_out", D(2026, 3, 1), None, 1)]
    current = StatusPeriod("transferred_out", D(2026, 3, 1), None, 2)
    assert m.status_on(D(2023, 6, 1), current, history) == "active"
    assert m.status_on(D(2024, 6, 1), current, history) == "exempt"
    assert m.status_on(D(2025, 6, 1), current, history) == "active"  # the exemption ended
    assert m.status_on(D(2026, 3, 1), current, history) == "transferred_out"


def test_party_status_on_a_date():
    assert m.party_status_on(D(2025, 1, 1), "chinh_thuc", D(2025, 6, 1)) == "du_bi"
    assert m.party_status_on(D(2025, 6, 1), "chinh_thuc", D(2025, 6, 1)) == "chinh_thuc"
    assert m.party_status_on(D(2025, 6, 1), "chinh_thuc", None) == "chinh_thuc"


# ---- the year plan -------------------------------------------------------------------------------------

def test_year_plan_flags_missing_months_and_quarters():
    held = [
        PlannedMeeting("j", "thuong_ky", 2026, 1, D(2026, 1, 5), "approved"),
        PlannedMeeting("f", "thuong_ky", 2026, 2, D(2026, 2, 5), "approved"),
        PlannedMeeting("m", "combined", 2026, 3, D(2026, 3, 5), "approved", "Chuyển đổi số"),
        PlannedMeeting("jl", "thuong_ky", 2026, 7, D(2026, 7, 5), "draft"),
        PlannedMeeting("x", "bat_thuong", 2026, 7, D(2026, 7, 20), "approved", "Phòng chống bão"),
        PlannedMeeting("old", "thuong_ky", 2025, 4, D(2025, 4, 5), "approved"),
    ]
    plan = m.year_plan(2026, held, today=D(2026, 8, 10))
    states = {s.month: s.state for s in plan.months}
    assert states[1] == states[2] == states[3] == "done"  # the combined meeting is March's regular one
    assert states[7] == "draft"
    assert plan.missing_months == [4, 5, 6]  # 2025's April meeting does not count for 2026
    assert states[8] == "due" and states[9] == "upcoming"
    quarters = {q.quarter: q.state for q in plan.quarters}
    assert quarters == {1: "done", 2: "missing", 3: "due", 4: "upcoming"}
    assert [x.id for x in plan.others] == ["x"]


# ---- titles, template, content ------------------------------------------------------------------------

def test_subtitles():
    assert m.meeting_subtitle("thuong_ky", 9, 2025) == "Sinh hoạt chi bộ thường kỳ tháng 9 năm 2025"
    assert m.meeting_subtitle("chuyen_de", 8, 2025, "Chuyển đổi số") == "Sinh hoạt chi bộ chuyên đề: Chuyển đổi số"
    assert m.meeting_subtitle("chuyen_de", 8, 2025) == "Sinh hoạt chi bộ chuyên đề quý III năm 2025"
    assert m.meeting_subtitle("combined", 3, 2026, "Dân chủ cơ sở") == \
        "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026 kết hợp sinh hoạt chuyên đề: Dân chủ cơ sở"
    assert m.meeting_subtitle("bat_thuong", 9, 2025) == "Sinh hoạt chi bộ bất thường"


def test_agenda_template_placeholders():
    template = {"thuong_ky": ["Đánh giá nhiệm vụ tháng {prev_month}, đề ra nhiệm vụ tháng {month} năm {year}",
                              "{topic}", "Mục {unknown}"]}
    assert m.render_agenda(template, "thuong_ky", 1, 2026) == [
        "Đánh giá nhiệm vụ tháng 12, đề ra nhiệm vụ tháng 1 năm 2026", "Mục {unknown}"]


def test_content_round_trips_through_json_and_cleans_word_paste():
    pasted = "Đoạn một.\u00a0\u200b\r\n\r\n\r\n\r\nĐoạn hai\u00ad.\u2029Đoạn ba."
    name = "Nguyễn Văn Đức"
    content = MinutesContent(
        kind="thuong_ky", held_on=D(2025, 9, 5), start_time=T(8, 0), end_time=T(9, 45),
        location="  Hội   trường ", chair_name=unicodedata.normalize("NFD", name),
        agenda=[AgendaItem("Thời sự", presentation=pasted, speeches=[Speech("Trần Thị Hồng", pasted, "id2")],
                           vote=Vote(10, 1, 0))],
    )
    cleaned = m.clean_content(content)
    assert cleaned.location == "Hội trường"
    assert cleaned.chair_name == name
    assert cleaned.agenda[0].presentation == "Đoạn một.\n\nĐoạn hai.\nĐoạn ba."
    assert (cleaned.period_year, cleaned.period_month) == (2025, 9)
    again = m.content_from_dict(m.content_to_dict(cleaned))
    assert again == cleaned
    assert "Trần Thị Hồng: Đoạn một." in m.content_search_text(cleaned)
