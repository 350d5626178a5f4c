"""The main window: navigation on the left, the work area on the right (DESIGN.md "UI conventions")."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ...services.errors import ServiceError
from ..common.screen_fit import scrollable

if TYPE_CHECKING:  # the services (and SQLAlchemy under them) are loaded after the window's first paint
    from ...services.facade import Services

# (module, class, navigation title) of each page, in navigation order. A page is a QWidget built with
# `__init__(services, notifier, parent)` the first time it is shown (start-up stays quick however many
# features there are); it refreshes itself from `notifier.changed`. Only finished features are listed.
PAGES: list[tuple[str, str, str]] = [
    ("cellsec.ui.overview.page", "OverviewPage", QT_TRANSLATE_NOOP("MainWindow", "Overview")),
    ("cellsec.ui.members.page", "MembersPage", QT_TRANSLATE_NOOP("MainWindow", "Party members")),
    ("cellsec.ui.meetings.page", "MeetingsPage", QT_TRANSLATE_NOOP("MainWindow", "Cell meetings")),
    ("cellsec.ui.reviews.page", "ReviewsPage", QT_TRANSLATE_NOOP("MainWindow", "Reviews & classification")),
    ("cellsec.ui.scoring.page", "ScoringPage", QT_TRANSLATE_NOOP("MainWindow", "5-good scoring")),
    ("cellsec.ui.dues.page", "DuesPage", QT_TRANSLATE_NOOP("MainWindow", "Party dues")),
    ("cellsec.ui.sync.page", "SyncPage", QT_TRANSLATE_NOOP("MainWindow", "Sync")),
    ("cellsec.ui.settings.page", "SettingsPage", QT_TRANSLATE_NOOP("MainWindow", "Settings")),
]

AUTO_BACKUP_CHECK_MS = 5 * 60 * 1000


class MainWindow(QMainWindow):
    """Built with its services, or without them (start-up paints the window first, then `attach`es the
    services it opened: the navigation and menus are there at once, the pages once the data is)."""

    def __init__(self, services: Services | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services: Services | None = None
        # Before `attach`: starts opening the store in the background (ui/app/startup.py sets it); what
        # waits for the services meanwhile (with_services).
        self.services_loader = None
        self._waiting: list = []
        self.setMinimumSize(QSize(1000, 620))
        self.resize(1280, 720)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(200)
        self.nav.setSpacing(2)
        self.stack = _PageStack()
        # A page larger than the screen (125 %/150 % scaling on a 1366×768 laptop) scrolls inside the window.
        self.page_scroll = scrollable(self.stack)
        for _ in PAGES:
            self.stack.addWidget(QWidget())  # replaced by the real page when it is first shown
            QListWidgetItem(self.nav)
        self.pages = _Pages(self)
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.setCurrentRow(0)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.page_scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([self.nav.width(), 10_000])  # no gap beside the fixed-width navigation
        self.setCentralWidget(splitter)
        self._build_menus()
        if services is not None:
            self.attach(services)

    def attach(self, services: Services, overview=None) -> None:
        """Connect the window to its data: change events, search, background sync and backups, and the
        page the navigation shows. `overview`: the overview's data already read (ui/overview/page.read_overview
        on start-up's thread), shown by its first refresh."""
        from ..common.bridge import ChangeNotifier
        from ..search.panel import SearchBox
        from ..sync.background import BackgroundSync

        self.services = services
        self.notifier = ChangeNotifier(services, self)
        # One search over minutes, resolutions and members, at the right end of the menu bar (Ctrl+Shift+F).
        self.search_box = SearchBox(services, self)
        self.menuBar().setCornerWidget(self.search_box)
        self.notifier.changed.connect(self._after_change)

        # Sync with the committee while connected, in the background (cellsec/ui/sync/background.py).
        self.background_sync = BackgroundSync(services, self)

        # Automatic backups: after changes, at most every 30 minutes (the rule is in the service).
        self.backup_timer = QTimer(self)
        self.auto_backup_task = None  # the automatic backup running on a worker thread, if any
        self._auto_backup_idle = threading.Event()
        self._closing = False
        self.backup_timer.timeout.connect(self._auto_backup)
        self.backup_timer.start(AUTO_BACKUP_CHECK_MS)
        for action in (self.backup_action, self.undo_action):
            action.setEnabled(True)
        self._update_undo()
        if overview is not None and "OverviewPage" in self.pages.built:
            self.pages.built["OverviewPage"].prefetched = overview
        for page in self.pages.built.values():  # built before the store was opened (show_overview)
            page.attach(services, self.notifier)
        self._show_row(self.nav.currentRow())
        self.statusBar().clearMessage()
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()

    def with_services(self, then=None) -> None:
        """Run `then` (if any) with the services: now, or once the store opened in the background is
        attached (SQLAlchemy and the models load only when the secretary first needs them)."""
        if self.services is not None:
            if then is not None:
                then()
            return
        if then is not None:
            self._waiting.append(then)
        if self.services_loader is not None:
            self.statusBar().showMessage(self.tr("Opening the data…"))
            self.services_loader()

    def show_overview(self, figures, data_dir=None) -> None:
        """Before the services are attached: the overview page itself, with the figures start-up read
        without SQLAlchemy (services/quick_start.py); it reads its reminders from `data_dir` the same way
        after its first paint (services/overview_quick.py), or gets them with `attach`."""
        self.stack.setCurrentWidget(self.pages.build("OverviewPage", None, None, figures=figures, data_dir=data_dir))

    def show_page(self, class_name: str) -> QWidget:
        page = self.pages[class_name]
        self.nav.setCurrentRow(self.stack.indexOf(page))
        return page

    def _show_row(self, row: int) -> None:
        if row >= 0:
            if self.services is None:  # not attached yet: attach() builds the page chosen
                self.stack.setCurrentIndex(row)
                if self.stack.currentWidget() not in self.pages.built.values():
                    self.with_services()  # a page that needs the store
                return
            self.pages[PAGES[row][1]]  # build it if this is its first showing
            self.stack.setCurrentIndex(row)
            self.page_scroll.setWidgetResizable(True)  # re-reads the new page's minimum size

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.backup_action = QAction(self)
        self.backup_action.triggered.connect(self._backup_now)
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = self.menuBar().addMenu("")
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.edit_menu.addAction(self.undo_action)
        self.redo_action = QAction(self)
        # Ctrl+Y (Windows) and Ctrl+Shift+Z (elsewhere) both redo, whatever the platform.
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(self.redo)
        self.edit_menu.addAction(self.redo_action)

        self.help_menu = self.menuBar().addMenu("")
        self.guide_action = QAction(self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1: the page about this page
        self.guide_action.triggered.connect(lambda: self.open_guide(self.current_page_class()))
        self.help_menu.addAction(self.guide_action)
        self.contents_action = QAction(self)
        self.contents_action.triggered.connect(lambda: self.open_guide(None))
        self.help_menu.addAction(self.contents_action)
        self.help_menu.addSeparator()
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)
        self._retranslate()

    def _retranslate(self) -> None:
        """Set every text of the window; called again when the user switches language in Settings."""
        self.setWindowTitle(self.tr("CellSec — Party cell secretary's handbook"))
        for row, (_module, _class, title) in enumerate(PAGES):
            self.nav.item(row).setText(QCoreApplication.translate("MainWindow", title))
        self.file_menu.setTitle(self.tr("&File"))
        self.backup_action.setText(self.tr("&Back up now"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About CellSec"))
        self.guide_action.setText(self.tr("&Guide to this page"))
        self.contents_action.setText(self.tr("User guide: &contents"))
        self._update_undo()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "help_menu"):
            self._retranslate()
        super().changeEvent(event)

    def _after_change(self, _change) -> None:
        self._update_undo()

    def _update_undo(self) -> None:
        if self.services is None:
            self.undo_action.setEnabled(False)
            self.backup_action.setEnabled(False)
            self.undo_action.setText(self.tr("&Undo"))
            return
        last, again = self.services.undo_state()  # one read after every change
        self.undo_action.setEnabled(last is not None)
        self.undo_action.setText(self.tr("&Undo: {action}").format(action=last[1]) if last else self.tr("&Undo"))
        self.redo_action.setEnabled(again is not None)
        self.redo_action.setText(self.tr("&Redo: {action}").format(action=again[1]) if again else self.tr("&Redo"))

    def undo(self) -> None:
        try:
            summary = self.services.undo_last()
        except ServiceError as exc:
            QMessageBox.information(self, self.tr("Undo"), exc.message)
            return
        self.statusBar().showMessage(summary, 5000)

    def redo(self) -> None:
        try:
            summary = self.services.redo_last()
        except ServiceError as exc:
            QMessageBox.information(self, self.tr("Redo"), exc.message)
            return
        self.statusBar().showMessage(summary, 5000)

    def _backup_now(self) -> None:
        """File › Back up now: the copy is made on a worker thread (a large file takes a while on a slow
        disk), the window keeps answering meanwhile."""
        from ..common.workers import error_text, run_in_background

        def done(path) -> None:
            self.backup_action.setEnabled(True)
            self.statusBar().showMessage(self.tr("Backed up to {path}").format(path=path), 8000)

        def failed(exc) -> None:
            self.backup_action.setEnabled(True)
            QMessageBox.warning(self, self.tr("Backup"), error_text(exc))

        self.backup_action.setEnabled(False)  # one backup at a time
        self.last_task = run_in_background(  # "Dừng" leaves no backup and no .part file
            self, lambda progress, cancel: self.services.backups.backup_now(progress=progress, cancel=cancel),
            on_done=done, on_error=failed, busy_text=self.tr("Backing up…"), stoppable=True,
            on_cancelled=lambda exc: (self.backup_action.setEnabled(True), self.statusBar().showMessage(exc.message)))

    def _auto_backup(self) -> None:
        """When due, an automatic backup on a worker thread, without a dialog: the window keeps answering
        while a large file is copied. Closing waits for one still running."""
        from ..common.workers import error_text, run_in_background

        if self.auto_backup_task is not None:
            return
        backups, idle = self.services.backups, threading.Event()
        self._auto_backup_idle = idle

        def work():
            try:
                return backups.auto_backup()
            finally:
                idle.set()

        def ended(text: str, ms: int) -> None:
            self.auto_backup_task = None
            if text and not self._closing:
                self.statusBar().showMessage(text, ms)

        self.auto_backup_task = run_in_background(
            None, work, on_done=lambda path: ended(self.tr("Automatic backup saved") if path else "", 4000),
            on_error=lambda exc: ended(error_text(exc), 8000))

    def current_page_class(self) -> str | None:
        row = self.nav.currentRow()
        return PAGES[row][1] if 0 <= row < len(PAGES) else None

    def open_guide(self, page_class: str | None):
        """The user guide (shipped with the program, offline) at the page about `page_class`."""
        from .help import HelpWindow, guide_page

        if getattr(self, "guide", None) is None:
            self.guide = HelpWindow(self)
        self.guide.show_file(guide_page(page_class))
        return self.guide

    def _about(self) -> None:
        from ... import __version__

        QMessageBox.about(self, self.tr("About CellSec"),
                          self.tr("CellSec {version} — the offline handbook of a Party cell secretary.\nData folder: {folder}").format(version=__version__, folder=self.services.data_dir if self.services else ""))

    def closeEvent(self, event) -> None:
        if self.services is None:
            super().closeEvent(event)
            return
        self._closing = True
        if self.auto_backup_task is not None:
            self._auto_backup_idle.wait(120)  # a backup being copied is finished before the data closes
        try:
            self.services.backups.auto_backup()
        except ServiceError:
            pass  # closing must not be blocked by a failed backup; the next start tries again
        self.services.close()
        super().closeEvent(event)


class _PageStack(QStackedWidget):
    """Asks for the room of the page shown, not of the largest page (the scroll area around it sizes it)."""

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()


class _Pages(Mapping):
    """The window's pages by class name, each built on first access (navigation, show_page, a test)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.built: dict[str, QWidget] = {}

    def __getitem__(self, class_name: str) -> QWidget:
        if class_name not in self.built:
            self.build(class_name, self.window.services, self.window.notifier)
        return self.built[class_name]

    def build(self, class_name: str, services, notifier, **options) -> QWidget:
        """Build the page in place of its stand-in in the stack."""
        row = next(i for i, (_m, name, _t) in enumerate(PAGES) if name == class_name)
        cls = getattr(importlib.import_module(PAGES[row][0]), class_name)
        page = cls(services, notifier, self.window, **options)
        stand_in = self.window.stack.widget(row)
        self.window.stack.insertWidget(row, page)
        self.window.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.built[class_name] = page
        return page

    def __iter__(self) -> Iterator[str]:
        return (name for _m, name, _t in PAGES)

    def __len__(self) -> int:
        return len(PAGES)
