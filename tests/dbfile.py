"""Open a CellSec database file directly, as a test that edits it behind the program's back must: the file
is encrypted under this session's key (tests/conftest.py sets CELLSEC_KEY_DIR); a plain file opens as it is."""

from __future__ import annotations

from pathlib import Path

from cellsec.store import cipher, keys


def connect(path: Path, **kwargs: object) -> cipher.Connection:
    return cipher.connect(Path(path), keys.load(), **kwargs)
