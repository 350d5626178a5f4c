"""The dues ledger computed from plain rows: the month sheet, each member's year and the rules in force.

Rows are anything with the tables' columns as attributes (the ORM's objects, or the quick reader's plain
rows at start-up, store/quick_overview.py), so the dues service and the window's first overview compute
with the same code. No SQLAlchemy here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ...domain import dues as D
from ...domain.members import DUES_CATEGORY_LABELS, IN_CELL_STATUSES, label
from ...domain.messages import Msg
from ...domain.reminders import INFO, Reminder
from ...domain.rules import load_rule_sets
from ...paths import resources_dir
from ..members.facts import MemberFacts

@dataclass
class DuesLine:
    """One member's line of a month (the collection sheet, or the member's ledger)."""

    member_id: str
    full_name: str
    list_no: int | None
    month: dt.date
    category: str
    category_label: str
    uses_basis: bool            # False for fixed-amount categories (no basis column)
    basis_kind: str             # what the basis is (domain.dues.BASES / BASIS_LABELS); "" for fixed amounts
    basis: int
    basis_month: dt.date | None  # which month's salary/pension the basis is
    amount_due: int
    amount_paid: int
    paid_on: dt.date | None
    collector: str
    excused_reason: str
    note: str
    recorded: bool              # a ledger row exists (False: computed from the member's current data)
    owed: bool                  # the member owes dues this month (False: paid though not owed)
    state: str                  # paid | partial | unpaid | excused (domain.dues.STATE_LABELS)
    rev: int = 0                # the ledger row's revision read (0: none); an edit of the line saves from it


@dataclass
class MonthSheet:
    month: dt.date
    rules_version: str
    rules_name: str
    retained_percent: Decimal
    lines: list[DuesLine]
    total_due: int
    total_paid: int
    kept: int                   # the cell's share of what was collected
    remitted: int               # what goes to the committee above
    paid_count: int
    unpaid_count: int


@dataclass
class MemberDuesYear:
    member_id: str
    full_name: str
    list_no: int | None
    in_cell: bool
    due_months: list[dt.date]
    paid_months: list[dt.date]
    unpaid_months: list[dt.date]
    counted_unpaid: list[dt.date]   # ended months, nothing paid, no valid reason (the §6.3 count)
    on_time_months: list[dt.date]   # paid in full by the month's end
    total_due: int
    total_paid: int
    on_time_rate: float | None      # percent of owed months paid in full by the month's end
    paid_through: dt.date | None
    # Each owed month's state (domain.dues PAID/PARTIAL/UNPAID/EXCUSED), for the year grid.
    month_states: dict[dt.date, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def shipped_rules() -> tuple[D.DuesRules, ...]:
    """resources/rules/dues_*.json, parsed once per process (callers get copies)."""
    sets = load_rule_sets(resources_dir() / "rules")
    return tuple(D.rules_from_dict(v.data) for v in sets["dues"].versions) if "dues" in sets else ()


def rules_with(definitions: Iterable[tuple[str, str]]) -> list[D.DuesRules]:
    """Every version in force at some time, oldest first: the shipped versions, replaced by the cell's own
    edited copies (`definitions`: (version, JSON definition) of the live dues_rules_versions rows)."""
    by_version = {r.version: r for r in shipped_rules()}
    for version, definition in definitions:
        by_version[version] = D.rules_from_dict(json.loads(definition))
    return sorted(by_version.values(), key=lambda r: (r.effective_from, r.version))


def month_sheet(facts: list[MemberFacts], rows: Iterable, all_rules: list[D.DuesRules], month: dt.date) -> MonthSheet:
    """The collection sheet of `month`: every member owing dues that month, plus anyone who paid (`rows`:
    the month's live ledger rows)."""
    rules = D.rules_for_month(all_rules, month)
    by_member = {r.member_id: r for r in rows}
    lines = []
    for m in facts:
        owed = month in m.owed_months(month.year, D.month_end(month), lambda x: D.rules_for_month(all_rules, x))
        row = by_member.get(m.id)
        if not owed and row is None:
            continue
        lines.append(line_of(m, month, rules, row, owed))
    total_paid = sum(line.amount_paid for line in lines)
    kept, remitted = D.remittance(total_paid, rules.retained_percent)
    return MonthSheet(
        month=month, rules_version=rules.version, rules_name=rules.name, retained_percent=rules.retained_percent,
        lines=lines, total_due=sum(line.amount_due for line in lines if line.owed), total_paid=total_paid,
        kept=kept, remitted=remitted, paid_count=sum(1 for line in lines if line.state == D.PAID),
        unpaid_count=sum(1 for line in lines if line.owed and line.state != D.PAID))


def year_statuses(facts: list[MemberFacts], rows: list, all_rules: list[D.DuesRules], year: int,
                  today: dt.date) -> list[MemberDuesYear]:
    """Per member who owed dues in `year` (up to today): months owed, paid and unpaid (`rows`: every live
    ledger row of the cell). Only months from the cell's first ledger entry on count."""
    through = min(dt.date(year, 12, 31), today)
    # Months before the cell's first ledger entry are unknown, not unpaid: a secretary who starts
    # using the program in October must not see every member flagged for January to September.
    tracking_from = min((r.month for r in rows), default=None)
    by_member: dict[str, dict[dt.date, D.LedgerEntry]] = {}
    for r in rows:
        by_member.setdefault(r.member_id, {})[r.month] = entry_of(r)
    out = []
    for m in facts:
        entries = by_member.get(m.id, {})
        owed = [month for month in m.owed_months(year, through, lambda x: D.rules_for_month(all_rules, x))
                if tracking_from is not None and month >= tracking_from]
        if not owed and not any(month.year == year for month in entries):
            continue
        st = D.year_status(owed, entries, today)
        out.append(MemberDuesYear(
            member_id=m.id, full_name=m.full_name, list_no=m.list_no,
            in_cell=m.activity_status in IN_CELL_STATUSES, due_months=st.due_months,
            paid_months=st.paid_months, unpaid_months=st.unpaid_months, counted_unpaid=st.counted_unpaid,
            on_time_months=st.on_time_months,
            total_due=st.total_due, total_paid=st.total_paid, on_time_rate=st.on_time_rate,
            paid_through=D.paid_through(entries),
            month_states={month: D.state_of(entries.get(month)) for month in owed}))
    return out


def entry_of(row) -> D.LedgerEntry:
    return D.LedgerEntry(row.month, row.amount_due, row.amount_paid, row.paid_on, row.excused_reason)


def line_of(m: MemberFacts, month: dt.date, rules: D.DuesRules, row, owed: bool) -> DuesLine:
    """A member's line of `month`: the ledger `row` (a live dues_payments row) when there is one, else computed."""
    if row is not None:
        category, basis, due = row.category, row.basis, row.amount_due
        basis_month = row.basis_month
    else:
        category, basis = m.dues_category, m.dues_basis
        due = D.amount_due(rules, category, basis)
        basis_month = D.basis_month(rules, category, month)
    state = D.state_of(entry_of(row) if row is not None else D.LedgerEntry(month, due),
                       basis_missing=D.uses_basis(rules, category) and not basis)
    return DuesLine(
        member_id=m.id, full_name=m.full_name, list_no=m.list_no, month=month, category=category,
        category_label=label(DUES_CATEGORY_LABELS, category), uses_basis=D.uses_basis(rules, category),
        basis_kind=rules.rule(category).basis if D.uses_basis(rules, category) else "",
        basis=basis, basis_month=basis_month, amount_due=due, amount_paid=row.amount_paid if row else 0,
        paid_on=row.paid_on if row else None, collector=row.collector if row else "",
        excused_reason=row.excused_reason if row else "", note=row.note if row else "",
        recorded=row is not None, owed=owed, state=state, rev=row.rev if row is not None else 0)  # 0: no row (services.revisions.NEW)


MONTH_UNPAID_REMINDER = Msg(
    "Đảng phí tháng {month}: còn {count} đảng viên chưa đóng.",
    "Dues for {month}: {count} members have not paid yet.",
)


def last_month_reminders(first: dt.date | None, sheet: Callable[[dt.date], MonthSheet],
                         today: dt.date) -> list[Reminder]:
    """The overview's dues reminder: how many have not paid last month (`sheet`: month -> its sheet).
    Silent until the cell keeps its dues in the program (`first`: the month of its first ledger row).
    Members near the unpaid-dues removal ground come from the one attention list."""
    if first is None:
        return []
    last = D.previous_month(D.month_start(today))
    if last < first:
        return []
    unpaid = sheet(last).unpaid_count
    if not unpaid:
        return []
    return [Reminder("dues_month", INFO, MONTH_UNPAID_REMINDER.format(month=D.month_label(last), count=unpaid),
                     due=D.month_end(last))]
