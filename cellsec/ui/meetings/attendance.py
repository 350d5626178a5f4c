"""Điểm danh: the meeting's attendance list, frozen when the meeting was created. Each member is present,
absent with a reason, or absent without reason; exempt members are listed, greyed and left out of the
rate. Every mark is saved at once (one undoable action) and the counts line is the one printed in the
minutes. Keys 1, 2, 3 mark the selected member present / absent with reason / absent without reason."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import ATTENDANCE_LABELS, format_percent
from ...domain.members import PARTY_STATUS_LABELS, label
from ...services.errors import ServiceError, ValidationFailed
from ...services.meetings.records import AttendanceInput
from .fields import centered
from ..common.widgets import ERROR_COLOR, WARNING_COLOR

STATUS_COLUMNS = {"present": 3, "absent_with_reason": 4, "absent_without_reason": 5}
REASON_COLUMN = 6
MEMBER_ROLE = Qt.ItemDataRole.UserRole
EXEMPT_GREY = "#80868b"
_KEYS = {Qt.Key.Key_1: "present", Qt.Key.Key_2: "absent_with_reason", Qt.Key.Key_3: "absent_without_reason"}


class AttendanceTab(QWidget):
    record_changed = Signal(object)  # MeetingRecord after a mark was saved

    def __init__(self, editor) -> None:
        super().__init__()
        self.editor = editor
        self.record = None
        self.groups: dict[str, QButtonGroup] = {}
        self.rows: dict[str, int] = {}
        self._loading = False

        self.counts = QLabel()
        self.counts.setObjectName("attendance_counts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.rate = QLabel()
        self.rate.setObjectName("attendance_rate")
        font = self.rate.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.rate.setFont(font)

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("attendance")
        self.table.setProperty("edits", True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        self.table.itemChanged.connect(self._reason_edited)
        self.table.installEventFilter(self)

        self.all_present = QPushButton()
        self.all_present.setProperty("edits", True)
        self.all_present.clicked.connect(self.mark_all_present)
        self.refresh_button = QPushButton()
        self.refresh_button.setProperty("edits", True)
        self.refresh_button.clicked.connect(self.refresh_roster)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.message = QLabel()
        self.message.setObjectName("attendance_message")
        self.message.setWordWrap(True)
        self.message.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.all_present)
        buttons.addWidget(self.refresh_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.hint, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.rate)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Full name"), self.tr("Standing"), self.tr("Present"),
            self.tr("Absent with reason"), self.tr("Absent without reason"), self.tr("Reason for absence")])
        self.all_present.setText(self.tr("Everyone present"))
        self.all_present.setToolTip(self.tr("Mark every member who is not exempt as present"))
        self.refresh_button.setText(self.tr("Update the list from the registry"))
        self.refresh_button.setToolTip(self.tr("Add members who joined and drop those who left before the "
                                               "meeting date (marks already made are kept)"))
        self.hint.setText(self.tr("Keys 1, 2, 3 mark the selected member present, absent with reason, "
                                  "absent without reason."))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, self.fontMetrics().horizontalAdvance("Nguyễn Thị Phương Thảo") + 24)

    # ---- showing ------------------------------------------------------------------------------------
    def load(self, record) -> None:
        """Rebuild the list from a MeetingRecord."""
        self._loading = True
        self.record = record
        self.table.setRowCount(0)
        self.groups.clear()
        self.rows.clear()
        self.table.setRowCount(len(record.attendance))
        for row, a in enumerate(record.attendance):
            self.rows[a.member_id] = row
            exempt = a.status == "exempt"
            cells = [str(a.list_no or ""), a.full_name, label(PARTY_STATUS_LABELS, a.party_status)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setData(MEMBER_ROLE, a.member_id)
                if column in (0, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
            reason = QTableWidgetItem(a.reason)
            self.table.setItem(row, REASON_COLUMN, reason)
            if exempt:
                self._show_exempt(row)
            else:
                group = QButtonGroup(self)
                for status, column in STATUS_COLUMNS.items():
                    radio = QRadioButton()
                    radio.setObjectName(f"{status}:{a.member_id}")
                    radio.setAccessibleName(f"{a.full_name}: {ATTENDANCE_LABELS[status].format()}")
                    radio.setChecked(a.status == status)
                    group.addButton(radio)
                    self.table.setCellWidget(row, column, centered(radio))
                    radio.toggled.connect(lambda on, m=a.member_id, s=status: on and self._picked(m, s))
                self.groups[a.member_id] = group
                self._set_reason_editable(row, a.status == "absent_with_reason")
        self._loading = False
        self.show_counts(record)
        self.set_message("")

    def _show_exempt(self, row: int) -> None:
        grey = QBrush(QColor(EXEMPT_GREY))
        for column in range(3):
            self.table.item(row, column).setForeground(grey)
        self.table.setSpan(row, STATUS_COLUMNS["present"], 1, 3)
        item = QTableWidgetItem(ATTENDANCE_LABELS["exempt"].format())
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setForeground(grey)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setToolTip(self.tr("Exempt members are not counted in the attendance rate"))
        self.table.setItem(row, STATUS_COLUMNS["present"], item)
        self.table.item(row, REASON_COLUMN).setFlags(Qt.ItemFlag.ItemIsEnabled)

    def _set_reason_editable(self, row: int, editable: bool) -> None:
        item = self.table.item(row, REASON_COLUMN)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
        item.setToolTip(self.tr("Double-click to write the reason") if editable else "")

    def show_counts(self, record) -> None:
        """The counts as the minutes print them, and the rate (flagged at or below the threshold)."""
        s = record.summary
        with_reason = "; ".join(f"{name} – {reason}" if reason else name for name, reason in s.absent_with_reason)
        parts = [
            self.tr("Members of the cell: <b>{total}</b> (official {official}, probationary {probationary})").format(
                total=s.total, official=s.official, probationary=s.probationary),
            self.tr("exempt: {exempt}").format(exempt=s.exempt),
            self.tr("expected: {expected}").format(expected=s.expected),
            self.tr("present: <b>{present}</b>").format(present=s.present),
            self.tr("absent with reason: {count}").format(count=len(s.absent_with_reason))
            + (f" ({html.escape(with_reason)})" if with_reason else ""),
            self.tr("absent without reason: {count}").format(count=len(s.absent_without_reason))
            + (f" ({html.escape(', '.join(s.absent_without_reason))})" if s.absent_without_reason else ""),
        ]
        self.counts.setText("; ".join(parts) + ".")
        rules = self.editor.rules
        threshold = f"{float(rules.attendance_min_percent):g}".replace(".", ",")
        text = self.tr("Attendance: {rate} ({present}/{expected})").format(
            rate=format_percent(s.rate), present=s.present, expected=s.expected)
        if s.rate_low:
            text += " — " + self.tr("not above {threshold}%: the meeting misses the quality criterion").format(
                threshold=threshold)
            self.rate.setStyleSheet(f"color: {ERROR_COLOR};")
        else:
            self.rate.setStyleSheet("")
        self.rate.setText(text)

    def set_message(self, text: str, color: str = ERROR_COLOR) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {color};")
        self.message.setVisible(bool(text))

    # ---- marking ------------------------------------------------------------------------------------
    def status_of(self, member_id: str) -> str:
        group = self.groups.get(member_id)
        if group is None:
            return "exempt"
        checked = group.checkedButton()
        return checked.objectName().split(":")[0] if checked else ""

    def mark(self, member_id: str, status: str) -> None:
        """Tick the member's radio button for `status` (as a click would)."""
        group = self.groups.get(member_id)
        if group is None:
            return
        for button in group.buttons():
            if button.objectName() == f"{status}:{member_id}":
                button.setChecked(True)

    def _picked(self, member_id: str, status: str) -> None:
        if self._loading:
            return
        row = self.rows[member_id]
        self._set_reason_editable(row, status == "absent_with_reason")
        if status == "absent_with_reason":
            reason = self.table.item(row, REASON_COLUMN).text().strip()
            if not reason:
                # The service needs the reason: ask for it in the row and save once it is typed.
                name = self.table.item(row, 1).text()
                self.set_message(self.tr("Write the reason for {name}'s absence in the last column.").format(name=name),
                                 WARNING_COLOR)
                self.table.setCurrentCell(row, REASON_COLUMN)
                self.table.editItem(self.table.item(row, REASON_COLUMN))
                return
            self._save([AttendanceInput(member_id, status, reason)])
        else:
            self._loading = True  # the service drops the reason of a member no longer absent with reason
            self.table.item(row, REASON_COLUMN).setText("")
            self._loading = False
            self._save([AttendanceInput(member_id, status)])

    def _reason_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != REASON_COLUMN or self.record is None:
            return
        member_id = self.record.attendance[item.row()].member_id
        if self.status_of(member_id) != "absent_with_reason":
            return
        reason = item.text().strip()
        if reason:
            self._save([AttendanceInput(member_id, "absent_with_reason", reason)])
        else:
            self.set_message(self.tr("Write the reason for {name}'s absence in the last column.").format(
                name=self.table.item(item.row(), 1).text()), WARNING_COLOR)

    def mark_all_present(self) -> None:
        if self.record is None:
            return
        rows = [AttendanceInput(a.member_id, "present") for a in self.record.attendance if a.status != "exempt"]
        if self._save(rows):
            self.load(self.record)

    def refresh_roster(self) -> None:
        try:
            with self.editor.services.ctx.action(self.editor):  # the save and the new list: one change
                self.editor.save_quietly()
                record = self.editor.services.meetings.refresh_roster(self.editor.meeting_id)
        except ServiceError as exc:
            self.set_message(exc.message)
            return
        self.load(record)
        self.record_changed.emit(record)

    def _save(self, rows: list[AttendanceInput]) -> bool:
        try:
            with self.editor.services.ctx.action(self.editor):
                record = self.editor.services.meetings.set_attendance_many(self.editor.meeting_id, rows)
        except ValidationFailed as exc:
            self.set_message("\n".join(exc.errors.values()))
            return False
        except ServiceError as exc:
            self.set_message(exc.message)
            return False
        self.record = record
        self.set_message("")
        self.show_counts(record)
        self.record_changed.emit(record)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() in _KEYS \
                and self.table.state() != QAbstractItemView.State.EditingState and self.record is not None:
            row = self.table.currentRow()
            if 0 <= row < len(self.record.attendance) and self.all_present.isEnabled():
                self.mark(self.record.attendance[row].member_id, _KEYS[event.key()])
                return True
        return super().eventFilter(watched, event)
