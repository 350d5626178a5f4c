"""What every part of the review service shares: JSON helpers, parsed rule-set snapshots, the part base
(its context, the finalisation into the shared chain, version listings)."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.members import IN_CELL_STATUSES
from ...domain.review_rules import RuleSet, parse_rule_set
from ...paths import resources_dir
from ...store.models.core import Audit, ChangeLog
from ...store.models.members import Member
from ...store.models.reviews import ReviewYear
from ..context import Context
from ..finalise import ChainReport, finalise
from ..lifecycle import finalise_document
from ..errors import ServiceError
from .messages import ALREADY_DECIDED, CHANGED_MEANWHILE, DECIDED, DRAFT, KIND_TABLES, NOT_SUBMITTED, SHIPPED_RULE_SETS
from .records import VersionInfo


# ---- helpers ---------------------------------------------------------------------------------------------------
def loads_json(text: str | None, default: Any) -> Any:
    if not text:
        return default
    return json.loads(text)


def dumps_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def scores_out(raw: dict[str, str]) -> dict[str, Decimal | None]:
    return {k: (Decimal(v) if v not in (None, "") else None) for k, v in raw.items()}


def level_or_none(value: str | None) -> str | None:
    return value or None


def shipped_rule_path(key: str):
    return resources_dir() / "rules" / f"{key}.json"


@lru_cache(maxsize=1)
def shipped_texts() -> dict[str, str]:
    return {key: shipped_rule_path(key).read_text(encoding="utf-8") for key in SHIPPED_RULE_SETS}


@lru_cache(maxsize=64)
def rules_from_json(text: str) -> RuleSet:
    """Parsed rule sets by their JSON text: a year's snapshot is parsed once, not on every read."""
    return parse_rule_set(json.loads(text))




def unchanged_since_read(status: str, version: int, seen: int, *, locked: bool = False) -> None:
    """Inside a finalising mutation (it holds the write lock): refuse when another window or process finalised
    the document since the caller read it at version `seen`. `locked`: an amendment (submitted or decided)."""
    if not locked and status == DRAFT:
        raise ServiceError(NOT_SUBMITTED)
    if not locked and status == DECIDED:
        raise ServiceError(ALREADY_DECIDED)
    if (version or 0) != (seen or 0):
        raise ServiceError(CHANGED_MEANWHILE, version=version)


class ReviewsPart:
    """Base of the parts that `ReviewService` (service.py) is composed of; every part works on one context."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # ==== finalisation (the shared lifecycle, cellsec.services.lifecycle) ===========================================
    def _finalise_version(self, s: Session, row: Any, kind: str, content: Callable[[Session, Any], dict], *,
                          status: str, stamp: str | None = None) -> None:
        """A new finalised version of a review (submitted, decided, amended): the shared lifecycle sets the
        status (and the time in `stamp`) and appends the version to the cell's hash chain, in this mutation."""
        row.version = (row.version or 0) + 1
        finalise_document(s, row, kind=kind, version=row.version, content=content, status=status, stamp=stamp)
        self._seal_undo(s, kind, row.id)

    def _finalise(self, s: Session, kind: str, entity_id: str, version: int, content: dict) -> None:
        """A finalised record that is not a lifecycle document (the year's summary): chained as it is."""
        finalise(s, self.ctx.cell_id, kind, entity_id, version, content)
        self._seal_undo(s, kind, entity_id)

    @staticmethod
    def _seal_undo(s: Session, kind: str, entity_id: str) -> None:
        """Earlier actions on a finalised record are sealed for undo, so Undo moves on to older, unrelated
        actions instead of stopping at them (Context.last_undoable would otherwise refuse them)."""
        s.flush()
        touched = select(ChangeLog.audit_id).where(ChangeLog.entity == KIND_TABLES[kind],
                                                   ChangeLog.entity_id == entity_id)
        for audit in s.scalars(select(Audit).where(Audit.id.in_(touched), Audit.undoable.is_(True))):
            audit.undoable = False

    def verify_chain(self) -> ChainReport:
        """The shared chain check ("Kiểm tra dữ liệu") over every finalised document of the cell."""
        return self.ctx.services.finalise.verify_chain()

    @staticmethod
    def _rules_of(s: Session, year_id: str) -> RuleSet:
        return rules_from_json(s.get(ReviewYear, year_id).rules_json)

    def _versions(self, kind: str, entity_id: str) -> list[VersionInfo]:
        return [VersionInfo(r.version, r.content.get("stage", ""), r.content.get("reason", ""), r.finalised_at,
                            r.hash)
                for r in self.ctx.services.finalise.records(kind, entity_id)]

    def _member_count(self, s: Session) -> int:
        return len(s.scalars(select(Member.id).where(Member.cell_id == self.ctx.cell_id, Member.deleted_at.is_(None),
                                                     Member.activity_status.in_(IN_CELL_STATUSES))).all())


VERSION_META = ("stage", "reason", "member_name", "number")


def latest_meta(session: Session, kind: str, entity_id: str) -> dict:
    from ...store.models.finalised import FinalisedDocument

    content = session.scalars(select(FinalisedDocument.content_json).where(
        FinalisedDocument.kind == kind, FinalisedDocument.entity_id == entity_id)
        .order_by(FinalisedDocument.seq.desc()).limit(1)).first()
    stored = json.loads(content) if content else {}
    return {k: stored[k] for k in VERSION_META if k in stored}
