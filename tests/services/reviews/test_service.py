"""The composed review service over the whole demo: last year complete, this year in progress."""

from __future__ import annotations

import datetime as dt





def test_demo_has_last_year_complete_and_this_year_in_progress(demo_services):
    svc = demo_services
    last, this = svc.reviews.summary(2025), svc.reviews.summary(2026)
    assert last.submitted and all(r.decided_level for r in last.rows) and not last.quota_exceeded
    assert svc.reviews.collective(2025).decided_level == "htt"
    assert not this.submitted and this.quota.exceeded_by == 1
    assert any(r.self_level is None for r in this.rows)  # some members have not written yet
    failing = [r for r in svc.reviews.list_reviews(2026) if r.disqualifiers]
    assert len(failing) == 1 and failing[0].assessment.ceiling == "kht" and failing[0].cell_level == "kht"
    assert [r.name for r in svc.reviews.removal_risks()] == [failing[0].member_name]
    assert any(r.kind == "review_removal_risk" for r in svc.overview.reminders(dt.date(2026, 11, 22)))
    assert svc.reviews.get_commitment(failing[0].member_id, 2026) is not None
    assert svc.reviews.verify_chain().ok
