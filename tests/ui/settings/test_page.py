"""Cài đặt: the cell's details with the committees' name history, margins, backups, language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.app.main_window import MainWindow
from cellsec.ui.settings.page import SettingsPage

from ..conftest import retype


def _page(qtbot, services):
    page = SettingsPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()
    return page


def test_changed_committee_name_is_saved_from_a_date(qtbot, services):
    page = _page(qtbot, services)
    assert page.page_title() == "Cài đặt"
    assert page.cell_edits["upper_committee"].text() == "Đảng ủy Báo Nghệ An"
    assert not page.since.isEnabled()  # no committee renamed yet

    retype(page.cell_edits["upper_committee"], "Đảng ủy các cơ quan Đảng tỉnh")
    assert page.since.isEnabled()
    retype(page.since, "13/02/2025")
    qtbot.mouseClick(page.save_cell_button, Qt.MouseButton.LeftButton)
    assert page.cell_status.text() == "Đã lưu."

    assert services.cell.get(dt.date(2025, 2, 13)).upper_committee == "Đảng ủy các cơ quan Đảng tỉnh"
    assert services.cell.get(dt.date(2025, 2, 12)).upper_committee == "Đảng ủy Báo Nghệ An"
    rows = [(page.history.item(r, 0).text(), page.history.item(r, 1).text(), page.history.item(r, 2).text())
            for r in range(page.history.rowCount())]
    assert ("Cấp trên trực tiếp", "Đảng ủy Báo Nghệ An", "từ đầu") in rows
    assert ("Cấp trên trực tiếp", "Đảng ủy các cơ quan Đảng tỉnh", "13/02/2025") in rows


def test_cell_fields_are_validated_as_typed(qtbot, services):
    page = _page(qtbot, services)
    retype(page.cell_edits["abbreviation"], "C B")
    assert "không dấu cách" in page.cell_messages["abbreviation"].text()
    assert not page.save_cell_button.isEnabled()
    retype(page.cell_edits["abbreviation"], "CBXB")
    assert page.number_example.text() == "Ví dụ: Số 01-BB/CBXB"
    retype(page.cell_edits["name"], "")
    assert page.cell_messages["name"].text() == "Không được để trống."
    assert not page.save_cell_button.isEnabled()


def test_margins_presets_and_save(qtbot, services):
    page = _page(qtbot, services)
    page.tabs.setCurrentIndex(1)
    assert page.margins["top"].value() == 20 and page.margins["left"].value() == 30
    preset = page.findChild(QPushButton, "preset_binh_thuan")
    assert preset.text() == "25/25/35/15"
    qtbot.mouseClick(preset, Qt.MouseButton.LeftButton)
    page.mirrored.setChecked(True)
    qtbot.mouseClick(page.save_layout_button, Qt.MouseButton.LeftButton)
    saved = services.layout.get()
    assert (saved.margin_top_mm, saved.margin_bottom_mm, saved.margin_left_mm, saved.margin_right_mm) == (25, 25, 35, 15)
    assert saved.mirrored
    assert page.layout_status.text() == "Đã lưu. Các văn bản in từ nay dùng lề này."
    # The page number must stay inside the top margin: a too small top margin is refused next to it.
    page.margins["top"].setValue(8)
    qtbot.mouseClick(page.save_layout_button, Qt.MouseButton.LeftButton)
    assert "Số trang phải nằm trong lề trên" in page.margin_messages["top"].text()
    assert services.layout.get().margin_top_mm == 25


def test_backup_now_lists_the_new_backup_and_restore_brings_the_data_back(qtbot, services, boxes):
    page = _page(qtbot, services)
    page.tabs.setCurrentIndex(2)
    assert page.backups.rowCount() == 0
    assert str(services.backups.folder) in page.backup_folder.text()
    qtbot.mouseClick(page.backup_now_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.backups.rowCount() == 1)
    info = services.cell.get()
    info.place_name = "Hà Tĩnh"
    services.cell.update(info)
    assert not page.restore_button.isEnabled()
    page.backups.selectRow(0)
    assert page.restore_button.isEnabled()
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    question = boxes.texts("question")[0]
    assert "không bị xóa" in question
    with qtbot.waitSignal(page.last_task.finished, timeout=20000):  # restored off the UI thread
        pass
    assert services.cell.get().place_name == "Nghệ An"
    assert page.cell_edits["place_name"].text() == "Nghệ An"  # the page shows the restored data at once
    assert page.backups.rowCount() == 2  # the safety backup taken before restoring is listed


def test_language_switch_applies_at_once(qtbot, services, qapp):
    window = MainWindow(services)
    qtbot.addWidget(window)
    page = window.show_page("SettingsPage")
    page.tabs.setCurrentIndex(3)
    page.language.setCurrentIndex(page.language.findData("en"))
    assert services.ctx.get_setting("language") == "en"
    qtbot.waitUntil(lambda: page.tabs.tabText(0) == "The cell")
    assert [window.nav.item(i).text() for i in range(window.nav.count())][-1] == "Settings"
    members = window.pages["MembersPage"]
    assert members.add_action.text() == "Add"
    assert members.filter.itemText(2) == "Exempt"
    page.language.setCurrentIndex(page.language.findData("vi"))
    qtbot.waitUntil(lambda: page.tabs.tabText(0) == "Chi bộ")
    assert members.model.headerData(1, Qt.Orientation.Horizontal) == "Họ và tên"


def test_its_own_save_reloads_once_and_a_change_from_elsewhere_waits_until_shown(qtbot, services, monkeypatch):
    page = _page(qtbot, services)
    page.show()
    loads = []
    real = page.load_cell
    monkeypatch.setattr(page, "load_cell", lambda: loads.append(1) or real())
    retype(page.cell_edits["place_name"], "Hà Tĩnh")
    page.save_cell_button.click()
    assert loads == [1] and services.cell.get().place_name == "Hà Tĩnh"
    page.hide()
    info = services.cell.get()
    info.secretary_name = "Hồ Thị Lan"
    services.cell.update(info)  # e.g. from the command line or an undo: the hidden page only marks itself
    assert loads == [1]
    page.show()
    assert loads == [1, 1] and page.cell_edits["secretary_name"].text() == "Hồ Thị Lan"


def test_backup_times_are_vietnam_time_whatever_the_laptops_zone(qtbot, services, boxes, monkeypatch):
    """A laptop set to Paris time (UTC+1 in winter): a backup taken at 10:00 there is listed at 16:00."""
    import time

    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        services.backups.backup_now(now=dt.datetime(2026, 12, 3, 10, 0))
        page = _page(qtbot, services)
        page.tabs.setCurrentIndex(2)
        page.load_backups()
        assert page.backups.item(0, 0).text() == "03/12/2026 16:00"
        page.backups.selectRow(0)
        boxes.answer = QMessageBox.StandardButton.No
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
        assert "03/12/2026 16:00" in boxes.texts("question")[0]
    finally:
        monkeypatch.undo()
        time.tzset()
