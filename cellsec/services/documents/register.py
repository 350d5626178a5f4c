"""The member register "as of" a date: who belonged to the cell on that day and in what standing, from the
admission, official and status histories — not today's list printed under a past date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from ...domain.meetings import StatusPeriod
from ...domain.members import IN_CELL_STATUSES
from ..members.records import MemberQuery, MemberRecord

if TYPE_CHECKING:
    from ..facade import Services


def period_on(on: dt.date, periods: list[StatusPeriod]) -> StatusPeriod | None:
    """The status period in force on `on` (the latest started by then; an exemption that ended before `on`
    counts as active again); None when no recorded period had started."""
    started = [p for p in periods if p.status_from is None or p.status_from <= on]
    if not started:
        return None
    latest = max(started, key=lambda p: (p.status_from or dt.date.min, p.recorded_order))
    if latest.activity_status == "exempt" and latest.status_to is not None and latest.status_to < on:
        return StatusPeriod("active", latest.status_to, None, latest.recorded_order)
    return latest


def member_on(record: MemberRecord, periods: list[StatusPeriod], cards: list, on: dt.date) -> MemberRecord | None:
    """`record` as it stood on `on`, or None when the member was not in the cell that day."""
    if record.admitted_on is not None and record.admitted_on > on:
        return None
    period = period_on(on, periods)
    if period is None:
        # Before any recorded change: a member who came by temporary activity was not here yet.
        if any(p.activity_status == "temporary" for p in periods):
            return None
        period = StatusPeriod("active", None, None, 0)
    if period.activity_status not in IN_CELL_STATUSES:
        return None
    official = record.official_on if record.official_on is not None and record.official_on <= on else None
    party = "chinh_thuc" if official is not None else ("du_bi" if record.official_on else record.status)
    card = record.card_no
    dated = [c for c in cards if c.valid_from is None or c.valid_from <= on]
    if dated:
        card = max(dated, key=lambda c: c.valid_from or dt.date.min).card_no
    return replace(record, activity_status=period.activity_status, status_from=period.status_from,
                   status_to=period.status_to, status=party, official_on=official, card_no=card)


def register_as_of(svc: Services, on: dt.date) -> list[MemberRecord]:
    """The members of the cell on `on`, with their status, party standing and card number of that day."""
    out = []
    for record in svc.members.list(MemberQuery(sort="list_no")):
        history = svc.members.status_history(record.id)
        periods = [StatusPeriod(h.activity_status, h.status_from, h.status_to, i) for i, h in enumerate(history)]
        periods.append(StatusPeriod(record.activity_status, record.status_from, record.status_to, len(periods)))
        member = member_on(record, periods, svc.members.card_history(record.id), on)
        if member is not None:
            out.append(member)
    return out
