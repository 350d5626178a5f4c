"""Sync without a network: transfer files (`.cellsec-sync`) carried on a USB stick (issue 16, SYNC.md).

The laptop writes everything not yet acknowledged as one envelope — the same signed, encrypted envelope
an HTTP push sends — and the committee imports it (`cellsec-server bundle import`), which writes the
answer file: the results of every op plus everything for the cell since the cursor the file declared.
Importing the answer applies it exactly as an HTTP answer and pull would, in ONE transaction: a file that
is truncated, tampered with, meant for another cell or another laptop, or signed by another server is
refused whole, and importing the same answer twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..domain.messages import Msg
from ..domain.text import fold
from ..store import sync_state
from ..store.models.core import ChangeLog
from .errors import SyncError
from .protocol.envelope import FILE_SUFFIX, open_answer, read_file, write_file
from .protocol.errors import ProtocolError
from .protocol.invitation import INVITATION_EXPIRED, Invitation, read_invitation, seal_enrolment
from .protocol.keys import load_sign_public

FILE_REFUSED = Msg("Không nhận tệp này: {reason}", "This file was refused: {reason}")
NOT_FOR_THIS_CELL = Msg(
    "tệp trả lời dành cho một chi bộ khác, không phải chi bộ trên máy này",
    "the answer file is for another cell, not the one on this laptop",
)
NOT_FOR_THIS_LAPTOP = Msg(
    "tệp trả lời dành cho một máy khác của chi bộ (mỗi máy nhận tệp trả lời của chính mình)",
    "the answer file is for another laptop of the cell (each laptop takes its own answer file)",
)
NOT_AN_ANSWER = Msg(
    "đây là tệp gửi lên cấp trên, không phải tệp trả lời của cấp trên",
    "this is a file for the committee, not the committee's answer",
)
WRITE_FAILED = Msg(
    "Không ghi được tệp {path} (ổ đĩa đầy, USB đã bị rút, hoặc không có quyền ghi). Các thay đổi vẫn chờ gửi; "
    "hãy thử lại.",
    "Could not write {path} (disk full, USB stick removed, or no permission). The changes are still waiting; "
    "try again.",
)
READ_FAILED = Msg("Không đọc được tệp {path}.", "Could not read {path}.")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    ops: int
    seq_last: int | None


def default_name(cell_name: str, on: dt.date, what: str = "") -> str:
    """"chi-bo-thon-3_2026-12-03.cellsec-sync": the cell and the date, no accents (any USB stick, any OS);
    `what` names a file that is not the usual changes file ("dang-ky-may")."""
    slug = "-".join(fold(cell_name).split()) or "chi-bo"
    slug = "".join(ch for ch in slug if ch.isalnum() or ch == "-")
    return f"{slug}_{what + '_' if what else ''}{on.isoformat()}{FILE_SUFFIX}"


def export_file(service, path: Path) -> ExportResult:
    """Write every change not yet acknowledged to `path`. Nothing is marked sent: the answer file does."""
    device, _url, cell_id, server_box = service._session()
    with service.ctx.read() as s:
        ops = service.ops_of(sync_state.outbox(s, None), device.id)
        cursor = sync_state.state(s).pull_cursor
    envelope = service.seal(ops, device, cell_id, server_box, cursor)
    try:
        write_file(path, envelope)
    except OSError:
        Path(f"{path}.part").unlink(missing_ok=True)
        raise SyncError(WRITE_FAILED, path=str(path)) from None
    return ExportResult(Path(path), len(ops), ops[-1].seq if ops else None)


def read_invitation_file(path: Path) -> Invitation:
    """The committee's invitation (enrolment without a network), refused with the reason if wrong or old."""
    try:
        invitation = read_invitation(path)
    except ProtocolError as exc:
        raise SyncError(FILE_REFUSED, reason=exc.msg.format(**exc.params)) from None
    except OSError:
        raise SyncError(READ_FAILED, path=str(path)) from None
    if invitation.expired():
        expiry = dt.datetime.fromisoformat(invitation.expires_at).date()
        raise SyncError(FILE_REFUSED, reason=INVITATION_EXPIRED.format(date=expiry.strftime("%d/%m/%Y")))
    return invitation


def write_enrolment(invitation: Invitation, path: Path, device, name: str, has_records: bool) -> None:
    """The enrolment file the secretary carries back to the committee (before anything is recorded here)."""
    from .. import __version__

    envelope = seal_enrolment(invitation, device_id=device.id, keys=device.keys, name=name,
                              app_version=__version__, has_records=has_records)
    try:
        write_file(path, envelope)
    except OSError:
        Path(f"{path}.part").unlink(missing_ok=True)
        raise SyncError(WRITE_FAILED, path=str(path)) from None


def import_answer(service, path: Path):
    """Apply the committee's answer file; returns the SyncResult. Refused whole, with the reason, if wrong."""
    from .service import _cursor_before, _Pulled, _Tally, note_chain

    device, _url, cell_id, _server_box = service._session()
    with service.ctx.read() as s:
        server_keys = json.loads(sync_state.state(s).server_keys)
    try:
        envelope = read_file(path)
        if envelope.manifest.kind != "answer":  # what the file says it is, before checking who signed it
            raise SyncError(FILE_REFUSED, reason=NOT_AN_ANSWER.format())
        manifest = envelope.verify(load_sign_public(server_keys["sign"]))
        if manifest.cell_id != cell_id:
            raise SyncError(FILE_REFUSED, reason=NOT_FOR_THIS_CELL.format())
        if manifest.recipient != device.keys.public.box:
            raise SyncError(FILE_REFUSED, reason=NOT_FOR_THIS_LAPTOP.format())
        answer, changes = open_answer(envelope, manifest, device.keys)
    except ProtocolError as exc:
        raise SyncError(FILE_REFUSED, reason=exc.msg.format(**exc.params)) from None
    except OSError:
        raise SyncError(READ_FAILED, path=str(path)) from None
    results = answer.get("results", [])
    note_chain(answer, tally := _Tally())
    seqs = [r["seq"] for r in results if isinstance(r.get("seq"), int)]
    pulled = _Pulled()
    with service.ctx.store.sessions.begin() as s:
        rows = s.scalars(select(ChangeLog).where(ChangeLog.seq.in_(seqs)).order_by(ChangeLog.seq)).all()
        service.record_results(s, service.ops_of(rows, device.id), results, tally)
        if seqs:
            sync_state.acknowledge(s, max(seqs))
        held = service.apply_changes(s, changes, tally.forced, pulled)
        sync_state.advance_cursor(s, _cursor_before([c for c in changes if (c["entity"], c["entity_id"]) in held],
                                                    manifest.cursor))
    return service.finish(tally, pulled)
