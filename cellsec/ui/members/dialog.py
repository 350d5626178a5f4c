"""Add or edit one member: every registry field in four tabs (plus history for an existing member),
checked by svc.members.check() as the user types, with the message next to the field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QColor, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.dues import month_label
from ...domain.members import (
    ACTIVITY_LABELS,
    DUES_CATEGORIES,
    DUES_CATEGORY_LABELS,
    FIELD_LABELS,
    GENDER_LABELS,
    PARTY_STATUS_LABELS,
    PARTY_STATUSES,
    POLITICAL_THEORY_LABELS,
    POLITICAL_THEORY_LEVELS,
    label,
    probation_end,
)
from ...services.errors import ServiceError, ValidationFailed
from ...services.revisions import ChangedMeanwhile
from ...services.members.service import MemberInput
from ..common.editor import DraftKeeper, ElsewhereBanner, RevisionWatch, ask_changed_meanwhile
from ..common.widgets import (
    ERROR_COLOR,
    DateEdit,
    FieldMessage,
    banner,
    format_money,
    local_clock,
    parse_money,
    with_message,
)

DRAFT_KIND = "member"
NEW_MEMBER = "new"  # the draft key of a member not saved yet
DATE_FIELDS = ("date_of_birth", "admitted_on", "official_on", "card_valid_from")
# Fields a new, empty form lacks by nature: their "required" errors wait until the user has been there.
_REQUIRED_QUIETLY = ("full_name", "date_of_birth", "gender", "admitted_on")


class MemberDialog(QDialog):
    def __init__(self, services, member_id: str | None = None, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.member_id = member_id
        self.today = today
        # The revision this edit starts from, read before the record: a change in between is refused, not lost.
        self.base_rev = services.members.revision(member_id) if member_id else None
        self.record = services.members.get(member_id) if member_id else None
        self.saved = None
        self.touched: set[str] = set()
        self.errors: dict[str, str] = {}
        self.warnings: dict[str, str] = {}
        self.edits: dict[str, QWidget] = {}
        self.messages: dict[str, FieldMessage] = {}
        self.tab_of: dict[str, int] = {}

        if self.record is None:
            self.setWindowTitle(self.tr("New party member"))
        else:
            self.setWindowTitle(self.tr("Party member {name}").format(name=self.record.full_name))
        self.resize(800, 580)

        self.tabs = QTabWidget()
        self._personal_tab()
        self._registry_tab()
        self._positions_tab()
        self._dues_tab()
        if self.record is not None:
            self._history_tab()

        self._build_bottom()

        if self.record is not None:
            self._load(self.record)
            self.touched.update(self.edits)
        else:
            # The next free number in the cell's list; the secretary may change it.
            self.edits["list_no"].setText(str(services.members.next_list_no()))
        self.keeper.track(member_id or NEW_MEMBER)
        self._offer_draft()
        for key, widget in self.edits.items():
            self._connect(key, widget)
        self.validate()
        self.edits["full_name"].setFocus()

    def _build_bottom(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Never lose a word: what is typed is autosaved within two seconds and offered back after a crash.
        self.keeper = DraftKeeper(self.services, DRAFT_KIND, self._draft, self)
        self.recovered = banner("recovered")
        # Saved elsewhere while this dialog is open (the window's poll hears it): say so, keep the typing.
        self.elsewhere_banner = ElsewhereBanner()
        self.elsewhere_banner.reload_requested.connect(self.reload)
        self.watch = RevisionWatch(self.services, self, frozenset({"members"}),
                                   lambda: self.services.members.revision(self.member_id), lambda: self.base_rev)
        self.watch.changed_elsewhere.connect(lambda: self.elsewhere_banner.show_changed(True))
        bottom = QHBoxLayout()
        bottom.addWidget(self.keeper.label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.recovered)
        layout.addWidget(self.elsewhere_banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)

    # ---- building the form ------------------------------------------------------------------------------
    def _form_tab(self, title: str) -> QFormLayout:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(6)
        outer.addLayout(form)
        outer.addStretch(1)  # fields stay at the top; the free space goes below them
        self.tabs.addTab(page, title)
        return form

    def _add(self, form: QFormLayout, key: str, widget: QWidget, hint: str = "") -> QWidget:
        widget.setObjectName(key)
        box, message = with_message(widget)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setObjectName(f"{key}_hint")
            hint_label.setStyleSheet("color: palette(placeholder-text);")
            hint_label.setWordWrap(True)
            box.layout().insertWidget(1, hint_label)
        form.addRow(FIELD_LABELS[key].format() + ":", box)
        self.edits[key] = widget
        self.messages[key] = message
        self.tab_of[key] = self.tabs.count() - 1
        return widget

    def _line(self, max_length: int = 200, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        edit.setPlaceholderText(placeholder)
        return edit

    def _combo(self, items: list[tuple[str, str]], editable: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        for key, text in items:
            combo.addItem(text, key)
        return combo

    def _personal_tab(self) -> None:
        form = self._form_tab(self.tr("Personal details"))
        self._add(form, "full_name", self._line(placeholder=self.tr("e.g. Nguyễn Văn An")))
        self._add(form, "alias", self._line())
        self._add(form, "date_of_birth", DateEdit())
        self._add(form, "gender", self._combo([("", self.tr("(choose)"))] +
                                              [(k, m.format()) for k, m in GENDER_LABELS.items()]))
        cccd = self._line(20, self.tr("12 digits"))
        cccd.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 .\-]{0,20}"), cccd))
        self._add(form, "cccd", cccd)
        self._add(form, "phone", self._line(30))
        self._add(form, "hometown", self._line())
        self._add(form, "workplace", self._line())
        note = QPlainTextEdit()
        note.setTabChangesFocus(True)
        note.setFixedHeight(70)
        self._add(form, "note", note)

    def _registry_tab(self) -> None:
        form = self._form_tab(self.tr("Party registration"))
        list_no = self._line(7)
        list_no.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,7}"), list_no))
        list_no.setMaximumWidth(120)
        self._add(form, "list_no", list_no)
        self._add(form, "admitted_on", DateEdit())
        self.probation_hint = QLabel()
        self.probation_hint.setObjectName("probation_hint")
        form.addRow("", self.probation_hint)
        self._add(form, "status", self._combo([(k, PARTY_STATUS_LABELS[k].format()) for k in PARTY_STATUSES]))
        self._add(form, "official_on", DateEdit())
        self._add(form, "card_no", self._line(30))
        self._add(form, "card_valid_from", DateEdit(),
                  self.tr("A new card number (e.g. a re-issued card) starts a new entry in the card history."))
        self._add(form, "ly_lich_no", self._line(30))
        if self.record is not None:
            status = QLabel(label(ACTIVITY_LABELS, self.record.activity_status))
            status.setObjectName("activity_status")
            form.addRow(FIELD_LABELS["activity_status"].format() + ":", status)

    def _positions_tab(self) -> None:
        form = self._form_tab(self.tr("Positions and qualifications"))
        self._add(form, "position_party", self._line(placeholder=self.tr("e.g. Bí thư chi bộ")))
        self._add(form, "position_government", self._line())
        self._add(form, "position_mass_org", self._line())
        self._add(form, "education", self._line(100, self.tr("e.g. 12/12")))
        self._add(form, "professional_level", self._line(100, self.tr("e.g. Cử nhân Kinh tế")))
        theory = self._combo([("", "")] + [(k, POLITICAL_THEORY_LABELS[k].format()) for k in POLITICAL_THEORY_LEVELS],
                             editable=True)
        self._add(form, "political_theory", theory)

    def _dues_tab(self) -> None:
        form = self._form_tab(self.tr("Party dues"))
        self._add(form, "dues_category", self._combo([(k, DUES_CATEGORY_LABELS[k].format()) for k in DUES_CATEGORIES]))
        basis = self._line(20, "0")
        basis.setMaximumWidth(200)
        self._add(form, "dues_basis", basis,
                  self.tr("In đồng: last month's salary on which social insurance is paid, or the pension."))
        if self.record is not None:
            # What a transfer paper says ("đã đóng đảng phí hết tháng …"), from the dues ledger.
            paid = self.services.dues.paid_through(self.member_id)
            paid_label = QLabel(month_label(paid) if paid else self.tr("no month recorded as paid yet"))
            paid_label.setObjectName("dues_paid_through")
            form.addRow(self.tr("Dues paid through month:"), paid_label)

    def _history_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        cards = self.services.members.card_history(self.member_id)
        card_box = QGroupBox(self.tr("Party card numbers"))
        QVBoxLayout(card_box).addWidget(self._table(
            [self.tr("Card no."), self.tr("From"), self.tr("Note")],
            [[c.card_no, format_date(c.valid_from), c.note] for c in cards], "card_history", stretch=2))
        statuses = self.services.members.status_history(self.member_id)
        status_box = QGroupBox(self.tr("Activity status history"))
        QVBoxLayout(status_box).addWidget(self._table(
            [self.tr("Status"), self.tr("From"), self.tr("Until"), self.tr("Organisation"), self.tr("Reason"),
             self.tr("Decision")],
            [[label(ACTIVITY_LABELS, s.activity_status), format_date(s.status_from), format_date(s.status_to),
              s.org, s.reason, s.decision] for s in statuses], "status_history", stretch=4))
        layout.addWidget(card_box, 1)
        layout.addWidget(status_box, 2)
        self.tabs.addTab(page, self.tr("History"))

    @staticmethod
    def _table(headers: list[str], rows: list[list[str]], name: str, stretch: int) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(headers)):
            mode = QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    # ---- values ------------------------------------------------------------------------------------------
    def _connect(self, key: str, widget: QWidget) -> None:
        def touched(*_args, k=key) -> None:
            self.touched.add(k)
            self.keeper.touched()
            self.validate()

        if isinstance(widget, DateEdit):
            widget.date_changed.connect(self.validate)
            widget.textEdited.connect(touched)
            widget.editingFinished.connect(touched)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(touched)
            widget.textChanged.connect(self.validate)
            widget.editingFinished.connect(touched)
            if key == "dues_basis":
                widget.editingFinished.connect(self._tidy_money)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(touched)
            if widget.isEditable():
                widget.editTextChanged.connect(touched)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(touched)
        if key == "admitted_on":
            widget.date_changed.connect(self._probation_hint)

    def _load(self, r) -> None:
        for key, widget in self.edits.items():
            value = getattr(r, key)
            if isinstance(widget, DateEdit):
                widget.set_value(value)
            elif key == "list_no":
                widget.setText("" if value is None else str(value))
            elif key == "dues_basis":
                widget.setText(format_money(value or 0))
            elif isinstance(widget, QComboBox):
                index = widget.findData(value or "")
                if index >= 0:
                    widget.setCurrentIndex(index)
                else:
                    widget.setEditText(value)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            else:
                widget.setText(value or "")
        self._probation_hint()

    # ---- drafts ------------------------------------------------------------------------------------------
    def _draft(self) -> dict[str, str]:
        """The form as typed (even a half-typed date), so a crash gives back exactly what was on screen."""
        return {key: _widget_text(widget) for key, widget in self.edits.items()}

    def _offer_draft(self) -> None:
        draft = self.keeper.recover()
        if draft is None:
            return
        for key, text in draft.payload.items():
            if key in self.edits:
                _set_widget_text(self.edits[key], text)
                self.touched.add(key)
        self.keeper.show_saved(draft.saved_at)
        self.recovered.setText(self.tr("You are seeing what was typed before the program closed without saving "
                                       "(autosaved at {time}). Save to keep it.").format(
            time=local_clock(draft.saved_at)))
        self.recovered.show()

    def reject(self) -> None:
        self.keeper.discard()  # Cancel: the user chose to throw the typing away
        super().reject()

    def _combo_value(self, combo: QComboBox) -> str:
        if combo.isEditable():
            text = combo.currentText().strip()
            index = combo.findText(text)
            return combo.itemData(index) if index >= 0 else text
        return combo.currentData() or ""

    def collect(self) -> tuple[MemberInput, dict[str, str]]:
        """The form as a MemberInput, plus the errors found before the service sees it (bad dates, numbers)."""
        values: dict[str, object] = {}
        local: dict[str, str] = {}
        for key, widget in self.edits.items():
            if isinstance(widget, DateEdit):
                error = widget.error()
                if error:
                    local[key] = error
                values[key] = None if error else widget.value()
            elif key == "list_no":
                text = widget.text().strip()
                values[key] = int(text) if text else None
            elif key == "dues_basis":
                amount = parse_money(widget.text())
                if amount is None:
                    local[key] = self.tr("Enter an amount in đồng, e.g. 5.200.000.")
                values[key] = amount or 0
            elif isinstance(widget, QComboBox):
                values[key] = self._combo_value(widget)
            elif isinstance(widget, QPlainTextEdit):
                values[key] = widget.toPlainText()
            else:
                values[key] = widget.text()
        return MemberInput(**values), local

    # ---- checking ----------------------------------------------------------------------------------------
    def validate(self) -> None:
        data, local = self.collect()
        result = self.services.members.check(data, self.member_id, today=self.today)
        self.errors = {**result.errors, **local}
        self.warnings = dict(result.warnings)
        hidden: list[str] = []
        for key, message in self.messages.items():
            widget = self.edits[key]
            quiet = (key in _REQUIRED_QUIETLY and key not in self.touched and key in self.errors
                     and not self._has_text(widget))
            typing = isinstance(widget, DateEdit) and widget.is_being_typed()
            if quiet or typing:
                message.clear_message()
                if key in self.errors:
                    hidden.append(key)
            else:
                message.show_result(key, self.errors, self.warnings)
        self._mark_tabs()
        other = [text for key, text in self.errors.items() if key not in self.messages]
        if other:
            self._summary("\n".join(other), ERROR_COLOR)
        elif hidden:
            names = ", ".join(FIELD_LABELS[k].format() for k in hidden)
            self._summary(self.tr("Still to fill in: {fields}.").format(fields=names), "")
        else:
            self._summary("", "")
        self.save_button.setEnabled(not self.errors)

    @staticmethod
    def _has_text(widget: QWidget) -> bool:
        if isinstance(widget, QComboBox):
            return bool(widget.currentData() or (widget.isEditable() and widget.currentText().strip()))
        if isinstance(widget, QPlainTextEdit):
            return bool(widget.toPlainText().strip())
        return bool(widget.text().strip())

    def _summary(self, text: str, color: str) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {color};" if color else "")
        self.summary.setVisible(bool(text))

    def _mark_tabs(self) -> None:
        bad_tabs = {self.tab_of[k] for k, m in self.messages.items() if m.kind == "error"}
        bar = self.tabs.tabBar()
        for index in range(self.tabs.count()):
            bar.setTabTextColor(index, QColor(ERROR_COLOR) if index in bad_tabs else self.palette().windowText().color())

    def _probation_hint(self) -> None:
        edit: DateEdit = self.edits["admitted_on"]
        try:
            admitted = edit.value()
        except ValueError:
            admitted = None
        end = probation_end(admitted) if admitted else None
        self.probation_hint.setText(self.tr("Probation ends on {date}").format(date=format_date(end)) if end else "")

    def _tidy_money(self) -> None:
        widget: QLineEdit = self.edits["dues_basis"]
        amount = parse_money(widget.text())
        if amount is not None and widget.text():
            widget.setText(format_money(amount))

    # ---- saving ------------------------------------------------------------------------------------------
    def save(self) -> None:
        self.touched.update(self.edits)
        self.validate()
        if self.errors:
            self._show_first_error()
            return
        data, _local = self.collect()
        try:
            with self.services.ctx.action(self):  # its own save is not "changed elsewhere"
                if self.member_id is None:
                    self.saved = self.services.members.add(data)
                else:
                    self.saved = self.services.members.update(self.member_id, data, base_rev=self.base_rev)
        except ChangedMeanwhile as exc:
            self._changed_meanwhile(exc)
            return
        except ValidationFailed as exc:
            for key, text in exc.errors.items():
                if key in self.messages:
                    self.messages[key].set_error(text)
            self.errors = dict(exc.errors)
            self._mark_tabs()
            self._show_first_error()
            unplaced = [text for key, text in exc.errors.items() if key not in self.messages]
            if unplaced:
                self._summary("\n".join(unplaced), ERROR_COLOR)
            return
        except ServiceError as exc:
            # Disk full, duplicate number...: say so and keep everything the user typed.
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        self.keeper.discard()
        self.accept()

    def _changed_meanwhile(self, exc: ChangedMeanwhile) -> None:
        """Saved elsewhere since this dialog opened (another window, the command line, a sync): say what
        changed; the user reloads (sees theirs, drops this edit) or keeps this edit as a new revision."""
        choice = ask_changed_meanwhile(self, self.windowTitle(), exc.message)
        if choice == "reload":
            self.reload()
        elif choice == "keep":
            self.base_rev = exc.current_rev
            self.save()

    def reload(self) -> None:
        """Show the member as stored now, dropping what was typed here (and its draft)."""
        self.base_rev = self.services.members.revision(self.member_id)
        self.record = self.services.members.get(self.member_id)
        self._load(self.record)
        status = self.findChild(QLabel, "activity_status")
        if status is not None:
            status.setText(label(ACTIVITY_LABELS, self.record.activity_status))
        self.keeper.discard()
        self.recovered.hide()
        self.elsewhere_banner.hide()
        self.validate()

    def _show_first_error(self) -> None:
        for key in self.edits:
            if key in self.errors:
                self.tabs.setCurrentIndex(self.tab_of[key])
                self.edits[key].setFocus()
                return


def _widget_text(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else (widget.currentData() or "")
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return widget.text()


def _set_widget_text(widget: QWidget, text: str) -> None:
    if isinstance(widget, QComboBox):
        index = widget.findData(text) if not widget.isEditable() else widget.findText(text)
        if index >= 0:
            widget.setCurrentIndex(index)
        elif widget.isEditable():
            widget.setEditText(text)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        widget.setText(text)
