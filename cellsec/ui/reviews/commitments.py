"""A member's commitments of a year (đăng ký cam kết tu dưỡng, rèn luyện, phấn đấu): the items registered
at the start of the year, the mid-year check and the year-end result. They pre-fill the review's
"carrying out commitments" section."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.members import IN_CELL_STATUSES
from ...domain.reviews import CommitmentItem
from ...services.errors import ServiceError
from ...services.members.service import MemberQuery
from ...services.reviews.records import CommitmentInput
from ...services.revisions import NEW, ChangedMeanwhile
from .document import save_on_button
from ..common.editor import DocumentEditor
from ..common.widgets import ERROR_COLOR, DateEdit, muted_label, set_combo_data, top_aligned, with_message

# The five standards (Điều 1–5) of Quy định 144-QĐ/TW of 09/5/2024 on revolutionary ethics, quoted as
# reference when members write their commitments; official Vietnamese wording, so not translated.
STANDARDS_144 = (
    "Yêu nước, tôn trọng Nhân dân, tuyệt đối trung thành với Đảng, với Tổ quốc",
    "Bản lĩnh, đổi mới, sáng tạo, hội nhập",
    "Cần, kiệm, liêm, chính, chí công vô tư",
    "Đoàn kết, kỷ cương, tình thương, trách nhiệm",
    "Gương mẫu, khiêm tốn, tu dưỡng rèn luyện, học tập suốt đời",
)
TEXT, MIDYEAR, RESULT, ACHIEVED = range(4)


class CommitmentsDialog(DocumentEditor):
    draft_kind = "review_commitments"
    watched_tables = frozenset({"review_commitments"})

    def __init__(self, services, year: int, member_id: str | None = None, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(services, parent)
        self.today = today
        self.baseline: CommitmentInput | None = None
        self.saved = None
        self.setWindowTitle(self.tr("Commitments"))
        self.resize(1080, 640)

        top = self._top_row(year, member_id)
        item_buttons = self._build_items()
        checks = self._build_checks()
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.items, 1)
        left.addLayout(item_buttons)
        left.addLayout(checks)

        reference = self._reference()
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(reference)

        buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.recovered_banner)
        layout.addWidget(self.elsewhere_banner)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        if member_id is not None:
            set_combo_data(self.member, member_id)
        self._current = (self.member.currentData(), self.year.value())
        self.member.activated.connect(self._switch)
        self.year.valueChanged.connect(self._switch)
        self.load()

    # ---- building ---------------------------------------------------------------------------------------
    def _top_row(self, year: int, member_id: str | None) -> QHBoxLayout:
        self.member = QComboBox()
        self.member.setObjectName("member")
        self.member.setMinimumWidth(240)
        members = self.services.members.list(MemberQuery(activity_statuses=IN_CELL_STATUSES, sort="list_no"))
        for m in members:
            self.member.addItem(m.full_name, m.id)
        if member_id is not None and self.member.findData(member_id) < 0:
            self.member.addItem(self.services.members.get(member_id).full_name, member_id)
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, (self.today or dt.date.today()).year + 1)
        self.year.setValue(year)
        self.registered = DateEdit()
        self.registered.setObjectName("registered_on")
        self.registered.setMaximumWidth(150)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Member:")))
        top.addWidget(self.member)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Registered on:")))
        registered_box, self.registered_message = with_message(self.registered)
        top.addWidget(registered_box)
        top.addStretch(1)
        top.addWidget(self.keeper.label)
        return top

    def _build_items(self) -> QHBoxLayout:
        self.items = QTableWidget(0, 4)
        self.items.setObjectName("items")
        self.items.setHorizontalHeaderLabels([self.tr("Commitment"), self.tr("Mid-year check"),
                                              self.tr("Year-end result"), self.tr("Assessment")])
        self.items.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.items.setWordWrap(True)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((MIDYEAR, 150), (RESULT, 150), (ACHIEVED, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.items.setColumnWidth(column, width)
        self.items.itemChanged.connect(self._changed)
        self.add_button = QPushButton(self.tr("Add item"))
        self.add_button.setObjectName("add_item")
        self.add_button.clicked.connect(lambda: self.add_item(""))
        self.remove_button = QPushButton(self.tr("Remove item"))
        self.remove_button.setObjectName("remove_item")
        self.remove_button.clicked.connect(self.remove_item)
        item_buttons = QHBoxLayout()
        item_buttons.addWidget(self.add_button)
        item_buttons.addWidget(self.remove_button)
        item_buttons.addWidget(muted_label(self.tr("Double-click a cell to edit it.")), 1)
        return item_buttons

    def _build_checks(self) -> QHBoxLayout:
        self.midyear_on = DateEdit()
        self.midyear_on.setObjectName("midyear_on")
        self.midyear = QPlainTextEdit()
        self.midyear.setObjectName("midyear_check")
        self.yearend_on = DateEdit()
        self.yearend_on.setObjectName("yearend_on")
        self.yearend = QPlainTextEdit()
        self.yearend.setObjectName("yearend_result")
        checks = QHBoxLayout()
        self.date_messages = {}
        for title, date, text, key in ((self.tr("Mid-year check"), self.midyear_on, self.midyear, "midyear_on"),
                                       (self.tr("Year-end result"), self.yearend_on, self.yearend, "yearend_on")):
            box = QGroupBox(title)
            form = QFormLayout(box)
            date.setMaximumWidth(150)
            field, self.date_messages[key] = with_message(date)
            form.addRow(self.tr("Date:"), field)
            text.setTabChangesFocus(True)
            text.setMaximumHeight(90)
            form.addRow(self.tr("Findings:"), text)
            checks.addWidget(box)
            date.date_changed.connect(self._changed)
            text.textChanged.connect(self._changed)
        self.registered.date_changed.connect(self._changed)
        return checks

    def _reference(self) -> QGroupBox:
        reference = QGroupBox(self.tr("Reference: Quy định 144-QĐ/TW"))
        reference.setMaximumWidth(300)
        ref_layout = QVBoxLayout(reference)
        ref_layout.addWidget(muted_label(self.tr("The standards of revolutionary ethics of cadres and party "
                                                 "members (double-click one to add it as a commitment):")))
        self.standards = QListWidget()
        self.standards.setObjectName("standards")
        self.standards.setWordWrap(True)
        for i, text in enumerate(STANDARDS_144, 1):
            self.standards.addItem(f"{i}. {text}")
        self.standards.itemDoubleClicked.connect(lambda _item: self.add_standard())
        ref_layout.addWidget(self.standards, 1)
        self.standard_button = QPushButton(self.tr("Add as a commitment"))
        self.standard_button.setObjectName("add_standard")
        self.standard_button.clicked.connect(self.add_standard)
        ref_layout.addWidget(self.standard_button)
        return reference

    def _buttons(self) -> QHBoxLayout:
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.hide()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        save_on_button(self, self.save_button)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.print_form_button = QPushButton(self.tr("Print the registration…"))
        self.print_form_button.setObjectName("print_form")
        self.print_form_button.clicked.connect(lambda: self.print_commitment(result=False))
        self.print_result_button = QPushButton(self.tr("Print the year-end result…"))
        self.print_result_button.setObjectName("print_result")
        self.print_result_button.clicked.connect(lambda: self.print_commitment(result=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_form_button)
        buttons.addWidget(self.print_result_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        return buttons

    # ---- items ----------------------------------------------------------------------------------------
    def _achieved_combo(self, value: bool | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Not assessed yet"), None)
        combo.addItem(self.tr("Carried out"), True)
        combo.addItem(self.tr("Not carried out"), False)
        combo.setCurrentIndex({None: 0, True: 1, False: 2}[value])
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def achieved_combo(self, row: int) -> QComboBox:
        return self.items.cellWidget(row, ACHIEVED).inner

    def add_item(self, text: str, midyear: str = "", result: str = "", achieved: bool | None = None) -> int:
        row = self.items.rowCount()
        self.items.blockSignals(True)
        self.items.insertRow(row)
        for column, value in ((TEXT, text), (MIDYEAR, midyear), (RESULT, result)):
            self.items.setItem(row, column, QTableWidgetItem(value))
        self.items.setCellWidget(row, ACHIEVED, top_aligned(self._achieved_combo(achieved)))
        self.items.blockSignals(False)
        if not text:
            self.items.setCurrentCell(row, TEXT)
            self.items.editItem(self.items.item(row, TEXT))
        self._changed()
        return row

    def remove_item(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.removeRow(row)
            self._changed()

    def add_standard(self) -> None:
        row = max(self.standards.currentRow(), 0)
        self.add_item(f"Thực hiện chuẩn mực \"{STANDARDS_144[row]}\" (Quy định 144-QĐ/TW).")

    def value(self) -> tuple[CommitmentInput, dict[str, str]]:
        items = []
        for row in range(self.items.rowCount()):
            def text(column: int) -> str:
                item = self.items.item(row, column)
                return item.text() if item is not None else ""

            items.append(CommitmentItem(text(TEXT), text(MIDYEAR), text(RESULT),
                                        self.achieved_combo(row).currentData()))
        local = {key: edit.error() for key, edit in (("registered_on", self.registered),
                                                     ("midyear_on", self.midyear_on),
                                                     ("yearend_on", self.yearend_on)) if edit.error()}

        def date(key: str, edit: DateEdit):
            return None if key in local else edit.value()

        return CommitmentInput(items, date("registered_on", self.registered), self.midyear.toPlainText(),
                               date("midyear_on", self.midyear_on), self.yearend.toPlainText(),
                               date("yearend_on", self.yearend_on)), local

    # ---- loading and saving -------------------------------------------------------------------------------
    def draft_key(self) -> str:
        return f"{self._current[0]}:{self._current[1]}"

    def load(self) -> None:
        member_id, year = self.member.currentData(), self.year.value()
        record = self.services.reviews.get_commitment(member_id, year) if member_id else None
        self._fill(record or CommitmentInput())
        self.baseline = self.value()[0]
        self._show("")
        self.start_tracking((record.rev if record else NEW) if member_id else None)
        self.offer_draft()
        self._changed()

    def _fill(self, data: CommitmentInput) -> None:
        self.loading = True
        try:
            self.items.setRowCount(0)
            for item in data.items:
                self.add_item(item.text, item.midyear_note, item.result_note, item.achieved)
            self.registered.set_value(data.registered_on)
            self.midyear_on.set_value(data.midyear_on)
            self.midyear.setPlainText(data.midyear_check)
            self.yearend_on.set_value(data.yearend_on)
            self.yearend.setPlainText(data.yearend_result)
        finally:
            self.loading = False

    def collect_draft(self) -> dict:
        """The form as typed (a date being typed is kept as its text)."""
        data = self.value()[0]
        return {"items": [asdict(i) for i in data.items], "midyear_check": data.midyear_check,
                "yearend_result": data.yearend_result,
                "dates": {key: edit.text() for key, edit in self._date_edits().items()}}

    def apply_draft(self, payload: dict) -> None:
        self._fill(CommitmentInput([CommitmentItem(**i) for i in payload["items"]],
                                   midyear_check=payload["midyear_check"], yearend_result=payload["yearend_result"]))
        for key, edit in self._date_edits().items():
            edit.setText(payload["dates"].get(key, ""))

    def record_revision(self) -> int | None:
        member_id, year = self._current
        return self.services.reviews.commitment_revision(member_id, year) if member_id else None

    def reload(self) -> None:
        self.saved_now()
        self.load()

    def _date_edits(self) -> dict[str, DateEdit]:
        return {"registered_on": self.registered, "midyear_on": self.midyear_on, "yearend_on": self.yearend_on}

    def is_dirty(self) -> bool:
        return self.baseline is not None and self.value()[0] != self.baseline

    def _changed(self, *_args) -> None:
        if self.loading or self.baseline is None:
            return
        _data, local = self.value()
        self.registered_message.show_result("registered_on", local, {})
        for key, message in self.date_messages.items():
            message.show_result(key, local, {})
        dirty = self.is_dirty()
        if dirty:
            self.mark_changed()
        elif self.unsaved:  # back to the saved values: nothing to keep
            self.keeper.discard()
            self.unsaved = False
        self.save_button.setEnabled(dirty and not local and self.member.currentData() is not None)
        self.remove_button.setEnabled(self.items.rowCount() > 0)

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def print_commitment(self, *, result: bool) -> None:
        """The registration form or its year-end result in the print preview (saved first if changed)."""
        from ..common.preview import PrintJob, preview_on
        from ..common.widgets import slug

        if self.member.currentData() is None or (self.is_dirty() and not self.save()):
            return
        services, (member_id, year) = self.services, self._current
        name = self.member.currentText()

        def write(path):
            from ...reports.commitments import write_commitment

            return write_commitment(services, member_id, year, path, result=result)

        title = (self.tr("Commitment result {year} — {name}") if result
                 else self.tr("Commitment registration {year} — {name}")).format(year=year, name=name)
        stem = f"{'ket-qua-cam-ket' if result else 'dang-ky-cam-ket'}-{year}-{slug(name)}"
        preview_on(self, services, PrintJob(title, stem, write))

    def save(self) -> bool:
        data, local = self.value()
        if local or self.member.currentData() is None:
            return False
        member_id, year = self._current
        try:
            with self.services.ctx.action(self):
                self.saved = self.services.reviews.save_commitment(member_id, year, data, today=self.today,
                                                                   base_rev=self.keeper.base_rev)
        except ChangedMeanwhile as exc:  # saved elsewhere since loaded: nothing written, the text stays
            return self.resolve_changed_meanwhile(exc)
        except ServiceError as exc:
            errors = getattr(exc, "errors", {})
            self._show(errors.get("year") or exc.message)
            return False
        self.saved_now()
        self.load()
        return True

    def _switch(self, *_args) -> None:
        """Another member or year: keep or drop the unsaved changes first."""
        wanted = (self.member.currentData(), self.year.value())
        if wanted == self._current:
            return
        if not self._may_leave():
            self.member.blockSignals(True)
            self.year.blockSignals(True)
            set_combo_data(self.member, self._current[0])
            self.year.setValue(self._current[1])
            self.member.blockSignals(False)
            self.year.blockSignals(False)
            return
        self._current = wanted
        self.load()

    def _may_leave(self) -> bool:
        self.keeper.flush()
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to these commitments?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.keeper.discard()
            self.unsaved = False
            return True
        return False

    def confirm_close(self) -> bool:
        """Closing asks like switching to another member does (the shared editor's guard, this wording)."""
        return self._may_leave()
