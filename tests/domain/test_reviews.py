"""Review rules: bands, gates, quota arithmetic, rule-set versions, suggestions, commitments, history."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

import pytest

from cellsec.domain import review_rules as rr
from cellsec.domain import reviews as r
from cellsec.paths import resources_dir


def load(name: str) -> dict:
    return json.loads((resources_dir() / "rules" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules2025() -> rr.RuleSet:
    return rr.parse_rule_set(load("review_2025"))


@pytest.fixture(scope="module")
def rules2023() -> rr.RuleSet:
    return rr.parse_rule_set(load("review_2023"))


# ---- shipped rule sets ------------------------------------------------------------------------------------
def test_shipped_2025_set_carries_the_366_framework(rules2025):
    assert rules2025.scoring == "points"
    assert "366-QĐ/TW" in rules2025.issuing_document and "43-HD/BTCTW" in rules2025.issuing_document
    assert [(g.key, g.max) for g in rules2025.score_groups] == [("general", 30), ("tasks", 70)]
    assert [(b.level, b.min) for b in rules2025.bands] == [("htxs", 90), ("htt", 70), ("ht", 50), ("kht", 0)]
    assert rules2025.quota.ratio == Decimal("0.2") and rules2025.quota.rounding == "floor"
    assert {f.name for f in rules2025.form_types} == {
        "Cá nhân giữ chức vụ lãnh đạo, quản lý", "Cá nhân không giữ chức vụ",
        "Đảng viên không làm việc trong hệ thống chính trị", "Đảng viên dự bị"}
    assert rules2025.form_type("outside").code.startswith("2C")
    assert rules2025.form_type("probationary").code == "10-KNĐ"
    # The leader/non-leader mapping to 2A/2B is unverified: no code is claimed for them.
    assert rules2025.form_type("leader").code == "" and rules2025.form_type("leader").unverified
    assert any("Chưa xác minh" in note for note in rules2025.notes)


def test_every_form_has_a_commitments_section_that_prefills(rules2025, rules2023):
    for rules in (rules2025, rules2023):
        for form in rules.form_types:
            assert any(s.prefill == "commitments" for s in form.sections), form.key


def test_leader_form_has_the_collective_responsibility_part_and_numbering(rules2025):
    numbered = r.numbered_sections(rules2025.form_type("leader"))
    first = numbered[0]
    assert (first.part_number, first.number, first.part_title) == ("I", "1", "Ưu điểm, kết quả đạt được")
    assert [n.number for n in numbered[:3]] == ["1", "2", "3"]
    responsibility = next(n for n in numbered if n.key == "collective_responsibility")
    assert responsibility.part_number == "V" and responsibility.number == ""
    assert r.classification_part_number(rules2025.form_type("leader")) == "VII"
    assert "collective_responsibility" not in {s.key for s in rules2025.form_type("staff").sections}
    assert r.classification_part_number(rules2025.form_type("staff")) == "VI"


def test_disqualifiers_split_by_scope_and_form(rules2025):
    individual = {d.key for d in rules2025.disqualifiers_for("individual", "staff")}
    leader = {d.key for d in rules2025.disqualifiers_for("individual", "leader")}
    collective = {d.key for d in rules2025.disqualifiers_for("collective")}
    assert "disciplined" in individual and "led_unit_failed" not in individual
    assert "led_unit_failed" in leader
    assert {"subunit_violation", "leadership_disciplined", "disunity"} <= collective
    assert "disciplined" not in collective
    assert all(d.unverified for d in rules2025.disqualifiers)  # 366 wording not verified


# ---- bands -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("total, level", [
    (0, "kht"), ("49.9", "kht"), (50, "ht"), ("69.9", "ht"), (70, "htt"), ("89.9", "htt"),
    (90, "htxs"), (100, "htxs"), ("89.99", "htt"), ("49.99", "kht"),
])
def test_band_edges(rules2025, total, level):
    assert r.level_from_score(rules2025, total) == level


def test_total_is_exact_decimal_so_sums_on_an_edge_reach_the_band(rules2025):
    # In floats 25.4 + 44.6 is 69.99999999999999 and would fall to the lower band.
    total = r.total_score(rules2025, {"general": 25.4, "tasks": 44.6})
    assert total == Decimal("70")
    assert r.level_from_score(rules2025, total) == "htt"
    assert r.total_score(rules2025, {"general": "20,5", "tasks": "29,4"}) == Decimal("49.9")
    assert r.total_score(rules2025, {"general": 25}) is None


def test_score_validation(rules2025):
    assert r.validate_scores(rules2025, {"general": 30, "tasks": 70}) == {}
    assert r.validate_scores(rules2025, {"general": None}) == {}
    errors = r.validate_scores(rules2025, {"general": 31, "tasks": -1})
    assert errors == {"score_general": "Điểm phải từ 0 đến 30.", "score_tasks": "Điểm phải từ 0 đến 70."}
    assert r.validate_scores(rules2025, {"general": "abc"}) == {"score_general": "Điểm phải là một số."}
    assert "hai chữ số" in r.validate_scores(rules2025, {"tasks": "60.123"})["score_tasks"]


def test_format_score_vietnamese():
    assert r.format_score(Decimal("85.50")) == "85,5"
    assert r.format_score(90) == "90"
    assert r.format_score(None) == ""


# ---- gates -------------------------------------------------------------------------------------------------
ALL_CONDITIONS = ("all_tasks_on_time", "tasks_exceeded_30", "shortcomings_fixed")


def test_excellent_needs_every_extra_condition(rules2025):
    scores = {"general": 28, "tasks": 65}
    full = r.assess(rules2025, scores=scores, conditions_met=ALL_CONDITIONS)
    assert (full.derived, full.ceiling) == ("htxs", "htxs")
    assert r.check_level(rules2025, full, "htxs").allowed
    for missing in ALL_CONDITIONS:
        met = [c for c in ALL_CONDITIONS if c != missing]
        a = r.assess(rules2025, scores=scores, conditions_met=met)
        assert (a.derived, a.ceiling) == ("htxs", "htt")
        check = r.check_level(rules2025, a, "htxs")
        assert not check.allowed
        text = next(c.text for c in rules2025.excellent_conditions if c.key == missing)
        assert any(text in e for e in check.errors)
        assert r.check_level(rules2025, a, "htt").allowed


def test_collective_excellent_also_needs_no_discipline_in_unit(rules2025):
    scores = {"general": 29, "tasks": 66}
    a = r.assess(rules2025, scope="collective", scores=scores, conditions_met=ALL_CONDITIONS)
    assert a.ceiling == "htt"
    b = r.assess(rules2025, scope="collective", scores=scores,
                 conditions_met=(*ALL_CONDITIONS, "no_discipline_in_unit"))
    assert b.ceiling == "htxs"


def test_proposing_excellent_with_85_is_refused_with_the_reason(rules2025):
    a = r.assess(rules2025, scores={"general": 25, "tasks": 60}, conditions_met=ALL_CONDITIONS)
    check = r.check_level(rules2025, a, "htxs")
    assert not check.allowed
    assert check.errors[0] == ('Tổng điểm 85 chỉ đạt mức "Hoàn thành tốt nhiệm vụ", '
                               'không thể xếp "Hoàn thành xuất sắc nhiệm vụ".')


@pytest.mark.parametrize("case", ["disciplined", "degradation", "targets_below_half", "civil_servant_kht"])
def test_any_disqualifying_case_forces_fail(rules2025, case):
    a = r.assess(rules2025, form_type="staff", scores={"general": 30, "tasks": 70},
                 conditions_met=ALL_CONDITIONS, disqualifiers=[case])
    assert a.derived == "htxs" and a.ceiling == "kht" and a.forced_fail
    for level in ("htxs", "htt", "ht"):
        check = r.check_level(rules2025, a, level)
        assert not check.allowed
        assert any("Thuộc trường hợp xếp loại \"Không hoàn thành nhiệm vụ\"" in e for e in check.errors)
    assert r.check_level(rules2025, a, "kht").allowed


def test_leader_only_case_does_not_apply_to_other_forms(rules2025):
    a = r.assess(rules2025, form_type="staff", scores={"general": 25, "tasks": 55}, disqualifiers=["led_unit_failed"])
    assert a.ceiling == "htt"
    b = r.assess(rules2025, form_type="leader", scores={"general": 25, "tasks": 55}, disqualifiers=["led_unit_failed"])
    assert b.ceiling == "kht"


def test_disqualifier_decides_even_before_scores(rules2025):
    a = r.assess(rules2025, form_type="staff", disqualifiers=["disciplined"])
    assert a.derived is None and a.ceiling == "kht"
    assert r.check_level(rules2025, a, "kht").allowed
    assert not r.check_level(rules2025, a, "ht").allowed


def test_no_score_no_level(rules2025):
    a = r.assess(rules2025, scores={"general": 20})
    check = r.check_level(rules2025, a, "ht")
    assert not check.allowed and "Chưa chấm đủ điểm" in check.errors[0]
    assert r.check_level(rules2025, a, None).allowed  # nothing proposed yet: nothing to refuse


def test_lower_level_than_the_score_is_allowed_with_a_warning(rules2025):
    a = r.assess(rules2025, scores={"general": 25, "tasks": 55})
    check = r.check_level(rules2025, a, "ht")
    assert check.allowed and check.warnings and "thấp hơn" in check.warnings[0]
    assert not r.check_level(rules2025, a, "xyz").allowed


def test_evidence_required_for_ticked_cases():
    assert r.missing_evidence({"disciplined": "  ", "degradation": "Kết luận số 12-KL/UBKT"}) == ["disciplined"]


# ---- 2023 grading -------------------------------------------------------------------------------------------
def grades_all(rules, grade, scope="individual"):
    return {c.key: grade for c in rules.criteria_for(scope)}


def test_2023_set_grades_criteria(rules2023):
    assert rules2023.scoring == "criteria" and "124-QĐ/TW" in rules2023.issuing_document
    assert [g.name for g in rules2023.grades] == ["Xuất sắc", "Tốt", "Trung bình", "Kém"]
    assert r.level_from_grades(rules2023, grades_all(rules2023, "tot")) == "htt"
    assert r.level_from_grades(rules2023, grades_all(rules2023, "trung_binh")) == "ht"
    excellent = grades_all(rules2023, "tot") | {"duties": "xuat_sac"}
    assert r.level_from_grades(rules2023, excellent) == "htxs"
    assert r.level_from_grades(rules2023, {"politics": "tot"}) is None  # not every criterion graded


def test_2023_any_kem_forces_fail(rules2023):
    grades = grades_all(rules2023, "xuat_sac") | {"ethics": "kem"}
    a = r.assess(rules2023, grades=grades, conditions_met=ALL_CONDITIONS)
    assert a.ceiling == "kht" and a.forced_fail
    check = r.check_level(rules2023, a, "htt")
    assert not check.allowed
    assert any('"Kém"' in e and "Phẩm chất đạo đức, lối sống" in e for e in check.errors)
    assert r.check_level(rules2023, a, "kht").allowed


def test_2023_quota_and_disqualifiers_present(rules2023):
    assert rules2023.quota.ratio == Decimal("0.2")
    assert not rules2023.quota.unverified
    a = r.assess(rules2023, grades=grades_all(rules2023, "tot"), disqualifiers=["disciplined"])
    assert a.ceiling == "kht"


# ---- quota -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("good, floor, rounded, ceil", [
    (0, 0, 0, 0), (1, 0, 0, 1), (2, 0, 0, 1), (3, 0, 1, 1), (4, 0, 1, 1), (5, 1, 1, 1), (9, 1, 2, 2),
    (10, 2, 2, 2), (12, 2, 2, 3), (49, 9, 10, 10), (50, 10, 10, 10),
])
def test_quota_rounding(good, floor, rounded, ceil):
    ratio = Decimal("0.2")
    assert r.allowed_excellent(rr.Quota(ratio, rounding="floor"), good) == floor
    assert r.allowed_excellent(rr.Quota(ratio, rounding="round"), good) == rounded
    assert r.allowed_excellent(rr.Quota(ratio, rounding="ceil"), good) == ceil


def test_round_rounds_half_up_not_to_even():
    # 0.25 × 10 = 2.5: banker's rounding would give 2.
    assert r.allowed_excellent(rr.Quota(Decimal("0.25"), rounding="round"), 10) == 3
    assert r.allowed_excellent(rr.Quota(Decimal("0.25"), rounding="round"), 2) == 1  # 0.5 → 1


def test_quota_status_counts_good_only_and_reports_excess(rules2025):
    levels = ["htt"] * 9 + ["htxs"] * 3 + ["ht", "kht", None]
    q = r.quota_status(rules2025, levels)
    assert (q.base_count, q.allowed, q.proposed, q.exceeded_by, q.exceeded) == (9, 1, 3, 2, True)
    ok = r.quota_status(rules2025, ["htt"] * 10 + ["htxs"] * 2)
    assert (ok.allowed, ok.exceeded, ok.exceeded_by) == (2, False, 0)
    assert r.quota_status(rules2025, []).allowed == 0


def test_quota_base_levels_are_data(rules2025):
    data = copy.deepcopy(load("review_2025"))
    data["quota"]["base_levels"] = ["htt", "htxs"]
    rules = rr.parse_rule_set(data)
    q = r.quota_status(rules, ["htt"] * 4 + ["htxs"])
    assert (q.base_count, q.allowed) == (5, 1)


def test_level_counts_has_every_level():
    assert r.level_counts(["htt", "htt", None, "kht"]) == {"htxs": 0, "htt": 2, "ht": 0, "kht": 1}


def test_edited_bands_change_the_level():
    data = copy.deepcopy(load("review_2025"))
    data["bands"][0]["min"] = 95
    rules = rr.parse_rule_set(data)
    assert r.level_from_score(rules, 94) == "htt"


# ---- form type suggestion -------------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, expected", [
    (dict(party_status="du_bi", position_government="Phó Giám đốc"), "probationary"),
    (dict(party_status="chinh_thuc", position_party="Bí thư chi bộ"), "leader"),
    (dict(party_status="chinh_thuc", position_government="Phó trưởng phòng Kỹ thuật"), "leader"),
    (dict(party_status="chinh_thuc", position_government="Phóng viên"), "staff"),
    (dict(party_status="chinh_thuc", workplace="Nghỉ hưu tại thôn 3"), "outside"),
    (dict(party_status="chinh_thuc", workplace="Lao động tự do"), "outside"),
    (dict(party_status="chinh_thuc", workplace="Phòng Tự động hóa"), "staff"),  # "tự do" ≠ "tự động"
    (dict(party_status="chinh_thuc", position_party="Đảng viên", workplace="Báo Nghệ An"), "staff"),
])
def test_form_type_suggestion(rules2025, kwargs, expected):
    assert r.suggest_form_type(rules2025, **kwargs) == expected


# ---- commitments and history ------------------------------------------------------------------------------------
def test_commitment_section_text():
    items = [r.CommitmentItem("Hoàn thành 100% kế hoạch tin bài", result_note="vượt 10%", achieved=True),
             r.CommitmentItem("Học xong trung cấp lý luận chính trị", achieved=False),
             r.CommitmentItem("   ")]
    text = r.commitment_section_text(items, "Đúng tiến độ.", "Cơ bản hoàn thành.")
    assert text.splitlines() == [
        "Các nội dung đã đăng ký cam kết đầu năm:",
        "1. Hoàn thành 100% kế hoạch tin bài: đã thực hiện; vượt 10%.",
        "2. Học xong trung cấp lý luận chính trị: chưa thực hiện được.",
        "Kết quả: thực hiện được 1/2 nội dung cam kết.",
        "Kiểm tra giữa năm: Đúng tiến độ.",
        "Đánh giá cuối năm: Cơ bản hoàn thành.",
    ]
    assert r.commitment_section_text([]) == ""


def test_consecutive_fail_years():
    assert r.consecutive_fail_years({2024: "kht", 2025: "kht"}) == [(2024, 2025)]
    assert r.consecutive_fail_years({2023: "kht", 2024: "ht", 2025: "kht"}) == []
    assert r.consecutive_fail_years({2023: "kht", 2025: "kht"}) == []  # not consecutive
    assert r.consecutive_fail_years({2023: "kht", 2024: "kht", 2025: "kht"}) == [(2023, 2024), (2024, 2025)]
