"""The overview's figures and reminders without SQLAlchemy, for the window's start: the rows come from the
quick reader (store/quick_overview.py) and go through the same rule code as the ORM services' (the
features' plain-data parts: members/facts, members/missing, dues/ledger, meetings/reminder_rules,
reviews/risks, domain/attention), so a secretary can act on the overview before SQLAlchemy and the models
are loaded (about half a second and 45 MB on a weak laptop). tests/services/test_overview_quick.py checks
that both ways give the same overview.

`quick_overview` raises NotQuick when it cannot answer exactly; the caller then opens the store the
ordinary way and asks OverviewService.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..domain import attention as A
from ..domain import dues as D
from ..domain.documents import RENUMBERED_BY_SYNC, REPRINT_REMINDER_DAYS
from ..domain.members import IN_CELL_STATUSES
from ..domain.reminders import Reminder, sort_reminders
from ..store.quick import QuickReader
from ..store.quick_overview import NotQuick, OverviewReads
from .dues.ledger import last_month_reminders, month_sheet, rules_with, year_statuses
from .meetings.reminder_rules import (
    absence_report,
    cell_start_from,
    marks_of,
    meeting_reminders_from,
    year_plan_of,
)
from .meetings.rulesets import RULE_VERSION_SETTING, pinned_rules_lookup
from .members.facts import facts_from, registry_order
from .members.missing import missing_data_from
from .members.records import MemberInput, membership_rules
from .quick_start import overview_counts
from .reviews.risks import removal_risks_from

__all__ = ["NotQuick", "OverviewCell", "QuickOverview", "PROVIDERS", "quick_overview"]

DEPUTY_KEY = "deputy_member_id"  # services/settings/officers.DEPUTY_KEY (that module loads SQLAlchemy)

# The reminder providers of the registry (services/reminders.py) this module computes, by name; a provider
# registered under another name makes the test of this module fail until it is added here.
PROVIDERS = ("attention", "documents", "members.missing_data", "dues", "meetings")


@dataclass(frozen=True)
class OverviewCell:
    """What the overview shows of the cell (the names of services.settings.cell.CellInfo's fields)."""

    name: str
    place_name: str
    secretary_name: str
    deputy_name: str


@dataclass(frozen=True)
class QuickOverview:
    cell: OverviewCell
    counts: dict[str, int]
    setup_facts: tuple[bool, bool]
    reminders: list[Reminder]


def quick_overview(data_dir: Path, today: dt.date) -> QuickOverview:
    """The overview of `today` (what OverviewService's counts, setup_facts and reminders give), read
    without SQLAlchemy. NotQuick: open the store the ordinary way instead."""
    with QuickReader(Path(data_dir)) as reader:
        reads = OverviewReads(reader)
        cell = _cell(reads)
        members = reads.members()
        counts = overview_counts(_count(members, "activity_status"),
                                 _count([m for m in members if m.activity_status in IN_CELL_STATUSES], "status"))
        setup = (reads.any_meeting(), reads.any_member_with_dues(MemberInput.dues_category))
        return QuickOverview(cell, counts, setup, _reminders(reads, members, today))


def _count(rows: list, column: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in rows:
        out[getattr(row, column)] = out.get(getattr(row, column), 0) + 1
    return out


def _cell(reads: OverviewReads) -> OverviewCell:
    row = reads.cell()
    deputy_id = reads.preference(DEPUTY_KEY)
    deputy = reads.member(deputy_id) if deputy_id else None  # a renamed deputy shows under the member's name
    return OverviewCell(row.name, row.place_name, row.secretary_name, deputy.full_name if deputy else row.deputy_name)


def _reminders(reads: OverviewReads, members: list, today: dt.date) -> list[Reminder]:
    """The registry's providers in its order (order, name), each computed as the feature computes it."""
    since = today - dt.timedelta(days=REPRINT_REMINDER_DAYS + 1)  # a day more for the time zone
    if reads.any_audit_since(RENUMBERED_BY_SYNC, since):  # rare (two laptops numbering offline): the ORM names them
        raise NotQuick("a document was renumbered by sync lately")
    year = today.year
    facts = facts_from(members, reads.status_changes())
    meeting_rules = pinned_rules_lookup(reads.preference(RULE_VERSION_SETTING) or None)
    dues_rules = rules_with(reads.dues_rule_definitions())
    meetings = reads.current_meetings(year)
    held = {m.id: m for m in meetings if m.held_on <= today}
    attendance = reads.attendance(held)
    rules_now = meeting_rules(min(today, dt.date(year, 12, 31)))

    attention = A.attention_list(
        facts, marks_of(held, attendance), year, today, meeting_rules=rules_now,
        dues_threshold=D.rules_for_month(dues_rules, min(today, dt.date(year, 12, 1))).removal_unpaid_months,
        dues_years=year_statuses(facts, reads.dues_rows(), dues_rules, year, today),
        risks=removal_risks_from(reads.review_levels(IN_CELL_STATUSES)),
        membership_rules=membership_rules, registry_order=registry_order)
    found = A.as_reminders(attention)
    found += missing_data_from(m for m in members if m.activity_status in IN_CELL_STATUSES)
    found += last_month_reminders(reads.first_dues_month(),
                                  lambda month: month_sheet(facts, reads.dues_rows(month), dues_rules, month), today)
    plan = year_plan_of(meetings, year, today, meeting_rules(dt.date(year, 12, 31)))
    start = cell_start_from(reads.cell().created_at, reads.first_meeting_on())
    found += meeting_reminders_from(plan, start, reads.draft_dates_before(today),
                                    absence_report(held, attendance, rules_now, year), today)
    return sort_reminders(found)
