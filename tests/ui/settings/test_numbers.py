"""Cài đặt → Số văn bản: the numbers given in a year, the minutes' and meeting resolutions' among them, and
the numbers left unused."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.settings.page import SettingsPage
from tests.reports.pdfcheck import pages_text


def test_the_register_of_a_year(qtbot, demo_services):
    svc = demo_services
    svc.numbers.take("monthly_report", 2026, 3, subject="2026-10", title="Báo cáo tháng 10/2026",
                     issued_on=dt.date(2026, 10, 31), allow_gap=True)
    page = SettingsPage(svc, ChangeNotifier(svc))
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.numbers)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Số văn bản"
    tab = page.numbers
    tab.year.setValue(2026)
    rows = [[tab.table.item(r, c).text() for c in range(4)] for r in range(tab.table.rowCount())]
    assert ["Số 03-BC/CB", "Báo cáo tháng", "31/10/2026", "Báo cáo tháng 10/2026"] in rows
    assert any(row[0] == "Số 01-BB/CB" and row[1] == "Biên bản" for row in rows)  # approved minutes count too
    assert "BC: số 01, số 02" in tab.unused.text()
    tab.year.setValue(2001)
    assert tab.table.rowCount() == 0 and tab.unused.text() == "Năm này chưa cấp số văn bản nào."


def test_a_document_renumbered_by_sync_opens_in_the_preview_to_be_reprinted(qtbot, services):
    from tests.services.documents.test_numbers import renumber_mine

    page = SettingsPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.numbers)
    tab = page.numbers
    assert tab.renumbered_table.isHidden() and tab.reprint_button.isHidden()  # nothing renumbered yet
    meeting_id = renumber_mine(services)
    tab.load()
    assert not tab.renumbered_table.isHidden()
    assert "Print these again with their new number" not in tab.renumbered_label.text()  # Vietnamese
    assert [tab.renumbered_table.item(0, c).text() for c in (0, 2)] == [
        "Số 02-BB/CB", "Biên bản sinh hoạt chi bộ ngày 05/09/2025"]
    assert not tab.reprint_button.isEnabled()
    tab.renumbered_table.selectRow(0)
    qtbot.mouseClick(tab.reprint_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(tab.output.last_task.finished, timeout=30000):
        pass
    preview = tab.output.last_preview
    qtbot.addWidget(preview)
    text = " ".join(" ".join(pages_text(preview.pdf_path)).split())
    assert "Số 02-BB/CB" in text and "Số 01-BB/CB" not in text
    assert preview.job.stem == "bien-ban-so-02-bb-cb-2025-09-05"  # the reprint's file bears the new number


def test_a_renumbered_report_says_where_to_print_it_again(qtbot, services, boxes):
    from tests.services.documents.test_numbers import settle_their_number

    services.numbers.take("monthly_report", 2026, 1, subject="2026-10", title="Báo cáo tháng 10/2026",
                          issued_on=dt.date(2026, 10, 31))
    settle_their_number(services)  # the other laptop gave Số 01-BC/CB first
    page = SettingsPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.numbers)
    tab = page.numbers
    assert tab.renumbered_table.item(0, 0).text() == "Số 02-BC/CB"
    tab.renumbered_table.selectRow(0)
    qtbot.mouseClick(tab.reprint_button, Qt.MouseButton.LeftButton)
    assert boxes.texts("information")[-1] == ("In lại \"Báo cáo tháng 10/2026\" ở nơi đã in nó: hộp số văn bản đề "
                                              "xuất sẵn số mới, Số 02-BC/CB.")
