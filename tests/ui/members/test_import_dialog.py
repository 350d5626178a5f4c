"""Import from a file: preview of every row, rejected rows highlighted, import after confirmation."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cellsec.ui.members.import_dialog import REJECTED_BACKGROUND, ImportDialog

CSV = (
    "Họ và tên,Ngày sinh,Giới tính,Ngày vào Đảng,Số CCCD\n"
    "Nguyễn Văn Đức,05/03/1980,Nam,10/10/2005,040080123456\n"
    "Trần Thị Hồng,12/07/1985,Nữ,ngày hôm qua,040185654321\n"
    "Lê Văn An,02/01/1990,Nam,03/02/2015,\n"
)


def cell(model, row, column):
    return model.data(model.index(row, column))


def background(model, row, column):
    brush = model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole)
    return brush.color().name() if brush is not None else None


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

    model = dialog.table.model()
    assert model.rowCount() == 3
    actions = [cell(model, r, 1) for r in range(3)]
    assert actions == ["Thêm", "Bỏ qua", "Thêm"]
    assert cell(model, 1, 2) == "Trần Thị Hồng"
    assert "ngày hôm qua" in cell(model, 1, 6)  # why the row is skipped
    assert background(model, 1, 2) == REJECTED_BACKGROUND
    assert background(model, 0, 2) != REJECTED_BACKGROUND
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
    actions = [cell(second.table.model(), r, 1) for r in range(second.table.model().rowCount())]
    assert actions[0] == "Không đổi"  # matched by CCCD, same values
    assert services.members.member_count() == 2


def test_a_broken_file_says_why_and_writes_nothing(qtbot, services, monkeypatch, tmp_path):
    path = tmp_path / "cu.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    dialog = _open(qtbot, services, monkeypatch, path)
    assert dialog.message.isVisible()
    assert "Excel 97–2003" in dialog.message.text()
    assert dialog.table.model().rowCount() == 0
    assert not dialog.import_button.isEnabled()
    assert services.members.member_count() == 0


def _big_csv(path, rows):
    lines = ["Họ và tên,Ngày sinh,Giới tính,Ngày vào Đảng,Số CCCD"]
    lines += [f"Nguyễn Văn {i},05/03/1980,Nam,10/10/2005,040080{i:06d}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_runs_off_the_ui_thread_shows_rows_read_and_stop_writes_nothing(
        qtbot, services, monkeypatch, boxes, tmp_path):
    from PySide6.QtCore import QTimer

    from cellsec.services.members import importer

    dialog = _open(qtbot, services, monkeypatch, _big_csv(tmp_path / "ds.csv", 1200))
    assert dialog.table.model().rowCount() == 1200

    # Hold the import after its first batch is written, until the test has looked at the window.
    reached, release = threading.Event(), threading.Event()
    real_write = importer.ImportService._write

    def held_write(self, s, cell_id, batch):
        real_write(self, s, cell_id, batch)
        reached.set()
        release.wait(10)

    monkeypatch.setattr(importer.ImportService, "_write", held_write)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set)
    before = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) > before + 3)  # the UI thread keeps answering meanwhile
    qtbot.waitUntil(lambda: "đã đọc 500 dòng" in dialog.progress_label.text())
    assert dialog.stop_button.isVisible() and not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    release.set()
    with qtbot.waitSignal(dialog.last_task.finished, timeout=20000):
        pass
    timer.stop()
    assert services.members.member_count() == 0  # stopped: the 500 rows written so far were rolled back
    assert "Đã dừng. Chưa ghi gì" in dialog.message.text()
    assert dialog.isVisible() and not dialog.stop_button.isVisible() and dialog.import_button.isEnabled()


def test_stop_while_reading_leaves_no_preview(qtbot, services, monkeypatch, tmp_path):
    from cellsec.services.members import import_plan

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    path = _big_csv(tmp_path / "ds.csv", 1200)
    reached, release = threading.Event(), threading.Event()
    real_plan = import_plan.Planner.plan

    def held_plan(self, parsed):
        reached.set()
        release.wait(10)
        return real_plan(self, parsed)

    monkeypatch.setattr(import_plan.Planner, "plan", held_plan)
    dialog = ImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set)
    assert dialog.progress.isVisible() and "Đang đọc ds.csv" in dialog.progress_label.text()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    release.set()
    with qtbot.waitSignal(dialog.last_task.finished, timeout=20000):
        pass
    assert dialog.preview is None and "Đã dừng" in dialog.message.text()


def test_unrecognised_headers_can_be_chosen_by_hand(qtbot, services, monkeypatch, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text("Cột 1,Cột 2,Cột 3,Cột 4\nNguyễn Văn Đức,05/03/1980,Nam,10/10/2005\n", encoding="utf-8")
    dialog = _open(qtbot, services, monkeypatch, path)
    assert "Không tìm thấy cột \"Họ và tên\"" in dialog.message.text()
    assert dialog.mapping.isVisible() and len(dialog.mapping.combos) == 4
    for combo, field in zip(dialog.mapping.combos, ("full_name", "date_of_birth", "gender", "admitted_on")):
        combo.setCurrentIndex(combo.findData(field))
    assert dialog.mapping.combos[0].currentText() == "Họ và tên"
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    model = dialog.table.model()
    assert [cell(model, 0, c) for c in (0, 1, 2, 3)] == ["2", "Thêm", "Nguyễn Văn Đức", "05/03/1980"]
    assert dialog.import_button.isEnabled()


def test_sample_file_and_rejected_rows_are_saved_to_fix_and_import_again(qtbot, services, monkeypatch, tmp_path):
    saves = iter([str(tmp_path / "mau.xlsx"), str(tmp_path / "loi.xlsx")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (next(saves), "")))
    path = tmp_path / "ds.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = _open(qtbot, services, monkeypatch, path)
    qtbot.mouseClick(dialog.sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "mau.xlsx").exists() and "Đã lưu" in dialog.message.text())
    sample = services.importer.preview(tmp_path / "mau.xlsx")
    assert [r.action for r in sample.rows] == ["add", "add"]  # the sample imports cleanly

    assert dialog.rejected_button.isEnabled()
    qtbot.mouseClick(dialog.rejected_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "loi.xlsx").exists() and "loi.xlsx" in dialog.message.text())
    from openpyxl import load_workbook

    rows = [[c.value for c in r] for r in load_workbook(tmp_path / "loi.xlsx").active.iter_rows()]
    assert rows[0] == ["Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Số CCCD", "Lý do chưa nhập được"]
    assert rows[1][:5] == ["Trần Thị Hồng", "12/07/1985", "Nữ", "ngày hôm qua", "040185654321"]
    assert "ngày hôm qua" in rows[1][5] and len(rows) == 2
    # Fixed in the file, it imports (the reason column is simply not used).
    ws = load_workbook(tmp_path / "loi.xlsx")
    ws.active["D2"] = "19/05/2010"
    ws.save(tmp_path / "loi.xlsx")
    fixed = services.importer.preview(tmp_path / "loi.xlsx")
    assert [r.action for r in fixed.rows] == ["add"] and "Lý do chưa nhập được" in fixed.ignored_columns


def test_an_old_encoding_is_named_and_the_decoded_names_shown(qtbot, services, monkeypatch, tmp_path):
    from cellsec.domain import vn_encodings

    path = tmp_path / "cu.csv"
    # As the ABC keyboard stored it: small tone letters even in a name typed in capitals (.VnTimeH font).
    path.write_bytes(b"H\xac v\xb5 t\xaan,Ng\xb5y sinh,Gi\xedi t\xddnh,Ng\xb5y v\xb5o \xa7\xb6ng\r\n"
                     + vn_encodings.encode_tcvn3("Nguyễn Văn Đức,05/03/1980,Nam,10/10/2005\r\n")
                     + b"TR\xa6\xeaNG TH\xde H\xa6\xeaNG,12/07/1985,N\xf7,19/05/2010\r\n")
    dialog = _open(qtbot, services, monkeypatch, path)
    assert "bảng mã cũ TCVN3 (ABC)" in dialog.columns_label.text()
    model = dialog.table.model()
    assert [cell(model, r, 2) for r in range(2)] == ["Nguyễn Văn Đức", "Trường Thị Hường"]
    assert [cell(model, r, 1) for r in range(2)] == ["Thêm", "Thêm"]


def test_every_column_heading_of_the_preview_is_shown_whole(qtbot, services, monkeypatch, tmp_path):
    path = tmp_path / "danh-sach.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = _open(qtbot, services, monkeypatch, path)
    header = dialog.table.horizontalHeader()
    model = dialog.table.model()
    for column in range(header.count() - 1):  # the last one stretches
        heading = model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), heading
