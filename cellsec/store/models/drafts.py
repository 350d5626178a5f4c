"""Autosaved drafts of whatever an editor holds (a review, a score sheet, commitments…), one row per editor.

Not `Synced`: an autosave is not a user action, so it writes no audit row and no change-log snapshot (a
snapshot every few seconds would flood the outbox). The editor's real save deletes its draft; a draft that
is still there when the editor opens again is offered back (the program was closed without saving).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, UtcDateTime


class Draft(Base):
    __tablename__ = "drafts"
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)  # the editor: "member_review", "score_sheet"…
    key: Mapped[str] = mapped_column(String(120), primary_key=True)  # what it edits (usually a record id)
    payload: Mapped[str] = mapped_column(Text)  # the editor's state as JSON
    base_rev: Mapped[int | None] = mapped_column(Integer, default=None)  # the record revision it was edited from
    saved_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
