"""What the window asks before it opens the store, without loading SQLAlchemy (about a third of a
second on a weak laptop): so the real window, with its navigation, can paint first and the store be
opened right after."""

from __future__ import annotations

from pathlib import Path

from ..store.db import check_writable
from ..store.quick import NotQuick, QuickReader


def check_data_folder(data_dir: Path) -> None:
    """Before the window locks the folder: it exists and takes a write, else StoreError saying why."""
    check_writable(Path(data_dir))


def ready_language(data_dir: Path) -> str | None:
    """The language saved in a current, set-up CellSec store ("vi" when none is saved): the store opens
    without an upgrade, a restore offer or the setup wizard. None: start-up must take the ordinary way
    (open the store first, then the window)."""
    try:
        with QuickReader(Path(data_dir)) as reader:
            return reader.setting("language") or "vi"
    except NotQuick:
        return None
