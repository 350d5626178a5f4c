"""The document model: markup rules, table checks, layout defaults from the rule file, header helper."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from cellsec.paths import resources_dir
from cellsec.reports.engine.document import (
    LayoutSettings,
    Paragraph,
    PartyDocument,
    Rich,
    Signatures,
    Span,
    Table,
    cell_header,
    check_markup,
    default_layout,
    escape,
    layout_presets,
    markup_runs,
)


def test_escape_makes_user_text_literal_and_nfc():
    assert escape("a < b & c > d") == "a &lt; b &amp; c &gt; d"
    assert escape("O\u031b\u0301n") == "Ớn"
    assert escape(None) == ""


@pytest.mark.parametrize("bad", ["<script>x</script>", "<b>open", "a </i>", "<b><i>x</b></i>", "1 < 2",
                                 "A & B", "<b/>", "<font color='red'>x</font>"])
def test_markup_outside_the_small_set_is_refused(bad):
    with pytest.raises(ValueError):
        check_markup(bad)


def test_rich_format_escapes_values_and_keeps_template_markup():
    r = Rich.format("<b>Đồng chí {name}:</b> {said}", name="A<i>", said="x & y\nz", align="left")
    assert r.text == "<b>Đồng chí A&lt;i&gt;:</b> x &amp; y<br/>z"
    assert r.align == "left"
    assert markup_runs(r.text) == [("Đồng chí A<i>:", True, False, False), (" x & y", False, False, False),
                                   ("\n", False, False, False), ("z", False, False, False)]


def test_paragraph_markup_is_escaped():
    assert Paragraph("<b>1</b>\n2").markup == "&lt;b&gt;1&lt;/b&gt;<br/>2"


def test_table_rows_must_match_columns():
    with pytest.raises(ValueError):
        Table(["A", "B"], [["1"]])
    with pytest.raises(ValueError):
        Table(["A", "B"], [], col_widths=[1])
    t = Table(["Chính thức", "Dự bị"], [["20", "3"]], header_rows=[["Số đảng viên", ""]], spans=[Span(0, 0, 1, 0)])
    assert t.header_count == 2


def test_layout_defaults_come_from_the_rule_file():
    data = json.loads((resources_dir() / "rules" / "document_layout.json").read_text(encoding="utf-8"))
    assert data["rule_set"] == "document_layout" and data["source"]
    layout = default_layout()
    assert (layout.margin_top_mm, layout.margin_bottom_mm, layout.margin_left_mm, layout.margin_right_mm) == (20, 20, 30, 15)
    assert layout.body_size == data["values"]["body_size"]
    # The dataclass defaults agree with the rule file, so LayoutSettings() is never a different layout.
    assert LayoutSettings() == layout
    label, preset = layout_presets()["binh_thuan"]
    assert (preset.margin_top_mm, preset.margin_bottom_mm, preset.margin_left_mm, preset.margin_right_mm) == (25, 25, 35, 15)
    assert "35" in label
    for name, preset in data["presets"].items():
        assert preset["source"] and preset["unverified"], name


def test_layout_from_dict_ignores_unknown_keys_and_keeps_types():
    layout = LayoutSettings.from_dict({"margin_left_mm": "35", "mirrored": 1, "colour": "red"})
    assert layout.margin_left_mm == 35.0 and layout.mirrored is True and layout.margin_top_mm == 20


def test_cell_header_uses_the_place_and_date_line():
    class Cell:
        name, upper_committee, place_name = "Chi bộ Kỹ thuật", "Đảng ủy Báo Nghệ An", "Nghệ An"

    h = cell_header(Cell(), dt.date(2026, 2, 5), "Số 05-BB/CB")
    assert h.place_date == "Nghệ An, ngày 05 tháng 02 năm 2026" and h.number == "Số 05-BB/CB"
    unpadded = cell_header(Cell(), dt.date(2026, 2, 5), layout=LayoutSettings(zero_pad_dates=False))
    assert unpadded.place_date == "Nghệ An, ngày 5 tháng 2 năm 2026" and unpadded.number is None


def test_signature_presets_and_toc_text():
    minutes = Signatures.for_minutes("Trần Thị Hồng", "Nguyễn Văn Đức")
    assert minutes.left.lines == ["THƯ KÝ"] and minutes.right.lines == ["CHỦ TRÌ"]
    cell = Signatures.for_cell("Nguyễn Văn Đức")
    assert cell.left is None and cell.right.lines == ["T/M CHI BỘ", "BÍ THƯ"] and cell.right.name == "Nguyễn Văn Đức"
    doc = PartyDocument(cell_header_stub(), "Biên bản\nsinh hoạt chi bộ", "tháng 02 năm 2026")
    assert doc.toc_text == "Biên bản sinh hoạt chi bộ tháng 02 năm 2026"


def cell_header_stub():
    from cellsec.reports.engine.document import Header

    return Header("Đảng ủy", "Chi bộ", None, "Nghệ An, ngày 05 tháng 02 năm 2026")


def test_start_up_does_not_load_the_renderer():
    def loaded(code: str) -> str:
        return subprocess.run([sys.executable, "-c", f"import sys; {code}"], capture_output=True, text=True,
                              check=True).stdout.strip()

    # The services (the app imports them at start) do not even import cellsec.reports ...
    assert loaded("import cellsec.services.facade; print([m for m in sys.modules if 'reports' in m])") == "[]"
    # ... and the model and the render entry point import no heavy library until something is printed.
    assert loaded("import cellsec.reports.engine.document, cellsec.reports.engine.layout; "
                  "print(any(m.split('.')[0] in ('reportlab', 'docx', 'openpyxl') for m in sys.modules))") == "False"


def test_unknown_alignment_is_refused_at_construction():
    with pytest.raises(ValueError):
        Paragraph("x", align="centre")
    with pytest.raises(ValueError):
        Table(["A"], [["1"]], align=["middle"])
