"""First start: the setup wizard asks for the cell's name, the committees above it, the document
abbreviation and place name, and the secretary and deputy. Finish saves them with svc.cell.setup(), the
deputy as a member record of the cell."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWizard, QWizardPage

from ...domain.dates import date_line
from ...domain.documents import TYPE_MINUTES, document_number
from ...services.settings.cell import ABBREVIATION_FORMAT, REQUIRED, CellInfo
from ...services.settings.officers import DEPUTY_POSITION
from ...services.errors import ServiceError, ValidationFailed
from ..common.widgets import FieldMessage, with_message


def abbreviation_ok(text: str) -> bool:
    """Letters and digits only (Đ counts as a letter), as the cell service requires."""
    return text.replace("Đ", "D").replace("đ", "d").isalnum()


class _FormPage(QWizardPage):
    """A wizard page of line edits, each with its message; complete when no field has an error."""

    def __init__(self) -> None:
        super().__init__()
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.layout_.addLayout(self.form)
        self.fields: dict[str, tuple[QLineEdit, FieldMessage, bool]] = {}
        self.touched: set[str] = set()

    def add_field(self, key: str, label: str, placeholder: str = "", *, required: bool = False,
                  max_length: int = 200, value: str = "") -> QLineEdit:
        edit = QLineEdit(value)
        edit.setObjectName(key)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(max_length)
        box, message = with_message(edit)
        self.form.addRow(label, box)
        self.fields[key] = (edit, message, required)
        edit.textEdited.connect(lambda _text, k=key: self._touch(k))
        edit.editingFinished.connect(lambda k=key: self._touch(k))
        edit.textChanged.connect(self.validate)
        return edit

    def _touch(self, key: str) -> None:
        self.touched.add(key)
        self.validate()

    def field_error(self, key: str, text: str) -> str:
        edit, _message, required = self.fields[key]
        if required and not text.strip():
            return REQUIRED.format()
        return ""

    def validate(self) -> None:
        for key, (edit, message, _required) in self.fields.items():
            error = self.field_error(key, edit.text())
            # An empty required field is only pointed out once the user has been in it.
            if error and (edit.text().strip() or key in self.touched):
                message.set_error(error)
            else:
                message.clear_message()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return all(not self.field_error(key, edit.text()) for key, (edit, _m, _r) in self.fields.items())

    def show_errors(self, errors: dict[str, str]) -> bool:
        shown = False
        for key, text in errors.items():
            if key in self.fields:
                self.fields[key][1].set_error(text)
                shown = True
        return shown


class _CellPage(_FormPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your Party cell"))
        self.setSubTitle(self.tr("These names are printed at the top of every document the program makes."))
        self.add_field("name", self.tr("Name of the cell:"), self.tr("e.g. Chi bộ Xuất bản - Kỹ thuật"),
                       required=True)
        self.add_field("upper_committee", self.tr("Committee directly above:"),
                       self.tr("e.g. Đảng ủy Báo Nghệ An"), required=True)
        self.add_field("top_committee", self.tr("Committee above that:"),
                       self.tr("e.g. Đảng bộ các cơ quan Đảng tỉnh Nghệ An (may be left empty)"))
        note = QLabel(self.tr("Committee names can be changed later in Settings, for example after the 2025 "
                                "reorganisation. Documents dated before the change keep the old name."))
        note.setWordWrap(True)
        note.setObjectName("committee_note")
        self.layout_.addSpacing(8)
        self.layout_.addWidget(note)
        self.layout_.addStretch(1)


class _DocumentsPage(_FormPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Documents"))
        self.setSubTitle(self.tr("How document numbers and the place-and-date line are written."))
        abbreviation = self.add_field("abbreviation", self.tr("Abbreviation in document numbers:"),
                                      "CB", required=True, max_length=20, value="CB")
        self.number_example = QLabel()
        self.number_example.setObjectName("number_example")
        self.form.addRow("", self.number_example)
        place = self.add_field("place_name", self.tr("Place name printed on documents:"),
                               self.tr("e.g. Nghệ An"), required=True, max_length=100)
        self.date_example = QLabel()
        self.date_example.setObjectName("date_example")
        self.date_example.setStyleSheet("font-style: italic;")  # as printed on documents
        self.form.addRow("", self.date_example)
        abbreviation.textChanged.connect(self._examples)
        place.textChanged.connect(self._examples)
        note = QLabel(self.tr("A document number reads \"Số 01-BB/CB\": the number in the year, the kind of document "
                              "(BB = minutes, NQ = resolution, BC = report) and the cell's abbreviation. The "
                              "place name starts the date line under the national heading."))
        note.setWordWrap(True)
        self.layout_.addSpacing(8)
        self.layout_.addWidget(note)
        self.layout_.addStretch(1)
        self._examples()

    def field_error(self, key: str, text: str) -> str:
        error = super().field_error(key, text)
        if not error and key == "abbreviation" and text.strip() and not abbreviation_ok(text.strip()):
            return ABBREVIATION_FORMAT.format()
        return error

    def _examples(self) -> None:
        abbreviation = self.fields["abbreviation"][0].text().strip() or "CB"
        place = self.fields["place_name"][0].text().strip() or "Nghệ An"
        self.number_example.setText(self.tr("Example: {number}").format(
            number=document_number(1, TYPE_MINUTES, abbreviation)))
        self.date_example.setText(self.tr("Example: {line}").format(line=date_line(place, dt.date.today())))


class _OfficersPage(_FormPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Secretary and deputy"))
        self.setSubTitle(self.tr("Printed in signature blocks. You can fill them in later in Settings."))
        self.add_field("secretary_name", self.tr("Secretary (bí thư):"), self.tr("Full name"))
        self.add_field("deputy_name", self.tr("Deputy secretary:"), self.tr("Full name"))
        # The deputy is a member of the cell: Finish adds the record, so documents and the member list agree.
        note = QLabel(self.tr("The deputy is added to the member list with the Party position \"{position}\"; "
                              "fill in the rest of the record on the Party members page.").format(
                                  position=DEPUTY_POSITION))
        note.setWordWrap(True)
        note.setObjectName("deputy_note")
        self.layout_.addSpacing(8)
        self.layout_.addWidget(note)
        self.layout_.addStretch(1)


class SetupWizard(QWizard):
    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Set up CellSec"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.resize(720, 500)
        self.cell_page = _CellPage()
        self.documents_page = _DocumentsPage()
        self.officers_page = _OfficersPage()
        self.pages_ = [self.cell_page, self.documents_page, self.officers_page]
        for page in self.pages_:
            self.addPage(page)
        self.cell_page.fields["name"][0].setFocus(Qt.FocusReason.OtherFocusReason)
        self._as_opened = self.cell_info()  # what the fields held before the user typed (defaults included)

    def field_edit(self, key: str) -> QLineEdit:
        for page in self.pages_:
            if key in page.fields:
                return page.fields[key][0]
        raise KeyError(key)

    def cell_info(self) -> CellInfo:
        value = {key: edit.text() for page in self.pages_ for key, (edit, _m, _r) in page.fields.items()}
        return CellInfo(**value)

    _closing_quietly = False

    def closeEvent(self, event) -> None:
        # The program closing the wizard (not the user's title-bar button) does not ask.
        self._closing_quietly = not event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._closing_quietly = False

    def reject(self) -> None:
        """Esc or Cancel: what was typed is thrown away only when the user says so."""
        typed = self.cell_info() != self._as_opened
        if typed and not self._closing_quietly and QMessageBox.question(
                self, self.windowTitle(), self.tr("Close the setup and discard what you typed?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        super().reject()

    def accept(self) -> None:
        try:
            self.services.cell.setup(self.cell_info(), deputy_as_member=True)
        except ValidationFailed as exc:
            # The service has the last word; send the user to the first page with a refused field.
            for page in self.pages_:
                if page.show_errors(exc.errors):
                    while self.currentPage() is not page and self.currentId() > self.pageIds()[0]:
                        self.back()
                    break
            return
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        super().accept()
