import datetime as dt

from cellsec.domain.reminders import INFO, WARNING, Reminder, sort_reminders


def test_warnings_first_then_by_due_date_undated_last():
    found = [Reminder("a", INFO, "a"), Reminder("b", WARNING, "b"), Reminder("c", WARNING, "c", due=dt.date(2026, 1, 2)),
             Reminder("d", INFO, "d", due=dt.date(2026, 1, 1)), Reminder("e", WARNING, "e", due=dt.date(2025, 12, 31))]
    assert [r.kind for r in sort_reminders(found)] == ["e", "c", "b", "d", "a"]
