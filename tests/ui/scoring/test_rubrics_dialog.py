"""Bộ tiêu chí: defaults are labelled as defaults to adjust; a malformed file is refused with its reason and
changes nothing; a copy is edited (checked as the user types) and chosen for scoring; export."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from cellsec.ui.scoring import rubric_editor, rubrics_dialog
from cellsec.ui.scoring.rubrics_dialog import COLUMNS, RubricsDialog

from ..conftest import type_text


def _dialog(qtbot, services) -> RubricsDialog:
    dialog = RubricsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _column(dialog, field: str) -> list[str]:
    return [dialog.table.item(r, COLUMNS.index(field)).text() for r in range(dialog.table.rowCount())]


def test_defaults_are_labelled_to_adjust(qtbot, services):
    dialog = _dialog(qtbot, services)
    assert dialog.target.currentText() == "Buổi sinh hoạt chi bộ"
    assert set(_column(dialog, "origin")) == {"Mặc định — cần điều chỉnh"}
    assert _column(dialog, "active") == ["✓ đang dùng", "✓ đang dùng"]
    assert "Bộ mặc định cần điều chỉnh" in dialog.preview.toPlainText()
    assert not dialog.edit_button.isEnabled()  # a default is copied, not edited in place
    assert dialog.edit_button.toolTip() == "Không sửa trực tiếp bộ mặc định: hãy tạo phiên bản mới rồi sửa"
    dialog.target.setCurrentIndex(dialog.target.findData("cell_year"))
    assert _column(dialog, "name") == ["Đánh giá \"Chi bộ 5 tốt\""]
    assert dialog.table.isColumnHidden(COLUMNS.index("types"))


def test_a_malformed_file_is_refused_and_changes_nothing(qtbot, services, boxes, monkeypatch, tmp_path):
    dialog = _dialog(qtbot, services)
    before = [(r.id, r.version, r.active) for r in services.rubrics.list()]
    last = services.last_undoable()
    broken = tmp_path / "bieu-cham-diem.json"
    good = json.loads((rubrics_dialog.Path(__file__).resolve().parents[3] / "resources" / "rules"
                       / "rubric_sinh_hoat_thuong_ky.json").read_text(encoding="utf-8"))
    good["rubrics"][0]["key"] = "hung-nguyen.thuong-ky"
    good["rubrics"][0]["groups"][0]["criteria"][0]["max_points"] = -5  # one bad number in a whole file
    broken.write_text(json.dumps(good, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(broken), "")))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.last_task.finished, timeout=10000):
        pass
    kind, _title, text = boxes.shown[-1]
    assert kind == "warning"
    assert text.startswith("Không nhập được tệp bieu-cham-diem.json:")
    assert "Bộ tiêu chí 1, nhóm 1, tiêu chí 1 (1.1): điểm không được âm (-5)." in text
    assert text.endswith("Chương trình không thay đổi gì.")
    assert [(r.id, r.version, r.active) for r in services.rubrics.list()] == before
    assert services.last_undoable() == last

    broken.write_text("{\"format\": \"cellsec-rubrics\", ", encoding="utf-8")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.last_task.finished, timeout=10000):
        pass
    assert "Tệp không phải JSON hợp lệ (dòng 1" in boxes.shown[-1][2]
    assert [(r.id, r.version, r.active) for r in services.rubrics.list()] == before


def test_copy_edit_and_use_for_scoring(qtbot, services, boxes, monkeypatch):
    dialog = _dialog(qtbot, services)
    dialog.target.setCurrentIndex(dialog.target.findData("member_year"))
    original = dialog.selected()
    assert original.name == "Đánh giá \"Đảng viên 5 tốt\"" and original.active

    def drive(editor):
        editor.show()
        qtbot.waitExposed(editor)
        assert editor.windowTitle() == "Sửa bộ tiêu chí: Đánh giá \"Đảng viên 5 tốt\" (v2)"
        assert editor.status.text() == "Bộ tiêu chí hợp lệ: 11 tiêu chí, tối đa 100 điểm."
        editor.name.setFocus()
        editor.name.selectAll()
        type_text(editor.name, "Đánh giá \"Đảng viên 5 tốt\" của Đảng ủy xã")
        # A band above the maximum is refused as it is typed, in Vietnamese.
        editor.bands.item(0, 1).setText("120")
        assert "cao hơn tổng điểm tối đa 100" in editor.status.text()
        assert not editor.save_button.isEnabled()
        editor.bands.item(0, 1).setText("85")
        assert editor.save_button.isEnabled()

        editor.tabs.setCurrentIndex(1)
        group = editor.criteria.tree.topLevelItem(4)
        assert group.text(0) == "5. Quan hệ tốt với quần chúng"
        editor.criteria.tree.setCurrentItem(group.child(0))
        assert editor.criteria.criterion_id.text() == "5.1"
        editor.criteria.criterion_text.setFocus()
        editor.criteria.criterion_text.selectAll()
        qtbot.keyClick(editor.criteria.criterion_text, Qt.Key.Key_Delete)
        assert "(5.1): \"text\" không được để trống." in editor.status.text()
        type_text(editor.criteria.criterion_text, "Gương mẫu ở nơi cư trú, được chi ủy nơi cư trú nhận xét tốt")
        editor.criteria.criterion_max.setFocus()
        editor.criteria.criterion_max.selectAll()
        qtbot.keyClicks(editor.criteria.criterion_max, "12,5")
        assert group.text(1) == "12,5" and group.child(0).text(1) == "12,5"
        # The criterion now scores itself from the member's attendance, by steps.
        editor.criteria.source.setCurrentIndex(editor.criteria.source.findData("member.attendance_rate"))
        editor.criteria.mode.setCurrentIndex(editor.criteria.mode.findData("steps"))
        assert editor.criteria.steps.isVisible() and editor.criteria.steps.rowCount() == 1
        assert editor.status.text() == "Bộ tiêu chí hợp lệ: 11 tiêu chí, tối đa 102,5 điểm."
        editor.tabs.setCurrentIndex(0)
        editor.name.setFocus()
        qtbot.waitUntil(editor.name.hasFocus)
        qtbot.keyClick(editor.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        return editor.result()

    monkeypatch.setattr(rubric_editor.RubricEditDialog, "exec", drive)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copy = dialog.selected()
    assert (copy.name, copy.version, copy.active) == ("Đánh giá \"Đảng viên 5 tốt\" của Đảng ủy xã", 2, False)
    assert dialog.table.item(dialog.table.currentRow(), COLUMNS.index("origin")).text() == "Tự sửa, chưa xác minh"
    rubric = services.rubrics.get(copy.id)
    c51 = rubric.criterion("5.1")
    assert (c51.max_points, c51.auto.source, c51.auto.mode) == (12.5, "member.attendance_rate", "steps")
    assert c51.text == "Gương mẫu ở nơi cư trú, được chi ủy nơi cư trú nhận xét tốt"
    assert [b.min_points for b in rubric.bands][0] == 85

    assert dialog.activate_button.isEnabled()
    qtbot.mouseClick(dialog.activate_button, Qt.MouseButton.LeftButton)
    actives = {r.version: r.active for r in services.rubrics.list("member_year")}
    assert actives == {1: False, 2: True}
    assert dialog.selected().id == copy.id and _column(dialog, "active").count("✓ đang dùng") == 1
    assert services.rubrics.active("member_year").id == copy.id

    # An unused own copy can be deleted once another version is in use.
    dialog.table.selectRow(next(i for i, r in enumerate(dialog.infos) if r.version == 1))
    dialog.activate_button.click()
    dialog.table.selectRow(next(i for i, r in enumerate(dialog.infos) if r.version == 2))
    assert dialog.delete_button.isEnabled()
    dialog.delete_button.click()
    assert [r.version for r in services.rubrics.list("member_year")] == [1]
    assert boxes.shown[-1][0] == "question"


def test_export_writes_the_exchange_file(qtbot, services, boxes, monkeypatch, tmp_path):
    dialog = _dialog(qtbot, services)
    target = tmp_path / "bieu-1"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog.export_button.click()
    with qtbot.waitSignal(dialog.last_task.finished, timeout=10000):
        pass
    data = json.loads(target.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["format"] == "cellsec-rubrics"
    assert data["rubrics"][0]["name"] == dialog.selected().name
    assert boxes.shown[-1][0] == "information" and "Nhập từ tệp…" in boxes.shown[-1][2]
