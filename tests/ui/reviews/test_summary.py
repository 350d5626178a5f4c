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
