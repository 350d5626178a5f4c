"""svc.layout: the document layout the settings page edits, stored in the local settings."""

from __future__ import annotations

import dataclasses

import pytest

from cellsec.domain.layout import LayoutSettings
from cellsec.services.settings.layout import default_layout
from cellsec.services.errors import ValidationFailed
from cellsec.services.facade import Services


def test_defaults_until_changed(services):
    assert services.layout.get() == default_layout()


def test_set_persists_across_reopen(services, data_dir):
    changed = dataclasses.replace(services.layout.get(), margin_left_mm=35, mirrored=True, body_size=13)
    assert services.layout.set(changed) == changed
    services.close()
    again = Services.open(data_dir)
    try:
        assert again.layout.get() == changed
    finally:
        again.close()


@pytest.mark.parametrize("field,value,text", [
    ("margin_top_mm", 4, "Lề trên cần từ 5 đến 50 mm."),
    ("margin_bottom_mm", 50.5, "Lề dưới cần từ 5 đến 50 mm."),
    ("margin_left_mm", 51, "Lề trái cần từ 5 đến 50 mm."),
    ("margin_right_mm", -1, "Lề phải cần từ 5 đến 50 mm."),
])
def test_margins_outside_5_to_50_mm_are_refused_naming_the_margin(services, field, value, text):
    bad = dataclasses.replace(LayoutSettings(), **{field: value})
    with pytest.raises(ValidationFailed) as err:
        services.layout.set(bad)
    assert err.value.errors[field] == text  # each margin by its own name (all said "Lề phải" before)
    assert services.layout.get() == default_layout()  # nothing saved


def test_other_checks(services):
    bad = LayoutSettings(body_size=40, line_spacing=3, page_number_top_mm=25)
    with pytest.raises(ValidationFailed) as err:
        services.layout.set(bad)
    assert set(err.value.errors) == {"body_size", "line_spacing", "page_number_top_mm"}
    assert "lề trên" in err.value.errors["page_number_top_mm"]


def test_presets_and_reset(services):
    presets = services.layout.presets()
    assert set(presets) >= {"default", "binh_thuan"}
    services.layout.set(dataclasses.replace(LayoutSettings(), mirrored=True))
    applied = services.layout.apply_preset("binh_thuan")
    assert (applied.margin_top_mm, applied.margin_left_mm, applied.mirrored) == (25, 35, True)
    assert services.layout.reset() == default_layout()


def test_damaged_setting_falls_back_to_defaults(services):
    services.ctx.set_setting("document_layout", "{not json")
    assert services.layout.get() == default_layout()
    services.ctx.set_setting("document_layout", '{"margin_left_mm": 2}')
    assert services.layout.get() == default_layout()
