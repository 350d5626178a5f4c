"""Administration by committee officers (the command line now, web pages later): committees, cells and
their enrolment codes, devices, and committee-owned records that flow down to the cells."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cellsec.domain import review_rules
from cellsec.domain.rubrics import Rubric, rubric_json
from cellsec.domain.text import clean_line, clean_text
from cellsec.sync.protocol.invitation import Invitation
from cellsec.sync.protocol.keys import KeyPair

from .. import messages as m
from ..errors import ServerError
from .models import Cell, Committee, CommitteeRecord, Device, EnrollmentCode, Entity, utcnow
from .records import lock_cell, write_committee_record

# Crockford base32: no I, L, O, U, so a code read aloud or typed is hard to get wrong.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10  # 50 bits, shown as XXXXX-XXXXX
DEFAULT_CODE_DAYS = 7
_RECORD_NS = uuid.UUID("5b0c8f2e-6d0b-4e55-9c59-2f7f3f6a1c11")


def normalise_code(code: str) -> str:
    text = "".join(ch for ch in code.upper() if ch.isalnum())
    return text.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def _require_name(name: str) -> str:
    name = clean_line(name or "")
    if not name:
        raise ServerError(400, "empty_name", m.EMPTY_NAME)
    return name


def add_committee(session: Session, name: str) -> Committee:
    committee = Committee(id=str(uuid.uuid4()), name=_require_name(name), created_at=utcnow())
    session.add(committee)
    return committee


def list_committees(session: Session) -> list[dict[str, Any]]:
    return [{"id": c.id, "name": c.name, "created_at": c.created_at.isoformat()}
            for c in session.scalars(select(Committee).order_by(Committee.created_at))]


def get_committee(session: Session, committee_id: str) -> Committee:
    committee = session.get(Committee, committee_id)
    if committee is None:
        raise ServerError(404, "no_committee", m.NO_COMMITTEE, id=committee_id)
    return committee


def get_cell(session: Session, cell_id: str) -> Cell:
    cell = session.get(Cell, cell_id)
    if cell is None:
        raise ServerError(404, "no_cell", m.NO_CELL, id=cell_id)
    return cell


def new_enrollment_code(session: Session, cell_id: str, days: float = DEFAULT_CODE_DAYS,
                        now: dt.datetime | None = None) -> str:
    """A fresh one-time code for a laptop of the cell (the first, or a second laptop joining it)."""
    get_cell(session, cell_id)
    now = now or utcnow()
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    session.add(EnrollmentCode(cell_id=cell_id, code_hash=code_hash(raw), created_at=now,
                               expires_at=now + dt.timedelta(days=days)))
    return f"{raw[:5]}-{raw[5:]}"


def invite(session: Session, cell_id: str, server_keys: KeyPair, days: float = DEFAULT_CODE_DAYS,
           server_url: str = "") -> Invitation:
    """An invitation file's content: a fresh one-time code with the cell and the server's keys, for a laptop
    that enrols without a network (sync/protocol/invitation.py)."""
    cell = get_cell(session, cell_id)
    committee = session.get(Committee, cell.committee_id)
    now = utcnow()
    code = new_enrollment_code(session, cell_id, days, now)
    return Invitation(cell_id=cell.id, cell_name=cell.name, committee_id=committee.id, committee_name=committee.name,
                      code=code, expires_at=(now + dt.timedelta(days=days)).isoformat(timespec="seconds"),
                      server_keys=server_keys.public.to_dict(), server_url=server_url)


def add_cell(session: Session, committee_id: str, name: str, days: float = DEFAULT_CODE_DAYS) -> tuple[Cell, str]:
    """Create a cell under a committee; it receives the committee's published records at once."""
    get_committee(session, committee_id)
    now = utcnow()
    cell = Cell(id=str(uuid.uuid4()), committee_id=committee_id, name=_require_name(name), created_at=now,
                feed_seq=0)
    session.add(cell)
    session.flush()
    for record in session.scalars(select(CommitteeRecord).where(CommitteeRecord.committee_id == committee_id,
                                                                CommitteeRecord.deleted.is_(False))):
        fields = {k: v for k, v in record.snapshot.items()
                  if k not in ("id", "cell_id", "rev", "created_at", "updated_at", "deleted_at")}
        write_committee_record(session, cell, record.entity, record.entity_id, fields,
                               f"committee:{committee_id}", now)
    return cell, new_enrollment_code(session, cell.id, days, now)


def list_cells(session: Session, committee_id: str | None = None) -> list[dict[str, Any]]:
    query = select(Cell).order_by(Cell.created_at)
    if committee_id:
        query = query.where(Cell.committee_id == committee_id)
    cells = list(session.scalars(query))
    counts: dict[str, dict[str, int]] = {c.id: {} for c in cells}
    count_query = (select(Entity.cell_id, Entity.entity, func.count())
                   .where(Entity.deleted.is_(False)).group_by(Entity.cell_id, Entity.entity))
    for cell_id, entity, n in session.execute(count_query):
        if cell_id in counts:
            counts[cell_id][entity] = n
    devices: dict[str, int] = dict(session.execute(
        select(Device.cell_id, func.count()).where(Device.revoked_at.is_(None)).group_by(Device.cell_id)).all())
    return [{
        "id": c.id, "name": c.name, "committee_id": c.committee_id, "created_at": c.created_at.isoformat(),
        "last_sync": c.last_sync.isoformat() if c.last_sync else None, "devices": devices.get(c.id, 0),
        "changes": c.feed_seq, "entities": dict(sorted(counts[c.id].items())),
    } for c in cells]


def list_devices(session: Session, cell_id: str | None = None) -> list[dict[str, Any]]:
    query = select(Device).order_by(Device.enrolled_at)
    if cell_id:
        query = query.where(Device.cell_id == cell_id)
    return [{
        "id": d.id, "cell_id": d.cell_id, "name": d.name, "app_version": d.app_version,
        "enrolled_at": d.enrolled_at.isoformat(), "last_seen": d.last_seen.isoformat() if d.last_seen else None,
        "last_seq": d.last_seq, "revoked_at": d.revoked_at.isoformat() if d.revoked_at else None,
    } for d in session.scalars(query)]


def revoke_device(session: Session, device_id: str) -> Device:
    device = session.get(Device, device_id)
    if device is None:
        raise ServerError(404, "no_device", m.NO_DEVICE, id=device_id)
    if device.revoked_at is None:
        device.revoked_at = utcnow()
    return device


# ---- committee-owned records ---------------------------------------------------------------------

def _record_id(*parts: str) -> str:
    """Deterministic id, so publishing or deciding the same thing again updates instead of duplicating."""
    return str(uuid.uuid5(_RECORD_NS, "|".join(parts)))


def publish_committee_record(session: Session, committee_id: str, entity: str, entity_id: str,
                             fields: dict[str, Any]) -> str:
    """A committee-wide record: stored once for the committee and written to each of its cells."""
    get_committee(session, committee_id)
    now = utcnow()
    author = f"committee:{committee_id}"
    record = session.get(CommitteeRecord, (committee_id, entity, entity_id))
    if record is None:
        record = CommitteeRecord(committee_id=committee_id, entity=entity, entity_id=entity_id, rev=0)
        session.add(record)
    record.rev += 1
    record.snapshot = {**fields, "committee_id": committee_id}
    record.deleted = False
    record.updated_at = now
    cell_ids = list(session.scalars(select(Cell.id).where(Cell.committee_id == committee_id).order_by(Cell.id)))
    for cell_id in cell_ids:  # a fixed order, so two publishers cannot deadlock on the cell locks
        write_committee_record(session, lock_cell(session, cell_id), entity, entity_id, record.snapshot, author, now)
    return entity_id


def publish_rubrics(session: Session, committee_id: str, rubrics: list[Rubric]) -> list[str]:
    ids = []
    now = utcnow()
    for rubric in rubrics:
        fields = {
            "key": rubric.key, "version": rubric.version, "name": rubric.name, "target": rubric.target,
            "effective_from": rubric.effective_from.isoformat(), "meeting_types": ",".join(rubric.meeting_types),
            "definition": rubric_json(rubric), "unverified": rubric.unverified, "issued_at": now.isoformat(),
        }
        entity_id = _record_id(committee_id, "rubric", rubric.key, str(rubric.version))
        ids.append(publish_committee_record(session, committee_id, "committee_rubrics", entity_id, fields))
    return ids


def add_guidance(session: Session, committee_id: str, title: str, body: str, number: str = "",
                 date: dt.date | None = None) -> str:
    fields = {"title": _require_name(title), "body": clean_text(body or ""), "document_number": clean_line(number),
              "document_date": date.isoformat() if date else None, "issued_at": utcnow().isoformat()}
    return publish_committee_record(session, committee_id, "guidance_documents", str(uuid.uuid4()), fields)


def _cell_record(session: Session, cell_id: str, entity: str, entity_id: str) -> Entity:
    record = session.get(Entity, (cell_id, entity, entity_id))
    if record is None or record.deleted:
        raise ServerError(404, "no_record", m.NO_RECORD, entity=entity, id=entity_id)
    return record


def _level(level: str) -> str:
    found = review_rules.level_from_name(level)
    if found is None:
        raise ServerError(400, "bad_level", m.BAD_LEVEL, level=level)
    return found


def add_decision(session: Session, cell_id: str, level: str, number: str, date: dt.date,
                 review_id: str | None = None, year: int | None = None, note: str = "") -> str:
    """The committee's classification decision: of one member's review (`review_id`), or of the cell for
    a year. Deciding again replaces the decision (same record, next revision)."""
    cell = get_cell(session, cell_id)
    fields: dict[str, Any] = {"level": _level(level), "decision_number": clean_line(number),
                              "decision_date": date.isoformat(), "note": clean_text(note or "")}
    if review_id:
        try:
            review = _cell_record(session, cell_id, "member_reviews", review_id)
        except ServerError:
            raise ServerError(404, "no_review", m.NO_REVIEW, id=review_id) from None
        fields.update(subject="member", review_id=review_id, member_id=review.snapshot.get("member_id"),
                      year=review.snapshot.get("year"))
        entity_id = _record_id(cell.id, "decision", review_id)
    else:
        fields.update(subject="cell", review_id=None, member_id=None, year=year)
        entity_id = _record_id(cell.id, "decision", "cell", str(year))
    lock_cell(session, cell.id)
    write_committee_record(session, cell, "classification_decisions", entity_id, fields,
                           f"committee:{cell.committee_id}", utcnow())
    return entity_id


def add_recognition(session: Session, cell_id: str, year: int, number: str, date: dt.date, note: str = "") -> str:
    """Recognition of the cell as "Chi bộ 5 tốt" for a year."""
    cell = get_cell(session, cell_id)
    entity_id = _record_id(cell.id, "five_good", str(year))
    fields = {"year": year, "decision_number": clean_line(number), "decision_date": date.isoformat(),
              "note": clean_text(note or "")}
    lock_cell(session, cell.id)
    write_committee_record(session, cell, "five_good_recognitions", entity_id, fields,
                           f"committee:{cell.committee_id}", utcnow())
    return entity_id


def add_comment(session: Session, cell_id: str, entity: str, entity_id: str, text: str, author: str = "") -> str:
    """A committee comment on one of the cell's records (which must have been sent up)."""
    cell = get_cell(session, cell_id)
    _cell_record(session, cell_id, entity, entity_id)
    comment_id = str(uuid.uuid4())
    # The committee's name travels with the comment: the laptop shows who above the cell wrote it.
    committee = session.get(Committee, cell.committee_id)
    fields = {"target_entity": entity, "target_id": entity_id, "text": clean_text(text or ""),
              "author": clean_line(author or ""), "committee_name": committee.name if committee else ""}
    lock_cell(session, cell.id)
    write_committee_record(session, cell, "committee_comments", comment_id, fields,
                           f"committee:{cell.committee_id}", utcnow())
    return comment_id
