"""The main window as one action flows through it: approving minutes refreshes what is on screen once, and
the pages the secretary cannot see only mark themselves stale (issue 8's "one straight line")."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import event

from cellsec.ui.app.main_window import PAGES, MainWindow


def _transactions(statements: list[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    for sql in statements:
        if sql.split()[0].upper() == "BEGIN" or not groups:
            groups.append([])
        groups[-1].append(sql)
    return groups


def _count_refreshes(page, counts: dict[str, int]) -> None:
    name = type(page).__name__
    original = page.apply_change

    def counted(change):
        counts[name] = counts.get(name, 0) + 1
        return original(change)

    page.apply_change = counted


def test_approving_minutes_refreshes_the_visible_page_once_and_no_hidden_page(qtbot, demo_services, boxes):
    window = MainWindow(demo_services)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    for _module, class_name, _title in PAGES:  # every page built, as after a day of work
        window.show_page(class_name)
    meetings = window.show_page("MeetingsPage")
    draft = next(m for m in demo_services.meetings.list(2026) if m.status == "draft")

    from cellsec.ui.meetings.editor import MeetingEditor

    editor = MeetingEditor(demo_services, draft.id, meetings)
    qtbot.addWidget(editor)
    counts: dict[str, int] = {}
    for class_name in window.pages.built:
        _count_refreshes(window.pages[class_name], counts)
    statements: list[str] = []
    engine = demo_services.ctx.store.engine
    listener = lambda _c, _cur, sql, *_a: statements.append(sql)  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    boxes.answer = QMessageBox.StandardButton.Yes
    try:
        editor.approve()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert demo_services.meetings.get(draft.id).status == "approved"
    assert counts == {"MeetingsPage": 1}  # on screen: once; hidden pages: not at all
    transactions = _transactions(statements)
    writes = [tx for tx in transactions if any(s.split()[0].upper() in ("INSERT", "UPDATE", "DELETE") for s in tx)]
    # Measured: 1 write and 8 reads, 60 statements (before the restructuring: 1 write, 34 reads, 104).
    assert len(writes) == 1 and len(transactions) - 1 <= 9  # one read names the number in the question

    stale = window.show_page("OverviewPage")  # shown again: it catches up once
    assert counts.get("OverviewPage") == 1 and stale.isVisible()


def test_back_up_now_runs_off_the_ui_thread_and_the_window_keeps_answering(qtbot, demo_services, monkeypatch):
    import threading
    import time

    from PySide6.QtCore import QTimer

    window = MainWindow(demo_services)
    qtbot.addWidget(window)
    real = demo_services.backups.backup_now
    threads, ticks = [], []

    def slow_backup(*args, **kwargs):  # (progress, cancel): File › Back up now can be stopped
        threads.append(threading.current_thread())
        time.sleep(0.6)  # a large file on a slow disk
        return real(*args, **kwargs)

    monkeypatch.setattr(demo_services.backups, "backup_now", slow_backup)
    before = len(demo_services.backups.list())
    timer = QTimer(interval=20, timeout=lambda: ticks.append(1))
    timer.start()
    window.backup_action.trigger()
    assert not window.backup_action.isEnabled()  # one backup at a time
    with qtbot.waitSignal(window.last_task.finished, timeout=20000):
        pass
    timer.stop()
    assert threads and threads[0] is not threading.main_thread()
    assert len(ticks) >= 10  # the UI thread went on running its timers while the copy was made
    assert window.backup_action.isEnabled()
    assert len(demo_services.backups.list()) == before + 1  # and the backup was made


def test_redo_after_undo_with_ctrl_y_and_ctrl_shift_z(qtbot, services):
    import datetime as dt

    from PySide6.QtCore import Qt

    from cellsec.services.members.service import MemberInput

    window = MainWindow(services)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    record = services.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam",
                                              date_of_birth=dt.date(1980, 1, 1), admitted_on=dt.date(2005, 1, 1)))
    names = lambda: [m.full_name for m in services.members.list()]  # noqa: E731
    assert not window.redo_action.isEnabled()
    window.undo()
    assert names() == []
    qtbot.waitUntil(window.redo_action.isEnabled)
    assert window.redo_action.text().startswith("&Làm lại")
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert names() == ["Nguyễn Văn An"] and services.members.get(record.id).full_name == "Nguyễn Văn An"
    qtbot.waitUntil(lambda: not window.redo_action.isEnabled())  # nothing undone to redo now
    window.undo()  # the redo is itself undoable
    assert names() == []
    qtbot.keyClick(window.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert names() == ["Nguyễn Văn An"]
