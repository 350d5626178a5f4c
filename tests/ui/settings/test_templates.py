"""Cài đặt → Mẫu văn bản: the secretary corrects a caption of the dues book in the table, saves, and the
printed PDF carries it; an edit that could not print is refused on its line; the shipped wording comes back."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from cellsec.reports.dues import write_dues_sheet
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.settings.page import SettingsPage
from tests.reports.pdfcheck import pages_text

from ..conftest import type_text


def _tab(qtbot, services):
    page = SettingsPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.templates)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Lời văn mẫu giấy tờ"
    tab = page.templates
    tab.choice.setCurrentIndex(tab.choice.findData("dues_papers"))
    return tab


def _edit(qtbot, tab, path: str, text: str) -> int:
    row = next(r for r in range(tab.table.rowCount()) if tab.table.item(r, 2).data(Qt.ItemDataRole.UserRole) == path)
    tab.table.setCurrentCell(row, 2)
    tab.table.editItem(tab.table.item(row, 2))
    editor = tab.table.viewport().findChild(QLineEdit)
    editor.selectAll()
    type_text(editor, text)  # and the secretary clicks "Lưu lời văn" with the cell still open
    return row


def test_a_corrected_caption_is_printed(qtbot, demo_services, tmp_path, boxes):
    tab = _tab(qtbot, demo_services)
    row = _edit(qtbot, tab, "sheet.title", "SỔ GHI THU ĐẢNG PHÍ")
    assert tab.table.item(row, 1).text() == "SỔ THU ĐẢNG PHÍ"  # the shipped text stays beside it
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == "Đã lưu."
    assert tab.table.item(row, 2).font().bold()  # an edited text stands out
    pdf = write_dues_sheet(demo_services, "2026-10", tmp_path / "so.pdf", today=dt.date(2026, 11, 22))
    assert "SỔ GHI THU ĐẢNG PHÍ" in " ".join(pages_text(pdf))

    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert tab.table.item(row, 2).text() == "SỔ THU ĐẢNG PHÍ"
    assert "SỔ THU ĐẢNG PHÍ" in " ".join(pages_text(write_dues_sheet(demo_services, "2026-10", tmp_path / "b.pdf",
                                                                     today=dt.date(2026, 11, 22))))


def test_a_text_that_could_not_print_is_refused_on_its_line(qtbot, services):
    tab = _tab(qtbot, services)
    row = _edit(qtbot, tab, "sheet.subtitle", "Tháng {thang}")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.status.text().startswith(f"Chưa lưu. Dòng {row + 1}: Không có chỗ điền {{thang}}")
    assert tab.table.currentRow() == row
    assert services.templates.edits("dues_papers") == {}
    tab.load()  # coming back to the tab keeps what was typed and not saved
    assert tab.table.item(row, 2).text() == "Tháng {thang}"
