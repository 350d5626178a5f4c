"""One member's annual review: the self-review (sections, scores, conditions, disqualifying cases, the
self-proposed level), the cell's comment, proposed level and votes, the level decided above, and the
history. Checked live by the review service; submitted reviews are read-only and change only by an
amendment with its reason. What is typed is autosaved and offered back after a crash (ReviewDocument)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.review_rules import SCOPE_INDIVIDUAL
from ...domain.reviews import format_score
from ...services.errors import ServiceError
from ...services.reviews.records import CellAssessmentInput, ReviewInput, ReviewRecord
from .document import ReviewDocument, save_on_button, vn_time
from .parts import TEXTS, AssessmentEditor, DecisionEditor, SectionsEditor, level_combo, level_name
from ..common.committee_comments import CommitteeComments
from ..common.preview import PrintJob, preview_on
from ..common.rule_marker import editable_rule
from ..common.widgets import FILES, muted_label, scrolled, set_combo_data, slug, with_message
from ..common.workers import run_in_background

class ReviewEditor(ReviewDocument):
    draft_kind = "member_review"
    watched_tables = frozenset({"member_reviews"})

    def __init__(self, services, review_id: str, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(services, parent, today)
        self.review_id = review_id
        self.record: ReviewRecord = services.reviews.get_review(review_id)
        self.rules = services.reviews.rules_for_year(self.record.year)
        self._built_form = self.record.form_type
        self.setWindowTitle(self.tr("Review {year}: {name}").format(year=self.record.year,
                                                                      name=self.record.member_name))
        self.resize(1180, 680)
        self.tabs = QTabWidget()
        self.tabs.addTab(QWidget(), self.tr("Self-review"))
        self._build_self_tab()
        self.tabs.addTab(self._cell_tab(), self.tr("Cell's assessment"))
        self.tabs.addTab(self._decision_tab(), self.tr("Decision above"))
        self.tabs.addTab(self._history_tab(), self.tr("History"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        self.committee_comments = CommitteeComments()
        for widget in (self.banner, self.recovered_banner, self.elsewhere_banner, self.committee_comments):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        self.load(self.record)

    def draft_key(self) -> str:
        return self.review_id

    # ---- building -----------------------------------------------------------------------------------------
    def _header(self) -> QHBoxLayout:
        title = QLabel(self.tr("{name} — annual review {year}").format(name=self.record.member_name,
                                                                         year=self.record.year))
        title.setObjectName("title")
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.form_combo = QComboBox()
        self.form_combo.setObjectName("form_type")
        # The header must fit 1280 pixels whatever the names: long form names show in full when opened.
        self.form_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.form_combo.setMinimumContentsLength(44)
        for form in self.rules.form_types:
            self.form_combo.addItem(f"{form.name} ({form.code})" if form.code else form.name, form.key)
        self.form_combo.activated.connect(self._form_chosen)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Form:")))
        top.addWidget(self.form_combo)
        top.addStretch(1)
        top.addWidget(self.keeper.label)
        top.addWidget(self.status_label)
        return top

    def _buttons(self) -> QHBoxLayout:
        self.commitments_button = self._button(
            "commitments", self.tr("Commitments…"), self.open_commitments,
            self.tr("The member's commitments of the year, mid-year check and result"))
        self.print_button = self._button("print", self.tr("Print (PDF)"), self.print_review,
                                         self.tr("Print the review in the form's layout (Ctrl+P)"))
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.word_button = self._button("word", self.tr("Word form"), self.export_word,
                                        self.tr("A Word form pre-filled with the member's details, for the member "
                                                "to write the review in"))
        self.amend_button = self._button("amend", self.tr("Amend…"), self.toggle_amend,
                                         self.tr("Correct a submitted review: a new version with its reason"))
        self.submit_button = self._button("submit", self.tr("Submit review"), self.submit,
                                          self.tr("Lock the review and send it to the committee above"))
        self.save_button = self._button("save", self.tr("Save"), self.save, self.tr("Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        save_on_button(self, self.save_button)
        self.close_button = self._button("close", self.tr("Close"), self.reject)
        buttons = QHBoxLayout()
        for b in (self.commitments_button, self.print_button, self.word_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.amend_button, self.submit_button, self.save_button, self.close_button):
            buttons.addWidget(b)
        return buttons

    def _build_self_tab(self) -> None:
        """(Re)build the form's sections and the assessment for the review's form type."""
        form = self.rules.form_type(self.record.form_type)
        kept = self.sections.values() if hasattr(self, "sections") else None
        self.sections = SectionsEditor(form)
        self.assessment = AssessmentEditor(self.rules, SCOPE_INDIVIDUAL, self.record.form_type,
                                           self.tr("Self-proposed level"))
        page = QWidget()
        layout = QHBoxLayout(page)
        left = QVBoxLayout()
        # The form's note is for the maintainers (which official form it follows); the user sees the marker.
        note = muted_label(editable_rule(self.tr("Rules of each year")) if form.unverified else "", "form_note")
        note.setVisible(bool(form.unverified))
        left.addWidget(note)
        left.addWidget(scrolled(self.sections), 1)
        layout.addLayout(left, 3)
        layout.addWidget(scrolled(self.assessment), 2)
        current = self.tabs.currentIndex()
        self.tabs.removeTab(0)
        self.tabs.insertTab(0, page, self.tr("Self-review"))
        self.tabs.setCurrentIndex(max(current, 0))
        if kept is not None:
            self.sections.set_values(kept)
        self.sections.changed.connect(self.changed)
        self.assessment.changed.connect(self.check)

    def _cell_tab(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        info = QGroupBox(self.tr("From the self-review"))
        info_form = QFormLayout(info)
        self.cell_self_level = QLabel()
        self.cell_self_level.setObjectName("cell_self_level")
        self.cell_ceiling = QLabel()
        self.cell_ceiling.setObjectName("cell_ceiling")
        self.cell_ceiling.setWordWrap(True)
        info_form.addRow(self.tr("Self-proposed level:"), self.cell_self_level)
        info_form.addRow(self.tr("Best level the rules allow:"), self.cell_ceiling)
        outer.addWidget(info)

        form = QFormLayout()
        self.cell_comment = QPlainTextEdit()
        self.cell_comment.setObjectName("cell_comment")
        self.cell_comment.setTabChangesFocus(True)
        self.cell_comment.setMinimumHeight(150)
        self.cell_comment.textChanged.connect(self.changed)
        form.addRow(self.tr("The cell's comment:"), self.cell_comment)
        self.cell_level = level_combo("cell_level")
        self.cell_level.currentIndexChanged.connect(self.check)
        field, self.cell_level_message = with_message(self.cell_level)
        form.addRow(self.tr("Level the cell proposes:"), field)
        self.votes: dict[str, QLineEdit] = {}
        votes_row = QHBoxLayout()
        votes_row.setContentsMargins(0, 0, 0, 0)
        digits = QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self)
        for key, text in (("for", self.tr("For")), ("against", self.tr("Against")),
                          ("abstain", self.tr("Abstained"))):
            edit = QLineEdit()
            edit.setObjectName(f"votes_{key}")
            edit.setValidator(digits)
            edit.setMaximumWidth(70)
            edit.textChanged.connect(self.check)
            votes_row.addWidget(QLabel(text))
            votes_row.addWidget(edit)
            votes_row.addSpacing(14)
            self.votes[key] = edit
        votes_row.addStretch(1)
        holder = QWidget()
        holder.setLayout(votes_row)
        field, self.votes_message = with_message(holder)
        form.addRow(self.tr("Votes:"), field)
        outer.addLayout(form)
        outer.addStretch(1)
        return page

    def _decision_tab(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        info = QFormLayout()
        self.decision_cell_level = QLabel()
        self.decision_cell_level.setObjectName("decision_cell_level")
        info.addRow(self.tr("Level the cell proposes:"), self.decision_cell_level)
        outer.addLayout(info)
        self.decision = DecisionEditor()
        self.decision.changed.connect(self.check)
        outer.addWidget(self.decision)
        self.decision_hint = muted_label(name="decision_hint")
        outer.addWidget(self.decision_hint)
        self.decide_button = self._button("decide", self.tr("Record the decision"), self.record_decision,
                                          self.tr("Record the level decided by the committee above"))
        row = QHBoxLayout()
        row.addWidget(self.decide_button)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        return page

    def _history_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        levels = QGroupBox(self.tr("Levels over the years"))
        self.history_table = self._table("history", [
            self.tr("Year"), self.tr("Form"), self.tr("Score"), self.tr("Self-proposed"),
            self.tr("Cell proposed"), self.tr("Decided above"), self.tr("Decision no."), self.tr("Status")], 1)
        QVBoxLayout(levels).addWidget(self.history_table)
        versions = QGroupBox(self.tr("Finalised versions of this review"))
        self.versions_table = self._table("versions", [
            self.tr("Version"), self.tr("Stage"), self.tr("Reason for the amendment"), self.tr("Time"),
            self.tr("Check code")], 2)
        QVBoxLayout(versions).addWidget(self.versions_table)
        layout.addWidget(levels, 1)
        layout.addWidget(versions, 1)
        return page

    @staticmethod
    def _table(name: str, headers: list[str], stretch: int) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    @staticmethod
    def _fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))

    # ---- loading ------------------------------------------------------------------------------------------
    def load(self, record: ReviewRecord, full: bool = True) -> None:
        """Show `record`. After the editor's own save (`full` False) what the save cannot change (the
        suggested texts, the history, the finalised versions) is kept instead of read again."""
        self.record = record
        self.loading = True
        try:
            set_combo_data(self.form_combo, record.form_type)
            if record.form_type != self._built_form:
                self._build_self_tab()
            self._built_form = record.form_type
            self._fill(record.as_input(), record.cell_input(), record.decided_level, record.decision_no,
                       record.decision_date)
            prefill = self.services.reviews.prefill(record.id) if full else self.sections.prefill
            self.sections.set_prefill(prefill, fill_empty=not record.locked)
        finally:
            self.loading = False
        if full:
            self._load_history()
            self.committee_comments.load(self.services, "member_reviews", record.id)
        self.loaded()

    def _fill(self, review: ReviewInput, cell: CellAssessmentInput, level, number: str, date) -> None:
        self.sections.set_values(review.sections)
        self.assessment.load(review.scores, review.grades, review.conditions, review.disqualifiers,
                             review.self_level)
        self.cell_comment.setPlainText(cell.comment or "")
        set_combo_data(self.cell_level, cell.level)
        for key, value in (("for", cell.votes_for), ("against", cell.votes_against),
                           ("abstain", cell.votes_abstain)):
            self.votes[key].setText("" if value is None else str(value))
        self.decision.load(level, number, date)

    def _load_history(self) -> None:
        history = self.services.reviews.member_history(self.record.member_id)
        self._fill_table(self.history_table, [
            [str(h.year), h.form_type_name, format_score(h.self_score) if h.self_score is not None else "",
             level_name(h.self_level), level_name(h.cell_level), level_name(h.decided_level), h.decision_no,
             TEXTS.status(h.status)] for h in history])
        versions = self.services.reviews.versions(self.record.id)
        self._fill_table(self.versions_table, [
            [str(v.version), TEXTS.stage(v.stage), v.reason, vn_time(v.finalised_at), v.hash[:12]]
            for v in versions])

    def banner_text(self) -> str:
        if self.amending:
            return self.tr("Amending the submitted review. Change what must be corrected, then save: you will be "
                           "asked for the reason, and the amendment becomes a new version; earlier versions are "
                           "kept.")
        return self.tr("Submitted on {date}: this review is read-only. To correct it, use \"Amend…\" and give the "
                       "reason.").format(date=vn_time(self.record.submitted_at))

    def apply_state(self) -> None:
        """Which parts can be edited: a draft (all but the decision), a locked review (only the decision
        while it is pending), or an amendment (everything the review already holds)."""
        super().apply_state()
        editable = self.editable
        self.sections.set_read_only(not editable)
        self.assessment.set_read_only(not editable)
        self.cell_comment.setReadOnly(not editable)
        self.cell_level.setEnabled(editable)
        for edit in self.votes.values():
            edit.setReadOnly(not editable)
        self.form_combo.setEnabled(not self.record.locked)
        if self.record.status == "draft":
            self.decision_hint.setText(self.tr("Submit the review first, then record the level the committee "
                                               "above decides."))
        elif self.deciding:
            self.decision_hint.setText(self.tr("Enter the level, the decision number and its date as written in "
                                               "the decision of the committee above."))
        else:
            self.decision_hint.setText(self.tr("The decision is recorded. To correct it, use \"Amend…\"."))
        self.commitments_button.setEnabled(True)

    # ---- values and drafts --------------------------------------------------------------------------------
    def review_input(self) -> ReviewInput:
        a = self.assessment
        return ReviewInput(sections=self.sections.values(), scores=a.scores(), grades=a.grades(),
                           conditions=a.conditions(), disqualifiers=a.disqualifiers(), self_level=a.level_value())

    def cell_input(self) -> CellAssessmentInput:
        def count(key: str) -> int | None:
            text = self.votes[key].text().strip()
            return int(text) if text else None

        return CellAssessmentInput(self.cell_comment.toPlainText(), self.cell_level.currentData() or None,
                                   count("for"), count("against"), count("abstain"))

    def snapshot(self):
        return (self.review_input(), self.cell_input(), self.decision.value()[0])

    def collect_draft(self) -> dict:
        decision = self.decision.value()[0]
        return {"review": asdict(self.review_input()), "cell": asdict(self.cell_input()),
                "decision": [decision.level, decision.decision_no,
                             decision.decision_date.isoformat() if decision.decision_date else None],
                "amending": self.amending}

    def apply_draft(self, payload: dict) -> None:
        level, number, date = payload["decision"]
        self._fill(ReviewInput(**payload["review"]), CellAssessmentInput(**payload["cell"]), level, number,
                   dt.date.fromisoformat(date) if date else None)

    # ---- live checking ------------------------------------------------------------------------------------
    def check_form(self) -> dict[str, str]:
        reviews = self.services.reviews
        review = self.review_input()
        check = reviews.check_review(self.review_id, review)
        self.assessment.show_check(check)
        cell = reviews.check_cell(self.review_id, self.cell_input(), review)
        errors = {**check.errors, **{f"cell_{k}": v for k, v in cell.errors.items()}}
        self.cell_level_message.show_result("level", cell.errors, cell.warnings)
        self.votes_message.show_result("votes", cell.errors, {})
        a = check.assessment
        self.cell_self_level.setText(level_name(review.self_level) or TEXTS.not_chosen())
        self.cell_ceiling.setText(level_name(a.ceiling) if a.ceiling else self.tr("not determined yet"))
        self.decision_cell_level.setText(level_name(self.cell_input().level) or TEXTS.not_chosen())
        if self.decision.level.isEnabled() and not self.decision.is_empty():
            decision, local = self.decision.value()
            decided = reviews.check_decision(self.review_id, decision, today=self.today)
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
        self.cell_level_message.show_result("level", errors, warnings)
        self.votes_message.show_result("votes", errors, {})
        self.decision.show_errors(errors)

    # ---- the service calls of ReviewDocument ---------------------------------------------------------------
    def save_record(self) -> ReviewRecord:
        return self.services.reviews.save_draft(self.review_id, self.review_input(), self.cell_input(),
                                                base_rev=self.keeper.base_rev)

    def record_revision(self) -> int | None:
        return self.services.reviews.revision(self.review_id)

    def amend_record(self, reason: str, decision) -> ReviewRecord:
        return self.services.reviews.amend_review(self.review_id, reason, review=self.review_input(),
                                                  cell=self.cell_input(), decision=decision, today=self.today)

    def submission_errors(self) -> dict[str, str]:
        return self.services.reviews.submission_errors(self.review_id)

    def submit_record(self) -> ReviewRecord:
        return self.services.reviews.submit_review(self.review_id)

    def decide_record(self, decision) -> ReviewRecord:
        return self.services.reviews.decide(self.review_id, decision, today=self.today)

    def reload_record(self) -> ReviewRecord:
        return self.services.reviews.get_review(self.review_id)

    def amend_prompt(self) -> str:
        return self.tr("Why is the submitted review corrected? The reason is kept with the new version.")

    def submit_title(self) -> str:
        return self.tr("Submit review")

    def submit_question(self) -> str:
        return self.tr("Submit the {year} review of {name}?\n\nOnce submitted the review is locked: it can then be "
                       "corrected only by an amendment with its reason.").format(year=self.record.year,
                                                                                   name=self.record.member_name)

    def decide_question(self, decision) -> str:
        return self.tr("Record \"{level}\" for {name} as decided by the committee above?\n\nThe decision is then "
                       "locked; a correction needs an amendment.").format(level=level_name(decision.level),
                                                                          name=self.record.member_name)

    # ---- actions ------------------------------------------------------------------------------------------
    def _form_chosen(self, _index: int) -> None:
        key = self.form_combo.currentData()
        if key == self.record.form_type or self.record.locked:
            return
        try:
            with self.services.ctx.action(self):
                record = self.services.reviews.set_form_type(self.review_id, key)
        except ServiceError as exc:
            set_combo_data(self.form_combo, self.record.form_type)
            self.show_failure(exc)
            return
        unsaved = self.review_input()
        self.record = record
        self._build_self_tab()
        self._built_form = record.form_type
        # The edits on screen stay (not saved yet): only the form's sections and cases changed.
        self.loading = True
        try:
            self.sections.set_values(unsaved.sections)
            self.sections.set_prefill(self.services.reviews.prefill(record.id), fill_empty=True)
            self.assessment.load(unsaved.scores, unsaved.grades, unsaved.conditions, unsaved.disqualifiers,
                                 unsaved.self_level)
        finally:
            self.loading = False
        self.apply_state()
        self.check()

    def open_commitments(self) -> None:
        from .commitments import CommitmentsDialog

        CommitmentsDialog(self.services, self.record.year, self.record.member_id, self, today=self.today).exec()
        # New commitments change the suggested text of the "carrying out commitments" section.
        self.sections.set_prefill(self.services.reviews.prefill(self.review_id), fill_empty=False)

    def _ready_to_print(self) -> bool:
        if self.is_dirty() and not self.record.locked:
            return self.save()
        return True

    def print_review(self) -> None:
        if not self._ready_to_print():
            return
        services, review_id = self.services, self.review_id

        def write(path):
            from ...reports.reviews import write_review

            return write_review(services, review_id, path)

        preview_on(self, services, PrintJob(self.tr("Review of {name}").format(name=self.record.member_name),
                                            f"kiem-diem-{self.record.year}-{slug(self.record.member_name)}", write))

    def export_word(self) -> None:
        self._export(self.tr("Word form of the review"),
                     f"mau-kiem-diem-{self.record.year}-{slug(self.record.member_name)}.docx", ".docx",
                     "write_review_form_docx", self.tr("Preparing the Word form…"))

    def _export(self, title: str, name: str, suffix: str, writer: str, busy: str) -> None:
        if not self._ready_to_print():
            return
        path = FILES.ask_path(self, self.services, title, name, suffix)
        if path is None:
            return
        services, review_id = self.services, self.review_id

        def work():
            from ...reports import reviews as reports

            return getattr(reports, writer)(services, review_id, path)

        self.last_task = run_in_background(self, work, on_done=lambda p: FILES.offer_open(self, p), busy_text=busy)
