"""Theo dõi cả năm: the member × month grid, the removal-ground highlight and "paid through"."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from cellsec.services.dues.service import PaymentEntry
from cellsec.ui.dues.year import COUNT_COLUMN, FIRST_MONTH, NEAR_BACKGROUND, RISK_BACKGROUND, THROUGH_COLUMN

from ..dues_people import add_people, dues_page

TODAY = dt.date(2026, 4, 15)


@pytest.fixture
def ledger(services):
    """January to March recorded: Dung pays nothing (3 months), Cường misses February and March (2),
    Bình has a valid reason in March; in April only An and Dung have paid so far."""
    ids = add_people(services)
    due = {"Nguyễn Văn An": 65_000, "Trần Thị Bình": 29_000, "Lê Văn Cường": 10_000, "Phạm Thị Dung": 60_000}
    for month in (1, 2, 3):
        entries = []
        for name, member_id in ids.items():
            paid = due[name]
            reason = None
            if name == "Phạm Thị Dung" or (name == "Lê Văn Cường" and month > 1):
                paid = 0
            if name == "Trần Thị Bình" and month == 3:
                paid, reason = 0, "Nằm viện"
            entries.append(PaymentEntry(member_id, paid, excused_reason=reason))
        services.dues.record(dt.date(2026, month, 1), entries, paid_on=dt.date(2026, month, 10), today=TODAY)
    services.dues.record(dt.date(2026, 4, 1), [PaymentEntry(ids["Nguyễn Văn An"], 65_000),
                                              PaymentEntry(ids["Phạm Thị Dung"], 60_000)],
                         paid_on=dt.date(2026, 4, 10), today=TODAY)
    return ids


def _row(model, name: str) -> int:
    return next(r for r in range(model.rowCount()) if model.data(model.index(r, 1)) == name)


def _month(model, name: str, month: int, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(_row(model, name), FIRST_MONTH + month - 1), role)


def _background(model, name: str, column: int) -> str | None:
    brush = model.data(model.index(_row(model, name), column), Qt.ItemDataRole.BackgroundRole)
    return brush.color().name() if brush is not None else None


def test_year_grid_highlights_three_unpaid_months(qtbot, services, ledger):
    page = dues_page(qtbot, services, TODAY)
    page.tabs.setCurrentIndex(1)
    tab = page.year_tab
    model = tab.model
    assert page.tabs.tabText(1) == "Theo dõi cả năm"
    assert tab.year_box.value() == 2026
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["SĐV", "Họ và tên", "T1"] and headers[-2:] == ["Số tháng chưa đóng", "Đã đóng hết tháng"]

    # Three months unpaid without a reason: the removal ground, in red; two months: amber; none: plain.
    assert model.data(model.index(_row(model, "Phạm Thị Dung"), COUNT_COLUMN)) == "3"
    assert _background(model, "Phạm Thị Dung", COUNT_COLUMN) == QColor(RISK_BACKGROUND).name()
    assert _background(model, "Phạm Thị Dung", 1) == QColor(RISK_BACKGROUND).name()
    assert model.data(model.index(_row(model, "Lê Văn Cường"), COUNT_COLUMN)) == "2"
    assert _background(model, "Lê Văn Cường", COUNT_COLUMN) == QColor(NEAR_BACKGROUND).name()
    assert model.data(model.index(_row(model, "Trần Thị Bình"), COUNT_COLUMN)) == "0"  # March had a reason
    assert _background(model, "Trần Thị Bình", COUNT_COLUMN) is None
    assert "Phạm Thị Dung (3 tháng)" in tab.risk_label.text()
    assert "căn cứ xem xét xóa tên" in tab.risk_label.text()
    assert "Lê Văn Cường (2 tháng)" in tab.risk_label.text()
    assert "01/2026, 02/2026, 03/2026" in model.data(model.index(_row(model, "Phạm Thị Dung"), COUNT_COLUMN),
                                                    Qt.ItemDataRole.ToolTipRole)

    # Each month by its state; April is still being collected (not counted); May onwards is empty.
    assert [_month(model, "Phạm Thị Dung", m) for m in (1, 2, 3, 4, 5)] == ["✗", "✗", "✗", "✓", None]
    assert _month(model, "Trần Thị Bình", 3) == "○"
    assert _month(model, "Trần Thị Bình", 4) == "✗"
    assert "tháng đang thu, chưa tính" in _month(model, "Trần Thị Bình", 4, Qt.ItemDataRole.ToolTipRole)
    assert _month(model, "Nguyễn Văn An", 1, Qt.ItemDataRole.ToolTipRole) == "01/2026: Đã đóng"

    # "Đã đóng đảng phí hết tháng …" as a transfer paper needs it.
    through = {name: model.data(model.index(_row(model, name), THROUGH_COLUMN))
               for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung")}
    assert through == {"Nguyễn Văn An": "04/2026", "Trần Thị Bình": "02/2026", "Lê Văn Cường": "01/2026",
                       "Phạm Thị Dung": "—"}


def test_year_grid_follows_a_saved_month_and_opens_a_month(qtbot, services, ledger):
    page = dues_page(qtbot, services, TODAY)
    page.tabs.setCurrentIndex(1)
    tab = page.year_tab
    # Dung pays March after all (recorded from the collection tab of another window, say).
    services.dues.record(dt.date(2026, 3, 1), [PaymentEntry(ledger["Phạm Thị Dung"], 60_000)],
                         paid_on=dt.date(2026, 4, 12), today=TODAY)
    assert tab.model.data(tab.model.index(_row(tab.model, "Phạm Thị Dung"), COUNT_COLUMN)) == "2"
    assert _background(tab.model, "Phạm Thị Dung", COUNT_COLUMN) == QColor(NEAR_BACKGROUND).name()
    # Double-clicking February opens February's collection.
    index = tab.model.index(_row(tab.model, "Lê Văn Cường"), FIRST_MONTH + 1)
    where = tab.table.visualRect(index).center()
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert page.tabs.currentIndex() == 0
    assert page.month_tab.month_edit.text() == "02/2026"
    # Another year: nothing kept for 2025 in the program.
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(tab.prev_button, Qt.MouseButton.LeftButton)
    assert tab.year_box.value() == 2025
    assert tab.model.rowCount() == 0 and tab.empty_label.isVisible()


def test_the_selected_members_ledger_and_the_months_remittance_slip_preview(qtbot, services, ledger, boxes):
    from tests.reports.pdfcheck import pages_text

    page = dues_page(qtbot, services, TODAY)
    page.tabs.setCurrentIndex(1)
    tab = page.year_tab
    tab.ledger_button.click()  # nothing selected: said so, nothing opened
    assert boxes.texts("information")[-1] == "Hãy chọn một đảng viên trong bảng trước."
    tab.table.setCurrentIndex(tab.model.index(_row(tab.model, "Lê Văn Cường"), 1))
    tab.ledger_button.click()
    with qtbot.waitSignal(tab.last_task.finished, timeout=30000):
        pass
    qtbot.addWidget(tab.last_preview)
    text = " ".join(" ".join(pages_text(tab.last_preview.pdf_path)).split())
    assert "SỔ THEO DÕI ĐÓNG ĐẢNG PHÍ" in text and "Lê Văn Cường" in text and text.count("Chưa đóng") == 2

    month_tab = page.month_tab
    month_tab.slip_button.click()
    with qtbot.waitSignal(month_tab.last_task.finished, timeout=30000):
        pass
    qtbot.addWidget(month_tab.last_preview)
    text = " ".join(" ".join(pages_text(month_tab.last_preview.pdf_path)).split())
    assert "GIẤY NỘP ĐẢNG PHÍ" in text and "Số nộp lên cấp trên" in text
