"""Party dues (đảng phí, reference §5): versioned rate rules, rounding, the months a member owes, what is
paid and unpaid, "paid through" for transfer papers, and the monthly remittance split.

The rates are data (resources/rules/dues_*.json, in the rule-set convention of `domain.rules`), because
the current regulation (Quy định 01 of 2026) is known only from press reports and the rates of several
categories, the rounding and the share a cell keeps are unverified. Money is integer đồng; percentages
are Decimals so 0,5 % of a pension is exact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from .messages import Msg
from .text import clean_line, clean_text

CATEGORIES = ("bhxh_bat_buoc", "om_dau_thai_san", "huu_tri", "hoc_sinh_sinh_vien", "khac", "nuoc_ngoai")
KINDS = ("percent", "fixed")
# What a percentage is taken of; "previous_month_salary" means month M's dues use month M-1's salary.
BASES = ("previous_month_salary", "allowance", "pension", "income")
BASIS_LABELS = {
    "previous_month_salary": Msg("Tiền lương tháng trước làm căn cứ đóng BHXH", "Previous month's insured salary"),
    "allowance": Msg("Trợ cấp ốm đau, thai sản", "Sickness or maternity allowance"),
    "pension": Msg("Lương hưu", "Pension"),
    "income": Msg("Tiền lương, thu nhập", "Salary or income"),
}
# Short forms for narrow table columns (the full labels are domain.members.DUES_CATEGORY_LABELS).
CATEGORY_SHORT = {
    "bhxh_bat_buoc": Msg("BHXH bắt buộc", "Insured"),
    "om_dau_thai_san": Msg("Ốm đau, thai sản", "Sick/maternity"),
    "huu_tri": Msg("Hưu trí", "Pensioner"),
    "hoc_sinh_sinh_vien": Msg("Học sinh, sinh viên", "Student"),
    "khac": Msg("Đối tượng khác", "Other"),
    "nuoc_ngoai": Msg("Ở nước ngoài", "Abroad"),
}
ROUNDING_UNITS = (1, 100, 1000)
ROUNDING_MODES = ("half_up", "up", "down")
ROUNDING_LABELS = {
    1: Msg("Không làm tròn", "No rounding"),
    100: Msg("Làm tròn đến 100 đồng", "Round to 100 đồng"),
    1000: Msg("Làm tròn đến 1.000 đồng", "Round to 1,000 đồng"),
}
MAX_AMOUNT = 100_000_000  # đồng; no monthly dues or salary basis here comes near it


# ---- months ----------------------------------------------------------------------------------------

def month_start(on: dt.date) -> dt.date:
    return on.replace(day=1)


def next_month(month: dt.date) -> dt.date:
    return dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def previous_month(month: dt.date) -> dt.date:
    return dt.date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)


def month_end(month: dt.date) -> dt.date:
    return next_month(month) - dt.timedelta(days=1)


def months_of_year(year: int) -> list[dt.date]:
    return [dt.date(year, m, 1) for m in range(1, 13)]


def month_label(month: dt.date) -> str:
    """'03/2026', as a Vietnamese secretary writes a month."""
    return f"{month.month:02d}/{month.year}"


BAD_MONTH = Msg("Tháng \"{text}\" không hợp lệ. Hãy nhập dạng tháng/năm, ví dụ 03/2026.",
                "\"{text}\" is not a valid month. Enter month/year, e.g. 03/2026.")
_MY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_YM = re.compile(r"^\s*(\d{4})\s*-\s*(\d{1,2})\s*$")


class MonthParseError(ValueError):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(BAD_MONTH.format(text=text))


def parse_month(text: str | dt.date) -> dt.date:
    """'2026-03', '03/2026', '3/2026' (or a date) -> the first day of that month."""
    if isinstance(text, dt.date):
        return month_start(text)
    value = str(text).strip()
    m = _YM.match(value)
    year, month = (int(m.group(1)), int(m.group(2))) if m else (None, None)
    if m is None:
        m = _MY.match(value)
        if m:
            year, month = int(m.group(2)), int(m.group(1))
    if year is None or not 1 <= month <= 12 or not 1900 <= year <= 2200:
        raise MonthParseError(value)
    return dt.date(year, month, 1)


# ---- rules -----------------------------------------------------------------------------------------

@dataclass
class CategoryRule:
    category: str
    kind: str                      # "percent" of a basis, or a "fixed" monthly amount
    percent: Decimal = Decimal(0)
    amount: int = 0                # đồng per month, for "fixed"
    basis: str = ""                # for "percent": one of BASES
    unverified: bool = False
    note: str = ""


@dataclass
class DuesRules:
    """One version of the dues regulation as the cell applies it."""

    version: str
    name: str
    document: str
    effective_from: dt.date
    categories: dict[str, CategoryRule]
    rounding_unit: int = 1
    rounding_mode: str = "half_up"
    retained_percent: Decimal = Decimal(30)   # share of the collected dues the cell keeps
    removal_unpaid_months: int = 3            # §6.3: not paying 3 months in a year is a removal ground
    # Whether members exempted from activities (miễn sinh hoạt) still owe dues (unverified).
    exempt_members_owe: bool = False
    unverified: bool = True
    notes: list[str] = field(default_factory=list)

    def rule(self, category: str) -> CategoryRule | None:
        return self.categories.get(category)


class DuesRuleError(ValueError):
    def __init__(self, msg: Msg, **params: object) -> None:
        self.msg = msg
        self.params = params
        super().__init__(msg.format(**params))

    @property
    def message(self) -> str:
        return self.msg.format(**self.params)


RULE_MISSING = Msg("Quy định đảng phí: thiếu \"{field}\".", "Dues rules: \"{field}\" is missing.")
RULE_BAD_VALUE = Msg("Quy định đảng phí: \"{field}\" không hợp lệ ({value}).", "Dues rules: \"{field}\" is invalid ({value}).")
RULE_BAD_CATEGORY = Msg("Quy định đảng phí: đối tượng \"{value}\" không có trong chương trình.",
                        "Dues rules: the category \"{value}\" is unknown.")
RULE_PERCENT_RANGE = Msg("Tỷ lệ đảng phí của \"{category}\" phải lớn hơn 0 và không quá 100%.",
                         "The dues rate of \"{category}\" must be above 0 and at most 100%.")
RULE_AMOUNT_RANGE = Msg("Mức đảng phí của \"{category}\" phải từ 0 đến {max} đồng.",
                        "The dues amount of \"{category}\" must be between 0 and {max} đồng.")
RULE_RETAINED_RANGE = Msg("Tỷ lệ để lại chi bộ phải từ 0 đến 100%.", "The share kept by the cell must be 0–100%.")
RULE_MONTHS_RANGE = Msg("Số tháng không đóng đảng phí để nhắc xóa tên phải từ 1 đến 12.",
                        "The number of unpaid months for the removal reminder must be 1–12.")


def _decimal(value: Any, name: str) -> Decimal:
    if isinstance(value, bool):
        raise DuesRuleError(RULE_BAD_VALUE, field=name, value=value)
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise DuesRuleError(RULE_BAD_VALUE, field=name, value=str(value)[:40]) from None
    if not number.is_finite():
        raise DuesRuleError(RULE_BAD_VALUE, field=name, value=str(value)[:40])
    return number


def rules_from_dict(data: Mapping[str, Any]) -> DuesRules:
    """A dues rule set from its rule-file form: {"rule_set": "dues", "version", "effective_from",
    "name", "source", "verified", "values": {rounding_unit, rounding_mode, retained_percent,
    removal_unpaid_months, categories: {key: {kind, percent | amount, basis, verified, note}}}, "notes"}."""
    for name in ("version", "effective_from", "values"):
        if name not in data:
            raise DuesRuleError(RULE_MISSING, field=name)
    try:
        effective = dt.date.fromisoformat(str(data["effective_from"]))
    except ValueError:
        raise DuesRuleError(RULE_BAD_VALUE, field="effective_from", value=str(data["effective_from"])[:40]) from None
    values = data["values"]
    if not isinstance(values, Mapping) or not isinstance(values.get("categories"), Mapping):
        raise DuesRuleError(RULE_MISSING, field="values.categories")
    categories: dict[str, CategoryRule] = {}
    for key, raw in values["categories"].items():
        if key not in CATEGORIES:
            raise DuesRuleError(RULE_BAD_CATEGORY, value=str(key)[:40])
        if not isinstance(raw, Mapping) or raw.get("kind") not in KINDS:
            raise DuesRuleError(RULE_BAD_VALUE, field=f"categories.{key}.kind", value=str(raw)[:40])
        rule = CategoryRule(category=key, kind=raw["kind"], unverified=raw.get("verified") is False,
                            note=clean_text(str(raw.get("note", ""))))
        if rule.kind == "percent":
            rule.percent = _decimal(raw.get("percent"), f"categories.{key}.percent")
            rule.basis = raw.get("basis", "")
            if rule.basis not in BASES:
                raise DuesRuleError(RULE_BAD_VALUE, field=f"categories.{key}.basis", value=str(rule.basis)[:40])
        else:
            amount = _decimal(raw.get("amount"), f"categories.{key}.amount")
            if amount != amount.to_integral_value():
                raise DuesRuleError(RULE_BAD_VALUE, field=f"categories.{key}.amount", value=amount)
            rule.amount = int(amount)
        categories[key] = rule
    notes = data.get("notes", [])
    if isinstance(notes, Mapping):
        notes = list(notes.values())
    rules = DuesRules(
        version=clean_line(str(data["version"])),
        name=clean_line(str(data.get("name", ""))),
        document=clean_line(str(data.get("source") or data.get("issuing_document") or "")),
        effective_from=effective,
        categories=categories,
        rounding_unit=values.get("rounding_unit", 1),
        rounding_mode=values.get("rounding_mode", "half_up"),
        retained_percent=_decimal(values.get("retained_percent", 0), "retained_percent"),
        removal_unpaid_months=values.get("removal_unpaid_months", 3),
        exempt_members_owe=values.get("exempt_members_owe", False) is True,
        unverified=data.get("verified") is not True,
        notes=[clean_text(str(n)) for n in notes],
    )
    check_rules(rules)
    return rules


def check_rules(rules: DuesRules) -> None:
    """Refuse impossible settings (the window edits these; a rule file may be hand-written)."""
    if rules.rounding_unit not in ROUNDING_UNITS:
        raise DuesRuleError(RULE_BAD_VALUE, field="rounding_unit", value=rules.rounding_unit)
    if rules.rounding_mode not in ROUNDING_MODES:
        raise DuesRuleError(RULE_BAD_VALUE, field="rounding_mode", value=rules.rounding_mode)
    if not Decimal(0) <= rules.retained_percent <= Decimal(100):
        raise DuesRuleError(RULE_RETAINED_RANGE)
    if isinstance(rules.removal_unpaid_months, bool) or not isinstance(rules.removal_unpaid_months, int) \
            or not 1 <= rules.removal_unpaid_months <= 12:
        raise DuesRuleError(RULE_MONTHS_RANGE)
    for key, rule in rules.categories.items():
        if key not in CATEGORIES or rule.kind not in KINDS:
            raise DuesRuleError(RULE_BAD_CATEGORY, value=key)
        if rule.kind == "percent" and not Decimal(0) < rule.percent <= Decimal(100):
            raise DuesRuleError(RULE_PERCENT_RANGE, category=key)
        if rule.kind == "percent" and rule.basis not in BASES:
            raise DuesRuleError(RULE_BAD_VALUE, field=f"categories.{key}.basis", value=rule.basis)
        if rule.kind == "fixed" and not 0 <= rule.amount <= MAX_AMOUNT:
            raise DuesRuleError(RULE_AMOUNT_RANGE, category=key, max=f"{MAX_AMOUNT:,}".replace(",", "."))


def rules_to_dict(rules: DuesRules) -> dict[str, Any]:
    categories: dict[str, Any] = {}
    for key, rule in rules.categories.items():
        entry: dict[str, Any] = {"kind": rule.kind}
        if rule.kind == "percent":
            entry["percent"] = _plain(rule.percent)
            entry["basis"] = rule.basis
        else:
            entry["amount"] = rule.amount
        if rule.unverified:
            entry["verified"] = False
        if rule.note:
            entry["note"] = rule.note
        categories[key] = entry
    return {
        "rule_set": "dues",
        "version": rules.version,
        "name": rules.name,
        "source": rules.document,
        "effective_from": rules.effective_from.isoformat(),
        "verified": not rules.unverified,
        "values": {
            "rounding_unit": rules.rounding_unit,
            "rounding_mode": rules.rounding_mode,
            "retained_percent": _plain(rules.retained_percent),
            "removal_unpaid_months": rules.removal_unpaid_months,
            "exempt_members_owe": rules.exempt_members_owe,
            "categories": categories,
        },
        "notes": list(rules.notes),
    }


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def rules_for_month(all_rules: Iterable[DuesRules], month: dt.date) -> DuesRules:
    """The version in force on the first day of `month` (the earliest one for months before all)."""
    ordered = sorted(all_rules, key=lambda r: (r.effective_from, r.version))
    if not ordered:
        raise LookupError("no dues rules")
    current = ordered[0]
    for rules in ordered:
        if rules.effective_from <= month_start(month):
            current = rules
    return current


# ---- amounts ---------------------------------------------------------------------------------------

_ROUNDING = {"half_up": ROUND_HALF_UP, "up": ROUND_CEILING, "down": ROUND_FLOOR}


def round_amount(value: Decimal, unit: int = 1, mode: str = "half_up") -> int:
    """Đồng rounded to a multiple of `unit` (1, 100 or 1000): half up, always up, or always down."""
    steps = (Decimal(value) / Decimal(unit)).quantize(Decimal(1), rounding=_ROUNDING[mode])
    return int(steps) * unit


def amount_due(rules: DuesRules, category: str, basis: int) -> int:
    """Monthly dues of a member of `category` whose basis (salary, allowance or pension) is `basis` đồng.
    Unknown categories owe nothing here; the registry refuses them before they reach the ledger."""
    rule = rules.rule(category)
    if rule is None:
        return 0
    if rule.kind == "fixed":
        return rule.amount
    raw = Decimal(max(basis, 0)) * rule.percent / Decimal(100)
    return round_amount(raw, rules.rounding_unit, rules.rounding_mode)


def uses_basis(rules: DuesRules, category: str) -> bool:
    rule = rules.rule(category)
    return rule is not None and rule.kind == "percent"


def basis_month(rules: DuesRules, category: str, month: dt.date) -> dt.date | None:
    """Which month's amount the basis is: the month before for the insured salary (Quy định 01: "của
    tháng liền kề trước đó"), the month itself for allowances and pensions, None for fixed amounts."""
    rule = rules.rule(category)
    if rule is None or rule.kind != "percent":
        return None
    return previous_month(month_start(month)) if rule.basis == "previous_month_salary" else month_start(month)


def remittance(total: int, retained_percent: Decimal) -> tuple[int, int]:
    """(kept by the cell, remitted upward) from a month's collected total; the kept share is rounded
    half up to the đồng and the remainder goes up, so the two always add up to the total."""
    kept = round_amount(Decimal(total) * Decimal(retained_percent) / Decimal(100))
    return kept, total - kept


# ---- the ledger ------------------------------------------------------------------------------------

PAID, PARTIAL, UNPAID, EXCUSED, NOT_DUE = "paid", "partial", "unpaid", "excused", "not_due"
NO_BASIS = "no_basis"  # a percentage category with no salary/pension entered: the due amount is unknown
STATE_LABELS = {
    PAID: Msg("Đã đóng", "Paid"),
    PARTIAL: Msg("Đóng thiếu", "Partly paid"),
    UNPAID: Msg("Chưa đóng", "Unpaid"),
    EXCUSED: Msg("Chưa đóng (có lý do)", "Unpaid (with reason)"),
    NOT_DUE: Msg("Không phải đóng", "Not due"),
    NO_BASIS: Msg("Chưa có căn cứ tính", "No basis entered"),
}


@dataclass(frozen=True)
class LedgerEntry:
    """What the ledger holds for one member and month (a missing row is an unpaid month)."""

    month: dt.date
    amount_due: int
    amount_paid: int = 0
    paid_on: dt.date | None = None
    excused_reason: str = ""


def state_of(entry: LedgerEntry | None, basis_missing: bool = False) -> str:
    """basis_missing: the member's category is a percentage of a salary or pension that was never
    entered, so a due of 0 means "unknown", not "nothing to pay" (never show it as paid)."""
    if entry is None:
        return UNPAID
    if basis_missing and entry.amount_paid == 0 and not entry.excused_reason:
        return NO_BASIS
    if entry.amount_paid >= entry.amount_due:
        return PAID
    if entry.excused_reason:
        return EXCUSED
    return PARTIAL if entry.amount_paid > 0 else UNPAID


def paid_on_time(entry: LedgerEntry | None) -> bool:
    """Paid in full by the end of the month it is for (dues are collected at the monthly meeting)."""
    return (entry is not None and state_of(entry) == PAID
            and (entry.amount_due == 0 or (entry.paid_on is not None and entry.paid_on <= month_end(entry.month))))


def membership_months(year: int, start: dt.date | None, leave: dt.date | None, through: dt.date,
                      *, leave_inclusive: bool = True, skip: Iterable[dt.date] = ()) -> list[dt.date]:
    """Months of `year` a member owes dues in this cell, up to the month of `through`.

    start: admission (or joining the cell); the admission month is owed. leave: the day the member
    left the cell; dues are collected up to and including a transfer month ("đã đóng đảng phí hết
    tháng …", reference §5), not for the month of removal or death (`leave_inclusive=False`).
    skip: months not owed (e.g. exempted from activities, when the rules say exempt members do not pay).
    """
    skipped = set(skip)
    months = []
    for month in months_of_year(year):
        if month > month_start(through):
            break
        if start is not None and month < month_start(start):
            continue
        if leave is not None and (month > month_start(leave) or (not leave_inclusive and month == month_start(leave))):
            continue
        if month in skipped:
            continue
        months.append(month)
    return months


@dataclass(frozen=True)
class YearStatus:
    """One member's dues for a year: which months were owed, paid (in full), and not."""

    due_months: list[dt.date]
    paid_months: list[dt.date]
    unpaid_months: list[dt.date]       # owed and not fully paid (including partial and excused)
    counted_unpaid: list[dt.date]      # ended months with nothing paid and no valid reason (§6.3 rule)
    on_time_months: list[dt.date]
    total_due: int
    total_paid: int

    @property
    def on_time_rate(self) -> float | None:
        """Percent of owed months paid on time; None if nothing was owed."""
        if not self.due_months:
            return None
        return round(100.0 * len(self.on_time_months) / len(self.due_months), 2)


def year_status(due_months: list[dt.date], entries: Mapping[dt.date, LedgerEntry], today: dt.date) -> YearStatus:
    """Classify each owed month. A month still running is owed but not counted toward the removal rule
    (the secretary can still collect it at this month's meeting)."""
    paid, unpaid, counted, on_time = [], [], [], []
    total_due = total_paid = 0
    current = month_start(today)
    for month in due_months:
        entry = entries.get(month)
        state = state_of(entry)
        if entry is not None:
            total_due += entry.amount_due
            total_paid += entry.amount_paid
        if state == PAID:
            paid.append(month)
        else:
            unpaid.append(month)
            if state == UNPAID and month < current:
                counted.append(month)
        if paid_on_time(entry):
            on_time.append(month)
    return YearStatus(due_months=list(due_months), paid_months=paid, unpaid_months=unpaid,
                      counted_unpaid=counted, on_time_months=on_time, total_due=total_due, total_paid=total_paid)


def paid_through(entries: Mapping[dt.date, LedgerEntry]) -> dt.date | None:
    """The last month up to which every month is paid in full ("đã đóng đảng phí hết tháng …"), counting
    from the member's first ledger month; a month with no ledger row in between breaks the run. Returns
    the first day of that month, or None if the first recorded month is not paid."""
    if not entries:
        return None
    months = sorted(entries)
    last_paid: dt.date | None = None
    month = months[0]
    while month <= months[-1]:
        if state_of(entries.get(month)) != PAID:
            break
        last_paid = month
        month = next_month(month)
    return last_paid


def format_money(amount: int | None) -> str:
    """'73.500' (Vietnamese thousands separator)."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return sign + f"{abs(int(amount)):,}".replace(",", ".")
