"""The main window: navigation on the left, the work area on the right (DESIGN.md "UI conventions")."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
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

from ..services.errors import ServiceError
from ..services.facade import Services
from .bridge import ChangeNotifier

# (module, class) of each page, in navigation order. A page is a QWidget with
# `page_title() -> str` (translated) and `__init__(services, notifier, parent)`; it refreshes itself from
# `notifier.changed`. Only finished features are listed: there are no placeholder pages.
PAGES: list[tuple[str, str]] = [
    ("cellsec.ui.overview_page", "OverviewPage"),
    ("cellsec.ui.members_page", "MembersPage"),
    ("cellsec.ui.reviews_page", "ReviewsPage"),
    ("cellsec.ui.scoring_page", "ScoringPage"),
    ("cellsec.ui.settings_page", "SettingsPage"),
]

AUTO_BACKUP_CHECK_MS = 5 * 60 * 1000


class MainWindow(QMainWindow):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.notifier = ChangeNotifier(services, self)
        self.setMinimumSize(QSize(1000, 620))
        self.resize(1280, 720)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(200)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for module_name, class_name in PAGES:
            cls = getattr(importlib.import_module(module_name), class_name)
            page = cls(services, self.notifier, self)
            self.pages[class_name] = page
            self.stack.addWidget(page)
            QListWidgetItem(page.page_title(), self.nav)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([self.nav.width(), 10_000])  # no gap beside the fixed-width navigation
        self.setCentralWidget(splitter)
        self._build_menus()
        self.notifier.changed.connect(self._after_change)

        # Automatic backups: after changes, at most every 30 minutes (the rule is in the service).
        self.backup_timer = QTimer(self)
        self.backup_timer.timeout.connect(self._auto_backup)
        self.backup_timer.start(AUTO_BACKUP_CHECK_MS)

    def show_page(self, class_name: str) -> QWidget:
        page = self.pages[class_name]
        self.nav.setCurrentRow(self.stack.indexOf(page))
        return page

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

        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)
        self._retranslate()

    def _retranslate(self) -> None:
        """Set every text of the window; called again when the user switches language in Settings."""
        self.setWindowTitle(self.tr("CellSec — Party cell secretary's handbook"))
        for row in range(self.nav.count()):
            self.nav.item(row).setText(self.stack.widget(row).page_title())
        self.file_menu.setTitle(self.tr("&File"))
        self.backup_action.setText(self.tr("&Back up now"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About CellSec"))
        self._update_undo()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "help_menu"):
            self._retranslate()
        super().changeEvent(event)

    def _after_change(self, _change) -> None:
        self._update_undo()

    def _update_undo(self) -> None:
        last = self.services.last_undoable()
        self.undo_action.setEnabled(last is not None)
        self.undo_action.setText(self.tr("&Undo: {action}").format(action=last[1]) if last else self.tr("&Undo"))

    def undo(self) -> None:
        try:
            summary = self.services.undo_last()
        except ServiceError as exc:
            QMessageBox.information(self, self.tr("Undo"), exc.message)
            return
        self.statusBar().showMessage(summary, 5000)

    def _backup_now(self) -> None:
        try:
            path = self.services.backups.backup_now()
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Backup"), self.tr("The backup failed: {error}").format(error=exc))
            return
        self.statusBar().showMessage(self.tr("Backed up to {path}").format(path=path), 8000)

    def _auto_backup(self) -> None:
        try:
            path = self.services.backups.auto_backup()
        except OSError as exc:
            self.statusBar().showMessage(self.tr("Automatic backup failed: {error}").format(error=exc), 8000)
            return
        if path is not None:
            self.statusBar().showMessage(self.tr("Automatic backup saved"), 4000)

    def _about(self) -> None:
        from .. import __version__

        QMessageBox.about(self, self.tr("About CellSec"),
                          self.tr("CellSec {version} — the offline handbook of a Party cell secretary.\nData folder: {folder}").format(version=__version__, folder=self.services.data_dir))

    def closeEvent(self, event) -> None:
        try:
            self.services.backups.auto_backup()
        except OSError:
            pass  # closing must not be blocked by a failed backup; the next start tries again
        self.services.close()
        super().closeEvent(event)
