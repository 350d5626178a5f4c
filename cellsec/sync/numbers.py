"""Document numbers across the cell's laptops (issue 9, SYNC.md): two laptops approving minutes or issuing
resolutions while offline may both give out "Số 05-BB/CB". The rule, the same on every laptop, so they
agree without asking each other:

    The document approved first (its approval time, then its id) keeps the number. The other one is
    renumbered by the laptop that holds it, to the next free number of its year, as a new finalised version
    in that laptop's hash chain; the secretary is told which document now has which number (the paper
    must be reprinted).

So on a pull: a received document that wins takes its number, and the local one moves; a received one that
loses is held back with the rows that point at it (its attendance, its chain record…), and the pull cursor
stays before them, so they come again at every sync until their own laptop has renumbered the document.
Nothing is overwritten, nothing is skipped for good, and no two live documents share a number.

The register of the other documents' numbers (reports, plans, invitations, lists, resolutions on a member:
table document_numbers) follows the same rule, by the time each number was given (its created_at); a
register number is not a finalised record, so it has no chain record to redo.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.documents import RENUMBERED_BY_SYNC
from ..domain.messages import Msg
from ..store.models.core import Audit
from ..store.models.finalised import FinalisedDocument
from ..store.models.meetings import Meeting, Resolution
from ..store.models.numbers import DocumentNumber
from ..store.remote import RemoteRow

NUMBERED = {"meetings": (Meeting, "minutes"), "resolutions": (Resolution, "resolution")}  # table -> (model, chain kind)

RENUMBERED = Msg("{old} trùng số với văn bản được thông qua trước trên máy khác của chi bộ: nay là {new}. "
                 "Hãy in lại văn bản này.",
                 "{old} had the number of a document approved earlier on the cell's other laptop: it is now "
                 "{new}. Reprint this document.")
REGISTER_RENUMBERED = Msg("{title} ({old}) trùng số với văn bản được cấp số trước trên máy khác của chi bộ: nay là "
                          "{new}. Hãy in lại văn bản này.",
                          "{title} ({old}) had the number of a document numbered earlier on the cell's other "
                          "laptop: it is now {new}. Reprint this document.")
RENUMBER_SUMMARY = Msg("Đánh số lại khi đồng bộ: {old} thành {new}", "Renumbered while syncing: {old} to {new}")


@dataclass
class Settled:
    rows: list[RemoteRow]  # what may be applied now
    renumbered: list[str]  # one sentence per local document that took a new number
    held: set[tuple[str, str]] = field(default_factory=set)  # received documents that lost their number


def _when(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, str) and value:
        parsed = dt.datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
    return dt.datetime.max.replace(tzinfo=dt.timezone.utc)


def settle_numbers(s: Session, rows: list[RemoteRow], device_id: str) -> Settled:
    """Apply the rule to one page of pulled rows, in the caller's transaction (before the rows are written)."""
    settled = Settled([], [])
    for row in rows:
        if row.entity == REGISTER:
            _settle_register(s, row, rows, device_id, settled)
            continue
        numbered = NUMBERED.get(row.entity)
        snap = row.snapshot
        if numbered is None or snap.get("number_seq") is None or snap.get("deleted_at"):
            settled.rows.append(row)
            continue
        model = numbered[0]
        local = s.scalars(select(model).where(
            model.cell_id == snap["cell_id"], model.number_year == snap["number_year"],
            model.number_seq == snap["number_seq"], model.deleted_at.is_(None), model.id != row.entity_id)).first()
        if local is None:
            settled.rows.append(row)
        elif (_when(snap.get("approved_at")), row.entity_id) < (_when(local.approved_at), local.id):
            settled.renumbered.append(_renumber(s, row.entity, local, rows, device_id))
            settled.rows.append(row)
        else:
            settled.held.add((row.entity, row.entity_id))
    return settled


REGISTER = "document_numbers"


def _settle_register(s: Session, row: RemoteRow, page: list[RemoteRow], device_id: str, settled: Settled) -> None:
    snap = row.snapshot
    local = None if snap.get("deleted_at") else s.scalars(select(DocumentNumber).where(
        DocumentNumber.cell_id == snap["cell_id"], DocumentNumber.year == snap["year"],
        DocumentNumber.doc_type == snap["doc_type"], DocumentNumber.seq == snap["seq"],
        DocumentNumber.deleted_at.is_(None), DocumentNumber.id != row.entity_id)).first()
    if local is None:
        settled.rows.append(row)
    elif (_when(snap.get("created_at")), row.entity_id) < (_when(local.created_at), local.id):
        settled.renumbered.append(_renumber_register(s, local, page, device_id))
        settled.rows.append(row)
    else:
        settled.held.add((row.entity, row.entity_id))


def _renumber_register(s: Session, local: DocumentNumber, page: list[RemoteRow], device_id: str) -> str:
    """The next number of the year and type nobody has, here or in the page (the register's and, for NQ,
    the meeting resolutions'), for the local register entry that lost its number."""
    from ..services.documents.numbers import registered_max

    used = registered_max(s, local.cell_id, local.doc_type, local.year)
    if local.doc_type == "NQ":
        used = max(used, s.scalar(select(func.max(Resolution.number_seq)).where(
            Resolution.cell_id == local.cell_id, Resolution.number_year == local.year,
            Resolution.deleted_at.is_(None))) or 0)
    incoming = [r.snapshot.get("seq") or 0 for r in page if r.entity == REGISTER and
                (r.snapshot.get("year"), r.snapshot.get("doc_type")) == (local.year, local.doc_type)]
    new_seq = max([used, *incoming]) + 1
    old = local.number_text
    new = re.sub(r"\d+", f"{new_seq:02d}", old, count=1)
    with _renumbering(s, device_id, old, new):
        local.seq, local.number_text = new_seq, new
        s.flush()
    return REGISTER_RENUMBERED.format(title=local.title or local.kind, old=old, new=new)


class _renumbering:
    """The audit row a renumbering is written under (its change-log rows point at it)."""

    def __init__(self, s: Session, device_id: str, old: str, new: str) -> None:
        self.s, self.device_id, self.old, self.new = s, device_id, old, new

    def __enter__(self) -> None:
        audit = Audit(action=RENUMBERED_BY_SYNC, summary=RENUMBER_SUMMARY.format(old=self.old, new=self.new),
                      device_id=self.device_id, undoable=False)
        self.s.add(audit)
        self.s.flush()
        self.s.info.update(audit_id=audit.id, device_id=self.device_id)

    def __exit__(self, *exc: object) -> None:
        self.s.info.pop("audit_id", None)


def _renumber(s: Session, table: str, local: Any, page: list[RemoteRow], device_id: str) -> str:
    """Give `local` the next free number of its year (counting the page's numbers too), as a local edit
    that goes out at the next push, with a new record in this laptop's chain."""
    model, kind = NUMBERED[table]
    used = s.scalar(select(func.max(model.number_seq)).where(
        model.cell_id == local.cell_id, model.number_year == local.number_year, model.deleted_at.is_(None))) or 0
    incoming = [r.snapshot.get("number_seq") or 0 for r in page
                if r.entity == table and r.snapshot.get("number_year") == local.number_year]
    new_seq = max([used, *incoming]) + 1
    old = local.number_text or ""
    new = re.sub(r"\d+", f"{new_seq:02d}", old, count=1)
    with _renumbering(s, device_id, old, new):
        local.number_seq, local.number_text = new_seq, new
        s.flush()
        _chain_again(s, local, kind)
    return RENUMBERED.format(old=old, new=new)


def _chain_again(s: Session, row: Any, kind: str) -> None:
    """The renumbered document is finalised again under its new number (its previous record stays)."""
    from ..services.finalise import CONTENT_PROVIDERS, finalise

    module, _, name = CONTENT_PROVIDERS[kind].partition(":")
    content = getattr(importlib.import_module(module), name)(s, row.id)
    if content is None:
        return
    version = s.scalar(select(func.max(FinalisedDocument.version)).where(
        FinalisedDocument.kind == kind, FinalisedDocument.entity_id == row.id)) or 1
    finalise(s, row.cell_id, kind, row.id, version, content)
