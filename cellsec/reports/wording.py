"""The shipped wording of a paper (resources/rules, domain.templates): what a document gets when it is
built without the cell's edits (tests, a caller with no services); `write_*` functions pass the cell's
wording from services.templates instead."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..domain.templates import template_part
from ..paths import resources_dir


def shipped_part(name: str, part: str, on: dt.date | None = None) -> dict[str, Any]:
    return template_part(resources_dir() / "rules", name, part, on)
