"""The Đồng bộ page against a real committee server on 127.0.0.1: connect, sync, conflicts, failures."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cellsec.server.store import admin
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.sync.page import SyncPage
from tests.sync.test_service import _edit, _laptop, _member

from ..conftest import type_text


@pytest.fixture
def db_url(tmp_path):  # noqa: F811  (the page's behaviour does not depend on the server's database)
    return f"sqlite:///{tmp_path / 'server.sqlite3'}"


def _page(qtbot, svc) -> SyncPage:
    page = SyncPage(svc, ChangeNotifier(svc))
    qtbot.addWidget(page)
    page.resize(1100, 680)
    page.show()
    return page


def _wait(qtbot, page):
    qtbot.waitUntil(lambda: page.task is None, timeout=30000)


def test_connecting_from_the_page_sends_the_cells_records(qtbot, tmp_path, live_server, server_cell):
    _cell_id, code = server_cell
    svc = _laptop(tmp_path, "bi-thu")
    svc.members.add(_member())
    page = _page(qtbot, svc)
    assert page.connect_box.isVisible() and not page.sync_button.isEnabled()
    type_text(page.url_edit, live_server)
    type_text(page.code_edit, code)
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    qtbot.waitUntil(lambda: page.task is None and page.pending_label.text() == "0", timeout=30000)
    assert not page.connect_box.isVisible()
    assert page.server_label.text() == live_server
    assert "Đã gửi" in page.result_label.text()
    page.grab().save(str(tmp_path / "sync-page.png"))
    svc.close()


def test_a_wrong_code_is_said_in_vietnamese(qtbot, tmp_path, live_server, server_cell):
    svc = _laptop(tmp_path, "bi-thu")
    page = _page(qtbot, svc)
    type_text(page.url_edit, live_server)
    type_text(page.code_edit, "AAAAA-BBBBB")
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    assert page.error.isVisible() and "từ chối" in page.error.text()
    assert page.connect_box.isVisible() and not svc.sync.status().connected
    svc.close()


def test_a_conflict_is_compared_side_by_side_and_resolved(qtbot, tmp_path, store, live_server, server_cell):
    cell_id, code = server_cell
    first = _laptop(tmp_path, "bi-thu")
    member = first.members.add(_member())
    first.sync.connect(live_server, code)
    first.sync.sync_now()
    second = _laptop(tmp_path, "pho-bi-thu", with_cell=False)
    with store.transaction() as s:
        second_code = admin.new_enrollment_code(s, cell_id)
    second.sync.connect(live_server, second_code)
    _edit(first, member.id, workplace="Hợp tác xã")
    _edit(second, member.id, workplace="Trường học")
    first.sync.sync_now()

    page = _page(qtbot, second)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    assert page.conflicts_box.isVisible() and page.conflicts.rowCount() == 1
    assert page.conflicts.item(0, 0).text() == "Đảng viên: Lê Văn Hải"
    assert page.conflicts.item(0, 1).text() == "Nơi làm việc"
    page.conflicts.selectRow(0)
    values = {page.compare.item(r, 0).text(): (page.compare.item(r, 1).text(), page.compare.item(r, 2).text())
              for r in range(page.compare.rowCount())}
    assert values == {"Nơi làm việc": ("Trường học", "Hợp tác xã")}
    page.grab().save(str(tmp_path / "sync-conflict.png"))
    qtbot.mouseClick(page.keep_mine, Qt.MouseButton.LeftButton)
    assert page.conflicts.rowCount() == 0 and not page.conflicts_box.isVisible()
    assert second.members.get(member.id).workplace == "Trường học"
    first.close()
    second.close()


def test_without_a_network_a_file_goes_up_and_the_answer_comes_back(qtbot, tmp_path, store, live_server,
                                                                     server_cell, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from cellsec.server.store.bundles import import_bundle

    _cell_id, code = server_cell
    svc = _laptop(tmp_path, "bi-thu")
    svc.sync.connect(live_server, code)
    svc.members.add(_member())
    page = _page(qtbot, svc)
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(usb / a[2].split("/")[-1]), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    [sent] = list(usb.glob("*.cellsec-sync"))
    assert sent.name.startswith("chi-bo-thon-3_") and "Đã ghi" in page.result_label.text()
    assert page.pending_label.text() != "0"  # sent only when the answer comes back

    answer = usb / "tra-loi.cellsec-sync"
    answer.write_bytes(import_bundle(store, sent.read_bytes())[0])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(answer), ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    assert page.pending_label.text() == "0" and "Đã gửi" in page.result_label.text()
    svc.close()


def test_a_hamlet_without_a_network_connects_with_the_invitation_file(qtbot, tmp_path, store, server_cell,
                                                                       monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from cellsec.server.store.bundles import import_bundle
    from cellsec.sync.protocol.invitation import invitation_bytes

    cell_id, _code = server_cell
    usb = tmp_path / "usb"
    usb.mkdir()
    with store.transaction() as s:
        invitation = usb / "moi.cellsec-sync"
        invitation.write_bytes(invitation_bytes(admin.invite(s, cell_id, store.keys), store.keys))
    svc = _laptop(tmp_path, "bi-thu")
    svc.members.add(_member())
    page = _page(qtbot, svc)
    assert page.connect_file_button.isVisible()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(invitation), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(usb / a[2].split("/")[-1]), ""))
    qtbot.mouseClick(page.connect_file_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    [enrolment] = list(usb.glob("*dang-ky-may*"))
    assert "Đã ghi tệp đăng ký máy" in page.result_label.text()
    # Connected, by file only: no "sync now", the file buttons work, the committee is named as file-only.
    assert not page.connect_box.isVisible() and not page.sync_button.isVisible()
    assert page.export_button.isEnabled() and "tệp" in page.server_label.text()

    answer = usb / "tra-loi.cellsec-sync"
    answer.write_bytes(import_bundle(store, enrolment.read_bytes())[0])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(answer), ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    assert not page.error.isVisible() and svc.sync.status().last_sync is not None
    page.grab().save(str(tmp_path / "sync-file.png"))
    svc.close()


def test_a_guidance_document_with_its_file_is_listed_and_the_file_saved(qtbot, tmp_path, store, live_server,
                                                                          server_cell, monkeypatch):
    import base64

    from PySide6.QtWidgets import QFileDialog

    from cellsec.server.store.web_publish import publish_guidance

    cell_id, code = server_cell
    svc = _laptop(tmp_path, "bi-thu")
    svc.sync.connect(live_server, code)
    form = "Mẫu báo cáo tháng\n".encode("utf-8")
    with store.transaction() as s:
        publish_guidance(s, admin.get_cell(s, cell_id).committee_id, "Hướng dẫn báo cáo tháng", "Gửi trước ngày 25.",
                         "05-HD/ĐU", None, {"name": "mau-bao-cao.docx", "type": "application/octet-stream",
                                            "data": base64.b64encode(form).decode()}, None)
    svc.sync.sync_now()
    page = _page(qtbot, svc)
    texts = [page.received.item(r, 1).text() for r in range(page.received.rowCount())]
    row = next(r for r, t in enumerate(texts) if "Hướng dẫn báo cáo tháng" in t)
    assert "05-HD/ĐU" in texts[row] and "mau-bao-cao.docx" in texts[row]
    # Received: the date and time in Vietnam (UTC+7), never the stored UTC date.
    import datetime as dt

    [record] = [r for r in svc.sync.committee_records("guidance_documents")]
    local = dt.datetime.fromisoformat(record["_received_at"]).astimezone(dt.timezone(dt.timedelta(hours=7)))
    assert page.received.item(row, 2).text() == local.strftime("%d/%m/%Y %H:%M")
    assert not page.save_attachment_button.isEnabled()
    page.received.selectRow(row)
    assert page.save_attachment_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "mau.docx"), ""))
    qtbot.mouseClick(page.save_attachment_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "mau.docx").read_bytes() == form and "Đã lưu" in page.result_label.text()
    svc.close()
