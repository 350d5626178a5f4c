"""Canonical JSON and the SHA-256 chain of finalised documents (DESIGN.md "Data model rules").

Each finalised version's hash covers its canonical JSON envelope — kind, entity id, version, time of
finalisation, the content and the previous hash of the cell's chain — so changing any of them, or
re-ordering or dropping a record, breaks the chain at a point a check can name.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import unicodedata
from typing import Any

GENESIS = "0" * 64  # prev_hash of the first finalised record of a cell


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_nfc(v) for v in value]
    return value


def canonical_json(value: Any) -> str:
    """Sorted keys, no insignificant whitespace, NFC strings, UTF-8 kept as is (not \\u escapes)."""
    return json.dumps(_nfc(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def chain_hash(kind: str, entity_id: str, version: int, finalised_at: str, content: Any, prev_hash: str) -> str:
    envelope = {"kind": kind, "entity_id": entity_id, "version": version, "finalised_at": finalised_at,
                "content": content, "prev_hash": prev_hash}
    return hashlib.sha256(canonical_json(envelope).encode("utf-8")).hexdigest()


def seal_mac(key: bytes, cell_id: str, count: int, head: str) -> str:
    """HMAC-SHA-256 of a chain's length and head under a key kept outside the database. The chain's own
    hashes stay plain SHA-256 so the server and the cell's other laptop can check them; the seal is what a
    person holding only the database cannot recompute after truncating or rewriting the chain."""
    message = canonical_json({"cell_id": cell_id, "count": count, "head": head}).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()
