"""Kiểm điểm & xếp loại: a year's review cycle. The year's members with their form, self-score and the
three levels (self-proposed, proposed by the cell, decided above), the live quota of "excellent" ratings,
and the actions: open the year, open a member's review, commitments, the cell's collective review,
submitting the summary (a reason is required over the quota), printing and exporting, the rule sets.
It refreshes when a change touches the reviews (or everything, after a restore), only while visible; the
dialogs' own changes reach it that way, once per action."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...services.errors import ServiceError, ValidationFailed
from ...services.reviews.records import SummaryRow, YearSummary
from .parts import TEXTS, level_name
from .summary import COLUMNS, QuotaPanel, ReviewTableModel
from ..common.shortcuts import shortcut
from ..common.preview import PrintJob, preview_on
from ..common.page import Page
from ..common.widgets import FILES, slug
from ..common.workers import run_in_background

QUOTA_REASON_DRAFT = "review_quota_reason"  # the reason typed for exceeding the quota, by year


class ReviewsPage(Page):
    WATCHES = frozenset({"member_reviews", "review_years", "collective_reviews", "review_commitments",
                         "review_rule_sets", "members"})

    def __init__(self, services, notifier, parent: QWidget | None = None) -> None:
        super().__init__(services, notifier, parent)
        self.today: dt.date | None = None  # tests pin "today"; the app uses the real date
        self.summary: YearSummary | None = None
        self.last_task = None

        member_row = self._build_bars()
        self._build_table()
        self._build_empty()
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self.quota)
        body.addWidget(self.empty, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.year_bar)
        layout.addLayout(member_row)
        layout.addLayout(body, 1)

        self.retranslate()
        self.refresh()

    def _build_bars(self) -> QHBoxLayout:
        """The year's toolbar and the selected member's toolbar with the search box."""
        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setObjectName("year")
        today = dt.date.today()
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(self._default_year(today))
        self.year.valueChanged.connect(self.refresh)

        self.year_bar = QToolBar()
        self.year_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.year_bar.addWidget(self.year_label)
        self.year_bar.addWidget(self.year)
        self.year_bar.addSeparator()
        self.open_action = self._action(self.year_bar, self.open_year)
        self.collective_action = self._action(self.year_bar, self.open_collective)
        self.submit_action = self._action(self.year_bar, self.submit_summary)
        self.year_bar.addSeparator()
        self.print_summary_action = self._action(self.year_bar, self.print_summary, QKeySequence.StandardKey.Print)
        self.export_action = self._action(self.year_bar, self.export_xlsx)
        self.year_bar.addSeparator()
        self.rules_action = self._action(self.year_bar, self.open_rule_sets)

        self.member_bar = QToolBar()
        self.member_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.review_action = self._action(self.member_bar, self.open_selected)
        self.commitments_action = self._action(self.member_bar, self.open_commitments)
        self.member_bar.addSeparator()
        self.print_review_action = self._action(self.member_bar, self.print_review)
        self.word_action = self._action(self.member_bar, self.export_word)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(230)
        self.search.setMaximumWidth(280)
        self.search.textChanged.connect(self._filter)
        member_row = QHBoxLayout()
        member_row.addWidget(self.member_bar, 1)
        member_row.addWidget(self.search)
        return member_row

    def _build_table(self) -> None:
        self.model = ReviewTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("reviews")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut(QKeySequence(key), self.table, self.open_selected, Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_search)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.quota = QuotaPanel()

    def _build_empty(self) -> None:
        """What a year not opened yet shows instead of the table."""
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(self.empty_label)
        self.empty_button = QPushButton()
        self.empty_button.setObjectName("open_year_button")
        self.empty_button.clicked.connect(self.open_year)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_button)
        row.addStretch(1)
        empty_layout.addLayout(row)
        empty_layout.addStretch(2)

    def page_title(self) -> str:
        return self.tr("Reviews & classification")

    def _default_year(self, today: dt.date) -> int:
        """The year being reviewed: this year from October (the review season) or once it is open, else
        the latest opened year."""
        years = [y.year for y in self.services.reviews.list_years()]
        if today.year in years or today.month >= 10 or not years:
            return today.year
        return years[0]

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    @staticmethod
    def _action(bar: QToolBar, slot, shortcut=None) -> QAction:
        action = QAction(bar)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        bar.addAction(action)
        return action

    # ---- texts --------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.year_label.setText(self.tr("Year:") + " ")
        self.collective_action.setText(self.tr("Collective review"))
        self.collective_action.setToolTip(self.tr("The cell's own review report (form 01) and its level"))
        self.submit_action.setToolTip(self.tr("Submit every review and the summary table to the committee above"))
        self.print_summary_action.setText(self.tr("Print summary"))
        self.print_summary_action.setToolTip(self.tr("Print the year's summary table as a PDF (Ctrl+P)"))
        self.export_action.setText(self.tr("Export to Excel"))
        self.export_action.setToolTip(self.tr("Save the year's summary table as an Excel workbook"))
        self.rules_action.setText(self.tr("Rule sets"))
        self.rules_action.setToolTip(self.tr("Score bands, quota and disqualifying cases of each year's rules"))
        self.review_action.setText(self.tr("Open review"))
        self.review_action.setToolTip(self.tr("Open the selected member's review (Enter or double-click)"))
        self.commitments_action.setText(self.tr("Commitments…"))
        self.commitments_action.setToolTip(self.tr("The selected member's commitments of the year"))
        self.print_review_action.setText(self.tr("Print review"))
        self.print_review_action.setToolTip(self.tr("Print the selected member's review as a PDF"))
        self.word_action.setText(self.tr("Word form"))
        self.word_action.setToolTip(self.tr("A Word form pre-filled for the selected member to write in"))
        self.search.setPlaceholderText(self.tr("Find a member (Ctrl+F)…"))
        self._texts_for_state()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.summary is not None:
            self.quota.show_summary(self.summary)
        self._size_columns()

    def _texts_for_state(self) -> None:
        year = self.year.value()
        self.empty_label.setText(self.tr("The {year} review has not been opened yet. Opening it lists the members "
                                         "who must write a review, each with the suggested form.").format(year=year))
        self.empty_button.setText(self.tr("Open the {year} review…").format(year=year))
        if self.summary is None:
            self.open_action.setText(self.tr("Open the {year} review…").format(year=year))
            self.open_action.setToolTip(self.tr("List the members who must be reviewed and open the year"))
        else:
            self.open_action.setText(self.tr("Add members…"))
            self.open_action.setToolTip(self.tr("Add members who became due since the year was opened"))
        submitted = self.summary is not None and self.summary.submitted
        self.submit_action.setText(self.tr("Summary submitted") if submitted else self.tr("Submit summary"))

    def _size_columns(self) -> None:
        fm = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setFixedHeight(header.fontMetrics().height() * 2 + 10)
        samples = {"list_no": "000", "name": "Nguyễn Thị Thu Hà", "form": "Cá nhân không giữ",
                   "score": "100", "self_level": "HTXSNV", "cell_level": "HTXSNV", "decided_level": "HTXSNV",
                   "status": TEXTS.status("decided"), "problems": "Vấn đề"}
        headers = self.model.headers()
        for column, field in enumerate(COLUMNS):
            # Wide enough for the contents and for the header on at most two lines.
            words = headers[column].split()
            header_width = max(max((fm.horizontalAdvance(w) for w in words), default=0),
                               fm.horizontalAdvance(headers[column]) // 2 + 8)
            self.table.setColumnWidth(column, max(fm.horizontalAdvance(samples[field]), header_width) + 14)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # The form column has its own width (the full name is its tooltip): stretched into what the others
        # left, it got 46 px beside the quota panel on a laptop ("Mẫu kiểm điểm" cut, "Cá ..."). The last
        # column takes the room to spare; on a narrow screen the table scrolls sideways.
        header.setStretchLastSection(True)

    # ---- data ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        year = self.year.value()
        selected = self.selected()
        reviews = self.services.reviews
        self.summary = reviews.summary(year) if reviews.is_open(year) else None
        opened = self.summary is not None
        self.model.set_rows(self.summary.rows if opened else [])
        self.table.setVisible(opened)
        self.quota.setVisible(opened)
        self.empty.setVisible(not opened)
        if opened:
            self.quota.show_summary(self.summary)
        self._texts_for_state()
        if selected is not None:
            self.select(selected.review_id)
        self._update_actions()

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_actions()

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected(self) -> SummaryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def select(self, review_id: str) -> bool:
        row = self.model.row_of(review_id)
        if row < 0:
            return False
        index = self.model.index(row, 1)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def select_member(self, member_id: str) -> bool:
        row = next((r for r in self.model.rows if r.member_id == member_id), None)
        return row is not None and self.select(row.review_id)

    def _update_actions(self, *_args) -> None:
        opened = self.summary is not None
        has = self.selected() is not None
        submitted = opened and self.summary.submitted
        self.open_action.setEnabled(not submitted)
        for action in (self.collective_action, self.print_summary_action, self.export_action):
            action.setEnabled(opened)
        self.submit_action.setEnabled(opened and not submitted and bool(self.summary.rows))
        for action in (self.review_action, self.commitments_action, self.print_review_action, self.word_action):
            action.setEnabled(has)

    # ---- actions ------------------------------------------------------------------------------------------
    def open_year(self) -> None:
        from .open_year import OpenYearDialog

        OpenYearDialog(self.services, self.year.value(), self, today=self.today).exec()

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_review(row.review_id)

    def open_review(self, review_id: str) -> None:
        from .editor import ReviewEditor

        try:
            editor = ReviewEditor(self.services, review_id, self, today=self.today)
        except ServiceError as exc:
            QMessageBox.information(self, self.page_title(), exc.message)
            return
        editor.exec()

    def open_commitments(self) -> None:
        from .commitments import CommitmentsDialog

        row = self.selected()
        member_id = row.member_id if row else None
        CommitmentsDialog(self.services, self.year.value(), member_id, self, today=self.today).exec()

    def open_collective(self) -> None:
        from .collective import CollectiveEditor

        if self.summary is None:
            return
        CollectiveEditor(self.services, self.year.value(), self, today=self.today).exec()

    def open_rule_sets(self) -> None:
        from .rule_sets import RuleSetsDialog

        RuleSetsDialog(self.services, self.year.value(), self).exec()

    def submit_summary(self) -> None:
        """Check first (every review ready), then ask for the reason over the quota, then confirm. The reason
        typed is kept (as a local draft) until the summary is submitted, so a refusal or a "No" loses nothing."""
        s = self.summary
        if s is None or s.submitted:
            return
        title = self.tr("Submit summary")
        errors = self.services.reviews.summary_errors(s.year)
        if errors:
            QMessageBox.warning(self, title, "\n".join(dict.fromkeys(errors.values())))
            return
        reason = ""
        if s.quota.exceeded:
            reason = self._ask_quota_reason(s, title)
            if reason is None:
                return
        drafts = sum(1 for r in s.rows if r.status == "draft")
        text = self.tr("Submit the {year} summary table to the committee above?").format(year=s.year)
        if drafts:
            text += "\n\n" + self.tr("{count} reviews not yet submitted will be submitted and locked with it.").format(
                count=drafts)
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.notifier.action(self):
                self.services.reviews.submit_summary(s.year, reason)
        except ValidationFailed as exc:
            QMessageBox.warning(self, title, "\n".join(dict.fromkeys(exc.errors.values())))
            return
        except ServiceError as exc:
            QMessageBox.warning(self, title, exc.message)
            return
        self.services.drafts.discard(QUOTA_REASON_DRAFT, str(s.year))
        self.refresh()

    def _ask_quota_reason(self, s: YearSummary, title: str) -> str | None:
        """The reason for exceeding the quota, offered with what was typed last time; None: not given."""
        kept = self.services.drafts.load(QUOTA_REASON_DRAFT, str(s.year))
        q = s.quota
        reason, ok = QInputDialog.getMultiLineText(
            self, title,
            self.tr("The proposed \"{level}\" ratings ({proposed}) exceed the quota ({allowed}) by {over}.\n"
                    "Write the reason for the proposal; it is printed in the summary table:").format(
                level=level_name("htxs"), proposed=q.proposed, allowed=q.allowed, over=q.exceeded_by),
            kept.payload["reason"] if kept else s.quota_reason)
        if not ok:
            return None
        if reason.strip():
            self.services.drafts.save(QUOTA_REASON_DRAFT, str(s.year), {"reason": reason})
            return reason
        QMessageBox.warning(self, title, self.tr("The summary cannot be submitted over the quota without a reason."))
        return None

    # ---- print / export -----------------------------------------------------------------------------------
    def _run(self, work, busy: str) -> None:
        self.last_task = run_in_background(self, work, on_done=lambda p: FILES.offer_open(self, p), busy_text=busy)

    def print_summary(self) -> None:
        if self.summary is None:
            return
        year, services = self.summary.year, self.services

        def write(path):
            from ...reports.reviews import write_summary

            return write_summary(services, year, path)

        preview_on(self, services, PrintJob(self.tr("Classification summary {year}").format(year=year),
                                            f"bieu-tong-hop-xep-loai-{year}", write))

    def export_xlsx(self) -> None:
        if self.summary is None:
            return
        year, services = self.summary.year, self.services
        path = FILES.ask_path(self, services, self.tr("Export the summary table"),
                              f"bieu-tong-hop-xep-loai-{year}.xlsx", ".xlsx")
        if path is None:
            return

        def work():
            from ...reports.reviews import write_summary_xlsx

            return write_summary_xlsx(services, year, path)

        self._run(work, self.tr("Exporting the summary table…"))

    def print_review(self) -> None:
        row = self.selected()
        if row is None:
            return
        services, review_id = self.services, row.review_id

        def write(path):
            from ...reports.reviews import write_review

            return write_review(services, review_id, path)

        preview_on(self, services, PrintJob(self.tr("Review of {name}").format(name=row.name),
                                            f"kiem-diem-{self.year.value()}-{slug(row.name)}", write))

    def export_word(self) -> None:
        row = self.selected()
        if row is None:
            return
        services, review_id = self.services, row.review_id
        path = FILES.ask_path(self, services, self.tr("Word form of the review"),
                              f"mau-kiem-diem-{self.year.value()}-{slug(row.name)}.docx", ".docx")
        if path is None:
            return

        def work():
            from ...reports.reviews import write_review_form_docx

            return write_review_form_docx(services, review_id, path)

        self._run(work, self.tr("Preparing the Word form…"))
