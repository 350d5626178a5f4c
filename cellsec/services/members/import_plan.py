"""What an import will do with each row: add, update (which member) or reject (why).

Rows are planned in batches as the file streams by. Matching an existing member: by CCCD, else by party
card number, else (a list without either) by name and date of birth when exactly one member has them and
no identifier of the row contradicts that member.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from ...domain import member_import as checks
from ...domain import members as rules
from ...domain.members import ACTIVITY_LABELS, FIELD_LABELS
from ...domain.messages import Msg
from ...domain.text import fold
from ...store.models.members import Member
from ..context import Context
from .import_cells import ParsedRow
from .service import INPUT_FIELDS, MemberInput, MemberService, Owners, check_clean, clean_input, preloaded_owners

DUPLICATE_IN_FILE = Msg("Trùng {what} với dòng {row} trong tệp.", "Same {what} as row {row} of the file.")
SAME_MEMBER_IN_FILE = Msg("Dòng {row} trong tệp cũng là đảng viên này ({name}).",
                          "Row {row} of the file is the same member ({name}).")
MATCH_CONFLICT = Msg(
    "Số CCCD trùng với đồng chí {first} nhưng số thẻ đảng viên trùng với đồng chí {second}.",
    "The citizen ID matches {first} but the party card number matches {second}.",
)
AMBIGUOUS_PERSON = Msg(
    "Có {count} đảng viên cùng họ tên và ngày sinh này trong danh sách; hãy thêm số CCCD hoặc số thẻ đảng viên "
    "để biết là ai.",
    "{count} members have this name and date of birth; add the citizen ID or card number to tell which.",
)
ACTIVITY_NOT_CHANGED = Msg(
    "Tình trạng sinh hoạt trong tệp là \"{file}\", trong dữ liệu là \"{current}\": không tự đổi khi nhập tệp; "
    "hãy dùng \"Đổi tình trạng\" nếu cần.",
    "The file says \"{file}\" but the registry says \"{current}\": an import does not change it; "
    "use \"Change status\" if needed.")
WHAT_CCCD = Msg("số CCCD", "citizen ID")
WHAT_CARD = Msg("số thẻ đảng viên", "party card number")
WHAT_PERSON = Msg("họ tên và ngày sinh", "name and date of birth")

@dataclass(slots=True)
class ImportRow:
    row: int  # spreadsheet row number
    action: str  # "add" | "update" | "reject"
    name: str = ""
    reason: str = ""  # why the row is rejected
    warnings: tuple[str, ...] = ()
    member_id: str | None = None  # the existing member an update targets
    changed: bool = True  # an update whose values all equal the member's writes nothing
    activity: str = "active"  # the status a new member is added with (from the file)
    date_of_birth: dt.date | None = None
    admitted_on: dt.date | None = None
    cccd: str = ""


PersonKey = tuple[str, dt.date | None]
Person = tuple[str, str, str, str]  # (id, full name, cccd, card number)


def person_key(name: str, born: dt.date | None) -> PersonKey:
    return " ".join(fold(rules.tidy_name(name)).split()), born


class Planner:
    """Plans rows in file order; remembers what earlier rows used (duplicates inside the file)."""

    def __init__(self, ctx: Context, members: MemberService, today: dt.date) -> None:
        self.members = members
        self.today = today
        cell_id = ctx.cell_id
        with ctx.read() as s:
            self.owners: Owners = preloaded_owners(s, cell_id)
            self.people: dict[PersonKey, list[Person]] = {}
            stmt = select(Member.id, Member.full_name, Member.date_of_birth, Member.cccd, Member.card_no).where(
                Member.cell_id == cell_id, Member.deleted_at.is_(None))
            for member_id, name, born, cccd, card in s.execute(stmt):
                self.people.setdefault(person_key(name, born), []).append((member_id, name, cccd or "", card or ""))
        self.seen: dict[str, dict] = {"cccd": {}, "card_no": {}, "person": {}}
        self.seen_member: dict[str, int] = {}

    def plan(self, parsed: list[ParsedRow]) -> Iterator[tuple[ImportRow, MemberInput | None]]:
        reasons_by_row: dict[int, list[str]] = {}
        matches: list[str | None] = []
        for p in parsed:
            reasons = reasons_by_row.setdefault(p.row, [])
            matches.append(self._match(p, reasons))
        existing = self.members.rows([m for m in matches if m])
        for p, member_id in zip(parsed, matches):
            reasons = reasons_by_row[p.row]
            if p.problem:
                reasons.insert(0, p.problem)
            reasons[:0] = [f"{FIELD_LABELS[f].format()}: {msg}" for f, msg in p.errors.items()]
            duplicate = self._duplicates(p, reasons)
            current = existing.get(member_id) if member_id else None
            if current is not None:
                if member_id in self.seen_member and not duplicate:
                    reasons.append(SAME_MEMBER_IN_FILE.format(row=self.seen_member[member_id], name=current.full_name))
                self.seen_member.setdefault(member_id, p.row)
            yield self._row(p, current, reasons)

    def _match(self, p: ParsedRow, reasons: list[str]) -> str | None:
        cccd, card = p.values.get("cccd"), p.values.get("card_no")
        by_cccd = self.owners.cccd(cccd) if cccd else None
        by_card = self.owners.card_no(card) if card else None
        if by_cccd and by_card and by_cccd[0] != by_card[0]:
            reasons.append(MATCH_CONFLICT.format(first=by_cccd[1], second=by_card[1]))
        if by_cccd or by_card:
            return (by_cccd or by_card)[0]
        name, born = p.values.get("full_name"), p.values.get("date_of_birth")
        if not name or born is None:
            return None
        # A list without identifiers: the same name and birth date is the same person, unless the row
        # carries an identifier the member does not have (then it is someone else).
        candidates = [c for c in self.people.get(person_key(name, born), [])
                      if (not cccd or not c[2]) and (not card or not c[3])]
        if len(candidates) > 1:
            reasons.append(AMBIGUOUS_PERSON.format(count=len(candidates)))
            return None
        return candidates[0][0] if candidates else None

    def _duplicates(self, p: ParsedRow, reasons: list[str]) -> bool:
        duplicate = False
        keys = [("cccd", p.values.get("cccd"), WHAT_CCCD), ("card_no", p.values.get("card_no"), WHAT_CARD)]
        if not keys[0][1] and not keys[1][1] and p.values.get("full_name") and p.values.get("date_of_birth"):
            keys.append(("person", person_key(p.values["full_name"], p.values["date_of_birth"]), WHAT_PERSON))
        for kind, value, what in keys:
            if not value:
                continue
            seen = self.seen[kind]
            if value in seen:
                reasons.append(DUPLICATE_IN_FILE.format(what=what.format(), row=seen[value]))
                duplicate = True
            else:
                seen[value] = p.row
        return duplicate

    def _values(self, p: ParsedRow, current) -> dict:
        base = current.as_input() if current is not None else MemberInput()
        values = {name: getattr(base, name) for name in INPUT_FIELDS}
        values.update(p.values)
        if current is not None and values["card_no"] != current.card_no and "card_valid_from" not in p.values:
            values["card_valid_from"] = None  # the old card's date does not belong to a new card
        # An official date means an official member; without one, the file's "Trạng thái" column decides.
        if values["official_on"] is not None:
            values["status"] = "chinh_thuc"
        elif p.party_status is not None:
            values["status"] = p.party_status
        elif current is None:
            values["status"] = "du_bi"
        return values

    def _row(self, p: ParsedRow, current, reasons: list[str]) -> tuple[ImportRow, MemberInput | None]:
        data = clean_input(MemberInput(**self._values(p, current)))
        result = check_clean(data, current.id if current else None, self.today, self.owners)
        # A cell that could not be read is reported once, not again as "missing".
        reasons += [f"{FIELD_LABELS[f].format()}: {msg}" for f, msg in result.errors.items() if f not in p.errors]
        warnings = p.warnings + [f"{FIELD_LABELS[f].format()}: {msg}" for f, msg in result.warnings.items()
                                 if f != "cccd" or "cccd" in p.values]
        identity = (data.cccd, data.date_of_birth, data.gender)
        if "cccd" not in result.errors and (current is None or identity != (
                current.cccd, current.date_of_birth, current.gender)):
            # The CCCD encodes gender, century and birth year: a contradiction the file brings in means a wrong
            # number or row. (One the registry already holds was accepted there with a warning.)
            contradiction = checks.cccd_contradiction(data.cccd, data.date_of_birth, data.gender)
            if contradiction:
                reasons.append(f"{FIELD_LABELS['cccd'].format()}: {contradiction}")
        if current is not None and p.activity is not None and p.activity != current.activity_status:
            # A status change needs its dates and decision: it is never made silently by an import.
            warnings.append(ACTIVITY_NOT_CHANGED.format(
                file=rules.label(ACTIVITY_LABELS, p.activity), current=rules.label(ACTIVITY_LABELS, current.activity_status)))
        shown = dict(name=data.full_name or p.raw.get("full_name", ""), date_of_birth=data.date_of_birth,
                     admitted_on=data.admitted_on, cccd=data.cccd or p.raw.get("cccd", ""))
        if reasons:
            reason = "; ".join(dict.fromkeys(r.rstrip(".") for r in reasons)) + "."
            return ImportRow(p.row, "reject", reason=reason, warnings=tuple(warnings), **shown), None
        if current is not None:
            return ImportRow(p.row, "update", warnings=tuple(warnings), member_id=current.id,
                             changed=data != current.as_input(), **shown), data
        return ImportRow(p.row, "add", warnings=tuple(warnings), activity=p.activity or "active", **shown), data
