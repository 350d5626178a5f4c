"""The score sheet of a rubric: one approved meeting's quality score, or the yearly "5 tốt" assessment of the
cell or of a member.

Criteria are shown by group, each with its maximum, the scoring hint, and a points box. Criteria with an
automatic source come pre-filled from the data (marked "tự động", with the measured value and the points
the rule gives); the secretary may override them, writing the reason in the note. Manual criteria take
points from 0 to their maximum and an evidence note. The total and the band follow every keystroke
(ScoringService.evaluate). For the yearly assessments a second tab holds the cell's proposal and the
recognition decided above (title, decision number and date, organisation). Save: Ctrl+S.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import scores as S
from ...services.errors import ServiceError, ValidationFailed
from ...services.revisions import ChangedMeanwhile
from ...services.scoring.records import AssessmentInput, ScoreSheet
from ..common.editor import DocumentEditor
from ..common.rule_marker import editable_rule
from ..common.widgets import ERROR_COLOR, WARNING_COLOR, DateEdit, FieldMessage, banner, with_message
from .criterion_row import MUTED, OK_COLOR, CriterionRow, SheetTexts, points_text
from .summary import SheetSummary


class ScoreSheetDialog(DocumentEditor):
    """`subject` is "meeting" (with meeting_id), "cell" or "member" (with member_id) for `year`. What the
    secretary types is autosaved as a draft (DocumentEditor) and offered back after a crash; score sheets have
    no finalised state in the service, so the sheet is never shown locked."""

    draft_kind = "score_sheet"
    watched_tables = frozenset({"meeting_scores", "five_good_assessments"})

    def __init__(self, services, subject: str, *, year: int, meeting_id: str | None = None,
                 member_id: str | None = None, meeting_kind: str | None = None,
                 parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(services, parent)
        self.subject = subject
        self.year = year
        self.meeting_id = meeting_id
        self.member_id = member_id
        self.meeting_kind = meeting_kind
        self.today = today
        self.texts = SheetTexts(self)
        self.rows: dict[str, CriterionRow] = {}
        self.saved_sheet: ScoreSheet | None = None
        self.baseline: tuple | None = None
        self.errors: dict[str, str] = {}
        self.resize(1160, 680)

        top = self._top_bar()
        self.banner = banner("banner")  # the rubric's source; its colour says whether it is verified

        sheet_page = self._sheet_page()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sheet_tabs")
        self.tabs.addTab(sheet_page, "")
        if subject != "meeting":
            self.tabs.addTab(self._decision_page(), "")
        self.tabs.tabBar().setVisible(subject != "meeting")
        if subject == "meeting":
            self.tabs.setDocumentMode(True)

        buttons = self._button_row()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.recovered_banner)
        layout.addWidget(self.elsewhere_banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.keeper.label)
        layout.addLayout(buttons)

        self._set_texts()
        self._fill_rubrics()
        self.load(self._fetch(None))
        self.start_tracking(self.sheet.rev)
        self.lock(False)
        if self.offer_draft():
            self._update()

    # ---- building -----------------------------------------------------------------------------------------
    def _top_bar(self) -> QHBoxLayout:
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.rubric_label = QLabel()
        self.rubric = QComboBox()
        self.rubric.setObjectName("rubric")
        self.rubric.setMinimumWidth(300)
        self.rubric.setMaximumWidth(420)
        self.rubric.activated.connect(self._rubric_chosen)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.rubric_label)
        top.addWidget(self.rubric)
        return top

    def _sheet_page(self) -> QWidget:
        """The criteria (scrolled) and the summary beside them."""
        self.criteria_holder = QWidget()
        self.criteria_layout = QVBoxLayout(self.criteria_holder)
        self.criteria_layout.setContentsMargins(0, 0, 8, 0)
        scroll = QScrollArea()
        scroll.setObjectName("criteria_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.criteria_holder)
        self.summary = SheetSummary(self.subject == "meeting")
        self.scored_by, self.meeting_note = self.summary.scored_by, self.summary.meeting_note
        self.total, self.band, self.missing = self.summary.total, self.summary.band, self.summary.missing
        if self.subject == "meeting":
            self.scored_by.textChanged.connect(self._changed)
            self.meeting_note.textChanged.connect(self._changed)
        sheet_page = QWidget()
        body = QHBoxLayout(sheet_page)
        body.setContentsMargins(0, 6, 0, 0)
        body.addWidget(scroll, 1)
        body.addWidget(self.summary)
        return sheet_page

    def _button_row(self) -> QHBoxLayout:
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.delete_button = self._button("delete", self.delete_score)
        self.save_button = self._button("save", self.save)
        self.save_button.setDefault(False)
        self.close_button = self._button("close", self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.message, 3)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        return buttons

    def _button(self, name: str, slot) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _decision_page(self) -> QWidget:
        page = QWidget()
        columns = QHBoxLayout(page)
        outer = QVBoxLayout()
        columns.addLayout(outer, 3)
        # The year's facts beside the proposal: what the automatic criteria were scored from.
        self.values_box = QGroupBox()
        self.values_box.setObjectName("values_box")
        values_layout = QVBoxLayout(self.values_box)
        self.values_label = QLabel()
        self.values_label.setObjectName("auto_values")
        self.values_label.setWordWrap(True)
        self.values_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        values_layout.addWidget(self.values_label)
        values_layout.addStretch(1)
        columns.addWidget(self.values_box, 2)
        self.decision_intro = QLabel()
        self.decision_intro.setWordWrap(True)
        self.decision_intro.setStyleSheet(MUTED)
        outer.addWidget(self.decision_intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.proposal = QLineEdit()
        self.proposal.setObjectName("proposal")
        self.recognized_title = QLineEdit()
        self.recognized_title.setObjectName("recognized_title")
        self.decision_no = QLineEdit()
        self.decision_no.setObjectName("decision_no")
        self.decision_no.setMaxLength(60)
        self.decision_date = DateEdit()
        self.decision_date.setObjectName("decision_date")
        self.decision_date.setMaximumWidth(160)
        self.decision_org = QLineEdit()
        self.decision_org.setObjectName("decision_org")
        self.assessment_note = QPlainTextEdit()
        self.assessment_note.setObjectName("assessment_note")
        self.assessment_note.setTabChangesFocus(True)
        self.assessment_note.setMaximumHeight(110)
        self.field_messages: dict[str, FieldMessage] = {}
        self.decision_labels: dict[str, QLabel] = {}
        for key, widget in (("proposal", self.proposal), ("recognized_title", self.recognized_title),
                            ("decision_no", self.decision_no), ("decision_date", self.decision_date),
                            ("decision_org", self.decision_org), ("note", self.assessment_note)):
            field, message = with_message(widget)
            label = QLabel()
            self.decision_labels[key] = label
            form.addRow(label, field)
            self.field_messages[key] = message
        outer.addLayout(form)
        outer.addStretch(1)
        for edit in (self.proposal, self.recognized_title, self.decision_org):
            edit.textChanged.connect(self._changed)
        self.decision_no.textChanged.connect(self._decision_no_typed)
        self.decision_date.date_changed.connect(self._changed)
        self.assessment_note.textChanged.connect(self._changed)
        return page

    def _set_texts(self) -> None:
        self.rubric_label.setText(self.tr("Rubric:"))
        self.tabs.setTabText(0, self.tr("Criteria"))
        if self.tabs.count() > 1:
            self.tabs.setTabText(1, self.tr("Proposal and recognition"))
        self.delete_button.setText(self.tr("Delete the score"))
        self.delete_button.setToolTip(self.tr("Delete this score (can be undone with Ctrl+Z)"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.close_button.setText(self.tr("Close"))
        if self.subject != "meeting":
            self.decision_intro.setText(self.tr("The cell's proposal, and the title the committee above recognised "
                                                "with its decision (fill these in when the decision arrives)."))
            labels = {"proposal": self.tr("The cell proposes:"), "recognized_title": self.tr("Recognised title:"),
                      "decision_no": self.tr("Decision no.:"), "decision_date": self.tr("Decision date:"),
                      "decision_org": self.tr("Decided by:"), "note": self.tr("Note:")}
            for key, label in self.decision_labels.items():
                label.setText(labels[key])
            self.decision_no.setPlaceholderText(self.tr("e.g. Số 118-QĐ/ĐU"))
            self.values_box.setTitle(self.tr("The year's data used by the automatic criteria"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "save_button"):
            self._set_texts()
        super().changeEvent(event)

    # ---- data ---------------------------------------------------------------------------------------------
    def _target(self) -> str:
        return {"meeting": "meeting", "cell": "cell_year", "member": "member_year"}[self.subject]

    def _fill_rubrics(self) -> None:
        self.rubric.clear()
        for info in self.services.rubrics.list(self._target()):
            if self.subject == "meeting" and self.meeting_kind and self.meeting_kind not in info.meeting_types:
                continue
            text = f"{info.name} (v{info.version})"
            self.rubric.addItem(("✓ " if info.active else "") + text, info.id)
            if info.active:
                self.rubric.setItemData(self.rubric.count() - 1, self.tr("in use"), Qt.ItemDataRole.ToolTipRole)

    def _fetch(self, rubric_id: str | None) -> ScoreSheet:
        scoring = self.services.scoring
        if self.subject == "meeting":
            return scoring.meeting_sheet(self.meeting_id, rubric_id)
        if self.subject == "cell":
            return scoring.cell_sheet(self.year, rubric_id, today=self.today)
        return scoring.member_sheet(self.member_id, self.year, rubric_id, today=self.today)

    def load(self, sheet: ScoreSheet) -> None:
        """Show a sheet: rebuild the criteria for its rubric and fill every field."""
        was_loading, self.loading = self.loading, True
        try:
            self.sheet = sheet
            index = self.rubric.findData(sheet.rubric_id)
            if index < 0:
                info = self.services.rubrics.info(sheet.rubric_id)
                self.rubric.addItem(f"{info.name} (v{info.version})", info.id)
                index = self.rubric.count() - 1
            self.rubric.setCurrentIndex(index)
            self._build_criteria(sheet)
            self._show_header(sheet)
            if self.subject == "meeting":
                scored_by = sheet.scored_by
                if not sheet.saved and not scored_by:
                    scored_by = self.services.cell.get().secretary_name
                self.scored_by.setText(scored_by)
                self.meeting_note.setPlainText(sheet.note)
            else:
                self.proposal.setText(sheet.proposal)
                self.recognized_title.setText(sheet.recognized_title)
                self.decision_no.setText(sheet.decision_no)
                self.decision_date.set_value(sheet.decision_date)
                self.decision_org.setText(sheet.decision_org)
                self.assessment_note.setPlainText(sheet.note)
                top = sheet.rubric.bands[0].label if sheet.rubric.bands else ""
                self.proposal.setPlaceholderText(self.tr("e.g. Propose recognition as \"{title}\" for {year}")
                                                 .format(title=top, year=sheet.year))
                self.recognized_title.setPlaceholderText(self.tr("e.g. {title}").format(title=top))
                self.decision_org.setPlaceholderText(self.services.cell.get().upper_committee)
                self.values_label.setText("".join(
                    f'<p style="margin: 0 0 6px 0">{escape(s.label.format())}: '
                    f"<b>{escape(self.texts.value_text(s.key, sheet.values.get(s.key)))}</b></p>"
                    for s in self.services.rubrics.sources(self._target())))
        finally:
            self.loading = was_loading
        self.delete_button.setVisible(sheet.saved)
        self.baseline = self._snapshot()
        self._update()

    def _show_header(self, sheet: ScoreSheet) -> None:
        if self.subject == "meeting":
            title = sheet.title
            self.setWindowTitle(self.tr("Meeting quality score"))
        elif self.subject == "cell":
            title = self.tr("{cell} — \"5-good cell\" assessment {year}").format(cell=sheet.title, year=sheet.year)
            self.setWindowTitle(self.tr("\"5-good cell\" assessment"))
        else:
            title = self.tr("Comrade {name} — \"5-good member\" assessment {year}").format(name=sheet.title,
                                                                                         year=sheet.year)
            self.setWindowTitle(self.tr("\"5-good member\" assessment"))
        self.title.setText(title)
        rubric = sheet.rubric
        notes = []
        if rubric.document:
            notes.append(self.tr("Based on: {document}").format(document=rubric.document))
        if rubric.unverified:
            notes.append(editable_rule(self.tr("Rubrics… on the page")))
        self.banner.setText("\n".join(notes))
        self.banner.setVisible(bool(notes))
        self.banner.setStyleSheet(
            ("background: #fff4d6; border: 1px solid #e0c36e;" if rubric.unverified
             else "background: #eef3f8; border: 1px solid #c8d4e3;") + " border-radius: 3px; padding: 5px;")
        self.summary.bands_label.setText(self.tr("Bands: {bands}").format(bands="; ".join(
            self.tr("{label} from {min}").format(label=b.label, min=points_text(b.min_points))
            for b in sorted(rubric.bands, key=lambda b: b.min_points, reverse=True))))

    def _build_criteria(self, sheet: ScoreSheet) -> None:
        while self.criteria_layout.count():
            child = self.criteria_layout.takeAt(0)
            if child.widget() is not None:
                child.widget().deleteLater()
        self.rows = {}
        self.summary.set_groups(sheet.rubric.groups)
        for group in sheet.rubric.groups:
            box = QGroupBox(self.tr("{id}. {title} — up to {max} points").format(
                id=group.id, title=group.title, max=points_text(group.max_points)))
            box.setObjectName(f"group_{group.id}")
            inner = QVBoxLayout(box)
            inner.setSpacing(0)
            for c_index, criterion in enumerate(group.criteria):
                if c_index:
                    line = QFrame()
                    line.setFrameShape(QFrame.Shape.HLine)
                    line.setStyleSheet("color: #e0e0e0;")
                    inner.addWidget(line)
                row = CriterionRow(criterion, sheet.items.get(criterion.id, S.ItemScore()), self.texts)
                row.changed.connect(self._changed)
                inner.addWidget(row)
                self.rows[criterion.id] = row
            self.criteria_layout.addWidget(box)
        self.criteria_layout.addStretch(1)

    @property
    def group_totals(self) -> dict[str, QLabel]:
        return self.summary.group_totals

    def items(self) -> dict[str, S.ItemScore]:
        return {cid: row.value() for cid, row in self.rows.items()}

    def assessment_input(self) -> tuple[AssessmentInput, dict[str, str]]:
        """What the yearly sheet would save, plus a local error for a date that is not a date."""
        error = self.decision_date.error()
        data = AssessmentInput(items=self.items(), proposal=self.proposal.text(),
                               recognized_title=self.recognized_title.text(), decision_no=self.decision_no.text(),
                               decision_date=None if error else self.decision_date.value(),
                               decision_org=self.decision_org.text(), note=self.assessment_note.toPlainText(),
                               rubric_id=self.rubric.currentData())
        return data, ({"decision_date": error} if error else {})

    def _snapshot(self) -> tuple:
        items = tuple((cid, i.points, i.note) for cid, i in sorted(self.items().items()))
        if self.subject == "meeting":
            return items, self.scored_by.text(), self.meeting_note.toPlainText(), self.rubric.currentData()
        data, _ = self.assessment_input()
        return (items, data.proposal, data.recognized_title, data.decision_no, self.decision_date.text(),
                data.decision_org, data.note, self.rubric.currentData())

    def is_dirty(self) -> bool:
        return self.baseline is not None and self._snapshot() != self.baseline

    # ---- live check ---------------------------------------------------------------------------------------
    def _decision_no_typed(self, text: str) -> None:
        # A decision comes from the committee above: offer its name once a number is typed.
        if text.strip() and not self.decision_org.text().strip() and not self.loading:
            self.decision_org.setText(self.services.cell.get().upper_committee)
        self._changed()

    def _changed(self, *_args) -> None:
        if not self.loading:
            self.mark_changed()
            self._update()

    def _update(self) -> None:
        items = self.items()
        result, errors = self.services.scoring.evaluate(self.sheet.rubric, items)
        for cid, row in self.rows.items():
            row.show_error(errors.get(cid) or row.local_error())
        errors = dict(errors)
        errors.update({f"note_{cid}": e for cid, row in self.rows.items() if (e := row.local_error())})
        if self.subject != "meeting":
            data, local = self.assessment_input()
            field_errors = {**self.services.scoring.check_assessment(data, self.today), **local}
            for key, message in self.field_messages.items():
                if key == "decision_date" and self.decision_date.is_being_typed():
                    message.clear_message()
                else:
                    message.show_result(key, field_errors, {})
            errors.update(field_errors)
        self.errors = errors
        self.score_result = result
        self.summary.show_result(self.sheet.rubric, result)
        self.save_button.setEnabled(not errors)
        if errors:
            self._show_message(self.tr("Correct the fields marked in red before saving."), ERROR_COLOR)
        elif self.is_dirty():
            self._show_message(self.tr("Not saved yet."), WARNING_COLOR)
        else:
            self.message.hide()

    def _show_message(self, text: str, color: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {color};")
        self.message.show()

    # ---- actions ------------------------------------------------------------------------------------------
    def _rubric_chosen(self, _index: int) -> None:
        rubric_id = self.rubric.currentData()
        if rubric_id == self.sheet.rubric_id:
            return
        if self.is_dirty():
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("Scoring with another rubric starts the criteria again; the points typed here are not "
                        "kept. Continue?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                self.rubric.setCurrentIndex(max(self.rubric.findData(self.sheet.rubric_id), 0))
                return
        try:
            sheet = self._fetch(rubric_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            self.rubric.setCurrentIndex(max(self.rubric.findData(self.sheet.rubric_id), 0))
            return
        baseline = self.baseline
        self.load(sheet)
        self.baseline = baseline  # choosing another rubric is itself a change to save
        self.mark_changed()
        self._update()

    def save(self) -> bool:
        self._update()
        if self.errors:
            return False
        try:
            with self.services.ctx.action(self):
                sheet = self._save_sheet()
        except ValidationFailed as exc:
            for cid, row in self.rows.items():
                if cid in exc.errors:
                    row.show_error(exc.errors[cid])
            if self.subject != "meeting":
                for key, message in self.field_messages.items():
                    message.show_result(key, exc.errors, {})
            self._show_message("\n".join(dict.fromkeys(exc.errors.values())), ERROR_COLOR)
            return False
        except ChangedMeanwhile as exc:  # saved elsewhere since loaded: nothing written, the points stay
            return self.resolve_changed_meanwhile(exc)
        except ServiceError as exc:
            self._show_message(exc.message, ERROR_COLOR)
            return False
        self.saved_sheet = sheet
        self.saved_now()
        self.keeper.base_rev = sheet.rev  # the next save starts from this revision
        self.load(sheet)
        self._show_message(self.tr("Saved: {total} points, {band}.").format(
            total=points_text(sheet.result.total), band=sheet.result.label), OK_COLOR)
        return True

    def delete_score(self) -> None:
        if not self.sheet.saved:
            return
        answer = QMessageBox.question(self, self.windowTitle(),
                                      self.tr("Delete this score? It can be undone at once with Edit → Undo "
                                              "(Ctrl+Z)."),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.services.ctx.action(self):
                if self.subject == "meeting":
                    self.services.scoring.delete_meeting_score(self.meeting_id)
                else:
                    self.services.scoring.delete_assessment(self.year,
                                                            self.member_id if self.subject == "member" else None)
        except ServiceError as exc:
            self._show_message(exc.message, ERROR_COLOR)
            return
        self.baseline = None
        self.saved_now()
        self.accept()

    def _save_sheet(self) -> ScoreSheet:
        scoring, base = self.services.scoring, self.keeper.base_rev
        if self.subject == "meeting":
            return scoring.save_meeting_score(self.meeting_id, self.items(), rubric_id=self.rubric.currentData(),
                                              note=self.meeting_note.toPlainText(), scored_by=self.scored_by.text(),
                                              base_rev=base)
        data, _ = self.assessment_input()
        if self.subject == "cell":
            return scoring.save_cell_assessment(self.year, data, today=self.today, base_rev=base)
        return scoring.save_member_assessment(self.member_id, self.year, data, today=self.today, base_rev=base)

    def record_revision(self) -> int:
        return self.services.scoring.sheet_revision(self.subject, self.year, meeting_id=self.sheet.meeting_id,
                                                    member_id=self.member_id)

    def reload(self) -> None:
        self.saved_now()
        self.load(self._fetch(None))
        self.start_tracking(self.sheet.rev)

    # ---- drafts and closing (DocumentEditor) --------------------------------------------------------------
    def draft_key(self) -> str:
        if self.subject == "meeting":
            return f"meeting:{self.meeting_id}"
        if self.subject == "cell":
            return f"cell:{self.year}"
        return f"member:{self.member_id}:{self.year}"

    def collect_draft(self) -> dict:
        data = {"rubric_id": self.rubric.currentData(),
                "items": {cid: {"points": row.points.points(), "note": row.note.text()}
                          for cid, row in self.rows.items()}}
        if self.subject == "meeting":
            data.update(scored_by=self.scored_by.text(), note=self.meeting_note.toPlainText())
        else:
            data.update(proposal=self.proposal.text(), recognized_title=self.recognized_title.text(),
                        decision_no=self.decision_no.text(), decision_date=self.decision_date.text(),
                        decision_org=self.decision_org.text(), note=self.assessment_note.toPlainText())
        return data

    def apply_draft(self, payload: dict) -> None:
        rubric_id = payload.get("rubric_id")
        if rubric_id and rubric_id != self.sheet.rubric_id:
            try:
                sheet = self._fetch(rubric_id)
            except ServiceError:
                sheet = None  # the draft's rubric is gone: its points go onto the sheet's own criteria
            if sheet is not None:
                baseline = self.baseline
                self.load(sheet)
                self.baseline = baseline
        for cid, item in (payload.get("items") or {}).items():
            row = self.rows.get(cid)
            if row is not None:
                row.points.set_points(item.get("points"))
                row.note.setText(item.get("note") or "")
        if self.subject == "meeting":
            self.scored_by.setText(payload.get("scored_by", ""))
            self.meeting_note.setPlainText(payload.get("note", ""))
            return
        for edit, key in ((self.proposal, "proposal"), (self.recognized_title, "recognized_title"),
                          (self.decision_no, "decision_no"), (self.decision_date, "decision_date"),
                          (self.decision_org, "decision_org")):
            edit.setText(payload.get(key, ""))
        self.assessment_note.setPlainText(payload.get("note", ""))

    def confirm_close(self) -> bool:
        """Unsaved changes: save them (Yes), drop them (No) or stay (Cancel)."""
        if not self.is_dirty():
            self.keeper.discard()  # nothing differs from the record: no draft to keep
            return True
        self.keeper.flush()
        answer = QMessageBox.question(
            self, self.windowTitle(), self.tr("Save the changes before closing?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Yes:
            return self.save()
        self.keeper.discard()
        return True
