"""Nội dung and Kết luận & biểu quyết: the course of the meeting item by item (presenter, each speech
naming its speaker, the chair's conclusion), then the conclusion or resolution the cell adopted and the
show-of-hands votes. Widgets write straight into the editor's MinutesContent and call editor.changed()."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import AgendaItem, Speech, Vote
from .fields import MemberPicker, PlainTextEdit, centered
from ..common.widgets import FieldMessage


def _tool(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setProperty("edits", True)
    button.setAutoRaise(True)
    return button


def _bold(text: str = "") -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class SpeechCard(QFrame):
    """One contribution: who spoke (a member, a guest or any name typed) and what they said."""

    changed = Signal()
    remove_requested = Signal(object)
    move_requested = Signal(object, int)

    def __init__(self, speech: Speech, number: int, people: tuple[list, list]) -> None:
        super().__init__()
        self.speech = speech
        self.setObjectName("speech")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel()
        self.speaker = MemberPicker()
        self.speaker.setObjectName("speaker")
        self.speaker.set_people(*people)
        self.speaker.set_value(speech.speaker_member_id, speech.speaker_name)
        self.speaker.lineEdit().setPlaceholderText(self.tr("Who spoke"))
        self.up = _tool("▲", self.tr("Move this speech up"))
        self.down = _tool("▼", self.tr("Move this speech down"))
        self.remove = _tool("✕", self.tr("Remove this speech"))
        self.text = PlainTextEdit(lines=3)
        self.text.setObjectName("speech_text")
        self.text.setPlaceholderText(self.tr("What the comrade said"))
        self.text.setPlainText(speech.text)
        self.set_number(number)

        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addWidget(self.speaker, 1)
        for button in (self.up, self.down, self.remove):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.text)

        self.speaker.picked.connect(self._speaker_changed)
        self.text.textChanged.connect(self._text_changed)
        self.up.clicked.connect(lambda: self.move_requested.emit(self, -1))
        self.down.clicked.connect(lambda: self.move_requested.emit(self, 1))
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def set_number(self, number: int) -> None:
        self.number.setText(self.tr("Speech {n}:").format(n=number))

    def _speaker_changed(self) -> None:
        self.speech.speaker_member_id, self.speech.speaker_name = self.speaker.value()
        self.changed.emit()

    def _text_changed(self) -> None:
        self.speech.text = self.text.toPlainText()
        self.changed.emit()


class ContentTab(QWidget):
    """The agenda items on the left (add, remove, reorder); the selected item's record on the right."""

    agenda_changed = Signal()

    def __init__(self, editor) -> None:
        super().__init__()
        self.editor = editor
        self.current = -1
        self.cards: list[SpeechCard] = []
        self._loading = False

        self.items = QListWidget()
        self.items.setObjectName("agenda_items")
        self.items.setWordWrap(True)
        self.items.setSpacing(2)
        self.items.currentRowChanged.connect(self._show_item)
        self.add_item_button = QPushButton()
        self.add_item_button.setObjectName("add_item")
        self.add_item_button.setProperty("edits", True)
        self.add_item_button.clicked.connect(self.add_item)
        self.remove_item_button = QPushButton()
        self.remove_item_button.setProperty("edits", True)
        self.remove_item_button.clicked.connect(self.remove_item)
        self.up_button = _tool("▲", "")
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button = _tool("▼", "")
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.items_label = _bold()
        left = QVBoxLayout()
        left.addWidget(self.items_label)
        left.addWidget(self.items, 1)
        item_buttons = QHBoxLayout()
        item_buttons.addWidget(self.add_item_button)
        item_buttons.addWidget(self.remove_item_button)
        item_buttons.addStretch(1)
        item_buttons.addWidget(self.up_button)
        item_buttons.addWidget(self.down_button)
        left.addLayout(item_buttons)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setFixedWidth(290)

        # The selected item.
        self.title = QLineEdit()
        self.title.setObjectName("item_title")
        self.title.setMaxLength(500)
        self.presenter = MemberPicker()
        self.presenter.setObjectName("presenter")
        self.presentation = PlainTextEdit(lines=4)
        self.presentation.setObjectName("presentation")
        self.speeches_label = _bold()
        self.speeches_box = QVBoxLayout()
        self.speeches_box.setSpacing(6)
        self.add_speech_button = QPushButton()
        self.add_speech_button.setObjectName("add_speech")
        self.add_speech_button.setProperty("edits", True)
        self.add_speech_button.clicked.connect(self.add_speech)
        self.conclusion = PlainTextEdit(lines=3)
        self.conclusion.setObjectName("conclusion")
        self.title_label, self.presenter_label = QLabel(), QLabel()
        self.presentation_label, self.conclusion_label = _bold(), _bold()
        self.empty = QLabel()
        self.empty.setWordWrap(True)

        detail = QWidget()
        form = QGridLayout(detail)
        # Never squeezed below what its fields need: the scroll area scrolls instead.
        form.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        form.setColumnStretch(1, 1)
        form.addWidget(self.title_label, 0, 0)
        form.addWidget(self.title, 0, 1)
        form.addWidget(self.presenter_label, 1, 0)
        form.addWidget(self.presenter, 1, 1)
        column = QVBoxLayout()
        column.addWidget(self.presentation_label)
        column.addWidget(self.presentation)
        column.addWidget(self.speeches_label)
        column.addLayout(self.speeches_box)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_speech_button)
        add_row.addStretch(1)
        column.addLayout(add_row)
        column.addWidget(self.conclusion_label)
        column.addWidget(self.conclusion)
        column.addStretch(1)
        form.addLayout(column, 2, 0, 1, 2)
        self.detail = detail
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always shown: the record of an item grows speech by speech while the secretary types.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(detail)
        self.scroll = scroll

        right = QVBoxLayout()
        right.addWidget(self.empty)
        right.addWidget(scroll, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(left_box)
        layout.addLayout(right, 1)

        self.title.textEdited.connect(self._title_edited)
        self.presenter.picked.connect(self._presenter_changed)
        self.presentation.textChanged.connect(lambda: self._set("presentation", self.presentation.toPlainText()))
        self.conclusion.textChanged.connect(lambda: self._set("conclusion", self.conclusion.toPlainText()))
        QShortcut(QKeySequence("Ctrl+Return"), self, self.add_speech,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()

    def retranslate(self) -> None:
        self.items_label.setText(self.tr("Agenda items"))
        self.add_item_button.setText(self.tr("Add item"))
        self.remove_item_button.setText(self.tr("Remove"))
        self.up_button.setToolTip(self.tr("Move the item up"))
        self.down_button.setToolTip(self.tr("Move the item down"))
        self.title_label.setText(self.tr("Item:"))
        self.presenter_label.setText(self.tr("Presented by:"))
        self.presenter.lineEdit().setPlaceholderText(self.tr("Choose a member or type a name"))
        self.presentation_label.setText(self.tr("Presentation (summary)"))
        self.speeches_label.setText(self.tr("Contributions"))
        self.add_speech_button.setText(self.tr("Add a speech (Ctrl+Enter)"))
        self.conclusion_label.setText(self.tr("The chair's conclusion on this item"))
        self.empty.setText(self.tr("The minutes have no agenda item yet: click \"Add item\"."))

    # ---- the list -----------------------------------------------------------------------------------
    @property
    def agenda(self) -> list[AgendaItem]:
        return self.editor.content.agenda

    def load(self) -> None:
        keep = max(self.current, 0)
        self._loading = True
        self.items.clear()
        for i, item in enumerate(self.agenda):
            QListWidgetItem(self._label(i, item), self.items)
        self._loading = False
        self.current = -1
        if self.agenda:
            self.items.setCurrentRow(min(keep, len(self.agenda) - 1))
        else:
            self._show_item(-1)

    def _label(self, index: int, item: AgendaItem) -> str:
        untitled = self.tr("(untitled)")
        return f"{index + 1}. {item.title or untitled}"

    def _relabel(self) -> None:
        for i, item in enumerate(self.agenda):
            self.items.item(i).setText(self._label(i, item))

    def add_item(self) -> None:
        self.agenda.append(AgendaItem())
        QListWidgetItem(self._label(len(self.agenda) - 1, self.agenda[-1]), self.items)
        self.items.setCurrentRow(len(self.agenda) - 1)
        self._agenda_edited()
        self.title.setFocus()

    def remove_item(self) -> None:
        i = self.current
        if not 0 <= i < len(self.agenda):
            return
        item = self.agenda[i]
        if item.presentation or item.speeches or item.conclusion:
            answer = QMessageBox.question(
                self, self.tr("Remove item"),
                self.tr("Remove item {n} \"{title}\" with everything written under it?").format(
                    n=i + 1, title=item.title),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        del self.agenda[i]
        self.current = -1
        self._loading = True
        self.items.takeItem(i)
        self._loading = False
        self._relabel()
        if self.agenda:
            self.items.setCurrentRow(min(i, len(self.agenda) - 1))
            self._show_item(self.items.currentRow())
        else:
            self._show_item(-1)
        self._agenda_edited()

    def move_item(self, delta: int) -> None:
        i, j = self.current, self.current + delta
        if not (0 <= i < len(self.agenda) and 0 <= j < len(self.agenda)):
            return
        self.agenda[i], self.agenda[j] = self.agenda[j], self.agenda[i]
        self._relabel()
        self.current = -1
        self.items.setCurrentRow(j)
        self._agenda_edited()

    def _agenda_edited(self) -> None:
        self.agenda_changed.emit()
        self.editor.changed()

    # ---- the selected item --------------------------------------------------------------------------
    def _show_item(self, index: int) -> None:
        if self._loading or index == self.current and index >= 0:
            return
        self.current = index
        has = 0 <= index < len(self.agenda)
        self.scroll.setVisible(has)
        self.empty.setVisible(not has)
        self.remove_item_button.setEnabled(has and not self.editor.read_only)
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        if not has:
            return
        item = self.agenda[index]
        people = self.editor.people()
        self._loading = True
        self.title.setText(item.title)
        self.title.setCursorPosition(0)
        self.presenter.set_people(*people)
        self.presenter.set_value(item.presenter_member_id, item.presenter_name)
        self.presentation.setPlainText(item.presentation)
        self.conclusion.setPlainText(item.conclusion)
        for n, speech in enumerate(item.speeches, start=1):
            self._add_card(speech, n, people)
        self._loading = False
        self.editor.apply_read_only(self.detail)

    def _add_card(self, speech: Speech, number: int, people) -> SpeechCard:
        card = SpeechCard(speech, number, people)
        card.changed.connect(self._speech_changed)
        card.remove_requested.connect(self.remove_speech)
        card.move_requested.connect(self.move_speech)
        self.speeches_box.addWidget(card)
        self.cards.append(card)
        return card

    def _set(self, field: str, value) -> None:
        if self._loading or not 0 <= self.current < len(self.agenda):
            return
        setattr(self.agenda[self.current], field, value)
        self.editor.changed()

    def _title_edited(self, text: str) -> None:
        self._set("title", text)
        if 0 <= self.current < len(self.agenda):
            self.items.item(self.current).setText(self._label(self.current, self.agenda[self.current]))
            self.agenda_changed.emit()

    def _presenter_changed(self) -> None:
        if self._loading or not 0 <= self.current < len(self.agenda):
            return
        item = self.agenda[self.current]
        item.presenter_member_id, item.presenter_name = self.presenter.value()
        self.editor.changed()

    def _speech_changed(self) -> None:
        if not self._loading:
            self.editor.changed()

    def add_speech(self) -> SpeechCard | None:
        if self.editor.read_only or not 0 <= self.current < len(self.agenda):
            return None
        speech = Speech()
        self.agenda[self.current].speeches.append(speech)
        card = self._add_card(speech, len(self.cards) + 1, self.editor.people())
        card.speaker.setFocus()
        self.scroll.ensureWidgetVisible(card)
        self.editor.changed()
        return card

    def remove_speech(self, card: SpeechCard) -> None:
        speeches = self.agenda[self.current].speeches
        if card.speech.text.strip():
            answer = QMessageBox.question(self, self.tr("Remove speech"), self.tr("Remove this speech?"),
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        index = self.cards.index(card)
        del speeches[index]
        self.cards.pop(index)
        card.deleteLater()
        for n, other in enumerate(self.cards, start=1):
            other.set_number(n)
        self.editor.changed()

    def move_speech(self, card: SpeechCard, delta: int) -> None:
        speeches = self.agenda[self.current].speeches
        i = self.cards.index(card)
        j = i + delta
        if not 0 <= j < len(speeches):
            return
        speeches[i], speeches[j] = speeches[j], speeches[i]
        keep = self.current
        self.current = -1
        self._show_item(keep)
        self.cards[j].text.setFocus()
        self.editor.changed()


VOTE_COLUMNS = 5


class VotesTab(QWidget):
    """The conclusion or resolution text, the vote on each item voted and on the resolution, and the
    separate resolution document (numbered "NQ")."""

    def __init__(self, editor) -> None:
        super().__init__()
        self.editor = editor
        self._loading = False
        self.text_label = _bold()
        self.resolution_text = PlainTextEdit(lines=6)
        self.resolution_text.setObjectName("resolution_text")
        self.resolution_text.textChanged.connect(self._text_changed)

        self.votes_label = _bold()
        self.votes = QTableWidget(0, VOTE_COLUMNS)
        self.votes.setObjectName("votes")
        self.votes.verticalHeader().hide()
        self.votes.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.votes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
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
        layout.addWidget(self.votes, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.document_box)
        self.retranslate()

    def retranslate(self) -> None:
        self.text_label.setText(self.tr("Conclusion or resolution adopted by the cell"))
        self.resolution_text.setPlaceholderText(self.tr("e.g. Chi bộ thống nhất quyết nghị:\n1. …\n2. …"))
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
        self.votes.resizeRowsToContents()
        row_height = QSpinBox().sizeHint().height() + 6
        for row in range(len(targets)):
            self.votes.setRowHeight(row, max(self.votes.rowHeight(row), row_height))
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
