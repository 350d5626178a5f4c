"""The rule set editor's case rows: what the table does not show (sources, form types) survives an edit,
scopes go back in the form the JSON uses, and new rows get a fresh key."""

from __future__ import annotations

from cellsec.ui.reviews.case_table import BOTH, CaseTable


def test_edited_rows_keep_their_hidden_fields_and_scopes(qtbot):
    table = CaseTable("conditions", [(BOTH, "Cả hai"), ("individual", "Đảng viên"), ("collective", "Chi bộ")],
                      "condition")
    qtbot.addWidget(table)
    changes = []
    table.on_change = lambda: changes.append(1)
    table.load([{"key": "condition_1", "text": "Hoàn thành nhiệm vụ", "scope": ["individual", "collective"],
                 "source": "Điều 11"}])
    table.table.item(0, 1).setText("Hoàn thành 100% nhiệm vụ")
    assert changes
    table.add_button.click()
    entries = table.entries(scope_as_list=True)
    assert entries[0] == {"key": "condition_1", "text": "Hoàn thành 100% nhiệm vụ",
                          "scope": ["individual", "collective"], "source": "Điều 11"}
    assert entries[1]["key"] == "condition_2" and entries[1]["scope"] == ["individual", "collective"]
    assert table.entries(scope_as_list=False)[0]["scope"] == BOTH
    table.set_read_only(True)
    assert not table.add_button.isVisibleTo(table) and not table.table.cellWidget(0, 0).inner.isEnabled()
