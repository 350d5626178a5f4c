"""Reading the committee's records where the secretary works: the comments the committee wrote on one of the
cell's records (a member's review, a meeting's minutes) and the dues remittance receipts it recorded.

They arrive by pull into `committee_records` (read-only on the laptop, SYNC.md); these are read models over
those snapshots for the review editor, the minutes editor and the Đảng phí page.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models.core import CommitteeName
from ..store.models.sync import CommitteeRecord

COMMENTS = "committee_comments"
RECEIPTS = "dues_remittance_receipts"


@dataclass(frozen=True)
class CommitteeComment:
    committee: str          # the committee that wrote it ("Đảng ủy Khối cơ quan")
    author: str             # the officer who typed it, when the server named one
    text: str
    written_at: dt.datetime | None  # UTC


@dataclass(frozen=True)
class RemittanceReceipt:
    """The committee confirms it received `amount` đồng of the cell's dues for a month or a quarter."""

    period: str             # "2026-03" | "2026-Q1"
    label: str              # "tháng 03/2026" | "quý I/2026"
    months: tuple[dt.date, ...]
    amount: int
    received_on: dt.date
    note: str
    recorded_by: str


def _live(s: Session, entity: str) -> list[dict]:
    rows = s.scalars(select(CommitteeRecord.snapshot).where(CommitteeRecord.entity == entity,
                                                            CommitteeRecord.deleted.is_(False)))
    return [json.loads(r) for r in rows]


def _instant(value: str | None) -> dt.datetime | None:
    try:
        at = dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
    return at.replace(tzinfo=dt.timezone.utc) if at is not None and at.tzinfo is None else at


def _upper_committee(s: Session, cell_id: str) -> str:
    """The committee above the cell as the cell itself names it (comments written before the server put its
    own name on them)."""
    return s.scalars(select(CommitteeName.name).where(CommitteeName.cell_id == cell_id, CommitteeName.level == 1,
                                                      CommitteeName.deleted_at.is_(None))
                     .order_by(CommitteeName.valid_from.desc(), CommitteeName.created_at.desc()).limit(1)).first() or ""


def comments_on(s: Session, cell_id: str, entity: str, entity_id: str) -> list[CommitteeComment]:
    """The committee's live comments on one record, oldest first."""
    found = [r for r in _live(s, COMMENTS) if r.get("target_entity") == entity and r.get("target_id") == entity_id]
    fallback = _upper_committee(s, cell_id) if any(not r.get("committee_name") for r in found) else ""
    comments = [CommitteeComment(r.get("committee_name") or fallback, r.get("author") or "", r.get("text") or "",
                                 _instant(r.get("created_at"))) for r in found]
    return sorted(comments, key=lambda c: c.written_at or dt.datetime.min.replace(tzinfo=dt.timezone.utc))


def receipts_of_year(s: Session, year: int) -> list[RemittanceReceipt]:
    """The committee's live receipts for the year's months and quarters, in period order."""
    out = []
    for r in _live(s, RECEIPTS):
        try:
            months = tuple(dt.date.fromisoformat(f"{m}-01") for m in r.get("months") or ())
            received = dt.date.fromisoformat(r["received_on"])
            amount = int(r["amount"])
        except (KeyError, TypeError, ValueError):
            continue  # not a receipt this version understands; the Đồng bộ page still lists it
        if months and months[0].year == year:
            out.append(RemittanceReceipt(r.get("period") or "", r.get("period_label") or "", months, amount,
                                         received, r.get("note") or "", r.get("recorded_by") or ""))
    return sorted(out, key=lambda r: r.months[0])
