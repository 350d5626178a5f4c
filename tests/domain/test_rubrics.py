"""Rubric arithmetic, bands at their edges, automatic rules, the exchange file and its refusals."""

from __future__ import annotations

import copy
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
