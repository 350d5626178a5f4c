"""Document templates as data: the fields a text fills, every text of a template by path, edits laid over
the shipped version, and the checks that keep an edit printable."""

from __future__ import annotations

from cellsec.domain.templates import apply_edits, check_text, fields_of, leaves, template_part
from cellsec.paths import resources_dir


def test_fields_paths_and_edits():
    assert fields_of("Tháng {month}/{year}, {month}") == ("month", "year")
    assert leaves({"a": "x", "b": ["y", "z"]}) == [("a", "x"), ("b.0", "y"), ("b.1", "z")]
    values = {"a": "x", "b": ["y", "z"]}
    assert apply_edits(values, {"b.1": "Z", "c": "gone", "b.9": "no"}) == {"a": "x", "b": ["y", "Z"]}
    assert values["b"][1] == "z"
    assert check_text("{year}", "Năm {year}") is None and check_text("{0}", "Năm {year}") is not None


def test_an_edit_must_print():
    assert check_text("  ", "Năm {year}").vi == "Lời văn không được để trống."
    assert "ngoặc" in check_text("Năm {year", "Năm {year}").vi
    assert check_text("Tháng {month}", "Năm {year}").vi == ("Không có chỗ điền {month} trong mẫu này; chỉ dùng "
                                                           "được: {year}.")
    assert check_text("Tháng {month}", "Cộng").vi.endswith("chỉ dùng được: (không có).")


def test_shipped_parts_are_read_from_the_rules_folder():
    sheet = template_part(resources_dir() / "rules", "dues_papers", "sheet")
    assert sheet["title"] == "SỔ THU ĐẢNG PHÍ" and len(sheet["columns"]) == 8
