"""Files CellSec writes for itself (the database, its -wal/-shm, backups, drafts, the log, transfer files)
are the user's alone: 0600 files in 0700 folders on Linux and macOS. On Windows the user's profile folder
already restricts them, and chmod only knows the read-only bit there, so nothing is done. Exports the user
asks for (PDF, XLSX) are not made private: they are meant to be shared.

The log file (`logs/cellsec.log` in the data folder) holds the technical details that messages on screen
leave out (SQL, error codes, tracebacks).
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
LOG_NAME = "cellsec.log"

_POSIX = os.name == "posix"  # Linux and macOS


def create_private(path: Path) -> None:
    """Create (or empty) a file that is private from its first byte. SQLite gives a database's -wal, -shm
    and journal files the mode of the database file itself, so they follow."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    os.close(fd)
    make_private(path)  # an existing file keeps its old mode through O_CREAT


def private_opener(path: str, flags: int) -> int:
    """`open(path, "wb", opener=private_opener)`: a new file is 0600 from its creation."""
    return os.open(path, flags, PRIVATE_FILE)


def make_private(path: Path) -> None:
    """Restrict an existing file or folder to the user; a file system without modes (a FAT stick) is left."""
    if not _POSIX:
        return
    path = Path(path)
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_DIR if path.is_dir() else PRIVATE_FILE)


def private_dir(path: Path) -> Path:
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    make_private(path)
    return path


def make_tree_private(folder: Path) -> None:
    """The data folder and what is in it, for data written by an older version (0644/0755)."""
    folder = Path(folder)
    if not _POSIX or not folder.is_dir():
        return
    make_private(folder)
    for root, dirs, names in os.walk(folder):
        for name in dirs + names:
            make_private(Path(root) / name)


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / "logs" / LOG_NAME


def attach_log(data_dir: Path) -> Path | None:
    """Send the "cellsec" logger to the data folder's log file (rotated at 1 MB), in place of the log of a
    folder opened before. Returns the file, or None when it cannot be written (the log never stops the
    program)."""
    import logging.handlers  # socket, pickle, queue…: not for the command line's quick listings

    path = log_path(data_dir)
    logger = logging.getLogger("cellsec")
    current = [h for h in logger.handlers if getattr(h, "cellsec_log", False)]
    if any(Path(h.baseFilename) == path.resolve() for h in current):
        return path
    try:
        private_dir(path.parent)
        if not path.exists():
            create_private(path)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    for old in current:
        logger.removeHandler(old)
        old.close()
    handler.cellsec_log = True
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.INFO)
    return path
