"""Sync with the committee above the cell (SYNC.md): connect with an enrolment code, push the outbox,
pull what changed, keep conflict copies.

- Push: the change-log rows after the acknowledged seq, in batches; each batch is one envelope (signed by
  this device, encrypted to the server). The watermark moves only when the server's answer is in, in one
  local transaction with the conflict copies that answer caused, so a cut connection simply resends
  (the server answers "duplicate" for what it already has).
- Pull: pages of "changes since cursor"; each page is applied and the cursor saved in one transaction.
  Committee-owned records are kept read-only in `committee_records`; the cell's own records written on its
  other laptop are applied as they are (same rev and times, no outbox row).
- Conflicts: a record edited here and on the other laptop since they last agreed. Fields changed on one
  side only are merged; otherwise the server's copy stays in place and this laptop's copy is kept as a
  conflict to resolve (keep mine / keep theirs) — never a silent loss.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .. import __version__
from ..domain.messages import Msg
from ..services.context import Context
from ..store import sync_state
from ..services.context import Change
from ..services.errors import NotFound
from ..store.base import restore, schema_version, snapshot, utcnow
from ..store.models.core import Audit, ChangeLog
from ..store.models.sync import CommitteeRecord, SyncBase, SyncConflict
from ..store.rekey import rekey_cell
from ..store.remote import RemoteRow, apply_rows, apply_rows_holding_clashes, model_for_table
from . import device as devices
from .effects import apply_committee_effects
from .errors import (
    ALREADY_CONNECTED, BUSY, FILE_ONLY, FILE_ONLY_SYNC, IDENTITY_LOST, NOT_CONNECTED, SAME_KEY, SyncError,
)
from .files import read_invitation_file
from .numbers import settle_numbers
from .records import CommitteeComment, RemittanceReceipt, comments_on, receipts_of_year
from .protocol.envelope import seal_ops
from .protocol.keys import PublicKeys
from .protocol.ops import Op
from .protocol.ownership import owner
from .transport import HttpTransport

if TYPE_CHECKING:
    from .files import ExportResult

PUSH_BATCH = 500
PULL_PAGE = 1000
# Columns that are bookkeeping, not content: never a reason for a conflict.
_BOOKKEEPING = frozenset({"rev", "updated_at", "created_at"})

SYNCED = Msg("Đồng bộ với cấp trên", "Sync with the committee")
MERGED = Msg("Gộp thay đổi của hai máy khi đồng bộ", "Merge the two laptops' changes while syncing")
KEEP_MINE = Msg("Xung đột đồng bộ: giữ bản của máy này", "Sync conflict: keep this laptop's copy")
KEEP_THEIRS = Msg("Xung đột đồng bộ: giữ bản trên máy chủ", "Sync conflict: keep the server's copy")
CHAIN_NOTICES = {
    "chain_truncated": Msg("Cấp trên nhận thấy trên máy này thiếu những văn bản đã chốt mà máy đã gửi lên trước đây: "
                           "có thể dữ liệu đã bị xóa trực tiếp. Hãy chạy \"Kiểm tra dữ liệu\" và báo cấp trên.",
                           "The committee sees finalised documents this laptop sent before missing here: the data may "
                           "have been deleted directly. Run \"Check data\" and tell the committee."),
    "chain_rewritten": Msg("Cấp trên nhận thấy chuỗi văn bản đã chốt trên máy này khác với chuỗi máy đã gửi lên trước "
                           "đây: có thể dữ liệu đã bị sửa trực tiếp. Hãy chạy \"Kiểm tra dữ liệu\" và báo cấp trên.",
                           "The committee sees this laptop's finalised chain differ from the one it sent before: the "
                           "data may have been edited directly. Run \"Check data\" and tell the committee."),
}
ATTACHMENT_DAMAGED = Msg("Tệp đính kèm nhận từ cấp trên bị hỏng; hãy đề nghị cấp trên gửi lại.",
                         "The file received from the committee is damaged; ask the committee to send it again.")
ATTACHMENT_WRITE_FAILED = Msg("Không ghi được tệp {path} (ổ đĩa đầy hoặc không có quyền ghi).",
                              "Could not write {path} (disk full or no permission).")
CONFLICT_WORD = Msg("xung đột cần giải quyết", "the conflict to resolve")


@dataclass(frozen=True)
class SyncStatus:
    connected: bool
    server: str  # empty for a laptop enrolled by file whose committee gave no address: it syncs by file only
    pending: int
    last_sync: dt.datetime | None
    device_id: str
    conflicts: int

    @property
    def online(self) -> bool:
        return bool(self.server)

    def to_json(self) -> dict[str, Any]:
        return {"connected": self.connected, "server": self.server, "online": self.online, "pending": self.pending,
                "last_sync": self.last_sync.isoformat() if self.last_sync else None,
                "device_id": self.device_id, "conflicts": self.conflicts}


@dataclass(frozen=True)
class SyncResult:
    pushed: int
    pulled: int
    conflicts: int
    rejected: int
    merged: int
    came_down: tuple[str, ...]  # entity types of the committee's records received
    decided: int = 0  # reviews given the level the committee decided
    renumbered: tuple[str, ...] = ()  # this laptop's documents that took a new number (sync/numbers.py)
    held: int = 0  # received documents whose number clashed: their own laptop renumbers them
    clashes: tuple[str, ...] = ()  # received records held back: one here has the same CCCD, month… (SAME_KEY)
    warnings: tuple[str, ...] = ()  # what the server noticed about this laptop's finalised chain

    def to_json(self) -> dict[str, Any]:
        return {"pushed": self.pushed, "pulled": self.pulled, "conflicts": self.conflicts,
                "rejected": self.rejected, "merged": self.merged, "came_down": list(self.came_down),
                "decided": self.decided, "renumbered": list(self.renumbered), "held": self.held,
                "clashes": list(self.clashes), "warnings": list(self.warnings)}


@dataclass(frozen=True)
class ConflictRecord:
    id: int
    entity: str
    entity_id: str
    mine: dict[str, Any]
    theirs: dict[str, Any] | None
    detected_at: dt.datetime


@dataclass
class _Tally:
    pushed: int = 0
    rejected: int = 0
    conflicts: int = 0
    merged: int = 0
    forced: set[tuple[str, str]] = field(default_factory=set)  # records whose server copy replaced ours
    warnings: set[str] = field(default_factory=set)

    def result(self, pulled: "_Pulled") -> SyncResult:
        return SyncResult(self.pushed, pulled.count, self.conflicts, self.rejected, self.merged,
                          tuple(sorted(pulled.came_down)), renumbered=tuple(pulled.renumbered), held=pulled.held,
                          clashes=tuple(pulled.clashes), warnings=tuple(sorted(self.warnings)))


@dataclass
class _Pulled:
    count: int = 0
    keys: set[tuple[str, str]] = field(default_factory=set)
    came_down: set[str] = field(default_factory=set)
    renumbered: list[str] = field(default_factory=list)
    held: int = 0
    clashes: list[str] = field(default_factory=list)


Progress = Callable[[str, int, int], None]  # (stage "push" | "pull", done, total or 0)


class SyncService:
    def __init__(self, ctx: Context, transport_factory=HttpTransport) -> None:
        self.ctx = ctx
        self.transport_factory = transport_factory
        # One sync at a time (the page's button and the background timer may both ask).
        self._running = threading.Lock()

    # ---- what the Đồng bộ page shows ----------------------------------------------------------------
    def status(self) -> SyncStatus:
        with self.ctx.read() as s:
            state = sync_state.state(s)
            open_conflicts = s.scalar(select(func.count()).select_from(SyncConflict)
                                      .where(SyncConflict.resolved_at.is_(None)))
            return SyncStatus(bool(state.device_id), state.server_url, sync_state.pending_count(s),
                              state.last_sync_at, state.device_id, open_conflicts)

    def conflicts(self) -> list[ConflictRecord]:
        with self.ctx.read() as s:
            rows = s.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None)).order_by(SyncConflict.id))
            out = []
            for row in rows:
                current = s.get(model_for_table(row.entity), row.entity_id)
                out.append(ConflictRecord(row.id, row.entity, row.entity_id, json.loads(row.local_snapshot),
                                          snapshot(current) if current is not None else None, row.detected_at))
            return out

    def committee_records(self, entity: str | None = None) -> list[dict[str, Any]]:
        with self.ctx.read() as s:
            query = select(CommitteeRecord).where(CommitteeRecord.deleted.is_(False))
            if entity:
                query = query.where(CommitteeRecord.entity == entity)
            return [dict(json.loads(r.snapshot), _entity=r.entity, _received_at=r.received_at.isoformat())
                    for r in s.scalars(query.order_by(CommitteeRecord.received_at))]

    def comments_on(self, entity: str, entity_id: str) -> list[CommitteeComment]:
        """The committee's comments on one of the cell's records (shown read-only where it is edited)."""
        with self.ctx.read() as s:
            return comments_on(s, self.ctx.cell_id, entity, entity_id)

    def remittance_receipts(self, year: int) -> list[RemittanceReceipt]:
        """What the committee confirmed receiving of the cell's dues for the year's months and quarters."""
        with self.ctx.read() as s:
            return receipts_of_year(s, year)

    @staticmethod
    def save_attachment(record: dict[str, Any], path) -> None:
        """Write the file a committee record carries (a guidance document's attachment) to `path`."""
        import base64
        import binascii

        try:
            data = base64.b64decode(record.get("file_data") or "", validate=True)
        except (binascii.Error, ValueError):
            raise SyncError(ATTACHMENT_DAMAGED) from None
        try:
            Path(path).write_bytes(data)
        except OSError:
            raise SyncError(ATTACHMENT_WRITE_FAILED, path=str(path)) from None

    # ---- connecting -----------------------------------------------------------------------------------
    def connect(self, url: str, code: str, name: str = "") -> SyncStatus:
        """Enrol this laptop with the code the committee gave. A laptop with its own records gives its cell
        the server's id; an empty one receives the cell's records from the server."""
        self._refuse_if_connected()
        device = devices.load_or_create(self.ctx.data_dir)
        transport = self.transport_factory(url, device.id, device.keys)
        local_cell = self.ctx.cell_id_or_none()
        answer = transport.enroll(code.strip(), name or "CellSec", __version__, has_records=local_cell is not None)
        cell_id, keys = answer["cell_id"], PublicKeys.from_dict(answer["server_keys"])
        self._enrolled(local_cell, cell_id, url.rstrip("/"), keys, device.id)
        if local_cell is None:  # a second laptop: the cell's records come down
            self.finish(_Tally(), self._pull(transport, cell_id, None, set()))
        return self.status()

    def connect_file(self, invitation_path, answer_path, name: str = "") -> SyncStatus:
        """Enrol by file (no network): read the committee's invitation, write the enrolment file to carry
        back. The laptop counts as connected at once; changes can be exported in the same trip. A laptop
        without records receives the cell's full copy in the answer to its enrolment file."""
        from .files import write_enrolment

        self._refuse_if_connected()
        invitation = read_invitation_file(invitation_path)
        device = devices.load_or_create(self.ctx.data_dir)
        local_cell = self.ctx.cell_id_or_none()
        write_enrolment(invitation, answer_path, device, name or "CellSec", has_records=local_cell is not None)
        self._enrolled(local_cell, invitation.cell_id, invitation.server_url.rstrip("/"),
                       PublicKeys.from_dict(invitation.server_keys), device.id)
        return self.status()

    def _refuse_if_connected(self) -> None:
        with self.ctx.read() as s:
            state = sync_state.state(s)
            if state.device_id:
                raise SyncError(ALREADY_CONNECTED, server=state.server_url or FILE_ONLY.format())

    def _enrolled(self, local_cell: str | None, cell_id: str, url: str, keys: PublicKeys, device_id: str) -> None:
        with self.ctx.store.sessions.begin() as s:
            if local_cell is not None:
                rekey_cell(s, local_cell, cell_id)
            state = sync_state.writable(s)
            state.server_url = url
            state.server_keys = json.dumps(keys.to_dict())
            state.device_id = device_id
            state.cell_id = cell_id
        self.ctx.replace_store(self.ctx.store)  # the cell id changed: forget the cached one

    # ---- syncing --------------------------------------------------------------------------------------
    def sync_now(self, progress: Progress | None = None) -> SyncResult:
        """Push everything waiting, then pull everything new. Safe to interrupt and run again."""
        if not self._running.acquire(blocking=False):
            raise SyncError(BUSY)
        try:
            return self._sync(progress)
        finally:
            self._running.release()

    def _sync(self, progress: Progress | None) -> SyncResult:
        device, url, cell_id, server_box = self._session()
        if not url:
            raise SyncError(FILE_ONLY_SYNC)
        transport = self.transport_factory(url, device.id, device.keys)
        tally = self._push(transport, device, cell_id, server_box, progress)
        pulled = self._pull(transport, cell_id, progress, tally.forced)
        return self.finish(tally, pulled)

    def finish(self, tally: "_Tally", pulled: "_Pulled") -> SyncResult:
        """After an answer and a pull were applied: tell the window, and let the committee's decisions act."""
        self._announce(pulled, tally.forced)
        return replace(tally.result(pulled), decided=apply_committee_effects(self.ctx.services))

    def _announce(self, pulled: "_Pulled", forced: set[tuple[str, str]] = frozenset()) -> None:
        """Tell the window what changed under it: the sync positions always (a background sync updates the
        Đồng bộ page), and the pulled rows, replaced copies and the committee's records."""
        keys = pulled.keys | set(forced) | {(e, "") for e in pulled.came_down}
        entities = frozenset(e for e, _ in keys) | {"sync_state"} | ({"committee_records"} if keys else set())
        self.ctx.notify(Change("sync", SYNCED.format(), entities, frozenset(i for _, i in keys if i)))

    def _session(self):
        """(device, server address or "" when syncing by file only, cell id, the server's encryption key)."""
        with self.ctx.read() as s:
            state = sync_state.state(s)
            url, keys, device_id, cell_id = state.server_url, state.server_keys, state.device_id, state.cell_id
        if not device_id:
            raise SyncError(NOT_CONNECTED)
        device = devices.load(self.ctx.data_dir)
        if device is None or device.id != device_id:
            raise SyncError(IDENTITY_LOST)
        # Made (on first use) before any sync transaction opens: applying a page may write under it, and a
        # write of its own inside that transaction would find the store locked.
        _ = self.ctx.device_id
        return device, url, cell_id or self.ctx.cell_id, json.loads(keys)["box"]

    def _push(self, transport, device, cell_id: str, server_box: str, progress: Progress | None) -> "_Tally":
        tally = _Tally()
        total = self.status().pending
        while True:
            with self.ctx.read() as s:
                rows = sync_state.outbox(s, PUSH_BATCH)
                cursor = sync_state.state(s).pull_cursor
            if not rows:
                return tally
            ops = self.ops_of(rows, device.id)
            answer = transport.push(cell_id, self.seal(ops, device, cell_id, server_box, cursor).to_bytes()) if ops \
                else {"results": []}
            note_chain(answer, tally)
            with self.ctx.store.sessions.begin() as s:
                self.record_results(s, ops, answer.get("results", []), tally)
                sync_state.acknowledge(s, rows[-1].seq)
            if progress:
                progress("push", min(tally.pushed + tally.rejected + tally.conflicts, total), total)

    def ops_of(self, rows: list[ChangeLog], device_id: str) -> list[Op]:
        return [self._op(row, device_id) for row in rows if owner(row.entity) == "cell"]

    def seal(self, ops: list[Op], device, cell_id: str, server_box: str, cursor: int):
        # The head of this laptop's finalised chain travels with every batch: the server can then tell a
        # history cut short or recomputed here (issue 15).
        count, head = self.ctx.services.finalise.head()
        chain = {"device": self.ctx.device_id, "count": count, "head": head} if count else None
        return seal_ops(ops, sender_keys=device.keys, device_id=device.id, recipient_box=server_box,
                        cell_id=cell_id, cursor=cursor, app_version=__version__, schema_version=schema_version(),
                        chain=chain)

    def record_results(self, s: Session, ops: list[Op], results: list[dict[str, Any]], tally: "_Tally") -> None:
        """The server's answer to pushed ops, in the transaction that acknowledges them."""
        by_seq = {op.seq: op for op in ops}
        for result in results:
            status, first = result.get("status"), result.get("first_status")
            if status == "applied" or (status == "duplicate" and first == "applied"):
                tally.pushed += 1
            elif status == "rejected" or first == "rejected":
                tally.rejected += 1
            elif status == "conflict" or first == "conflict":
                op = by_seq.get(result.get("seq"))
                if op is not None and "server" in result:
                    outcome = self._conflict(s, op, result["server"])
                    tally.conflicts += outcome == "conflict"
                    tally.merged += outcome == "merged"
                    tally.forced.add((op.entity, op.entity_id))

    @staticmethod
    def _op(row: ChangeLog, device_id: str) -> Op:
        return Op(device_id=device_id, seq=row.seq, entity=row.entity, entity_id=row.entity_id,
                  cell_id=row.cell_id, rev=row.rev, base_rev=row.rev - 1, op=row.op,
                  snapshot=json.loads(row.snapshot), at=row.at.isoformat(),
                  schema_version=row.schema_version or schema_version())

    def _conflict(self, s: Session, op: Op, server: dict[str, Any]) -> str:
        """The server has another revision of `op`'s record. Returns "conflict", "merged" or "handled"."""
        model = model_for_table(op.entity)
        local = s.get(model, op.entity_id)
        if local is None or server.get("snapshot") is None:
            return "handled"
        already = s.scalars(select(SyncConflict).where(
            SyncConflict.entity == op.entity, SyncConflict.entity_id == op.entity_id,
            SyncConflict.resolved_at.is_(None))).first()
        if already is not None and local.rev == server["rev"]:
            return "handled"  # a later op of a record whose conflict is already kept
        mine = snapshot(local)
        theirs = server["snapshot"]
        base = self._base_snapshot(s, op)
        merged = _merge(model, base, mine, theirs)
        apply_rows(s, [RemoteRow(op.entity, op.entity_id, server["rev"], theirs)], force_keys={(op.entity, op.entity_id)})
        _keep_bases(s, [(op.entity, op.entity_id, server["rev"], theirs)])
        if merged is not None:
            if merged:
                self._write_local(s, model, op.entity_id, merged)
            return "merged"
        s.add(SyncConflict(entity=op.entity, entity_id=op.entity_id, server_rev=server["rev"], detected_at=utcnow(),
                           local_snapshot=json.dumps(mine, ensure_ascii=False, sort_keys=True), resolution=""))
        return "conflict"

    @staticmethod
    def _base_snapshot(s: Session, op: Op) -> dict[str, Any] | None:
        """The revision both sides started from: written here (the change log) or pulled (sync_bases)."""
        text = s.scalars(select(ChangeLog.snapshot).where(
            ChangeLog.entity == op.entity, ChangeLog.entity_id == op.entity_id, ChangeLog.rev == op.base_rev)
            .order_by(ChangeLog.seq.desc()).limit(1)).first()
        if text is None:
            pulled = s.get(SyncBase, (op.entity, op.entity_id))
            text = pulled.snapshot if pulled is not None and pulled.rev == op.base_rev else None
        return json.loads(text) if text else None

    def _write_local(self, s: Session, model, entity_id: str, values: dict[str, Any]) -> None:
        """A merge is a local edit over the server's copy, in the same transaction as the acknowledgement;
        it goes out at the next push."""
        audit = Audit(action="sync_merge", summary=MERGED.format(), device_id=self.ctx.device_id, undoable=False)
        s.add(audit)
        s.flush()
        s.info.update(audit_id=audit.id, device_id=self.ctx.device_id)
        try:
            restore(s.get(model, entity_id), values)
            s.flush()
        finally:
            s.info.pop("audit_id", None)

    def _pull(self, transport, cell_id: str, progress: Progress | None, forced: set[tuple[str, str]]) -> "_Pulled":
        pulled = _Pulled()
        with self.ctx.read() as s:
            cursor = sync_state.state(s).pull_cursor
        # Rows held back (a record they point at comes in a later page, or a number clash) are tried again
        # with every following page; the saved cursor stays before the first still held.
        carried: list[dict[str, Any]] = []
        while True:
            page = transport.pull(cell_id, cursor, PULL_PAGE)
            cursor = int(page["cursor"])
            changes = carried + page.get("changes", [])
            with self.ctx.store.sessions.begin() as s:
                held = self.apply_changes(s, changes, forced, pulled)
                carried = [c for c in changes if (c["entity"], c["entity_id"]) in held]
                sync_state.advance_cursor(s, _cursor_before(carried, cursor))
            if progress:
                progress("pull", pulled.count, 0)
            if not page.get("more"):
                return pulled

    def apply_changes(self, s: Session, changes: list[dict[str, Any]], forced: set[tuple[str, str]],
                      pulled: "_Pulled") -> set[tuple[str, str]]:
        """One page of what the server sends down, in the caller's transaction (with the cursor). Returns
        the rows held back: a number clash (sync/numbers.py), another natural-key clash, or a record pointing
        at one not here yet."""
        rows = []
        for change in changes:
            if change.get("owner") == "committee":
                _keep_committee_record(s, change)
                pulled.came_down.add(change["entity"])
                pulled.count += 1
            elif owner(change["entity"]) == "cell" and change.get("snapshot") is not None:
                rows.append(RemoteRow(change["entity"], change["entity_id"], change["rev"], change["snapshot"]))
        settled = settle_numbers(s, rows, self.ctx.device_id)
        written, held, clashed = apply_rows_holding_clashes(s, settled.rows, settled.held, forced)
        pulled.renumbered += settled.renumbered
        pulled.held += len(settled.held)
        pulled.clashes += [_clash_text(r) for r in clashed]
        _keep_bases(s, [(r.entity, r.entity_id, r.rev, r.snapshot) for r in written])
        pulled.count += len(written)
        pulled.keys |= {(r.entity, r.entity_id) for r in written}
        return held

    # ---- without a network: transfer files on a USB stick (files.py) --------------------------------------
    def export_file(self, path) -> "ExportResult":
        from .files import export_file

        return export_file(self, path)

    def import_file(self, path) -> SyncResult:
        from .files import import_answer

        if not self._running.acquire(blocking=False):
            raise SyncError(BUSY)
        try:
            return import_answer(self, path)
        finally:
            self._running.release()

    def default_file_name(self, what: str = "") -> str:
        from .files import default_name

        cell = self.ctx.services.cell.get() if self.ctx.cell_id_or_none() else None
        return default_name(cell.name if cell else "", dt.date.today(), what)

    # ---- resolving ------------------------------------------------------------------------------------
    def resolve(self, conflict_id: int, keep: str) -> None:
        """keep="theirs": the server's copy stays; keep="mine": this laptop's copy is written again (a new
        revision over the server's, sent at the next sync)."""
        summary = (KEEP_MINE if keep == "mine" else KEEP_THEIRS).format()
        with self.ctx.mutation("sync_resolve", summary, undoable=False) as s:
            row = s.get(SyncConflict, conflict_id)
            if row is None or row.resolved_at is not None:
                raise NotFound(CONFLICT_WORD)
            if keep == "mine":
                restore(s.get(model_for_table(row.entity), row.entity_id), json.loads(row.local_snapshot))
            row.resolved_at = utcnow()
            row.resolution = keep


def note_chain(answer: dict[str, Any], tally: "_Tally") -> None:
    """What the server noticed about this laptop's finalised chain, for the secretary (issue 15)."""
    message = CHAIN_NOTICES.get(answer.get("chain") or "")
    if message is not None:
        tally.warnings.add(message.format())


def _merge(model, base: dict | None, mine: dict, theirs: dict) -> dict[str, Any] | None:
    """This laptop's changed fields over the server's copy, when the two sides changed different fields
    and none of this laptop's is free text; None when the secretary has to decide."""
    if base is None:
        return None
    mine_changed = {k for k in mine if k not in _BOOKKEEPING and mine.get(k) != base.get(k)}
    theirs_changed = {k for k in theirs if k not in _BOOKKEEPING and theirs.get(k) != base.get(k)}
    if not mine_changed or mine_changed & theirs_changed:
        return None if mine_changed else {}
    text_columns = {c.key for c in model.__table__.columns if c.type.__class__.__name__ == "Text"}
    if mine_changed & text_columns:
        return None
    return {k: mine[k] for k in mine_changed}


def _cursor_before(held: list[dict[str, Any]], cursor: int) -> int:
    """The pull cursor to save: `cursor`, or just before the first change still held back."""
    seqs = [c["seq"] for c in held if isinstance(c.get("seq"), int)]
    return min([cursor, *(seq - 1 for seq in seqs)])


def _clash_text(row: RemoteRow) -> str:
    """SAME_KEY for one held record, naming it as the secretary knows it."""
    snap = row.snapshot
    name = snap.get("full_name") or snap.get("title") or snap.get("topic") or snap.get("month") or row.entity_id
    return SAME_KEY.format(table=f"{row.entity}: {name}")


def _keep_bases(s: Session, rows: list[tuple[str, str, int, dict[str, Any]]]) -> None:
    """Remember the pulled copies as the versions both laptops now share (one statement per page)."""
    if not rows:
        return
    values = [{"entity": e, "entity_id": i, "rev": rev, "snapshot": json.dumps(snap, ensure_ascii=False, sort_keys=True)}
              for e, i, rev, snap in rows]
    statement = sqlite_insert(SyncBase)
    s.execute(statement.on_conflict_do_update(index_elements=["entity", "entity_id"],
                                              set_={"rev": statement.excluded.rev,
                                                    "snapshot": statement.excluded.snapshot}), values)


def _keep_committee_record(s: Session, change: dict[str, Any]) -> None:
    row = s.get(CommitteeRecord, (change["entity"], change["entity_id"]))
    if row is not None and row.rev >= change["rev"]:
        return
    if row is None:
        row = CommitteeRecord(entity=change["entity"], entity_id=change["entity_id"])
        s.add(row)
    row.rev = change["rev"]
    row.snapshot = json.dumps(change.get("snapshot") or {}, ensure_ascii=False, sort_keys=True)
    row.deleted = bool(change.get("deleted"))
    row.received_at = utcnow()
