"""The wording of the cell's papers (invitation, dues book, monthly report, attention list, …) as editable
template data: the shipped text is a rule file in resources/rules (marked unverified where no official form
was found); the cell's corrections are stored over it as a cell preference ("templates.<name>", synced like
the agenda template), one entry per edited text, so a secretary fixes a title or a caption without a new
program version, and a later shipped version still supplies every text the cell has not changed.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import string
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ...domain.messages import Msg
from ...domain.rules import RuleSet, load_rule_set
from ...domain.text import clean_line, clean_text
from ...paths import resources_dir
from ..errors import ServiceError, ValidationFailed

if TYPE_CHECKING:
    from ..context import Context

# The paper templates a user may edit, in the order the settings list them.
EDITABLE = ("meeting_papers", "report_papers", "dues_papers", "attention_list", "lifecycle_papers",
            "transfer_paper", "commitment_form")
PREFERENCE = "templates.{name}"

UNKNOWN = Msg("Không có mẫu văn bản \"{name}\".", "There is no document template \"{name}\".")
SAVED = Msg("Sửa mẫu văn bản: {title}", "Edit the document template: {title}")
RESET = Msg("Khôi phục mẫu văn bản gốc: {title}", "Restore the shipped document template: {title}")
EMPTY = Msg("Lời văn không được để trống.", "The text must not be empty.")
BRACES = Msg("Dấu ngoặc {{ }} không khớp: mỗi chỗ điền phải có dạng {{tên}}.",
             "Unmatched braces: each field must be written as {{name}}.")
UNKNOWN_FIELD = Msg("Không có chỗ điền {fields} trong mẫu này; chỉ dùng được: {allowed}.",
                    "This template has no field {fields}; allowed: {allowed}.")
NO_FIELDS = Msg("(không có)", "(none)")


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


@lru_cache(maxsize=16)
def shipped_set(name: str) -> RuleSet:
    if name not in EDITABLE:
        raise ServiceError(UNKNOWN, name=name)
    return load_rule_set(name, resources_dir() / "rules")


def shipped_part(name: str, part: str, on: dt.date | None = None) -> dict[str, Any]:
    """Part `part` of template `name` as shipped, in force on `on` (None: the latest): the wording a
    document gets when it is built without a cell (tests, the committee server)."""
    rules = shipped_set(name)
    return (rules.for_date(on) if on is not None else rules.latest).values[part]


def fields_of(text: str) -> tuple[str, ...]:
    """The {fields} of `text`, in order, each once; ValueError when its braces do not match."""
    out: list[str] = []
    for _literal, field, _spec, _conv in string.Formatter().parse(text):
        if field is not None:
            out.append(field)
    return tuple(dict.fromkeys(out))


def leaves(values: Any, prefix: str = "") -> list[tuple[str, str]]:
    """(path, text) of every text in a template's values, lists indexed: ("sheet.columns.2", "Đối tượng")."""
    if isinstance(values, str):
        return [(prefix, values)]
    items = values.items() if isinstance(values, dict) else enumerate(values) if isinstance(values, list) else ()
    out: list[tuple[str, str]] = []
    for key, value in items:
        out.extend(leaves(value, f"{prefix}.{key}" if prefix else str(key)))
    return out


def apply_edits(values: dict[str, Any], edits: dict[str, str]) -> dict[str, Any]:
    """A copy of `values` with each edited text put at its path; a path the shipped version no longer has
    is left out (a later version may have removed or renamed it)."""
    out = copy.deepcopy(values)
    for path, text in edits.items():
        *parents, last = path.split(".")
        node: Any = out
        try:
            for key in parents:
                node = node[int(key)] if isinstance(node, list) else node[key]
            if isinstance(node, list):
                if isinstance(node[int(last)], str):
                    node[int(last)] = text
            elif isinstance(node.get(last), str):
                node[last] = text
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            continue
    return out


def check_text(text: str, shipped: str) -> Msg | None:
    """Why `text` cannot replace `shipped` (None: it can): not empty, braces matched, and only the fields
    the shipped text fills (the document has no value for any other)."""
    if not text.strip():
        return EMPTY
    try:
        used = fields_of(text)
    except ValueError:
        return BRACES
    allowed = fields_of(shipped)
    extra = [f for f in used if f not in allowed]
    if extra or any(not f.isidentifier() for f in used):
        return Msg(UNKNOWN_FIELD.vi.format(fields=", ".join("{" + f + "}" for f in extra or used),
                                           allowed=", ".join("{" + f + "}" for f in allowed) or NO_FIELDS.vi),
                   UNKNOWN_FIELD.en.format(fields=", ".join("{" + f + "}" for f in extra or used),
                                           allowed=", ".join("{" + f + "}" for f in allowed) or NO_FIELDS.en))
    return None


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
