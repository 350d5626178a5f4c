"""Dues remittance receipts: the committee records what a cell remitted upward for a month or a quarter.

A receipt is a committee-owned record of the cell (`dues_remittance_receipts`, SYNC.md), written through
`write_committee_record`, so it bumps the cell's feed seq (the overview's cache follows) and goes down to
the cell's laptops at their next pull. One live receipt per period: a month inside a quarter already
received (or the reverse) is refused as a duplicate. A receipt recorded by mistake is cancelled (a
tombstone that also goes down); the period can then be recorded again, as the next revision of the same
record.

What a cell is expected to remit is not decided here: it is the cell's collected dues less the share its
own dues rules keep (`retained_percent`, unverified in reference.md §5, editable by the cell), computed
by the pages from the synced dues ledger.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cellsec.domain.messages import Msg
from cellsec.domain.text import clean_line, clean_text

from ..errors import ServerError
from . import admin
from .models import Entity, utcnow
from .records import lock_cell, write_committee_record

ENTITY = "dues_remittance_receipts"
MAX_AMOUNT = 100_000_000_000  # 100 billion đồng: far above any cell's year, catches a slip of extra zeros
ROMAN = ("I", "II", "III", "IV")

BAD_PERIOD = Msg("Kỳ nộp không hợp lệ: \"{value}\". Chọn một tháng hoặc một quý.",
                 "Invalid period: \"{value}\". Choose a month or a quarter.")
BAD_AMOUNT = Msg("Số tiền không hợp lệ: \"{value}\". Ghi số đồng, không có phần lẻ (ví dụ 1.250.000).",
                 "Invalid amount: \"{value}\". Write whole đồng (for example 1.250.000).")
AMOUNT_NOT_POSITIVE = Msg("Số tiền nhận phải lớn hơn 0 đồng.", "The amount received must be more than 0 đồng.")
AMOUNT_TOO_LARGE = Msg("Số tiền {amount} đồng quá lớn; hãy kiểm tra lại số chữ số 0.",
                       "{amount} đồng is too large; check the number of zeros.")
DATE_IN_FUTURE = Msg("Ngày nhận {date} chưa đến (hôm nay là {today}).",
                     "The date received {date} is in the future (today is {today}).")
DATE_BEFORE_PERIOD = Msg("Ngày nhận {date} ở trước kỳ nộp {period}: chưa thể nhận đảng phí của kỳ chưa bắt đầu.",
                         "The date received {date} is before the period {period} starts.")
DUPLICATE = Msg("Đã ghi nhận đảng phí {existing} của chi bộ này ({amount} đồng, ngày {date}); không ghi {period} "
                "được nữa. Nếu phiếu trước ghi nhầm, hãy hủy phiếu đó rồi ghi lại.",
                "A receipt for {existing} of this cell is already recorded ({amount} đồng on {date}); {period} "
                "cannot be recorded. If that receipt was a mistake, cancel it and record again.")
NO_RECEIPT = Msg("Không tìm thấy phiếu ghi nhận này (có thể đã hủy).", "No such receipt (it may be cancelled).")

_PERIOD = re.compile(r"^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$")


@dataclass(frozen=True)
class Period:
    """A month ("2026-03") or a quarter ("2026-Q1") of remittance."""

    key: str
    year: int
    months: tuple[str, ...]  # "2026-01", "2026-02", ...

    @property
    def kind(self) -> str:
        return "quarter" if len(self.months) == 3 else "month"

    @property
    def start(self) -> dt.date:
        return dt.date.fromisoformat(f"{self.months[0]}-01")

    @property
    def label(self) -> str:
        """'tháng 03/2026' or 'quý I/2026'."""
        if self.kind == "quarter":
            return f"quý {ROMAN[int(self.key[-1]) - 1]}/{self.year}"
        return f"tháng {self.key[5:7]}/{self.year}"


def parse_period(text: str) -> Period:
    found = _PERIOD.match((text or "").strip().upper())
    if not found or not 2000 <= int(found.group(1)) <= 2100:
        raise ServerError(400, "bad_period", BAD_PERIOD, value=(text or "")[:20])
    year = int(found.group(1))
    if found.group(2):
        return Period(f"{year}-{found.group(2)}", year, (f"{year}-{found.group(2)}",))
    q = int(found.group(3))
    return Period(f"{year}-Q{q}", year, tuple(f"{year}-{m:02d}" for m in range(3 * q - 2, 3 * q + 1)))


def periods_of_year(year: int) -> list[Period]:
    """The year's twelve months then its four quarters (what the receipt form offers)."""
    return [parse_period(f"{year}-{m:02d}") for m in range(1, 13)] + [parse_period(f"{year}-Q{q}") for q in range(1, 5)]


def parse_amount(text: str) -> int:
    """Whole đồng as a person types them: '1.250.000', '1 250 000', '1,250,000', '1250000 đ'."""
    raw = (text or "").strip()
    core = re.sub(r"\s*(đồng|đ|vnđ|vnd)\.?$", "", raw, flags=re.IGNORECASE).replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"-?\d+", core) or re.fullmatch(r"-?\d{1,3}([.,]\d{3})+", core):
        amount = int(re.sub(r"[.,]", "", core))
    else:
        raise ServerError(400, "bad_amount", BAD_AMOUNT, value=raw[:30])
    if amount <= 0:
        raise ServerError(400, "amount_not_positive", AMOUNT_NOT_POSITIVE)
    if amount > MAX_AMOUNT:
        raise ServerError(400, "amount_too_large", AMOUNT_TOO_LARGE, amount=money(amount))
    return amount


def money(amount: int) -> str:
    return f"{int(amount):,}".replace(",", ".")


def _vn_date(on: dt.date) -> str:
    return on.strftime("%d/%m/%Y")


def receipts(s: Session, cell_id: str, year: int) -> list[dict[str, Any]]:
    """The cell's live receipts of a year, in period order."""
    q = select(Entity.snapshot).where(Entity.cell_id == cell_id, Entity.entity == ENTITY, Entity.deleted.is_(False),
                                      _year(year))
    found = [r if isinstance(r, dict) else json.loads(r) for r in s.scalars(q)]
    return sorted(found, key=lambda r: (r.get("months") or [""])[0])


def received_by_cell(s: Session, cell_ids: list[str], year: int) -> dict[str, int]:
    """The đồng the committee received from each cell for the year's periods (one grouped query)."""
    q = (select(Entity.cell_id, func.sum(Entity.snapshot["amount"].as_integer()))
         .where(Entity.entity == ENTITY, Entity.cell_id.in_(cell_ids), Entity.deleted.is_(False), _year(year))
         .group_by(Entity.cell_id))
    return {cell_id: int(total or 0) for cell_id, total in s.execute(q)}


def _year(year: int) -> Any:
    return Entity.snapshot["year"].as_string() == str(year)


def record_receipt(s: Session, cell_id: str, period: Period, amount: int, received_on: dt.date, note: str = "",
                   author: str = "", today: dt.date | None = None) -> str:
    """Record that the committee received `amount` đồng from the cell for `period`."""
    today = today or dt.date.today()
    if received_on > today:
        raise ServerError(400, "date_in_future", DATE_IN_FUTURE, date=_vn_date(received_on), today=_vn_date(today))
    if received_on < period.start:
        raise ServerError(400, "date_before_period", DATE_BEFORE_PERIOD, date=_vn_date(received_on),
                          period=period.label)
    cell = lock_cell(s, admin.get_cell(s, cell_id).id)  # locked before the duplicate check: no two at once
    for other in receipts(s, cell.id, period.year):
        if set(other.get("months") or ()) & set(period.months):
            raise ServerError(409, "duplicate_period", DUPLICATE, existing=other.get("period_label", ""),
                              amount=money(other.get("amount") or 0),
                              date=_vn_date(dt.date.fromisoformat(other["received_on"])), period=period.label)
    fields = {
        "period": period.key, "period_kind": period.kind, "period_label": period.label, "year": period.year,
        "months": list(period.months), "amount": amount, "received_on": received_on.isoformat(),
        "note": clean_text(note or "")[:500], "recorded_by": clean_line(author or "")[:200],
        # What the laptop's Đồng bộ page lists for a committee record.
        "title": f"Cấp ủy đã nhận đảng phí nộp lên {period.label}: {money(amount)} đồng, ngày {_vn_date(received_on)}",
    }
    entity_id = admin._record_id(cell.id, "remittance", period.key)
    write_committee_record(s, cell, ENTITY, entity_id, fields, f"committee:{cell.committee_id}", utcnow())
    return entity_id


def cancel_receipt(s: Session, cell_id: str, receipt_id: str) -> dict[str, Any]:
    """Cancel a receipt recorded by mistake (a tombstone, which also reaches the laptop)."""
    cell = lock_cell(s, admin.get_cell(s, cell_id).id)
    row = s.get(Entity, (cell.id, ENTITY, receipt_id[:36]))
    if row is None or row.deleted:
        raise ServerError(404, "no_receipt", NO_RECEIPT)
    fields = {k: v for k, v in dict(row.snapshot).items()
              if k not in ("id", "cell_id", "rev", "created_at", "updated_at", "deleted_at")}
    write_committee_record(s, cell, ENTITY, row.entity_id, fields, f"committee:{cell.committee_id}", utcnow(),
                           delete=True)
    return fields
