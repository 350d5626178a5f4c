"""The year's summary widgets: the table model filters by name whatever the accents and sorts by any
column; the quota panel shows the counts by level and the quota."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from cellsec.services.reviews.records import SummaryRow
from cellsec.ui.reviews.summary import COLUMNS, ReviewTableModel


def _row(review_id: str, name: str, list_no: int, score: str, level: str | None) -> SummaryRow:
    return SummaryRow(review_id, f"m{review_id}", name, list_no, "staff", "Cá nhân không giữ chức vụ",
                      Decimal(score), level, level, None, "draft", (None, None, None))


def test_the_table_filters_by_name_without_accents_and_sorts(qapp):
    model = ReviewTableModel()
    model.set_rows([_row("1", "Nguyễn Văn Hùng", 1, "85", "htt"), _row("2", "Trần Thị Đào", 2, "91", "htxs"),
                    _row("3", "Lê Đức Hùng", 3, "70", "ht")])
    model.set_filter("hung")
    assert [r.name for r in model.rows] == ["Nguyễn Văn Hùng", "Lê Đức Hùng"]
    model.set_filter("dao")
    assert [r.review_id for r in model.rows] == ["2"] and model.row_of("2") == 0 and model.row_of("1") == -1
    model.set_filter("")
    model.sort(COLUMNS.index("score"), Qt.SortOrder.DescendingOrder)
    assert [r.review_id for r in model.rows] == ["2", "1", "3"]
    assert model.data(model.index(0, COLUMNS.index("score"))) == "91"


def test_the_quota_panel_never_squeezes_its_rows_below_their_text(qtbot, services):
    """On a freshly set-up cell the page had room to spare and gave the panel no more than it asked for:
    the rows of counts got 12 px of 16 and "nhiệm vụ" lost its dots below."""
    import datetime as dt

    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from cellsec.services.members.service import MemberInput
    from cellsec.ui.reviews.summary import QuotaPanel

    services.members.add(MemberInput(full_name="Lê Văn Sơn", gender="nam", date_of_birth=dt.date(1980, 1, 1),
                                     list_no=1, admitted_on=dt.date(2010, 5, 19), official_on=dt.date(2011, 5, 19),
                                     status="chinh_thuc"))
    services.reviews.open_year(2026, today=dt.date(2026, 11, 22))
    host = QWidget()
    qtbot.addWidget(host)
    panel = QuotaPanel()
    QVBoxLayout(host).addWidget(panel)
    panel.show_summary(services.reviews.summary(2026))
    host.show()
    host.resize(320, panel.sizeHint().height())  # what the page gave it
    qtbot.waitExposed(host)
    qtbot.wait(50)  # the layout settles
    short = [(label.text(), label.height()) for label in panel.findChildren(QLabel)
             if label.isVisible() and label.text()
             and label.height() < (label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height())]
    assert short == []
