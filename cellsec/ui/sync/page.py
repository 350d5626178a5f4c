"""Đồng bộ: connect to the committee above the cell, sync now, what came down from the committee, and the
conflicts to resolve side by side (SYNC.md "What a secretary sees"). Syncing runs on a worker thread: the
window never waits for the network. The window also syncs in the background (ui/sync/background.py); the
page shows the result through the change it announces."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.progress import check
from ...services.errors import ServiceError
from ..common.page import Page
from ...sync.protocol.envelope import FILE_SUFFIX
from ..common.widgets import ERROR_COLOR, FILES, VIETNAM_TIME, banner, muted_label
from ..common.workers import run_in_background

HIDDEN_FIELDS = {"id", "cell_id", "rev", "created_at", "updated_at", "name_folded"}


class _Progress(QObject):
    # Emitted on the worker thread; the page lives on the UI thread, so Qt queues the call there.
    step = Signal(str, int, int)


class SyncPage(Page):
    WATCHES = frozenset({"sync_state", "committee_records", "sync_conflicts"})

    def __init__(self, services, notifier, parent: QWidget | None = None) -> None:
        super().__init__(services, notifier, parent)
        self.task = None
        self._progress = _Progress(self)
        self._progress.step.connect(self._show_progress)
        self._build()
        self.retranslate()
        self.refresh()

    # ---- building ---------------------------------------------------------------------------------------
    def _build(self) -> None:
        self._build_state()
        self._build_connect()
        self.error = banner("sync_error")
        self.error.setStyleSheet(self.error.styleSheet() + f" color: {ERROR_COLOR};")
        self.received_box = QGroupBox()
        self.received = _table("received", 3)
        self.received.itemSelectionChanged.connect(self._received_selected)
        # A guidance document may carry its file (the committee's instructions, a form to fill).
        self.save_attachment_button = QPushButton(objectName="save_attachment", clicked=self.save_attachment,
                                                  enabled=False)
        received_layout = QVBoxLayout(self.received_box)
        received_layout.addWidget(self.received)
        received_layout.addWidget(self.save_attachment_button, 0, Qt.AlignmentFlag.AlignRight)
        self._build_conflicts()
        top = QHBoxLayout()
        top.addWidget(self.state_box, 1)
        top.addWidget(self.connect_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addLayout(top)
        layout.addWidget(self.conflicts_box, 2)
        layout.addWidget(self.received_box, 1)

    def _build_state(self) -> None:
        self.state_box = QGroupBox()
        form = QFormLayout(self.state_box)
        self.server_label, self.last_label, self.pending_label = QLabel(), QLabel(), QLabel()
        self.server_caption, self.last_caption, self.pending_caption = QLabel(), QLabel(), QLabel()
        for caption, value in ((self.server_caption, self.server_label), (self.last_caption, self.last_label),
                               (self.pending_caption, self.pending_label)):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
        self.sync_button = QPushButton(objectName="sync_now", clicked=lambda: self.sync_now())
        self.progress = QProgressBar(objectName="sync_progress", maximumHeight=14, textVisible=False)
        self.progress.hide()
        self.stop_button = QPushButton(objectName="sync_stop", clicked=self.stop_sync)
        self.stop_button.hide()
        self.result_label = muted_label(name="sync_result")
        actions = QHBoxLayout()
        actions.addWidget(self.sync_button)
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.stop_button)
        actions.addStretch(1)
        form.addRow(actions)
        # Without a network: the same changes as a file on a USB stick, and the committee's answer file.
        self.export_button = QPushButton(objectName="export_file", clicked=self.export_file)
        self.import_button = QPushButton(objectName="import_file", clicked=self.import_file)
        files = QHBoxLayout()
        files.addWidget(self.export_button)
        files.addWidget(self.import_button)
        files.addStretch(1)
        form.addRow(files)
        form.addRow(self.result_label)

    def _build_connect(self) -> None:
        self.connect_box = QGroupBox()
        form = QFormLayout(self.connect_box)
        self.url_edit = QLineEdit(objectName="server_url", placeholderText="https://")
        self.code_edit = QLineEdit(objectName="enrollment_code", placeholderText="ABCDE-23456")
        self.url_caption, self.code_caption = QLabel(), QLabel()
        form.addRow(self.url_caption, self.url_edit)
        form.addRow(self.code_caption, self.code_edit)
        self.connect_button = QPushButton(objectName="connect", clicked=self.connect_to_server)
        form.addRow(self.connect_button)
        self.connect_help = muted_label()
        form.addRow(self.connect_help)
        # A hamlet without a network enrols with the committee's invitation file instead (issue 16).
        self.connect_file_button = QPushButton(objectName="connect_file", clicked=self.connect_by_file)
        form.addRow(self.connect_file_button)

    def _build_conflicts(self) -> None:
        self.conflicts_box = QGroupBox()
        self.conflicts = _table("conflicts", 2)
        self.conflicts.itemSelectionChanged.connect(self._show_conflict)
        self.compare = _table("compare", 3)
        self.keep_mine = QPushButton(objectName="keep_mine", clicked=lambda: self._resolve("mine"))
        self.keep_theirs = QPushButton(objectName="keep_theirs", clicked=lambda: self._resolve("theirs"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.keep_theirs)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.compare, 1)
        right_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.conflicts)
        split.addWidget(right)
        split.setSizes([300, 600])
        QVBoxLayout(self.conflicts_box).addWidget(split)

    def retranslate(self) -> None:
        self.state_box.setTitle(self.tr("Connection with the committee above"))
        self.server_caption.setText(self.tr("Server:"))
        self.last_caption.setText(self.tr("Last successful sync:"))
        self.pending_caption.setText(self.tr("Changes waiting to be sent:"))
        self.sync_button.setText(self.tr("Sync now"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after the batch being sent or received: what has gone stays sent"))
        self.export_button.setText(self.tr("Export a file for the committee…"))
        self.export_button.setToolTip(self.tr("No network: write the changes to a file (e.g. on a USB stick) and "
                                              "take it to the committee"))
        self.import_button.setText(self.tr("Import the committee's file…"))
        self.connect_box.setTitle(self.tr("Connect to the committee"))
        self.url_caption.setText(self.tr("Server address:"))
        self.code_caption.setText(self.tr("Connection code:"))
        self.connect_button.setText(self.tr("Connect"))
        self.connect_file_button.setText(self.tr("No network: connect with the committee's invitation file…"))
        self.connect_help.setText(self.tr("The committee above the cell gives the server address and a one-time "
                                          "code. After connecting, changes are sent whenever the server can "
                                          "be reached."))
        self.received_box.setTitle(self.tr("Received from the committee"))
        self.save_attachment_button.setText(self.tr("Save the attached file…"))
        self.received.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Content"), self.tr("Received")])
        self.conflicts_box.setTitle(self.tr("Conflicts to resolve (edited on two laptops)"))
        self.conflicts.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Fields that differ")])
        self.compare.setHorizontalHeaderLabels([self.tr("Field"), self.tr("This laptop"), self.tr("Server")])
        self.keep_mine.setText(self.tr("Keep this laptop's copy"))
        self.keep_theirs.setText(self.tr("Keep the server's copy"))
        if self.isVisible():  # the kinds of record received are named in the new language too
            self.refresh()

    # ---- showing ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        status = self.services.sync.status()
        self.connect_box.setVisible(not status.connected)
        for button in (self.export_button, self.import_button):
            button.setEnabled(status.connected and self.task is None)
        self.sync_button.setEnabled(status.online and self.task is None)
        self.sync_button.setVisible(status.online or not status.connected)
        self.server_label.setText(status.server or (self.tr("By file only (no server address)") if status.connected
                                                    else self.tr("Not connected")))
        self.last_label.setText(_when(status.last_sync) if status.last_sync else self.tr("never"))
        self.pending_label.setText(str(status.pending))
        self._fill_received()
        self._fill_conflicts()

    def _received_selected(self) -> None:
        rows = self.received.selectionModel().selectedRows()
        record = self.received_rows[rows[0].row()] if rows else None
        self.save_attachment_button.setEnabled(bool(record and record.get("file_name") and record.get("file_data")))

    def save_attachment(self) -> None:
        rows = self.received.selectionModel().selectedRows()
        if not rows:
            return
        record = self.received_rows[rows[0].row()]
        folder = Path(self.services.ctx.get_setting("export_folder", str(Path.home())) or Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.save_attachment_button.text().rstrip("…"),
                                              str(folder / Path(record["file_name"]).name))
        if not name:
            return
        try:
            self.services.sync.save_attachment(record, Path(name))
        except ServiceError as exc:
            self._fail_text(exc.message)
            return
        self.services.ctx.set_setting("export_folder", str(Path(name).parent))
        self.result_label.setText(self.tr("Saved to {path}.").format(path=name))

    def _fill_received(self) -> None:
        records = list(reversed(self.services.sync.committee_records()))
        self.received_rows = records
        self.received.setRowCount(len(records))
        for row, record in enumerate(records):
            kind = _KINDS.get(record["_entity"])
            _set(self.received, row, [QCoreApplication.translate("SyncPage", kind) if kind else record["_entity"],
                                      _summary(record), _when(dt.datetime.fromisoformat(record["_received_at"]))])

    def _fill_conflicts(self) -> None:
        self.conflict_rows = self.services.sync.conflicts()
        self.conflicts.setRowCount(len(self.conflict_rows))
        for row, c in enumerate(self.conflict_rows):
            name = c.mine.get("full_name") or c.mine.get("title") or c.mine.get("topic") or c.entity_id
            _set(self.conflicts, row, [f"{_label(_ENTITIES, c.entity)}: {name}",
                                       ", ".join(_label(_FIELDS, k) for k in _differing(c))])
        self.conflicts_box.setVisible(bool(self.conflict_rows))
        self._show_conflict()

    def _show_conflict(self) -> None:
        rows = self.conflicts.selectionModel().selectedRows()
        conflict = self.conflict_rows[rows[0].row()] if rows else None
        self.keep_mine.setEnabled(conflict is not None)
        self.keep_theirs.setEnabled(conflict is not None)
        # Only what differs: the rest is the same on both laptops.
        fields = [] if conflict is None else _differing(conflict)
        self.compare.setRowCount(len(fields))
        for row, key in enumerate(fields):
            _set(self.compare, row, [_label(_FIELDS, key), _text(conflict.mine.get(key)),
                                     _text((conflict.theirs or {}).get(key))])
        self.compare.resizeRowsToContents()

    def _show_progress(self, stage: str, done: int, total: int) -> None:
        self.progress.setRange(0, total or 0)
        self.progress.setValue(done)
        text = self.tr("Sending {done}/{total}…") if stage == "push" else self.tr("Receiving {done}…")
        self.result_label.setText(text.format(done=done, total=total))

    # ---- acting -----------------------------------------------------------------------------------------
    def connect_to_server(self) -> None:
        url, code = self.url_edit.text().strip(), self.code_edit.text().strip()
        if not url or not code:
            self._fail_text(self.tr("Enter the server address and the connection code the committee gave."))
            return
        self._start(lambda: self.services.sync.connect(url, code), self._connected)

    def _connected(self, _status) -> None:
        self.code_edit.clear()
        self.result_label.setText(self.tr("Connected. The cell's changes are sent now."))
        self.sync_now()

    def connect_by_file(self) -> None:
        folder = self.services.ctx.get_setting("export_folder", str(Path.home())) or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, self.connect_file_button.text().rstrip("…"), folder,
                                              self.tr("CellSec sync file (*{suffix})").format(suffix=FILE_SUFFIX))
        if not name:
            return
        answer = FILES.ask_path(self, self.services, self.tr("Save the enrolment file for the committee"),
                                self.services.sync.default_file_name("dang-ky-may"), FILE_SUFFIX)
        if answer is not None:
            self._start(lambda: self.services.sync.connect_file(Path(name), answer), lambda _s: self._enrolled(answer))

    def _enrolled(self, path: Path) -> None:
        self.result_label.setText(self.tr("Enrolment file written to {path}. Take it to the committee (with an exported "
                                          "file of changes, if you like); import their answer with \"Import the "
                                          "committee's file…\".").format(path=path))

    def sync_now(self) -> None:
        if self.task is not None or not self.services.sync.status().online:
            return

        def work(cancel):
            def step(stage: str, done: int, total: int) -> None:
                # Called after each committed batch: stopping here leaves what went as sent, the rest queued.
                self._progress.step.emit(stage, done, total)
                check(cancel)
            return self.services.sync.sync_now(step)

        self._start(work, self._synced, stoppable=True)

    def stop_sync(self) -> None:
        if self.task is not None:
            self.task.stop()
            self.stop_button.setEnabled(False)
            self.result_label.setText(self.tr("Stopping after the current batch…"))

    def export_file(self) -> None:
        path = FILES.ask_path(self, self.services, self.export_button.text().rstrip("…"),
                              self.services.sync.default_file_name(), FILE_SUFFIX)
        if path is not None:
            self._start(lambda: self.services.sync.export_file(path), self._exported)

    def _exported(self, result) -> None:
        self.result_label.setText(self.tr("{n} change(s) written to {path}. They count as sent when you import the "
                                          "committee's answer file.").format(n=result.ops, path=result.path))

    def import_file(self) -> None:
        folder = self.services.ctx.get_setting("export_folder", str(Path.home())) or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, self.import_button.text().rstrip("…"), folder,
                                              self.tr("CellSec sync file (*{suffix})").format(suffix=FILE_SUFFIX))
        if name:
            self._start(lambda: self.services.sync.import_file(Path(name)), self._synced)

    def _start(self, work, done, stoppable: bool = False) -> None:
        """Run `work` off the UI thread (`work(cancel)` when `stoppable`: only sync now, between batches; a
        connection, an exported file or an imported answer is one step, done whole or not at all)."""
        self.error.hide()
        for button in (self.sync_button, self.export_button, self.import_button):
            button.setEnabled(False)
        self.connect_button.setEnabled(False)
        self.connect_file_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        run = (lambda _progress, cancel: self._as_own_action(lambda: work(cancel))) if stoppable \
            else (lambda: self._as_own_action(work))
        self.task = run_in_background(self, run, on_done=lambda r: self._finished(done, r),
                                      on_error=lambda exc: self._finished(self._failed, exc), stoppable=stoppable,
                                      on_cancelled=lambda exc: self._finished(self._stopped, exc))
        self.stop_button.setEnabled(True)
        self.stop_button.setVisible(stoppable)

    def _as_own_action(self, work):
        # On the worker thread: the changes are announced as this page's, so it does not refresh for them
        # on top of the refresh when the work is done.
        with self.services.ctx.action(self):
            return work()

    def _finished(self, then, value) -> None:
        self.task = None
        self.progress.hide()
        self.stop_button.hide()
        self.connect_button.setEnabled(True)
        self.connect_file_button.setEnabled(True)
        then(value)
        self.refresh()

    def _synced(self, result) -> None:
        text = self.tr("Sent {pushed}, received {pulled}.").format(pushed=result.pushed, pulled=result.pulled)
        if result.conflicts:
            text += " " + self.tr("{n} record(s) were edited on two laptops: choose below which copy to keep.").format(
                n=result.conflicts)
        if result.held:
            text += " " + self.tr("{n} document(s) of the other laptop had a number already given here first: they "
                                  "come when that laptop has synced and renumbered them.").format(n=result.held)
        self.result_label.setText("\n".join([text, *result.renumbered, *result.clashes, *result.warnings]))

    def _stopped(self, _exc) -> None:
        self.result_label.setText(self.tr("Stopped. What was sent or received is kept; the rest goes at the next "
                                          "sync."))

    def _failed(self, exc: Exception) -> None:
        self._fail_text(exc.message if isinstance(exc, ServiceError) else self.tr("Sync failed: {error}").format(
            error=type(exc).__name__))

    def _fail_text(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _resolve(self, keep: str) -> None:
        rows = self.conflicts.selectionModel().selectedRows()
        if not rows:
            return
        try:
            with self.notifier.action(self):
                self.services.sync.resolve(self.conflict_rows[rows[0].row()].id, keep)
        except ServiceError as exc:
            self._fail_text(exc.message)
        self.refresh()


# Names of the committee's record kinds (translated through the page's context).
_KINDS = {
    "classification_decisions": QT_TRANSLATE_NOOP("SyncPage", "Classification decision"),
    "five_good_recognitions": QT_TRANSLATE_NOOP("SyncPage", "Recognition of a 5-good cell"),
    "committee_rubrics": QT_TRANSLATE_NOOP("SyncPage", "Rubric"),
    "committee_rule_sets": QT_TRANSLATE_NOOP("SyncPage", "Rule set"),
    "guidance_documents": QT_TRANSLATE_NOOP("SyncPage", "Guidance document"),
    "committee_comments": QT_TRANSLATE_NOOP("SyncPage", "Comment"),
    "dues_remittance_receipts": QT_TRANSLATE_NOOP("SyncPage", "Dues remittance receipt"),
}


# What the secretary calls the records and fields most often edited on two laptops; others show their
# internal name.
_ENTITIES = {
    "members": QT_TRANSLATE_NOOP("SyncPage", "Party member"),
    "meetings": QT_TRANSLATE_NOOP("SyncPage", "Meeting minutes"),
    "resolutions": QT_TRANSLATE_NOOP("SyncPage", "Resolution"),
    "member_reviews": QT_TRANSLATE_NOOP("SyncPage", "Member review"),
    "collective_reviews": QT_TRANSLATE_NOOP("SyncPage", "Collective review"),
    "dues_payments": QT_TRANSLATE_NOOP("SyncPage", "Dues payment"),
    "cells": QT_TRANSLATE_NOOP("SyncPage", "The cell"),
}
_FIELDS = {
    "full_name": QT_TRANSLATE_NOOP("SyncPage", "Full name"),
    "alias": QT_TRANSLATE_NOOP("SyncPage", "Other name"),
    "date_of_birth": QT_TRANSLATE_NOOP("SyncPage", "Date of birth"),
    "gender": QT_TRANSLATE_NOOP("SyncPage", "Gender"),
    "cccd": QT_TRANSLATE_NOOP("SyncPage", "Citizen ID (CCCD)"),
    "phone": QT_TRANSLATE_NOOP("SyncPage", "Phone"),
    "hometown": QT_TRANSLATE_NOOP("SyncPage", "Home town"),
    "workplace": QT_TRANSLATE_NOOP("SyncPage", "Workplace"),
    "card_no": QT_TRANSLATE_NOOP("SyncPage", "Party card number"),
    "admitted_on": QT_TRANSLATE_NOOP("SyncPage", "Admitted on"),
    "official_on": QT_TRANSLATE_NOOP("SyncPage", "Official member on"),
    "note": QT_TRANSLATE_NOOP("SyncPage", "Note"),
    "topic": QT_TRANSLATE_NOOP("SyncPage", "Topic"),
    "location": QT_TRANSLATE_NOOP("SyncPage", "Place"),
    "content": QT_TRANSLATE_NOOP("SyncPage", "Minutes text"),
    "title": QT_TRANSLATE_NOOP("SyncPage", "Title"),
    "body": QT_TRANSLATE_NOOP("SyncPage", "Text"),
    "sections": QT_TRANSLATE_NOOP("SyncPage", "Self-review text"),
    "cell_comment": QT_TRANSLATE_NOOP("SyncPage", "The cell's comment"),
    "amount_paid": QT_TRANSLATE_NOOP("SyncPage", "Amount paid"),
    "paid_on": QT_TRANSLATE_NOOP("SyncPage", "Paid on"),
    "collector": QT_TRANSLATE_NOOP("SyncPage", "Collected by"),
}


def _label(names: dict[str, str], key: str) -> str:
    return QCoreApplication.translate("SyncPage", names[key]) if key in names else key


def _differing(conflict) -> list[str]:
    theirs = conflict.theirs or {}
    return [k for k in conflict.mine if k not in HIDDEN_FIELDS and conflict.mine.get(k) != theirs.get(k)]


def _table(name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, objectName=name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(True)
    return table


def _set(table: QTableWidget, row: int, values: list[str]) -> None:
    for col, value in enumerate(values):
        table.setItem(row, col, QTableWidgetItem(value))


def _text(value) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _summary(record: dict) -> str:
    parts = [record.get("title") or record.get("name"),
             record.get("decision_number") or record.get("document_number") or record.get("number"),
             record.get("text"), format_date_text(record.get("decision_date") or record.get("document_date")
                                                  or record.get("date")),
             f"({record['file_name']})" if record.get("file_name") else ""]
    return " · ".join(p for p in parts if p)


def format_date_text(value: str | None) -> str:
    if not value:
        return ""
    try:
        return format_date(dt.date.fromisoformat(value[:10]))
    except ValueError:
        return value


def _when(instant) -> str:
    local = instant.astimezone(VIETNAM_TIME)
    return f"{format_date(local.date())} {local.strftime('%H:%M')}"
