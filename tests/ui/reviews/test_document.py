"""What the review editors share (ReviewDocument): times in Vietnam time, and Ctrl+S on the Save button
without the editor base's window shortcut competing for the key."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QVBoxLayout

from cellsec.ui.common.editor import DocumentEditor
from cellsec.ui.reviews.document import save_on_button, vn_time


def test_times_show_in_vietnam_time():
    assert vn_time(dt.datetime(2026, 12, 3, 17, 30)) == "04/12/2026 00:30"  # stored UTC without a zone
    assert vn_time(dt.datetime(2026, 12, 3, 1, 5, tzinfo=dt.timezone.utc)) == "03/12/2026 08:05"
    assert vn_time(None) == ""


def test_ctrl_s_belongs_to_the_save_button_alone(qtbot, services):
    editor = DocumentEditor(services)
    qtbot.addWidget(editor)
    button = QPushButton("Lưu")
    QVBoxLayout(editor).addWidget(button)
    save = QKeySequence(QKeySequence.StandardKey.Save)
    assert any(s.key() == save and s.isEnabled() for s in editor.findChildren(QShortcut))
    save_on_button(editor, button)
    assert button.shortcut() == save
    assert not any(s.key() == save and s.isEnabled() for s in editor.findChildren(QShortcut))
