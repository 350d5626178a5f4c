"""Import of member lists exported by other systems (CSV or XLSX): preview first, then one mutation.

Columns are recognised by their Vietnamese header names (domain.members.HEADER_ALIASES) wherever the
header row is among the first rows (exports often start with a title). A row whose CCCD, or else whose
party card number, belongs to a member already in the registry updates that member, so importing the
same file twice never duplicates anyone. Row numbers are the spreadsheet's own (header alone = row 1).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ...domain import members as rules
from ...domain.dates import DateParseError, parse_date
from ...domain.members import ACTIVITY_LABELS, FIELD_LABELS
from ...domain.messages import Msg
from ...domain.text import clean_line
from ...store.models.members import Member
from ..context import Context
from ..errors import ServiceError, failed
from .service import (
    INPUT_FIELDS,
    MemberInput,
    MemberService,
    Owners,
    apply_input,
    check_clean,
    clean_input,
    StatusChange,
    new_members,
    preloaded_owners,
    record_status,
)

FILE_MISSING = Msg("Không tìm thấy tệp {name}.", "File {name} was not found.")
READ_FAILED = Msg("Không đọc được tệp {name} ({error}).", "Cannot read the file {name} ({error}).")
FILE_EMPTY = Msg("Tệp {name} không có dữ liệu.", "File {name} is empty.")
UNSUPPORTED = Msg(
    "Chỉ nhập được tệp CSV hoặc Excel (.xlsx); tệp {name} không phải loại này.",
    "Only CSV or Excel (.xlsx) files can be imported; {name} is neither.",
)
OLD_EXCEL = Msg(
    "Tệp {name} là dạng Excel 97–2003 (.xls) hoặc định dạng chưa hỗ trợ. Hãy mở bằng Excel và lưu lại "
    "dạng \"Excel Workbook (.xlsx)\" hoặc \"CSV UTF-8\".",
    "{name} is an Excel 97–2003 (.xls) or another unsupported format. Open it in Excel and save it as "
    "\"Excel Workbook (.xlsx)\" or \"CSV UTF-8\".",
)
CORRUPT_XLSX = Msg(
    "Không đọc được tệp Excel {name}: tệp bị hỏng hoặc không phải tệp .xlsx.",
    "Cannot read the Excel file {name}: it is damaged or not an .xlsx file.",
)
NOT_UTF8 = Msg(
    "Tệp {name} không dùng bảng mã UTF-8 (có thể là Windows-1258 hoặc TCVN3) nên chữ có dấu sẽ bị sai. "
    "Hãy mở tệp bằng Excel và lưu lại dạng \"CSV UTF-8\", rồi nhập lại.",
    "{name} is not UTF-8 (perhaps Windows-1258 or TCVN3), so Vietnamese letters would be garbled. "
    "Open it in Excel, save it as \"CSV UTF-8\" and import again.",
)
NOT_TEXT = Msg("Tệp {name} không phải tệp CSV (có dữ liệu nhị phân).", "{name} is not a CSV file (binary data).")
NO_NAME_COLUMN = Msg(
    "Không tìm thấy cột \"Họ và tên\" trong tệp {name}. Dòng tiêu đề cần có tên cột như \"Họ và tên\", "
    "\"Ngày sinh\", \"Ngày vào Đảng\".",
    "No \"Họ và tên\" (full name) column in {name}. The header row needs column names such as "
    "\"Họ và tên\", \"Ngày sinh\", \"Ngày vào Đảng\".",
)
STALE = Msg(
    "Danh sách đảng viên đã thay đổi từ lúc xem trước. Hãy xem trước lại tệp rồi mới nhập.",
    "The member list changed since the preview. Preview the file again before importing.",
)
IMPORT_SUMMARY = Msg(
    "Nhập danh sách đảng viên từ tệp {name}: thêm {added}, cập nhật {updated}",
    "Import members from {name}: {added} added, {updated} updated",
)
DUPLICATE_IN_FILE = Msg("Trùng {what} với dòng {row} trong tệp.", "Same {what} as row {row} of the file.")
SAME_MEMBER_IN_FILE = Msg("Dòng {row} trong tệp cũng là đảng viên này ({name}).",
                          "Row {row} of the file is the same member ({name}).")
MATCH_CONFLICT = Msg(
    "Số CCCD trùng với đồng chí {first} nhưng số thẻ đảng viên trùng với đồng chí {second}.",
    "The citizen ID matches {first} but the party card number matches {second}.",
)
NOT_A_NUMBER = Msg("\"{text}\" không phải số.", "\"{text}\" is not a number.")
UNKNOWN_ACTIVITY = Msg(
    "\"{text}\" không phải tình trạng sinh hoạt đã biết (Đang sinh hoạt, Miễn sinh hoạt, Sinh hoạt tạm thời, "
    "Đã chuyển sinh hoạt, Đã xóa tên, Đã từ trần).",
    "\"{text}\" is not a known activity status.")
UNKNOWN_PARTY_STATUS = Msg("\"{text}\" không phải Dự bị hoặc Chính thức.", "\"{text}\" is neither probationary nor official.")
ACTIVITY_NOT_CHANGED = Msg(
    "Tình trạng sinh hoạt trong tệp là \"{file}\", trong dữ liệu là \"{current}\": không tự đổi khi nhập tệp; "
    "hãy dùng \"Đổi tình trạng\" nếu cần.",
    "The file says \"{file}\" but the registry says \"{current}\": an import does not change it; "
    "use \"Change status\" if needed.")
IMPORTED_STATUS = Msg("Theo tệp nhập danh sách", "From the imported list")
UNKNOWN_GENDER = Msg("\"{text}\" không phải Nam hoặc Nữ.", "\"{text}\" is neither male nor female.")
WHAT_CCCD = Msg("số CCCD", "citizen ID")
WHAT_CARD = Msg("số thẻ đảng viên", "party card number")

HEADER_SEARCH_ROWS = 20
_DATE_FIELDS = {"date_of_birth", "admitted_on", "official_on", "card_valid_from"}
_EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass
class ParsedRow:
    row: int
    values: dict[str, Any]  # field -> parsed value, only for non-empty cells of recognised columns
    activity: str | None = None  # the "Tình trạng sinh hoạt" column, when the file has one
    party_status: str | None = None  # the "Trạng thái" column (Dự bị / Chính thức)
    errors: dict[str, str] = field(default_factory=dict)  # field -> why its cell could not be read
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportRow:
    row: int  # spreadsheet row number
    action: str  # "add" | "update" | "reject"
    name: str = ""
    reason: str = ""  # why the row is rejected
    warnings: list[str] = field(default_factory=list)
    data: MemberInput | None = None  # what will be written
    member_id: str | None = None  # the existing member an update targets
    changed: bool = True  # an update whose values all equal the member's writes nothing
    activity: str = "active"  # the status a new member is added with (from the file)


@dataclass
class ImportPreview:
    path: Path
    kind: str  # "csv" | "xlsx"
    header_row: int
    columns: dict[str, str]  # header as written -> field
    ignored_columns: list[str]
    rows: list[ImportRow]
    parsed: list[ParsedRow] = field(repr=False, default_factory=list)

    @property
    def to_add(self) -> list[ImportRow]:
        return [r for r in self.rows if r.action == "add"]

    @property
    def to_update(self) -> list[ImportRow]:
        return [r for r in self.rows if r.action == "update"]

    @property
    def rejected(self) -> list[ImportRow]:
        return [r for r in self.rows if r.action == "reject"]


@dataclass
class ImportResult:
    imported: int  # members added
    updated: int  # rows matched to members already in the registry (brought in line with the file)
    unchanged: int  # of those, rows whose values were already the same (nothing written)
    rejected: list[ImportRow]

    def as_json(self) -> dict[str, Any]:
        return {"imported": self.imported, "updated": self.updated, "unchanged": self.unchanged,
                "rejected": [{"row": r.row, "reason": r.reason} for r in self.rejected]}


class ImportService:
    def __init__(self, ctx: Context, members: MemberService) -> None:
        self.ctx = ctx
        self.members = members

    def preview(self, path: Path | str, today: dt.date | None = None) -> ImportPreview:
        """Read and check a file; nothing is written. Broken files raise ServiceError."""
        path = Path(path)
        kind, table = read_table(path)
        header_row, columns, ignored = find_header(table, path.name)
        parsed = [parse_row(number, cells, columns) for number, cells in table[header_row:]
                  if any(_is_filled(c) for c in cells)]
        headers = {clean_line(str(table[header_row - 1][1][i])): f for i, f in columns.items()}
        rows = self._plan(parsed, today or dt.date.today())
        return ImportPreview(path, kind, table[header_row - 1][0], headers, ignored, rows, parsed)

    def commit(self, preview: ImportPreview, today: dt.date | None = None) -> ImportResult:
        """Write every valid row of a preview in one mutation (one Undo step)."""
        rows = self._plan(preview.parsed, today or dt.date.today())
        if [(r.action, r.member_id) for r in rows] != [(r.action, r.member_id) for r in preview.rows]:
            raise ServiceError(STALE)
        adds = [r for r in rows if r.action == "add"]
        updates = [r for r in rows if r.action == "update"]
        changed = [r for r in updates if r.changed]
        if adds or changed:
            cell_id = self.ctx.cell_id
            summary = IMPORT_SUMMARY.format(name=preview.path.name, added=len(adds), updated=len(changed))
            with self.ctx.mutation("members.import", summary) as s:
                added = new_members(s, cell_id, [r.data for r in adds])
                for member, r in zip(added, adds):
                    if r.activity != "active":  # e.g. an exported list that also holds members who left
                        record_status(s, member, StatusChange(r.activity, reason=IMPORTED_STATUS.format()))
                ids = [r.member_id for r in changed]
                # One read for all updated members; no flush between rows (a flush per row is quadratic).
                existing = {m.id: m for start in range(0, len(ids), 500)
                            for m in s.scalars(select(Member).where(Member.id.in_(ids[start:start + 500])))}
                with s.no_autoflush:
                    for r in changed:
                        apply_input(s, existing[r.member_id], r.data)
        return ImportResult(len(adds), len(updates), len(updates) - len(changed),
                            [r for r in rows if r.action == "reject"])

    # ---- planning ----------------------------------------------------------------------------------
    def _plan(self, parsed: list[ParsedRow], today: dt.date) -> list[ImportRow]:
        cell_id = self.ctx.cell_id
        with self.ctx.read() as s:
            owners = preloaded_owners(s, cell_id)
        matches: list[str | None] = []
        conflicts: dict[int, str] = {}
        for p in parsed:
            by_cccd = owners.cccd(p.values["cccd"]) if p.values.get("cccd") else None
            by_card = owners.card_no(p.values["card_no"]) if p.values.get("card_no") else None
            if by_cccd and by_card and by_cccd[0] != by_card[0]:
                conflicts[p.row] = MATCH_CONFLICT.format(first=by_cccd[1], second=by_card[1])
            matches.append((by_cccd or by_card or (None, ""))[0])
        existing = self.members.rows([m for m in matches if m])

        seen_cccd: dict[str, int] = {}
        seen_card: dict[str, int] = {}
        seen_member: dict[str, int] = {}
        planned: list[ImportRow] = []
        for p, member_id in zip(parsed, matches):
            reasons = [f"{FIELD_LABELS[f].format()}: {msg}" for f, msg in p.errors.items()]
            if p.row in conflicts:
                reasons.append(conflicts[p.row])
            duplicate = False
            for key, seen, what in (("cccd", seen_cccd, WHAT_CCCD), ("card_no", seen_card, WHAT_CARD)):
                value = p.values.get(key)
                if value and value in seen:
                    reasons.append(DUPLICATE_IN_FILE.format(what=what.format(), row=seen[value]))
                    duplicate = True
                elif value:
                    seen[value] = p.row
            current = existing.get(member_id) if member_id else None
            if current is not None:
                if member_id in seen_member and not duplicate:
                    reasons.append(SAME_MEMBER_IN_FILE.format(row=seen_member[member_id], name=current.full_name))
                seen_member.setdefault(member_id, p.row)
            planned.append(self._row(p, current, reasons, today, owners))
        return planned

    @staticmethod
    def _row(p: ParsedRow, current, reasons: list[str], today: dt.date, owners: Owners) -> ImportRow:
        if current is not None:
            base = current.as_input()
            values = {name: getattr(base, name) for name in INPUT_FIELDS}
        else:
            values = {name: getattr(MemberInput(), name) for name in INPUT_FIELDS}
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
        data = clean_input(MemberInput(**values))
        name = data.full_name
        result = check_clean(data, current.id if current else None, today, owners)
        # A cell that could not be read is reported once, not again as "missing".
        reasons += [f"{FIELD_LABELS[f].format()}: {msg}" for f, msg in result.errors.items() if f not in p.errors]
        warnings = p.warnings + [f"{FIELD_LABELS[f].format()}: {msg}" for f, msg in result.warnings.items()]
        if current is not None and p.activity is not None and p.activity != current.activity_status:
            # A status change needs its dates and decision: it is never made silently by an import.
            warnings.append(ACTIVITY_NOT_CHANGED.format(
                file=rules.label(ACTIVITY_LABELS, p.activity), current=rules.label(ACTIVITY_LABELS, current.activity_status)))
        if reasons:
            return ImportRow(p.row, "reject", name, "; ".join(dict.fromkeys(r.rstrip(".") for r in reasons)) + ".", warnings)
        if current is not None:
            return ImportRow(p.row, "update", name, "", warnings, data, current.id, data != current.as_input())
        return ImportRow(p.row, "add", name, "", warnings, data, activity=p.activity or "active")


# ---- reading files ---------------------------------------------------------------------------------
Table = list[tuple[int, list[Any]]]  # (spreadsheet row number, cell values)


def read_table(path: Path) -> tuple[str, Table]:
    if not path.is_file():
        raise ServiceError(FILE_MISSING, name=path.name)
    try:
        return _read_table(path)
    except OSError as exc:  # no permission, a file locked by Excel, a disk error: say it in the user's words
        raise failed(READ_FAILED, exc, name=path.name) from exc


def _read_table(path: Path) -> tuple[str, Table]:
    with path.open("rb") as f:
        head = f.read(8)
    if not head:
        raise ServiceError(FILE_EMPTY, name=path.name)
    suffix = path.suffix.lower()
    if head.startswith(b"\xd0\xcf\x11\xe0") or suffix in (".xls", ".ods"):
        raise ServiceError(OLD_EXCEL, name=path.name)
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx", _read_xlsx(path)
    if suffix in ("", ".csv", ".txt", ".tsv"):
        if head.startswith(b"PK\x03\x04"):
            return "xlsx", _read_xlsx(path)  # an Excel file saved under another name
        return "csv", _read_csv(path)
    raise ServiceError(UNSUPPORTED, name=path.name)


def _read_csv(path: Path) -> Table:
    raw = path.read_bytes()
    try:
        if raw.startswith(codecs.BOM_UTF8):
            text = raw[len(codecs.BOM_UTF8):].decode("utf-8")
        elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = raw.decode("utf-16")  # Excel's "Unicode Text" export
        else:
            text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ServiceError(NOT_UTF8, name=path.name) from exc
    if "\x00" in text:
        raise ServiceError(NOT_TEXT, name=path.name)
    sample = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=sample.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # A quoted cell may span lines; a spreadsheet still shows each record as one row.
    return list(enumerate(reader, start=1))


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise
    except Exception as exc:  # openpyxl raises many types (zip, XML, key errors) for a broken file
        raise ServiceError(CORRUPT_XLSX, name=path.name) from exc
    try:
        sheets = []
        for ws in wb.worksheets:
            # Some exporters write a wrong used-range; reading without it sees every row.
            ws.reset_dimensions()
            table: Table = []
            # Rows are yielded from row 1, missing ones as empty tuples, so the position is the row number.
            for number, cells in enumerate(ws.iter_rows(), start=1):
                if cells:
                    table.append((number, [getattr(c, "value", None) for c in cells]))
            sheets.append(table)
    except Exception as exc:
        raise ServiceError(CORRUPT_XLSX, name=path.name) from exc
    finally:
        wb.close()
    # The first sheet with a recognisable header row (a workbook may start with a cover sheet).
    for table in sheets:
        if _header_score(table)[0] >= 0:
            return table
    return sheets[0] if sheets else []


def _is_filled(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or clean_line(value) != "")


def _columns(cells: list[Any]) -> tuple[dict[int, str], list[str]]:
    best: dict[str, tuple[int, int]] = {}  # field -> (rank, column)
    ignored: list[str] = []
    for index, value in enumerate(cells):
        if not isinstance(value, str) or not clean_line(value):
            continue
        found = rules.match_header(value)
        if found is None:
            ignored.append(clean_line(value))
            continue
        name, rank = found
        if name not in best or rank > best[name][0]:
            if name in best:
                ignored.append(clean_line(cells[best[name][1]]))
            best[name] = (rank, index)
        else:
            ignored.append(clean_line(value))
    return {index: name for name, (_, index) in best.items()}, ignored


def _header_score(table: Table) -> tuple[int, int]:
    """(position in the table, number of recognised columns) of the best header row; -1 if none."""
    best = (-1, 0)
    for position, (_, cells) in enumerate(table[:HEADER_SEARCH_ROWS]):
        columns, _ = _columns(cells)
        names = set(columns.values())
        has_name = "full_name" in names or {"_family", "_given"} <= names
        if has_name and len(columns) > best[1]:
            best = (position, len(columns))
    return best


def find_header(table: Table, name: str) -> tuple[int, dict[int, str], list[str]]:
    """(1-based position in the table of the header row, column index -> field, ignored headers)."""
    position, _ = _header_score(table)
    if position < 0:
        raise ServiceError(NO_NAME_COLUMN, name=name)
    columns, ignored = _columns(table[position][1])
    return position + 1, columns, ignored


# ---- cell values -----------------------------------------------------------------------------------
def parse_row(number: int, cells: list[Any], columns: dict[int, str]) -> ParsedRow:
    parsed = ParsedRow(number, {})
    family = given = ""
    for index, name in columns.items():
        value = cells[index] if index < len(cells) else None
        if not _is_filled(value):
            continue
        try:
            converted = _convert(name, value, parsed.warnings)
        except ValueError as exc:
            parsed.errors[name] = str(exc)
            continue
        if name == "_family":
            family = converted
        elif name == "_given":
            given = converted
        elif name == "_activity":
            parsed.activity = converted
        elif name == "_party_status":
            parsed.party_status = converted
        else:
            parsed.values[name] = converted
    if "full_name" not in parsed.values and (family or given):
        parsed.values["full_name"] = f"{family} {given}".strip()
    return parsed


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.strftime("%d/%m/%Y")
    # A leading apostrophe is how spreadsheets mark "keep this number as text".
    return clean_line(str(value)).lstrip("'")


def _convert(name: str, value: Any, warnings: list[str]) -> Any:
    if name in _DATE_FIELDS:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            # A bare year (1965) is not a date; as a serial number it would silently mean 1905.
            if not 1 <= value < 100000 or 1000 <= value <= 2100:
                raise ValueError(DateParseError(str(value)).args[0])
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))  # an Excel date serial number
        try:
            return parse_date(value if isinstance(value, (dt.date, dt.datetime)) else _text(value))
        except DateParseError as exc:
            raise ValueError(str(exc)) from exc
    if name == "list_no":
        text = _text(value).rstrip(".")
        if not text.isdigit():
            raise ValueError(NOT_A_NUMBER.format(text=_text(value)))
        return int(text)
    if name == "_activity":
        activity = rules.parse_activity(_text(value))
        if activity is None:
            raise ValueError(UNKNOWN_ACTIVITY.format(text=_text(value)))
        return activity
    if name == "_party_status":
        status = rules.parse_party_status(_text(value))
        if status is None:
            raise ValueError(UNKNOWN_PARTY_STATUS.format(text=_text(value)))
        return status
    if name == "gender":
        gender = rules.parse_gender(_text(value))
        if gender is None:
            raise ValueError(UNKNOWN_GENDER.format(text=_text(value)))
        return gender
    text = _text(value)
    if name == "cccd":
        text = rules.normalize_cccd(text)
        if re.fullmatch(r"\d{11}", text):
            # Spreadsheets store the ID as a number and drop its leading 0 (every province code starts with 0).
            text = "0" + text
            warnings.append(rules.CCCD_PADDED.format())
        return text
    if name == "phone" and re.fullmatch(r"[1-9]\d{8}", text):
        return "0" + text  # the same lost leading 0 on a mobile number
    return text
