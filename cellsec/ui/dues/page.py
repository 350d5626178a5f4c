"""Đảng phí: the month's collection ("Thu đảng phí tháng"), the year's grid ("Theo dõi cả năm") and the
dues rules ("Quy định mức đóng"), as three tabs. The tabs re-read the services after any change that
touches dues or members; a hidden page or tab waits until it is shown, and the tab that made a change (the
month's Save, the rules' Save) is not reloaded by it: it shows what it has just saved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...services.context import Change
from ..common.page import Page

from .month import DUES_ENTITIES, MonthTab
from .remittances import RemittanceTab
from .rules import RulesTab
from .year import YearTab


class DuesPage(Page):
    WATCHES = frozenset(DUES_ENTITIES) | {"committee_records"}  # the committee's receipts come by sync

    def __init__(self, services, notifier, parent: QWidget | None = None,
                 today: Callable[[], dt.date] | None = None) -> None:
        super().__init__(services, notifier, parent)
        self.today = today or dt.date.today
        self._guarded: QWidget | None = None
        self.month_tab = MonthTab(services, self.today)
        self.year_tab = YearTab(services, self.today)
        self.rules_tab = RulesTab(services, self.today)
        self.remittance_tab = RemittanceTab(services, self.today)
        self.year_tab.open_month.connect(self.open_month)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dues_tabs")
        for tab in (self.month_tab, self.year_tab, self.rules_tab, self.remittance_tab):
            self.tabs.addTab(tab, "")
        # The month and rules tabs loaded themselves.
        self.stale: set[QWidget] = {self.year_tab, self.remittance_tab}
        self.tabs.currentChanged.connect(lambda _index: self._refresh_current())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self._retitle()

    def page_title(self) -> str:
        return self.tr("Party dues")

    def _retitle(self) -> None:
        self.tabs.setTabText(0, self.tr("Monthly collection"))
        self.tabs.setTabText(1, self.tr("The whole year"))
        self.tabs.setTabText(2, self.tr("Dues rules"))
        self.tabs.setTabText(3, self.tr("Remitted above"))

    def retranslate(self) -> None:
        self._retitle()
        self.month_tab.retranslate()
        self.year_tab.retranslate()
        self.rules_tab.retranslate()
        self.remittance_tab.retranslate()
        self.month_tab.model.layoutChanged.emit()  # category and state labels come from the services

    # ---- refreshing -----------------------------------------------------------------------------------
    def apply_change(self, change: Change | None) -> None:
        """Every tab shows dues or members: mark them stale (except the tab whose own action this was) and
        refresh the one on screen."""
        self.stale = {self.month_tab, self.year_tab, self.rules_tab, self.remittance_tab}
        if change is not None:
            self.stale.discard(change.initiator)
        self._refresh_current()

    def refresh(self) -> None:
        self.apply_change(None)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self and window is not self._guarded:
            # Closing the program must not silently drop a month typed in but not saved.
            window.installEventFilter(self)
            self._guarded = window
        self._refresh_current()

    def eventFilter(self, watched, event) -> bool:
        if watched is self._guarded and event.type() == QEvent.Type.Close and not self.confirm_close():
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def confirm_close(self) -> bool:
        """True when nothing unsaved is left on the page (saved or discarded on the user's answer)."""
        for tab in (self.month_tab, self.rules_tab):
            if tab.is_dirty():
                show_page = getattr(self.window(), "show_page", None)  # bring the page forward to ask
                if show_page is not None:
                    show_page(type(self).__name__)
                self.tabs.setCurrentWidget(tab)
                if not tab.confirm_leave():
                    return False
        return True

    def _refresh_current(self) -> None:
        tab = self.tabs.currentWidget()
        if tab not in self.stale:
            return
        self.stale.discard(tab)
        if tab is self.month_tab:
            if not self.month_tab.is_dirty():
                self.month_tab.load()  # unsaved entries are kept; saving them sends explicit values
        else:
            tab.load()

    def open_month(self, month: dt.date) -> None:
        """Show a month's collection (from the year grid)."""
        self.tabs.setCurrentWidget(self.month_tab)
        self.month_tab.set_month(month)
