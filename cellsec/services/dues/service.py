"""Party dues: the rules in force, the monthly collection sheet, recording a month's collection, each
member's year (months owed, paid, unpaid), "paid through" for transfer papers and the remittance split.

A month's sheet lists every member who owes dues that month: members in the cell on that month (from
admission, up to and including a transfer month, not while exempted unless the rules say so). A line
without a ledger row is computed from the member's current category and basis; recording the month
freezes the basis and the amount on the row, which keeps the history of each member's basis.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import dues as D
from ...domain.messages import Msg
from ...domain.text import clean_line, clean_text
from ...store.models.dues import DuesPayment, DuesRulesVersion
from ...store.models.members import Member
from ..common import CellScoped
from ..context import Context
from ..members.facts import member_facts
from ..errors import NotFound, ServiceError, ValidationFailed
from ..revisions import ChangedMeanwhile, live_revision
from .ledger import DuesLine, MemberDuesYear, MonthSheet  # the read models, imported from here by the UI
from .ledger import entry_of as _entry
from .ledger import last_month_reminders, month_sheet, rules_with, year_statuses
from .ledger import line_of as _line
from .ledger import shipped_rules as _shipped_rules

RECORD_SUMMARY = Msg("Ghi thu đảng phí tháng {month} ({count} đảng viên)", "Record dues for {month} ({count} members)")
RULES_SUMMARY = Msg("Sửa quy định đảng phí: {name}", "Edit the dues rules: {name}")
RESET_SUMMARY = Msg("Khôi phục quy định đảng phí mặc định: {name}", "Restore the default dues rules: {name}")
MEMBER_WHAT = Msg("đảng viên", "member")
RULES_WHAT = Msg("quy định đảng phí", "dues rules")
NEGATIVE_AMOUNT = Msg("Số tiền không được âm.", "The amount cannot be negative.")
HUGE_AMOUNT = Msg("Số tiền quá lớn (tối đa {max} đồng).", "The amount is too large (at most {max} đồng).")
BAD_CATEGORY = Msg("Đối tượng đóng đảng phí không hợp lệ.", "Unknown dues category.")
PAID_ON_FUTURE = Msg("Ngày nộp {date} ở tương lai.", "The payment date {date} is in the future.")
DUPLICATE_ENTRY = Msg("Đảng viên này có hai dòng trong cùng một lần ghi.", "This member appears twice in one entry.")
LINE_OF = Msg("dòng của đồng chí {name}", "the line of {name}")


# ---- read models -----------------------------------------------------------------------------------

@dataclass
class PaymentEntry:
    """What the collection form submits for one member. None fields keep what the ledger (or the member's
    current data) has; `paid_on` defaults to the day given to `record` when an amount is paid."""

    member_id: str
    amount_paid: int
    paid_on: dt.date | None = None
    basis: int | None = None
    category: str | None = None
    collector: str | None = None
    excused_reason: str | None = None
    note: str | None = None
    base_rev: int | None = None  # the line's `rev` when the form read it (None: not checked)


class LinesChangedMeanwhile(ChangedMeanwhile):
    """Lines of the month recorded elsewhere since the form read them. `revisions`: member id -> the line's
    revision now, which a save keeping the user's amounts passes back as each entry's `base_rev`."""

    def __init__(self, names: dict[str, str], revisions: dict[str, int]) -> None:
        self.revisions = revisions
        labels = {member_id: LINE_OF.format(name=name) for member_id, name in names.items()}
        super().__init__(list(names), max(revisions.values()) or 1, None,
                         {k: Msg(v, v) for k, v in labels.items()})


@dataclass
class LinePreview:
    """What a line of the month sheet shows while it is being edited (DuesService.preview_line)."""

    amount_due: int
    uses_basis: bool             # the category's dues are a percentage of a basis
    state: str                   # domain.dues PAID/PARTIAL/UNPAID/EXCUSED/NO_BASIS


@dataclass
class Remittance:
    month: dt.date
    collected: int
    kept: int
    remitted: int
    retained_percent: Decimal
    payers: int


DUES_RULES_TABLES = ("dues_rules_versions",)
DUES_TABLES = ("dues_payments", "dues_rules_versions", "members", "member_status_changes")


class DuesService(CellScoped):

    # ---- rules ---------------------------------------------------------------------------------------
    def shipped_rules(self) -> list[D.DuesRules]:
        return [copy.deepcopy(r) for r in _shipped_rules()]

    def rules(self) -> list[D.DuesRules]:
        """Every version in force at some time, oldest first: shipped versions, replaced by the cell's
        own edited copy where it has one."""
        return [copy.deepcopy(r) for r in self.memo("rules", self._rules, DUES_RULES_TABLES)]

    def _rules(self) -> list[D.DuesRules]:
        with self.ctx.read() as s:
            definitions = s.execute(select(DuesRulesVersion.version, DuesRulesVersion.definition).where(
                DuesRulesVersion.cell_id == self.cell_id, DuesRulesVersion.deleted_at.is_(None))).all()
        return rules_with(definitions)

    def rules_for(self, month: dt.date) -> D.DuesRules:
        return D.rules_for_month(self.rules(), month)

    def is_customised(self, version: str) -> bool:
        with self.ctx.read() as s:
            return s.scalar(select(DuesRulesVersion.id).where(
                DuesRulesVersion.cell_id == self.cell_id, DuesRulesVersion.version == version,
                DuesRulesVersion.deleted_at.is_(None))) is not None

    def save_rules(self, rules: D.DuesRules) -> D.DuesRules:
        """Store the cell's version of a rule set (rounding, share kept, fixed amounts, rates). Amounts
        already recorded in the ledger keep what they were; new and unrecorded months use the new rules."""
        try:
            D.check_rules(rules)
            rules = D.rules_from_dict(D.rules_to_dict(rules))
        except D.DuesRuleError as exc:
            raise ServiceError(exc.msg, **exc.params) from exc
        definition = json.dumps(D.rules_to_dict(rules), ensure_ascii=False)
        with self.ctx.mutation("dues.rules", RULES_SUMMARY.format(name=rules.name or rules.version)) as s:
            row = s.scalar(select(DuesRulesVersion).where(DuesRulesVersion.cell_id == self.cell_id,
                                                          DuesRulesVersion.version == rules.version,
                                                          DuesRulesVersion.deleted_at.is_(None)))
            if row is None:
                row = DuesRulesVersion(cell_id=self.cell_id, version=rules.version)
                s.add(row)
            row.effective_from = rules.effective_from
            row.definition = definition
        return rules

    def reset_rules(self, version: str) -> None:
        """Drop the cell's edited copy of a shipped version (the shipped one applies again)."""
        with self.ctx.read() as s:
            row = s.scalar(select(DuesRulesVersion).where(DuesRulesVersion.cell_id == self.cell_id,
                                                          DuesRulesVersion.version == version,
                                                          DuesRulesVersion.deleted_at.is_(None)))
        if row is None:
            raise NotFound(RULES_WHAT.format())
        with self.ctx.mutation("dues.rules_reset", RESET_SUMMARY.format(name=version)) as s:
            s.get(DuesRulesVersion, row.id).deleted_at = dt.datetime.now(dt.timezone.utc)

    # ---- the month -----------------------------------------------------------------------------------
    @staticmethod
    def preview_line(rules: D.DuesRules, month: dt.date, category: str, basis: int, amount_paid: int,
                     paid_on: dt.date | None, excused_reason: str, amount_due: int | None = None) -> LinePreview:
        """A line as it would be recorded with `rules` (the month's, from `rules_for`): the amount due (or
        `amount_due` when the ledger's is kept), whether a basis applies, and the state. No database."""
        uses = D.uses_basis(rules, category)
        due = D.amount_due(rules, category, basis) if amount_due is None else amount_due
        state = D.state_of(D.LedgerEntry(month, due, amount_paid, paid_on, excused_reason),
                           basis_missing=uses and not basis)
        return LinePreview(due, uses, state)

    @staticmethod
    def split(collected: int, rules: D.DuesRules | None) -> tuple[int, int]:
        """(kept by the cell, remitted above) of what was collected, by the rules' share."""
        return D.remittance(collected, rules.retained_percent if rules is not None else 0)

    @staticmethod
    def check_entry(entry: PaymentEntry, today: dt.date | None = None) -> dict[str, str]:
        """Field errors of one line as `record` would find them (field -> message: amount_paid, basis,
        category, paid_on); {} when it would be accepted. The month sheet asks as the secretary types."""
        return _entry_errors(entry, today or dt.date.today())

    def sheet(self, month: dt.date | str, today: dt.date | None = None) -> MonthSheet:
        """The collection sheet of a month: every member owing dues that month, plus anyone who paid."""
        month = D.parse_month(month)
        all_rules = self.rules()
        with self.ctx.read() as s:
            return self._sheet(s, month, all_rules)

    def _sheet(self, s: Session, month: dt.date, all_rules: list[D.DuesRules]) -> MonthSheet:
        rows = s.scalars(select(DuesPayment).where(
            DuesPayment.cell_id == self.cell_id, DuesPayment.month == month, DuesPayment.deleted_at.is_(None)))
        return month_sheet(member_facts(s, self.cell_id), rows, all_rules, month)

    def month_revisions(self, month: dt.date | str) -> dict[str, int]:
        """Member id -> the revision of the member's ledger row of the month now: one indexed read, which the
        month sheet compares with what it loaded to tell a change made elsewhere."""
        month = D.parse_month(month)
        with self.ctx.read() as s:
            return dict(s.execute(select(DuesPayment.member_id, DuesPayment.rev).where(
                DuesPayment.cell_id == self.cell_id, DuesPayment.month == month,
                DuesPayment.deleted_at.is_(None))).all())

    def record(self, month: dt.date | str, entries: list[PaymentEntry], *, paid_on: dt.date | None = None,
               collector: str = "", today: dt.date | None = None) -> MonthSheet:
        """Record a month's collection for many members in one mutation (one Undo step).

        Each entry sets what the member paid; its basis/category (if given) replace the ledger's and the
        amount due is recomputed with the rules of that month. Errors by member id refuse the whole entry.
        One read (are the rules cached?) and one transaction that checks the members, writes the rows and
        reads the month back: the sheet returned is what the month sheet shows after Save. An entry whose
        line was recorded elsewhere since its `base_rev` refuses the whole entry (LinesChangedMeanwhile).
        """
        month = D.parse_month(month)
        today = today or dt.date.today()
        all_rules = self.rules()
        errors: dict[str, str] = {}
        seen: set[str] = set()
        for e in entries:
            if e.member_id in seen:
                errors[e.member_id] = DUPLICATE_ENTRY.format()
            seen.add(e.member_id)
            problem = _entry_problem(e, today)
            if problem:
                errors[e.member_id] = problem
        summary = RECORD_SUMMARY.format(month=D.month_label(month), count=len(entries))
        with self.ctx.mutation("dues.record", summary) as s:
            members = {m.id: m for m in s.scalars(select(Member).where(
                Member.cell_id == self.cell_id, Member.id.in_(list(seen)), Member.deleted_at.is_(None)))}
            for e in entries:
                if e.member_id not in members and e.member_id not in errors:
                    errors[e.member_id] = NotFound(MEMBER_WHAT.format()).message
            if errors:
                raise ValidationFailed(errors)  # rolled back: nothing is written
            self._write_entries(s, month, D.rules_for_month(all_rules, month), entries, members,
                                paid_on or today, clean_line(collector))
            s.flush()
            recorded = self._sheet(s, month, all_rules)
        return recorded

    def _write_entries(self, s: Session, month: dt.date, rules: D.DuesRules, entries: list[PaymentEntry],
                       members: dict[str, Member], paid_on: dt.date, collector: str) -> None:
        rows = {r.member_id: r for r in s.scalars(select(DuesPayment).where(
            DuesPayment.cell_id == self.cell_id, DuesPayment.month == month,
            DuesPayment.member_id.in_(list(members)), DuesPayment.deleted_at.is_(None)))}
        stale = {e.member_id: live_revision(rows.get(e.member_id)) for e in entries
                 if e.base_rev is not None and e.base_rev != live_revision(rows.get(e.member_id))}
        if stale:  # in the write transaction: nothing recorded meanwhile is overwritten
            raise LinesChangedMeanwhile({k: members[k].full_name for k in stale}, stale)
        # The newest month each member has on the ledger: a category or basis entered for that month or a
        # later one carries forward (to the member's record, which the next months start from).
        latest = dict(s.execute(select(DuesPayment.member_id, func.max(DuesPayment.month)).where(
            DuesPayment.cell_id == self.cell_id, DuesPayment.member_id.in_(list(members)),
            DuesPayment.deleted_at.is_(None)).group_by(DuesPayment.member_id)).all())
        for e in entries:
            member = members[e.member_id]
            row = rows.get(e.member_id)
            if row is None:
                row = DuesPayment(cell_id=self.cell_id, member_id=member.id, month=month,
                                  category=member.dues_category, basis=member.dues_basis or 0)
                s.add(row)
            if e.category is not None:
                row.category = e.category
            if e.basis is not None:
                row.basis = e.basis
            if (e.category is not None or e.basis is not None) and month >= latest.get(member.id, month):
                if (member.dues_category, member.dues_basis) != (row.category, row.basis):
                    member.dues_category, member.dues_basis = row.category, row.basis
            row.basis_month = D.basis_month(rules, row.category, month)
            row.rules_version = rules.version
            row.amount_due = D.amount_due(rules, row.category, row.basis)
            row.amount_paid = e.amount_paid
            row.paid_on = (e.paid_on or paid_on) if e.amount_paid > 0 else None
            if e.collector is not None:
                row.collector = clean_line(e.collector)
            elif e.amount_paid > 0 and collector:
                row.collector = collector
            if e.excused_reason is not None:
                row.excused_reason = clean_text(e.excused_reason)
            if e.note is not None:
                row.note = clean_text(e.note)

    def remittance(self, month: dt.date | str) -> Remittance:
        sheet = self.sheet(month)
        return Remittance(sheet.month, sheet.total_paid, sheet.kept, sheet.remitted, sheet.retained_percent,
                          sum(1 for line in sheet.lines if line.amount_paid > 0))

    def remittance_year(self, year: int, today: dt.date | None = None) -> list[Remittance]:
        today = today or dt.date.today()
        return [self.remittance(m) for m in D.months_of_year(year) if m <= D.month_start(today)]

    # ---- members -------------------------------------------------------------------------------------
    def ledger(self, member_id: str, year: int | None = None) -> list[DuesLine]:
        """A member's recorded months (newest first), optionally of one year."""
        with self.ctx.read() as s:
            facts = {m.id: m for m in member_facts(s, self.cell_id)}
            if member_id not in facts:
                raise NotFound(MEMBER_WHAT.format())
            q = select(DuesPayment).where(DuesPayment.cell_id == self.cell_id, DuesPayment.member_id == member_id,
                                          DuesPayment.deleted_at.is_(None))
            if year is not None:
                q = q.where(DuesPayment.month >= dt.date(year, 1, 1), DuesPayment.month <= dt.date(year, 12, 1))
            rows = s.scalars(q.order_by(DuesPayment.month.desc())).all()
        all_rules = self.rules()
        m = facts[member_id]
        return [_line(m, r.month, D.rules_for_month(all_rules, r.month), r, True) for r in rows]

    def paid_through(self, member_id: str) -> dt.date | None:
        """The last month (its first day) up to which the member has paid every month in full, for
        "đã đóng đảng phí hết tháng …" on transfer papers; None if nothing is recorded as paid."""
        with self.ctx.read() as s:
            rows = s.scalars(select(DuesPayment).where(DuesPayment.cell_id == self.cell_id,
                                                       DuesPayment.member_id == member_id,
                                                       DuesPayment.deleted_at.is_(None))).all()
        return D.paid_through({r.month: _entry(r) for r in rows})

    def year_status(self, year: int, today: dt.date | None = None, *,
                    member_ids: list[str] | None = None) -> list[MemberDuesYear]:
        """Per member who owed dues in `year` (up to today): months owed, paid and unpaid. Only months
        from the cell's first ledger entry on count (earlier months were kept outside the program)."""
        today = today or dt.date.today()
        found = self.memo(("year_status", year, today), lambda: self._year_status(year, today), DUES_TABLES)
        return [copy.copy(st) for st in found if member_ids is None or st.member_id in member_ids]

    def _year_status(self, year: int, today: dt.date) -> list[MemberDuesYear]:
        all_rules = self.rules()
        with self.ctx.read() as s:
            facts = member_facts(s, self.cell_id)
            rows = s.scalars(select(DuesPayment).where(DuesPayment.cell_id == self.cell_id,
                                                       DuesPayment.deleted_at.is_(None))).all()
        return year_statuses(facts, rows, all_rules, year, today)

    def member_year(self, member_id: str, year: int, today: dt.date | None = None) -> MemberDuesYear | None:
        found = self.year_status(year, today, member_ids=[member_id])
        return found[0] if found else None


def _entry_errors(e: PaymentEntry, today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name in ("amount_paid", "basis"):
        value = getattr(e, name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            errors[name] = NEGATIVE_AMOUNT.format()
        elif value > D.MAX_AMOUNT:
            errors[name] = HUGE_AMOUNT.format(max=D.format_money(D.MAX_AMOUNT))
    if e.category is not None and e.category not in D.CATEGORIES:
        errors["category"] = BAD_CATEGORY.format()
    if e.paid_on is not None and e.paid_on > today:
        errors["paid_on"] = PAID_ON_FUTURE.format(date=e.paid_on.strftime("%d/%m/%Y"))
    return errors


def _entry_problem(e: PaymentEntry, today: dt.date) -> str | None:
    return next(iter(_entry_errors(e, today).values()), None)


def dues_reminders(ctx: Context, today: dt.date) -> list:
    """Overview provider: how many have not paid last month (ledger.last_month_reminders)."""
    service = ctx.services.dues
    with ctx.read() as s:
        first = s.scalar(select(DuesPayment.month).where(DuesPayment.cell_id == ctx.cell_id,
                                                         DuesPayment.deleted_at.is_(None))
                         .order_by(DuesPayment.month).limit(1))
    return last_month_reminders(first, lambda month: service.sheet(month, today), today)
