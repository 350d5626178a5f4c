"""Rules for bringing a member list in from another program's file: limits, cell text checks, digits,
CCCD repairs and contradictions, and which header names mean which field.

Pure functions over plain values (no files, no SQL): the importer reads cells and asks these.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from .messages import Msg

# ---- limits: a member list of a cell or a committee is far below these; anything beyond is not one ----
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ROWS = 100_000  # data rows after the header
# An .xlsx is a zip: what it unpacks to is checked before reading (a "zip bomb" is refused early).
MAX_XLSX_UNPACKED = 400 * 1024 * 1024
MAX_XLSX_PART = 256 * 1024 * 1024  # one sheet or the shared-strings table
MAX_XLSX_RATIO = 200  # unpacked size / packed size of one part; real sheets stay far below
MAX_CELL_CHARS = 4000  # any cell; the fields' own limits below are stricter
MAX_COLUMNS = 200
MIN_YEAR = 1880  # dates before this are typing errors (a member born in 1880 would be 146)
MAX_YEAR = 2100  # and after this (date sums such as a probation's end must stay computable)

TOO_BIG = Msg(
    "Tệp {name} quá lớn ({size} MB; tối đa {limit} MB). Danh sách đảng viên của một chi bộ chỉ vài trăm KB; "
    "hãy kiểm tra đúng tệp chưa, hoặc tách thành nhiều tệp nhỏ hơn.",
    "{name} is too large ({size} MB; at most {limit} MB). A cell's member list is a few hundred KB; check "
    "that this is the right file, or split it into smaller files.",
)
TOO_MANY_ROWS = Msg(
    "Tệp {name} có hơn {limit} dòng dữ liệu; chỉ nhập được tối đa {limit} dòng mỗi lần. Hãy tách tệp.",
    "{name} has more than {limit} data rows; at most {limit} rows can be imported at once. Split the file.",
)
XLSX_BOMB = Msg(
    "Tệp Excel {name} giải nén ra quá lớn ({size} MB) hoặc nén bất thường, nên không đọc để tránh treo máy. "
    "Hãy mở bằng Excel, xóa các trang và định dạng thừa rồi lưu lại.",
    "The Excel file {name} unpacks to too much ({size} MB) or is packed abnormally, so it is not read "
    "(it could hang the computer). Open it in Excel, remove extra sheets and formatting, and save it again.",
)
CELL_TOO_LONG = Msg("Ô dài {length} ký tự, tối đa {limit}.", "The cell has {length} characters; at most {limit}.")
FIELD_TOO_LONG = Msg("Dài {length} ký tự, tối đa {limit}.", "{length} characters long; at most {limit}.")
HIDDEN_CONTROL = Msg(
    "Có ký tự điều khiển ẩn ({code}) trong ô: tệp có thể bị hỏng hoặc bị sửa để đánh lừa; hãy gõ lại ô này.",
    "The cell holds a hidden control character ({code}): the file may be damaged or tampered with; retype "
    "the cell.",
)
NUMBER_TOO_BIG = Msg("Số quá lớn, không phải dữ liệu của ô này.", "The number is far too large for this cell.")
LIST_NO_RANGE = Msg("Số SĐV {text} quá lớn (tối đa {limit}).", "List number {text} is too large (at most {limit}).")
DATE_TOO_OLD = Msg("Năm {year} không hợp lý (trước {limit}); hãy kiểm tra lại.",
                   "The year {year} is implausible (before {limit}); check it.")
DATE_TOO_LATE = Msg("Năm {year} không hợp lý (sau {limit}); hãy kiểm tra lại.",
                    "The year {year} is implausible (after {limit}); check it.")
CCCD_ELEVEN = Msg(
    "Số CCCD có 11 chữ số: thiếu một chữ số (ô đã là chữ nên không phải Excel làm mất số 0 ở đầu).",
    "The citizen ID has 11 digits: one is missing (the cell is text, so Excel did not drop a leading 0).",
)
CCCD_GENDER = Msg(
    "Số CCCD có chữ số thứ 4 là {digit} ({meaning}), không khớp giới tính {gender} trong dòng.",
    "Digit 4 of the citizen ID is {digit} ({meaning}), which contradicts the gender {gender} of the row.",
)
CCCD_YEAR = Msg(
    "Số CCCD mã hóa năm sinh {coded} (chữ số 4–6), không khớp ngày sinh {born} trong dòng.",
    "The citizen ID encodes the birth year {coded} (digits 4–6), which contradicts the date of birth {born}.",
)
CCCD_MEANING = Msg("{gender}, sinh thế kỷ {century}", "{gender}, born in the {century}s")
GENDER_WORDS = {"nam": Msg("Nam", "male"), "nu": Msg("Nữ", "female")}

# Longest text each field may hold (characters, after cleaning). Names in Vietnam are short; free-text
# fields get room for an address; anything past these is pasted junk and would break printed layouts.
FIELD_MAX = {
    "full_name": 100, "alias": 100, "phone": 30, "hometown": 200, "workplace": 200, "card_no": 30,
    "ly_lich_no": 30, "position_party": 200, "position_government": 200, "position_mass_org": 200,
    "education": 100, "professional_level": 100, "political_theory": 100, "note": 2000,
}
LIST_NO_MAX = 99_999

# Bidirectional controls: they reorder what is displayed (a name can read differently from what it is).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# A spreadsheet takes a cell starting with one of these as a formula (or a DDE command).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


# Every decimal digit of every script (fullwidth '０', Arabic-Indic '٠', Devanagari '०' ...) -> ASCII.
@functools.cache
def _digits() -> dict[int, str]:  # built on first use: start-up does not pay for it
    return {cp: str(unicodedata.digit(chr(cp))) for cp in range(0x80, 0x30000) if unicodedata.category(chr(cp)) == "Nd"}


_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(sorted(_BIDI)) + "]")


def normalize_digits(text: str) -> str:
    """Every decimal digit as its ASCII digit, so a CCCD typed with another keyboard compares equal to the
    same number typed plainly."""
    return text if text.isascii() else text.translate(_digits())


def hidden_control(text: str) -> str | None:
    """The code ('U+202E') of the first control or bidi character a cell must not hold, else None.
    Zero-width spaces and soft hyphens from Word pastes are not here: the cleaner drops them quietly."""
    found = _HIDDEN.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def cell_problem(text: str) -> str | None:
    """Why a raw cell's text cannot be taken at all (length or hidden characters), or None."""
    if len(text) > MAX_CELL_CHARS:
        return CELL_TOO_LONG.format(length=f"{len(text):,}".replace(",", "."), limit=MAX_CELL_CHARS)
    code = hidden_control(text)
    return HIDDEN_CONTROL.format(code=code) if code else None


def field_too_long(field: str, text: str) -> str | None:
    limit = FIELD_MAX.get(field)
    if limit is not None and len(text) > limit:
        return FIELD_TOO_LONG.format(length=f"{len(text):,}".replace(",", "."), limit=limit)
    return None


def looks_like_formula(text: str) -> bool:
    """Would a spreadsheet run this text as a formula if it were written as a plain cell?"""
    return bool(text) and text.startswith(FORMULA_STARTS)


def list_no_problem(number: int) -> str | None:
    if number > LIST_NO_MAX:
        return LIST_NO_RANGE.format(text=number, limit=LIST_NO_MAX)
    return None


def date_problem(value: dt.date) -> str | None:
    if value.year < MIN_YEAR:
        return DATE_TOO_OLD.format(year=value.year, limit=MIN_YEAR)
    if value.year > MAX_YEAR:
        return DATE_TOO_LATE.format(year=value.year, limit=MAX_YEAR)
    return None


def pad_cccd(digits: str, *, was_number: bool) -> str | None:
    """The CCCD with the leading 0 Excel dropped, when that is what happened: 11 digits that came from a
    numeric cell (or a CSV, where Excel writes numbers bare) and do not already start with 0. Else None."""
    if re.fullmatch(r"\d{11}", digits) and was_number and not digits.startswith("0"):
        return "0" + digits
    return None


def cccd_contradiction(cccd: str, born: dt.date | None, gender: str) -> str | None:
    """Why a 12-digit CCCD cannot belong to the row's person: digit 4 encodes gender and century (0/1 =
    male/female born 19xx, 2/3 = 20xx, ...), digits 5-6 the last two digits of the birth year."""
    if not re.fullmatch(r"\d{12}", cccd or ""):
        return None
    code = int(cccd[3])
    century = 1900 + (code // 2) * 100
    coded_gender = "nu" if code % 2 else "nam"
    if gender in GENDER_WORDS and coded_gender != gender:
        meaning = CCCD_MEANING.format(gender=GENDER_WORDS[coded_gender].format(), century=century)
        return CCCD_GENDER.format(digit=code, meaning=meaning, gender=GENDER_WORDS[gender].format())
    if born is not None and born.year != century + int(cccd[4:6]):
        return CCCD_YEAR.format(coded=century + int(cccd[4:6]), born=born.strftime("%d/%m/%Y"))
    return None
