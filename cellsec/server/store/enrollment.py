"""Enrolment: a laptop trades a one-time code for a place in a cell (its device id and public keys are
recorded; it receives the cell id and the server's public keys to pin).

Wrong codes are rate-limited per client address: after MAX_FAILURES wrong tries within WINDOW every try
from that address is refused until the window has passed, so 50-bit codes cannot be guessed online.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from cellsec.sync.protocol.keys import KeyPair, PublicKeys

from .. import messages as m
from ..errors import ServerError
from .admin import code_hash
from .models import Cell, Committee, Device, EnrollmentCode, EnrollmentFailure, Entity, utcnow

MAX_FAILURES = 5
WINDOW = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class EnrollRequest:
    code: str
    device_id: str
    keys: PublicKeys
    name: str = ""
    app_version: str = ""
    has_records: bool = False  # the laptop already keeps this cell's records (its first laptop)


def _fail(session: Session, client: str, now: dt.datetime, error: ServerError) -> ServerError:
    session.add(EnrollmentFailure(client=client, at=now))
    return error


def enroll(session: Session, server_keys: KeyPair, request: EnrollRequest, client: str,
           now: dt.datetime | None = None) -> tuple[dict[str, Any] | None, ServerError | None]:
    """Returns (answer, None) or (None, refusal). A refusal is returned, not raised, so the caller commits
    the failure record that the rate limit counts."""
    now = now or utcnow()
    session.execute(delete(EnrollmentFailure).where(EnrollmentFailure.at < now - 2 * WINDOW))
    recent = session.scalar(select(func.count()).select_from(EnrollmentFailure).where(
        EnrollmentFailure.client == client, EnrollmentFailure.at >= now - WINDOW))
    if recent >= MAX_FAILURES:
        oldest = session.scalar(select(func.min(EnrollmentFailure.at)).where(
            EnrollmentFailure.client == client, EnrollmentFailure.at >= now - WINDOW))
        minutes = max(1, int(((oldest + WINDOW) - now).total_seconds() // 60) + 1)
        return None, ServerError(429, "rate_limited", m.TOO_MANY_TRIES, minutes=minutes)
    code = session.scalars(select(EnrollmentCode).where(EnrollmentCode.code_hash == code_hash(request.code))
                           .with_for_update()).one_or_none()
    if code is None:
        return None, _fail(session, client, now, ServerError(403, "code_wrong", m.CODE_WRONG))
    if code.used_at is not None:
        return None, _fail(session, client, now, ServerError(403, "code_used", m.CODE_USED))
    if code.expires_at <= now:
        return None, _fail(session, client, now, ServerError(403, "code_expired", m.CODE_EXPIRED))
    if session.get(Device, request.device_id) is not None:
        return None, ServerError(409, "device_taken", m.DEVICE_TAKEN)
    cell = session.get(Cell, code.cell_id)
    # Records of the cell on the server AND on the laptop would be two histories of one cell: refused before
    # the code is spent, so the secretary can use it again from an empty data folder. The committee's own
    # records, which every cell receives, do not count.
    if request.has_records and session.scalar(select(Entity.entity_id).where(
            Entity.cell_id == cell.id, Entity.owner == "cell").limit(1)) is not None:
        return None, ServerError(409, "both_have_data", m.BOTH_HAVE_DATA)
    committee = session.get(Committee, cell.committee_id)
    code.used_at = now
    code.used_by = request.device_id
    session.add(Device(id=request.device_id, cell_id=cell.id, name=request.name[:200],
                       sign_public=request.keys.sign, box_public=request.keys.box,
                       app_version=request.app_version[:40], enrolled_at=now, last_seq=0, last_seen=now))
    return {
        "device_id": request.device_id, "cell_id": cell.id, "cell_name": cell.name,
        "committee_id": committee.id, "committee_name": committee.name,
        "server_keys": server_keys.public.to_dict(),
    }, None
