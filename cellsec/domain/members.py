"""Member registry rules: labels, validation, CCCD checks, probation and admission age, import headers.

Pure functions over plain values. The membership thresholds (probation length, admission age band,
reminder horizon) are gathered in `MembershipRules` so a versioned rule set can supply them; the
defaults come from reference §6.2 (24-QĐ/TW item 1.1; probation 12 months, exact article unverified).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from .dates import add_months, full_months_between
from .member_import import FIELD_MAX, FIELD_TOO_LONG, LIST_NO_MAX, LIST_NO_RANGE
from .messages import Msg
from .text import clean_line, fold_key

ACTIVITY_STATUSES = ("active", "exempt", "temporary", "transferred_out", "removed", "deceased")
# Members who still belong to (or attend) the cell; the others are kept only as history.
IN_CELL_STATUSES = ("active", "exempt", "temporary")
PARTY_STATUSES = ("du_bi", "chinh_thuc")
GENDERS = ("nam", "nu")
DUES_CATEGORIES = ("bhxh_bat_buoc", "om_dau_thai_san", "huu_tri", "hoc_sinh_sinh_vien", "khac", "nuoc_ngoai")
POLITICAL_THEORY_LEVELS = ("so_cap", "trung_cap", "cao_cap", "cu_nhan")
# Columns a member list can be sorted by ("full_name" = Vietnamese order: given name first).
MEMBER_SORTS = ("list_no", "full_name", "date_of_birth", "admitted_on", "official_on", "status", "activity_status",
                "card_no", "created_at", "gender", "position_party", "phone")

ACTIVITY_LABELS: dict[str, Msg] = {
    "active": Msg("Đang sinh hoạt", "Active"),
    "exempt": Msg("Miễn sinh hoạt", "Exempt"),
    "temporary": Msg("Sinh hoạt tạm thời", "Attending temporarily"),
    "transferred_out": Msg("Đã chuyển sinh hoạt", "Transferred out"),
    "removed": Msg("Đã xóa tên", "Removed from the list"),
    "deceased": Msg("Đã từ trần", "Deceased"),
}
PARTY_STATUS_LABELS: dict[str, Msg] = {
    "du_bi": Msg("Dự bị", "Probationary"),
    "chinh_thuc": Msg("Chính thức", "Official"),
}
GENDER_LABELS: dict[str, Msg] = {
    "nam": Msg("Nam", "Male"),
    "nu": Msg("Nữ", "Female"),
}
DUES_CATEGORY_LABELS: dict[str, Msg] = {
    "bhxh_bat_buoc": Msg("Đóng bảo hiểm xã hội bắt buộc", "Compulsory social insurance"),
    "om_dau_thai_san": Msg("Hưởng trợ cấp ốm đau, thai sản", "Sickness or maternity allowance"),
    "huu_tri": Msg("Hưởng lương hưu", "Pensioner"),
    "hoc_sinh_sinh_vien": Msg("Học sinh, sinh viên", "Pupil or student"),
    "khac": Msg("Đối tượng khác", "Other"),
    "nuoc_ngoai": Msg("Đảng viên ở nước ngoài", "Living abroad"),
}
POLITICAL_THEORY_LABELS: dict[str, Msg] = {
    "so_cap": Msg("Sơ cấp", "Elementary"),
    "trung_cap": Msg("Trung cấp", "Intermediate"),
    "cao_cap": Msg("Cao cấp", "Advanced"),
    "cu_nhan": Msg("Cử nhân", "Bachelor"),
}

# Field names as the registry forms and the import report call them.
FIELD_LABELS: dict[str, Msg] = {
    "full_name": Msg("Họ và tên", "Full name"),
    "alias": Msg("Tên gọi khác", "Alias"),
    "date_of_birth": Msg("Ngày sinh", "Date of birth"),
    "gender": Msg("Giới tính", "Gender"),
    "cccd": Msg("Số CCCD", "Citizen ID"),
    "phone": Msg("Điện thoại", "Phone"),
    "hometown": Msg("Quê quán", "Home town"),
    "workplace": Msg("Đơn vị công tác", "Workplace"),
    "card_no": Msg("Số thẻ đảng viên", "Party card number"),
    "card_valid_from": Msg("Ngày cấp thẻ", "Card issued on"),
    "ly_lich_no": Msg("Số lý lịch", "Record number"),
    "list_no": Msg("Số SĐV", "List number"),
    "admitted_on": Msg("Ngày vào Đảng", "Admitted on"),
    "official_on": Msg("Ngày chính thức", "Official on"),
    "status": Msg("Đảng viên dự bị/chính thức", "Probationary/official"),
    "position_party": Msg("Chức vụ Đảng", "Party position"),
    "position_government": Msg("Chức vụ chính quyền", "Government position"),
    "position_mass_org": Msg("Chức vụ đoàn thể", "Mass-organisation position"),
    "education": Msg("Trình độ học vấn", "Education"),
    "professional_level": Msg("Trình độ chuyên môn", "Professional level"),
    "political_theory": Msg("Lý luận chính trị", "Political theory"),
    "dues_category": Msg("Đối tượng đóng đảng phí", "Dues category"),
    "dues_basis": Msg("Căn cứ tính đảng phí", "Dues basis"),
    "note": Msg("Ghi chú", "Note"),
    "activity_status": Msg("Tình trạng sinh hoạt", "Activity status"),
    "status_from": Msg("Từ ngày", "From"),
    "status_to": Msg("Đến ngày", "Until"),
    "status_reason": Msg("Lý do", "Reason"),
    "status_decision": Msg("Quyết định", "Decision"),
    "status_org": Msg("Tổ chức đảng", "Party organisation"),
    "_activity": Msg("Tình trạng sinh hoạt", "Activity status"),
    "_party_status": Msg("Trạng thái", "Party status"),
}


@dataclass(frozen=True)
class MembershipRules:
    probation_months: int = 12
    min_admission_age_months: int = 18 * 12
    max_admission_age_months: int = 60 * 12
    reminder_days: int = 30


DEFAULT_RULES = MembershipRules()

# ---- messages --------------------------------------------------------------------------------------
REQUIRED_NAME = Msg("Hãy nhập họ và tên.", "Enter the full name.")
REQUIRED_DOB = Msg("Hãy nhập ngày sinh.", "Enter the date of birth.")
REQUIRED_GENDER = Msg("Hãy chọn giới tính.", "Choose the gender.")
REQUIRED_ADMITTED = Msg("Hãy nhập ngày vào Đảng.", "Enter the admission date.")
IN_FUTURE = Msg("Ngày {date} ở tương lai.", "{date} is in the future.")
BAD_GENDER = Msg("Giới tính phải là Nam hoặc Nữ.", "Gender must be male or female.")
BAD_STATUS = Msg("Phải là dự bị hoặc chính thức.", "Must be probationary or official.")
BAD_DUES_CATEGORY = Msg("Đối tượng đóng đảng phí không hợp lệ.", "Unknown dues category.")
NEGATIVE_DUES = Msg("Căn cứ tính đảng phí không được âm.", "The dues basis cannot be negative.")
BAD_LIST_NO = Msg("Số SĐV phải là số nguyên dương.", "The list number must be a positive whole number.")
BAD_PHONE = Msg("Số điện thoại chỉ gồm chữ số (có thể có dấu +, dấu cách, dấu chấm).",
                "A phone number holds digits only (with optional +, spaces, dots).")
DOB_AFTER_ADMISSION = Msg("Ngày vào Đảng phải sau ngày sinh.", "The admission date must be after the date of birth.")
OFFICIAL_BEFORE_ADMISSION = Msg("Ngày chính thức không được trước ngày vào Đảng.",
                                "The official date cannot be before the admission date.")
OFFICIAL_TOO_EARLY = Msg(
    "Ngày chính thức sớm hơn {months} tháng dự bị tính từ ngày vào Đảng (thường là từ {date}).",
    "The official date is less than {months} months of probation after admission (usually from {date}).",
)
OFFICIAL_NEEDS_DATE = Msg("Đảng viên chính thức nên có ngày chính thức.", "An official member should have an official date.")
PROBATIONARY_WITH_DATE = Msg(
    "Đã có ngày chính thức nhưng đang ghi là dự bị: hãy chọn \"Chính thức\" hoặc xóa ngày chính thức.",
    "There is an official date but the member is marked probationary: choose \"Official\" or clear the date.",
)
PROBATION_NOT_OVER = Msg(
    "Chưa đủ {months} tháng dự bị (hết dự bị ngày {date}).",
    "Probation of {months} months is not over yet (it ends on {date}).",
)
AGE_AT_ADMISSION = Msg(
    "Tuổi khi vào Đảng là {years} tuổi {months} tháng, ngoài khoảng {low}–{high} tuổi (tính theo tháng). "
    "Hãy kiểm tra lại nếu không phải trường hợp đặc biệt.",
    "Age at admission is {years} years {months} months, outside {low}–{high} years (counted by month). "
    "Check it unless this is a special case.",
)
CCCD_FORMAT = Msg("Số CCCD phải gồm đúng 12 chữ số.", "A citizen ID has exactly 12 digits.")
CCCD_PROVINCE = Msg("Mã tỉnh {code} ở đầu số CCCD không có trong danh mục; hãy kiểm tra lại.",
                    "The province code {code} at the start of the citizen ID is unknown; check it.")
CCCD_MISMATCH = Msg(
    "Số CCCD không khớp với {what} (chữ số thứ 4 mã hóa giới tính và thế kỷ sinh, chữ số 5–6 là năm sinh).",
    "The citizen ID does not match the {what} (digit 4 encodes gender and century, digits 5–6 the birth year).",
)
CCCD_WHAT_GENDER = Msg("giới tính", "gender")
CCCD_WHAT_YEAR = Msg("năm sinh", "year of birth")
CCCD_PADDED = Msg("Đã thêm số 0 ở đầu số CCCD (Excel thường làm mất số 0 này).",
                  "A leading 0 was added to the citizen ID (Excel often drops it).")

# Status changes.
BAD_ACTIVITY = Msg("Tình trạng sinh hoạt không hợp lệ.", "Unknown activity status.")
STATUS_FROM_REQUIRED = Msg("Hãy nhập ngày bắt đầu.", "Enter the start date.")
DEATH_DATE_REQUIRED = Msg("Hãy nhập ngày từ trần.", "Enter the date of death.")
TRANSFER_DATE_REQUIRED = Msg("Hãy nhập ngày chuyển sinh hoạt.", "Enter the transfer date.")
REMOVAL_DATE_REQUIRED = Msg("Hãy nhập ngày quyết định xóa tên.", "Enter the date of the removal decision.")
STATUS_TO_BEFORE_FROM = Msg("Ngày kết thúc phải sau ngày bắt đầu.", "The end date must be after the start date.")
REASON_REQUIRED = Msg("Hãy nhập lý do.", "Enter the reason.")
DECISION_REQUIRED = Msg("Hãy nhập số quyết định.", "Enter the decision number.")
DESTINATION_REQUIRED = Msg("Hãy nhập nơi chuyển đến.", "Enter where the member transferred to.")
ORIGIN_REQUIRED = Msg("Hãy nhập tổ chức đảng nơi đảng viên đang sinh hoạt chính thức.",
                      "Enter the party organisation the member officially belongs to.")


class MemberFields(Protocol):
    full_name: str
    date_of_birth: dt.date | None
    gender: str
    cccd: str
    phone: str
    list_no: int | None
    admitted_on: dt.date | None
    official_on: dt.date | None
    card_valid_from: dt.date | None
    status: str
    dues_category: str
    dues_basis: int


# ---- calculations ----------------------------------------------------------------------------------
def probation_end(admitted_on: dt.date | None, rules: MembershipRules = DEFAULT_RULES) -> dt.date | None:
    return add_months(admitted_on, rules.probation_months) if admitted_on else None


def age_in_months(born: dt.date, on: dt.date) -> int:
    return full_months_between(born, on)


def admission_age_ok(born: dt.date, admitted: dt.date, rules: MembershipRules = DEFAULT_RULES) -> bool:
    months = age_in_months(born, admitted)
    return rules.min_admission_age_months <= months <= rules.max_admission_age_months


# Province codes of the 12-digit citizen ID (Thông tư 07/2016/TT-BCA). Used only for a warning.
CCCD_PROVINCES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 "
    "038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 "
    "080 082 083 084 086 087 089 091 092 093 094 095 096".split()
)
_DIGITS12 = re.compile(r"^\d{12}$")


def normalize_cccd(text: str | None) -> str:
    """Digits as typed, without the spaces, dots and dashes people put between groups."""
    return re.sub(r"[\s.\-]", "", clean_line(text))


def cccd_error(cccd: str) -> Msg | None:
    return None if not cccd or _DIGITS12.match(cccd) else CCCD_FORMAT


def cccd_warning(cccd: str, born: dt.date | None, gender: str) -> str | None:
    """Digits 1–3 = province, digit 4 = gender and century (0/1 = male/female born 19xx, 2/3 = 20xx...),
    digits 5–6 = the last two digits of the birth year."""
    if not _DIGITS12.match(cccd or ""):
        return None
    if cccd[:3] not in CCCD_PROVINCES:
        return CCCD_PROVINCE.format(code=cccd[:3])
    code = int(cccd[3])
    century = 1900 + (code // 2) * 100
    if gender in GENDERS and (code % 2 == 1) != (gender == "nu"):
        return CCCD_MISMATCH.format(what=CCCD_WHAT_GENDER.format())
    if born is not None and born.year != century + int(cccd[4:6]):
        return CCCD_MISMATCH.format(what=CCCD_WHAT_YEAR.format())
    return None


def check_member(m: MemberFields, today: dt.date,
                 rules: MembershipRules = DEFAULT_RULES) -> tuple[dict[str, str], dict[str, str]]:
    """(errors, warnings) by field for already-cleaned input. Errors refuse the save; warnings inform
    (the Party allows exceptions, and old records are often incomplete)."""
    errors = _field_errors(m, today)
    warnings: dict[str, str] = {}
    problem = cccd_error(m.cccd)
    if problem:
        errors["cccd"] = problem.format()
    elif m.cccd:
        warning = cccd_warning(m.cccd, m.date_of_birth, m.gender)
        if warning:
            warnings["cccd"] = warning
    _check_dates(m, rules, errors, warnings)
    return errors, warnings


def _field_errors(m: MemberFields, today: dt.date) -> dict[str, str]:
    """Each field on its own: required, allowed values, not in the future, lengths."""
    errors: dict[str, str] = {}
    if not m.full_name:
        errors["full_name"] = REQUIRED_NAME.format()
    if m.date_of_birth is None:
        errors["date_of_birth"] = REQUIRED_DOB.format()
    if not m.gender:
        errors["gender"] = REQUIRED_GENDER.format()
    elif m.gender not in GENDERS:
        errors["gender"] = BAD_GENDER.format()
    if m.admitted_on is None:
        errors["admitted_on"] = REQUIRED_ADMITTED.format()
    for name in ("date_of_birth", "admitted_on", "official_on", "card_valid_from"):
        value = getattr(m, name)
        if value is not None and value > today:
            errors[name] = IN_FUTURE.format(date=value.strftime("%d/%m/%Y"))
    if m.status not in PARTY_STATUSES:
        errors["status"] = BAD_STATUS.format()
    if m.dues_category not in DUES_CATEGORIES:
        errors["dues_category"] = BAD_DUES_CATEGORY.format()
    if m.dues_basis is not None and m.dues_basis < 0:
        errors["dues_basis"] = NEGATIVE_DUES.format()
    if m.list_no is not None and m.list_no <= 0:
        errors["list_no"] = BAD_LIST_NO.format()
    if m.phone and not re.fullmatch(r"\+?[\d .()\-]{6,}", m.phone):
        errors["phone"] = BAD_PHONE.format()
    if m.list_no is not None and m.list_no > LIST_NO_MAX:
        errors["list_no"] = LIST_NO_RANGE.format(text=m.list_no, limit=LIST_NO_MAX)
    for name, limit in FIELD_MAX.items():  # pasted junk would break printed layouts (and the register)
        value = getattr(m, name, "")
        if isinstance(value, str) and len(value) > limit and name not in errors:
            errors[name] = FIELD_TOO_LONG.format(length=f"{len(value):,}".replace(",", "."), limit=limit)
    return errors


def _check_dates(m: MemberFields, rules: MembershipRules, errors: dict[str, str], warnings: dict[str, str]) -> None:
    """Birth, admission, official date and status agreeing with each other and with the rules."""
    born, admitted, official = m.date_of_birth, m.admitted_on, m.official_on
    if born and admitted and "admitted_on" not in errors:
        if admitted <= born:
            errors["admitted_on"] = DOB_AFTER_ADMISSION.format()
        elif not admission_age_ok(born, admitted, rules):
            months = age_in_months(born, admitted)
            warnings["admitted_on"] = AGE_AT_ADMISSION.format(
                years=months // 12, months=months % 12,
                low=rules.min_admission_age_months // 12, high=rules.max_admission_age_months // 12)
    if official and admitted and "official_on" not in errors:
        end = probation_end(admitted, rules)
        if official < admitted:
            errors["official_on"] = OFFICIAL_BEFORE_ADMISSION.format()
        elif official < end:
            warnings["official_on"] = OFFICIAL_TOO_EARLY.format(months=rules.probation_months,
                                                                date=end.strftime("%d/%m/%Y"))
    if m.status == "chinh_thuc" and official is None and "official_on" not in errors:
        warnings["official_on"] = OFFICIAL_NEEDS_DATE.format()
    if m.status == "du_bi" and official is not None and "status" not in errors:
        errors["status"] = PROBATIONARY_WITH_DATE.format()


def check_status_change(activity_status: str, status_from: dt.date | None, status_to: dt.date | None,
                        reason: str, decision: str, org: str, today: dt.date) -> dict[str, str]:
    """Errors of a change of activity status, by field (status_from, status_to, reason, decision, org)."""
    errors: dict[str, str] = {}
    if activity_status not in ACTIVITY_STATUSES:
        return {"activity_status": BAD_ACTIVITY.format()}
    needs_from = {
        "exempt": STATUS_FROM_REQUIRED, "temporary": STATUS_FROM_REQUIRED, "transferred_out": TRANSFER_DATE_REQUIRED,
        "removed": REMOVAL_DATE_REQUIRED, "deceased": DEATH_DATE_REQUIRED,
    }
    if activity_status in needs_from and status_from is None:
        errors["status_from"] = needs_from[activity_status].format()
    if activity_status in ("removed", "deceased") and status_from and status_from > today:
        errors["status_from"] = IN_FUTURE.format(date=status_from.strftime("%d/%m/%Y"))
    if status_from and status_to and status_to < status_from:
        errors["status_to"] = STATUS_TO_BEFORE_FROM.format()
    if activity_status in ("exempt", "removed") and not reason:
        errors["reason"] = REASON_REQUIRED.format()
    if activity_status == "removed" and not decision:
        errors["decision"] = DECISION_REQUIRED.format()
    if activity_status == "transferred_out" and not org:
        errors["org"] = DESTINATION_REQUIRED.format()
    if activity_status == "temporary" and not org:
        errors["org"] = ORIGIN_REQUIRED.format()
    return errors


def missing_fields(m: MemberFields, card_no: str) -> list[str]:
    """Registry fields a member's record should have but lacks (for the overview reminder)."""
    missing = []
    if m.date_of_birth is None:
        missing.append("date_of_birth")
    if not m.gender:
        missing.append("gender")
    if m.admitted_on is None:
        missing.append("admitted_on")
    if not m.cccd:
        missing.append("cccd")
    if m.status == "chinh_thuc":
        if m.official_on is None:
            missing.append("official_on")
        if not card_no:
            missing.append("card_no")
    return missing


def tidy_name(name: str) -> str:
    """A name typed or exported all in capitals or all in lower case becomes 'Nguyễn Văn An'."""
    name = clean_line(name)
    if name and (name.isupper() or name.islower()):
        return " ".join(word[:1].upper() + word[1:].lower() for word in name.split())
    return name


# ---- Vietnamese name order -------------------------------------------------------------------------
# Vietnamese lists sort by given name (the last word), then middle names, then family name, with the
# Vietnamese alphabet (a ă â b c d đ e ê ...) and tones in dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_MODIFIERS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


@lru_cache(maxsize=65536)
def _word_key(word: str) -> tuple[str, str]:
    """(letters, tones) of one word as strings that compare in Vietnamese order."""
    letters: list[str] = []
    tones: list[str] = []
    for ch in word.casefold():
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", parts[0] + "".join(c for c in parts[1:] if c in _MODIFIERS))
        rank = _LETTER_RANK.get(base)
        letters.append(chr(0x100 + rank) if rank is not None else chr(0x1000 + ord(base[0])))
        tones.append(chr(0x30 + max((_TONES.get(c, 0) for c in parts[1:]), default=0)))
    return "".join(letters), "".join(tones)


@lru_cache(maxsize=262144)
def name_sort_key(full_name: str) -> str:
    """A string key giving the Vietnamese order of names: letters of given name, middle names, family
    name first, then tones, then the name itself. One flat string compares several times faster than
    nested tuples, which matters when 100,000 names are sorted."""
    words = full_name.split()
    ordered = [words[-1], *words[:-1]] if words else []
    keys = [_word_key(w) for w in ordered]
    # "\x01" between words sorts below every letter, so "An" comes before "Anh"; "\x00" ends a part.
    return "\x01".join(k[0] for k in keys) + "\x00" + "\x01".join(k[1] for k in keys) + "\x00" + full_name


# ---- import: header names and cell values ----------------------------------------------------------
# Field -> header names used by other systems' exports (matched folded, ignoring case, accents, spacing).
# The numbers rank competing columns: "Số SĐV" beats "STT" for the list number.
HEADER_ALIASES: dict[str, tuple[tuple[str, int], ...]] = {
    "full_name": (("Họ và tên", 3), ("Họ tên", 3), ("Họ và tên đảng viên", 3), ("Họ tên đảng viên", 3),
                  ("Tên đảng viên", 2), ("Họ và tên khai sinh", 2)),
    "_family": (("Họ", 1), ("Họ đệm", 1), ("Họ và tên đệm", 1), ("Họ và đệm", 1)),
    "_given": (("Tên", 1),),
    "alias": (("Tên gọi khác", 3), ("Bí danh", 2), ("Tên khác", 2)),
    "date_of_birth": (("Ngày sinh", 3), ("Ngày tháng năm sinh", 3), ("Sinh ngày", 2)),
    "gender": (("Giới tính", 3), ("Nam/Nữ", 2), ("Giới", 1)),
    "cccd": (("Số CCCD", 3), ("CCCD", 3), ("Căn cước", 3), ("Số căn cước", 3), ("Căn cước công dân", 3),
             ("Số căn cước công dân", 3), ("Số định danh", 2), ("Số định danh cá nhân", 2), ("CMND/CCCD", 2),
             ("Số CMND/CCCD", 2)),
    "card_no": (("Số thẻ đảng viên", 3), ("Số thẻ", 2), ("Số thẻ ĐV", 3), ("Số TĐV", 3), ("Thẻ đảng viên", 2)),
    "card_valid_from": (("Ngày cấp thẻ", 2), ("Ngày cấp thẻ đảng viên", 2)),
    "ly_lich_no": (("Số lý lịch", 3), ("Số LL", 3), ("Số lý lịch đảng viên", 3)),
    # "STT"/"TT" (số thứ tự) only numbers the rows of the file; it is not the member's list number.
    "list_no": (("Số SĐV", 3), ("SĐV", 3), ("Số danh sách", 2), ("Số trong sổ đảng viên", 3)),
    "admitted_on": (("Ngày vào Đảng", 3), ("Ngày kết nạp", 3), ("Ngày vào Đảng Cộng sản Việt Nam", 3),
                    ("Ngày kết nạp Đảng", 3), ("Ngày vào Đảng dự bị", 2)),
    "official_on": (("Ngày chính thức", 3), ("Ngày công nhận chính thức", 3), ("Ngày vào Đảng chính thức", 3)),
    "position_party": (("Chức vụ Đảng", 3), ("Chức vụ trong Đảng", 3), ("Chức vụ", 1)),
    "position_government": (("Chức vụ chính quyền", 3), ("Chức vụ chuyên môn", 2), ("Chức vụ công tác", 2)),
    "position_mass_org": (("Chức vụ đoàn thể", 3), ("Chức vụ đoàn thể xã hội", 3)),
    "phone": (("Điện thoại", 3), ("Số điện thoại", 3), ("SĐT", 3), ("ĐT", 1), ("Điện thoại di động", 3)),
    "hometown": (("Quê quán", 3), ("Nguyên quán", 2), ("Quê", 1)),
    "workplace": (("Đơn vị công tác", 3), ("Nơi công tác", 3), ("Cơ quan công tác", 3), ("Đơn vị", 1),
                  ("Nghề nghiệp", 1)),
    "education": (("Trình độ học vấn", 3), ("Học vấn", 3), ("Trình độ văn hóa", 3), ("Giáo dục phổ thông", 2)),
    "professional_level": (("Trình độ chuyên môn", 3), ("Chuyên môn", 2), ("Chuyên môn nghiệp vụ", 2)),
    "political_theory": (("Lý luận chính trị", 3), ("Trình độ lý luận chính trị", 3), ("LLCT", 3),
                         ("Trình độ LLCT", 3), ("Lý luận", 1)),
    "note": (("Ghi chú", 3),),
    # Not MemberInput fields: the importer uses them to bring in a status (see services.importer).
    "_activity": (("Tình trạng sinh hoạt", 3), ("Tình trạng", 2), ("Sinh hoạt", 1)),
    "_party_status": (("Trạng thái", 2), ("Trạng thái đảng viên", 3), ("Dự bị/Chính thức", 3)),
}
_HEADER_INDEX: dict[str, tuple[str, int]] = {
    fold_key(alias): (field, rank) for field, aliases in HEADER_ALIASES.items() for alias, rank in aliases
}


def match_header(text: str | None) -> tuple[str, int] | None:
    """(field, rank) for a column header, ignoring case, accents, spacing and a '(dd/mm/yyyy)' hint."""
    if not text:
        return None
    key = fold_key(re.sub(r"\(.*?\)", "", clean_line(str(text))))
    return _HEADER_INDEX.get(key)


_ACTIVITY_WORDS = {
    **{fold_key(m.vi): key for key, m in ACTIVITY_LABELS.items()},
    **{fold_key(m.en): key for key, m in ACTIVITY_LABELS.items()},
    "sinhhoat": "active", "mien": "exempt", "tamthoi": "temporary", "chuyendi": "transferred_out",
    "dachuyendi": "transferred_out", "chuyensinhhoat": "transferred_out", "xoaten": "removed",
    "tutran": "deceased", "datumat": "deceased", "tumat": "deceased",
}
_PARTY_STATUS_WORDS = {fold_key(m.vi): key for key, m in PARTY_STATUS_LABELS.items()} | {
    fold_key(m.en): key for key, m in PARTY_STATUS_LABELS.items()}


def parse_activity(text: str | None) -> str | None:
    """'Đã từ trần', 'Miễn sinh hoạt', 'Deceased'... -> activity status key; unknown -> None."""
    return _ACTIVITY_WORDS.get(fold_key(text))


def parse_party_status(text: str | None) -> str | None:
    """'Dự bị' / 'Chính thức' -> 'du_bi' / 'chinh_thuc'; unknown -> None."""
    return _PARTY_STATUS_WORDS.get(fold_key(text))


def parse_gender(text: str | None) -> str | None:
    """'Nam'/'Nữ' (any case or accents) -> 'nam'/'nu'; '' -> ''; anything else -> None."""
    key = fold_key(text)
    if not key:
        return ""
    if key in ("nam", "m", "male"):
        return "nam"
    if key in ("nu", "f", "female"):
        return "nu"
    return None


_THEORY_KEYS = {
    "socap": "so_cap", "trungcap": "trung_cap", "caocap": "cao_cap", "cunhan": "cu_nhan",
    "cunhanchinhtri": "cu_nhan", "caocaplyluanchinhtri": "cao_cap", "trungcaplyluanchinhtri": "trung_cap",
    "socaplyluanchinhtri": "so_cap", "tc": "trung_cap", "cc": "cao_cap", "sc": "so_cap", "cn": "cu_nhan",
}


def political_theory_key(text: str | None) -> str:
    """A known level's key ('Trung cấp' -> 'trung_cap'); other text is kept as written."""
    cleaned = clean_line(text)
    return _THEORY_KEYS.get(fold_key(cleaned), cleaned)


def label(labels: dict[str, Msg], key: str) -> str:
    """The label of a key in the current language, or the key itself when it is free text."""
    msg = labels.get(key)
    return msg.format() if msg else key
