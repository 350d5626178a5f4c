"""Dates as Vietnamese secretaries write them, and the place-and-date line of Party documents."""

from __future__ import annotations

import datetime as dt
import re

from .messages import Msg

BAD_DATE = Msg(
    "Ngày \"{text}\" không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/02/2026.",
    "\"{text}\" is not a valid date. Enter it as day/month/year, e.g. 05/02/2026.",
)

_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?\s*$")


class DateParseError(ValueError):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(BAD_DATE.format(text=text))


def parse_date(text: str | dt.date | dt.datetime | None) -> dt.date | None:
    """dd/mm/yyyy, d/m/yyyy (also with . or -) or ISO yyyy-mm-dd; empty gives None."""
    if text is None:
        return None
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    value = str(text).strip()
    if not value:
        return None
    m = _DMY.match(value)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = _ISO.match(value)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        pass
    raise DateParseError(value)


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def date_line(place: str, on: dt.date, *, zero_pad: bool = True) -> str:
    """'Nghệ An, ngày 05 tháng 02 năm 2026', 'ngày 15 tháng 3 năm 2026': 36-HD/VPTW puts a zero before days
    below 10 and months 1 and 2 only (reference §4.2); `zero_pad=False` (a layout setting) writes no zeros."""
    day = f"{on.day:02d}" if zero_pad else str(on.day)
    month = f"{on.month:02d}" if zero_pad and on.month < 3 else str(on.month)
    prefix = f"{place}, " if place else ""
    return f"{prefix}ngày {day} tháng {month} năm {on.year}"


def add_months(on: dt.date, months: int) -> dt.date:
    """Same day `months` later, clamped to the month's end (admission + 12 months = probation end)."""
    total = on.year * 12 + on.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    days_in_month = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(on.day, days_in_month))


def full_months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from start to end (age 'counted by month', reference §6.2)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return months
