"""Party document numbering (36-HD/VPTW): 'Số 05-BB/CB' — no colon after 'Số', hyphen before the type."""

from __future__ import annotations

import datetime as dt
import re

# Common type abbreviations (reference §4.5; the full official table is unverified).
TYPE_MINUTES = "BB"
TYPE_RESOLUTION = "NQ"
TYPE_REPORT = "BC"
TYPE_LIST = "DS"
TYPE_PLAN = "KH"
TYPE_INVITATION = "GM"  # giấy mời: common in Party numbers seen ("…-GM/ĐU"), not in the official table (unverified)

# The audit action of a document renumbered by sync (sync/numbers.py), and how many days the overview asks for
# its reprint: long enough to reach a monthly meeting's reprint, short enough not to stay for ever.
RENUMBERED_BY_SYNC = "sync_renumber"
REPRINT_REMINDER_DAYS = 30


def document_number(seq: int | None, doc_type: str, issuer: str) -> str:
    """'Số 05-BB/CB'; without a sequence number (a draft) the number is left blank for handwriting."""
    if seq is None:
        return f"Số      -{doc_type}/{issuer}"
    return f"Số {seq:02d}-{doc_type}/{issuer}"


def file_stem(kind: str, number: str | None = None, on: dt.date | None = None) -> str:
    """A file name (without suffix) that names the document itself, so two documents never propose the same
    name: 'bien-ban-so-03-bb-cb-2026-03-05'; a document without a number is 'bien-ban-du-thao-2026-03-05'."""
    from .text import fold

    def slug(text: str) -> str:
        return "-".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split())

    parts = [slug(kind)]
    if number is not None:
        parts.append(slug(number) if number.strip(" -") and any(ch.isdigit() for ch in number) else "du-thao")
    if on is not None:
        parts.append(on.isoformat())
    return "-".join(p for p in parts if p)


_RESOLVES = re.compile(r"\s*(?:[^\n:.]{0,60}\s)?quyết\s+nghị\s*:\s*", re.IGNORECASE)


def resolution_body(text: str | None) -> str:
    """The resolution's body without a lead-in "Chi bộ (thống nhất) quyết nghị:": the layout already prints
    "CHI BỘ … QUYẾT NGHỊ:" above the body, so the text must not say it again."""
    text = text or ""
    match = _RESOLVES.match(text)
    return text[match.end():] if match else text
