"""The year's summary through the service: the quota and the reason for exceeding it."""

from __future__ import annotations

import pytest

from cellsec.services.errors import ServiceError, ValidationFailed

from .review_data import ALL_CONDITIONS, YEAR, fill, open_year


def test_quota_exceeded_needs_a_reason(cell):
    svc, _ = cell
    reviews = open_year(cell)
    fill(svc, reviews["secretary"].id, scores=(29, 66), level="htxs", conditions=ALL_CONDITIONS)
    fill(svc, reviews["staff"].id)
    fill(svc, reviews["retired"].id, scores=(22, 40), level="ht")
    summary = svc.reviews.summary(YEAR)
    assert summary.quota.allowed == 0 and summary.quota.proposed == 1 and summary.quota_exceeded
    assert summary.counts == {"htxs": 1, "htt": 1, "ht": 1, "kht": 0}
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.submit_summary(YEAR)
    assert "Phạm Thu Trang" in err.value.errors["reviews"]
    fill(svc, reviews["probation"].id, scores=(24, 50), level="htt")
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.submit_summary(YEAR)
    assert "vượt tỷ lệ cho phép (0) 1 trường hợp" in err.value.errors["quota_reason"]
    done = svc.reviews.submit_summary(YEAR, "Đồng chí Bí thư được Tỉnh ủy tặng Bằng khen.")
    assert done.submitted and done.quota_reason == "Đồng chí Bí thư được Tỉnh ujy tặng Bằng khen.".replace("ujy", "ủy")
    assert all(r.status == "submitted" for r in done.rows)
    with pytest.raises(ServiceError):
        svc.reviews.submit_summary(YEAR, "lần nữa")
    with pytest.raises(ServiceError):
        svc.reviews.set_year_rule_set(YEAR, "review_2023")


def test_summary_within_quota_needs_no_reason(cell):
    svc, _ = cell
    reviews = open_year(cell)
    for key in ("secretary", "staff", "retired", "probation"):
        fill(svc, reviews[key].id)
    done = svc.reviews.submit_summary(YEAR, "không cần")
    assert done.submitted and done.quota_reason == "" and not done.quota_exceeded
