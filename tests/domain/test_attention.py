"""At-risk rules at their edges: 2 vs 3 months, limits of consecutive absences, horizons."""

from __future__ import annotations

import datetime as dt

from cellsec.domain import attention as A


def test_absent_months_edges():
    assert A.absent_months_item("m", "An", 2026, [1], 3) is None
    near = A.absent_months_item("m", "An", 2026, [1, 4], 3)
    assert near.severity == A.WARNING and "thêm một tháng nữa" in near.text
    ground = A.absent_months_item("m", "An", 2026, [1, 4, 9], 3)
    assert ground.severity == A.DANGER
    assert "3 tháng của năm 2026 (tháng 01, 04, 09)" in ground.text
    assert ground.data == {"year": 2026, "months": [1, 4, 9], "threshold": 3}
    assert A.absent_months_item("m", "An", 2026, [1, 1, 4], 3).severity == A.WARNING  # distinct months


def test_dues_edges():
    months = [dt.date(2026, m, 1) for m in (2, 5, 8)]
    assert A.dues_item("m", "An", 2026, months[:1], 3) is None
    assert A.dues_item("m", "An", 2026, months[:2], 3).severity == A.WARNING
    item = A.dues_item("m", "An", 2026, months, 3)
    assert item.severity == A.DANGER and item.data["months"] == ["2026-02", "2026-05", "2026-08"]
    assert A.dues_item("m", "An", 2026, [], 1) is None


def test_consecutive_limit_is_strict():
    assert A.consecutive_item("m", "An", 3, 3, dt.date(2026, 5, 1)) is None
    assert A.consecutive_item("m", "An", 4, 3, dt.date(2026, 5, 1)).severity == A.WARNING


def test_probation_and_exemption_horizons():
    today = dt.date(2026, 11, 22)
    assert A.probation_item("m", "An", today + dt.timedelta(days=31), today, 30) is None
    assert A.probation_item("m", "An", today + dt.timedelta(days=30), today, 30).severity == A.INFO
    overdue = A.probation_item("m", "An", today - dt.timedelta(days=1), today, 30)
    assert overdue.severity == A.WARNING and overdue.data["overdue"]
    assert A.exemption_item("m", "An", today, today, 30).severity == A.INFO
    assert A.exemption_item("m", "An", today - dt.timedelta(days=1), today, 30).severity == A.WARNING


def test_unexcused_and_sorting():
    items = [A.unexcused_item("b", "Bình", 2026, [dt.date(2026, 3, 5)]),
             A.failed_years_item("a", "An", (2024, 2025)),
             A.dues_item("b", "Bình", 2026, [dt.date(2026, 1, 1), dt.date(2026, 2, 1)], 3)]
    ordered = A.sort_items(items)
    assert [i.kind for i in ordered] == [A.FAILED_TWO_YEARS, A.DUES_UNPAID, A.ABSENT_WITHOUT_REASON]
    assert "05/03/2026" in ordered[-1].text
    assert A.unexcused_item("b", "Bình", 2026, []) is None
