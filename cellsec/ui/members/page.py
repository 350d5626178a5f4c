"""Đảng viên: the member list with instant accent-insensitive search, a status filter, sortable columns,
and the actions on members (add, edit, change status, delete, import, export to Excel, print)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...domain.members import GENDER_LABELS, IN_CELL_STATUSES, PARTY_STATUS_LABELS
from ...services.errors import ServiceError
from ...services.members.service import MemberQuery
from ..common.shortcuts import shortcut
from ..common.page import Page
from ..common.workers import run_in_background
from .model import COLUMNS, MemberTableModel

SEARCH_DELAY_MS = 150
_LIST_NO = [field for field, _sort in COLUMNS].index("list_no")
MEMBER_ENTITIES = {"members", "card_numbers", "member_status_changes"}

# Status filter: key -> (activity statuses, party status). "du_bi" = probationary members still in the cell.
FILTERS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "all": ((), None),
    "active": (("active",), None),
    "exempt": (("exempt",), None),
    "temporary": (("temporary",), None),
    "transferred_out": (("transferred_out",), None),
    "removed": (("removed",), None),
    "deceased": (("deceased",), None),
    "du_bi": (IN_CELL_STATUSES, "du_bi"),
}


class MembersPage(Page):
    WATCHES = frozenset(MEMBER_ENTITIES)

    def __init__(self, services, notifier, parent: QWidget | None = None) -> None:
        super().__init__(services, notifier, parent)
        self.last_task = None  # the latest background export/print (tests wait on its `finished`)
        self._build_toolbar()
        filters = self._build_filters()
        self._build_table()
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self.search_timer.start)
        self.filter.currentIndexChanged.connect(self.refresh)

        self.retranslate()
        self.refresh()
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._update_actions()

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_action = self._action(self.add_member, QKeySequence.StandardKey.New)
        self.edit_action = self._action(self.edit_member)
        self.status_action = self._action(self.change_status)
        self.delete_action = self._action(self.delete_member)
        self.toolbar.addSeparator()
        self.import_action = self._action(self.import_file)
        self.export_action = self._action(self.export_excel)
        self.print_action = self._action(self.print_list, QKeySequence.StandardKey.Print)
        self.transfer_action = self._action(self.print_transfer)
        self.lifecycle_action = self._action(self.print_lifecycle)

    def _build_filters(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.filter_label = QLabel()
        self.filter = QComboBox()
        self.filter.setObjectName("status_filter")
        for key in FILTERS:
            self.filter.addItem("", key)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addSpacing(12)
        filters.addWidget(self.filter_label)
        filters.addWidget(self.filter)
        filters.addSpacing(12)
        filters.addWidget(self.count_label)
        return filters

    def _build_table(self) -> None:
        self.model = MemberTableModel(self.services, self)
        self._selected: str | None = None  # the member selected when the rows were last replaced
        self._to_select: str | None = None  # a member just added, to select once the list shows it
        self.model.modelAboutToBeReset.connect(self._remember_selected)
        self.model.shown.connect(self._shown)
        self.table = QTableView()
        self.table.setObjectName("members")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_member())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut(QKeySequence(key), self.table, self.edit_member, Qt.ShortcutContext.WidgetShortcut)
        shortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_member)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_search)

    def page_title(self) -> str:
        return self.tr("Party members")

    def _action(self, slot, shortcut=None) -> QAction:
        action = QAction(self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.toolbar.addAction(action)
        return action

    # ---- texts --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.add_action.setText(self.tr("Add"))
        self.add_action.setToolTip(self.tr("Add a party member (Ctrl+N)"))
        self.edit_action.setText(self.tr("Edit"))
        self.edit_action.setToolTip(self.tr("Edit the selected member (Enter or double-click)"))
        self.lifecycle_action.setText(self.tr("Resolution on the member"))
        self.lifecycle_action.setToolTip(self.tr("For the selected member: proposal to recognise as official "
                                                 "(probationary), exemption (exempt) or removal (removed)"))
        self.transfer_action.setText(self.tr("Transfer paper"))
        self.transfer_action.setToolTip(self.tr("The transfer paper (giấy giới thiệu sinh hoạt đảng) and its return "
                                                "slip of the selected member who moved to another cell"))
        self.status_action.setText(self.tr("Change status"))
        self.status_action.setToolTip(self.tr("Exemption, temporary attendance, transfer, removal, death"))
        self.delete_action.setText(self.tr("Delete"))
        self.delete_action.setToolTip(self.tr("Delete the selected member (can be undone with Ctrl+Z)"))
        self.import_action.setText(self.tr("Import from file"))
        self.import_action.setToolTip(self.tr("Import members from a CSV or Excel (XLSX) file"))
        self.export_action.setText(self.tr("Export to Excel"))
        self.export_action.setToolTip(self.tr("Save the list as shown (search, filter, order) as an Excel file"))
        self.print_action.setText(self.tr("Print list"))
        self.print_action.setToolTip(self.tr("Preview the member register as of a day, then print or save it (Ctrl+P)"))
        self.search.setPlaceholderText(self.tr("Search by name, no accents needed (Ctrl+F)…"))
        self.filter_label.setText(self.tr("Show:"))
        names = {
            "all": self.tr("All"), "active": self.tr("Active"), "exempt": self.tr("Exempt"),
            "temporary": self.tr("Attending temporarily"), "transferred_out": self.tr("Transferred out"),
            "removed": self.tr("Removed from the list"), "deceased": self.tr("Deceased"),
            "du_bi": self.tr("Probationary"),
        }
        for index in range(self.filter.count()):
            self.filter.setItemText(index, names[self.filter.itemData(index)])
        self.model.retranslate()
        self._size_columns()  # labels are longer in one language than the other
        self._update_count()

    def _size_columns(self) -> None:
        """Widths from typical contents (not headers): long headers wrap onto two lines instead. The name
        column takes whatever room is left, so the eleven columns fit a 1280-pixel window."""
        fm = self.table.fontMetrics()
        longest = lambda labels: max((m.format() for m in labels.values()), key=fm.horizontalAdvance)  # noqa: E731
        samples = {"list_no": "000", "full_name": "Nguyễn Thị Phương", "date_of_birth": "00/00/0000",
                   "gender": longest(GENDER_LABELS), "admitted_on": "00/00/0000", "official_on": "00/00/0000",
                   "card_no": "00000000", "status": longest(PARTY_STATUS_LABELS),
                   "activity_status": "Sinh hoạt tạm thời", "position": "Phó Bí thư chi bộ", "phone": "0912 345 678"}
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setFixedHeight(header.fontMetrics().height() * 2 + 10)  # room for a wrapped header
        header.setStretchLastSection(False)
        for column, (field, _sort) in enumerate(COLUMNS):
            self.table.setColumnWidth(column, fm.horizontalAdvance(samples[field]) + 22)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if field == "full_name"
                                        else QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(fm.horizontalAdvance("000") + 16)
        self._list_no_digits = 3  # the sample's
        self._fit_list_numbers()

    def _fit_list_numbers(self) -> None:
        """The SĐV column as wide as the longest list number of the cell (a list of 10,000 members or more has
        five digits; the sample's three cut them). One read of the list numbers' index, well under a
        millisecond; the width changes only when the number of digits does, so a width the user dragged stays."""
        digits = max(3, len(str(max(self.services.members.next_list_no() - 1, 0))))
        if digits != self._list_no_digits:
            self._list_no_digits = digits
            fm = self.table.fontMetrics()
            self.table.setColumnWidth(_LIST_NO, max(fm.horizontalAdvance(d) for d in "0123456789") * digits + 22)

    # ---- the list -----------------------------------------------------------------------------------
    def current_query(self) -> MemberQuery:
        statuses, party = FILTERS[self.filter.currentData()]
        query = self.model.query or MemberQuery()
        return MemberQuery(text=self.search.text(), activity_statuses=statuses, party_status=party,
                           sort=query.sort, descending=query.descending)

    def refresh(self) -> None:
        """Re-run the query (search, filter, sort) keeping the selected member selected. A long list answers
        from a worker: its rows replace those shown when they come (`_shown`)."""
        self.search_timer.stop()
        self.model.set_query(self.current_query())
        if self.model.loading is not None:
            self._show_sort_indicator()
            self._update_count()

    def _remember_selected(self) -> None:
        self._selected = self.selected_id()

    def _shown(self) -> None:
        """The newest query's rows are shown: the sort indicator, the selection, the count, the width of the
        list numbers follow them."""
        self._show_sort_indicator()
        self._fit_list_numbers()
        if self._selected and self.selected_id() is None:
            self.select(self._selected)
        self._update_count()
        self._update_actions()
        if self._to_select is not None:
            self._select_new()

    def _show_sort_indicator(self) -> None:
        column, order = self.model.sort_column()
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if COLUMNS[column][1] is None:
            self._show_sort_indicator()  # this column does not sort: the indicator goes back to the one that does

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if self.model.loading is not None and not shown:
            self.count_label.setText(self.tr("Loading the list…"))
        elif self.filter.currentData() == "all" and not self.search.text().strip():
            self.count_label.setText(self.tr("{count} members").format(count=shown))
        else:
            self.count_label.setText(self.tr("{shown} of {total} members").format(shown=shown, total=total))
        empty = shown == 0 and self.model.loading is None
        self.empty_label.setVisible(empty)
        if empty and total == 0:
            self.empty_label.setText(self.tr("No members yet. Add them one by one with \"Add\" (Ctrl+N), or "
                                             "import a list from a CSV or Excel file with \"Import from file\"."))
        elif empty:
            self.empty_label.setText(self.tr("No member matches the search or the filter."))

    def _own_change(self) -> None:
        """After this page's own action: its change is not announced back to it, so it reloads once here."""
        self.refresh()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.member_id(rows[0].row()) if rows else None

    def select(self, member_id: str) -> bool:
        row = self.model.row_of(member_id)
        if row < 0:
            return False
        index = self.model.index(row, 1)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _update_actions(self, *_args) -> None:
        has = self.selected_id() is not None
        for action in (self.edit_action, self.status_action, self.delete_action, self.transfer_action,
                       self.lifecycle_action):
            action.setEnabled(has)
        self.export_action.setEnabled(self.model.rowCount() > 0)
        self.print_action.setEnabled(self.model.rowCount() > 0)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ---- actions ------------------------------------------------------------------------------------
    def add_member(self) -> None:
        from .dialog import MemberDialog

        dialog = MemberDialog(self.services, None, self)
        with self.notifier.action(self):
            saved = dialog.exec()
        self._own_change()
        if saved and dialog.saved is not None:
            self._to_select = dialog.saved.id
            if self.model.loading is None:  # else when the list's rows come
                self._select_new()

    def _select_new(self) -> None:
        """Select the member just added; when a search or a filter hides it, show everyone so the user sees
        it was added."""
        member_id, self._to_select = self._to_select, None
        if member_id is None or self.select(member_id):
            return
        if self.search.text() or self.filter.currentIndex() != 0:
            self._to_select = member_id
            self.search.clear()
            self.filter.setCurrentIndex(0)
            self.refresh()
            if self.model.loading is None:
                self._select_new()

    def open_member(self, member_id: str) -> bool:
        """Open the edit dialog of a member (also used by the overview's reminders)."""
        from .dialog import MemberDialog

        try:
            dialog = MemberDialog(self.services, member_id, self)
        except ServiceError as exc:
            QMessageBox.information(self, self.tr("Party members"), exc.message)
            return False
        with self.notifier.action(self):
            saved = bool(dialog.exec())
        self._own_change()
        return saved

    def edit_member(self) -> None:
        member_id = self.selected_id()
        if member_id is not None:
            self.open_member(member_id)

    def change_status(self) -> None:
        from .status_dialog import StatusDialog

        member_id = self.selected_id()
        if member_id is None:
            return
        with self.notifier.action(self):
            StatusDialog(self.services, member_id, self).exec()
        self._own_change()

    def delete_member(self) -> None:
        member_id = self.selected_id()
        if member_id is None:
            return
        record = self.model.record(self.model.row_of(member_id))
        answer = QMessageBox.question(
            self, self.tr("Delete member"),
            self.tr("Delete {name} from the member list?\n\nThe record is kept and you can undo this at once "
                    "with Edit → Undo (Ctrl+Z).").format(name=record.full_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.notifier.action(self):
                self.services.members.delete(member_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Delete member"), exc.message)
            return
        self._own_change()

    def import_file(self) -> None:
        from .import_dialog import ImportDialog

        # The import runs on a worker thread, whose change reaches this page as any other (then it reloads).
        ImportDialog(self.services, self).exec()

    def _save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        folder = Path(self.services.ctx.get_setting("export_folder", str(Path.home())) or Path.home())
        name, _ = QFileDialog.getSaveFileName(self, title, str(folder / suggested), file_filter)
        if not name:
            return None
        self.services.ctx.set_setting("export_folder", str(Path(name).parent))
        return Path(name)

    def export_excel(self) -> None:
        """The list as shown (search, filter, order) to an .xlsx that the importer can read back."""
        path = self._save_path(self.tr("Export the member list"),
                               f"danh-sach-dang-vien-{dt.date.today():%Y%m%d}.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        query, services = self.model.query, self.services

        def work(progress, cancel) -> Path:
            from ...reports.members_xlsx import write_members_xlsx

            return write_members_xlsx(services.cell.get(), services.members.list(query), path, progress, cancel)

        # Rows written shown; "Dừng" leaves no file (the workbook is saved to a temporary name, renamed last).
        self.last_task = run_in_background(
            self, work, on_done=lambda written: self._offer_open(written, self.tr("The member list was exported to {path}.")),
            busy_text=self.tr("Exporting the member list…"), stoppable=True)

    def print_list(self) -> None:
        """The cell's member register as of a day the secretary chooses (the members and standings of that
        day), numbered, in the print preview."""
        from ..common.preview import PrintJob, preview_on
        from .register_dialog import RegisterDialog

        ask = RegisterDialog(self.services, dt.date.today(), self)
        self.register_dialog = ask
        if ask.exec() != RegisterDialog.DialogCode.Accepted:
            return
        services, on, seq = self.services, ask.as_of, ask.number.value()

        def write(path: Path) -> Path:
            from ...reports.members import write_member_register

            return write_member_register(services, path, on, seq)

        preview_on(self, services, PrintJob(self.tr("Member register as of {date}").format(date=f"{on:%d/%m/%Y}"),
                                            f"danh-sach-dang-vien-so-{seq:02d}-{on.isoformat()}", write))

    def print_lifecycle(self) -> None:
        """The resolution the selected member's standing calls for, numbered as asked, in the preview."""
        from ...reports.lifecycle import NO_PAPER, paper_kind
        from ..common.preview import PrintJob, ask_number, preview_on
        from ..common.widgets import slug

        member_id = self.selected_id()
        if member_id is None:
            return
        member, services = self.services.members.get(member_id), self.services
        kind = paper_kind(member)
        if kind is None:
            QMessageBox.information(self, self.tr("Resolution on the member"), NO_PAPER.format(name=member.full_name))
            return
        from ...reports.lifecycle import paper_day

        seq = ask_number(self, services, "resolution", self.tr("Number of the resolution"),
                         year=paper_day(member, kind).year, subject=f"{member_id}:{kind}", about=member.full_name)
        if seq is None:
            return

        def write(path: Path) -> Path:
            from ...reports.lifecycle import write_lifecycle

            return write_lifecycle(services, member_id, path, seq)

        preview_on(self, services, PrintJob(self.tr("Resolution on {name}").format(name=member.full_name),
                                            f"nghi-quyet-so-{seq:02d}-{kind}-{slug(member.full_name)}", write))

    def print_transfer(self) -> None:
        """The selected member's transfer paper in the print preview (only once the transfer is recorded)."""
        from ...reports.transfer import NOT_TRANSFERRED
        from ..common.preview import PrintJob, preview_on
        from ..common.widgets import slug

        member_id = self.selected_id()
        if member_id is None:
            return
        member, services = self.services.members.get(member_id), self.services
        if member.activity_status != "transferred_out":
            QMessageBox.information(self, self.tr("Transfer paper"), NOT_TRANSFERRED.format(name=member.full_name))
            return

        def write(path: Path) -> Path:
            from ...reports.transfer import write_transfer

            return write_transfer(services, member_id, path)

        preview_on(self, services, PrintJob(self.tr("Transfer paper — {name}").format(name=member.full_name),
                                            f"giay-gioi-thieu-sinh-hoat-dang-{slug(member.full_name)}", write))

    def _offer_open(self, path: Path, text: str) -> None:
        answer = QMessageBox.question(self, self.tr("Done"), text.format(path=path) + "\n\n" + self.tr("Open it now?"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
