"""Two consecutive years not fulfilling duties, computed from plain rows (the reviews service reads them
with the ORM, the window's first overview with the quick reader: the same rule either way). It imports
none of the reviews' heavier modules, so the window's overview loads quickly."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...domain.members import name_sort_key
from ...domain.review_rules import consecutive_fail_years


@dataclass
class RemovalRisk:
    member_id: str
    name: str
    years: tuple[int, int]


def removal_risks_from(rows: Iterable[tuple]) -> list[RemovalRisk]:
    """`rows`: (member_id, year, decided_level, cell_level, full_name, list_no) of the live reviews of the
    members in the cell. The members rated "Không hoàn thành nhiệm vụ" two years in a row (decided level,
    or the cell's proposal while the decision is pending), latest pair per member, in registry order."""
    by_member: dict[str, dict[int, str | None]] = {}
    names: dict[str, tuple] = {}
    for member_id, year, decided, cell, name, list_no in rows:
        by_member.setdefault(member_id, {})[year] = decided or cell
        names[member_id] = (list_no is None, list_no or 0, name_sort_key(name), name)
    out = []
    for member_id, levels in by_member.items():
        pairs = consecutive_fail_years(levels)
        if pairs:
            out.append(RemovalRisk(member_id, names[member_id][3], pairs[-1]))
    out.sort(key=lambda r: names[r.member_id][:3])
    return out
