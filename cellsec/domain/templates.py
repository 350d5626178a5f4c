"""Document templates (the wording of papers without a verified official form) as data: versioned rule
files (resources/rules/<name>.json, `values` = parts of texts) with the cell's edits laid over them, one
text per path ("sheet.columns.2"). Pure: the caller passes the rules folder and the edits.
"""

from __future__ import annotations

import copy
import datetime as dt
import string
from functools import lru_cache
from pathlib import Path
from typing import Any

from .messages import Msg
from .rules import RuleSet, load_rule_set

# The paper templates a user may edit, in the order the settings list them.
EDITABLE = ("meeting_papers", "report_papers", "dues_papers", "attention_list", "lifecycle_papers",
            "transfer_paper", "commitment_form")
EMPTY = Msg("Lời văn không được để trống.", "The text must not be empty.")
BRACES = Msg("Dấu ngoặc {{ }} không khớp: mỗi chỗ điền phải có dạng {{tên}}.",
             "Unmatched braces: each field must be written as {{name}}.")
UNKNOWN_FIELD = Msg("Không có chỗ điền {fields} trong mẫu này; chỉ dùng được: {allowed}.",
                    "This template has no field {fields}; allowed: {allowed}.")
NO_FIELDS = Msg("(không có)", "(none)")



@lru_cache(maxsize=32)
def template_set(rules_dir: Path, name: str) -> RuleSet:
    """Every shipped version of template `name` (read once per process)."""
    return load_rule_set(name, Path(rules_dir))


def template_part(rules_dir: Path, name: str, part: str, on: dt.date | None = None) -> dict[str, Any]:
    """Part `part` of template `name` as shipped, in force on `on` (None: the latest)."""
    rules = template_set(Path(rules_dir), name)
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
