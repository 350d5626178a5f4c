"""What the no-lost-update tests of the editors share (issue 15): a second Services on the same store file
(another window or process), the window's outside-change poll, and answering the "changed meanwhile"
question the save asks."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from cellsec.services.facade import Services
from cellsec.ui.common.bridge import ChangeNotifier

RELOAD = "Tải lại"
KEEP_MINE = "Giữ bản của tôi thành bản mới"
STAY = "cancel"
CHANGED = "vừa được sửa ở nơi khác"


@contextmanager
def elsewhere(data_dir):
    """Services of a second window (or the command line) on the same data folder."""
    other = Services.open(data_dir)
    try:
        yield other
    finally:
        other.close()


def change_elsewhere(data_dir, change: Callable[[Services], object]) -> None:
    with elsewhere(data_dir) as other:
        change(other)


def poll_from(services) -> ChangeNotifier:
    """The main window's notifier, which takes its starting point now; `look_outside()` is its 2-second poll
    run at once."""
    return ChangeNotifier(services)


def answer(button: str, seen: list[str]) -> None:
    """Click `button` (its text, or STAY for Cancel) in the next message box, noting what it said."""
    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        if button == STAY:
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            next(b for b in box.buttons() if b.text() == button).click()
    QTimer.singleShot(0, press)


def save_answering(save: Callable[[], object], button: str) -> tuple[object, list[str]]:
    """Press Save (`save`) answering the "changed meanwhile" question with `button`: (its result, texts seen)."""
    seen: list[str] = []
    answer(button, seen)
    result = save()
    return result, seen
