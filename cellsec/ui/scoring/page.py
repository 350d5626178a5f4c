"""Chấm điểm 5 tốt: for a chosen year, the quality scores of the approved meetings, the "5 tốt" assessments
of the cell and of each member, charts of scores and attendance, and the members who need attention.

Each list opens the score sheet (score_sheet.py); the rubrics are managed in the "Rubrics…" dialog
(rubrics_dialog.py, rubric_editor.py). The scores report prints as a PDF with its charts, or exports to Excel, in a worker
thread. Tabs are filled when shown and refilled after a change to the data they show.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...services.errors import ServiceError
from ...services.scoring.records import AssessmentRow, MeetingScoreRow
from ..overview.attention import AttentionView
from ..common.preview import PrintJob, ask_number, preview_on
from ..common.charts import BARS, HBARS, LINE, ChartPoint, ChartWidget, month_labels
from ..common.workers import run_in_background
from ..common.page import Page
from ..common.widgets import FILES
from .tables import (
    AssessmentsModel,
    MeetingScoresModel,
    SortProxy,
    make_table,
    percent_text,
    score_text,
    size_columns,
)

SCORING_ENTITIES = {"meetings", "meeting_attendance", "meeting_scores", "five_good_assessments", "rubrics", "members",
                    "member_status_changes", "dues_payments", "dues_rules_versions", "member_reviews", "review_years",
                    "cells", "settings"}
TAB_MEETINGS, TAB_ASSESSMENTS, TAB_CHARTS, TAB_ATTENTION = range(4)
ATTENDANCE_THRESHOLD = 85  # reference §1.6: attendance above 85 %


class ScoringCharts(QWidget):
    """The four charts of the year: meeting scores by month, attendance by month, the cell's 5-good totals
    year on year, each member's attendance (horizontal bars, lowest first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores = ChartWidget()
        self.scores.setObjectName("chart_scores")
        self.attendance = ChartWidget()
        self.attendance.setObjectName("chart_attendance")
        self.history = ChartWidget()
        self.history.setObjectName("chart_history")
        self.members = ChartWidget()
        self.members.setObjectName("chart_members")
        left = QVBoxLayout()
        left.setSpacing(8)
        for chart in (self.scores, self.attendance, self.history):
            left.addWidget(self._framed(chart), 1)
        scroll = QScrollArea()
        scroll.setObjectName("members_chart_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(self.members)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(left, 11)
        layout.addWidget(scroll, 9)

    @staticmethod
    def _framed(chart: ChartWidget) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(chart)
        chart.setMinimumHeight(150)
        return frame

    def show_year(self, services, year: int) -> None:
        scoring = services.scoring
        labels = month_labels()
        self.scores.set_data(
            self.tr("Average meeting score by month, {year} (% of the maximum)").format(year=year),
            [ChartPoint(labels[v.month - 1], v.value) for v in scoring.monthly_scores(year)], kind=BARS,
            empty_text=self.tr("No meeting of {year} is scored yet.").format(year=year))
        self.attendance.set_data(
            self.tr("Members attending the meetings, {year}").format(year=year),
            [ChartPoint(labels[v.month - 1], v.value) for v in scoring.monthly_attendance(year)], kind=LINE,
            unit="%", threshold=ATTENDANCE_THRESHOLD,
            threshold_label=self.tr("threshold {value}%").format(value=ATTENDANCE_THRESHOLD),
            empty_text=self.tr("No approved meeting in {year}.").format(year=year))
        history = scoring.five_good_history()[-8:]
        self.history.set_data(
            self.tr("\"5-good cell\" total year on year (% of the maximum)"),
            [ChartPoint(str(h.year), h.percent) for h in history], kind=BARS,
            empty_text=self.tr("The cell has no \"5-good\" assessment yet."))
        rows = sorted(scoring.member_attendance(year),
                      key=lambda r: (r.rate is None, r.rate if r.rate is not None else 0, r.list_no or 1 << 30))
        self.members.set_data(
            self.tr("Each member's attendance, {year}").format(year=year),
            [ChartPoint(r.full_name, r.rate, f"({r.present}/{r.expected})" if r.expected
                        else self.tr("exempt from activities")) for r in rows],
            kind=HBARS, unit="%", threshold=ATTENDANCE_THRESHOLD,
            empty_text=self.tr("No attendance recorded in {year}.").format(year=year))


class ScoringPage(Page):
    WATCHES = frozenset(SCORING_ENTITIES)

    def __init__(self, services, notifier, parent: QWidget | None = None) -> None:
        super().__init__(services, notifier, parent)
        self.today: dt.date | None = None  # tests pin "today"; the app uses the real date
        self.last_task = None
        self._stale_tabs = {TAB_MEETINGS, TAB_ASSESSMENTS, TAB_CHARTS, TAB_ATTENTION}

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setObjectName("year")
        today = dt.date.today()
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(self._year_changed)
        self.toolbar.addWidget(self.year_label)
        self.toolbar.addWidget(self.year)
        self.toolbar.addSeparator()
        self.print_action = self._action(self.print_report, QKeySequence.StandardKey.Print)
        self.export_action = self._action(self.export_xlsx)
        self.toolbar.addSeparator()
        self.rubrics_action = self._action(self.open_rubrics)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("scoring_tabs")
        self.tabs.addTab(self._meetings_tab(), "")
        self.tabs.addTab(self._assessments_tab(), "")
        self.charts = ScoringCharts()
        self.tabs.addTab(self.charts, "")
        self.attention = AttentionView()
        self.attention.open_member.connect(self.open_member)
        self.attention.print_requested.connect(self.print_attention)
        self.tabs.addTab(self.attention, "")
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tabs, 1)

        self.retranslate()

    def page_title(self) -> str:
        return self.tr("5-good scoring")

    def _action(self, slot, shortcut=None) -> QAction:
        action = QAction(self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.toolbar.addAction(action)
        return action

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    def print_attention(self) -> None:
        """The attention list with its facts, as of today, in the print preview."""
        services, on = self.services, self._today()

        def write(path):
            from ...reports.attention import write_attention

            return write_attention(services, path, on)

        preview_on(self, services, PrintJob(self.tr("Members needing attention"),
                                            f"dang-vien-can-quan-tam-{on.isoformat()}", write))

    # ---- tabs ---------------------------------------------------------------------------------------------
    def _meetings_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.score_button = QPushButton()
        self.score_button.setObjectName("score_meeting")
        self.score_button.clicked.connect(self.score_selected_meeting)
        self.meetings_summary = QLabel()
        self.meetings_summary.setObjectName("meetings_summary")
        self.meetings_summary.setWordWrap(True)
        row.addWidget(self.score_button)
        row.addSpacing(12)
        row.addWidget(self.meetings_summary, 1)
        self.meetings_model = MeetingScoresModel(self)
        self.meetings_proxy = SortProxy(self)
        self.meetings_proxy.setSourceModel(self.meetings_model)
        self.meetings_table = make_table("meeting_scores")
        self.meetings_table.setModel(self.meetings_proxy)
        self.meetings_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.meetings_table.activated.connect(lambda _i: self.score_selected_meeting())
        self.meetings_table.selectionModel().selectionChanged.connect(self._update_actions)
        self.meetings_empty = QLabel()
        self.meetings_empty.setObjectName("meetings_empty")
        self.meetings_empty.setWordWrap(True)
        self.meetings_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addLayout(row)
        layout.addWidget(self.meetings_table, 1)
        layout.addWidget(self.meetings_empty, 1)
        return page

    def _assessments_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.assess_button = QPushButton()
        self.assess_button.setObjectName("assess")
        self.assess_button.clicked.connect(self.assess_selected)
        self.assessments_summary = QLabel()
        self.assessments_summary.setObjectName("assessments_summary")
        self.assessments_summary.setWordWrap(True)
        row.addWidget(self.assess_button)
        row.addSpacing(12)
        row.addWidget(self.assessments_summary, 1)
        self.assessments_model = AssessmentsModel(self)
        self.assessments_proxy = SortProxy(self)
        self.assessments_proxy.setSourceModel(self.assessments_model)
        self.assessments_table = make_table("assessments")
        self.assessments_table.setModel(self.assessments_proxy)
        self.assessments_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.assessments_table.activated.connect(lambda _i: self.assess_selected())
        self.assessments_table.selectionModel().selectionChanged.connect(self._update_actions)
        layout.addLayout(row)
        layout.addWidget(self.assessments_table, 1)
        return page

    # ---- texts --------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.year_label.setText(self.tr("Year:") + " ")
        self.print_action.setText(self.tr("Print report"))
        self.print_action.setToolTip(self.tr("Print the year's scores report with its charts as a PDF (Ctrl+P)"))
        self.export_action.setText(self.tr("Export to Excel"))
        self.export_action.setToolTip(self.tr("Save the year's scores, assessments and attendance as an Excel "
                                              "workbook"))
        self.rubrics_action.setText(self.tr("Rubrics…"))
        self.rubrics_action.setToolTip(self.tr("The criteria sheets used for scoring: choose, copy and edit, "
                                               "import from or export to a file"))
        self.tabs.setTabText(TAB_MEETINGS, self.tr("Meeting quality"))
        self.tabs.setTabText(TAB_ASSESSMENTS, self.tr("5-good cell / 5-good members"))
        self.tabs.setTabText(TAB_CHARTS, self.tr("Charts"))
        self.tabs.setTabText(TAB_ATTENTION, self.tr("Needs attention"))
        self.score_button.setText(self.tr("Score the meeting…"))
        self.score_button.setToolTip(self.tr("Open the score sheet of the selected meeting (Enter or double-click)"))
        self.assess_button.setText(self.tr("Assess…"))
        self.assess_button.setToolTip(self.tr("Open the selected assessment (Enter or double-click)"))
        for model in (self.meetings_model, self.assessments_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        size_columns(self.meetings_table, ["00/00/0000", "Thường kỳ kết hợp chuyên đề", "", "100,0%", "100/100",
                                    "Trung bình", "Chấm điểm chất lượng"], 2)
        size_columns(self.assessments_table, ["000", "Nguyễn Thị Phương Thảo", self.assessments_model.not_assessed(),
                                       "Đảng viên 5 tốt", "", "Đảng viên 5 tốt", "Số 119-QĐ/ĐU", "00/00/0000"], 4)
        self.attention.retranslate()
        self._stale_tabs = {TAB_MEETINGS, TAB_ASSESSMENTS, TAB_CHARTS, TAB_ATTENTION}
        if self.isVisible():
            self.refresh()

    # ---- data ---------------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)  # a change while hidden: apply_change(None)
        if self.tabs.currentIndex() in self._stale_tabs:
            self.refresh()

    def apply_change(self, change) -> None:
        """Every tab shows data of the change's kind: all go stale, the one on screen is filled again."""
        self._stale_tabs = {TAB_MEETINGS, TAB_ASSESSMENTS, TAB_CHARTS, TAB_ATTENTION}
        self.refresh()

    def _year_changed(self, _year: int) -> None:
        self._stale_tabs = {TAB_MEETINGS, TAB_ASSESSMENTS, TAB_CHARTS, TAB_ATTENTION}
        self.refresh()

    def _tab_changed(self, index: int) -> None:
        if index in self._stale_tabs:
            self.refresh()
        self._update_actions()

    def refresh(self) -> None:
        """Fill the current tab (the others are filled when shown)."""
        index = self.tabs.currentIndex()
        year = self.year.value()
        try:
            if index == TAB_MEETINGS:
                self._fill_meetings(year)
            elif index == TAB_ASSESSMENTS:
                self._fill_assessments(year)
            elif index == TAB_CHARTS:
                self.charts.show_year(self.services, year)
            else:
                self.attention.set_items(self.services.attention.list(self._today(), year))
        except ServiceError as exc:
            QMessageBox.warning(self, self.page_title(), exc.message)
        self._stale_tabs.discard(index)
        self._update_actions()

    def _fill_meetings(self, year: int) -> None:
        selected = self.selected_meeting()
        rows = self.services.scoring.meetings(year)
        self.meetings_model.set_rows(rows)
        scored = [r for r in rows if r.percent is not None]
        if not rows:
            self.meetings_summary.setText("")
        else:
            text = self.tr("{year}: {count} meetings with approved minutes, {scored} scored.").format(
                year=year, count=len(rows), scored=len(scored))
            if scored:
                text += " " + self.tr("Average {percent} of the maximum.").format(
                    percent=percent_text(sum(r.percent for r in scored) / len(scored)))
            self.meetings_summary.setText(text)
        self.meetings_empty.setText(self.tr("No meeting of {year} has approved minutes yet. A meeting is scored once "
                                            "its minutes are approved (Party cell meetings page).").format(year=year))
        self.meetings_table.setVisible(bool(rows))
        self.meetings_empty.setVisible(not rows)
        # Keep the selection; else the first meeting not scored yet (what the secretary is likely to score).
        row = -1
        if selected is not None:
            row = next((i for i, r in enumerate(rows) if r.meeting_id == selected.meeting_id), -1)
        if row < 0:
            row = next((i for i, r in enumerate(rows) if not r.score_id), 0 if rows else -1)
        self._select_row(self.meetings_table, self.meetings_proxy, row)

    def _fill_assessments(self, year: int) -> None:
        selected = self.selected_assessment()
        rows = self.services.scoring.assessments(year, self._today())
        self.assessments_model.set_rows(rows)
        members = [r for r in rows if r.subject == "member"]
        cell = next((r for r in rows if r.subject == "cell"), None)
        cell_text = (self.tr("the cell: {score}, {band}").format(score=score_text(cell.total, cell.max_points),
                                                                band=cell.band)
                     if cell and cell.assessment_id else self.tr("the cell: not assessed yet"))
        self.assessments_summary.setText(self.tr("{year} — {cell}; members assessed: {done}/{total}.").format(
            year=year, cell=cell_text, done=sum(1 for r in members if r.assessment_id), total=len(members)))
        row = 0 if rows else -1  # the cell's own assessment when nothing was selected
        if selected is not None:
            row = next((i for i, r in enumerate(rows) if r.member_id == selected.member_id), row)
        self._select_row(self.assessments_table, self.assessments_proxy, row)

    @staticmethod
    def _select_row(table: QTableView, proxy: QSortFilterProxyModel, source_row: int) -> None:
        if source_row < 0:
            return
        index = proxy.mapFromSource(proxy.sourceModel().index(source_row, 1))
        table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        table.scrollTo(index)

    def selected_meeting(self) -> MeetingScoreRow | None:
        rows = self.meetings_table.selectionModel().selectedRows()
        return self.meetings_model.rows[self.meetings_proxy.mapToSource(rows[0]).row()] if rows else None

    def selected_assessment(self) -> AssessmentRow | None:
        rows = self.assessments_table.selectionModel().selectedRows()
        return self.assessments_model.rows[self.assessments_proxy.mapToSource(rows[0]).row()] if rows else None

    def select_meeting(self, meeting_id: str) -> bool:
        row = next((i for i, r in enumerate(self.meetings_model.rows) if r.meeting_id == meeting_id), -1)
        self._select_row(self.meetings_table, self.meetings_proxy, row)
        return row >= 0

    def select_assessment(self, member_id: str | None) -> bool:
        row = next((i for i, r in enumerate(self.assessments_model.rows) if r.member_id == member_id), -1)
        self._select_row(self.assessments_table, self.assessments_proxy, row)
        return row >= 0

    def _update_actions(self, *_args) -> None:
        self.score_button.setEnabled(self.selected_meeting() is not None)
        self.assess_button.setEnabled(self.selected_assessment() is not None)

    # ---- actions ------------------------------------------------------------------------------------------
    def _open_sheet(self, **kwargs) -> None:
        from .score_sheet import ScoreSheetDialog

        try:
            dialog = ScoreSheetDialog(self.services, parent=self, year=self.year.value(), today=self.today, **kwargs)
        except ServiceError as exc:
            QMessageBox.information(self, self.page_title(), exc.message)
            return
        dialog.exec()

    def score_selected_meeting(self) -> None:
        row = self.selected_meeting()
        if row is not None:
            self._open_sheet(subject="meeting", meeting_id=row.meeting_id, meeting_kind=row.kind)

    def assess_selected(self) -> None:
        row = self.selected_assessment()
        if row is None:
            return
        if row.subject == "cell":
            self._open_sheet(subject="cell")
        else:
            self._open_sheet(subject="member", member_id=row.member_id)

    def open_member(self, member_id: str) -> None:
        """Open a member's record on the members page (the dialog alone when the page is not in a window)."""
        window = self.window()
        if hasattr(window, "show_page") and "MembersPage" in getattr(window, "pages", {}):
            page = window.show_page("MembersPage")
            page.select(member_id)
            page.open_member(member_id)
            return
        from ..members.dialog import MemberDialog

        try:
            dialog = MemberDialog(self.services, member_id, self)
        except ServiceError as exc:
            QMessageBox.information(self, self.page_title(), exc.message)
            return
        dialog.exec()

    def open_rubrics(self) -> None:
        from .rubrics_dialog import RubricsDialog

        RubricsDialog(self.services, self).exec()

    def print_report(self) -> None:
        year, services, today = self.year.value(), self.services, self.today
        from ...reports.scores import report_day

        seq = ask_number(self, services, "scores_report", self.tr("Number of the scores report"),
                         year=report_day(year, today).year, subject=str(year), about=f"năm {year}")
        if seq is None:
            return

        def write(path):
            from ...reports.scores import write_scores

            return write_scores(services, year, path, today, seq)

        preview_on(self, services, PrintJob(self.tr("Scores report {year}").format(year=year),
                                            f"bao-cao-cham-diem-{year}-so-{seq:02d}", write))

    def export_xlsx(self) -> None:
        year, services, today = self.year.value(), self.services, self.today
        path = FILES.ask_path(self, services, self.tr("Export the scores"), f"cham-diem-{year}.xlsx", ".xlsx")
        if path is None:
            return

        def work():
            from ...reports.scores import write_scores_xlsx

            return write_scores_xlsx(services, year, path, today)

        self.last_task = run_in_background(self, work, on_done=lambda p: FILES.offer_open(self, p),
                                           busy_text=self.tr("Exporting the scores…"))
