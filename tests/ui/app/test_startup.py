"""Starting the window: no display gives a clear message (not a core dump); one instance per folder;
a restore chosen in Settings is put in place at the next start."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from PySide6.QtCore import QLockFile, Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from cellsec.ui.app import startup
from cellsec.ui.common.shortcuts import TextRedo


def test_no_display_prints_a_vietnamese_message(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    # `cellsec` with no command opens the window (the console script calls cellsec.cli.main).
    proc = subprocess.run([sys.executable, "-c", "import sys; from cellsec.cli import main; sys.exit(main())",
                           "--data-dir", str(tmp_path / "data")], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode > 0  # an exit code, not a signal (a negative code would be a crash)
    assert "CellSec cần màn hình để mở cửa sổ" in proc.stderr
    assert "core dumped" not in proc.stderr.lower()


def test_second_instance_is_refused(qapp, services, monkeypatch):
    shown = []
    monkeypatch.setattr(startup.QMessageBox, "information", staticmethod(lambda *a: shown.append(a[2])))
    data_dir = services.data_dir
    services.close()
    first = QLockFile(str(data_dir / "cellsec.lock"))
    assert first.tryLock(100)
    try:
        assert startup.start(qapp, data_dir) is None
    finally:
        first.unlock()
    assert shown == ["CellSec đang mở trên thư mục dữ liệu này. Hãy dùng cửa sổ đang mở."]
    # Even a start that stops has named the program and given it its icon (taskbar, title bar, dialogs).
    assert qapp.applicationDisplayName() == "Sổ tay Bí thư chi bộ"
    assert not qapp.windowIcon().isNull() and qapp.windowIcon().availableSizes()




def test_a_restore_at_start_that_fails_says_why_in_vietnamese(qapp, services, monkeypatch):
    import errno

    from cellsec.services import backups
    from cellsec.services.errors import failed

    data_dir = services.data_dir
    services.backups.backup_now()
    services.close()
    (data_dir / "cellsec.sqlite3").write_bytes(b"not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (data_dir / f"cellsec.sqlite3{suffix}").unlink(missing_ok=True)

    def disk_full(_backup, _data_dir):
        raise failed(backups.RESTORE_FAILED, OSError(errno.ENOSPC, "No space left on device"), name="x.sqlite3")

    shown = []
    monkeypatch.setattr(startup, "restore_unopened", disk_full)
    monkeypatch.setattr(startup.QMessageBox, "question",
                        staticmethod(lambda *a, **k: startup.QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(startup.QMessageBox, "critical", staticmethod(lambda *a: shown.append(a[2])))
    assert startup._open_services(qapp, data_dir, startup.Startup()) is None
    assert shown == ["Chưa khôi phục được bản sao lưu x.sqlite3 (ổ đĩa đã đầy)."]


def test_a_zeroed_file_offers_the_newest_usable_backup_skipping_a_damaged_one(qapp, services, monkeypatch):
    import datetime as dt

    data_dir = services.data_dir
    older = services.backups.backup_now(dt.datetime(2026, 11, 20, 9, 0))
    newest = services.backups.backup_now(dt.datetime(2026, 11, 21, 9, 0))
    newest.write_bytes(newest.read_bytes()[:3000])  # the newest backup is damaged (cut short)
    services.close()
    (data_dir / "cellsec.sqlite3").write_bytes(b"")
    asked = []

    def answer_yes(*args, **_kwargs):
        asked.append(args[2])
        return startup.QMessageBox.StandardButton.Yes

    monkeypatch.setattr(startup.QMessageBox, "question", staticmethod(answer_yes))
    monkeypatch.setattr(startup.QMessageBox, "critical", staticmethod(lambda *a: asked.append(a[2])))
    opened = startup._open_services(qapp, data_dir, startup.Startup())
    assert opened is not None
    try:
        assert opened.cell.get().name == "Chi bộ Xuất bản - Kỹ thuật"  # the cell is back, not a new empty one
    finally:
        opened.close()
    assert len(asked) == 1
    assert "trống (0 byte)" in asked[0]  # says what it found
    assert newest.name in asked[0] and "bị hỏng" in asked[0]  # the damaged one is named and skipped
    assert f"({older.name})" in asked[0]
    kept = list(data_dir.glob("cellsec.sqlite3.truoc-khoi-phuc-*"))
    assert len(kept) == 1 and kept[0].stat().st_size == 0  # the zeroed file is kept as it was found


def test_a_foreign_file_without_backups_is_left_alone(qapp, data_dir, monkeypatch):
    import sqlite3

    data_dir.mkdir(parents=True)
    db = data_dir / "cellsec.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    before = db.read_bytes()
    shown = []

    def decline(*args, **_kwargs):  # (a password backup is offered: not taken here, tests/ui/app/test_recovery.py)
        shown.append(args[2])
        return startup.QMessageBox.StandardButton.No

    monkeypatch.setattr(startup.QMessageBox, "question", staticmethod(decline))
    assert startup._open_services(qapp, data_dir, startup.Startup()) is None
    assert "chương trình khác" in shown[0] and "contacts" in shown[0]
    assert "Không có bản sao lưu nào dùng được" in shown[0]
    assert db.read_bytes() == before


class _FakeLock:
    """QLockFile as it behaves when the folder cannot be written (simulated: root writes anywhere)."""

    LockError = QLockFile.LockError

    def __init__(self, _path):
        pass

    def setStaleLockTime(self, _ms):
        pass

    def tryLock(self, _ms):
        return False

    def error(self):
        return QLockFile.LockError.PermissionError


def test_a_lock_that_cannot_be_written_is_not_called_already_open(qapp, data_dir, monkeypatch):
    shown = []
    monkeypatch.setattr(startup, "QLockFile", _FakeLock)
    monkeypatch.setattr(startup.QMessageBox, "information", staticmethod(lambda *a: shown.append(a[2])))
    monkeypatch.setattr(startup.QMessageBox, "critical", staticmethod(lambda *a: shown.append(a[2])))
    assert startup.start(qapp, data_dir) is None
    assert len(shown) == 1 and "đang mở" not in shown[0]
    assert "Không ghi được vào thư mục dữ liệu" in shown[0]


def test_a_full_disk_at_start_says_the_disk_is_full(qapp, data_dir, monkeypatch):
    import builtins
    import errno

    data_dir.mkdir(parents=True)
    real_open = builtins.open

    def full(path, mode="r", *args, **kwargs):
        if str(path).endswith(".write-test"):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_open(path, mode, *args, **kwargs)

    shown = []
    monkeypatch.setattr(builtins, "open", full)
    monkeypatch.setattr(startup.QMessageBox, "information", staticmethod(lambda *a: shown.append(a[2])))
    monkeypatch.setattr(startup.QMessageBox, "critical", staticmethod(lambda *a: shown.append(a[2])))
    assert startup.start(qapp, data_dir) is None
    assert len(shown) == 1 and "ổ đĩa đã đầy" in shown[0] and "đang mở" not in shown[0]


FIRST_PAINT_PROBE = """
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from cellsec.ui.app.startup import start
import gc
gc.disable()  # as ui/app/launch.run_gui does: start-up has the collector run on the UI thread, never on another
app = QApplication(sys.argv)
seen = []
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not seen:
            w = app.activeWindow() or window_box[0]
            seen.append(("sqlalchemy" in sys.modules, w.nav.count(), w.nav.item(1).text(), w.isVisible()))
            page = w.pages.built["OverviewPage"]
            seen.append((w.stack.currentWidget() is page, page.tiles["total"].number.text(),
                         page.heading.text(), [page.reminders.item(i).text() for i in range(page.reminders.count())]))
        return False
window_box = [None]
probe = Probe(); app.installEventFilter(probe)
window_box[0] = w = start(app, Path(sys.argv[1]), freeze_start_up=True)  # as launch.run_gui
def done():
    overview = w.pages.built.get("OverviewPage")
    if overview is None or overview._refreshed_on is None:  # not yet opened and filled
        QTimer.singleShot(20, done); return
    print(seen[0], w.stack.currentWidget() is overview, overview.tiles["total"].number.text())
    print(seen[1])
    print(overview.reminders.count(), overview.reminders.item(0).text())
    print("sqlalchemy" in sys.modules, w.services is None)  # filled, the store still unopened
    w.nav.setCurrentRow(1)  # the secretary opens the members: the store opens in the background
    QTimer.singleShot(0, members)
def members():
    page = w.pages.built.get("MembersPage")
    if page is None:
        QTimer.singleShot(20, members); return
    from cellsec.ui.common.workers import UiThreadCollector
    collecting = app.findChild(UiThreadCollector) is not None and not gc.isenabled()
    # and what start-up made (SQLAlchemy's models included) is out of its reach: full collections stay short
    collecting = collecting and gc.get_freeze_count() > 50_000 and "sqlalchemy.orm" in sys.modules
    print(w.stack.currentWidget() is page, w.services is not None, w.statusBar().currentMessage() == "" and collecting)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def test_the_real_window_paints_before_the_store_is_opened_then_fills(demo_template, data_dir):
    import subprocess
    import sys

    from tests.conftest import copy_demo

    copy_demo(demo_template, data_dir)
    # A hang (the window never filled) fails the test instead of blocking the suite.
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT_PROBE, str(data_dir)], capture_output=True, text=True,
                         check=True, timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    lines = out.stdout.strip().splitlines()
    # Filled from the quick reader: SQLAlchemy loads only when a page needs the store, then that page shows.
    assert lines[-2:] == ["False True", "True True True"]
    lines = lines[:-2]
    first_paint, overview_shown, total = lines[-3].rsplit(" ", 2)
    # At the first paint: the navigation of the real window is there, and no database code is loaded yet.
    assert first_paint == "(False, 8, 'Đảng viên', True)"
    assert overview_shown == "True" and int(total) > 0  # then the overview shows the cell's figures
    # ...which the first paint already showed (read without SQLAlchemy), the reminders still being read.
    assert lines[-2] == f"(True, '{total}', 'Chi bộ xóm Trung Mỹ', ['Đang đọc các lời nhắc…'])"
    reminders, first = lines[-1].split(" ", 1)
    assert int(reminders) > 1 and first != "Đang đọc các lời nhắc…"  # then the reminders themselves


def _started_and_filled(qtbot, services):
    """The window started on `services`' folder (closed first), its overview filled without the store."""
    data_dir = services.data_dir
    services.close()
    window = startup.start(QApplication.instance(), data_dir)
    qtbot.addWidget(window)
    page = window.pages.built["OverviewPage"]
    qtbot.waitUntil(lambda: page._refreshed_on is not None, timeout=20_000)
    assert window.services is None  # filled without opening the store
    return window, page


def test_a_reminder_opened_before_the_store_is_open_opens_the_member_once_it_is(qtbot, services, monkeypatch):
    """The overview is filled without the store; double-clicking a member's reminder opens the store in the
    background and then the member, as it would have at once."""
    from cellsec.services.members.service import MemberInput
    from cellsec.ui.members import dialog as member_dialog

    today = dt.date.today()
    admitted = today.replace(year=today.year - 1) + dt.timedelta(days=10)  # probation ends in ten days
    member = services.members.add(MemberInput(full_name="Lê Thị Mai", gender="nu", date_of_birth=dt.date(1990, 1, 1),
                                              admitted_on=admitted, status="du_bi"))
    window, page = _started_and_filled(qtbot, services)
    rows = [i for i in range(page.reminders.count()) if page.reminders.item(i).data(Qt.ItemDataRole.UserRole) == member.id]
    assert rows and "Lê Thị Mai hết thời gian dự bị" in page.reminders.item(rows[0]).text()

    opened = []
    monkeypatch.setattr(member_dialog.MemberDialog, "exec", lambda self: opened.append(self.member_id) or 0)
    rect = page.reminders.visualItemRect(page.reminders.item(rows[0]))
    qtbot.mouseClick(page.reminders.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.reminders.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: opened == [member.id], timeout=30_000)
    assert window.services is not None and window.statusBar().currentMessage() == ""
    window.close()
    window.lock.unlock()


def test_a_change_made_elsewhere_shows_on_the_overview_before_the_store_is_open(qtbot, services):
    """The command line adds a member while the window, filled without its store, waits: the overview's
    figures follow within the poll, as they do once the store is open."""
    from cellsec.services.facade import Services
    from cellsec.services.members.service import MemberInput

    window, page = _started_and_filled(qtbot, services)
    before = int(page.tiles["total"].number.text())
    elsewhere = Services.open(page.data_dir)  # as `cellsec members add` would
    try:
        elsewhere.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam", status="chinh_thuc",
                                          date_of_birth=dt.date(1980, 1, 1), admitted_on=dt.date(2005, 1, 1),
                                          official_on=dt.date(2006, 1, 1)))
    finally:
        elsewhere.close()
    qtbot.waitUntil(lambda: page.tiles["total"].number.text() == str(before + 1), timeout=20_000)
    assert window.services is None  # still read without the store
    window.close()
    window.lock.unlock()


def test_the_window_opens_where_it_was_left_then_fits_dialogs_and_has_the_redo_keys(qtbot, services):
    """The window's place and the redo keys are not lost to a quicker first paint: the main window opens as
    the secretary left it (maximised), and once it is on screen every dialog is fitted and the redo keys work
    (both watch the whole application only from the first paint)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialog

    from cellsec.ui.common import screen_fit

    left = QMainWindow()
    left.setWindowState(Qt.WindowState.WindowMaximized)
    settings = QSettings(str(services.data_dir / screen_fit.SETTINGS_FILE), QSettings.Format.IniFormat)
    settings.setValue("geometry/MainWindow", left.saveGeometry())
    settings.sync()
    _remove_redo()  # another test's start installed it
    window, _page = _started_and_filled(qtbot, services)
    try:
        assert window.isMaximized()
        dialog = type("WideDialog", (QDialog,), {"__module__": "cellsec.ui.test"})()
        dialog.resize(5000, 300)
        dialog.show()
        assert dialog.width() < 5000  # fitted on its first show
        # The redo keys watch every window again (what they do: tests/ui/common/test_shortcuts.py).
        assert QApplication.instance().findChild(TextRedo, "cellsec_text_redo") is not None
        dialog.close()
    finally:
        window.close()
        window.lock.unlock()
        screen_fit.uninstall(QApplication.instance())
        _remove_redo()


def _remove_redo() -> None:
    app = QApplication.instance()
    for redo in app.findChildren(TextRedo, "cellsec_text_redo"):
        app.removeEventFilter(redo)
        redo.setParent(None)

