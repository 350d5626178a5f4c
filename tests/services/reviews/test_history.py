"""A member's history: two consecutive failed years are a removal risk the overview reports; one is not."""

from __future__ import annotations

from .review_data import TODAY, YEAR, fill


def test_two_consecutive_fail_years_raise_a_removal_reminder(cell):
    svc, people = cell
    member = people["staff"].id
    for year in (YEAR - 1, YEAR):
        svc.reviews.open_year(year, today=TODAY)
        rid = svc.reviews.review_for(member, year).id
        fill(svc, rid, scores=(15, 30), level="kht")
    history = svc.reviews.member_history(member)
    assert [(h.year, h.level) for h in history] == [(2026, "kht"), (2025, "kht")]
    risks = svc.reviews.removal_risks()
    assert [(r.name, r.years) for r in risks] == [("Trần Thị Hồng", (2025, 2026))]
    reminders = [r for r in svc.overview.reminders(TODAY) if r.kind == "review_removal_risk"]
    assert len(reminders) == 1 and reminders[0].member_id == member
    assert "hai năm liền (2025 và 2026)" in reminders[0].text


def test_one_fail_year_raises_no_reminder(cell):
    svc, people = cell
    svc.reviews.open_year(YEAR, today=TODAY)
    fill(svc, svc.reviews.review_for(people["staff"].id, YEAR).id, scores=(15, 30), level="kht")
    assert svc.reviews.removal_risks() == []
