"""Party document numbering (36-HD/VPTW): 'Số 05-BB/CB' — no colon after 'Số', hyphen before the type."""

from __future__ import annotations

# Common type abbreviations (reference §4.5; the full official table is unverified).
TYPE_MINUTES = "BB"
TYPE_RESOLUTION = "NQ"
TYPE_REPORT = "BC"
TYPE_LIST = "DS"


def document_number(seq: int | None, doc_type: str, issuer: str) -> str:
    """'Số 05-BB/CB'; without a sequence number (a draft) the number is left blank for handwriting."""
    if seq is None:
        return f"Số      -{doc_type}/{issuer}"
    return f"Số {seq:02d}-{doc_type}/{issuer}"
