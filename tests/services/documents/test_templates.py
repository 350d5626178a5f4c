"""The papers' wording as editable template data: the shipped text, the cell's edits over it, and the checks
that keep an edit printable."""

from __future__ import annotations

import pytest

from cellsec.domain.templates import EDITABLE
from cellsec.services.errors import ServiceError, ValidationFailed


def test_every_editable_template_is_shipped_unverified_with_named_parts(services):
    names = dict(services.templates.names())
    assert list(names) == list(EDITABLE)
    assert "Sổ thu đảng phí (tháng)" in names["dues_papers"]
    for name in EDITABLE:
        version = services.templates.texts(name)
        assert version, name
        parts = services.templates.part_titles(name)
        assert {t.part for t in version} <= set(parts), name  # every part has a name in the editor


def test_an_edit_is_kept_over_the_shipped_text_and_undone_by_reset(services):
    services.templates.save("dues_papers", {"sheet.title": "SỔ THU NỘP ĐẢNG PHÍ", "slip.columns.0": "x"})
    assert services.templates.part("dues_papers", "sheet")["title"] == "SỔ THU NỘP ĐẢNG PHÍ"
    assert services.templates.part("dues_papers", "ledger")["title"] == "Sổ theo dõi đóng đảng phí"  # untouched
    edited = [t for t in services.templates.texts("dues_papers") if t.edited]
    assert [(t.path, t.shipped) for t in edited] == [("sheet.title", "SỔ THU ĐẢNG PHÍ")]
    # Saving the shipped text again removes the edit; reset removes them all.
    services.templates.save("dues_papers", {"sheet.columns.2": "Diện đóng"})
    services.templates.save("dues_papers", {"sheet.title": "SỔ THU ĐẢNG PHÍ"})
    assert services.templates.edits("dues_papers") == {"sheet.columns.2": "Diện đóng"}
    assert services.templates.part("dues_papers", "sheet")["columns"][2] == "Diện đóng"
    services.templates.reset("dues_papers")
    assert services.templates.edits("dues_papers") == {}


def test_an_edit_that_could_not_print_is_refused_and_nothing_is_stored(services):
    with pytest.raises(ValidationFailed) as err:
        services.templates.save("dues_papers", {"sheet.title": "Sổ mới", "sheet.subtitle": "Tháng {thang} năm {year}",
                                                "sheet.kept": "Để lại ({percent}%", "slip.intro": "  "})
    errors = err.value.errors
    assert set(errors) == {"sheet.subtitle", "slip.intro"}
    assert "{thang}" in errors["sheet.subtitle"] and "{month_number}, {year}" in errors["sheet.subtitle"]
    assert "trống" in errors["slip.intro"]
    assert services.templates.edits("dues_papers") == {}  # the good edit was not stored either
    with pytest.raises(ValidationFailed) as err:
        services.templates.save("report_papers", {"monthly.subtitle": "Tháng {month năm {year}"})
    assert "ngoặc" in err.value.errors["monthly.subtitle"]
    with pytest.raises(ServiceError):
        services.templates.values("no_such_template")


def test_a_damaged_stored_value_prints_the_shipped_text(services):
    services.ctx.set_preference("templates.attention_list", "{not json", "test")
    assert services.templates.part("attention_list", "list")["title"] == "Danh sách đảng viên cần quan tâm"
