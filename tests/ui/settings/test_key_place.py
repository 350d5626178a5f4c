"""Cài đặt → Sao lưu says where the database key is kept and that only a password backup brings the data
back on another computer (issue 15, encryption at rest)."""

from __future__ import annotations

from cellsec.store import keys
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.settings.page import SettingsPage


def test_the_backup_tab_says_where_the_key_is_and_what_brings_the_data_back(qtbot, services):
    page = SettingsPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.tabs.setCurrentIndex(2)
    assert str(keys.key_dir() / keys.KEY_FILE) in page.backup_folder.text()  # no keyring here: the key file
    assert "chỉ tài khoản của đồng chí đọc được" in page.backup_folder.text()
    assert "chỉ bản sao lưu có mật khẩu" in page.backup_intro.text()
