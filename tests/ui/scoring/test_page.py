"""Chấm điểm 5 tốt: scoring a meeting and the cell's year through the real widgets, the charts and the
attention tabs, printing and exporting the report."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from cellsec.domain.rubrics import format_points
from cellsec.ui.members import dialog as member_dialog
from cellsec.ui.scoring import score_sheet
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.app.main_window import MainWindow
from cellsec.ui.scoring.page import TAB_ASSESSMENTS, TAB_ATTENTION, TAB_CHARTS, TAB_MEETINGS, ScoringPage
from tests.services.scoring_data import TODAY, add_members, meeting

from ..conftest import type_text


@pytest.fixture
def cell(services):
    """Six members; an approved regular meeting in April 2026, not scored yet."""
    ids = add_members(services)
    meeting(services, ids, dt.date(2026, 4, 5))
    return services, ids


def _page(qtbot, services) -> ScoringPage:
    page = ScoringPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.today = TODAY
    page.year.setValue(2026)
    page.resize(1080, 660)
    page.show()
    qtbot.waitExposed(page)
    return page


def _cell_text(table, row: int, column: int) -> str:
    return table.model().index(row, column).data()


def _show(qtbot, dialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitActive(dialog)


def _type_points(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)


def test_score_a_meeting(qtbot, cell, monkeypatch):
    services, _ids = cell
    page = _page(qtbot, services)
    assert page.page_title() == "Chấm điểm 5 tốt"
    assert page.tabs.tabText(0) == "Chất lượng sinh hoạt"
    table = page.meetings_table
    assert table.model().rowCount() == 1
    assert _cell_text(table, 0, 2) == "Sinh hoạt chi bộ thường kỳ tháng 4 năm 2026"
    assert _cell_text(table, 0, 4) == "chưa chấm"
    assert "đã chấm điểm 0 buổi" in page.meetings_summary.text()
    assert page.selected_meeting() is not None  # the meeting not scored yet is selected for the user

    seen = {}

    def drive(dialog):
        _show(qtbot, dialog)
        rows = dialog.rows
        # Automatic criteria are pre-filled from the minutes and marked as such.
        assert rows["1.1"].points.text() == "15" and rows["1.1"].badge.text() == "tự động"
        assert rows["1.1"].auto_label.text() == "Tỷ lệ đảng viên dự họp (%): 100% → 15 điểm"
        assert rows["2.1"].points.points() == 12 and rows["3.5"].points.points() == 8
        assert rows["2.2"].points.text() == "—" and rows["2.2"].badge.text() == ""
        assert dialog.total.text() == "52 / 100" and dialog.band.text() == "Xếp loại: chưa chấm xong"
        assert dialog.missing.text() == "Còn 6 tiêu chí chưa chấm (đang tính 0 điểm)."

        # A number above the criterion's maximum is shown with its message and blocks saving.
        _type_points(qtbot, rows["2.2"].points, "12")
        assert rows["2.2"].message.isVisible() and rows["2.2"].message.text() == "Điểm phải từ 0 đến 8."
        assert not dialog.save_button.isEnabled()
        _type_points(qtbot, rows["2.2"].points, "8")
        assert not rows["2.2"].message.isVisible()
        assert dialog.total.text() == "60 / 100" and dialog.band.text() == "Xếp loại: chưa chấm xong"
        for cid, points in (("3.1", "7"), ("3.3", "5"), ("3.4", "7"), ("4.1", "9"), ("5.2", "10")):
            _type_points(qtbot, rows[cid].points, points)
        assert dialog.total.text() == "98 / 100" and dialog.band.text() == "Xếp loại: Tốt"
        assert dialog.missing.text() == "Đã chấm đủ các tiêu chí."
        assert dialog.group_totals["3"].text() == "34/35"

        # Overriding an automatic value needs the reason in the note.
        _type_points(qtbot, rows["1.1"].points, "12")
        assert rows["1.1"].badge.text() == "đã sửa"
        assert rows["1.1"].message.text() == "Điểm tự động là 15: hãy ghi lý do sửa điểm vào ô ghi chú."
        assert not dialog.save_button.isEnabled()
        rows["1.1"].note.setFocus()
        type_text(rows["1.1"].note, "Một đồng chí đến muộn")
        assert not rows["1.1"].message.isVisible() and dialog.save_button.isEnabled()
        assert dialog.total.text() == "95 / 100"

        qtbot.waitUntil(rows["1.1"].note.hasFocus)
        qtbot.keyClick(rows["1.1"].note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
        seen["message"] = dialog.message.text()
        return 1

    monkeypatch.setattr(score_sheet.ScoreSheetDialog, "exec", drive)
    qtbot.mouseClick(page.score_button, Qt.MouseButton.LeftButton)
    assert seen["message"] == "Đã lưu: 95 điểm, xếp loại Tốt."
    assert _cell_text(table, 0, 4) == "95/100" and _cell_text(table, 0, 5) == "Tốt"
    assert "đã chấm điểm 1 buổi" in page.meetings_summary.text()
    saved = services.scoring.meeting_sheet(services.scoring.meetings(2026)[0].meeting_id)
    assert saved.items["1.1"].points == 12 and saved.items["1.1"].note == "Một đồng chí đến muộn"
    assert saved.scored_by == "Nguyễn Văn Đức"  # the secretary is suggested as the scorer


def test_cell_assessment_with_the_decision_above(qtbot, cell, monkeypatch):
    services, _ids = cell
    page = _page(qtbot, services)
    page.year.setValue(2025)
    page.tabs.setCurrentIndex(TAB_ASSESSMENTS)
    table = page.assessments_table
    assert _cell_text(table, 0, 1) == "Chi bộ Xuất bản - Kỹ thuật" and _cell_text(table, 0, 2) == "chưa đánh giá"
    assert page.selected_assessment().subject == "cell"

    def drive(dialog):
        _show(qtbot, dialog)
        assert dialog.title.text() == "Chi bộ Xuất bản - Kỹ thuật — đánh giá \"Chi bộ 5 tốt\" năm 2025"
        assert dialog.tabs.tabText(1) == "Đề nghị và công nhận"
        assert dialog.banner.isVisible() and "✎ Sửa được" in dialog.banner.text()
        for cid, row in dialog.rows.items():
            if row.points.points() is None:
                _type_points(qtbot, row.points, str(int(row.criterion.max_points)))
        dialog.tabs.setCurrentIndex(1)
        for widget, text in ((dialog.proposal, "Đề nghị công nhận \"Chi bộ 5 tốt\" năm 2025"),
                             (dialog.recognized_title, "Chi bộ 5 tốt")):
            widget.setFocus()
            type_text(widget, text)
        # A future decision date, and a date without a number, are refused next to the fields.
        dialog.decision_date.setFocus()
        qtbot.keyClicks(dialog.decision_date, "28/12/2027")
        dialog.decision_org.setFocus()
        assert dialog.field_messages["decision_date"].text() == "Ngày 28/12/2027 ở tương lai."
        assert dialog.field_messages["decision_no"].text() == "Hãy nhập số quyết định."
        assert not dialog.save_button.isEnabled()
        dialog.decision_date.setFocus()
        dialog.decision_date.selectAll()
        qtbot.keyClicks(dialog.decision_date, "28/12/2025")
        dialog.decision_no.setFocus()
        type_text(dialog.decision_no, "Số 118-QĐ/ĐU")
        assert dialog.decision_org.text() == "Đảng ủy Báo Nghệ An"  # the committee above is offered
        assert dialog.save_button.isEnabled()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.message.text().startswith("Đã lưu:")
        return 1

    monkeypatch.setattr(score_sheet.ScoreSheetDialog, "exec", drive)
    page.assess_button.click()
    row = services.scoring.assessments(2025, TODAY)[0]
    assert (row.recognized_title, row.decision_no, row.decision_date) == ("Chi bộ 5 tốt", "Số 118-QĐ/ĐU",
                                                                        dt.date(2025, 12, 28))
    assert _cell_text(table, 0, 6) == "Số 118-QĐ/ĐU" and _cell_text(table, 0, 7) == "28/12/2025"
    assert _cell_text(table, 0, 3) == row.band
    assert f"chi bộ: {format_points(row.total)}/100 điểm, {row.band}" in page.assessments_summary.text()


def test_charts_tab_draws_the_year(qtbot, cell):
    services, ids = cell
    meeting(services, ids, dt.date(2026, 6, 5), absent={"Hoàng Văn Em": "absent_without_reason"})
    page = _page(qtbot, services)
    page.tabs.setCurrentIndex(TAB_CHARTS)
    charts = page.charts
    assert charts.attendance.title == "Tỷ lệ đảng viên dự sinh hoạt theo tháng năm 2026"
    values = [p.value for p in charts.attendance.points]
    assert values[3] == 100.0 and values[5] == 80.0 and values[0] is None
    assert charts.scores.points[3].value is None and not charts.scores.has_values()  # nothing scored yet
    members = charts.members.points
    assert members[0].label == "Hoàng Văn Em" and members[0].value == 50.0 and members[0].note == "(1/2)"
    assert members[-1].note == "miễn sinh hoạt"  # Võ Thị Giang, exempt all year


def test_attention_lists_a_member_at_risk_and_opens_the_member(qtbot, services, monkeypatch):
    ids = add_members(services)
    for month in (1, 3, 5):
        meeting(services, ids, dt.date(2026, month, 5), absent={"Hoàng Văn Em": "absent_without_reason"})
    window = MainWindow(services)
    qtbot.addWidget(window)
    page = window.pages["ScoringPage"]
    page.today = TODAY
    window.show()
    window.show_page("ScoringPage")
    page.year.setValue(2026)
    page.tabs.setCurrentIndex(TAB_ATTENTION)
    view = page.attention
    rows = view.rows_shown()
    first = rows[0]
    assert (first.full_name, first.kind) == ("Hoàng Văn Em", "absent_months")
    table = view.table
    assert _cell_text(table, 0, 0) == "Đủ căn cứ xem xét"
    assert _cell_text(table, 0, 1) == "Hoàng Văn Em"
    assert _cell_text(table, 0, 4) == "Các tháng: 01, 03, 05; đủ căn cứ khi tới 3 tháng"
    assert "đủ căn cứ để chi bộ xem xét" in _cell_text(table, 0, 3)
    assert table.model().index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fdecea"
    assert view.count_label.text().endswith("của 1 đảng viên")

    view.filter.setCurrentIndex(view.filter.findData("info"))
    assert {i.severity for i in view.rows_shown()} == {"info"}
    view.filter.setCurrentIndex(0)

    opened = []
    monkeypatch.setattr(member_dialog.MemberDialog, "exec", lambda self: opened.append(self.member_id) or 0)
    rect = table.visualRect(table.model().index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [ids["Hoàng Văn Em"]]
    assert window.stack.currentWidget() is window.pages["MembersPage"]

    # The list prints with the facts and the records behind each entry.
    from tests.reports.pdfcheck import pages_text

    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.last_task.finished, timeout=30000):
        pass
    qtbot.addWidget(page.last_preview)
    text = " ".join(" ".join(pages_text(page.last_preview.pdf_path)).split())
    assert "DANH SÁCH ĐẢNG VIÊN CẦN QUAN TÂM" in text and "Hoàng Văn Em" in text
    assert "Biên bản sinh hoạt các tháng 01, 03, 05/2026" in text


def test_print_and_export_in_the_background(qtbot, cell, boxes, monkeypatch, tmp_path):
    from pypdf import PdfReader

    services, _ids = cell
    page = _page(qtbot, services)
    boxes.answer = boxes.answer.No  # do not open the file in a viewer
    target = tmp_path / "bao-cao"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    from cellsec.ui.common.preview import NumberDialog

    def give_number(dialog):  # the secretary numbers the report 04, leaving 01-03 unused on purpose
        dialog.number.setValue(4)
        dialog.accept()
        assert "bỏ trống số 01, số 02, số 03" in dialog.message.text()
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NumberDialog, "exec", give_number)
    page.print_action.trigger()  # the preview renders the real PDF on a worker thread
    assert page.last_preview.status.text() == "Đang chuẩn bị văn bản…"
    with qtbot.waitSignal(page.last_task.finished, timeout=30000):
        pass
    qtbot.addWidget(page.last_preview)
    text = PdfReader(str(page.last_preview.pdf_path)).pages[0].extract_text()
    assert "KẾT QUẢ CHẤM ĐIỂM CHẤT LƯỢNG SINH HOẠT" in text and "Năm 2026" in text
    assert "Số 04-BC/CB" in text and "Số -BC" not in " ".join(text.split())  # never a blank number
    # "Xuất Word" from the preview, charts included (drawn by PDFium; it failed without a raster backend).
    qtbot.mouseClick(page.last_preview.word_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.last_preview.last_task.finished, timeout=30000):
        pass
    import docx

    word = docx.Document(str(target.with_suffix(".docx")))
    assert len(word.inline_shapes) >= 3 and "Số 04-BC/CB" in " ".join(
        c.text for t in word.tables for row in t.rows for c in row.cells)

    page.export_action.trigger()
    with qtbot.waitSignal(page.last_task.finished, timeout=30000):
        pass
    from openpyxl import load_workbook

    workbook = load_workbook(target.with_suffix(".xlsx"))
    assert workbook.sheetnames[:2] == ["Sinh hoạt", "Chi bộ 5 tốt"]
    assert workbook["Sinh hoạt"]["C2"].value == "Sinh hoạt chi bộ thường kỳ tháng 4 năm 2026"


def test_a_members_assessment_on_the_demo_shows_its_data_and_the_decision(qtbot, demo_services, monkeypatch):
    services = demo_services
    page = _page(qtbot, services)
    page.year.setValue(2025)
    page.tabs.setCurrentIndex(TAB_ASSESSMENTS)
    row = next(r for r in page.assessments_model.rows if r.name == "Nguyễn Văn Hùng")
    assert page.select_assessment(row.member_id)
    seen = {}

    def look(dialog):
        seen["title"] = dialog.title.text()
        auto = dialog.rows["4.1"]  # attendance, scored from the minutes
        seen["auto"] = (auto.badge.text(), auto.auto_label.text())
        seen["values"] = dialog.values_label.text()
        seen["decision"] = (dialog.recognized_title.text(), dialog.decision_no.text(), dialog.decision_date.text(),
                            dialog.decision_org.text())
        seen["total"] = dialog.total.text()
        return 0

    monkeypatch.setattr(score_sheet.ScoreSheetDialog, "exec", look)
    page.assess_selected()
    assert seen["title"] == "Đồng chí Nguyễn Văn Hùng — đánh giá \"Đảng viên 5 tốt\" năm 2025"
    assert seen["auto"][0] == "tự động" and seen["auto"][1].startswith("Tỷ lệ dự sinh hoạt chi bộ (%): ")
    assert "Mức xếp loại chất lượng (4 = HTXS, 3 = HTT, 2 = HT, 1 = KHT): <b>" in seen["values"]
    assert seen["decision"] == ("Đảng viên 5 tốt", "Số 119-QĐ/ĐU", "28/12/2025", "Đảng ủy xã Hưng Nguyên")
    assert seen["total"] == f"{format_points(row.total)} / 100"


def test_a_hidden_scoring_page_refreshes_once_when_shown(qtbot, services, monkeypatch):
    from cellsec.ui.common.bridge import ChangeNotifier
    from cellsec.ui.scoring.page import ScoringPage

    page = ScoringPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()
    calls: list[int] = []
    original = page.refresh
    monkeypatch.setattr(page, "refresh", lambda: calls.append(1) or original())
    page.hide()
    for info in services.rubrics.list("cell_year"):
        services.rubrics.set_active(info.id)  # changes to what the page shows, while it is hidden
    assert calls == []
    page.show()
    assert calls == [1]


def test_column_headings_stay_whole_at_a_laptops_width(qtbot, cell):
    """At 125 % on a 1366×768 laptop the stretched topic column got 67 px ("ıổi sinh ho")."""
    services, _ids = cell
    page = _page(qtbot, services)
    page.resize(840, 660)
    checked = 0
    for tab, table in ((TAB_MEETINGS, page.meetings_table), (TAB_ASSESSMENTS, page.assessments_table),
                       (TAB_ATTENTION, page.attention.table)):
        page.tabs.setCurrentIndex(tab)
        qtbot.wait(20)  # the layout settles
        if not table.isVisible():  # an empty list shows a sentence instead
            continue
        checked += 1
        header = table.horizontalHeader()
        for column in range(header.count()):
            if not header.isSectionHidden(column) and header.sectionSize(column):
                heading = table.model().headerData(column, Qt.Orientation.Horizontal)
                assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), heading
    assert checked >= 2
