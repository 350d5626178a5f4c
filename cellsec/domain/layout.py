"""The page layout of printed documents as a value: margins, duplex, type sizes (Hướng dẫn 36-HD/VPTW,
domain reference §4). The defaults and the named presets are data: the 'document_layout' rule set
(resources/rules/document_layout.json), read by `layout_presets(rules_dir)` / `default_layout(rules_dir)`.

The settings service stores the user's choice; the report engine lays pages out with it. Both take the
value from here, so neither imports the other.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from .rules import load_rule_set

LAYOUT_RULE_SET = "document_layout"


@dataclass
class LayoutSettings:
    """Page and type settings of printed documents. Sizes in points, lengths in millimetres."""

    margin_top_mm: float = 20
    margin_bottom_mm: float = 20
    margin_left_mm: float = 30
    margin_right_mm: float = 15
    # Duplex: even pages swap the left and right margins (binding edge stays on the inside).
    mirrored: bool = False
    zero_pad_dates: bool = True
    page_number_top_mm: float = 10
    party_title_size: float = 15
    header_size: float = 14
    title_size: float = 15
    subtitle_size: float = 14
    body_size: float = 14
    table_size: float = 12
    line_spacing: float = 1.25
    first_line_indent_mm: float = 10
    recipients_label_size: float = 12
    recipients_size: float = 11
    page_number_size: float = 13

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any], base: LayoutSettings | None = None) -> LayoutSettings:
        """Known keys of `data` over `base` (default: the built-in values; callers pass the rule file's
        defaults); unknown keys are ignored so settings saved by a newer or older version still load."""
        values = (base or cls()).to_dict()
        for f in fields(cls):
            if f.name in data and data[f.name] is not None:
                current = values[f.name]
                values[f.name] = bool(data[f.name]) if isinstance(current, bool) else float(data[f.name])
        return cls(**values)


@lru_cache(maxsize=4)
def layout_rules(rules_dir: Path) -> dict[str, Any]:
    """The newest version of the 'document_layout' rule set in `rules_dir`, as its whole JSON."""
    return load_rule_set(LAYOUT_RULE_SET, Path(rules_dir)).latest.data


def layout_presets(rules_dir: Path) -> dict[str, tuple[str, LayoutSettings]]:
    """Preset name -> (Vietnamese label, settings) from the rule file (margins differ between presets)."""
    rules = layout_rules(Path(rules_dir))
    names = {f.name for f in fields(LayoutSettings)}
    out: dict[str, tuple[str, LayoutSettings]] = {}
    for name, preset in rules["presets"].items():
        values = dict(rules["values"])
        values.update({k: v for k, v in preset.items() if k in names})
        out[name] = (preset.get("label", name), LayoutSettings.from_dict(values, base=LayoutSettings()))
    return out


def default_layout(rules_dir: Path) -> LayoutSettings:
    return layout_presets(rules_dir)[layout_rules(Path(rules_dir))["default_preset"]][1]
