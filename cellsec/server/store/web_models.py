"""Tables of the committee's web pages: staff accounts, their sign-in sessions, and the per-cell overview
figures cached by the cell's feed seq (migration 0002).

- `web_users`: one officer or administrator of one committee; the password only as an argon2 hash; wrong
  passwords counted on the row, so every worker sees the same lock-out.
- `web_sessions`: a signed-in browser; only the SHA-256 of the cookie's token is kept (a database leak gives
  no usable session), with the session's own CSRF token.
- `cell_overview`: the overview's figures of one cell for one year, computed by SQL aggregates over the
  cell's snapshots and valid while `cells.feed_seq` is unchanged (every push or committee write bumps it),
  so the overview of 1,000 cells reads 1,000 small rows and recomputes only the cells that changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, JsonDoc, UtcDateTime, utcnow

OFFICER, ADMIN = "officer", "admin"
ROLES = (OFFICER, ADMIN)


class WebUser(Base):
    __tablename__ = "web_users"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    login: Mapped[str] = mapped_column(String(80), unique=True)  # stored folded to lower case
    committee_id: Mapped[str] = mapped_column(ForeignKey("committees.id"), index=True)
    role: Mapped[str] = mapped_column(String(10))  # officer | admin
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_login: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)


class WebSession(Base):
    __tablename__ = "web_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("web_users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    client: Mapped[str] = mapped_column(String(100), default="")


class CellOverview(Base):
    __tablename__ = "cell_overview"
    cell_id: Mapped[str] = mapped_column(ForeignKey("cells.id", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    feed_seq: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    computed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
