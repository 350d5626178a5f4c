"""The data passphrase in the window: Cài đặt → Bảo mật sets, changes and removes it through the real dialog;
at start the window asks for it, says a wrong one under the field and changes nothing, and Thoát quits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from cellsec.store import key_wrap, keys
from cellsec.ui.app import startup
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.settings import passphrase as ui
from cellsec.ui.settings.page import SettingsPage
from tests.store.test_key_wrap import own_keys  # noqa: F401  (the fixture)

from ..conftest import type_text

PASS = "mật khẩu máy chung"


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch):
    monkeypatch.setattr(key_wrap, "_LOG2_N", 10)


def _answer(qtbot, *rounds, seen: list | None = None) -> None:
    """When the passphrase dialog opens: for each round, type the texts into its fields in order and press OK
    (None: press Thoát/Cancel). `seen` collects each round's error texts after OK."""
    todo = list(rounds)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ui.PassphraseDialog):
            QTimer.singleShot(20, fill)
            return
        texts = todo.pop(0)
        if texts is None:
            dialog.reject()
            return
        fields = [f for f in (dialog.current, dialog.new, dialog.again) if f.isVisibleTo(dialog)]
        for field, text in zip(fields, texts):
            field.clear()
            type_text(field, text)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        if seen is not None:
            seen.append([m.text() for m in dialog.messages.values() if m.text()])
        if todo:
            QTimer.singleShot(0, fill)

    QTimer.singleShot(0, fill)


def _restart(monkeypatch):
    monkeypatch.setattr(keys, "_unlocked", {})


def test_set_change_and_remove_in_settings(qtbot, services, boxes, own_keys, monkeypatch):  # noqa: F811
    page = SettingsPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.security)
    tab = page.security
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Bảo mật"
    assert tab.buttons["set"].isVisible() and not tab.buttons["change"].isVisible()

    _answer(qtbot, [PASS, PASS + "x"], [PASS, PASS], seen=(seen := []))  # the second time is typed the same
    qtbot.mouseClick(tab.buttons["set"], Qt.MouseButton.LeftButton)
    assert seen[0] == ["Hai lần nhập mật khẩu không giống nhau."]
    assert "Đã đặt mật khẩu mở dữ liệu" in boxes.texts("information")[-1]
    assert key_wrap.is_wrapped((own_keys / keys.KEY_FILE).read_text())
    assert "hỏi mật khẩu này mỗi lần mở" in tab.state.text()
    assert tab.buttons["change"].isVisible() and tab.buttons["remove"].isVisible()

    stored = (own_keys / keys.KEY_FILE).read_text()
    _answer(qtbot, ["không phải mật khẩu", "mật khẩu mới hơn", "mật khẩu mới hơn"], None, seen=(seen := []))
    qtbot.mouseClick(tab.buttons["change"], Qt.MouseButton.LeftButton)
    assert seen == [["Mật khẩu mở dữ liệu không đúng. Dữ liệu không bị thay đổi gì."]]
    assert (own_keys / keys.KEY_FILE).read_text() == stored  # refused, then cancelled: nothing changed

    _answer(qtbot, [PASS])
    qtbot.mouseClick(tab.buttons["remove"], Qt.MouseButton.LeftButton)
    assert "Đã bỏ mật khẩu mở dữ liệu" in boxes.texts("information")[-1]
    assert not key_wrap.is_wrapped((own_keys / keys.KEY_FILE).read_text())
    assert tab.buttons["set"].isVisible()
    page.grab().save(str(own_keys.parent / "security-tab.png"))


def test_the_window_asks_for_it_at_start_and_a_wrong_one_is_said(qtbot, services, own_keys, monkeypatch):  # noqa: F811
    keys.set_passphrase(None, PASS)
    _restart(monkeypatch)
    _answer(qtbot, ["đoán bừa một cái"], [PASS], seen=(seen := []))
    assert ui.unlock_at_start()
    assert seen[0] == ["Mật khẩu mở dữ liệu không đúng. Dữ liệu không bị thay đổi gì."]
    assert not keys.locked() and services.members.member_count() == 0


def test_quitting_at_the_passphrase_stops_the_start_and_frees_the_folder(qapp, qtbot, services, own_keys,  # noqa: F811
                                                                       monkeypatch):
    from PySide6.QtCore import QLockFile

    data_dir = services.data_dir
    services.close()
    keys.set_passphrase(None, PASS)
    _restart(monkeypatch)
    _answer(qtbot, None)
    assert startup.start(qapp, data_dir) is None
    assert keys.locked()
    lock = QLockFile(str(data_dir / "cellsec.lock"))
    assert lock.tryLock(100)  # the folder was let go
    lock.unlock()


def test_no_passphrase_no_question(qtbot, own_keys):  # noqa: F811
    assert ui.unlock_at_start()
