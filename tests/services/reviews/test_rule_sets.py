"""Review rule sets through the service: listed, in force per year, copied and edited, refused when invalid or in use."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cellsec.services.errors import ServiceError, ValidationFailed

from .review_data import TODAY, YEAR


def test_rule_sets_listed_and_in_force_per_year(services):
    ids = [i.id for i in services.reviews.list_rule_sets()]
    assert ids[:2] == ["review_2025", "review_2023"]
    assert services.reviews.rule_set_for_year(2025).id == "review_2025"
    assert services.reviews.rule_set_for_year(2024).id == "review_2023"
    assert services.reviews.rule_set_for_year(2020).id == "review_2023"  # before every set: the oldest


def test_copy_and_edit_rule_set_does_not_change_the_shipped_default(services):
    copy = services.reviews.copy_rule_set("review_2025", "Quy tắc 2025 của Đảng ủy xã")
    assert not copy.builtin and copy.based_on == "review_2025" and copy.version == 1
    content = services.reviews.rule_set_content(copy.id)
    content["quota"]["ratio"] = 0.25
    content["quota"]["rounding"] = "round"
    updated = services.reviews.update_rule_set(copy.id, content)
    assert updated.version == 2
    assert services.reviews.rule_set(copy.id).quota.ratio == Decimal("0.25")
    shipped = services.reviews.rule_set("review_2025")
    assert shipped.quota.ratio == Decimal("0.2") and shipped.quota.rounding == "floor"
    with pytest.raises(ServiceError) as err:
        services.reviews.update_rule_set("review_2025", content)
    assert "không sửa được" in err.value.message
    # The user's copy with the same effective date is the one in force.
    assert services.reviews.rule_set_for_year(2025).id == copy.id


def test_invalid_edit_is_refused(services):
    copy = services.reviews.copy_rule_set("review_2025")
    content = services.reviews.rule_set_content(copy.id)
    content["quota"]["rounding"] = "sometimes"
    with pytest.raises(ValidationFailed) as err:
        services.reviews.update_rule_set(copy.id, content)
    assert "quota.rounding" in err.value.errors["content"]
    assert services.reviews.rule_set_info(copy.id).version == 1


def test_rule_set_in_use_cannot_be_deleted(cell):
    svc, _ = cell
    copy = svc.reviews.copy_rule_set("review_2025")
    svc.reviews.open_year(YEAR, copy.id, today=TODAY)
    with pytest.raises(ServiceError) as err:
        svc.reviews.delete_rule_set(copy.id)
    assert "2026" in err.value.message
