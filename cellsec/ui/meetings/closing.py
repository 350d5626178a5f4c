"""The minutes editor's "Kết thúc" tab: the minutes read back, the end time, a closing note, and what
approval still needs."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .fields import PlainTextEdit, TimeField
from ..common.widgets import ERROR_COLOR, WARNING_COLOR


class ClosingTab(QWidget):
    """Kết thúc: the minutes read back, the end time, a closing note, what approval still needs."""

    def __init__(self, editor) -> None:
        super().__init__()
        self.editor = editor
        self._loading = False
        self.read_back = QCheckBox()
        self.read_back.setObjectName("read_back")
        self.end = TimeField()
        self.end.setObjectName("closing_end_time")
        self.end_label = QLabel()
        self.note_label = QLabel()
        self.note = PlainTextEdit(lines=3)
        self.note.setObjectName("closing_note")
        self.checks_title = QLabel()
        font = self.checks_title.font()
        font.setBold(True)
        self.checks_title.setFont(font)
        self.checks = QLabel()
        self.checks.setObjectName("approval_checks")
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.checks.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("closing_approve")
        self.approve_button.clicked.connect(editor.approve)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color: palette(placeholder-text);")

        end_row = QHBoxLayout()
        end_row.addWidget(self.end_label)
        end_row.addWidget(self.end)
        end_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(end_row)
        layout.addWidget(self.read_back)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note, 1)
        layout.addSpacing(8)
        layout.addWidget(self.checks_title)
        layout.addWidget(self.checks, 1)
        approve_row = QHBoxLayout()
        approve_row.addWidget(self.approve_button)
        approve_row.addWidget(self.explain, 1)
        layout.addLayout(approve_row)

        self.read_back.toggled.connect(self._read_back)
        self.end.time_changed.connect(self._end_changed)
        self.note.textChanged.connect(self._note_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.read_back.setText(self.tr("The minutes were read back to the cell and approved"))
        self.end_label.setText(self.tr("The meeting ended at:"))
        self.note_label.setText(self.tr("Closing note (optional)"))
        self.checks_title.setText(self.tr("Before approving"))
        self.approve_button.setText(self.tr("Approve the minutes…"))
        self.explain.setText(self.tr("Approving locks the minutes and gives them the next number of the year; "
                                     "a later correction is made as an amendment."))

    def load(self) -> None:
        c = self.editor.content
        self._loading = True
        self.read_back.setChecked(c.read_back)
        self.end.set_value(c.end_time)
        self.note.setPlainText(c.closing_note)
        self._loading = False

    def show_checks(self, errors: dict[str, str], warnings: dict[str, str], missing: list[str],
                    flags: list) -> bool:
        lines = [f"<span style='color:{ERROR_COLOR}'>✗ {html.escape(text)}</span>" for text in missing]
        if not missing:
            lines.append(html.escape(self.tr("✓ Everything needed for approval is filled in.")))
        lines += [f"<span style='color:{WARNING_COLOR}'>⚠ {html.escape(flag.text)}</span>" for flag in flags]
        self.checks.setText("<br>".join(lines))
        return False

    def _read_back(self, on: bool) -> None:
        if not self._loading:
            self.editor.content.read_back = on
            self.editor.changed()

    def _end_changed(self) -> None:
        if not self._loading:
            self.editor.content.end_time = self.end.value()
            self.editor.changed()
            self.editor.end_time_changed(self.end)

    def _note_changed(self) -> None:
        if not self._loading:
            self.editor.content.closing_note = self.note.toPlainText()
            self.editor.changed()
