"""Attendance counts and rate, duration, status on a date, absence streaks and the removal ground."""

import datetime as dt
from fractions import Fraction

import pytest

from cellsec.domain import meetings as m
from cellsec.domain.meetings import (
    AttendanceEntry,
    AttendanceMark,
    MeetingRules,
    MinutesContent,
    StatusPeriod,
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
