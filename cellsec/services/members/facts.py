"""Member facts: what dues, scoring and attention need of every member of the cell (dates, status with
its history, dues category and basis), read in one go and sorted as the registry lists them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from ...domain import dues as D
from ...domain.meetings import StatusPeriod, status_on
from ...domain.members import IN_CELL_STATUSES, name_sort_key

if TYPE_CHECKING:  # the window's first overview builds the facts without SQLAlchemy (facts_from)
    from sqlalchemy.orm import Session


@dataclass
class MemberFacts:
    """What dues, scoring and attention need of a member, with the status history for dates."""

    id: str
    full_name: str
    list_no: int | None
    admitted_on: dt.date | None
    official_on: dt.date | None
    status: str
    activity_status: str
    status_from: dt.date | None
    status_to: dt.date | None
    dues_category: str
    dues_basis: int
    periods: list[StatusPeriod] = field(default_factory=list)

    @property
    def current(self) -> StatusPeriod:
        return StatusPeriod(self.activity_status, self.status_from, self.status_to, recorded_order=1 << 30)

    def status_on(self, on: dt.date) -> str:
        return status_on(on, self.current, self.periods)

    @property
    def start(self) -> dt.date | None:
        """When the member began owing dues here: admission, or the start of temporary activity."""
        if self.activity_status == "temporary" and self.status_from is not None:
            return max(self.status_from, self.admitted_on or self.status_from)
        return self.admitted_on

    @property
    def leave(self) -> dt.date | None:
        return self.status_from if self.activity_status not in IN_CELL_STATUSES else None

    def owed_months(self, year: int, through: dt.date, rules_for) -> list[dt.date]:
        skip = [m for m in D.months_of_year(year)
                if self.status_on(m) == "exempt" and not rules_for(m).exempt_members_owe]
        return D.membership_months(year, self.start, self.leave, through,
                                   leave_inclusive=self.activity_status == "transferred_out", skip=skip)


def member_facts(s: Session, cell_id: str) -> list[MemberFacts]:
    """Every live member of the cell (in the cell or not), sorted as the registry lists them."""
    from sqlalchemy import select

    from ...store.models.members import Member, MemberStatusChange

    members = s.scalars(select(Member).where(Member.cell_id == cell_id, Member.deleted_at.is_(None))).all()
    changes = s.scalars(select(MemberStatusChange).where(MemberStatusChange.cell_id == cell_id,
                                                        MemberStatusChange.deleted_at.is_(None))
                        .order_by(MemberStatusChange.created_at)).all()
    return facts_from(members, changes)


def facts_from(members, changes) -> list[MemberFacts]:
    """The facts of `members` (rows with the members table's columns: ORM objects or the quick reader's
    plain rows) with their status `changes` (oldest first), sorted as the registry lists them."""
    periods: dict[str, list[StatusPeriod]] = {}
    for order, c in enumerate(changes):
        periods.setdefault(c.member_id, []).append(StatusPeriod(c.activity_status, c.status_from, c.status_to, order))
    facts = [MemberFacts(m.id, m.full_name, m.list_no, m.admitted_on, m.official_on, m.status, m.activity_status,
                         m.status_from, m.status_to, m.dues_category, m.dues_basis or 0, periods.get(m.id, []))
             for m in members]
    return sorted(facts, key=registry_order)


def registry_order(m) -> tuple:
    return (m.list_no is None, m.list_no or 0, name_sort_key(m.full_name))
