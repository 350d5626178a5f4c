"""One member's annual review: the self-review (sections, scores, conditions, disqualifying cases, the
self-proposed level), the cell's comment, proposed level and votes, the level decided above, and the
history. Checked live by the review service; submitted reviews are read-only and change only by an
amendment with its reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.review_rules import SCOPE_INDIVIDUAL

from ...domain.reviews import format_score
from ...services.errors import ServiceError, ValidationFailed
from ...services.reviews.records import CellAssessmentInput, ReviewInput, ReviewRecord
from .parts import TEXTS, AssessmentEditor, DecisionEditor, SectionsEditor, level_combo, level_name
from ..common.widgets import ERROR_COLOR, FILES, banner, muted_label, scrolled, set_combo_data, slug, with_message
from ..common.workers import run_in_background

VN = dt.timezone(dt.timedelta(hours=7))


def _vn_time(at: dt.datetime | None) -> str:
    if at is None:
        return ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    return at.astimezone(VN).strftime("%d/%m/%Y %H:%M")


class ReviewEditor(QDialog):
    def __init__(self, services, review_id: str, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.review_id = review_id
        self.today = today
        self.record: ReviewRecord = services.reviews.get_review(review_id)
        self.rules = services.reviews.rules_for_year(self.record.year)
        self.amending = False
        self.errors: dict[str, str] = {}
        self.baseline = None
        self.last_task = None
        self.setWindowTitle(self.tr("Review {year}: {name}").format(year=self.record.year,
                                                                      name=self.record.member_name))
        self.resize(1180, 680)

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
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Form:")))
        top.addWidget(self.form_combo)
        top.addStretch(1)
        top.addWidget(self.status_label)
        self.banner = banner("banner")

        self.tabs = QTabWidget()
        self.tabs.addTab(QWidget(), self.tr("Self-review"))
        self._build_self_tab()
        self.tabs.addTab(self._cell_tab(), self.tr("Cell's assessment"))
        self.tabs.addTab(self._decision_tab(), self.tr("Decision above"))
        self.tabs.addTab(self._history_tab(), self.tr("History"))

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()

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
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.setDefault(True)
        self.close_button = self._button("close", self.tr("Close"), self.reject)
        buttons = QHBoxLayout()
        for b in (self.commitments_button, self.print_button, self.word_button):
            buttons.addWidget(b)
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

    def _button(self, name: str, text: str, slot, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        if tip:
            button.setToolTip(tip)
        return button

    # ---- building -----------------------------------------------------------------------------------------
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
        note = muted_label(form.note, "form_note")
        note.setVisible(bool(form.note))
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
        self.sections.changed.connect(self._changed)
        self.assessment.changed.connect(self._check)

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
        self.cell_comment.textChanged.connect(self._changed)
        form.addRow(self.tr("The cell's comment:"), self.cell_comment)
        self.cell_level = level_combo("cell_level")
        self.cell_level.currentIndexChanged.connect(self._check)
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
            edit.textChanged.connect(self._check)
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
        self.decision.changed.connect(self._check)
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
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))

    # ---- loading ------------------------------------------------------------------------------------------
    def _load(self, record: ReviewRecord) -> None:
        self.record = record
        self._loading = True
        try:
            set_combo_data(self.form_combo, record.form_type)
            if record.form_type != getattr(self, "_built_form", record.form_type):
                self._build_self_tab()
            self._built_form = record.form_type
            self.sections.set_values(record.sections)
            self.sections.set_prefill(self.services.reviews.prefill(record.id), fill_empty=not record.locked)
            self.assessment.load(record.scores, record.grades, record.conditions, record.disqualifiers,
                                 record.self_level)
            self.cell_comment.setPlainText(record.cell_comment or "")
            set_combo_data(self.cell_level, record.cell_level)
            for key, value in (("for", record.votes_for), ("against", record.votes_against),
                               ("abstain", record.votes_abstain)):
                self.votes[key].setText("" if value is None else str(value))
            self.decision.load(record.decided_level, record.decision_no, record.decision_date)
        finally:
            self._loading = False
        self._load_history()
        self._apply_state()
        self.baseline = self._snapshot()
        self._check()

    def _load_history(self) -> None:
        history = self.services.reviews.member_history(self.record.member_id)
        self._fill(self.history_table, [
            [str(h.year), h.form_type_name, format_score(h.self_score) if h.self_score is not None else "",
             level_name(h.self_level), level_name(h.cell_level), level_name(h.decided_level), h.decision_no,
             TEXTS.status(h.status)] for h in history])
        versions = self.services.reviews.versions(self.record.id)
        self._fill(self.versions_table, [
            [str(v.version), TEXTS.stage(v.stage), v.reason, _vn_time(v.finalised_at), v.hash[:12]]
            for v in versions])

    def _apply_state(self) -> None:
        """Which parts can be edited: a draft (all but the decision), a locked review (only the decision
        while it is pending), or an amendment (everything the review already holds)."""
        r = self.record
        editable = not r.locked or self.amending
        self.sections.set_read_only(not editable)
        self.assessment.set_read_only(not editable)
        self.cell_comment.setReadOnly(not editable)
        self.cell_level.setEnabled(editable)
        for edit in self.votes.values():
            edit.setReadOnly(not editable)
        self.form_combo.setEnabled(not r.locked)
        deciding = r.status == "submitted" and not self.amending
        self.decision.set_read_only(not (deciding or (self.amending and r.status == "decided")))
        self.decide_button.setVisible(deciding)

        status = TEXTS.status(r.status)
        if r.version:
            status = self.tr("{status} (version {version})").format(status=status, version=r.version)
        self.status_label.setText(status)
        color = {"draft": "#5f6368", "submitted": "#1f4e79", "decided": "#2e7d32"}[r.status]
        self.status_label.setStyleSheet(f"font-weight: bold; color: {color};")

        if self.amending:
            self.banner.setText(self.tr("Amending the submitted review. Change what must be corrected, then "
                                        "save: you will be asked for the reason, and the amendment becomes a "
                                        "new version; earlier versions are kept."))
        elif r.locked:
            self.banner.setText(self.tr("Submitted on {date}: this review is read-only. To correct it, use "
                                        "\"Amend…\" and give the reason.").format(date=_vn_time(r.submitted_at)))
        self.banner.setVisible(r.locked)
        if r.status == "draft":
            self.decision_hint.setText(self.tr("Submit the review first, then record the level the committee "
                                               "above decides."))
        elif deciding:
            self.decision_hint.setText(self.tr("Enter the level, the decision number and its date as written in "
                                               "the decision of the committee above."))
        else:
            self.decision_hint.setText(self.tr("The decision is recorded. To correct it, use \"Amend…\"."))

        self.save_button.setVisible(editable)
        self.save_button.setText(self.tr("Save amendment") if self.amending else self.tr("Save"))
        self.submit_button.setVisible(not r.locked)
        self.amend_button.setVisible(r.locked)
        self.amend_button.setText(self.tr("Cancel amendment") if self.amending else self.tr("Amend…"))
        self.commitments_button.setEnabled(True)

    # ---- values -------------------------------------------------------------------------------------------
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

    def _snapshot(self):
        return (self.review_input(), self.cell_input(), self.decision.value()[0])

    def is_dirty(self) -> bool:
        return self.baseline is not None and self._snapshot() != self.baseline

    # ---- live checking ------------------------------------------------------------------------------------
    def _changed(self) -> None:
        if not getattr(self, "_loading", False):
            self._update_buttons()

    def _check(self, *_args) -> None:
        if getattr(self, "_loading", False) or not hasattr(self, "decision"):
            return
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
        decision_editable = self.decision.level.isEnabled()
        if decision_editable and not self.decision.is_empty():
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
        self.errors = errors
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self.errors and (self.is_dirty() or self.amending))
        title = self.windowTitle().rstrip(" *")
        self.setWindowTitle(title + (" *" if self.is_dirty() else ""))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.setVisible(bool(text))

    def _show_failure(self, exc: ServiceError) -> None:
        if isinstance(exc, ValidationFailed):
            errors = exc.errors
            self.assessment.show_messages(errors, exc.warnings)
            self.cell_level_message.show_result("level", errors, exc.warnings)
            self.votes_message.show_result("votes", errors, {})
            self.decision.show_errors(errors)
            self._show_message("\n".join(dict.fromkeys(errors.values())))
        else:
            self._show_message(exc.message)

    # ---- actions ------------------------------------------------------------------------------------------
    def _form_chosen(self, _index: int) -> None:
        key = self.form_combo.currentData()
        if key == self.record.form_type or self.record.locked:
            return
        try:
            record = self.services.reviews.set_form_type(self.review_id, key)
        except ServiceError as exc:
            set_combo_data(self.form_combo, self.record.form_type)
            self._show_failure(exc)
            return
        unsaved = self._snapshot()
        self.record = record
        self._build_self_tab()
        self._built_form = record.form_type
        # The edits on screen stay (not saved yet): only the form's sections and cases changed.
        self._loading = True
        try:
            self.sections.set_values(unsaved[0].sections)
            self.sections.set_prefill(self.services.reviews.prefill(record.id), fill_empty=True)
            self.assessment.load(unsaved[0].scores, unsaved[0].grades, unsaved[0].conditions,
                                 unsaved[0].disqualifiers, unsaved[0].self_level)
        finally:
            self._loading = False
        self._apply_state()
        self._check()

    def save(self) -> bool:
        """Save the draft (member's part and cell's part together), or the amendment with its reason."""
        self._check()
        if self.errors:
            self._show_message(self.tr("Correct the fields marked in red first."))
            return False
        if self.amending:
            return self._save_amendment()
        try:
            record = self.services.reviews.save_draft(self.review_id, self.review_input(), self.cell_input())
        except ServiceError as exc:
            self._show_failure(exc)
            return False
        self._show_message("")
        self._load(record)
        return True

    def _save_amendment(self) -> bool:
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Reason for the amendment"),
            self.tr("Why is the submitted review corrected? The reason is kept with the new version."))
        if not ok:
            return False
        decision = self.decision.value()[0] if self.record.status == "decided" else None
        try:
            record = self.services.reviews.amend_review(self.review_id, reason, review=self.review_input(),
                                                        cell=self.cell_input(), decision=decision, today=self.today)
        except ServiceError as exc:
            self._show_failure(exc)
            return False
        self.amending = False
        self._show_message("")
        self._load(record)
        return True

    def submit(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Submit review"),
            self.tr("Submit the {year} review of {name}?\n\nOnce submitted the review is locked: it can then be "
                    "corrected only by an amendment with its reason.").format(year=self.record.year,
                                                                                name=self.record.member_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.is_dirty() and not self.save():
            return
        try:
            record = self.services.reviews.submit_review(self.review_id)
        except ServiceError as exc:
            self._show_failure(exc)
            return
        self._show_message("")
        self._load(record)

    def record_decision(self) -> None:
        decision, local = self.decision.value()
        if local:
            self.decision.show_errors(local)
            return
        answer = QMessageBox.question(
            self, self.tr("Record the decision"),
            self.tr("Record \"{level}\" for {name} as decided by the committee above?\n\nThe decision is then "
                    "locked; a correction needs an amendment.").format(level=level_name(decision.level),
                                                                       name=self.record.member_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            record = self.services.reviews.decide(self.review_id, decision, today=self.today)
        except ServiceError as exc:
            self._show_failure(exc)
            return
        self._show_message("")
        self._load(record)

    def toggle_amend(self) -> None:
        if self.amending:
            self.amending = False
            self._load(self.services.reviews.get_review(self.review_id))
            return
        self.amending = True
        self._apply_state()
        self._check()

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
        path = FILES.ask_path(self, self.services, self.tr("Print the review"),
                              f"kiem-diem-{self.record.year}-{slug(self.record.member_name)}.pdf", ".pdf")
        if path is None:
            return
        services, review_id = self.services, self.review_id

        def work():
            from ...reports.reviews import write_review

            return write_review(services, review_id, path)

        self.last_task = run_in_background(self, work, on_done=lambda p: FILES.offer_open(self, p),
                                           busy_text=self.tr("Preparing the review…"))

    def export_word(self) -> None:
        if not self._ready_to_print():
            return
        path = FILES.ask_path(self, self.services, self.tr("Word form of the review"),
                              f"mau-kiem-diem-{self.record.year}-{slug(self.record.member_name)}.docx", ".docx")
        if path is None:
            return
        services, review_id = self.services, self.review_id

        def work():
            from ...reports.reviews import write_review_form_docx

            return write_review_form_docx(services, review_id, path)

        self.last_task = run_in_background(self, work, on_done=lambda p: FILES.offer_open(self, p),
                                           busy_text=self.tr("Preparing the Word form…"))

    # ---- closing (QDialog's close and Esc both come through reject) --------------------------------------------
    def reject(self) -> None:
        if self._may_close():
            super().reject()

    def _may_close(self) -> bool:
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to this review before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.baseline = self._snapshot()  # closing for good: do not ask again
            return True
        return False
