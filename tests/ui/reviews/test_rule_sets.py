"""The rule sets window: shipped sets read-only, a copy edited and applied to a year, the 2023 criteria."""


from __future__ import annotations

import datetime as dt

import pytest

from cellsec.ui.reviews.rule_sets import RuleSetsDialog

from .windows_data import add_members, show as _show, type_in_cell as _type_in_cell

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture(autouse=True)
def _no_real_message_boxes(boxes):
    return boxes


@pytest.fixture
def members(services):
    return add_members(services)


def test_shipped_rule_sets_are_read_only_and_a_copy_is_edited(qtbot, services, members):
    services.reviews.open_year(YEAR, today=TODAY)
    dialog = _show(qtbot, RuleSetsDialog(services, YEAR))
    kinds = [dialog.list.item(r, 3).text() for r in range(dialog.list.rowCount())]
    assert kinds == ["Có sẵn", "Có sẵn"]
    assert dialog.current.id == "review_2025"
    assert dialog.banner.isVisible() and "không sửa trực tiếp được" in dialog.banner.text()
    assert dialog.name.isReadOnly() and dialog.ratio.isReadOnly() and not dialog.save_button.isVisible()
    assert dialog.band_edits["htxs"].value() == 90 and dialog.fail_label.text() == "dưới 50 điểm"

    dialog.copy_button.click()
    assert dialog.current is not None and not dialog.current.builtin
    assert dialog.list.item(dialog.list.currentRow(), 3).text() == "Bản sao riêng"
    assert not dialog.banner.isVisible() and dialog.save_button.isVisible() and not dialog.save_button.isEnabled()

    dialog.band_edits["htt"].setValue(95)
    assert dialog.messages["band_htxs"].text() == "Ngưỡng của mỗi mức phải cao hơn ngưỡng của mức liền dưới."
    assert not dialog.save_button.isEnabled()
    dialog.band_edits["htt"].setValue(75)
    dialog.ratio.setValue(25)
    dialog.rounding.setCurrentIndex(dialog.rounding.findData("round"))
    assert dialog.quota_example.text() == "Ví dụ: 4 người → được 1, 5 → 1, 12 → 3, 30 → 8."
    dialog.cases.add_button.click()
    _type_in_cell(qtbot, dialog.cases.table, "Không tham gia sinh hoạt chi bộ ba lần trong năm không có lý do")
    assert dialog.save_button.isEnabled()
    copy_id = dialog.current.id
    dialog.save_button.click()

    rules = services.reviews.rule_set(copy_id)
    assert [b.min for b in rules.bands][:3] == [90, 75, 50] and rules.quota.rounding == "round"
    assert str(rules.quota.ratio) == "0.25" and rules.version == 2
    assert rules.disqualifiers[-1].text == "Không tham gia sinh hoạt chi bộ ba lần trong năm không có lý do"
    assert services.reviews.rule_set("review_2025").bands[1].min == 70  # the shipped set is untouched

    assert dialog.apply_button.isVisible() and dialog.apply_button.text() == f"Dùng cho năm {YEAR}"
    dialog.apply_button.click()  # confirmed by the recorded "Yes"
    year = services.reviews.get_year(YEAR)
    assert year.rule_set_id == copy_id and year.rule_set_version == 2
    assert f"Kỳ kiểm điểm năm {YEAR} đang dùng" in dialog.year_label.text()


def test_the_2023_set_shows_its_criteria_instead_of_bands(qtbot, services):
    dialog = _show(qtbot, RuleSetsDialog(services, 2024))
    row = next(r for r in range(dialog.list.rowCount()) if "124-QĐ/TW" in dialog.list.item(r, 0).text())
    dialog.list.selectRow(row)
    assert dialog.current.id == "review_2023"
    assert not dialog.scores_box.isVisible() and dialog.criteria_note.isVisible()
    assert dialog.year_label.text().startswith("Chưa mở đợt kiểm điểm năm 2024; khi mở sẽ dùng: ")
