"""Tổng quan: how many members the cell has, by status, and the reminders of what needs attention.
Double-clicking a reminder about a member opens that member.

A Page: the figures and reminders are recomputed only while the page is visible (a change while it is
hidden only marks it stale), and only for changes to the tables they are made from."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import date_line
from ...services.errors import ServiceError
from ...services.quick_start import OverviewFigures
from ..common.page import Page
from ..common.colors import WARNING_COLOR
from .first_steps import FirstSteps

MEMBER_ROLE = Qt.ItemDataRole.UserRole
# (counts key, accent colour) of the tiles, in reading order.
TILES = [
    ("total", "#1f4e79"), ("chinh_thuc", "#2e7d32"), ("du_bi", "#8a5300"),
    ("active", "#1f4e79"), ("exempt", "#5f6368"), ("temporary", "#5f6368"),
]


@dataclass(frozen=True)
class OverviewData:
    """Everything the page shows on a day, as the services give it."""

    on: dt.date
    cell: object  # services.settings.cell.CellInfo
    counts: dict[str, int]
    setup_facts: tuple[bool, bool]
    reminders: list


def read_overview(services, today: dt.date) -> OverviewData:
    """The page's data, read without touching a widget: start-up reads it on the thread that opened the
    store, so the window keeps answering meanwhile."""
    return OverviewData(today, services.cell.get(today), services.overview.counts(),
                        services.overview.setup_facts(), services.overview.reminders(today))


def read_quick_overview(data_dir, today: dt.date) -> OverviewData | None:
    """The same data read without SQLAlchemy (services/overview_quick.py), before the services are loaded;
    None when the quick reader cannot answer exactly (the services must be opened)."""
    from ...services.overview_quick import NotQuick, quick_overview

    try:
        found = quick_overview(data_dir, today)
    except NotQuick:
        return None
    return OverviewData(today, found.cell, found.counts, found.setup_facts, found.reminders)


class _Tile(QFrame):
    """A count in large type with its caption under it."""

    def __init__(self, key: str, color: str) -> None:
        super().__init__()
        self.setObjectName(f"tile_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"#tile_{key} {{ border: 1px solid #c8ccd2; border-left: 5px solid {color}; "
                           f"border-radius: 4px; background: palette(base); }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.number = QLabel("0")
        self.number.setObjectName("number")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setStyleSheet(f"color: {color};")
        self.caption = QLabel()
        self.caption.setObjectName("caption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)


class OverviewPage(Page):
    filled = Signal()  # the figures and reminders are on screen (show_data)
    quick_read = Signal(object)  # from the reading thread (queued to the UI thread): OverviewData or None

    # What the counts and the reminders are made from (members, meetings, reviews, dues and the cell).
    WATCHES = frozenset({
        "cells", "committee_names", "members", "member_status_changes", "card_numbers", "meetings",
        "meeting_attendance", "resolutions", "review_years", "member_reviews", "collective_reviews",
        "dues_payments", "dues_rules_versions", "five_good_assessments", "meeting_scores",
    })

    def __init__(self, services, notifier, parent: QWidget | None = None, *,
                 figures: OverviewFigures | None = None, data_dir=None) -> None:
        """`figures` (with services None): start-up's figures, read before the store is opened; the
        page shows them at once, and the reminders right after its first paint, read from `data_dir`
        without SQLAlchemy (or, when that cannot be done, once `attach` gives it the services)."""
        super().__init__(services, notifier, parent)
        self.today: dt.date | None = None  # None = the real date; tests set a fixed one
        self._refreshed_on: dt.date | None = None
        self._load_scheduled = False
        self.prefetched: OverviewData | None = None  # start-up's read (read_overview), shown by the first refresh
        self.data_dir = data_dir  # before the services are loaded: where the quick reader reads the overview
        self.quick_read.connect(self._quick_read)
        self._build_header()
        grid = self._build_tiles()
        self._build_reminders()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.date_label)
        layout.addSpacing(8)
        self.first_steps = FirstSteps()
        self.first_steps.hide()
        self.first_steps.open_page.connect(self._open_page)
        layout.addWidget(self.first_steps)
        layout.addLayout(grid)
        layout.addWidget(self.others)
        layout.addSpacing(10)
        layout.addWidget(self.reminders_title)
        layout.addWidget(self.reminders, 1)
        layout.addWidget(self.hint)
        self._set_texts()
        if figures is not None:
            self._show_figures(figures.name, figures.place_name, figures.counts, self.today or dt.date.today())
            self._set_reminders_loading()

    def _build_header(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.date_label = QLabel()
        self.date_label.setObjectName("date_line")
        self.date_label.setStyleSheet("font-style: italic;")

    def _build_tiles(self) -> QGridLayout:
        self.tiles: dict[str, _Tile] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        for index, (key, color) in enumerate(TILES):
            tile = _Tile(key, color)
            self.tiles[key] = tile
            grid.addWidget(tile, index // 3, index % 3)
        self.others = QLabel()
        self.others.setObjectName("others")
        return grid

    def _build_reminders(self) -> None:
        self.reminders_title = QLabel()
        bold = self.reminders_title.font()
        bold.setBold(True)
        self.reminders_title.setFont(bold)
        self.reminders = QListWidget()
        self.reminders.setObjectName("reminders")
        self.reminders.setWordWrap(True)
        self.reminders.setAlternatingRowColors(True)
        # Activation = double-click (or Enter) on most platforms.
        self.reminders.itemActivated.connect(self._open)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: palette(placeholder-text);")

    def page_title(self) -> str:
        return self.tr("Overview")

    def retranslate(self) -> None:
        self._set_texts()
        if self.services is None:
            return  # start-up's figures stay until the services come (attach refreshes the page)
        if self.isVisible():
            self.refresh()
        elif self._refreshed_on is not None:
            self._stale = True  # the reminders are sentences in the old language: redo them when shown

    def _set_texts(self) -> None:
        captions = {
            "total": self.tr("Members in the cell"), "chinh_thuc": self.tr("Official members"),
            "du_bi": self.tr("Probationary members"), "active": self.tr("Active"),
            "exempt": self.tr("Exempt from activities"), "temporary": self.tr("Attending temporarily"),
        }
        for key, tile in self.tiles.items():
            tile.caption.setText(captions[key])
        self.reminders_title.setText(self.tr("Reminders"))
        self.hint.setText(self.tr("Double-click a reminder to open the member's record or the meetings it is about."))

    def paintEvent(self, event) -> None:
        # The figures and reminders take a while on a slow laptop: fill them right after the page first
        # appears instead of holding the window back (before the services are loaded: read without
        # SQLAlchemy, when the window knows its data folder).
        super().paintEvent(event)
        if self._refreshed_on is None and not self._load_scheduled and (self.services is not None or self.data_dir):
            self._load_scheduled = True
            QTimer.singleShot(0, self, self.refresh)

    def attach(self, services, notifier) -> None:
        super().attach(services, notifier)
        self.update()  # the next paint fills the reminders (and the figures again, from the services)

    def showEvent(self, event) -> None:
        if self._refreshed_on is not None and self._refreshed_on != (self.today or dt.date.today()):
            self._stale = True  # a new day since the page was last filled: the base refreshes it now
        super().showEvent(event)

    def refresh(self) -> None:
        today = self.today or dt.date.today()
        data, self.prefetched = self.prefetched, None
        if data is None or data.on != today:
            if self.services is None:
                self._read_quick(today)
                return
            data = read_overview(self.services, today)
        self.show_data(data)

    def _read_quick(self, today: dt.date) -> None:
        """Before the services are loaded: read the overview without SQLAlchemy on a plain thread (the
        window keeps answering while the rules are loaded and applied; the worker pool's module is not
        loaded for it), then show it."""
        def read() -> None:
            try:
                data = read_quick_overview(self.data_dir, today)
            except Exception:  # noqa: BLE001 -- anything unexpected: the services read it instead
                data = None
            self.quick_read.emit(data)

        threading.Thread(target=read, name="cellsec-overview", daemon=True).start()

    def _quick_read(self, data: OverviewData | None) -> None:
        if data is not None:
            self.show_data(data)
        elif self.services is not None:  # attached meanwhile
            self.refresh()
        else:  # the quick reader cannot answer: the window opens the store, then this refreshes
            self._load_scheduled = False
            self._with_services(None)

    def show_data(self, data: OverviewData) -> None:
        """Put the figures and the reminders of `data` on screen (the overview is filled)."""
        self._refreshed_on = data.on
        self._show_figures(data.cell.name, data.cell.place_name, data.counts, data.on)
        self.first_steps.update_from(data.cell, data.counts, data.setup_facts)
        self.reminders.clear()
        found = data.reminders
        for reminder in found:
            item = QListWidgetItem(("⚠ " if reminder.severity == "warning" else "• ") + reminder.text)
            item.setData(MEMBER_ROLE, reminder.member_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, reminder.kind)
            item.setData(Qt.ItemDataRole.UserRole + 2, reminder.due)
            if reminder.severity == "warning":
                item.setForeground(QBrush(QColor(WARNING_COLOR)))
            if reminder.member_id:
                item.setToolTip(self.tr("Double-click to open the member's record"))
            self.reminders.addItem(item)
        if not found:
            item = QListWidgetItem(self.tr("Nothing needs your attention now."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.reminders.addItem(item)
        self.filled.emit()

    def _with_services(self, then) -> None:
        """Run `then` (may be None) once the window has its services (main_window.MainWindow.with_services)."""
        window = self.window()
        if hasattr(window, "with_services"):
            window.with_services(then)

    def _show_figures(self, name: str, place_name: str, counts: dict[str, int], today: dt.date) -> None:
        self.heading.setText(name)
        self.date_label.setText(date_line(place_name, today))
        for key, tile in self.tiles.items():
            tile.number.setText(str(counts.get(key, 0)))
        self.others.setText(self.tr("No longer in the cell: {transferred} transferred out, {removed} removed "
                                    "from the list, {deceased} deceased.").format(
            transferred=counts.get("transferred_out", 0), removed=counts.get("removed", 0),
            deceased=counts.get("deceased", 0)))

    def _set_reminders_loading(self) -> None:
        self.reminders.clear()
        item = QListWidgetItem(self.tr("Reading the reminders…"))
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.reminders.addItem(item)

    def _open_page(self, class_name: str) -> None:
        window = self.window()
        if hasattr(window, "show_page"):
            window.show_page(class_name)

    def _open(self, item: QListWidgetItem) -> None:
        if self.services is None:  # filled before the services were loaded: open it once they are
            self._with_services(lambda: self._open(item))
            return
        member_id = item.data(MEMBER_ROLE)
        if not member_id:
            # A reminder about meetings opens the meetings page (and the meeting it is about, if one).
            pages = getattr(self.window(), "pages", {})
            if "MeetingsPage" in pages:
                kind, due = item.data(Qt.ItemDataRole.UserRole + 1), item.data(Qt.ItemDataRole.UserRole + 2)
                if pages["MeetingsPage"].show_reminder(kind, due):
                    self.window().show_page("MeetingsPage")
            return
        from ..members.dialog import MemberDialog

        try:
            dialog = MemberDialog(self.services, member_id, self)
        except ServiceError as exc:
            QMessageBox.information(self, self.tr("Overview"), exc.message)
            return
        dialog.exec()
