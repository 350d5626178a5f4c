"""The shared editor base: autosave while typing, the draft offered back, the close guard, the locked look."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QVBoxLayout

from cellsec.services.context import Change
from cellsec.ui.common.editor import DocumentEditor

from ..conftest import type_text


class NoteEditor(DocumentEditor):
    draft_kind = "test_note"

    def __init__(self, services, key="n1"):
        super().__init__(services)
        self.key, self.saved_texts = key, []
        self.text = QPlainTextEdit()
        QVBoxLayout(self).addWidget(self.text)
        self.text.textChanged.connect(self.mark_changed)
        self.start_tracking()
        self.offer_draft()

    def draft_key(self):
        return self.key

    def collect_draft(self):
        return {"text": self.text.toPlainText()}

    def apply_draft(self, payload):
        self.text.setPlainText(payload["text"])

    def save(self):
        self.saved_texts.append(self.text.toPlainText())
        self.saved_now()
        return True


def test_typing_is_autosaved_and_offered_back_after_a_crash(qtbot, services, boxes):
    boxes.answer = QMessageBox.StandardButton.Discard  # when the test closes the windows
    editor = NoteEditor(services)
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.text, "Đồng chí Hùng phát biểu")
    qtbot.waitUntil(lambda: services.drafts.load("test_note", "n1") is not None, timeout=3000)
    assert "Đã tự lưu" in editor.keeper.label.text()

    editor.keeper.stop()  # the process dies: no close, no save
    again = NoteEditor(services)
    qtbot.addWidget(again)
    assert again.text.toPlainText() == "Đồng chí Hùng phát biểu"
    assert again.recovered_banner.isVisibleTo(again) and again.unsaved


def test_saving_discards_the_draft(qtbot, services, boxes):
    editor = NoteEditor(services)
    qtbot.addWidget(editor)
    type_text(editor.text, "Nội dung")
    editor.keeper.flush()
    assert editor.save() and services.drafts.load("test_note", "n1") is None


def test_closing_with_unsaved_changes_asks(qtbot, services, boxes):
    editor = NoteEditor(services)
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.text, "Chưa lưu")
    boxes.answer = QMessageBox.StandardButton.Cancel
    editor.close()
    assert editor.isVisible() and boxes.texts()  # asked, and stayed
    boxes.answer = QMessageBox.StandardButton.Save
    editor.close()
    assert not editor.isVisible() and editor.saved_texts == ["Chưa lưu"]


def test_a_locked_record_cannot_be_typed_into(qtbot, services, boxes):
    editor = NoteEditor(services)
    qtbot.addWidget(editor)
    editor.lock(True, "Đã chốt")
    assert editor.text.isReadOnly() and editor.lock_banner.text() == "Đã chốt"
    editor.mark_changed()
    assert not editor.unsaved


class RevisedNote(NoteEditor):
    """A note whose stored revision the test moves by hand (as another process saving it would)."""

    watched_tables = frozenset({"notes"})

    def __init__(self, services):
        self.stored = {"rev": 1, "text": "Bản đã lưu"}
        super().__init__(services, key="revised")
        self.text.setPlainText(self.stored["text"])
        self.start_tracking(1)

    def record_revision(self):
        return self.stored["rev"]

    def reload(self):
        self.loading = True
        self.text.setPlainText(self.stored["text"])
        self.loading = False
        self.start_tracking(self.stored["rev"])


def _saved_elsewhere(editor, text, tables=frozenset({"notes"})):
    editor.stored.update(rev=editor.stored["rev"] + 1, text=text)
    return Change("outside", "", tables, frozenset())


def test_the_banner_follows_changes_from_other_threads_only_while_shown(qtbot, services, boxes):
    boxes.answer = QMessageBox.StandardButton.Discard
    editor = RevisedNote(services)
    qtbot.addWidget(editor)
    services.ctx.notify(_saved_elsewhere(editor, "Sửa khi chưa mở"))
    assert not editor.elsewhere_banner.isVisibleTo(editor)  # not shown: not listening
    editor.show()
    type_text(editor.text, "Của tôi ")
    services.ctx.notify(_saved_elsewhere(editor, "Bảng khác", frozenset({"members"})))
    assert not editor.elsewhere_banner.isVisible()  # another table: not even a read
    worker = threading.Thread(target=services.ctx.notify, args=(_saved_elsewhere(editor, "Từ luồng khác"),))
    worker.start()  # e.g. a sync run in the background announcing what it pulled
    worker.join()
    qtbot.waitUntil(editor.elsewhere_banner.isVisible)  # delivered on the UI thread
    assert editor.text.toPlainText().startswith("Của tôi ")
    editor.elsewhere_banner.reload_button.click()
    assert editor.text.toPlainText() == "Từ luồng khác" and not editor.unsaved
    editor.hide()
    assert editor.watch._listener not in services.ctx.listeners


def test_an_editor_gone_without_hiding_stops_listening(qtbot, services):
    editor = RevisedNote(services)
    editor.show()
    heard = []
    services.ctx.subscribe(heard.append)
    listener = editor.watch._listener
    shiboken6.delete(editor)  # destroyed without a hide event reaching Python
    change = Change("outside", "", frozenset({"notes"}), frozenset())
    services.ctx.notify(change)
    assert heard == [change] and listener not in services.ctx.listeners  # the others still hear it


def test_a_failing_revision_look_neither_crashes_nor_shows_the_banner(qtbot, services, boxes, capfd):
    from cellsec.store.cipher import OperationalError
    from sqlalchemy.exc import OperationalError as SAOperationalError

    editor = RevisedNote(services)
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.text, "Đang gõ ")
    for error in (OperationalError("database is locked"), SAOperationalError("SELECT rev", {}, Exception("busy"))):
        def fail(error=error):
            raise error
        editor.watch._current = fail  # a busy or swapped store under the look
        services.ctx.notify(Change("outside", "", frozenset({"notes"}), frozenset()))
        assert not editor.elsewhere_banner.isVisible()
    assert editor.text.toPlainText() == "Đang gõ Bản đã lưu" and editor.unsaved
    assert "Traceback" not in capfd.readouterr().err  # (Qt prints what a slot raises, and goes on)
