"""The member registry's records: what a form or an import submits (`MemberInput`), what reads return
(`MemberRecord`, card and status history), a status change, a list query and a check's result."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field, fields

from ...domain import members as rules
from ...domain.members import IN_CELL_STATUSES


@functools.lru_cache(maxsize=1)
def _membership_rule_set():
    from ...domain.rules import load_rule_set
    from ...paths import resources_dir

    return load_rule_set("membership_rules", resources_dir() / "rules")


def membership_rules(on: dt.date) -> rules.MembershipRules:
    """Probation length, admission ages and reminder horizon in force on `on` (resources/rules)."""
    values = _membership_rule_set().for_date(on).values
    return rules.MembershipRules(**{k: int(v) for k, v in values.items()})


@dataclass
class MemberInput:
    """What a form or an import row submits."""

    full_name: str = ""
    alias: str = ""
    date_of_birth: dt.date | None = None
    gender: str = ""  # "nam" | "nu" | ""
    cccd: str = ""
    phone: str = ""
    hometown: str = ""
    workplace: str = ""
    card_no: str = ""
    card_valid_from: dt.date | None = None  # a changed card_no starts a new history entry
    ly_lich_no: str = ""
    list_no: int | None = None
    admitted_on: dt.date | None = None
    official_on: dt.date | None = None
    status: str = "du_bi"  # du_bi | chinh_thuc
    position_party: str = ""
    position_government: str = ""
    position_mass_org: str = ""
    education: str = ""
    professional_level: str = ""
    political_theory: str = ""
    dues_category: str = "bhxh_bat_buoc"
    dues_basis: int = 0
    note: str = ""


INPUT_FIELDS = tuple(f.name for f in fields(MemberInput))
# Input fields that are columns of the member row (card_valid_from lives in the card history).
_COLUMN_FIELDS = tuple(name for name in INPUT_FIELDS if name != "card_valid_from")


@dataclass
class MemberRecord(MemberInput):
    """What reads return."""

    id: str = ""
    activity_status: str = "active"
    status_from: dt.date | None = None
    status_to: dt.date | None = None
    status_reason: str = ""
    status_decision: str = ""
    status_org: str = ""
    probation_ends_on: dt.date | None = None  # admitted_on + 12 months while du_bi

    def as_input(self) -> MemberInput:
        return MemberInput(**{name: getattr(self, name) for name in INPUT_FIELDS})

    @property
    def in_cell(self) -> bool:
        return self.activity_status in IN_CELL_STATUSES


# Columns of the member row a record is made of (card_valid_from comes from the card history).
RECORD_COLUMNS = (*_COLUMN_FIELDS, "id", "activity_status", "status_from", "status_to", "status_reason",
                  "status_decision", "status_org")
# Record fields that are dates (read as ISO text by the quick reader).
DATE_FIELDS = frozenset(f.name for f in fields(MemberRecord) if str(f.type).startswith("dt.date"))


def member_record(values: dict, card_valid_from: dt.date | None,
                  rules_on=membership_rules) -> MemberRecord:
    """The record of a member row given as {column: value} (RECORD_COLUMNS)."""
    values = dict(values)
    values["cccd"] = values["cccd"] or ""
    values["card_no"] = values["card_no"] or ""
    probation_ends_on = rules.probation_end(values["admitted_on"], rules_on(values["admitted_on"])) \
        if values["status"] == "du_bi" else None
    return MemberRecord(**values, card_valid_from=card_valid_from, probation_ends_on=probation_ends_on)


@dataclass
class StatusChange:
    activity_status: str
    status_from: dt.date | None = None
    status_to: dt.date | None = None
    reason: str = ""
    decision: str = ""
    org: str = ""


@dataclass
class MemberQuery:
    text: str = ""  # accent/case-insensitive name search ("nguyen van duc"); digits also match CCCD/card/phone
    activity_statuses: tuple[str, ...] = ()  # empty = all (not deleted)
    party_status: str | None = None
    sort: str = "list_no"
    descending: bool = False


@dataclass
class CheckResult:
    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class CardRecord:
    card_no: str
    valid_from: dt.date | None
    note: str = ""


@dataclass
class StatusRecord:
    activity_status: str
    status_from: dt.date | None
    status_to: dt.date | None
    reason: str
    decision: str
    org: str
    recorded_at: dt.datetime
