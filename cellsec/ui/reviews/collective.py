"""The cell's own annual review (Mẫu 01, báo cáo kiểm điểm tập thể): the report's sections, the
self-assessment (score or grades, conditions, the collective disqualifying cases, the level), the level
decided above, and printing. Submitted reports are read-only and change only by an amendment. What is
typed is autosaved and offered back after a crash (ReviewDocument)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.review_rules import SCOPE_COLLECTIVE
from ...services.reviews.records import CollectiveInput, CollectiveRecord
from .document import ReviewDocument, save_on_button, vn_time
from .parts import TEXTS, AssessmentEditor, DecisionEditor, SectionsEditor, level_name
from ..common.preview import PrintJob, ask_number, preview_on
from ..common.widgets import muted_label, scrolled


class CollectiveEditor(ReviewDocument):
    draft_kind = "collective_review"
    watched_tables = frozenset({"collective_reviews"})

    def __init__(self, services, year: int, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(services, parent, today)
        self.year = year
        self.record: CollectiveRecord = services.reviews.collective(year)
        self.rules = services.reviews.rules_for_year(year)
        self.setWindowTitle(self.tr("Collective review of the cell, {year}").format(year=year))
        self.resize(1180, 680)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._report_tab(), self.tr("Report and self-assessment"))
        self.tabs.addTab(self._decision_tab(), self.tr("Decision above"))
        self.tabs.addTab(self._versions_table(), self.tr("Versions"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        for widget in (self.banner, self.recovered_banner, self.elsewhere_banner):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        self.load(self.record)

    def draft_key(self) -> str:
        return self.record.id

    # ---- building -----------------------------------------------------------------------------------------
    def _header(self) -> QHBoxLayout:
        form = self.rules.collective_form
        title = QLabel(self.tr("Collective review of the cell and its committee, {year}").format(year=self.year))
        title.setObjectName("title")
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        form_label = muted_label(f"{form.name} ({form.code})" if form.code else form.name, "form_name")
        form_label.setWordWrap(False)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(form_label)
        top.addStretch(1)
        top.addWidget(self.keeper.label)
        top.addWidget(self.status_label)
        return top

    def _report_tab(self) -> QWidget:
        self.sections = SectionsEditor(self.rules.collective_form)
        self.assessment = AssessmentEditor(self.rules, SCOPE_COLLECTIVE, None, self.tr("Level the cell proposes "
                                                                                       "for itself"))
        self.sections.changed.connect(self.changed)
        self.assessment.changed.connect(self.check)
        report = QWidget()
        report_layout = QHBoxLayout(report)
        report_layout.addWidget(scrolled(self.sections), 3)
        report_layout.addWidget(scrolled(self.assessment), 2)
        return report

    def _decision_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.decision = DecisionEditor()
        self.decision.changed.connect(self.check)
        layout.addWidget(self.decision)
        self.decision_hint = muted_label(name="decision_hint")
        layout.addWidget(self.decision_hint)
        self.decide_button = self._button("decide", self.tr("Record the decision"), self.record_decision)
        row = QHBoxLayout()
        row.addWidget(self.decide_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _versions_table(self) -> QTableWidget:
        self.versions_table = QTableWidget(0, 4)
        self.versions_table.setObjectName("versions")
        self.versions_table.setHorizontalHeaderLabels([self.tr("Version"), self.tr("Stage"),
                                                       self.tr("Reason for the amendment"), self.tr("Time")])
        self.versions_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions_table.verticalHeader().hide()
        header = self.versions_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return self.versions_table

    def _buttons(self) -> QHBoxLayout:
        self.print_button = self._button("print", self.tr("Print (PDF)"), self.print_report,
                                         self.tr("Print the collective review report (Ctrl+P)"))
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.amend_button = self._button("amend", self.tr("Amend…"), self.toggle_amend)
        self.submit_button = self._button("submit", self.tr("Submit report"), self.submit)
        self.save_button = self._button("save", self.tr("Save"), self.save, self.tr("Save (Ctrl+S)"))
        self.close_button = self._button("close", self.tr("Close"), self.reject)
        save_on_button(self, self.save_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        for b in (self.amend_button, self.submit_button, self.save_button, self.close_button):
            buttons.addWidget(b)
        return buttons

    # ---- state --------------------------------------------------------------------------------------------
    def load(self, record: CollectiveRecord, full: bool = True) -> None:
        """Show `record`; after the editor's own save (`full` False) the versions are not read again."""
        self.record = record
        self.loading = True
        try:
            self._fill(record.as_input(), record.decided_level, record.decision_no, record.decision_date)
        finally:
            self.loading = False
        if full:
            versions = self.services.reviews.collective_versions(self.year)
            self.versions_table.setRowCount(len(versions))
            for r, v in enumerate(versions):
                for c, text in enumerate((str(v.version), TEXTS.stage(v.stage), v.reason, vn_time(v.finalised_at))):
                    self.versions_table.setItem(r, c, QTableWidgetItem(text))
        self.loaded()

    def _fill(self, data: CollectiveInput, level, number: str, date) -> None:
        self.sections.set_values(data.sections)
        self.assessment.load(data.scores, data.grades, data.conditions, data.disqualifiers, data.self_level)
        self.decision.load(level, number, date)

    def banner_text(self) -> str:
        if self.amending:
            return self.tr("Amending the submitted report. Save to give the reason; the amendment becomes a new "
                           "version and earlier versions are kept.")
        return self.tr("Submitted on {date}: the report is read-only. To correct it, use \"Amend…\".").format(
            date=vn_time(self.record.submitted_at))

    def apply_state(self) -> None:
        super().apply_state()
        self.sections.set_read_only(not self.editable)
        self.assessment.set_read_only(not self.editable)
        if self.record.status == "draft":
            self.decision_hint.setText(self.tr("Submit the report first, then record the level the committee "
                                               "above decides for the cell."))
        elif self.deciding:
            self.decision_hint.setText(self.tr("Enter the level, the decision number and its date."))
        else:
            self.decision_hint.setText(self.tr("The decision is recorded. To correct it, use \"Amend…\"."))

    def value(self) -> CollectiveInput:
        a = self.assessment
        return CollectiveInput(self.sections.values(), a.scores(), a.grades(), a.conditions(), a.disqualifiers(),
                               a.level_value())

    def snapshot(self):
        return (self.value(), self.decision.value()[0])

    def collect_draft(self) -> dict:
        decision = self.decision.value()[0]
        return {"report": asdict(self.value()),
                "decision": [decision.level, decision.decision_no,
                             decision.decision_date.isoformat() if decision.decision_date else None],
                "amending": self.amending}

    def apply_draft(self, payload: dict) -> None:
        level, number, date = payload["decision"]
        self._fill(CollectiveInput(**payload["report"]), level, number, dt.date.fromisoformat(date) if date else None)

    def check_form(self) -> dict[str, str]:
        check = self.services.reviews.check_collective(self.year, self.value())
        self.assessment.show_check(check)
        errors = dict(check.errors)
        if self.decision.level.isEnabled() and not self.decision.is_empty():
            decision, local = self.decision.value()
            # The level decided must be one the rules allow for the report as it stands.
            decided = self.services.reviews.check_collective_decision(self.year, decision, self.value(),
                                                                      today=self.today)
            decision_errors = {**decided.errors, **local}
            self.decision.show_errors(decision_errors)
            self.decide_button.setEnabled(not decision_errors)
            if self.amending:
                errors.update({f"decision_{k}": v for k, v in decision_errors.items()})
        else:
            self.decision.show_errors({})
            self.decide_button.setEnabled(False)
        return errors

    def show_field_errors(self, errors: dict[str, str], warnings: dict[str, str]) -> None:
        self.assessment.show_messages(errors, warnings)
        self.decision.show_errors(errors)

    # ---- the service calls of ReviewDocument ---------------------------------------------------------------
    def save_record(self) -> CollectiveRecord:
        return self.services.reviews.save_collective(self.year, self.value(), base_rev=self.keeper.base_rev)

    def record_revision(self) -> int:
        return self.services.reviews.collective_revision(self.year)

    def amend_record(self, reason: str, decision) -> CollectiveRecord:
        return self.services.reviews.amend_collective(self.year, reason, data=self.value(), decision=decision,
                                                      today=self.today)

    def submission_errors(self) -> dict[str, str]:
        return self.services.reviews.collective_submission_errors(self.year)

    def submit_record(self) -> CollectiveRecord:
        return self.services.reviews.submit_collective(self.year)

    def decide_record(self, decision) -> CollectiveRecord:
        return self.services.reviews.decide_collective(self.year, decision, today=self.today)

    def reload_record(self) -> CollectiveRecord:
        return self.services.reviews.collective(self.year)

    def amend_prompt(self) -> str:
        return self.tr("Why is the submitted report corrected? The reason is kept with the new version.")

    def submit_title(self) -> str:
        return self.tr("Submit report")

    def submit_question(self) -> str:
        return self.tr("Submit the cell's {year} collective review to the committee above?\n\nOnce submitted the "
                       "report is locked: it can then be corrected only by an amendment with its reason.").format(
            year=self.year)

    def decide_question(self, decision) -> str:
        return self.tr("Record \"{level}\" for the cell as decided by the committee above?").format(
            level=level_name(decision.level))

    # ---- printing -----------------------------------------------------------------------------------------
    def print_report(self) -> None:
        if self.is_dirty() and not self.record.locked and not self.save():
            return
        services, year = self.services, self.year
        from ...reports.reviews import document_day

        # Numbered in the year of the date it bears (its decision or submission), as printed.
        day = document_day(self.record.submitted_at, self.record.decision_date) or dt.date(year, 12, 31)
        seq = ask_number(self, services, "collective_report", self.tr("Number of the collective review report"),
                         year=day.year, subject=str(year), about=f"năm {year}")
        if seq is None:
            return

        def write(path):
            from ...reports.reviews import write_collective

            return write_collective(services, year, path, seq)

        preview_on(self, services, PrintJob(self.tr("Collective review {year}").format(year=year),
                                            f"kiem-diem-tap-the-{year}-so-{seq:02d}", write))
