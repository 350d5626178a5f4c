"""The layout value and its defaults from the rule file (resources/rules/document_layout.json)."""

import subprocess
import sys

from cellsec.domain.layout import LayoutSettings, default_layout, layout_presets
from cellsec.paths import resources_dir

RULES = resources_dir() / "rules"


def test_defaults_and_presets_come_from_the_rule_file():
    assert (default_layout(RULES).margin_top_mm, default_layout(RULES).margin_left_mm) == (20, 30)
    label, binh_thuan = layout_presets(RULES)["binh_thuan"]
    assert label and (binh_thuan.margin_top_mm, binh_thuan.margin_left_mm) == (25, 35)


def test_from_dict_takes_known_keys_over_a_base():
    base = LayoutSettings(margin_left_mm=35)
    settings = LayoutSettings.from_dict({"mirrored": 1, "body_size": "13", "unknown": 5, "margin_top_mm": None}, base)
    assert settings == LayoutSettings(margin_left_mm=35, mirrored=True, body_size=13)
    assert LayoutSettings.from_dict(settings.to_dict()) == settings


def test_the_settings_service_takes_the_value_without_loading_the_report_engine():
    code = ("import sys, cellsec.services.settings.layout as m; m.default_layout(); "
            "print(any(n.startswith('cellsec.reports') for n in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
