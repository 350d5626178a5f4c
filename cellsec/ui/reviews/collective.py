"""The cell's own annual review (Mẫu 01, báo cáo kiểm điểm tập thể): the report's sections, the
self-assessment (score or grades, conditions, the collective disqualifying cases, the level), the level
decided above, and printing. Submitted reports are read-only and change only by an amendment."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.review_rules import SCOPE_COLLECTIVE

from ...domain.reviews import check_level
from ...services.errors import ServiceError, ValidationFailed
from ...services.reviews.records import CollectiveInput, CollectiveRecord
from .editor import _vn_time
from .parts import TEXTS, AssessmentEditor, DecisionEditor, SectionsEditor, level_name
from ..common.widgets import ERROR_COLOR, FILES, banner, muted_label, scrolled
from ..common.workers import run_in_background


class CollectiveEditor(QDialog):
    def __init__(self, services, year: int, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year = year
        self.today = today
        self.record: CollectiveRecord = services.reviews.collective(year)
        self.rules = services.reviews.rules_for_year(year)
        self.amending = False
        self.errors: dict[str, str] = {}
        self.baseline = None
        self.last_task = None
        self._loading = False
        self.setWindowTitle(self.tr("Collective review of the cell, {year}").format(year=year))
        self.resize(1180, 680)

        form = self.rules.collective_form
        title = QLabel(self.tr("Collective review of the cell and its committee, {year}").format(year=year))
        title.setObjectName("title")
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        form_label = muted_label(f"{form.name} ({form.code})" if form.code else form.name, "form_name")
        form_label.setWordWrap(False)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(form_label)
        top.addStretch(1)
        top.addWidget(self.status_label)
        self.banner = banner("banner")

        self.sections = SectionsEditor(form)
        self.assessment = AssessmentEditor(self.rules, SCOPE_COLLECTIVE, None, self.tr("Level the cell proposes "
                                                                                       "for itself"))
        self.sections.changed.connect(self._update_buttons)
        self.assessment.changed.connect(self._check)
        report = QWidget()
        report_layout = QHBoxLayout(report)
        report_layout.addWidget(scrolled(self.sections), 3)
        report_layout.addWidget(scrolled(self.assessment), 2)

        decision_page = QWidget()
        decision_layout = QVBoxLayout(decision_page)
        self.decision = DecisionEditor()
        self.decision.changed.connect(self._check)
        decision_layout.addWidget(self.decision)
        self.decision_hint = muted_label(name="decision_hint")
        decision_layout.addWidget(self.decision_hint)
        self.decide_button = QPushButton(self.tr("Record the decision"))
        self.decide_button.setObjectName("decide")
        self.decide_button.clicked.connect(self.record_decision)
        row = QHBoxLayout()
        row.addWidget(self.decide_button)
        row.addStretch(1)
        decision_layout.addLayout(row)
        decision_layout.addStretch(1)

        self.versions_table = QTableWidget(0, 4)
        self.versions_table.setObjectName("versions")
        self.versions_table.setHorizontalHeaderLabels([self.tr("Version"), self.tr("Stage"),
                                                       self.tr("Reason for the amendment"), self.tr("Time")])
        self.versions_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions_table.verticalHeader().hide()
        header = self.versions_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.tabs = QTabWidget()
        self.tabs.addTab(report, self.tr("Report and self-assessment"))
        self.tabs.addTab(decision_page, self.tr("Decision above"))
        self.tabs.addTab(self.versions_table, self.tr("Versions"))

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.hide()
        self.print_button = self._button("print", self.tr("Print (PDF)"), self.print_report)
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_button.setToolTip(self.tr("Print the collective review report (Ctrl+P)"))
        self.amend_button = self._button("amend", self.tr("Amend…"), self.toggle_amend)
        self.submit_button = self._button("submit", self.tr("Submit report"), self.submit)
        self.save_button = self._button("save", self.tr("Save"), self.save)
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.close_button = self._button("close", self.tr("Close"), self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        for b in (self.amend_button, self.submit_button, self.save_button, self.close_button):
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._load(self.record)

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # ---- state --------------------------------------------------------------------------------------------
    def _load(self, record: CollectiveRecord) -> None:
        self.record = record
        self._loading = True
        try:
            self.sections.set_values(record.sections)
            self.assessment.load(record.scores, record.grades, record.conditions, record.disqualifiers,
                                 record.self_level)
            self.decision.load(record.decided_level, record.decision_no, record.decision_date)
        finally:
            self._loading = False
        versions = self.services.reviews.collective_versions(self.year)
        self.versions_table.setRowCount(len(versions))
        for r, v in enumerate(versions):
            for c, text in enumerate((str(v.version), TEXTS.stage(v.stage), v.reason, _vn_time(v.finalised_at))):
                self.versions_table.setItem(r, c, QTableWidgetItem(text))
        self._apply_state()
        self.baseline = self._snapshot()
        self._check()

    def _apply_state(self) -> None:
        r = self.record
        editable = not r.locked or self.amending
        self.sections.set_read_only(not editable)
        self.assessment.set_read_only(not editable)
        deciding = r.status == "submitted" and not self.amending
        self.decision.set_read_only(not (deciding or (self.amending and r.status == "decided")))
        self.decide_button.setVisible(deciding)
        status = TEXTS.status(r.status)
        if r.version:
            status = self.tr("{status} (version {version})").format(status=status, version=r.version)
        self.status_label.setText(status)
        if self.amending:
            self.banner.setText(self.tr("Amending the submitted report. Save to give the reason; the amendment "
                                        "becomes a new version and earlier versions are kept."))
        elif r.locked:
            self.banner.setText(self.tr("Submitted on {date}: the report is read-only. To correct it, use "
                                        "\"Amend…\".").format(date=_vn_time(r.submitted_at)))
        self.banner.setVisible(r.locked)
        if r.status == "draft":
            self.decision_hint.setText(self.tr("Submit the report first, then record the level the committee "
                                               "above decides for the cell."))
        elif deciding:
            self.decision_hint.setText(self.tr("Enter the level, the decision number and its date."))
        else:
            self.decision_hint.setText(self.tr("The decision is recorded. To correct it, use \"Amend…\"."))
        self.save_button.setVisible(editable)
        self.save_button.setText(self.tr("Save amendment") if self.amending else self.tr("Save"))
        self.submit_button.setVisible(not r.locked)
        self.amend_button.setVisible(r.locked)
        self.amend_button.setText(self.tr("Cancel amendment") if self.amending else self.tr("Amend…"))

    def value(self) -> CollectiveInput:
        a = self.assessment
        return CollectiveInput(self.sections.values(), a.scores(), a.grades(), a.conditions(), a.disqualifiers(),
                               a.level_value())

    def _snapshot(self):
        return (self.value(), self.decision.value()[0])

    def is_dirty(self) -> bool:
        return self.baseline is not None and self._snapshot() != self.baseline

    def _check(self, *_args) -> None:
        if self._loading or not hasattr(self, "decide_button"):
            return
        check = self.services.reviews.check_collective(self.year, self.value())
        self.assessment.show_check(check)
        errors = dict(check.errors)
        if self.decision.level.isEnabled() and not self.decision.is_empty():
            decision, local = self.decision.value()
            # The level decided must be one the rules allow for the report as it stands.
            result = check_level(self.rules, check.assessment, decision.level)
            decision_errors = dict(local)
            if not result.allowed:
                decision_errors["level"] = " ".join(result.errors)
            self.decision.show_errors(decision_errors)
            self.decide_button.setEnabled(not decision_errors and decision.level is not None)
            if self.amending:
                errors.update({f"decision_{k}": v for k, v in decision_errors.items()})
        else:
            self.decision.show_errors({})
            self.decide_button.setEnabled(False)
        self.errors = errors
        self._update_buttons()

    def _update_buttons(self) -> None:
        if self._loading:
            return
        self.save_button.setEnabled(not self.errors and (self.is_dirty() or self.amending))

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _failed(self, exc: ServiceError) -> None:
        if isinstance(exc, ValidationFailed):
            self.assessment.show_messages(exc.errors, exc.warnings)
            self.decision.show_errors(exc.errors)
            self._show("\n".join(dict.fromkeys(exc.errors.values())))
        else:
            self._show(exc.message)

    # ---- actions ------------------------------------------------------------------------------------------
    def save(self) -> bool:
        self._check()
        if self.errors:
            self._show(self.tr("Correct the fields marked in red first."))
            return False
        try:
            if self.amending:
                reason, ok = QInputDialog.getMultiLineText(
                    self, self.tr("Reason for the amendment"),
                    self.tr("Why is the submitted report corrected? The reason is kept with the new version."))
                if not ok:
                    return False
                decision = self.decision.value()[0] if self.record.status == "decided" else None
                record = self.services.reviews.amend_collective(self.year, reason, data=self.value(),
                                                                decision=decision, today=self.today)
                self.amending = False
            else:
                record = self.services.reviews.save_collective(self.year, self.value())
        except ServiceError as exc:
            self._failed(exc)
            return False
        self._show("")
        self._load(record)
        return True

    def submit(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Submit report"),
            self.tr("Submit the cell's {year} collective review to the committee above?\n\nOnce submitted the "
                    "report is locked: it can then be corrected only by an amendment with its reason.")
            .format(year=self.year),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.is_dirty() and not self.save():
            return
        try:
            record = self.services.reviews.submit_collective(self.year)
        except ServiceError as exc:
            self._failed(exc)
            return
        self._show("")
        self._load(record)

    def record_decision(self) -> None:
        decision, local = self.decision.value()
        if local:
            self.decision.show_errors(local)
            return
        answer = QMessageBox.question(
            self, self.tr("Record the decision"),
            self.tr("Record \"{level}\" for the cell as decided by the committee above?").format(
                level=level_name(decision.level)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            record = self.services.reviews.decide_collective(self.year, decision, today=self.today)
        except ServiceError as exc:
            self._failed(exc)
            return
        self._show("")
        self._load(record)

    def toggle_amend(self) -> None:
        if self.amending:
            self.amending = False
            self._load(self.services.reviews.collective(self.year))
            return
        self.amending = True
        self._apply_state()
        self._check()

    def print_report(self) -> None:
        if self.is_dirty() and not self.record.locked and not self.save():
            return
        path = FILES.ask_path(self, self.services, self.tr("Print the collective review"),
                              f"kiem-diem-tap-the-{self.year}.pdf", ".pdf")
        if path is None:
            return
        services, year = self.services, self.year

        def work():
            from ...reports.reviews import write_collective

            return write_collective(services, year, path)

        self.last_task = run_in_background(self, work, on_done=lambda p: FILES.offer_open(self, p),
                                           busy_text=self.tr("Preparing the report…"))

    def reject(self) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"), self.tr("Save the changes to the report before closing?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Save:
                if not self.save():
                    return
            elif answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
