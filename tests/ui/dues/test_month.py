"""Thu đảng phí tháng: recording a month of dues through the real widgets, one undo step, printing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QMessageBox

from cellsec.ui.dues.sheet import COLUMNS
from cellsec.ui.app.main_window import MainWindow

from ..conftest import retype
from ..dues_people import TODAY, add_people, dues_page


@pytest.fixture
def people(services):
    return add_people(services)


def _cell(tab, name: str, column: str):
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 1)) == name)
    return model.index(row, COLUMNS.index(column))


def _text(tab, name: str, column: str) -> str:
    return tab.model.data(_cell(tab, name, column))


def _type_into_cell(qtbot, tab, name: str, column: str, text: str) -> None:
    """Open the cell's editor as a double-click would, type over it and press Enter."""
    index = _cell(tab, name, column)
    tab.table.setCurrentIndex(index)
    tab.table.edit(index)
    editors = [e for e in tab.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    retype(editors[0], text)
    qtbot.keyClick(editors[0], Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on a queued call
    assert tab.table.state() != QAbstractItemView.State.EditingState  # committed and closed


def _choose_month(qtbot, tab, text: str) -> None:
    retype(tab.month_edit, text)
    qtbot.keyClick(tab.month_edit, Qt.Key.Key_Return)


def test_record_a_month_through_the_widgets(qtbot, services, people):
    page = dues_page(qtbot, services)
    tab = page.month_tab
    assert page.page_title() == "Đảng phí"
    assert page.tabs.tabText(0) == "Thu đảng phí tháng"
    assert tab.month_edit.text() == "11/2026"
    qtbot.mouseClick(tab.prev_button, Qt.MouseButton.LeftButton)  # the meeting of October
    assert tab.month_edit.text() == "10/2026"
    assert tab.collected_on.text() == "31/10/2026"
    assert tab.collector.text() == "Nguyễn Văn Đức"  # the secretary, until someone else is named
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert headers == ["SĐV", "Họ và tên", "Đối tượng", "Căn cứ tính", "Phải đóng", "Đóng đủ", "Đã đóng",
                       "Ngày nộp", "Người thu", "Lý do chưa đóng", "Tình trạng"]
    assert _text(tab, "Nguyễn Văn An", "due") == "65.000 đ"
    assert _text(tab, "Lê Văn Cường", "basis") == "Cố định"
    assert not tab.save_button.isEnabled()

    # This month's salary basis: the amount due follows at once (1 % of 7.250.000, rounded to 1.000).
    _type_into_cell(qtbot, tab, "Nguyễn Văn An", "basis", "7250000")
    assert _text(tab, "Nguyễn Văn An", "basis") == "7.250.000 đ"
    assert _text(tab, "Nguyễn Văn An", "due") == "73.000 đ"
    assert _text(tab, "Nguyễn Văn An", "state") == "Chưa đóng"
    # Paid in full: a click on the tick cell.
    tick = _cell(tab, "Nguyễn Văn An", "full")
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=tab.table.visualRect(tick).center())
    assert _text(tab, "Nguyễn Văn An", "paid") == "73.000 đ"
    assert _text(tab, "Nguyễn Văn An", "paid_on") == "31/10/2026"
    assert _text(tab, "Nguyễn Văn An", "collector") == "Nguyễn Văn Đức"
    # Space on the tick cell of the pensioner.
    tab.table.setCurrentIndex(_cell(tab, "Trần Thị Bình", "full"))
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    assert _text(tab, "Trần Thị Bình", "paid") == "29.000 đ"
    # An amount typed with dots.
    _type_into_cell(qtbot, tab, "Lê Văn Cường", "paid", "10.000")
    assert _text(tab, "Lê Văn Cường", "state") == "Đã đóng"
    assert tab.model.data(_cell(tab, "Lê Văn Cường", "full"), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # Phạm Thị Dung does not pay.
    assert _text(tab, "Phạm Thị Dung", "state") == "Chưa đóng"
    assert "Phải thu: <b>172.000 đ</b>" in tab.totals.text()
    assert "Đã thu: <b>112.000 đ</b> (3/4 đảng viên đã đóng đủ)" in tab.totals.text()
    assert "Chi bộ giữ lại (30%): <b>33.600 đ</b>" in tab.totals.text()
    assert "Nộp cấp trên: <b>78.400 đ</b>" in tab.totals.text()
    assert tab.message.text() == "Đã sửa 3 dòng, chưa lưu (bấm Ctrl+S để lưu sổ thu tháng)."
    assert tab.save_shortcut.key() == QKeySequence("Ctrl+S")

    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert not tab.save_button.isEnabled() and not tab.message.isVisible()
    assert services.last_undoable()[1] == "Ghi thu đảng phí tháng 10/2026 (3 đảng viên)"
    lines = {line.full_name: line for line in services.dues.sheet(dt.date(2026, 10, 1), today=dt.date(2026, 11, 22)).lines}
    an = lines["Nguyễn Văn An"]
    assert (an.basis, an.amount_due, an.amount_paid, an.paid_on, an.collector, an.state) == \
        (7_250_000, 73_000, 73_000, dt.date(2026, 10, 31), "Nguyễn Văn Đức", "paid")
    assert lines["Trần Thị Bình"].amount_paid == 29_000 and lines["Lê Văn Cường"].amount_paid == 10_000
    assert lines["Phạm Thị Dung"].state == "unpaid" and not lines["Phạm Thị Dung"].recorded
    # The basis entered for the newest month carries forward: to the member's record and so to next month.
    assert services.members.get(people["Nguyễn Văn An"]).dues_basis == 7_250_000
    november = {line.full_name: line for line in services.dues.sheet(dt.date(2026, 11, 1)).lines}
    assert november["Nguyễn Văn An"].basis == 7_250_000

    # Reopen the page: what was saved is what is shown.
    again = dues_page(qtbot, services)
    _choose_month(qtbot, again.month_tab, "10/2026")
    tab2 = again.month_tab
    assert [_text(tab2, name, "paid") for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung")] \
        == ["73.000 đ", "29.000 đ", "10.000 đ", ""]
    assert _text(tab2, "Nguyễn Văn An", "basis") == "7.250.000 đ"
    assert [_text(tab2, name, "state") for name in ("Nguyễn Văn An", "Phạm Thị Dung")] == ["Đã đóng", "Chưa đóng"]
    assert tab2.collected_on.text() == "31/10/2026"


def test_mark_everyone_paid_is_one_undo_step_in_the_main_window(qtbot, services, people, boxes):
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("DuesPage")
    labels = [window.nav.item(r).text() for r in range(window.nav.count())]
    assert labels[-1] == "Cài đặt" and labels.index("Đảng phí") > labels.index("Chấm điểm 5 tốt")
    tab = page.month_tab
    _choose_month(qtbot, tab, "01/2026")
    _type_into_cell(qtbot, tab, "Nguyễn Văn An", "basis", "7.250.000")
    _type_into_cell(qtbot, tab, "Phạm Thị Dung", "reason", "Điều trị dài ngày")
    qtbot.mouseClick(tab.mark_all_button, Qt.MouseButton.LeftButton)
    assert [_text(tab, n, "state") for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung")] == \
        ["Đã đóng", "Đã đóng", "Đã đóng", "Có lý do"]  # a member with a reason is left out
    window.activateWindow()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves the month
    assert not tab.model.is_dirty()
    sheet = services.dues.sheet("2026-01", today=dt.date(2026, 11, 22))
    assert [line.state for line in sheet.lines] == ["paid", "paid", "paid", "excused"]
    assert window.undo_action.text() == "&Hoàn tác: Ghi thu đảng phí tháng 01/2026 (4 đảng viên)"

    window.undo_action.trigger()
    # One step takes the whole month back, and the page shows it at once.
    assert not any(line.recorded for line in services.dues.sheet("2026-01").lines)
    assert [_text(tab, n, "state") for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung")] == \
        ["Chưa đóng"] * 4
    assert _text(tab, "Nguyễn Văn An", "due") == "65.000 đ"  # the basis typed for the month is gone too
    assert window.undo_action.text().startswith("&Hoàn tác: Thêm đảng viên")


def test_leaving_a_month_with_unsaved_changes_asks_first(qtbot, services, people, boxes):
    page = dues_page(qtbot, services)
    tab = page.month_tab
    _type_into_cell(qtbot, tab, "Lê Văn Cường", "paid", "10000")
    boxes.answer = QMessageBox.StandardButton.Cancel
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert "Sổ thu tháng 11/2026 có thay đổi chưa lưu" in boxes.texts("question")[-1]
    assert tab.month_edit.text() == "11/2026" and _text(tab, "Lê Văn Cường", "paid") == "10.000 đ"
    boxes.answer = QMessageBox.StandardButton.No  # discard
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert tab.month_edit.text() == "12/2026"
    assert not services.dues.sheet("2026-11").lines[2].recorded
    _type_into_cell(qtbot, tab, "Lê Văn Cường", "paid", "10000")
    boxes.answer = QMessageBox.StandardButton.Yes  # save, then move on
    qtbot.mouseClick(tab.prev_button, Qt.MouseButton.LeftButton)
    assert tab.month_edit.text() == "11/2026"
    assert services.dues.sheet("2026-12").lines[2].amount_paid == 10_000


def test_refused_values_say_why_and_keep_the_line(qtbot, services, people):
    page = dues_page(qtbot, services)
    tab = page.month_tab
    _type_into_cell(qtbot, tab, "Lê Văn Cường", "paid", "10000")
    _type_into_cell(qtbot, tab, "Lê Văn Cường", "paid_on", "30/11/2026")
    assert tab.message.kind == "error"
    assert tab.message.text() == "Ngày nộp 30/11/2026 ở tương lai."
    assert _text(tab, "Lê Văn Cường", "paid_on") == "22/11/2026"  # the collection day stays
    _type_into_cell(qtbot, tab, "Lê Văn Cường", "paid_on", "20/11/2026")
    assert _text(tab, "Lê Văn Cường", "paid_on") == "20/11/2026"
    assert tab.message.kind == "warning"  # back to "not saved yet"
    retype(tab.collected_on, "40/11/2026")
    assert tab.date_message.kind == "error" and not tab.save_button.isEnabled()
    retype(tab.collected_on, "21/11/2026")
    assert tab.date_message.kind == "" and tab.save_button.isEnabled()
    # A month typed wrongly is refused with the reason; the month shown stays.
    _choose_month(qtbot, tab, "13/2026")
    assert tab.month_edit.text() == "11/2026"
    assert "không hợp lệ" in tab.message.text()


def test_print_the_collection_book(qtbot, services, people, boxes, monkeypatch, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "so-thu"
    asked = []

    def save_name(_parent, title, suggested, _filter):
        asked.append((title, suggested))
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    page = dues_page(qtbot, services)
    tab = page.month_tab
    qtbot.mouseClick(tab.mark_all_button, Qt.MouseButton.LeftButton)
    tick = _cell(tab, "Phạm Thị Dung", "full")
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=tab.table.visualRect(tick).center())
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)  # unsaved: "save first?" -> Yes
    assert "trước khi in" in boxes.texts("question")[0]
    with qtbot.waitSignal(tab.last_task.finished, timeout=20000):
        pass
    preview = tab.last_preview
    qtbot.addWidget(preview)
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)  # "Lưu PDF…" from the preview
    qtbot.waitUntil(lambda: preview.last_task.done, timeout=20000)  # the copy runs off the UI thread
    assert asked[0][0] == "Lưu thành PDF" and asked[0][1].endswith("so-thu-dang-phi-2026-11.pdf")
    pdf = target.with_suffix(".pdf")
    reader = PdfReader(pdf)
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "SỔ THU ĐẢNG PHÍ" in text and "Tháng 11 năm 2026" in text
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"):
        assert name in text
    assert "TỔNG HỢP THU, NỘP ĐẢNG PHÍ THÁNG 11/2026" in text
    for pdf_page in reader.pages:  # every font embedded (Vietnamese must print on any machine)
        for font in pdf_page["/Resources"]["/Font"].values():
            assert "/FontFile2" in font.get_object()["/FontDescriptor"].get_object()
    assert preview.status.text() == f"Đã lưu: {pdf}"
    assert services.dues.sheet("2026-11").lines[3].state == "unpaid"  # saved before printing


def test_closing_the_program_asks_about_an_unsaved_month(qtbot, services, people, boxes):
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    tab = window.show_page("DuesPage").month_tab
    _type_into_cell(qtbot, tab, "Lê Văn Cường", "paid", "10000")
    window.show_page("MembersPage")  # the typed month stays while another page is shown
    boxes.answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible() and window.stack.currentWidget() is window.pages["DuesPage"]
    assert "có thay đổi chưa lưu" in boxes.texts("question")[-1]
    assert _text(tab, "Lê Văn Cường", "paid") == "10.000 đ"
    boxes.answer = QMessageBox.StandardButton.Yes
    assert window.close()
    assert services.dues.sheet(tab.month).lines[2].amount_paid == 10_000  # saved on the way out


def test_typed_amounts_are_autosaved_and_discarding_drops_the_draft(qtbot, services, people):
    page = dues_page(qtbot, services)
    tab = page.month_tab
    key = f"{TODAY:%Y-%m}"
    with qtbot.waitSignal(tab.keeper.saved, timeout=5000):  # within about two seconds of typing
        _type_into_cell(qtbot, tab, "Nguyễn Văn An", "paid", "65000")
    draft = services.drafts.load("dues_month", key)
    assert draft.payload["rows"][people["Nguyễn Văn An"]]["amount_paid"] == 65_000
    qtbot.mouseClick(tab.discard_button, Qt.MouseButton.LeftButton)
    assert services.drafts.load("dues_month", key) is None and not tab.is_dirty()


def test_the_collection_day_shows_the_services_message(qtbot, services, people, monkeypatch):
    """The tab does not decide what a valid collection day is: it shows what the dues service says."""
    page = dues_page(qtbot, services)
    tab = page.month_tab
    monkeypatch.setattr(services.dues, "check_entry",
                        lambda entry, today=None: {"paid_on": "Ngày này không dùng được (lời của dịch vụ)."})
    retype(tab.collected_on, "21/11/2026")
    qtbot.keyClick(tab.collected_on, Qt.Key.Key_Tab)
    assert tab.date_message.text() == "Ngày này không dùng được (lời của dịch vụ)."


def test_every_column_heading_is_shown_whole_on_a_laptop(qtbot, services, people):
    """At the width a 1366×768 laptop leaves the page, "Lý do chưa đóng" was squeezed to "Lý / do / chưa"."""
    page = dues_page(qtbot, services)
    page.resize(1076, 665)
    tab = page.month_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    header = tab.table.horizontalHeader()
    for column in range(header.count()):
        heading = tab.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), heading
    # The reason (usually empty) comes last, so the state of each member stays in view.
    state = COLUMNS.index("state")
    assert header.visualIndex(COLUMNS.index("reason")) == header.count() - 1
    assert header.sectionViewportPosition(state) + header.sectionSize(state) <= tab.table.viewport().width()
