"""Publishing from the web pages to all of a committee's cells or to some of them.

To all cells the admin module's committee-wide publishing is used as is (cells created later receive the
record too). To a chosen few, the same record is written to each of those cells only (no committee-wide
row), through the same `write_committee_record`, so it reaches them at their next sync like any other.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cellsec.domain.messages import Msg
from cellsec.domain.rubrics import Rubric, rubric_json
from cellsec.domain.text import clean_line, clean_text

from ..errors import ServerError
from . import admin
from .models import Cell, utcnow
from .records import lock_cell, write_committee_record

NO_CELLS = Msg("Hãy chọn ít nhất một chi bộ nhận.", "Choose at least one cell to receive it.")
NOT_OURS = Msg("Có chi bộ không thuộc cấp ủy này.", "A chosen cell is not under this committee.")


def _cells(session: Session, committee_id: str, cell_ids: list[str]) -> list[Cell]:
    if not cell_ids:
        raise ServerError(400, "no_cells", NO_CELLS)
    ids = sorted(set(cell_ids))  # fixed lock order, as the committee-wide publishing does
    found = list(session.scalars(select(Cell.id).where(Cell.id.in_(ids), Cell.committee_id == committee_id)))
    if len(found) != len(ids):
        raise ServerError(403, "not_ours", NOT_OURS)
    return [lock_cell(session, cid) for cid in ids]


def publish(session: Session, committee_id: str, entity: str, entity_id: str, fields: dict[str, Any],
            cell_ids: list[str] | None) -> str:
    """`fields` to every cell of the committee (`cell_ids` None) or to the given cells only."""
    if cell_ids is None:
        return admin.publish_committee_record(session, committee_id, entity, entity_id, fields)
    now = utcnow()
    for cell in _cells(session, committee_id, cell_ids):
        write_committee_record(session, cell, entity, entity_id, {**fields, "committee_id": committee_id},
                               f"committee:{committee_id}", now)
    return entity_id


def publish_rubrics(session: Session, committee_id: str, rubrics: list[Rubric], cell_ids: list[str] | None) -> list[str]:
    if cell_ids is None:
        return admin.publish_rubrics(session, committee_id, rubrics)
    ids = []
    now = utcnow()
    for rubric in rubrics:
        # The committee-wide form's fields and id (admin.publish_rubrics), so publishing to all later updates it.
        fields = {
            "key": rubric.key, "version": rubric.version, "name": rubric.name, "target": rubric.target,
            "effective_from": rubric.effective_from.isoformat(), "meeting_types": ",".join(rubric.meeting_types),
            "definition": rubric_json(rubric), "unverified": rubric.unverified, "issued_at": now.isoformat(),
        }
        entity_id = admin._record_id(committee_id, "rubric", rubric.key, str(rubric.version))
        ids.append(publish(session, committee_id, "committee_rubrics", entity_id, fields, cell_ids))
    return ids


def publish_rule_set(session: Session, committee_id: str, rules: Any, cell_ids: list[str] | None) -> str:
    """A review rule set the committee issues (resources/rules/review_*.json format, already validated)."""
    fields = {"key": rules.key, "version": rules.version, "name": rules.name,
              "issuing_document": rules.issuing_document, "effective_from": rules.effective_from.isoformat(),
              "content": json.dumps(rules.raw, ensure_ascii=False, sort_keys=True), "issued_at": utcnow().isoformat()}
    entity_id = admin._record_id(committee_id, "rule_set", rules.key, str(rules.version))
    return publish(session, committee_id, "committee_rule_sets", entity_id, fields, cell_ids)


def publish_guidance(session: Session, committee_id: str, title: str, body: str, number: str, date: dt.date | None,
                     attachment: dict[str, str] | None, cell_ids: list[str] | None) -> str:
    """A guidance document (the admin module's fields) with, optionally, its file: name, type, base64 data."""
    fields: dict[str, Any] = {"title": admin._require_name(title), "body": clean_text(body or ""),
                              "document_number": clean_line(number or ""),
                              "document_date": date.isoformat() if date else None, "issued_at": utcnow().isoformat()}
    if attachment:
        fields.update(file_name=clean_line(attachment["name"])[:200], file_type=attachment["type"][:100],
                      file_data=attachment["data"])
    return publish(session, committee_id, "guidance_documents", str(uuid.uuid4()), fields, cell_ids)
