"""The review rule set: its JSON is validated when parsed (a broken set is refused with the problem in
Vietnamese), and the four levels are known by key, short form and Vietnamese name."""

from __future__ import annotations

import copy
import json

import pytest

from cellsec.domain import review_rules as rr
from cellsec.paths import resources_dir


def load(name: str) -> dict:
    return json.loads((resources_dir() / "rules" / f"{name}.json").read_text(encoding="utf-8"))


# ---- rule-set validation -------------------------------------------------------------------------------------
@pytest.mark.parametrize("mutate, fragment", [
    (lambda d: d["quota"].update(rounding="bankers"), "quota.rounding"),
    (lambda d: d["quota"].update(ratio=1.5), "quota.ratio"),
    (lambda d: d.update(bands=[{"level": "htxs", "min": 90}]), "bands"),
    (lambda d: d["bands"][1].update(min=95), "bands"),
    (lambda d: d.update(scoring="stars"), "scoring"),
    (lambda d: d.update(effective_from="30/8/2025"), "effective_from"),
    (lambda d: d["form_types"][0].update(sections=[]), "không có mục"),
    (lambda d: d["form_type_suggestion"].update(leader_form="nobody"), "leader_form"),
])
def test_invalid_rule_sets_are_refused(mutate, fragment):
    data = copy.deepcopy(load("review_2025"))
    mutate(data)
    with pytest.raises(rr.RuleSetError) as err:
        rr.parse_rule_set(data)
    assert fragment in str(err.value)
    assert str(err.value).startswith("Bộ quy tắc không hợp lệ")


# ---- levels by name -------------------------------------------------------------------------------------------
def test_level_names_and_parsing():
    assert rr.level_name_vi("htt") == "Hoàn thành tốt nhiệm vụ"
    assert rr.level_name_vi(None) is None
    assert rr.level_from_name("hoan thanh tot nhiem vu") == "htt"
    assert rr.level_from_name("KHTNV") == "kht"
    assert rr.level_from_name("htxs") == "htxs"
    assert rr.level_from_name("giỏi") is None
