"""Transfer files (`.cellsec-sync`, carried on a USB stick): the committee imports a cell's file and
writes the answer file that goes back — the acknowledgement of every op plus everything for the cell
since the cursor the file declares. Same envelope, same rules as an HTTP push; a file is refused whole
when it is truncated, tampered with, from an unknown or revoked device, or already imported."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from cellsec.sync.protocol.envelope import Envelope, open_ops, seal_answer
from cellsec.sync.protocol.invitation import open_enrolment
from cellsec.sync.protocol.keys import PublicKeys

from .. import messages as m
from ..errors import ServerError
from . import batches, enrollment, feed
from .db import Store
from .models import Batch, Device
from .security import log_event


def import_bundle(store: Store, data: bytes, client: str = "file") -> tuple[bytes, dict[str, Any]]:
    """Apply a cell's transfer file; returns (answer file bytes, summary)."""
    envelope = Envelope.from_bytes(data)  # not a sync file, truncated, trailing bytes: refused here
    claimed = envelope.manifest
    if claimed.kind == "enrol":
        return _enrol(store, envelope, client)
    if claimed.kind != "ops":
        raise ServerError(400, "not_push_file", m.NOT_A_PUSH_FILE)
    with store.transaction() as s:
        device = s.get(Device, claimed.sender)
        if device is not None:
            s.expunge(device)
    if device is None:
        log_event(store, "file_foreign", device_id=claimed.sender[:36], cell_id=claimed.cell_id[:36], client=client)
        raise ServerError(403, "unknown_device", m.FOREIGN_FILE, device=claimed.sender[:36])
    manifest = envelope.verify(device.sign_public)  # tampered manifest or payload: refused here
    if device.revoked_at is not None:
        log_event(store, "revoked", device_id=device.id, cell_id=device.cell_id, client=client)
        raise ServerError(403, "revoked", m.REVOKED)
    if manifest.cell_id != device.cell_id:
        log_event(store, "other_cell", device_id=device.id, cell_id=manifest.cell_id, client=client)
        raise ServerError(403, "other_cell", m.OTHER_CELL)
    ops = open_ops(envelope, manifest, store.keys)
    with store.transaction() as s:
        earlier = s.scalars(select(Batch).where(Batch.device_id == device.id, Batch.batch_id == manifest.batch_id)
                            .order_by(Batch.id).limit(1)).first()
        if earlier is not None:
            raise ServerError(409, "already_imported", m.ALREADY_IMPORTED,
                              at=earlier.received_at.isoformat(timespec="seconds"))
        result = batches.apply_batch(s, device.id, manifest, ops)
    return _answer(store, device, manifest.cursor, result, manifest.batch_id)


def _answer(store: Store, device: Device, cursor: int, result: dict[str, Any],
            batch_id: str) -> tuple[bytes, dict[str, Any]]:
    """The answer file: `result` plus every change for the device's cell since `cursor`."""
    changes: list[dict[str, Any]] = []
    with store.transaction() as s:
        while True:
            page = feed.changes_since(s, device.id, cursor, feed.MAX_PAGE)
            changes += page["changes"]
            cursor = page["cursor"]
            if not page["more"]:
                break
    answer = seal_answer(result, changes, server_keys=store.keys, recipient_box=device.box_public,
                         cell_id=device.cell_id, cursor=cursor, batch_id=batch_id)
    return answer.to_bytes(), {"batch_id": batch_id, "cell_id": device.cell_id, "device_id": device.id,
                               "summary": result["summary"], "changes": len(changes), "cursor": cursor}


def _enrol(store: Store, envelope: Envelope, client: str) -> tuple[bytes, dict[str, Any]]:
    """A laptop's answer to an invitation file: enrol it (same rules as online enrolment: one-time code,
    rate limit, both-have-data) and answer with everything of its cell — the full copy a second laptop needs."""
    manifest, request = open_enrolment(envelope, store.keys)
    enrol = enrollment.EnrollRequest(
        code=str(request["code"])[:64], device_id=manifest.sender[:36], keys=PublicKeys.from_dict(request["keys"]),
        name=str(request.get("name", "")), app_version=str(request.get("app_version", "")),
        has_records=request.get("has_records") is True)
    with store.transaction() as s:
        answer, error = enrollment.enroll(s, store.keys, enrol, client)
    if error is not None:
        log_event(store, f"enroll_{error.code}", device_id=enrol.device_id, client=client)
        raise error
    with store.transaction() as s:
        device = s.get(Device, enrol.device_id)
        s.expunge(device)
    empty = {"results": [], "summary": {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0},
             "enrolled": answer}
    bytes_, summary = _answer(store, device, 0, empty, manifest.batch_id)
    return bytes_, {**summary, "enrolled": True}
