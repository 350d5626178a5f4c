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
