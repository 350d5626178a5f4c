"""What the committee's records do once they are on the laptop (SYNC.md: a laptop "shows it and uses it").

A rubric the committee issued joins the cell's rubric list, read-only and in use for its target. A
classification decision fills the decided level of the member's review (or of the cell's collective
review), with the committee's decision number and date, exactly as if the secretary had entered it: a
decided review is finalised through the same lifecycle. A decision whose review is not submitted yet
waits and is applied at a later sync; one that differs from a level already recorded amends it, naming
the committee's decision. Run after every pull; applying is idempotent.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from ..domain import rubrics as R
from ..domain.messages import Msg
from ..services.errors import ServiceError
from ..services.reviews.records import DecisionInput
from ..store.models.sync import CommitteeRecord

BY_COMMITTEE = Msg("Theo quyết định số {number} ngày {date} của cấp ủy cấp trên",
                   "By decision {number} of {date} of the committee above")


def apply_committee_effects(services) -> int:
    """Apply the committee's records that are not reflected yet; returns how many decisions were applied."""
    _take_rubrics(services)
    decisions = _records(services, "classification_decisions")
    applied = 0
    for decision in decisions:
        try:
            applied += _apply_decision(services.reviews, decision)
        except ServiceError:
            continue  # e.g. the review is still a draft here: it is applied at a later sync
    return applied


def _records(services, entity: str) -> list[dict]:
    with services.ctx.read() as s:
        return [json.loads(row.snapshot) for row in s.scalars(
            select(CommitteeRecord).where(CommitteeRecord.entity == entity, CommitteeRecord.deleted.is_(False))
            .order_by(CommitteeRecord.received_at))]


def _take_rubrics(services) -> None:
    """Rubrics the committee issued join the cell's rubric list (read-only there, in use at once)."""
    rubrics = []
    for record in _records(services, "committee_rubrics"):
        try:
            rubrics.append(R.rubric_from_dict(json.loads(record["definition"])))
        except (R.RubricError, KeyError, TypeError, ValueError):
            continue  # a definition this version cannot read: shown on the Đồng bộ page, not used
    if rubrics and services.ctx.cell_id_or_none():
        services.rubrics.take_committee_rubrics(rubrics)


def _apply_decision(reviews, decision: dict) -> bool:
    data = DecisionInput(level=decision.get("level"), decision_no=decision.get("decision_number", ""),
                         decision_date=dt.date.fromisoformat(decision["decision_date"]))
    if decision.get("subject") == "member":
        record = reviews.get_review(decision["review_id"])
        if (record.decided_level, record.decision_no, record.decision_date) == (data.level, data.decision_no,
                                                                                  data.decision_date):
            return False
        if record.status == "decided":
            reviews.amend_review(record.id, _reason(data), decision=data)
        else:
            reviews.decide(record.id, data)
        return True
    year = int(decision["year"])
    record = reviews.collective(year)
    if (record.decided_level, record.decision_no, record.decision_date) == (data.level, data.decision_no,
                                                                              data.decision_date):
        return False
    if record.status == "decided":
        reviews.amend_collective(year, _reason(data), decision=data)
    else:
        reviews.decide_collective(year, data)
    return True


def _reason(data: DecisionInput) -> str:
    return BY_COMMITTEE.format(number=data.decision_no, date=data.decision_date.strftime("%d/%m/%Y"))
