"""The seal of a cell's finalised chain: its length and head, kept outside the database under a key.

A person holding only the database file can delete the newest finalised records, or all of them, or
rewrite the whole chain with fresh SHA-256 hashes, and the chain alone still looks whole. So after every
commit that finalises something, this laptop writes the chain's length and head, with an HMAC under a key
of its own, to a file in the user's config folder (beside the sync device identity, keyed by the data
folder's path). `check` compares the database's chain with the seal; a shorter chain, another record at
the sealed position, or a seal whose HMAC does not verify is reported.

The chain's own hashes stay plain SHA-256, so the committee server and the cell's other laptop can check
records they receive; the seal is local. The server gets the head too (`FinaliseService.head`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from ..domain.hashchain import seal_mac

PENDING = "chain_seal"  # session.info key: {cell_id: (data_dir, count, head)} to seal after commit


@dataclass(frozen=True)
class Seal:
    count: int
    head: str
    valid: bool  # the HMAC verifies under this laptop's key


def seal_file(data_dir: Path) -> Path:
    from ..sync.device import config_dir  # late: the sync package is not needed to finalise

    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:24]
    return config_dir() / "chains" / f"{digest}.json"


def _load(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read(data_dir: Path, cell_id: str) -> Seal | None:
    """The seal of the cell's chain on this laptop, None when none was written (new data folder, moved
    data, or nothing finalised here yet)."""
    data = _load(seal_file(data_dir))
    entry = data.get("cells", {}).get(cell_id)
    if not isinstance(entry, dict):
        return None
    try:
        key = bytes.fromhex(data["key"])
        count, head, mac = int(entry["count"]), str(entry["head"]), str(entry["mac"])
    except (KeyError, TypeError, ValueError):
        return Seal(0, "", False)
    return Seal(count, head, hmac.compare_digest(mac, seal_mac(key, cell_id, count, head)))


def write(data_dir: Path, cell_id: str, count: int, head: str, *, restored: bool = False) -> None:
    """Record the chain's length and head (only forward: a lower count never replaces a higher one, except
    after the secretary restored a backup in the program, which deliberately goes back to its chain)."""
    path = seal_file(data_dir)
    data = _load(path)
    try:
        key = bytes.fromhex(data["key"])
    except (KeyError, TypeError, ValueError):
        key = secrets.token_bytes(32)
        data = {"data_dir": str(Path(data_dir).resolve()), "cells": {}}
    cells = data.setdefault("cells", {})
    old = cells.get(cell_id)
    if isinstance(old, dict) and int(old.get("count", 0)) > count and not restored:
        return
    cells[cell_id] = {"count": count, "head": head, "mac": seal_mac(key, cell_id, count, head)}
    data["key"] = key.hex()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # the key: this user only
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def seal_after_commit(session: Session, cell_id: str, count: int, head: str) -> None:
    """Called by `finalise` inside the mutation: the seal moves only once the records are committed."""
    data_dir = Path(session.get_bind().url.database).parent
    session.info.setdefault(PENDING, {})[cell_id] = (data_dir, count, head)


@event.listens_for(Session, "after_commit")
def _write_pending(session: Session) -> None:
    pending = session.info.pop(PENDING, None)
    for cell_id, (data_dir, count, head) in (pending or {}).items():
        try:
            write(data_dir, cell_id, count, head)
        except OSError as exc:
            # The records are committed; a config folder that cannot be written only leaves the seal behind
            # (the next successful check moves it on). Failing the committed action over it would be worse.
            logging.getLogger("cellsec").warning("chain seal not written: %s", exc)


@event.listens_for(Session, "after_rollback")
def _drop_pending(session: Session) -> None:
    session.info.pop(PENDING, None)
