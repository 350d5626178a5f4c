"""Page layout of printed documents (margins, duplex, font sizes): defaults from the rule file
resources/rules/document_layout.json, the user's choice stored in the local settings. The value is
domain/layout.LayoutSettings, which the report engine takes too (this module does not import reports).
"""

from __future__ import annotations

import json

from ...domain import layout as rules
from ...domain.layout import LayoutSettings
from ...domain.messages import Msg
from ...paths import resources_dir
from ..context import Context
from ..errors import ValidationFailed

SETTING_KEY = "document_layout"
MARGIN_RANGE = (5.0, 50.0)
SIZE_RANGE = (8.0, 28.0)
SPACING_RANGE = (1.0, 2.0)

MARGIN_OUT_OF_RANGE = {
    "margin_top_mm": Msg("Lề trên cần từ {low:g} đến {high:g} mm.", "The top margin must be between {low:g} and {high:g} mm."),
    "margin_bottom_mm": Msg("Lề dưới cần từ {low:g} đến {high:g} mm.",
                            "The bottom margin must be between {low:g} and {high:g} mm."),
    "margin_left_mm": Msg("Lề trái cần từ {low:g} đến {high:g} mm.",
                          "The left margin must be between {low:g} and {high:g} mm."),
    "margin_right_mm": Msg("Lề phải cần từ {low:g} đến {high:g} mm.",
                           "The right margin must be between {low:g} and {high:g} mm."),
}
SIZE_OUT_OF_RANGE = Msg("Cỡ chữ phải từ {low:g} đến {high:g}.", "Font size must be between {low:g} and {high:g} pt.")
SPACING_OUT_OF_RANGE = Msg("Giãn dòng phải từ {low:g} đến {high:g} lần cỡ chữ.",
                           "Line spacing must be between {low:g} and {high:g} times the font size.")
PAGE_NUMBER_POSITION = Msg("Số trang phải nằm trong lề trên: từ 3 mm đến nhỏ hơn lề trên ({top:g} mm).",
                           "The page number must sit inside the top margin: from 3 mm to less than {top:g} mm.")
LAYOUT_CHANGED = Msg("Đổi cách trình bày văn bản của chi bộ", "Change the cell's document layout")
INDENT_OUT_OF_RANGE = Msg("Thụt đầu dòng phải từ 0 đến 30 mm.", "The first-line indent must be between 0 and 30 mm.")

_MARGINS = ("margin_top_mm", "margin_bottom_mm", "margin_left_mm", "margin_right_mm")
_SIZES = ("party_title_size", "header_size", "title_size", "subtitle_size", "body_size", "table_size",
          "recipients_label_size", "recipients_size", "page_number_size")


def default_layout() -> LayoutSettings:
    """The rule file's default preset."""
    return rules.default_layout(resources_dir() / "rules")


def check_layout(settings: LayoutSettings) -> dict[str, str]:
    """field -> Vietnamese message for every value out of range (empty when all is well)."""
    errors: dict[str, str] = {}
    low, high = MARGIN_RANGE
    for name in _MARGINS:
        if not low <= getattr(settings, name) <= high:
            errors[name] = MARGIN_OUT_OF_RANGE[name].format(low=low, high=high)
    low, high = SIZE_RANGE
    for name in _SIZES:
        if not low <= getattr(settings, name) <= high:
            errors[name] = SIZE_OUT_OF_RANGE.format(low=low, high=high)
    low, high = SPACING_RANGE
    if not low <= settings.line_spacing <= high:
        errors["line_spacing"] = SPACING_OUT_OF_RANGE.format(low=low, high=high)
    if not 3 <= settings.page_number_top_mm < settings.margin_top_mm:
        errors["page_number_top_mm"] = PAGE_NUMBER_POSITION.format(top=settings.margin_top_mm)
    if not 0 <= settings.first_line_indent_mm <= 30:
        errors["first_line_indent_mm"] = INDENT_OUT_OF_RANGE.format()
    return errors


def layout_from_json(raw: str | None) -> LayoutSettings:
    """The saved layout (JSON) over the rule file's defaults; a damaged or out-of-range value gives the
    defaults. Also how the committee server reads a cell's synced layout."""
    if not raw:
        return default_layout()
    try:
        data = json.loads(raw)
        settings = LayoutSettings.from_dict(data if isinstance(data, dict) else {}, base=default_layout())
    except (ValueError, TypeError):
        return default_layout()
    return default_layout() if check_layout(settings) else settings


class LayoutService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def get(self) -> LayoutSettings:
        """The saved layout over the rule file's defaults (a value the rule file gains later shows up
        with its default; a damaged saved value falls back to the defaults)."""
        return layout_from_json(self.ctx.get_preference(SETTING_KEY))

    def set(self, settings: LayoutSettings) -> LayoutSettings:
        """Validate and save; ValidationFailed maps each bad field to a Vietnamese message."""
        errors = check_layout(settings)
        if errors:
            raise ValidationFailed(errors)
        self.ctx.set_preference(SETTING_KEY, json.dumps(settings.to_dict(), ensure_ascii=False, sort_keys=True),
                                LAYOUT_CHANGED.format())
        return self.get()

    def reset(self) -> LayoutSettings:
        """Back to the rule file's defaults."""
        return self.set(default_layout())

    def presets(self) -> dict[str, tuple[str, LayoutSettings]]:
        """Named margin presets from the rule file: name -> (Vietnamese label, settings)."""
        return rules.layout_presets(resources_dir() / "rules")

    def apply_preset(self, name: str) -> LayoutSettings:
        """Take a preset's margins, keeping the user's other choices (duplex, sizes)."""
        preset = self.presets()[name][1]
        margins = {k: getattr(preset, k) for k in _MARGINS}
        return self.set(LayoutSettings.from_dict(margins, base=self.get()))
