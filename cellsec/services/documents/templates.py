"""The wording of the cell's papers (invitation, dues book, monthly report, attention list, …) as editable
template data: the shipped text is a rule file in resources/rules (marked unverified where no official form
was found); the cell's corrections are stored over it as a cell preference ("templates.<name>", synced like
the agenda template), one entry per edited text, so a secretary fixes a title or a caption without a new
program version, and a later shipped version still supplies every text the cell has not changed.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...domain.messages import Msg
from ...domain.rules import RuleSet
from ...domain.templates import EDITABLE, apply_edits, check_text, fields_of, leaves, template_set
from ...domain.text import clean_line, clean_text
from ...paths import resources_dir
from ..errors import ServiceError, ValidationFailed

if TYPE_CHECKING:
    from ..context import Context

PREFERENCE = "templates.{name}"

UNKNOWN = Msg("Không có mẫu văn bản \"{name}\".", "There is no document template \"{name}\".")
SAVED = Msg("Sửa mẫu văn bản: {title}", "Edit the document template: {title}")
RESET = Msg("Khôi phục mẫu văn bản gốc: {title}", "Restore the shipped document template: {title}")


@dataclass(frozen=True)
class TemplateText:
    """One editable text of a template: where it is ("sheet.columns.2"), its part's name, the shipped text,
    the text in use, and the fields ({month}, …) it may contain."""

    path: str
    part: str
    shipped: str
    text: str
    fields: tuple[str, ...]

    @property
    def edited(self) -> bool:
        return self.text != self.shipped


def shipped_set(name: str) -> RuleSet:
    if name not in EDITABLE:
        raise ServiceError(UNKNOWN, name=name)
    return template_set(resources_dir() / "rules", name)


class TemplateService:
    """Read the papers' wording (shipped version in force on a date + the cell's edits) and edit it."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def names(self) -> list[tuple[str, str]]:
        """(name, title) of every editable template, the title from the rule file's part names."""
        out = []
        for name in EDITABLE:
            parts = shipped_set(name).latest.data.get("notes", {}).get("parts", {})
            out.append((name, "; ".join(parts.values()) or name))
        return out

    def part_titles(self, name: str) -> dict[str, str]:
        return dict(shipped_set(name).latest.data.get("notes", {}).get("parts", {}))

    def edits(self, name: str) -> dict[str, str]:
        """path -> text the cell changed in template `name` ({} when it uses the shipped text)."""
        shipped_set(name)
        stored = self.ctx.get_preference(PREFERENCE.format(name=name))
        try:
            edits = json.loads(stored) if stored else {}
        except json.JSONDecodeError:
            return {}  # a damaged value must not stop printing: the shipped text is used
        return {str(k): str(v) for k, v in edits.items()} if isinstance(edits, dict) else {}

    def values(self, name: str, on: dt.date | None = None) -> dict[str, Any]:
        """Every part of template `name` in force on `on` (None: the latest), with the cell's edits."""
        rules = shipped_set(name)
        version = rules.for_date(on) if on is not None else rules.latest
        return apply_edits(version.values, self.edits(name))

    def part(self, name: str, part: str, on: dt.date | None = None) -> dict[str, Any]:
        return self.values(name, on)[part]

    def texts(self, name: str) -> list[TemplateText]:
        """Every text of the latest version of `name`, shipped and in use, for the editor."""
        shipped = leaves(shipped_set(name).latest.values)
        edits = self.edits(name)
        return [TemplateText(path, path.split(".")[0], text, edits.get(path, text), fields_of(text))
                for path, text in shipped]

    def save(self, name: str, texts: dict[str, str]) -> None:
        """Store the texts given by path (the shipped text again removes the edit). Every text is checked
        first; ValidationFailed names each one refused, by path, and nothing is stored."""
        shipped = dict(leaves(shipped_set(name).latest.values))
        edits = self.edits(name)
        errors: dict[str, str] = {}
        for path, text in texts.items():
            if path not in shipped:
                continue
            text = clean_text(text) if "\n" in shipped[path] else clean_line(text)
            problem = check_text(text, shipped[path])
            if problem is not None:
                errors[path] = problem.format()
            elif text == shipped[path]:
                edits.pop(path, None)
            else:
                edits[path] = text
        if errors:
            raise ValidationFailed(errors)
        title = dict(self.names())[name]
        self.ctx.set_preference(PREFERENCE.format(name=name), json.dumps(edits, ensure_ascii=False) if edits else "",
                                SAVED.format(title=title))

    def reset(self, name: str) -> None:
        """Back to the shipped wording of `name`."""
        title = dict(self.names())[name]
        self.ctx.set_preference(PREFERENCE.format(name=name), "", RESET.format(title=title))
