"""Finding the header row of a member list and which column holds which field.

Columns are recognised by their Vietnamese header names (domain.members.HEADER_ALIASES) wherever the
header row is among the first rows (exports often start with a title). The user can say which column is
which when a header is not recognised (`Mapping`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ...domain import members as rules
from ...domain.messages import Msg
from ...domain.text import clean_line
from ..errors import ServiceError

HEADER_SEARCH_ROWS = 20
NO_NAME_COLUMN = Msg(
    "Không tìm thấy cột \"Họ và tên\" trong tệp {name}. Dòng tiêu đề cần có tên cột như \"Họ và tên\", "
    "\"Ngày sinh\", \"Ngày vào Đảng\"; hoặc hãy chọn cột nào là họ và tên ở bảng \"Cột trong tệp\".",
    "No \"Họ và tên\" (full name) column in {name}. The header row needs column names such as "
    "\"Họ và tên\", \"Ngày sinh\", \"Ngày vào Đảng\"; or choose which column is the name under \"Columns\".",
)
NAME_NOT_CHOSEN = Msg("Hãy chọn cột nào là \"Họ và tên\".", "Choose which column is the full name.")
# Fields a column can be set to by hand: every field the header names can mean, in form order.
MAPPABLE = tuple(rules.HEADER_ALIASES)


class HeaderNotFound(ServiceError):
    """No header row was recognised: the first filled rows go with it, so the user can pick columns."""

    def __init__(self, name: str, candidates: list[tuple[int, list[str]]]) -> None:
        super().__init__(NO_NAME_COLUMN, name=name)
        self.candidates = candidates  # (row number, header texts) of the first filled rows


@dataclass
class Mapping:
    """The user's choice: the header's row number and field by column index (None = not used)."""

    header_row: int
    fields: dict[int, str | None] = field(default_factory=dict)


@dataclass
class Header:
    row: int  # spreadsheet row number of the header
    texts: list[str]  # the header cells as written
    columns: dict[int, str]  # column index -> field

    @property
    def ignored(self) -> list[str]:
        return [t for i, t in enumerate(self.texts) if t and i not in self.columns]


def is_filled(value: Any) -> bool:
    if value is None:
        return False
    if not isinstance(value, str):
        return True
    text = value.strip()
    # Most cells start with a letter or digit; only the rest need the full cleaning to tell.
    return bool(text) and (text[0].isalnum() or clean_line(text) != "")


def _header_texts(cells: Sequence[Any]) -> list[str]:
    return [clean_line(v) if isinstance(v, str) else ("" if v is None else clean_line(str(v))) for v in cells]


def columns_of(cells: Sequence[Any]) -> dict[int, str]:
    """Column index -> field for a header row; where two columns mean one field, the better name wins."""
    best: dict[str, tuple[int, int]] = {}  # field -> (rank, column)
    for index, value in enumerate(cells):
        if not isinstance(value, str) or not clean_line(value):
            continue
        found = rules.match_header(value)
        if found is None:
            continue
        name, rank = found
        if name not in best or rank > best[name][0]:
            best[name] = (rank, index)
    return {index: name for name, (_, index) in best.items()}


def _has_name(columns: dict[int, str]) -> bool:
    names = set(columns.values())
    return "full_name" in names or {"_family", "_given"} <= names


def find_header_position(head: Sequence[tuple[int, Sequence[Any], str]]) -> int:
    """Position in `head` of the best header row (most recognised columns, with a name), or -1."""
    best = (-1, 0)
    for position, (_, cells, _) in enumerate(head[:HEADER_SEARCH_ROWS]):
        columns = columns_of(cells)
        if _has_name(columns) and len(columns) > best[1]:
            best = (position, len(columns))
    return best[0]


def find_header(head: Sequence[tuple[int, Sequence[Any], str]], name: str, mapping: Mapping | None) -> Header:
    """The header: the user's mapping when given, else the recognised row; HeaderNotFound otherwise."""
    if mapping is not None:
        row = next(((n, cells) for n, cells, _ in head if n == mapping.header_row), None)
        if row is not None:
            texts = _header_texts(row[1])
            columns = {i: f for i, f in mapping.fields.items() if f and f in MAPPABLE}
            if not _has_name(columns):
                raise ServiceError(NAME_NOT_CHOSEN)
            return Header(row[0], texts, columns)
    position = find_header_position(head)
    if position < 0:
        candidates = [(n, _header_texts(cells)) for n, cells, _ in head[:HEADER_SEARCH_ROWS]
                      if any(is_filled(c) for c in cells)][:5]
        raise HeaderNotFound(name, candidates)
    number, cells, _ = head[position]
    return Header(number, _header_texts(cells), columns_of(cells))
