"""Shared widgets: a field's message line."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from cellsec.ui.common.widgets import with_message


def test_an_error_line_does_not_move_the_fields_below(qtbot):
    form = QWidget()
    layout = QFormLayout(form)
    first, second = QLineEdit(), QLineEdit()
    box, message = with_message(first)
    layout.addRow("Họ và tên:", box)
    layout.addRow("Ngày sinh:", second)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    before = second.mapTo(form, second.rect().topLeft()).y()
    message.set_error("Không được để trống.")
    qtbot.waitUntil(lambda: message.isVisible())
    form.layout().activate()
    assert second.mapTo(form, second.rect().topLeft()).y() == before
    message.clear_message()
    form.layout().activate()
    assert second.mapTo(form, second.rect().topLeft()).y() == before


def test_locked_fields_look_read_only(qtbot):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout

    from cellsec.ui.common.widgets import set_read_only

    root = QWidget()
    layout = QVBoxLayout(root)
    line, text = QLineEdit("Số 05-BB/CB"), QPlainTextEdit("Chi bộ quyết nghị")
    layout.addWidget(line)
    layout.addWidget(text)
    qtbot.addWidget(root)
    root.show()
    white = line.palette().color(QPalette.ColorRole.Base)
    set_read_only(root, True)
    assert line.isReadOnly() and text.isReadOnly()
    for field in (line, text):
        assert field.palette().color(QPalette.ColorRole.Base) == field.palette().color(QPalette.ColorRole.Window)
        assert field.palette().color(QPalette.ColorRole.Base) != white
        assert field.grab().toImage().pixelColor(3, 3) != white  # painted grey, not white
    set_read_only(root, False)
    assert line.palette().color(QPalette.ColorRole.Base) == white and not line.isReadOnly()
