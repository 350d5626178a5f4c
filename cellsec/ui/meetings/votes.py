"""Kết luận & biểu quyết: the conclusion or resolution the cell adopted, the show-of-hands votes on each item
voted and on the resolution, and the separate resolution document. Widgets write straight into the
editor's MinutesContent and call editor.changed()."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import Vote
from .fields import PlainTextEdit, centered
from ..common.widgets import FieldMessage
from .content import bold_label



VOTE_COLUMNS = 5


class _ResolutionText(PlainTextEdit):
    """The resolution's text box asks for three lines (it scrolls) and grows into the room left: the vote
    table below asks for all its rows, which at 125 % on a laptop it lost to the box's default 192 px."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class VotesTab(QWidget):
    """The conclusion or resolution text, the vote on each item voted and on the resolution, and the
    separate resolution document (numbered "NQ")."""

    def __init__(self, editor) -> None:
        super().__init__()
        self.editor = editor
        self._loading = False
        self.text_label = bold_label()
        self.resolution_text = _ResolutionText(lines=3)
        self.resolution_text.setObjectName("resolution_text")
        self.resolution_text.textChanged.connect(self._text_changed)

        self.votes_label = bold_label()
        self.votes = QTableWidget(0, VOTE_COLUMNS)
        self.votes.setObjectName("votes")
        self.votes.verticalHeader().hide()
        # Rows follow their text as the table's width changes (an agenda title wraps on a narrow screen).
        self.votes.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.votes.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.votes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.votes.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.fill_button = QPushButton()
        self.fill_button.setProperty("edits", True)
        self.fill_button.clicked.connect(self.fill_unanimous)
        self.message = FieldMessage()
        self.message.setObjectName("votes_message")

        self.document_box = QGroupBox()
        self.document_status = QLabel()
        self.document_status.setObjectName("resolution_status")
        self.document_status.setWordWrap(True)
        self.edit_resolution_button = QPushButton()
        self.edit_resolution_button.setObjectName("edit_resolution")
        self.print_resolution_button = QPushButton()
        self.print_resolution_button.setObjectName("print_resolution")
        box = QHBoxLayout(self.document_box)
        box.addWidget(self.document_status, 1)
        box.addWidget(self.edit_resolution_button)
        box.addWidget(self.print_resolution_button)

        fill_row = QHBoxLayout()
        fill_row.addWidget(self.votes_label)
        fill_row.addStretch(1)
        fill_row.addWidget(self.fill_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addWidget(self.resolution_text, 1)
        layout.addLayout(fill_row)
        layout.addWidget(self.votes)  # as tall as its rows; the text above takes what is left
        layout.addWidget(self.message)
        layout.addWidget(self.document_box)
        self.retranslate()

    def retranslate(self) -> None:
        self.text_label.setText(self.tr("Conclusion or resolution adopted by the cell"))
        self.resolution_text.setPlaceholderText(self.tr("e.g. 1. …\n2. … (the printed resolution already says \"… QUYẾT NGHỊ:\" above it)"))
        self.votes_label.setText(self.tr("Votes (show of hands)"))
        self.votes.setHorizontalHeaderLabels([self.tr("Voted on"), self.tr("Put to the vote"), self.tr("In favour"),
                                              self.tr("Against"), self.tr("Abstained")])
        header = self.votes.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, VOTE_COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.fill_button.setText(self.tr("Everyone present in favour"))
        self.fill_button.setToolTip(self.tr("Fill in every vote as unanimous: all members present in favour"))
        self.document_box.setTitle(self.tr("Resolution document (own number, signed for the cell)"))
        self.edit_resolution_button.setText(self.tr("Write the resolution…"))
        self.print_resolution_button.setText(self.tr("Print the resolution"))

    # ---- showing ------------------------------------------------------------------------------------
    def _targets(self) -> list[tuple[str, object, str]]:
        """(label, owner, attribute) of every vote: each agenda item, then the resolution."""
        content = self.editor.content
        untitled = self.tr("(untitled)")
        rows = [(f"{i}. {item.title or untitled}", item, "vote")
                for i, item in enumerate(content.agenda, start=1)]
        rows.append((self.tr("The conclusion / resolution as a whole"), content, "resolution_vote"))
        return rows

    def load(self) -> None:
        self._loading = True
        self.resolution_text.setPlainText(self.editor.content.resolution_text)
        self._loading = False
        self.load_votes()
        self.show_document()

    def load_votes(self) -> None:
        self._loading = True
        targets = self._targets()
        self.votes.setRowCount(0)  # drops the previous cell widgets
        self.votes.setRowCount(len(targets))
        for row, (text, owner, attribute) in enumerate(targets):
            vote: Vote | None = getattr(owner, attribute)
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.votes.setItem(row, 0, item)
            check = QCheckBox()
            check.setObjectName(f"voted_{row}")
            check.setChecked(vote is not None)
            self.votes.setCellWidget(row, 1, centered(check))
            spins = []
            counts = (vote.in_favour, vote.against, vote.abstain) if vote else (0, 0, 0)
            for column, value in enumerate(counts, start=2):
                spin = QSpinBox()
                spin.setObjectName(f"vote_{row}_{column - 2}")
                spin.setRange(0, 9999)
                spin.setValue(value)
                spin.setEnabled(vote is not None)
                self.votes.setCellWidget(row, column, spin)
                spins.append(spin)
            check.toggled.connect(lambda on, r=row: self._voted(r, on))
            for spin in spins:
                spin.valueChanged.connect(lambda _v, r=row: self._count_changed(r))
        self._loading = False
        self.editor.apply_read_only(self.votes)

    def spins(self, row: int) -> list[QSpinBox]:
        return [self.votes.cellWidget(row, column) for column in range(2, VOTE_COLUMNS)]

    def check(self, row: int) -> QCheckBox:
        return self.votes.cellWidget(row, 1).findChild(QCheckBox)

    def show_document(self) -> None:
        record = self.editor.record
        resolution = self.editor.services.meetings.get_resolution(record.id) if record.has_resolution else None
        if resolution is None:
            self.document_status.setText(self.tr("No resolution document yet. Write one if the cell adopted a "
                                                 "resolution (it gets its own number, e.g. Số 05-NQ/CB)."))
        elif resolution.status == "approved":
            self.document_status.setText(self.tr("Resolution {number}, issued.").format(number=resolution.number))
        else:
            self.document_status.setText(self.tr("Draft resolution: {title}").format(title=resolution.title or "…"))
        self.print_resolution_button.setEnabled(resolution is not None)
        self.edit_resolution_button.setText(self.tr("Open the resolution…") if resolution is not None
                                            else self.tr("Write the resolution…"))
        self.edit_resolution_button.setEnabled(resolution is not None or not self.editor.superseded)

    def show_checks(self, errors: dict[str, str], warnings: dict[str, str]) -> bool:
        keys = [f"agenda.{i}.vote" for i in range(len(self.editor.content.agenda))] + ["resolution_vote"]
        error = next((errors[k] for k in keys if k in errors), "")
        warning = next((warnings[k] for k in keys if k in warnings), "")
        if error:
            self.message.set_error(error)
        elif warning:
            self.message.set_warning(warning)
        else:
            self.message.clear_message()
        return bool(error)

    # ---- editing ------------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        if not self._loading:
            self.editor.content.resolution_text = self.resolution_text.toPlainText()
            self.editor.changed()

    def _voted(self, row: int, on: bool) -> None:
        for spin in self.spins(row):
            spin.setEnabled(on)
        if on and not any(spin.value() for spin in self.spins(row)):
            self._loading = True
            self.spins(row)[0].setValue(self.editor.record.summary.present)
            self._loading = False
        self._count_changed(row)

    def _count_changed(self, row: int) -> None:
        if self._loading:
            return
        _text, owner, attribute = self._targets()[row]
        if self.check(row).isChecked():
            values = [spin.value() for spin in self.spins(row)]
            setattr(owner, attribute, Vote(*values))
        else:
            setattr(owner, attribute, None)
        self.editor.changed()

    def fill_unanimous(self) -> None:
        present = self.editor.record.summary.present
        for row in range(self.votes.rowCount()):
            if self.check(row).isChecked():
                self._loading = True
                for spin, value in zip(self.spins(row), (present, 0, 0)):
                    spin.setValue(value)
                self._loading = False
                self._count_changed(row)
