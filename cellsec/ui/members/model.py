"""The member list's table model: it holds only ids and fetches rows in batches when the view asks for
them (like Anki's browser), so a list of 100,000 members opens and scrolls at once."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal
from shiboken6 import isValid

from ...domain.dates import format_date
from ...domain.members import ACTIVITY_LABELS, GENDER_LABELS, PARTY_STATUS_LABELS, label

BATCH = 64  # rows fetched at once: about two screenfuls, so a jump of the scroll bar costs little
CACHE_LIMIT = 5000
# From this many members a query (search, filter, order, the first one after an edit) runs on a worker thread:
# at 100,000 members one takes from a few to a few hundred milliseconds, and the window must keep answering.
# The rows shown stay until the newest query's answer replaces them; an older answer never does.
BACKGROUND_ROWS = 20_000
PREPARE_IDLE_MS = 250  # how long a long list is left alone before the next order is computed ahead
ID_ROLE = Qt.ItemDataRole.UserRole
# The roles as plain ints: `data` runs for every role of every cell painted (thousands of calls per screen),
# and comparing ints is several times quicker than comparing Qt's enum members.
_DISPLAY, _TOOLTIP, _ALIGNMENT, _ID = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                                       Qt.ItemDataRole.TextAlignmentRole, ID_ROLE))
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)

# (field of MemberRecord, sort key of svc.members.query_ids or None when the column does not sort).
# Headers are in _headers().
COLUMNS: list[tuple[str, str | None]] = [
    ("list_no", "list_no"),
    ("full_name", "full_name"),
    ("date_of_birth", "date_of_birth"),
    ("gender", "gender"),
    ("admitted_on", "admitted_on"),
    ("official_on", "official_on"),
    ("card_no", "card_no"),
    ("status", "status"),
    ("activity_status", "activity_status"),
    ("position", "position_party"),
    ("phone", "phone"),
]
_CENTERED = {"list_no", "date_of_birth", "gender", "admitted_on", "official_on", "card_no"}
_ALIGNMENTS = tuple(_CENTER if field in _CENTERED else _LEFT for field, _key in COLUMNS)
_WITH_TOOLTIP = tuple(field in ("full_name", "position", "activity_status") for field, _key in COLUMNS)


@dataclass(frozen=True)
class _Request:
    """One query asked of the list: `generation` counts them, so only the newest one's answer is shown;
    `reset` when its rows differ from those shown (a search, a filter, an edit), not just their order."""
    generation: int
    query: object
    reset: bool


class MemberTableModel(QAbstractTableModel):
    # The rows of the newest query are shown (at once for a short list, when its worker answers for a long one).
    shown = Signal()

    def __init__(self, services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.ids: list[str] = []
        self.total = 0  # live members of the cell, whatever the query (for "12 of 100 members")
        # member id -> (record, the texts of its cells): painting a cell is then a tuple lookup
        self._cache: OrderedDict[str, tuple[object, tuple[str, ...]]] = OrderedDict()
        self._query = None
        self._generation = 0
        self._wanted: _Request | None = None  # the newest query not shown yet, for the worker to run
        self.loading = None  # the query running on a worker (ui/common/workers.BackgroundTask), if any
        self.preparing = None  # the order being computed ahead of a click on a header (a BackgroundTask)
        self._to_prepare: list[tuple[str, bool]] = []
        self._active_at = 0.0  # time.monotonic() of the last query asked or rows fetched
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._prepare_next)

    # ---- the query -----------------------------------------------------------------------------------
    def set_query(self, query) -> None:
        """Show the members matching `query` (a MemberQuery); rows are fetched later, when painted."""
        self._query = query
        self._ask(query, reset=True)

    @property
    def query(self):
        return self._query

    def reload(self) -> None:
        self._ask(self._query, reset=True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._query is None or not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][1]
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self._query.sort == key and self._query.descending == descending:
            return
        self._query = replace(self._query, sort=key, descending=descending)
        self._ask(self._query, reset=False)

    def _ask(self, query, reset: bool) -> None:
        self._generation += 1
        self._active_at = time.monotonic()
        # Rows not shown yet from a search or an edit: this newer query must replace the rows, not reorder them.
        reset = reset or (self._wanted is not None and self._wanted.reset)
        request = _Request(self._generation, query, reset)
        size = self.services.members.size_hint()
        if size < BACKGROUND_ROWS:
            self._wanted = None
            self._show(request, self.services.members.listing(query))
            return
        self._wanted = request
        if self.loading is None:  # else the query under way starts the newest one when it is done
            self._run(request)

    def _run(self, request: _Request) -> None:
        from ..common.workers import run_in_background

        members = self.services.members
        self.loading = run_in_background(None, lambda: members.listing(request.query),
                                         on_done=lambda answer: self._answered(request, answer),
                                         on_error=self._failed, interactive=True)

    def _answered(self, request: _Request, answer: tuple[list[str], int]) -> None:
        if not isValid(self):  # the list was closed while its worker ran
            return
        self.loading = None
        if request.generation == self._generation:
            self._wanted = None
            self._show(request, answer)
            self._prepare_orders()
        elif self._wanted is not None:  # asked again meanwhile: this answer is out of date, run the newest
            self._run(self._wanted)

    def _prepare_orders(self) -> None:
        """Once a long list is shown: the order of every column, both ways, computed ahead, so a click on a
        header answers at once instead of after 80-150 ms. One order at a time, each when the list has been
        left alone for PREPARE_IDLE_MS (no query, no rows fetched), on the pool of long work: an order keeps a
        core busy for a tenth of a second, which a window that is scrolling on a busy machine would feel.
        Orders the index already holds (it keeps them through edits) cost nothing."""
        self._to_prepare = [(key, descending) for descending in (False, True) for _field, key in COLUMNS
                            if key is not None]
        self._idle.start(PREPARE_IDLE_MS)

    def _prepare_next(self) -> None:
        from ..common.workers import run_in_background

        if not self._to_prepare or self.loading is not None or (self.preparing is not None
                                                                and not self.preparing.done):
            return
        key, descending = self._to_prepare.pop(0)
        members = self.services.members
        self.preparing = run_in_background(None, lambda: members.prepare_order(key, descending),
                                           on_done=lambda _none: self._prepared(), on_error=_not_prepared)

    def _prepared(self) -> None:
        if isValid(self) and self._to_prepare:  # the next one at once if the list is still left alone
            since = (time.monotonic() - self._active_at) * 1000
            self._idle.start(max(0, int(PREPARE_IDLE_MS - since)))

    def _failed(self, exc: Exception) -> None:
        from ..common.workers import show_error

        if isValid(self):
            self.loading = self._wanted = None
        show_error(None, exc)

    def _show(self, request: _Request, answer: tuple[list[str], int]) -> None:
        ids, self.total = answer
        if request.reset:
            self.beginResetModel()
            self.ids = ids
            self._cache.clear()
            self.endResetModel()
        else:
            self._reorder(ids)
        self.shown.emit()

    def _reorder(self, ids: list[str]) -> None:
        """The same rows in another order: selected and current rows follow their members."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        members = [self.member_id(index.row()) for index in before]
        self.ids = ids
        rows = self._rows_of(members)
        self.changePersistentIndexList(before, [self.index(rows[m], index.column()) if rows.get(m, -1) >= 0
                                                else QModelIndex() for m, index in zip(members, before)])
        self.layoutChanged.emit()

    def _rows_of(self, members: list[str | None]) -> dict[str | None, int]:
        return {m: self.row_of(m) for m in set(members) if m is not None}

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order the current query sorts by (for the header's sort indicator)."""
        keys = [key for _field, key in COLUMNS]
        column = keys.index(self._query.sort) if self._query and self._query.sort in keys else -1
        order = Qt.SortOrder.DescendingOrder if self._query and self._query.descending else Qt.SortOrder.AscendingOrder
        return column, order

    def row_of(self, member_id: str) -> int:
        try:
            return self.ids.index(member_id)
        except ValueError:
            return -1

    def member_id(self, row: int) -> str | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def record(self, row: int):
        cached = self._cached(row)
        return None if cached is None else cached[0]

    def _cached(self, row: int) -> tuple[object, tuple[str, ...]] | None:
        member_id = self.member_id(row)
        if member_id is None:
            return None
        cached = self._cache.get(member_id)
        if cached is None:
            self._fetch_around(row)
            cached = self._cache.get(member_id)
        else:
            self._cache.move_to_end(member_id)
        return cached

    def _fetch_around(self, row: int) -> None:
        self._active_at = time.monotonic()
        if self._to_prepare:
            self._idle.start(PREPARE_IDLE_MS)  # the user is scrolling: orders are prepared once they stop
        start = row - row % BATCH
        wanted = [i for i in self.ids[start:start + BATCH] if i not in self._cache]
        for member_id, record in self.services.members.rows(wanted).items():
            # The texts once per row fetched, not once per cell painted.
            self._cache[member_id] = (record, tuple(display_value(record, field) for field, _key in COLUMNS))
        while len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)

    def forget(self, ids) -> None:
        """Drop cached rows after they changed, and repaint them."""
        for member_id in ids:
            self._cache.pop(member_id, None)
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(COLUMNS) - 1))

    def retranslate(self) -> None:
        self._cache.clear()  # the texts of statuses and genders are in the language shown
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(COLUMNS) - 1))

    # ---- Qt model interface ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def _headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Full name"), self.tr("Date of birth"), self.tr("Gender"),
                self.tr("Admitted"), self.tr("Official"), self.tr("Card no."), self.tr("Standing"),
                self.tr("Activity"), self.tr("Position"), self.tr("Phone")]

    def _tooltips(self) -> list[str]:
        return [self.tr("Number in the cell's member list (SĐV)"), "", "", "",
                self.tr("Date admitted to the Party"), self.tr("Date recognised as an official member"),
                self.tr("Party card number"), self.tr("Probationary or official member"),
                self.tr("Activity status in the cell"), self.tr("Party position, or else the government position"), ""]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips()[section] or None
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        role = int(role)
        if role == _DISPLAY or role == _TOOLTIP:
            cached = self._cached(index.row())
            if cached is None:
                return None
            column = index.column()
            text = cached[1][column]
            if role == _DISPLAY:
                return text
            return text if _WITH_TOOLTIP[column] and text else None
        if role == _ALIGNMENT:
            return _ALIGNMENTS[index.column()] if index.isValid() else None
        if role == _ID:
            return self.member_id(index.row())
        return None


def _not_prepared(exc: Exception) -> None:
    # Nothing is lost: the order is computed when a header is clicked, as without preparing.
    logging.getLogger("cellsec").warning("member list orders not prepared: %s", exc)


def display_value(record, field: str) -> str:
    """The text a column shows for a member record."""
    if field == "list_no":
        return "" if record.list_no is None else str(record.list_no)
    if field in ("date_of_birth", "admitted_on", "official_on"):
        return format_date(getattr(record, field))
    if field == "gender":
        return label(GENDER_LABELS, record.gender) if record.gender else ""
    if field == "status":
        return label(PARTY_STATUS_LABELS, record.status)
    if field == "activity_status":
        return label(ACTIVITY_LABELS, record.activity_status)
    if field == "position":
        return record.position_party or record.position_government
    return str(getattr(record, field) or "")
