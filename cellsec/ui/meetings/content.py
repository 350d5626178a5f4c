"""Nội dung: the course of the meeting item by item (presenter, each speech naming its speaker, the chair's
conclusion). Widgets write straight into the editor's MinutesContent and call editor.changed(). The votes
tab is in votes.py."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..common.shortcuts import shortcut
from ...domain.meetings import AgendaItem, Speech
from .fields import MemberPicker, PlainTextEdit


def _tool(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setProperty("edits", True)
    button.setAutoRaise(True)
    # Mouse only: Tab goes from field to field, and a space typed after Tab never moves or removes anything.
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def bold_label(text: str = "") -> QLabel:
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

        # Tab from the speaker goes to what they said (the picker's own line edit otherwise sent it past it).
        self.speaker.installEventFilter(self)
        self.speaker.picked.connect(self._speaker_changed)
        self.text.textChanged.connect(self._text_changed)
        self.up.clicked.connect(lambda: self.move_requested.emit(self, -1))
        self.down.clicked.connect(lambda: self.move_requested.emit(self, 1))
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.speaker and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Tab
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.text.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

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
        left_box = self._build_items()
        scroll = self._build_detail()
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
        shortcut(QKeySequence("Ctrl+Return"), self, self.add_speech, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()

    def _build_items(self) -> QWidget:
        """The agenda items on the left, with add / remove / move buttons."""
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
        self.items_label = bold_label()
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
        return left_box

    def _build_detail(self) -> QScrollArea:
        """The selected item: title, presenter, presentation, the speeches, the conclusion."""
        self.title = QLineEdit()
        self.title.setObjectName("item_title")
        self.title.setMaxLength(500)
        self.presenter = MemberPicker()
        self.presenter.setObjectName("presenter")
        self.presentation = PlainTextEdit(lines=4)
        self.presentation.setObjectName("presentation")
        self.speeches_label = bold_label()
        self.speeches_box = QVBoxLayout()
        self.speeches_box.setSpacing(6)
        self.add_speech_button = QPushButton()
        self.add_speech_button.setObjectName("add_speech")
        self.add_speech_button.setProperty("edits", True)
        self.add_speech_button.clicked.connect(self.add_speech)
        # Ctrl+Enter is its key (named on it); Tab from a speech goes on to the conclusion, and a space typed
        # there never adds an empty speech.
        self.add_speech_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.conclusion = PlainTextEdit(lines=3)
        self.conclusion.setObjectName("conclusion")
        self.title_label, self.presenter_label = QLabel(), QLabel()
        self.presentation_label, self.conclusion_label = bold_label(), bold_label()
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
        return scroll

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
        self._chain_focus()
        return card

    def _chain_focus(self) -> None:
        """Tab order down the item: title, presenter, presentation, each speech's speaker then its text, the
        conclusion (cards made later would otherwise come last in the window)."""
        chain: list[QWidget] = [self.title, self.presenter, self.presentation]
        for card in self.cards:
            chain += [card.speaker, card.text]
        chain.append(self.conclusion)
        for first, second in zip(chain, chain[1:]):
            # An editable picker's line edit holds the focus: the order must continue from it.
            QWidget.setTabOrder(first.lineEdit() if isinstance(first, MemberPicker) else first, second)

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
