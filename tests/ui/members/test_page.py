"""The member list: accent-insensitive search, the status filter, sorting, delete and undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from cellsec.services.members.service import MemberInput, StatusChange
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.app.main_window import MainWindow
from cellsec.ui.members.model import COLUMNS
from cellsec.ui.members.page import MembersPage

from ..conftest import retype, type_text

PEOPLE = [
    ("Nguyễn Văn Đức", "nam", dt.date(1980, 5, 4), 1),
    ("Trần Thị Hồng", "nu", dt.date(1985, 7, 9), 2),
    ("Lê Văn An", "nam", dt.date(1990, 1, 2), 3),
    ("Nguyễn Văn Dũng", "nam", dt.date(1975, 3, 3), 4),
]


@pytest.fixture
def people(services):
    ids = {}
    for name, gender, born, list_no in PEOPLE:
        record = services.members.add(MemberInput(
            full_name=name, gender=gender, date_of_birth=born, list_no=list_no,
            admitted_on=dt.date(born.year + 25, 6, 1), official_on=dt.date(born.year + 26, 6, 1), status="chinh_thuc"))
        ids[name] = record.id
    services.members.change_status(ids["Lê Văn An"], StatusChange("exempt", dt.date(2025, 1, 1), None,
                                                                 "Ốm dài ngày", "NQ 01"))
    return ids


def _names(page):
    return [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]


def _page(qtbot, services):
    page = MembersPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()
    return page


def test_list_shows_members_with_the_expected_columns(qtbot, services, people):
    page = _page(qtbot, services)
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers == ["SĐV", "Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Ngày chính thức", "Số thẻ",
                       "Trạng thái", "Sinh hoạt", "Chức vụ", "Điện thoại"]
    assert _names(page) == ["Nguyễn Văn Đức", "Trần Thị Hồng", "Lê Văn An", "Nguyễn Văn Dũng"]
    row = [page.model.data(page.model.index(2, c)) for c in range(page.model.columnCount())]
    assert row[:9] == ["3", "Lê Văn An", "02/01/1990", "Nam", "01/06/2015", "01/06/2016", "", "Chính thức",
                       "Miễn sinh hoạt"]
    assert page.count_label.text() == "4 đảng viên"
    assert page.add_action.text() == "Thêm" and page.add_action.shortcut() == QKeySequence("Ctrl+N")


def test_search_without_accents_finds_the_member(qtbot, services, people):
    page = _page(qtbot, services)
    page.search.setFocus()
    type_text(page.search, "nguyen van duc")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert _names(page) == ["Nguyễn Văn Đức"]
    assert page.count_label.text() == "1 / 4 đảng viên"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)


def test_ctrl_f_focuses_the_search_box(qtbot, services, people):
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    page = window.show_page("MembersPage")
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()


def test_status_filter(qtbot, services, people):
    page = _page(qtbot, services)
    labels = [page.filter.itemText(i) for i in range(page.filter.count())]
    assert labels == ["Tất cả", "Đang sinh hoạt", "Miễn sinh hoạt", "Sinh hoạt tạm thời", "Đã chuyển đi",
                      "Đã xóa tên", "Từ trần", "Dự bị"]
    page.filter.setCurrentIndex(labels.index("Miễn sinh hoạt"))
    assert _names(page) == ["Lê Văn An"]
    page.filter.setCurrentIndex(labels.index("Đang sinh hoạt"))
    assert "Lê Văn An" not in _names(page) and len(_names(page)) == 3
    page.filter.setCurrentIndex(labels.index("Dự bị"))
    assert _names(page) == []
    assert page.empty_label.text() == "Không có đảng viên nào khớp với từ tìm kiếm hoặc bộ lọc."


def test_clicking_a_header_sorts(qtbot, services, people):
    page = _page(qtbot, services)
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().center().__class__(header.sectionViewportPosition(2) + 5, 5))
    assert page.model.query.sort == "date_of_birth"
    assert _names(page)[0] == "Nguyễn Văn Dũng"  # born 1975
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # Vietnamese order: by given name first
    assert _names(page) == ["Lê Văn An", "Nguyễn Văn Dũng", "Nguyễn Văn Đức", "Trần Thị Hồng"]


def test_delete_then_undo_restores_the_row(qtbot, services, people, boxes):
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()  # pages refresh while visible
    page = window.show_page("MembersPage")
    assert page.select(people["Trần Thị Hồng"])
    page.delete_action.trigger()
    kind, _title, text = boxes.shown[0]
    assert kind == "question" and "Xóa đồng chí Trần Thị Hồng khỏi danh sách đảng viên?" in text
    assert "Trần Thị Hồng" not in _names(page)
    assert window.undo_action.text() == "&Hoàn tác: Xóa đảng viên Trần Thị Hồng"
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    window.undo_action.trigger()
    assert "Trần Thị Hồng" in _names(page)


def test_delete_is_not_done_when_the_user_says_no(qtbot, services, people, boxes):
    from PySide6.QtWidgets import QMessageBox

    boxes.answer = QMessageBox.StandardButton.No
    page = _page(qtbot, services)
    page.select(people["Lê Văn An"])
    page.delete_member()
    assert "Lê Văn An" in _names(page)


def test_empty_list_explains_how_to_start(qtbot, services):
    page = _page(qtbot, services)
    assert page.model.rowCount() == 0
    assert "Nhập từ tệp" in page.empty_label.text()
    assert not page.edit_action.isEnabled() and not page.print_action.isEnabled()


def test_model_fetches_rows_in_batches(qtbot, services, people, monkeypatch):
    page = _page(qtbot, services)
    calls = []
    original = services.members.rows
    monkeypatch.setattr(services.members, "rows", lambda ids: calls.append(list(ids)) or original(ids))
    page.model.reload()
    for r in range(page.model.rowCount()):
        page.model.data(page.model.index(r, 1))
    assert len(calls) == 1 and len(calls[0]) == 4  # one batch for all visible rows, then the cache


def test_print_previews_the_register_as_of_the_day_asked(qtbot, services, people, monkeypatch):
    from pypdf import PdfReader

    from cellsec.ui.members.register_dialog import RegisterDialog

    def answer(dialog):  # the secretary asks for the list of 01/03/2024 under number 7
        retype(dialog.date, "01/03/2024")
        dialog.number.setValue(7)
        dialog.accept()
        dialog.accept()  # 01-06 left unused, confirmed
        return dialog.result()

    monkeypatch.setattr(RegisterDialog, "exec", answer)
    page = _page(qtbot, services)
    page.print_action.trigger()
    with qtbot.waitSignal(page.last_task.finished, timeout=20000):
        pass
    qtbot.addWidget(page.last_preview)
    text = " ".join(PdfReader(page.last_preview.pdf_path).pages[0].extract_text().split())
    assert "DANH SÁCH ĐẢNG VIÊN" in text.upper() and "Nguyễn Văn Đức" in text
    assert "ngày 01 tháng 3 năm 2024" in text and "Số 07-DS/" in text and "Tính đến ngày 01/03/2024" in text
    assert page.last_preview.job.stem == "danh-sach-dang-vien-so-07-2024-03-01"
    again = RegisterDialog(services, dt.date(2024, 3, 1))  # the same list again keeps its number
    assert again.number.value() == 7 and "in lại" in again.message.text()
    assert RegisterDialog(services, dt.date(2024, 6, 1)).number.value() == 8  # another day's list: the next


def test_the_register_dialog_refuses_a_wrong_date(qtbot, services):
    from cellsec.ui.members.register_dialog import RegisterDialog

    dialog = RegisterDialog(services, dt.date(2026, 1, 1))
    qtbot.addWidget(dialog)
    retype(dialog.date, "31/02/2026")
    dialog.accept()
    assert dialog.result() != RegisterDialog.DialogCode.Accepted and dialog.message.text()


def test_export_writes_the_list_as_shown(qtbot, services, people, boxes, monkeypatch, tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    target = tmp_path / "ds.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    boxes.answer = QMessageBox.StandardButton.No  # do not open it
    page = _page(qtbot, services)
    page.filter.setCurrentIndex(page.filter.findData("exempt"))
    page.export_action.trigger()
    with qtbot.waitSignal(page.last_task.finished, timeout=20000):
        pass
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][0] == "Họ và tên"
    assert [r[0] for r in rows[1:]] == ["Lê Văn An"]


def test_its_own_delete_reloads_the_list_once_and_a_hidden_page_waits(qtbot, services, people, boxes, monkeypatch):
    from cellsec.ui.common.bridge import ChangeNotifier

    page = MembersPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()
    calls = []
    real = page.model.set_query
    monkeypatch.setattr(page.model, "set_query", lambda query: calls.append(query) or real(query))
    assert page.select(people["Trần Thị Hồng"])
    page.delete_action.trigger()
    assert len(calls) == 1 and "Trần Thị Hồng" not in _names(page)
    page.hide()
    services.undo_last()  # a change from elsewhere while hidden: nothing reloads yet
    assert len(calls) == 1
    page.show()
    assert len(calls) == 2 and "Trần Thị Hồng" in _names(page)


def test_transfer_paper_of_a_member_who_moved(qtbot, services, people, boxes):
    from pypdf import PdfReader

    page = _page(qtbot, services)
    page.select(people["Nguyễn Văn Đức"])
    page.transfer_action.trigger()  # not transferred: said why, nothing printed
    assert "không ở tình trạng chuyển sinh hoạt đi" in boxes.texts("information")[-1]
    services.members.change_status(people["Nguyễn Văn Đức"], StatusChange(
        "transferred_out", dt.date(2026, 3, 2), None, "Chuyển công tác", "Giấy giới thiệu số 04",
        "Chi bộ Phòng 2, Đảng bộ Sở Tư pháp"), today=dt.date(2026, 3, 2))
    assert page.select(people["Nguyễn Văn Đức"])  # still listed (all statuses), now as transferred
    page.transfer_action.trigger()
    with qtbot.waitSignal(page.last_task.finished, timeout=20000):
        pass
    qtbot.addWidget(page.last_preview)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(page.last_preview.pdf_path).pages).split())
    assert "GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG" in text and "Chi bộ Phòng 2, Đảng bộ Sở Tư pháp" in text
    assert "ngày 02 tháng 3 năm 2026" in text and "PHIẾU BÁO ĐÃ NHẬN SINH HOẠT ĐẢNG" in text


def test_resolution_on_an_exempt_member(qtbot, services, people, boxes, monkeypatch):
    from pypdf import PdfReader

    from cellsec.ui.common.preview import NumberDialog

    page = _page(qtbot, services)
    page.select(people["Nguyễn Văn Đức"])
    page.lifecycle_action.trigger()  # an official, active member: no such paper, said why
    assert "không có văn bản nào để in" in boxes.texts("information")[-1]

    def answer(dialog):
        dialog.number.setValue(3)
        dialog.accept()
        dialog.accept()  # 01 and 02 left unused, confirmed
        return dialog.result()

    monkeypatch.setattr(NumberDialog, "exec", answer)
    page.select(people["Lê Văn An"])  # exempt since 01/01/2025
    page.lifecycle_action.trigger()
    with qtbot.waitSignal(page.last_task.finished, timeout=20000):
        pass
    qtbot.addWidget(page.last_preview)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(page.last_preview.pdf_path).pages).split())
    assert "miễn công tác và sinh hoạt đảng đối với đồng chí Lê Văn An" in text and "Số 03-NQ/" in text
    assert "ngày 01 tháng 01 năm 2025" in text  # dated by the exemption, not the day it is printed


@pytest.fixture
def long_page(qtbot, services, people, monkeypatch):
    """The page over a list treated as long (as 100,000 members are): its queries run on a worker."""
    from cellsec.ui.members import model as model_module

    monkeypatch.setattr(model_module, "BACKGROUND_ROWS", 2)  # the threshold of a long list, made small
    services.members.query_ids()  # the list index read once, as after the page first showed the list
    page = _page(qtbot, services)
    qtbot.waitUntil(lambda: page.model.loading is None and page.model.rowCount() == 4, timeout=10_000)
    return page


def test_typing_while_a_slow_search_runs_keeps_the_window_answering_and_shows_the_last_text(
        qtbot, services, long_page, monkeypatch):
    import threading

    from PySide6.QtCore import QTimer

    page, release, waited = long_page, threading.Event(), []
    real = services.members.listing

    def listing(query):
        if query.text == "nguyen":  # the first search is slow: it waits until the test lets it go
            waited.append(release.wait(10))
        return real(query)

    monkeypatch.setattr(services.members, "listing", listing)
    shown = []
    page.model.shown.connect(lambda: shown.append(_names(page)))
    page.search.setFocus()
    type_text(page.search, "nguyen")
    page.refresh()  # the pause after typing has passed: the search starts
    assert page.model.loading is not None  # on a worker, not on the window's thread
    answered = []
    QTimer.singleShot(0, lambda: answered.append(True))
    type_text(page.search, " van dung")  # the user types on while the slow search runs
    qtbot.waitUntil(lambda: bool(answered), timeout=5_000)  # the window answers meanwhile
    assert page.search.text() == "nguyen van dung" and not release.is_set()
    page.refresh()
    release.set()
    qtbot.waitUntil(lambda: page.model.loading is None, timeout=10_000)
    assert waited == [True]  # the slow search was let go by the test, so the window never waited for it
    assert _names(page) == ["Nguyễn Văn Dũng"]
    assert shown == [["Nguyễn Văn Dũng"]]  # the older search's two rows never replaced the newer answer
    assert page.count_label.text() == "1 / 4 đảng viên"


def test_a_long_list_shows_an_edit_and_sorts_on_a_header_click(qtbot, services, people, long_page):
    from dataclasses import replace

    page = long_page
    record = services.members.get(people["Trần Thị Hồng"])
    with page.notifier.action(None):  # an edit from another window
        services.members.update(record.id, replace(record.as_input(), phone="0987654321", list_no=9))
    qtbot.waitUntil(lambda: page.model.loading is None, timeout=10_000)
    phone = [field for field, _key in COLUMNS].index("phone")
    assert page.model.data(page.model.index(page.model.row_of(record.id), phone)) == "0987654321"
    assert _names(page)[-1] == "Trần Thị Hồng"  # list number 9 now: last
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # date of birth
    qtbot.waitUntil(lambda: page.model.loading is None, timeout=10_000)
    assert _names(page) == ["Nguyễn Văn Dũng", "Nguyễn Văn Đức", "Trần Thị Hồng", "Lê Văn An"]
    assert page.table.horizontalHeader().sortIndicatorSection() == 2


def test_list_numbers_of_five_digits_are_not_cut(qtbot, services, people):
    page = _page(qtbot, services)
    narrow = page.table.columnWidth(0)
    services.members.add(MemberInput(full_name="Phạm Văn Mười", gender="nam", date_of_birth=dt.date(1985, 2, 3),
                                     list_no=99999, admitted_on=dt.date(2010, 1, 1), official_on=dt.date(2011, 1, 1),
                                     status="chinh_thuc"))
    page.refresh()
    qtbot.waitUntil(lambda: "99999" in [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())])
    # Qt's own measure of the room the shown numbers need, margins included (less, and they end in "…")
    assert page.table.columnWidth(0) >= page.table.sizeHintForColumn(0) > narrow
