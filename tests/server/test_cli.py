"""`cellsec-server` as scripts use it: a real process, its JSON output, and `serve` on a real port."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import httpx
import pytest

from .conftest import free_port
from .device import Laptop
from .store.test_admin import RUBRIC_FILE


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "cellsec.server", *args], capture_output=True, text=True,
                          timeout=120)
    if check:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(params=["sqlite", "postgresql"])
def where(request, tmp_path):
    """The arguments naming the database: the data folder alone, or with a PostgreSQL URL."""
    data = ["--data-dir", str(tmp_path / "server-data")]
    if request.param == "sqlite":
        return data
    return [*data, "--database-url", request.getfixturevalue("postgres").new_database()]


def test_stable_commands_and_their_json(where, tmp_path):
    committee = json.loads(run(*where, "committee", "add", "Đảng ủy Khối cơ quan", "--json").stdout)
    cell = json.loads(run(*where, "cell", "add", "--committee", committee["id"], "Chi bộ Văn phòng", "--json").stdout)
    assert set(cell) >= {"id", "enrollment_code"} and len(cell["enrollment_code"]) == 11
    rubric = tmp_path / "tieu-chi.json"
    rubric.write_text(json.dumps(RUBRIC_FILE, ensure_ascii=False), encoding="utf-8")
    published = run(*where, "rubric", "publish", str(rubric), "--committee", committee["id"])
    assert "1" in published.stdout
    run(*where, "recognition", "add", "--cell", cell["id"], "--year", "2025", "--number", "30-QĐ/ĐU",
        "--date", "2026-01-20")
    run(*where, "guidance", "add", "--committee", committee["id"], "--title", "Hướng dẫn", "--text", "Nội dung")
    cells = json.loads(run(*where, "cells", "list", "--json").stdout)
    assert [(c["id"], c["name"], c["last_sync"]) for c in cells] == [(cell["id"], "Chi bộ Văn phòng", None)]
    assert cells[0]["entities"] == {"committee_rubrics": 1, "five_good_recognitions": 1, "guidance_documents": 1}
    assert json.loads(run(*where, "devices", "list", "--json").stdout) == []


def test_refusals_are_vietnamese_with_a_non_zero_exit(where, tmp_path):
    done = run(*where, "cell", "add", "--committee", "khong-co", "Chi bộ X", "--json", check=False)
    assert done.returncode == 1 and json.loads(done.stderr)["error"] == "no_committee"
    done = run(*where, "cell", "add", "--committee", "khong-co", "Chi bộ X", check=False)
    assert "Không có cấp ủy" in done.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cellsec-rubrics", "format_version": 1, "rubrics": []}', encoding="utf-8")
    committee = json.loads(run(*where, "committee", "add", "Đảng ủy", "--json").stdout)
    done = run(*where, "rubric", "publish", str(bad), "--committee", committee["id"], check=False)
    assert done.returncode == 2 and "bad.json" in done.stderr
    done = run(*where, "--lang", "en", "device", "revoke", "nope", check=False)
    assert "No device" in done.stderr


def test_serve_then_enroll_push_and_list(where):
    committee = json.loads(run(*where, "committee", "add", "Đảng ủy Khối", "--json").stdout)
    cell = json.loads(run(*where, "cell", "add", "--committee", committee["id"], "Chi bộ 1", "--json").stdout)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "cellsec.server", *where, "serve", "--host", "127.0.0.1",
                               "--port", str(port), "--log-level", "warning"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=10).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, server.stderr.read().decode()
            assert time.monotonic() < deadline
            time.sleep(0.1)
        laptop = Laptop(base)
        assert laptop.enroll(cell["enrollment_code"]).status_code == 201
        assert laptop.push([laptop.op("members", full_name="Hoàng Văn Em")]).status_code == 200
        laptop.close()
        devices = json.loads(run(*where, "devices", "list", "--json").stdout)
        assert [d["id"] for d in devices] == [laptop.device_id]
        cells = json.loads(run(*where, "cells", "list", "--json").stdout)
        assert cells[0]["entities"] == {"members": 1} and cells[0]["last_sync"]
        run(*where, "device", "revoke", laptop.device_id)
        again = Laptop(base)
        again.keys, again.device_id, again.cell_id = laptop.keys, laptop.device_id, laptop.cell_id
        assert again.pull().status_code == 403
        again.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=30)


def test_make_free_environment_has_no_server_requirement_in_the_desktop_import_path():
    """The desktop entry point must not import the server's dependencies."""
    code = ("import sys, cellsec.cli, cellsec.sync.protocol; "
            "print(','.join(m for m in ('fastapi', 'uvicorn', 'psycopg', 'httpx') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_bundle_import_writes_the_answer_file(where, tmp_path):
    import uuid

    from cellsec.server.store import enrollment
    from cellsec.server.store.db import database_url, open_store
    from cellsec.sync.protocol.envelope import open_answer, read_file, seal_ops, write_file
    from cellsec.sync.protocol.keys import KeyPair
    from cellsec.sync.protocol.ops import Op

    committee = json.loads(run(*where, "committee", "add", "Đảng ủy", "--json").stdout)
    cell = json.loads(run(*where, "cell", "add", "--committee", committee["id"], "Chi bộ", "--json").stdout)
    url = database_url(where[1], where[3] if len(where) > 2 else None)
    store = open_store(url, pool_size=1)
    keys, device = KeyPair.generate(), str(uuid.uuid4())
    with store.transaction() as s:
        _, error = enrollment.enroll(s, store.keys, enrollment.EnrollRequest(cell["enrollment_code"], device,
                                                                             keys.public), "usb")
    assert error is None
    items = [Op(device_id=device, seq=1, entity="members", entity_id="m-1", cell_id=cell["id"], rev=1, base_rev=0,
                op="insert", snapshot={"full_name": "Ngô Thị Gấm"})]
    sent = tmp_path / "chi-bo.cellsec-sync"
    write_file(sent, seal_ops(items, sender_keys=keys, device_id=device, recipient_box=store.keys.public.box,
                              cell_id=cell["id"]))
    server_sign = store.keys.public.sign
    store.close()
    done = json.loads(run(*where, "bundle", "import", str(sent), "--out", str(tmp_path / "tra-loi"), "--json").stdout)
    assert done["summary"]["applied"] == 1 and done["answer_file"].endswith("tra-loi.cellsec-sync")
    answer = read_file(done["answer_file"])
    results, _ = open_answer(answer, answer.verify(server_sign), keys)
    assert results["results"][0]["status"] == "applied"
    again = run(*where, "bundle", "import", str(sent), "--out", str(tmp_path / "lan-2"), check=False)
    assert again.returncode == 1 and "đã được nhập" in again.stderr


def test_receipts_are_recorded_listed_and_cancelled(where):
    committee = json.loads(run(*where, "committee", "add", "Đảng ủy xã Nghi Lộc", "--json").stdout)
    cell = json.loads(run(*where, "cell", "add", "--committee", committee["id"], "Chi bộ Thôn 3", "--json").stdout)
    added = json.loads(run(*where, "receipt", "add", "--cell", cell["id"], "--period", "2026-02",
                           "--amount", "1.250.000", "--date", "2026-03-05", "--note", "Tiền mặt", "--json").stdout)
    assert added["amount"] == 1_250_000 and added["period"] == "2026-02"
    # A quarter holding a month already received is refused in Vietnamese; nothing is recorded.
    done = run(*where, "receipt", "add", "--cell", cell["id"], "--period", "2026-Q1", "--amount", "3.000.000",
               "--date", "2026-04-02", check=False)
    assert done.returncode == 1 and "Đã ghi nhận đảng phí tháng 02/2026" in done.stderr
    done = run(*where, "receipt", "add", "--cell", cell["id"], "--period", "2026-03", "--amount", "12,5",
               "--date", "2026-04-02", check=False)
    assert done.returncode == 1 and "Số tiền không hợp lệ" in done.stderr
    listed = json.loads(run(*where, "receipt", "list", "--cell", cell["id"], "--year", "2026", "--json").stdout)
    assert [(r["id"], r["period_label"], r["amount"], r["received_on"], r["note"]) for r in listed] == [
        (added["id"], "tháng 02/2026", 1_250_000, "2026-03-05", "Tiền mặt")]
    text = run(*where, "receipt", "list", "--cell", cell["id"], "--year", "2026").stdout
    assert "tháng 02/2026  1.250.000 đồng  05/03/2026  Tiền mặt" in text
    assert "Đã hủy phiếu nhận đảng phí tháng 02/2026" in run(*where, "receipt", "cancel", added["id"],
                                                                "--cell", cell["id"]).stdout
    assert "Chưa ghi nhận" in run(*where, "receipt", "list", "--cell", cell["id"], "--year", "2026").stdout
    done = run(*where, "receipt", "cancel", added["id"], "--cell", cell["id"], check=False)
    assert done.returncode == 1 and "Không tìm thấy phiếu" in done.stderr
    # The period can be recorded again after the cancellation.
    run(*where, "receipt", "add", "--cell", cell["id"], "--period", "2026-Q1", "--amount", "3750000",
        "--date", "2026-04-02")
