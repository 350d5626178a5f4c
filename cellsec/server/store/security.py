"""Checking a signed request: known device, valid signature, time within the window, not revoked, nonce
never seen; and the security log of refusals (table + the `cellsec.server.security` logger)."""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Mapping

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from cellsec.sync.protocol.errors import ProtocolError
from cellsec.sync.protocol.signing import TIME_WINDOW_S, parse_headers, verify_request

from .. import messages as m
from ..errors import ServerError
from .db import Store
from .models import Device, Nonce, SecurityEvent, utcnow

log = logging.getLogger("cellsec.server.security")


def log_event(store: Store, kind: str, device_id: str = "", cell_id: str = "", client: str = "",
              detail: str = "") -> None:
    """Record a refusal in its own transaction (the refused request's work is rolled back)."""
    log.warning("refused %s: device=%s cell=%s client=%s %s", kind, device_id, cell_id, client, detail)
    with store.transaction() as session:
        session.add(SecurityEvent(kind=kind, device_id=device_id[:36], cell_id=cell_id[:36], client=client[:100],
                                  detail=detail[:2000]))


def authenticate(store: Store, method: str, path: str, headers: Mapping[str, str], body: bytes, client: str,
                 now: dt.datetime | None = None) -> Device:
    """The device that signed this request, or a ServerError (401/403) that has been logged."""
    now = now or utcnow()
    try:
        signed = parse_headers(headers)
    except ProtocolError as exc:
        log_event(store, exc.code, client=client, detail=f"{method} {path}")
        raise ServerError(401, exc.code, exc.msg, **exc.params) from None
    with store.transaction() as session:
        device = session.get(Device, signed.device_id)
        if device is None:
            error = ServerError(401, "unknown_device", m.UNKNOWN_DEVICE)
        else:
            try:
                verify_request(signed, method, path, body, device.sign_public, now=now.timestamp())
                error = None
            except ProtocolError as exc:
                error = ServerError(401, exc.code, exc.msg, **exc.params)
            if error is None and device.revoked_at is not None:
                error = ServerError(403, "revoked", m.REVOKED)
        if error is None:
            try:
                with session.begin_nested():
                    session.add(Nonce(device_id=device.id, nonce=signed.nonce, at=now))
            except IntegrityError:
                error = ServerError(401, "replay", m.REPLAY)
        if error is None:
            if random.random() < 0.02:
                session.execute(delete(Nonce).where(Nonce.at < now - dt.timedelta(seconds=3 * TIME_WINDOW_S)))
            device.last_seen = now
            session.flush()
            session.expunge(device)
            return device
    log_event(store, error.code, device_id=signed.device_id, cell_id=device.cell_id if device else "",
              client=client, detail=f"{method} {path}")
    raise error


def check_cell(store: Store, device: Device, cell_id: str, client: str, what: str) -> None:
    """A device reads and writes only its own cell: anything else is 403 and logged."""
    if cell_id != device.cell_id:
        log_event(store, "other_cell", device_id=device.id, cell_id=cell_id, client=client,
                  detail=f"{what} (device cell {device.cell_id})")
        raise ServerError(403, "other_cell", m.OTHER_CELL)
