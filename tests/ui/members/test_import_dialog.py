"""Import from a file: preview of every row, rejected rows highlighted, import after confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cellsec.ui.members.import_dialog import REJECTED_BACKGROUND, ImportDialog

CSV = (
    "Họ và tên,Ngày sinh,Giới tính,Ngày vào Đảng,Số CCCD\n"
    "Nguyễn Văn Đức,05/03/1980,Nam,10/10/2005,040080123456\n"
    "Trần Thị Hồng,12/07/1985,Nữ,ngày hôm qua,040185654321\n"
    "Lê Văn An,02/01/1990,Nam,03/02/2015,\n"
)


def _open(qtbot, services, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    dialog = ImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_task is not None and dialog.last_task.busy is None
                    and (dialog.preview is not None or dialog.message.isVisible()))
    return dialog


def test_preview_shows_every_row_then_imports_the_valid_ones(qtbot, services, monkeypatch, boxes, tmp_path):
    path = tmp_path / "danh-sach.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = _open(qtbot, services, monkeypatch, path)

    table = dialog.table
    assert table.rowCount() == 3
    actions = [table.item(r, 1).text() for r in range(3)]
    assert actions == ["Thêm", "Bỏ qua", "Thêm"]
    assert table.item(1, 2).text() == "Trần Thị Hồng"
    assert "ngày hôm qua" in table.item(1, 6).text()  # why the row is skipped
    assert table.item(1, 2).background().color().name() == REJECTED_BACKGROUND
    assert table.item(0, 2).background().color().name() != REJECTED_BACKGROUND
    assert dialog.summary.text() == "3 dòng: thêm 2, cập nhật 0, bỏ qua 1 dòng có lỗi (tô màu)."
    assert dialog.import_button.text() == "Nhập 2 dòng hợp lệ"
    assert services.members.member_count() == 0  # nothing written by the preview

    # The user first says no: still nothing written.
    boxes.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert services.members.member_count() == 0
    assert "1 dòng có lỗi sẽ bị bỏ qua" in boxes.texts("question")[0]

    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.isHidden)
    assert dialog.import_result.imported == 2
    assert sorted(r.full_name for r in services.members.list()) == ["Lê Văn An", "Nguyễn Văn Đức"]
    assert boxes.texts("information") == ["Đã thêm 2 đảng viên, cập nhật 0 đảng viên."]
    # One import is one Undo step.
    assert services.last_undoable()[1].startswith("Nhập danh sách đảng viên từ tệp danh-sach.csv")


def test_importing_the_same_file_again_updates_instead_of_duplicating(qtbot, services, monkeypatch, boxes, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text(CSV, encoding="utf-8")
    first = _open(qtbot, services, monkeypatch, path)
    qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(first.isHidden)
    second = _open(qtbot, services, monkeypatch, path)
    actions = [second.table.item(r, 1).text() for r in range(second.table.rowCount())]
    assert actions[0] == "Không đổi"  # matched by CCCD, same values
    assert services.members.member_count() == 2


def test_a_broken_file_says_why_and_writes_nothing(qtbot, services, monkeypatch, tmp_path):
    path = tmp_path / "cu.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    dialog = _open(qtbot, services, monkeypatch, path)
    assert dialog.message.isVisible()
    assert "Excel 97–2003" in dialog.message.text()
    assert dialog.table.rowCount() == 0
    assert not dialog.import_button.isEnabled()
    assert services.members.member_count() == 0
