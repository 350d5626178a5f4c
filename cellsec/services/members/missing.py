"""Records that lack required data, as overview reminders, from plain rows (the members feature reads them
with the ORM, the window's first overview with the quick reader: the same rule either way). No SQLAlchemy."""

from __future__ import annotations

from collections.abc import Iterable

from ...domain import members as rules
from ...domain.members import FIELD_LABELS
from ...domain.messages import Msg
from ...domain.reminders import INFO, Reminder

MISSING_DATA = Msg("Hồ sơ đồng chí {name} còn thiếu: {fields}.", "{name}'s record lacks: {fields}.")


def missing_data_from(members: Iterable) -> list[Reminder]:
    """`members`: the live members in the cell (rows with the members table's columns), in any order; a
    reminder for each record lacking required data, in registry order."""
    out = []
    for m in sorted(members, key=lambda m: (m.list_no is None, m.list_no or 0, rules.name_sort_key(m.full_name))):
        missing = rules.missing_fields(m, m.card_no or "")
        if missing:
            labels = (FIELD_LABELS[f].format() for f in missing)
            fields = ", ".join(text[:1].lower() + text[1:] for text in labels)
            out.append(Reminder("missing_data", INFO, MISSING_DATA.format(name=m.full_name, fields=fields), m.id))
    return out
