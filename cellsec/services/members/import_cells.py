"""Reading the cells of one row of a member list into field values, each cell checked on its own:
hidden characters and length first, digits made ASCII, then the field's own format."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ...domain import member_import as checks
from ...domain import members as rules
from ...domain.dates import DateParseError, parse_date
from ...domain.messages import Msg
from ...domain.text import clean_line
from .import_header import is_filled

NOT_A_NUMBER = Msg("\"{text}\" không phải số.", "\"{text}\" is not a number.")
UNKNOWN_ACTIVITY = Msg(
    "\"{text}\" không phải tình trạng sinh hoạt đã biết (Đang sinh hoạt, Miễn sinh hoạt, Sinh hoạt tạm thời, "
    "Đã chuyển sinh hoạt, Đã xóa tên, Đã từ trần).",
    "\"{text}\" is not a known activity status.")
UNKNOWN_PARTY_STATUS = Msg("\"{text}\" không phải Dự bị hoặc Chính thức.", "\"{text}\" is neither probationary nor official.")
UNKNOWN_GENDER = Msg("\"{text}\" không phải Nam hoặc Nữ.", "\"{text}\" is neither male nor female.")

DATE_FIELDS = frozenset({"date_of_birth", "admitted_on", "official_on", "card_valid_from"})
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SHOWN_CHARS = 40  # how much of a refused cell a message quotes


@dataclass
class ParsedRow:
    row: int
    values: dict[str, Any]  # field -> parsed value, only for non-empty cells of recognised columns
    activity: str | None = None  # the "Tình trạng sinh hoạt" column, when the file has one
    party_status: str | None = None  # the "Trạng thái" column (Dự bị / Chính thức)
    errors: dict[str, str] = field(default_factory=dict)  # field -> why its cell could not be read
    warnings: list[str] = field(default_factory=list)
    problem: str = ""  # the whole row could not be read (a malformed CSV record)
    raw: dict[str, str] = field(default_factory=dict)  # name / CCCD cells that were refused, as shown


def parse_row(number: int, cells: list[Any], columns: dict[int, str], kind: str, problem: str = "") -> ParsedRow:
    parsed = ParsedRow(number, {}, problem=problem)
    family = given = ""
    for index, name in columns.items():
        value = cells[index] if index < len(cells) else None
        if not is_filled(value):
            continue
        try:
            converted = convert(name, value, parsed.warnings, kind)
        except ValueError as exc:
            parsed.errors[name] = str(exc)
            if name in ("full_name", "cccd"):  # the preview still shows what the cell said
                parsed.raw[name] = _shown(" ".join(str(value).split()))
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
        full = f"{family} {given}".strip()
        problem = checks.field_too_long("full_name", full)
        if problem:
            parsed.errors["full_name"] = problem
        else:
            parsed.values["full_name"] = full
    return parsed


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "…"


def _text(value: Any, name: str = "") -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        value = int(value)
    if isinstance(value, int) and value.bit_length() > 64:
        raise ValueError(checks.NUMBER_TOO_BIG.format())  # (its digits would not even print)
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.strftime("%d/%m/%Y")
    text = str(value)
    problem = checks.field_too_long(name, text.strip()) if len(text) > checks.MAX_CELL_CHARS else None
    problem = problem or checks.cell_problem(text)
    if problem:
        raise ValueError(problem)
    # A leading apostrophe is how spreadsheets mark "keep this number as text".
    return clean_line(checks.normalize_digits(text)).lstrip("'")


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _date(value: Any) -> dt.date:
    if _number(value):
        # A bare year (1965) is not a date; as a serial number it would silently mean 1905.
        if not 1 <= value < 100000 or 1000 <= value <= 2100:
            raise ValueError(DateParseError(str(value)).args[0])
        parsed = _EXCEL_EPOCH + dt.timedelta(days=int(value))  # an Excel date serial number
    elif isinstance(value, (dt.date, dt.datetime)):
        parsed = parse_date(value)
    else:
        try:
            parsed = parse_date(_text(value))
        except DateParseError as exc:
            raise ValueError(str(exc)) from exc
    problem = checks.date_problem(parsed)
    if problem:
        raise ValueError(problem)
    return parsed


def _choice(name: str, value: Any) -> str:
    text = _text(value)
    parse, message = {
        "_activity": (rules.parse_activity, UNKNOWN_ACTIVITY),
        "_party_status": (rules.parse_party_status, UNKNOWN_PARTY_STATUS),
        "gender": (rules.parse_gender, UNKNOWN_GENDER),
    }[name]
    found = parse(text)
    if found is None:
        raise ValueError(message.format(text=_shown(text)))
    return found


def _cccd(value: Any, text: str, warnings: list[str], kind: str) -> str:
    digits = rules.normalize_cccd(text)
    # A CSV has no cell types: Excel writes a number there bare, without the zero it dropped.
    padded = checks.pad_cccd(digits, was_number=_number(value) or kind == "csv")
    if padded:
        warnings.append(rules.CCCD_PADDED.format())
        return padded
    if re.fullmatch(r"\d{11}", digits):
        raise ValueError(checks.CCCD_ELEVEN.format())
    return digits


def convert(name: str, value: Any, warnings: list[str], kind: str = "xlsx") -> Any:
    """The field value of one filled cell; ValueError (with the Vietnamese reason) when it cannot be one."""
    if name in DATE_FIELDS:
        return _date(value)
    if name in ("_activity", "_party_status", "gender"):
        return _choice(name, value)
    text = _text(value, name)
    if name == "list_no":
        digits = text.rstrip(".")
        if not digits.isdigit():
            raise ValueError(NOT_A_NUMBER.format(text=_shown(text)))
        number = int(digits) if len(digits) <= 9 else checks.LIST_NO_MAX + 1
        problem = checks.list_no_problem(number)
        if problem:
            raise ValueError(problem.replace(str(number), _shown(digits)) if len(digits) > 9 else problem)
        return number
    if name == "cccd":
        return _cccd(value, text, warnings, kind)
    problem = checks.field_too_long(name, text)
    if problem:
        raise ValueError(problem)
    if name == "phone" and re.fullmatch(r"[1-9]\d{8}", text):
        return "0" + text  # the same lost leading 0 on a mobile number
    return text
