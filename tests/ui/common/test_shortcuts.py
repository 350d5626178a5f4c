"""Redo in text boxes: typing undone with Ctrl+Z comes back with Ctrl+Y or Ctrl+Shift+Z in the editors'
boxes, and in the main window those keys redo the typing in the box, not the last saved action."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLineEdit

from cellsec.services.members.service import MemberInput
from cellsec.ui.app.main_window import MainWindow
from cellsec.ui.common.shortcuts import install_text_redo
from cellsec.ui.reviews.editor import ReviewEditor

from ...services.meeting_data import add_members
from ..conftest import type_text
from ..meetings.pages import content_of_new_minutes

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
REDO_KEYS = ((Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT))


@pytest.fixture(autouse=True)
def text_redo(qapp):
    redo = install_text_redo(qapp)  # as start-up does
    yield redo
    qapp.removeEventFilter(redo)
    redo.setParent(None)


def _text(box) -> str:
    return box.text() if isinstance(box, QLineEdit) else box.toPlainText()


def _type_undo_redo(qtbot, box, words: str) -> None:
    """Type, undo, redo with each key in turn; the words are back each time."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier if isinstance(box, QLineEdit) else CTRL)
    before = _text(box)
    type_text(box, words)
    typed = _text(box)
    assert typed == before + words
    for key, modifiers in REDO_KEYS:
        qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
        assert _text(box) == before, box.objectName()
        qtbot.keyClick(box, key, modifiers)
        assert _text(box) == typed, (box.objectName(), key)


def test_minutes_boxes_redo_with_ctrl_y_and_ctrl_shift_z(qtbot, services, boxes):
    add_members(services)
    editor, content = content_of_new_minutes(qtbot, services)
    content.add_speech()
    card = content.cards[0]
    for box in (content.title, content.presentation, card.text, content.conclusion):
        _type_undo_redo(qtbot, box, "Nhất trí")
    _type_undo_redo(qtbot, card.speaker.lineEdit(), "Khách mời")  # a guest: no member's name completes it
    assert content.presentation.toPlainText().endswith("Nhất trí")  # what is on screen is what gets saved
    editor.keeper.stop()


def test_review_boxes_redo_with_ctrl_y_and_ctrl_shift_z(qtbot, services, boxes):
    services.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam", date_of_birth=dt.date(1980, 1, 1),
                                     list_no=1, admitted_on=dt.date(2010, 5, 19), official_on=dt.date(2011, 5, 19),
                                     status="chinh_thuc"))
    services.reviews.open_year(dt.date.today().year, today=dt.date.today())
    review = services.reviews.list_reviews(dt.date.today().year)[0]
    editor = ReviewEditor(services, review.id, today=dt.date.today())
    qtbot.addWidget(editor)
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    section = next(iter(editor.sections.edits.values()))
    _type_undo_redo(qtbot, section, "Hoàn thành tốt nhiệm vụ.")
    editor.keeper.stop()


class _GnomeLineEdit(QLineEdit):
    """A line edit as Qt makes it under GNOME's key scheme, where Ctrl+Y is not one of the Redo keys: it
    neither claims Ctrl+Y before the window's shortcuts nor redoes on it."""

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Y:
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Y and event.modifiers() & CTRL:
            event.ignore()
            return
        super().keyPressEvent(event)


def test_in_the_main_window_ctrl_y_redoes_the_typing_not_the_last_saved_action(qtbot, services):
    window = MainWindow(services)
    qtbot.addWidget(window)
    box = _GnomeLineEdit()
    box.setObjectName("note_box")
    window.statusBar().addWidget(box)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    services.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam", date_of_birth=dt.date(1980, 1, 1),
                                     admitted_on=dt.date(2005, 1, 1)))
    window.undo()
    qtbot.waitUntil(window.redo_action.isEnabled)  # an action could be redone
    _type_undo_redo(qtbot, box, "ghi chú")
    assert services.members.list() == []  # the keys went to the box, the removed member stays removed
    assert window.redo_action.isEnabled()
