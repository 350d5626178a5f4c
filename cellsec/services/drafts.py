"""Autosaved drafts of every editor, so a crash or power cut loses at most the last seconds of typing.

An editor calls `save(kind, key, payload)` a moment after the user stops typing (and every few seconds
while they type); its real save calls `discard`. When the editor opens, `load` returns a draft that is
still there — the program was closed without saving — and the editor offers it back. Drafts are local:
no audit row, no change-log row, no undo entry (see store/models/drafts.py).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlalchemy.exc import OperationalError

from ..store.base import utcnow
from ..store.models.drafts import Draft
from .context import Context
from .errors import WRITE_FAILED, failed


@dataclass(frozen=True)
class DraftCopy:
    payload: dict[str, Any]
    base_rev: int | None
    saved_at: dt.datetime


class DraftService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def save(self, kind: str, key: str, payload: dict[str, Any], base_rev: int | None = None) -> dt.datetime:
        at = utcnow()
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
        try:
            with self.ctx.store.sessions.begin() as s:
                s.merge(Draft(kind=kind, key=key, payload=text, base_rev=base_rev, saved_at=at))
        except OperationalError as exc:
            raise failed(WRITE_FAILED, exc) from exc
        return at

    def load(self, kind: str, key: str) -> DraftCopy | None:
        with self.ctx.read() as s:
            row = s.get(Draft, (kind, key))
            if row is None:
                return None
            return DraftCopy(json.loads(row.payload), row.base_rev, row.saved_at)

    def discard(self, kind: str, key: str) -> None:
        with self.ctx.store.sessions.begin() as s:
            s.execute(delete(Draft).where(Draft.kind == kind, Draft.key == key))
