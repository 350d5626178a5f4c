"""Opening a review year: who must be reviewed, suggested forms, members added later, the rules the year keeps."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cellsec.services.errors import ValidationFailed

from .review_data import TODAY, YEAR, add, open_year


def test_open_year_lists_due_members_and_excludes_exempt_and_departed(cell):
    svc, people = cell
    candidates = {c.member_id: c for c in svc.reviews.candidates(YEAR)}
    assert not candidates[people["exempt"].id].included
    assert candidates[people["exempt"].id].reason == "Miễn công tác và sinh hoạt đảng"
    assert not candidates[people["moved"].id].included
    assert "10/04/2026" in candidates[people["moved"].id].reason
    info = svc.reviews.open_year(YEAR, today=TODAY)
    assert info.review_count == 4 and info.rule_set_id == "review_2025"
    reviewed = {r.member_id for r in svc.reviews.list_reviews(YEAR)}
    assert reviewed == {people[k].id for k in ("secretary", "staff", "retired", "probation")}
    # The member who left in April 2026 was in the cell at the end of 2025.
    assert people["moved"].id in {c.member_id for c in svc.reviews.candidates(2025) if c.included}


def test_suggested_form_types_and_change(cell):
    reviews = open_year(cell)
    assert reviews["secretary"].form_type == "leader"
    assert reviews["staff"].form_type == "staff"
    assert reviews["retired"].form_type == "outside"
    assert reviews["probation"].form_type == "probationary" and reviews["probation"].form_code == "10-KNĐ"
    svc, _ = cell
    changed = svc.reviews.set_form_type(reviews["staff"].id, "leader")
    assert changed.form_type_name == "Cá nhân giữ chức vụ lãnh đạo, quản lý"
    with pytest.raises(ValidationFailed):
        svc.reviews.set_form_type(reviews["staff"].id, "2Z")


def test_open_year_again_adds_new_members_only(cell):
    svc, people = cell
    svc.reviews.open_year(YEAR, today=TODAY)
    newcomer = add(svc, "Đặng Quốc Bảo", list_no=7)
    info = svc.reviews.open_year(YEAR, today=TODAY)
    assert info.review_count == 5
    assert svc.reviews.review_for(newcomer.id, YEAR) is not None


def test_open_year_uses_the_2023_rules_for_old_years(cell):
    svc, _ = cell
    info = svc.reviews.open_year(2024, today=TODAY)
    assert info.rule_set_id == "review_2023"
    assert svc.reviews.rules_for_year(2024).scoring == "criteria"


def test_year_keeps_its_rule_snapshot_until_a_new_set_is_applied(cell):
    svc, _ = cell
    copy = svc.reviews.copy_rule_set("review_2025", "Bản sao thử")
    svc.reviews.open_year(YEAR, copy.id, today=TODAY)
    content = svc.reviews.rule_set_content(copy.id)
    content["quota"]["ratio"] = 0.5
    svc.reviews.update_rule_set(copy.id, content)
    assert svc.reviews.rules_for_year(YEAR).quota.ratio == Decimal("0.2")  # the snapshot taken at opening
    info = svc.reviews.set_year_rule_set(YEAR, copy.id)
    assert info.rule_set_version == 2 and svc.reviews.rules_for_year(YEAR).quota.ratio == Decimal("0.5")
    info = svc.reviews.set_year_rule_set(YEAR, "review_2023")
    assert svc.reviews.rules_for_year(YEAR).scoring == "criteria" and info.rule_set_name.startswith("Kiểm điểm")
