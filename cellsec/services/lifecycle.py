"""The shared document lifecycle of the services: draft → finalised → (decided) → amended.

Every document a secretary writes and then makes official (minutes, resolutions, member reviews, the
collective review, commitments, score sheets) goes through the same states:

    draft      editable; saved as often as the user likes
    finalised  approved / issued / submitted (and later decided): numbered if the kind is numbered,
               locked, and appended to the cell's hash chain (services/finalise.py) in the SAME
               transaction as the status change
    amended    a correction of a finalised document: either a new row naming the row it corrects
               (`amends_id`, minutes and resolutions), or a new version of the same row (reviews);
               the finalised original is never edited again

This module holds the parts that do not depend on the kind. All functions take the caller's SQLAlchemy
session: call them inside your own `ctx.read()` (checks) or `ctx.mutation(...)` (writes), never around
them — one user action stays one transaction.

API
---

Numbering ("Số 07-BB/CB"; a model with `cell_id`, `deleted_at`, `number_year`, `number_seq`,
`number_text` columns):

    next_number(s, Model, cell_id, year, yearly) -> int
        The next sequence number: 1 + the highest used in `year` (yearly numbering) or ever (continuous).
    Numbering(doc_type, issuer, year, yearly)
        How `finalise_document` numbers a document: doc_type "BB"/"NQ" (cellsec.domain.documents),
        issuer = the cell's abbreviation, year = the year of the document's date.
    number_in_sentence("Số 07-BB/CB") -> "số 07-BB/CB"   (for audit summaries and messages)

Locking:

    ensure_editable(s, row, locked=Msg, superseded=Msg | None, finalised=("approved",), **params)
        Raises ServiceError(locked) when `row.status` is a finalised status, and ServiceError(superseded)
        when `superseded` is given and another live row of the same model amends `row` (the model must
        have `amends_id`). Call it in the read transaction that checks an edit, before the mutation.
    is_finalised(row, finalised=("approved",)) -> bool

Amendment chains (models with `amends_id`: each amendment is a new row naming the row it corrects):

    superseded_by(s, Model, row_id) -> str | None        the live amendment of `row_id`, if any
    superseding_map(s, Model, ids) -> {old id: new id}   the same for many rows in one query
    chain(s, row) -> [original, amendment 1, ...]        the whole chain `row` belongs to, oldest first
    in_same_chain(s, Model, a, b) -> bool                whether rows `a` and `b` are revisions of one document

Finalising:

    finalise_document(s, row, kind=..., version=..., content=..., numbering=Numbering(...) | None,
                      status="approved", stamp="approved_at") -> FinalisedRecord
        In the caller's mutation: number the row (if `numbering`), set `row.status = status` and
        `row.<stamp> = now` (`stamp=None` to skip), flush, and append the finalised version to the hash
        chain with `content` — a dict, or a function (session, row) -> dict called after the number is
        set, so the chained content carries the number. Returns the chain record.

Example (minutes; services/meetings/minutes.py):

    with ctx.mutation("meeting.approve", summary, undoable=False) as s:
        m = s.get(Meeting, meeting_id)
        finalise_document(s, m, kind="minutes", version=m.revision, content=minutes_chain_content_of,
                          numbering=Numbering(TYPE_MINUTES, cell.abbreviation, held_on.year, yearly))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.documents import document_number
from ..domain.messages import Msg
from ..store.base import utcnow
from .errors import ServiceError
from .finalise import FinalisedRecord, finalise

__all__ = [
    "Numbering", "chain", "ensure_editable", "finalise_document", "in_same_chain", "is_finalised", "next_number",
    "number_in_sentence", "superseded_by", "superseding_map",
]

FINALISED = ("approved",)


# ---- numbering -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Numbering:
    """How a finalised document is numbered: "Số {seq:02d}-{doc_type}/{issuer}", counted per year
    (`yearly`) or continuously, among the live rows of the same model in the cell."""

    doc_type: str  # "BB", "NQ", ... (cellsec.domain.documents)
    issuer: str  # the cell's abbreviation, frozen into the number
    year: int  # the year of the document's date
    yearly: bool = True  # numbering restarts every year


def next_number(s: Session, model: type, cell_id: str, year: int, yearly: bool) -> int:
    """1 + the highest sequence number used by live rows of `model` in the cell (in `year` if `yearly`)."""
    q = select(model.number_seq).where(model.cell_id == cell_id, model.deleted_at.is_(None),
                                       model.number_seq.is_not(None))
    if yearly:
        q = q.where(model.number_year == year)
    return max(s.scalars(q), default=0) + 1


def number_in_sentence(number: str) -> str:
    """'Số 07-BB/CB' -> 'số 07-BB/CB', for use inside a sentence."""
    return number[:1].lower() + number[1:] if number else number


# ---- locking ---------------------------------------------------------------------------------------

def is_finalised(row: Any, finalised: Iterable[str] = FINALISED) -> bool:
    return row.status in tuple(finalised)


def ensure_editable(s: Session, row: Any, *, locked: Msg, superseded: Msg | None = None,
                    finalised: Iterable[str] = FINALISED, **params: object) -> None:
    """Refuse to edit a finalised row (`locked`) or, when `superseded` is given, a row that has been
    amended by another row of its model (`superseded`). `params` fill the messages' placeholders."""
    if is_finalised(row, finalised):
        raise ServiceError(locked, **params)
    if superseded is not None and superseded_by(s, type(row), row.id):
        raise ServiceError(superseded, **params)


# ---- amendment chains ------------------------------------------------------------------------------

def superseded_by(s: Session, model: type, row_id: str) -> str | None:
    """The id of the live row that amends `row_id`, if any."""
    return s.scalars(select(model.id).where(model.amends_id == row_id, model.deleted_at.is_(None))
                     .limit(1)).first()


def superseding_map(s: Session, model: type, ids: list[str]) -> dict[str, str]:
    """{amended row id: id of the live row amending it} for the given ids, in one query."""
    if not ids:
        return {}
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        rows = s.execute(select(model.amends_id, model.id).where(model.amends_id.in_(ids[i:i + 500]),
                                                                 model.deleted_at.is_(None))).all()
        out.update({old: new for old, new in rows})
    return out


def chain(s: Session, row: Any) -> list[Any]:
    """Every revision of the document `row` belongs to, the original first."""
    model = type(row)
    root = row
    while root.amends_id:
        root = s.get(model, root.amends_id)
    revisions = [root]
    while True:
        nxt = s.scalars(select(model).where(model.amends_id == revisions[-1].id, model.deleted_at.is_(None))).first()
        if nxt is None:
            return revisions
        revisions.append(nxt)


def in_same_chain(s: Session, model: type, a: str, b: str | None) -> bool:
    """Whether rows `a` and `b` are revisions of the same document (False when `b` is None)."""
    if b is None:
        return False
    other = s.get(model, b)
    if other is None:
        return False
    return a in {r.id for r in chain(s, other)}


# ---- finalising ------------------------------------------------------------------------------------

def finalise_document(s: Session, row: Any, *, kind: str, version: int,
                      content: dict[str, Any] | Callable[[Session, Any], dict[str, Any]],
                      numbering: Numbering | None = None, status: str = "approved",
                      stamp: str | None = "approved_at", at: dt.datetime | None = None) -> FinalisedRecord:
    """Number (optionally), lock and chain `row` inside the caller's mutation; see the module docstring."""
    if numbering is not None:
        with s.no_autoflush:  # the row's pending edits are written once, with its number, below
            seq = next_number(s, type(row), row.cell_id, numbering.year, numbering.yearly)
            if numbering.yearly:
                # The register's numbers of the same type and year (a resolution on a member given "Số
                # 04-NQ/CB" by the secretary) are taken too: never the same number twice.
                from .documents.numbers import registered_max

                seq = max(seq, registered_max(s, row.cell_id, numbering.doc_type, numbering.year) + 1)
        row.number_year, row.number_seq = numbering.year, seq
        row.number_text = document_number(seq, numbering.doc_type, numbering.issuer)
    row.status = status
    if stamp is not None:
        setattr(row, stamp, at or utcnow())
    s.flush()
    data = content(s, row) if callable(content) else content
    return finalise(s, row.cell_id, kind, row.id, version, data)
