"""Rubric arithmetic, bands at their edges, automatic rules, the exchange file and its refusals."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from cellsec.domain import rubrics as R

ROOT = Path(__file__).resolve().parents[2]


def small_rubric() -> dict:
    return {
        "key": "t.meeting", "version": 1, "name": "Biểu thử", "effective_from": "2026-01-01",
        "target": "meeting", "meeting_types": ["thuong_ky"], "max_points": 30,
        "groups": [
            {"id": "1", "title": "Dự họp", "max_points": 10, "criteria": [
                {"id": "1.1", "text": "Tỷ lệ dự trên 85%", "max_points": 10,
                 "auto": {"source": "meeting.attendance_rate", "mode": "steps",
                          "steps": [{"above": 85, "points": 10}, {"at_least": 70, "points": 5}]}}]},
            {"id": "2", "title": "Tổ chức", "criteria": [
                {"id": "2.1", "text": "Đủ 90 phút", "max_points": 5, "auto": {"source": "meeting.duration_ok"}},
                {"id": "2.2", "text": "Chuẩn bị", "max_points": 5, "auto": {"source": "meeting.preparation_rate"}},
                {"id": "2.3", "text": "Thảo luận", "max_points": 10}]},
        ],
        "bands": [{"label": "Kém", "min_points": 0}, {"label": "Tốt", "min_points": 25},
                  {"label": "Khá", "min_points": 20}, {"label": "Trung bình", "min_points": 15}],
    }


def file_of(*rubrics: dict) -> bytes:
    return json.dumps({"format": "cellsec-rubrics", "format_version": 1, "rubrics": list(rubrics)},
                      ensure_ascii=False).encode()


def test_parse_sorts_bands_and_computes_maximum():
    rubric = R.rubric_from_dict(small_rubric())
    assert rubric.max_points == 30
    assert [b.label for b in rubric.bands] == ["Tốt", "Khá", "Trung bình", "Kém"]
    assert rubric.groups[1].max_points == 20


@pytest.mark.parametrize("total, band", [
    (0, "Kém"), (14.99, "Kém"), (15, "Trung bình"), (19.99, "Trung bình"), (20, "Khá"), (24.99, "Khá"),
    (25, "Tốt"), (30, "Tốt"),
])
def test_band_edges(total, band):
    assert R.band_for(R.rubric_from_dict(small_rubric()), total) == band


def test_evaluate_totals_groups_and_missing():
    rubric = R.rubric_from_dict(small_rubric())
    sheet = {"1.1": R.ItemScore(points=10), "2.1": R.ItemScore(points=5), "2.3": R.ItemScore(points=7.5)}
    result = R.evaluate(rubric, sheet)
    assert result.total == 22.5
    assert result.group_totals == {"1": 10, "2": 12.5}
    assert result.band == "Khá"
    assert result.missing == ["2.2"]
    assert not result.complete
    assert result.percent == 75.0


def test_evaluate_clamps_points_to_the_criterion():
    rubric = R.rubric_from_dict(small_rubric())
    assert R.evaluate(rubric, {"2.3": R.ItemScore(points=99)}).total == 10


def test_check_sheet_reports_out_of_range_and_unknown():
    rubric = R.rubric_from_dict(small_rubric())
    errors = R.check_sheet(rubric, {"2.3": R.ItemScore(points=10.5), "1.1": R.ItemScore(points=-1),
                                    "9.9": R.ItemScore(points=1), "2.1": R.ItemScore(points=5)})
    assert set(errors) == {"2.3", "1.1", "9.9"}
    assert "từ 0 đến 10" in errors["2.3"]


@pytest.mark.parametrize("rate, points", [(85.01, 10), (85, 5), (70, 5), (69.99, 0), (None, None)])
def test_steps_rule_edges(rate, points):
    rubric = R.rubric_from_dict(small_rubric())
    assert R.auto_points(rubric.criterion("1.1"), rate) == points


def test_flag_and_proportional_rules():
    rubric = R.rubric_from_dict(small_rubric())
    assert R.auto_points(rubric.criterion("2.1"), True) == 5
    assert R.auto_points(rubric.criterion("2.1"), False) == 0
    assert R.auto_points(rubric.criterion("2.2"), 60) == 3
    assert R.auto_points(rubric.criterion("2.2"), 130) == 5  # clamped to 100 %
    assert R.auto_points(rubric.criterion("2.3"), 1) is None  # manual criterion


def test_prefill_keeps_manual_points_and_overrides_while_data_unchanged():
    rubric = R.rubric_from_dict(small_rubric())
    values = {"meeting.attendance_rate": 92.86, "meeting.duration_ok": False, "meeting.preparation_rate": 80}
    sheet = R.prefill(rubric, values)
    assert sheet["1.1"].points == 10 and sheet["1.1"].auto_value == 92.86
    assert sheet["2.1"].points == 0 and sheet["2.2"].points == 4
    assert sheet["2.3"].points is None
    sheet["2.1"].points = 5  # the secretary overrides: the meeting ran 88 minutes for a good reason
    sheet["2.3"] = R.ItemScore(points=8, note="Nhiều ý kiến")
    again = R.prefill(rubric, values, sheet)
    assert again["2.1"].points == 5 and again["2.1"].overridden
    assert again["2.3"].points == 8 and again["2.3"].note == "Nhiều ý kiến"
    changed = R.prefill(rubric, {**values, "meeting.duration_ok": True}, sheet)
    assert changed["2.1"].points == 5 and not changed["2.1"].overridden


def test_sheet_json_round_trip():
    sheet = {"1.1": R.ItemScore(points=10, auto_value=90.0, auto_points=10, note="Đủ")}
    assert R.sheet_from_json(R.sheet_to_json(sheet)) == sheet


def test_file_round_trip_is_stable():
    rubrics = R.parse_rubric_file(file_of(small_rubric()))
    text = R.dump_rubric_file(rubrics)
    assert R.parse_rubric_file(text.encode()) == rubrics
    assert R.dump_rubric_file(R.parse_rubric_file(text.encode())) == text


def test_text_is_nfc_normalised():
    data = small_rubric()
    data["name"] = "Bie\u0302\u0309u thu\u031b\u0309"  # NFD
    assert R.rubric_from_dict(data).name == "Biểu thử"


def test_shipped_defaults_are_valid_and_labelled():
    files = sorted((ROOT / "resources" / "rules").glob("rubric_*.json"))
    assert len(files) == 4
    rubrics = [r for f in files for r in R.parse_rubric_file(f.read_bytes())]
    assert {r.target for r in rubrics} == {"meeting", "cell_year", "member_year"}
    for rubric in rubrics:
        assert rubric.unverified
        assert rubric.note.startswith("Mặc định — cần điều chỉnh theo hướng dẫn của cấp ủy cấp trên")
        assert rubric.max_points == 100
    five_good = next(r for r in rubrics if r.key == "mac-dinh.chi-bo-5-tot")
    assert len(five_good.groups) == 5
    assert all(c.unverified for c in five_good.groups[4].criteria)  # the fifth area is a placeholder


def test_documented_example_parses():
    text = (ROOT / "docs" / "rubric-format.md").read_text(encoding="utf-8")
    example = re.search(r"## Example\s+```json\n(.*?)```", text, re.S).group(1)
    rubric = R.parse_rubric_file(example.encode())[0]
    assert rubric.max_points == 30 and rubric.bands[0].label == "Tốt"


def _mutate(path, value):
    def apply(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value
        return doc
    return apply


_DELETE = object()
R0 = ("rubrics", 0)


def _broken_files():
    def doc():
        return {"format": "cellsec-rubrics", "format_version": 1, "rubrics": [small_rubric()]}

    def enc(d):
        return json.dumps(d, ensure_ascii=False).encode()

    cases = []

    def case(name, raw, expected):
        cases.append(pytest.param(raw, expected, id=name))

    case("too large", b" " * (R.MAX_FILE_BYTES + 1), "quá lớn")
    case("not utf8", b"\xff\xfe\x00{", "UTF-8")
    case("invalid json", b'{"format": "cellsec-rubrics", ', "không phải JSON hợp lệ")
    case("deep nesting", b"[" * 100000 + b"]" * 100000, "lồng quá sâu")
    case("nan", enc(doc()).replace(b'"max_points": 30', b'"max_points": NaN', 1), "không hợp lệ (NaN)")
    case("wrong format", enc({"format": "other", "rubrics": []}), "không phải tệp bộ tiêu chí CellSec")
    case("list root", b"[1, 2]", "không phải tệp bộ tiêu chí CellSec")
    case("newer format", enc(_mutate(("format_version",), 2)(doc())), "phiên bản CellSec mới hơn")
    case("no rubrics", enc(_mutate(("rubrics",), [])(doc())), "không có bộ tiêu chí nào")
    case("missing name", enc(_mutate(R0 + ("name",), _DELETE)(doc())), "thiếu \"name\"")
    case("unknown field", enc(_mutate(R0 + ("max_point",), 30)(doc())), "\"max_point\"")
    case("wrong type", enc(_mutate(R0 + ("version",), "một")(doc())), "số nguyên dương")
    case("bool as number", enc(_mutate(R0 + ("groups", 1, "criteria", 2, "max_points"), True)(doc())), "phải là một số")
    case("negative points", enc(_mutate(R0 + ("groups", 1, "criteria", 2, "max_points"), -10)(doc())), "không được âm")
    case("huge points", enc(_mutate(R0 + ("groups", 1, "criteria", 2, "max_points"), 1e9)(doc())), "quá lớn")
    case("total mismatch", enc(_mutate(R0 + ("max_points",), 31)(doc())), "khác với điểm tối đa đã khai báo (31)")
    case("group total mismatch", enc(_mutate(R0 + ("groups", 0, "max_points"), 9)(doc())), "nhóm 1")
    case("bands not covering", enc(_mutate(R0 + ("bands",), [{"label": "Tốt", "min_points": 25},
                                                             {"label": "Khá", "min_points": 20}])(doc())),
         "phải phủ từ 0 điểm")
    case("band above max", enc(_mutate(R0 + ("bands", 1, "min_points"), 31)(doc())), "cao hơn tổng điểm tối đa")
    case("duplicate band label", enc(_mutate(R0 + ("bands", 2, "label"), "tốt")(doc())), "trùng tên")
    case("no bands", enc(_mutate(R0 + ("bands",), [])(doc())), "chưa có mức xếp loại")
    case("unknown source", enc(_mutate(R0 + ("groups", 1, "criteria", 0, "auto", "source"), "meeting.mood")(doc())),
         "\"meeting.mood\" không có trong chương trình")
    case("source of another target",
         enc(_mutate(R0 + ("groups", 1, "criteria", 0, "auto", "source"), "member.review_level")(doc())),
         "không dùng được cho đối tượng chấm này")
    case("step above max", enc(_mutate(R0 + ("groups", 0, "criteria", 0, "auto", "steps", 0, "points"), 11)(doc())),
         "vượt điểm tối đa")
    case("step two conditions",
         enc(_mutate(R0 + ("groups", 0, "criteria", 0, "auto", "steps", 0), {"above": 1, "below": 2, "points": 1})(doc())),
         "đúng một điều kiện")
    case("duplicate criterion id", enc(_mutate(R0 + ("groups", 1, "criteria", 2, "id"), "1.1")(doc())), "\"1.1\" bị trùng")
    case("duplicate group id", enc(_mutate(R0 + ("groups", 1, "id"), "1")(doc())), "\"1\" bị trùng")
    case("bad id", enc(_mutate(R0 + ("groups", 1, "criteria", 2, "id"), "tiêu chí 3")(doc())), "không hợp lệ")
    case("bad date", enc(_mutate(R0 + ("effective_from",), "30/10/2023")(doc())), "30/10/2023")
    case("bad target", enc(_mutate(R0 + ("target",), "party")(doc())), "đối tượng chấm \"party\"")
    case("meeting types missing", enc(_mutate(R0 + ("meeting_types",), _DELETE)(doc())), "phải nêu loại buổi")
    case("empty group", enc(_mutate(R0 + ("groups", 0, "criteria"), [])(doc())), "không có tiêu chí nào")
    case("text too long", enc(_mutate(R0 + ("groups", 1, "criteria", 2, "text"), "x" * 2001)(doc())), "quá dài")
    case("proportional on a count",
         enc(_mutate(R0 + ("groups", 1, "criteria", 2, "auto"),
                     {"source": "meeting.absent_without_reason", "mode": "proportional"})(doc())),
         "chỉ dùng cho nguồn dữ liệu tính bằng %")
    many = doc()
    many["rubrics"][0]["groups"] = [{"id": f"g{i}", "title": "Nhóm", "criteria": [
        {"id": f"c{i}.{j}", "text": "Tiêu chí", "max_points": 0.1} for j in range(6)]} for i in range(90)]
    case("too many criteria", enc(many), "quá nhiều tiêu chí (540; tối đa 500)")
    twice = doc()
    twice["rubrics"].append(copy.deepcopy(twice["rubrics"][0]))
    case("same key and version twice", enc(twice), "t.meeting v1")
    return cases


@pytest.mark.parametrize("raw, expected", _broken_files())
def test_broken_files_are_refused_with_the_reason(raw, expected):
    with pytest.raises(R.RubricError) as info:
        R.parse_rubric_file(raw)
    assert expected in info.value.message


def test_refusal_names_the_place():
    data = small_rubric()
    data["groups"][1]["criteria"][2]["max_points"] = -5
    with pytest.raises(R.RubricError) as info:
        R.parse_rubric_file(file_of(data))
    assert info.value.message == "Bộ tiêu chí 1, nhóm 2, tiêu chí 3 (2.3): điểm không được âm (-5)."


def test_validate_rubric_from_the_editor():
    rubric = R.rubric_from_dict(small_rubric())
    rubric.groups[1].criteria[2].max_points = 20  # the editor derives the declared maximum
    assert R.validate_rubric(rubric).max_points == 40
    rubric.bands = [R.Band("Tốt", 10)]
    with pytest.raises(R.RubricError):
        R.validate_rubric(rubric)


def test_messages_in_english():
    from cellsec.domain import messages

    messages.set_language("en")
    with pytest.raises(R.RubricError) as info:
        R.parse_rubric_file(b"{")
    assert "not valid JSON" in info.value.message


# ---- automatic inputs ---------------------------------------------------------------------------

def facts(mid, month, kind="thuong_ky", rate=90.0, statuses=None):
    return R.MeetingFacts(mid, dt.date(2025, month, 10), 2025, month, kind, rate, 0, 120, True, 100.0, True, True,
                          statuses or {})


def test_cell_year_values_hand_computed():
    meetings = [facts(f"m{m}", m) for m in range(1, 11)]  # 10 regular months
    meetings += [facts("t1", 3, "chuyen_de", 80.0), facts("c1", 11, "combined", 100.0)]
    values = R.cell_year_values(meetings, [80.0, 90.0, 70.0], {"a": "htt", "b": "htxs", "c": "ht", "d": None},
                                admitted=2, dues_on_time_rate=91.67)
    assert values["cell.regular_meetings"] == 11          # months 1–10 and the combined one in 11
    assert values["cell.thematic_meetings"] == 2          # thematic + combined
    assert values["cell.meeting_regularity"] == round(100 * (11 + 2) / 16, 2)
    assert values["cell.average_meeting_score"] == 80.0
    assert values["cell.average_attendance"] == round((90 * 10 + 80 + 100) / 12, 2)
    assert values["cell.members_good_rate"] == round(100 * 2 / 3, 2)
    assert values["cell.members_failed"] == 0
    assert values["cell.members_admitted"] == 2


def test_member_year_values_hand_computed():
    meetings = [facts("m1", 1, statuses={"a": "present"}), facts("m2", 2, statuses={"a": "absent_without_reason"}),
                facts("m3", 3, statuses={"a": "exempt"}), facts("m4", 4, statuses={"a": "absent_with_reason"}),
                facts("m5", 5, statuses={"b": "present"})]
    values = R.member_year_values("a", meetings, "htt", 75.0, 1)
    assert values["member.attendance_rate"] == round(100 / 3, 2)
    assert values["member.absences_without_reason"] == 1
    assert values["member.review_level"] == 3
    assert R.member_year_values("z", meetings, None, None, None)["member.attendance_rate"] is None
