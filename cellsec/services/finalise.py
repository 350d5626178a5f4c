"""Finalised documents and their hash chain: writing a finalised version, listing, "Kiểm tra dữ liệu".

Any feature that finalises a document (approved minutes, an issued resolution, a submitted review, a
decided classification) calls `finalise(session, ...)` inside its own mutation, so the record and the
document's new state commit together. One chain per laptop of the cell (two laptops finalising offline
never fork one chain; sync/numbers.py), shared by every kind:

    hash = SHA-256(canonical JSON of {kind, entity_id, version, finalised_at, content, prev_hash})

`verify_chain()` recomputes every hash, checks every link, and compares the stored record with the live
one: every column of the document's rows is stored with it ("sealed", derived from the models: see
finalise_fields.py), so each column edited behind the program's back (raw SQL, a hex editor) is named; for
kinds with a content provider in CONTENT_PROVIDERS the content is compared too. A finalised row with no
chain record, a gap in a year's document numbers, and a chain shorter than, or different from, the seal
kept outside the database (chain_seal.py) are reported as well.

A kind's content may carry a "number" key ("Số 07-BB/CB"): messages use it to name the document.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.hashchain import GENESIS, canonical_json, chain_hash
from ..domain.messages import Msg
from ..store.base import utcnow
from ..store.models.finalised import FinalisedDocument
from . import chain_seal
from .context import Context
from .finalise_checks import chain_problems_outside
from .finalise_fields import changed_fields, sealed_fields

# kind -> "module:function"; function(session, entity_id) returns the content the live record would be
# finalised with now (None if the record is gone). Imported lazily, so features only append a string.
CONTENT_PROVIDERS: dict[str, str] = {
    "minutes": "cellsec.services.meetings.queries:minutes_chain_content",
    "resolution": "cellsec.services.meetings.queries:resolution_chain_content",
    "member_review": "cellsec.services.reviews.member:member_review_chain_content",
    "collective_review": "cellsec.services.reviews.collective:collective_review_chain_content",
}

KIND_LABELS: dict[str, Msg] = {
    "minutes": Msg("Biên bản", "Minutes"),
    "resolution": Msg("Nghị quyết", "Resolution"),
    "member_review": Msg("Bản kiểm điểm", "Review"),
    "collective_review": Msg("Báo cáo kiểm điểm tập thể", "Collective review"),
    "review_summary": Msg("Biểu tổng hợp xếp loại đảng viên", "Classification summary"),
}

HASH_MISMATCH = Msg(
    "{document}: bản lưu đã bị sửa sau khi chốt (mã kiểm tra không khớp).",
    "{document}: the stored copy was changed after it was finalised (checksum mismatch).",
)
LINK_BROKEN = Msg(
    "{document}: chuỗi mã kiểm tra bị đứt — một bản lưu trước đó đã bị sửa, xóa hoặc chèn thêm.",
    "{document}: the checksum chain is broken — an earlier record was changed, removed or inserted.",
)
SEQ_GAP = Msg(
    "Thiếu bản lưu số thứ tự {expected} (gặp số {found}): có bản lưu đã bị xóa.",
    "Record number {expected} is missing (found {found}): a record was deleted.",
)
RECORD_CHANGED = Msg(
    "{document}: dữ liệu đã bị sửa trực tiếp sau khi được chốt (khác với bản lưu).",
    "{document}: the data was edited directly after it was finalised (differs from the stored copy).",
)
FIELDS_CHANGED = Msg(
    "{document}: dữ liệu đã bị sửa trực tiếp sau khi được chốt (khác với bản lưu), ở: {fields}.",
    "{document}: the data was edited directly after it was finalised (differs from the stored copy), in: {fields}.",
)
RECORD_MISSING = Msg(
    "{document}: không còn trong dữ liệu nhưng đã được chốt.",
    "{document}: it was finalised but is no longer in the data.",
)


@dataclass(frozen=True)
class FinalisedRecord:
    id: str
    seq: int
    kind: str
    entity_id: str
    version: int
    hash: str
    prev_hash: str
    finalised_at: dt.datetime
    content: dict[str, Any]

    @property
    def document(self) -> str:
        """'Biên bản Số 07-BB/CB' — how messages name it."""
        label = KIND_LABELS[self.kind].format() if self.kind in KIND_LABELS else self.kind
        number = self.content.get("number") if isinstance(self.content, dict) else None
        return f"{label} {number}" if number else f"{label} ({self.entity_id[:8]})"


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    kind: str
    entity_id: str
    code: str  # hash_mismatch | link_broken | seq_gap | record_changed (naming fields) | record_missing |
    #            not_chained | number_gap | chain_truncated | chain_rewritten | seal_invalid
    text: str
    fields: tuple[str, ...] = ()  # "table.column" of every column edited (record_changed)


@dataclass(frozen=True)
class ChainReport:
    checked: int
    problems: tuple[ChainProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_broken(self) -> ChainProblem | None:
        return self.problems[0] if self.problems else None


def _stamp(at: dt.datetime) -> str:
    return at.astimezone(dt.timezone.utc).isoformat()


def _record(row: FinalisedDocument) -> FinalisedRecord:
    """The record as features use it: its content without the sealed column values (only the check uses those)."""
    return FinalisedRecord(row.id, row.seq, row.kind, row.entity_id, row.version, row.hash, row.prev_hash,
                           row.finalised_at, _without_sealed(json.loads(row.content_json)))


def finalise(session: Session, cell_id: str, kind: str, entity_id: str, version: int,
             content: dict[str, Any]) -> FinalisedRecord:
    """Append a finalised version to this laptop's chain. Call inside the mutation that finalises the record."""
    device_id = session.info.get("device_id", "")
    last = _last(session, cell_id, device_id)
    seq = (last.seq + 1) if last else 1
    prev_hash = last.hash if last else GENESIS
    at = utcnow().replace(microsecond=0)
    sealed = sealed_fields(session, kind, entity_id)
    if sealed is not None:
        content = {**content, "sealed": sealed}
    content_json = canonical_json(content)
    row = FinalisedDocument(
        cell_id=cell_id, seq=seq, kind=kind, entity_id=entity_id, version=version, content_json=content_json,
        prev_hash=prev_hash, finalised_at=at, device_id=device_id,
        hash=chain_hash(kind, entity_id, version, _stamp(at), json.loads(content_json), prev_hash),
    )
    session.add(row)
    session.flush()
    chain_seal.seal_after_commit(session, cell_id, seq, row.hash)
    return _record(row)


def _last(session: Session, cell_id: str, device_id: str) -> FinalisedDocument | None:
    """The newest record of one laptop's chain (each laptop of the cell appends to its own)."""
    return session.scalars(select(FinalisedDocument).where(
        FinalisedDocument.cell_id == cell_id, FinalisedDocument.device_id == device_id)
        .order_by(FinalisedDocument.seq.desc()).limit(1)).first()


def _chain_order(row: FinalisedDocument) -> tuple:
    """Records of all the laptops in the order they were finalised (seq orders one laptop's chain only)."""
    return (row.finalised_at, row.device_id, row.seq)


def _without_sealed(content: Any) -> Any:
    return {k: v for k, v in content.items() if k != "sealed"} if isinstance(content, dict) else content


def _provider(kind: str) -> Callable[[Session, str], dict[str, Any] | None] | None:
    path = CONTENT_PROVIDERS.get(kind)
    if not path:
        return None
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


class FinaliseService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def records(self, kind: str | None = None, entity_id: str | None = None) -> list[FinalisedRecord]:
        with self.ctx.read() as s:
            q = select(FinalisedDocument).where(FinalisedDocument.cell_id == self.ctx.cell_id,
                                                FinalisedDocument.deleted_at.is_(None))
            if kind:
                q = q.where(FinalisedDocument.kind == kind)
            if entity_id:
                q = q.where(FinalisedDocument.entity_id == entity_id)
            return [_record(r) for r in sorted(s.scalars(q), key=_chain_order)]

    def latest(self, kind: str, entity_id: str) -> FinalisedRecord | None:
        found = self.records(kind, entity_id)
        return found[-1] if found else None

    def count(self) -> int:
        with self.ctx.read() as s:
            return s.scalar(select(func.count()).select_from(FinalisedDocument)
                            .where(FinalisedDocument.cell_id == self.ctx.cell_id)) or 0

    def head(self) -> tuple[int, str]:
        """(number of records, hash of the newest) of this laptop's chain — what sync sends the committee
        server, so it can tell a history rewritten or cut short. (0, GENESIS) when nothing is finalised."""
        with self.ctx.read() as s:
            last = _last(s, self.ctx.cell_id, self.ctx.device_id)
            return (last.seq, last.hash) if last else (0, GENESIS)

    def verify_chain(self) -> ChainReport:
        """Check the whole chain; every problem is reported, in chain order (the first is where it breaks).
        When all is well the seal outside the database moves up to the chain's head (records pulled by sync
        or finalised before the seal existed are then covered too)."""
        problems: list[ChainProblem] = []
        cell_id = self.ctx.cell_id
        with self.ctx.read() as s:
            rows = s.scalars(select(FinalisedDocument).where(FinalisedDocument.cell_id == cell_id)
                             .order_by(FinalisedDocument.device_id, FinalisedDocument.seq)).all()
            chains: dict[str, list[FinalisedDocument]] = {}
            for row in rows:  # one chain per laptop of the cell, each checked from its start
                chains.setdefault(row.device_id, []).append(row)
            for chain in chains.values():
                prev_hash = GENESIS
                expected_seq = 1
                for row in chain:
                    problems += self._check_row(s, rows, row, expected_seq, prev_hash)
                    prev_hash = row.hash
                    expected_seq = row.seq + 1
            own = chains.get(self.ctx.device_id, [])
            problems += [ChainProblem(*p) for p in chain_problems_outside(s, cell_id, rows, own, self.ctx.data_dir)]
        report = ChainReport(len(rows), tuple(problems))
        if report.ok and own:
            chain_seal.write(self.ctx.data_dir, cell_id, own[-1].seq, own[-1].hash)
        return report

    def _check_row(self, s, rows: list[FinalisedDocument], row: FinalisedDocument, expected_seq: int,
                   prev_hash: str) -> list[ChainProblem]:
        try:
            content = json.loads(row.content_json)
        except json.JSONDecodeError:
            content = row.content_json
        record = FinalisedRecord(row.id, row.seq, row.kind, row.entity_id, row.version, row.hash,
                                 row.prev_hash, row.finalised_at, content)
        doc = record.document
        found: list[ChainProblem] = []

        def problem(code: str, msg: Msg, named: tuple[str, ...] = (), **params: object) -> None:
            found.append(ChainProblem(row.seq, row.kind, row.entity_id, code, msg.format(**params), named))

        if row.seq != expected_seq:
            problem("seq_gap", SEQ_GAP, expected=expected_seq, found=row.seq)
        if row.prev_hash != prev_hash:
            problem("link_broken", LINK_BROKEN, document=doc)
        recomputed = chain_hash(row.kind, row.entity_id, row.version, _stamp(row.finalised_at), content,
                                row.prev_hash)
        if recomputed != row.hash:
            problem("hash_mismatch", HASH_MISMATCH, document=doc)
        if not self._is_latest_version(rows, row):
            return found
        stored = content.get("sealed") if isinstance(content, dict) else None
        live_fields = sealed_fields(s, row.kind, row.entity_id) if stored is not None else None
        if stored is not None and live_fields is not None:
            changed = tuple(str(c) for c in changed_fields(row.kind, stored, json.loads(canonical_json(live_fields))))
            if changed:
                problem("record_changed", FIELDS_CHANGED, changed, document=doc, fields=", ".join(changed))
                return found
        provider = _provider(row.kind)
        if provider is not None or stored is not None:
            try:
                live = provider(s, row.entity_id) if provider is not None else live_fields
            except (ValueError, KeyError, TypeError, AttributeError):
                # Something it is built from (e.g. a year's rule set) was damaged in the file: it differs.
                problem("record_changed", RECORD_CHANGED, document=doc)
                return found
            if live is None or (stored is not None and live_fields is None):
                problem("record_missing", RECORD_MISSING, document=doc)
            elif provider is not None and canonical_json(live) != canonical_json(_without_sealed(content)):
                problem("record_changed", RECORD_CHANGED, document=doc)
        return found

    @staticmethod
    def _is_latest_version(rows: list[FinalisedDocument], row: FinalisedDocument) -> bool:
        # A record finalised twice (e.g. a review submitted, then decided) is compared at its last version.
        return not any(r.kind == row.kind and r.entity_id == row.entity_id and _chain_order(r) > _chain_order(row)
                       for r in rows)
