"""Printing helpers shared by the CLI modules."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import asdict, is_dataclass
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if is_dataclass(value):
        return asdict(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def emit_json(value: Any) -> None:
    # One write: json.dump would write each token to the stream on its own (thousands of calls for a list).
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=_default) + "\n")


def emit_table(rows: list[list[str]], headers: list[str]) -> None:
    """Plain aligned columns for people reading a terminal."""
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)] if rows else [len(h) for h in headers]
    for line in [headers, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths)).rstrip())
