"""Every window of the program opens fully on the screen it is on, and opens again where the user left it.

The laptops CellSec is made for have 1366×768 screens with a taskbar, often at 125 % or 150 % scaling: a
window sized for a desktop monitor would hide its buttons behind the taskbar. One application-wide event
filter (installed at start-up) handles every window and dialog of the program when it is first shown:
- its remembered size, position and maximised state are restored (per window class, in a small settings
  file in the data folder, so each laptop keeps its own and tests never touch the user's);
- otherwise its size is capped to the available screen (taskbar and title bar left out) and it is centred;
- a dialog whose form cannot shrink that far gets its form in a scroll area, the buttons kept below it,
  so a long form scrolls instead of growing past the screen; the main window's pages are made scrollable
  by `scrollable()` the same way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
)

# Room for the title bar and borders the window system adds around a window (Windows 10/11 at 100 %: 31 px
# title, 8 px borders); before a window is first shown Qt does not know them yet.
TITLE_BAR = 32
BORDER = 8
_FITTED = "_cellsec_fitted"
SETTINGS_FILE = "cua-so.ini"
_FITTER = "windowFitter"
_FOREIGN = (QMessageBox, QFileDialog, QInputDialog, QProgressDialog)


def available_rect(widget: QWidget) -> QRect:
    """The screen area a window may use (without the taskbar), in the window's logical pixels."""
    screen = widget.screen() if widget.screen() is not None else QGuiApplication.primaryScreen()
    parent = widget.parentWidget()
    if parent is not None and parent.window().screen() is not None:
        screen = parent.window().screen()
    return screen.availableGeometry()


def room_for(widget: QWidget) -> QSize:
    """The largest client size whose frame (title bar and borders included) fits the available screen."""
    area = available_rect(widget)
    return QSize(area.width() - 2 * BORDER, area.height() - TITLE_BAR - BORDER)


def scrollable(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`content` inside a frameless scroll area that resizes it: it fills the space when there is room and
    scrolls when there is not."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


def _button_row(layout) -> object | None:
    """Take the layout's last item when it is the dialog's row of buttons (a button box, or a row layout
    holding buttons), so it stays below the scrolled form, always reachable."""
    if layout.count() == 0:
        return None
    last = layout.itemAt(layout.count() - 1)
    widget, row = last.widget(), last.layout()
    if isinstance(widget, QDialogButtonBox):
        layout.removeWidget(widget)
        return widget
    if isinstance(row, QHBoxLayout) and any(
            isinstance(row.itemAt(i).widget(), QAbstractButton) for i in range(row.count())):
        layout.takeAt(layout.count() - 1)
        return row
    return None


def _scroll_dialog_form(dialog: QDialog) -> None:
    """Move the dialog's form into a scroll area, keeping its bottom button row (if any) outside it."""
    layout = dialog.layout()
    if layout is None:
        return
    buttons = _button_row(layout)
    margins = layout.contentsMargins()
    content = QWidget()
    content.setObjectName("scrolledForm")
    content.setLayout(layout)  # takes the layout and its widgets off the dialog
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, margins.bottom())
    outer.addWidget(scrollable(content, dialog), 1)
    if buttons is not None:
        layout.setContentsMargins(margins.left(), margins.top(), margins.right(), 0)
        row = QVBoxLayout()
        row.setContentsMargins(margins.left(), 0, margins.right(), 0)
        if isinstance(buttons, QWidget):
            row.addWidget(buttons)
        else:
            row.addLayout(buttons)
        outer.addLayout(row)


def _minimum(widget: QWidget) -> QSize:
    return widget.minimumSize().expandedTo(widget.minimumSizeHint())


def fit(window: QWidget) -> None:
    """Cap the window's size to the screen, making its form scroll when it cannot shrink enough, and
    put it fully on the screen."""
    room = room_for(window)
    need = _minimum(window)
    if isinstance(window, QDialog) and not isinstance(window, QWizard) and (
            need.width() > room.width() or need.height() > room.height()):
        _scroll_dialog_form(window)
        window.setMinimumSize(0, 0)  # the old form's minimum goes; the scrolled layout sets its own
        window.layout().activate()
    minimum = window.minimumSize()
    if minimum.width() > room.width() or minimum.height() > room.height():
        # An explicit minimum larger than the screen would still push the window off it.
        window.setMinimumSize(minimum.boundedTo(room))
    size = window.size().boundedTo(room).expandedTo(_minimum(window).boundedTo(room))
    window.resize(size)
    place(window)


def place(window: QWidget) -> None:
    """Centre the window over its parent (or the screen) and keep its frame inside the available area."""
    area = available_rect(window)
    parent = window.parentWidget()
    centre = parent.window().frameGeometry().center() if parent is not None else area.center()
    width, height = window.width() + 2 * BORDER, window.height() + TITLE_BAR + BORDER
    left = min(max(centre.x() - width // 2, area.left()), area.right() + 1 - width)
    top = min(max(centre.y() - height // 2, area.top()), area.bottom() + 1 - height)
    window.move(max(left, area.left()), max(top, area.top()))


class WindowFitter(QObject):
    """The application-wide filter: fits (or restores) each of the program's windows on its first show and
    remembers its geometry when it is hidden."""

    def __init__(self, settings_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = QSettings(str(settings_path), QSettings.Format.IniFormat)

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.Hide) and isinstance(watched, QWidget) and _ours(watched):
            if kind == QEvent.Type.Show and not watched.property(_FITTED):
                watched.setProperty(_FITTED, True)
                self._first_show(watched)
            elif kind == QEvent.Type.Hide and watched.property(_FITTED) and not watched.isMinimized():
                self.settings.setValue(_key(watched), watched.saveGeometry())
                self.settings.sync()
        return False

    def fit_before_show(self, window: QWidget) -> None:
        """Fit (or restore) `window` now, before it is first shown: start-up does this for the main window and
        starts watching only after its first paint (`watch`)."""
        window.setProperty(_FITTED, True)
        self._first_show(window)

    def watch(self) -> None:
        QApplication.instance().installEventFilter(self)

    def _first_show(self, window: QWidget) -> None:
        fit(window)
        saved = self.settings.value(_key(window))
        if saved is not None and window.restoreGeometry(saved):
            # A geometry saved on a larger screen, or at a smaller scaling, is brought back on screen.
            if not window.isMaximized():
                room = room_for(window)
                window.resize(window.size().boundedTo(room))
                frame = QRect(window.pos(), window.size() + QSize(2 * BORDER, TITLE_BAR + BORDER))
                if not available_rect(window).contains(frame):
                    place(window)


def _ours(widget: QWidget) -> bool:
    return (widget.isWindow() and isinstance(widget, (QDialog, QMainWindow))
            and not isinstance(widget, _FOREIGN) and type(widget).__module__.startswith("cellsec."))


def _key(window: QWidget) -> str:
    return f"geometry/{type(window).__name__}"


def install(app: QApplication, data_dir: Path, *, watch: bool = True) -> WindowFitter:
    """Fit every window of the program from now on (or from `fitter.watch()` when not `watch`: an
    application-wide Python filter while the main window is built and first shown has PySide wrap each of its
    widgets' events, a cost start-up does without); geometries are kept in the data folder."""
    uninstall(app)
    fitter = WindowFitter(Path(data_dir) / SETTINGS_FILE, app)
    fitter.setObjectName(_FITTER)
    if watch:
        fitter.watch()
    return fitter


def uninstall(app: QApplication) -> None:
    """Stop fitting (a test that ran start-up leaves the next test's windows alone)."""
    for fitter in app.findChildren(WindowFitter, _FITTER):
        app.removeEventFilter(fitter)
        fitter.setParent(None)
        fitter.deleteLater()


class _StretchAtLeast(QObject):
    """Keeps a table's stretched column readable: it fills the room the other columns leave, but on a narrow
    screen (a laptop at 125 %, beside a side panel) it keeps `least` pixels and the table scrolls sideways,
    where a plain stretched column was squeezed until its heading was cut ("ıổi sinh ho", "Chi tiết")."""

    def __init__(self, table: QAbstractItemView, column: int, least: int) -> None:
        super().__init__(table)
        self.table, self.column, self.least = table, column, least
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False

    def apply(self) -> None:
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.column and not header.isSectionHidden(c))
        if self.table.viewport().width() - others >= self.least:
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self.column, self.least)


def stretch_at_least(table: QAbstractItemView, column: int, least: int | None = None) -> None:
    """Stretch `column` of `table` into the room left, never below `least` (default: its heading, whole)."""
    header = table.horizontalHeader()
    if least is None:
        least = header.sectionSizeFromContents(column).width()
    for keeper in table.findChildren(_StretchAtLeast):
        if keeper.column == column:
            keeper.least = least
            keeper.apply()
            return
    _StretchAtLeast(table, column, least).apply()


def short_title(text: str, limit: int = 60) -> str:
    """`text` for a window's title bar: cut after a whole word with "…" when longer than `limit` characters
    (a thematic meeting's topic runs to 150, and the title bar cut it wherever it ran out of room)."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,:;—-")
    return cut + "…"
