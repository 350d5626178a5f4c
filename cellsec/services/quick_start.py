"""What the window asks before it opens the store, without loading SQLAlchemy (about a third of a
second on a weak laptop): so the real window, with its navigation, can paint first and the store be
opened right after."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..domain.members import ACTIVITY_STATUSES, IN_CELL_STATUSES, PARTY_STATUSES
from ..store.db import check_writable
from ..store.quick import NotQuick, QuickReader, cell_values, group_counts


@dataclass(frozen=True)
class OverviewFigures:
    """What the overview shows at the top: the cell's name and place, and the member counts."""

    name: str
    place_name: str
    counts: dict[str, int]


@dataclass(frozen=True)
class ReadyStore:
    """A current, set-up store, read before it is opened: its language, the overview's figures and
    whether the laptop syncs with a server (the window then opens the store soon, for the background sync)."""

    language: str
    figures: OverviewFigures
    online: bool = False


def overview_counts(by_activity: Mapping[str, int], by_party: Mapping[str, int]) -> dict[str, int]:
    """Live members per activity status, members in the cell ("total") and, of those, probationary
    ("du_bi") and official ("chinh_thuc"); every key present (OverviewService.counts gives the same)."""
    counts = {status: by_activity.get(status, 0) for status in ACTIVITY_STATUSES}
    counts["total"] = sum(counts[s] for s in IN_CELL_STATUSES)
    counts.update({status: by_party.get(status, 0) for status in PARTY_STATUSES})
    return counts


def check_data_folder(data_dir: Path) -> None:
    """Before the window locks the folder: it exists and takes a write, else StoreError saying why."""
    check_writable(Path(data_dir))


def ready_store(data_dir: Path) -> ReadyStore | None:
    """The language ("vi" when none is saved) and the overview's figures of a current, set-up CellSec
    store: it opens without an upgrade, a restore offer or the setup wizard, and the window can paint its
    overview's figures before SQLAlchemy is loaded. None: start-up must take the ordinary way (open the
    store first, then the window)."""
    try:
        with QuickReader(Path(data_dir)) as reader:
            name, place_name = cell_values(reader, ("name", "place_name"))
            counts = overview_counts(
                group_counts(reader, "members", "activity_status"),
                group_counts(reader, "members", "status", among=("activity_status", IN_CELL_STATUSES)))
            return ReadyStore(reader.setting("language") or "vi", OverviewFigures(name, place_name, counts),
                              bool(reader.sync_server()))
    except NotQuick:
        return None


def data_version(data_dir: Path) -> tuple[int, int] | None:
    """What moves when the data changes (QuickReader.data_version), read without SQLAlchemy: the window
    polls it before its store is opened. None when the quick reader cannot answer."""
    try:
        with QuickReader(Path(data_dir)) as reader:
            return reader.data_version()
    except NotQuick:
        return None
