"""The member list's table model: it holds only ids and fetches rows in batches when the view asks for
them (like Anki's browser), so a list of 100,000 members opens and scrolls at once."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from ...domain.dates import format_date
from ...domain.members import ACTIVITY_LABELS, GENDER_LABELS, PARTY_STATUS_LABELS, label

BATCH = 64  # rows fetched at once: about two screenfuls, so a jump of the scroll bar costs little
CACHE_LIMIT = 5000
# From this many rows a new sort order is worked out on a worker thread (the first sort by a column takes
# about a tenth of a second at 100,000 members): the window keeps answering, the rows reorder when it is done.
BACKGROUND_SORT_ROWS = 20_000
ID_ROLE = Qt.ItemDataRole.UserRole
# The roles as plain ints: `data` runs for every role of every cell painted (thousands of calls per screen),
# and comparing ints is several times quicker than comparing Qt's enum members.
_DISPLAY, _TOOLTIP, _ALIGNMENT, _ID = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                                       Qt.ItemDataRole.TextAlignmentRole, ID_ROLE))
_ANSWERED = frozenset((_DISPLAY, _TOOLTIP, _ALIGNMENT, _ID))
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


class MemberTableModel(QAbstractTableModel):
    def __init__(self, services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.ids: list[str] = []
        self._cache: OrderedDict[str, object] = OrderedDict()
        self._query = None
        self.sorting = None  # the background sort of a long list (ui/common/workers.BackgroundTask), if any
        self._wanted = None  # the query whose order a background sort is to show

    # ---- the query -----------------------------------------------------------------------------------
    def set_query(self, query) -> None:
        """Run `query` (a MemberQuery) and show its ids; rows are fetched later, when shown."""
        self._query = query
        self.reload()

    @property
    def query(self):
        return self._query

    def reload(self) -> None:
        ids = self.services.members.query_ids(self._query)
        self._wanted = None  # this is the list to show now: a sort under way is out of date
        self.beginResetModel()
        self.ids = ids
        self._cache.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._query is None or not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][1]
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self._query.sort == key and self._query.descending == descending:
            return
        query = self._query = replace(self._query, sort=key, descending=descending)
        if len(self.ids) < BACKGROUND_SORT_ROWS:
            self._reorder(self.services.members.query_ids(query))
            return
        self._wanted = query
        if self.sorting is None:  # else the sort under way starts the newest one asked for when it is done
            self._sort_in_background(query)

    def _sort_in_background(self, query) -> None:
        from ..common.workers import run_in_background, show_error

        def failed(exc: Exception) -> None:
            self.sorting = self._wanted = None
            show_error(None, exc)

        self.sorting = run_in_background(None, lambda: self.services.members.query_ids(query),
                                         on_done=lambda ids: self._sorted(query, ids), on_error=failed)

    def _sorted(self, query, ids: list[str]) -> None:
        self.sorting = None
        if self._wanted is query:
            self._wanted = None
            self._reorder(ids)
        elif self._wanted is not None:  # the order was changed again meanwhile: work out the newest one
            self._sort_in_background(self._wanted)
        # else: a search, a filter or a change has reloaded the list since; this order is out of date

    def _reorder(self, ids: list[str]) -> None:
        self.layoutAboutToBeChanged.emit()
        self.ids = ids
        self.layoutChanged.emit()

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
        member_id = self.member_id(row)
        if member_id is None:
            return None
        record = self._cache.get(member_id)
        if record is None:
            self._fetch_around(row)
            record = self._cache.get(member_id)
        else:
            self._cache.move_to_end(member_id)
        return record

    def _fetch_around(self, row: int) -> None:
        start = row - row % BATCH
        wanted = [i for i in self.ids[start:start + BATCH] if i not in self._cache]
        for member_id, record in self.services.members.rows(wanted).items():
            self._cache[member_id] = record
        while len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)

    def forget(self, ids) -> None:
        """Drop cached rows after they changed, and repaint them."""
        for member_id in ids:
            self._cache.pop(member_id, None)
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(COLUMNS) - 1))

    def retranslate(self) -> None:
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
        if role not in _ANSWERED or not index.isValid():
            return None
        if role == _ID:
            return self.member_id(index.row())
        field = COLUMNS[index.column()][0]
        if role == _ALIGNMENT:
            return _CENTER if field in _CENTERED else _LEFT
        record = self.record(index.row())
        if record is None:
            return None
        text = display_value(record, field)
        if role == _TOOLTIP:
            return text if field in ("full_name", "position", "activity_status") and text else None
        return text


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
