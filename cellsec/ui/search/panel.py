"""One search box over minutes, resolutions and member names (insensitive to case, tone marks, đ/d and
NFC/NFD; the service folds the text). Results drop down under the box: the record, its date and number,
and a snippet of the original text with the matches in bold. Up/Down choose, Enter or a double-click
opens the record, Esc closes the list. Ctrl+Shift+F anywhere in the window goes to the box."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeySequence, QPalette, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...services.errors import ServiceError

HIT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 250
RESULT_LIMIT = 30
MARK_STYLE = "background-color:#ffe58a; color:#000000;"
META_COLOR = "#5f6368"
PADDING = 6


def highlighted(text: str, spans) -> str:
    """`text` as escaped HTML with every (start, end) span in bold on a yellow ground."""
    out, pos = [], 0
    for start, end in spans:
        out += [html.escape(text[pos:start]), f"<b style='{MARK_STYLE}'>{html.escape(text[start:end])}</b>"]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


class _HitDelegate(QStyledItemDelegate):
    """Paints an item's HTML (title, the line under it, the snippet) with word wrap."""

    def _document(self, option: QStyleOptionViewItem, index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(index.data(HTML_ROLE) or html.escape(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        doc.setTextWidth(max(50, option.rect.width() - 2 * PADDING))
        return doc

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(opt, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.left() + PADDING, opt.rect.top() + PADDING)
        painter.setClipRect(QRect(0, 0, opt.rect.width() - PADDING, opt.rect.height() - PADDING))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = opt.widget.viewport().width() if opt.widget else 600
        opt.rect = QRect(0, 0, width, 0)
        doc = self._document(opt, index)
        return QSize(width, int(doc.size().height()) + 2 * PADDING)


class SearchPanel(QFrame):
    """The results, shown over the window's content right under the search box."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("search_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#search_panel { background: palette(base); border: 1px solid #9aa0a6; }")
        self.results = QListWidget()
        self.results.setObjectName("search_results")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the search box
        self.results.setItemDelegate(_HitDelegate(self.results))
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setUniformItemSizes(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.results)
        self.hide()

    def hits(self) -> list:
        return [self.results.item(i).data(HIT_ROLE) for i in range(self.results.count())
                if self.results.item(i).data(HIT_ROLE) is not None]


class SearchBox(QLineEdit):
    """The search field of the main window (see the module docstring)."""

    opened = Signal(object)  # the SearchHit opened

    def __init__(self, services, window: QWidget) -> None:
        super().__init__(window)
        self.services = services
        self.host = window
        self.setObjectName("global_search")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(340)
        self.panel = SearchPanel(window)
        self.panel.results.itemActivated.connect(self._activated)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _text: self.timer.start())
        self.textChanged.connect(self._text_changed)
        self.returnPressed.connect(self.open_current)
        self.shortcut = QShortcut(QKeySequence("Ctrl+Shift+F"), window, self.focus_search)
        window.installEventFilter(self)
        self.retranslate()

    def sizeHint(self) -> QSize:
        # Wide enough for the placeholder: the menu bar gives its corner widget the size hint.
        hint = super().sizeHint()
        return QSize(max(self.minimumWidth(), hint.width()), hint.height())

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Search minutes, resolutions, members…"))
        self.setToolTip(self.tr("Search minutes, resolutions and member names; no accents needed (Ctrl+Shift+F)"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def focus_search(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    # ---- searching ----------------------------------------------------------------------------------
    def _text_changed(self, text: str) -> None:
        if not text.strip():
            self.timer.stop()
            self.panel.hide()

    def run_search(self) -> None:
        self.timer.stop()
        query = self.text().strip()
        if not query:
            self.panel.hide()
            return
        try:
            hits = self.services.search.search(query, limit=RESULT_LIMIT)
        except ServiceError as exc:
            self._show_message(exc.message)
            return
        results = self.panel.results
        results.clear()
        for hit in hits:
            item = QListWidgetItem(hit.title)
            item.setData(HIT_ROLE, hit)
            item.setData(HTML_ROLE, self.hit_html(hit))
            results.addItem(item)
        if not hits:
            self._show_message(self.tr("Nothing found for \"{query}\".").format(query=query))
            return
        results.setCurrentRow(0)
        self._place()

    def _show_message(self, text: str) -> None:
        self.panel.results.clear()
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.panel.results.addItem(item)
        self._place()

    def hit_html(self, hit) -> str:
        kind = {"meeting": self.tr("Minutes"), "resolution": self.tr("Resolution"),
                "member": self.tr("Party member")}.get(hit.kind, hit.kind)
        meta = [kind] + [x for x in (format_date(hit.date) if hit.date else "", hit.number) if x]
        parts = [f"<b>{highlighted(hit.title, hit.title_spans)}</b>",
                 f"<span style='color:{META_COLOR}'>{html.escape(' · '.join(meta))}</span>"]
        if hit.snippet and hit.snippet != hit.title:
            parts.append(highlighted(hit.snippet, hit.spans))
        return "<br>".join(parts)

    def _place(self) -> None:
        """Right under the box, as wide as the room allows, as tall as the results (within the window)."""
        host = self.host
        width = min(700, host.width() - 40)
        below = self.mapTo(host, QPoint(0, self.height()))
        x = max(10, min(below.x() + self.width() - width, host.width() - width - 10))
        y = below.y() + 2
        self.panel.setFixedWidth(width)
        results = self.panel.results
        content = sum(results.sizeHintForRow(row) for row in range(results.count())) + 6
        self.panel.setGeometry(x, y, width, max(40, min(content, host.height() - y - 16)))
        self.panel.show()
        self.panel.raise_()

    # ---- opening ------------------------------------------------------------------------------------
    def _activated(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.open_hit(hit)

    def open_current(self) -> None:
        """Enter: open the result chosen in the list under the box."""
        results = self.panel.results
        chosen = results.currentItem().data(HIT_ROLE) if results.currentItem() is not None else None
        if self.timer.isActive() or not self.panel.isVisible():
            self.run_search()  # Enter before the pause: search now; the chosen result stays chosen if found
            rows = [i for i in range(results.count()) if chosen is not None
                    and getattr(results.item(i).data(HIT_ROLE), "id", None) == chosen.id]
            if rows:
                results.setCurrentRow(rows[0])
        item = results.currentItem()
        if item is not None:
            self._activated(item)

    def open_hit(self, hit) -> None:
        """Open the record: the minutes editor, the resolution, or the member's record."""
        self.panel.hide()
        window = self.host
        if hit.kind == "member":
            page = window.show_page("MembersPage")
            self.opened.emit(hit)
            page.open_member(hit.id)
            return
        page = window.show_page("MeetingsPage")
        meeting_id = hit.meeting_id or hit.id
        page.show_meeting(meeting_id)  # the page finds the year the meeting counts for
        self.opened.emit(hit)
        if hit.kind == "resolution":
            page.open_resolution(meeting_id)
        else:
            page.open_meeting(meeting_id)

    # ---- keys and focus -----------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        results = self.panel.results
        if event.key() == Qt.Key.Key_Escape and self.panel.isVisible():
            self.panel.hide()
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) \
                and self.panel.isVisible() and results.count():
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}[event.key()]
            results.setCurrentRow(max(0, min(results.count() - 1, results.currentRow() + step)))
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        # Back in the box after a click elsewhere: the results it still has come back, so the arrows and
        # Enter work on them (and not on an empty list that Enter would fill with a new first result).
        super().focusInEvent(event)
        if self.text().strip() and self.panel.results.count() and not self.timer.isActive():
            self._place()

    def focusOutEvent(self, event) -> None:
        # Clicking into the results keeps the focus here (they take none); leaving for another field
        # closes them. A popup (a menu) or another window taking the focus leaves them open.
        if event.reason() not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
            self.panel.hide()
        super().focusOutEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize and self.panel.isVisible():
            self._place()
        return super().eventFilter(watched, event)
