"""The laptop's sync bookkeeping: which committee server it is enrolled with, the outbox watermark (the
last change-log seq the server acknowledged) and the pull cursor (the server's last seq applied here).

Both positions move in the same transaction as what they describe: the watermark with the recorded
acknowledgement, the cursor with the pulled rows, so an interrupted sync resumes exactly.
One row (id 1); not `Synced`: it describes this installation, it is never sent anywhere.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, UtcDateTime


class SyncState(Base):
    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    server_url: Mapped[str] = mapped_column(String(500), default="")
    server_keys: Mapped[str] = mapped_column(Text, default="")  # the server's public keys, pinned at enrolment
    device_id: Mapped[str] = mapped_column(String(36), default="")  # the device identity this store syncs as
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)  # outbox watermark
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
