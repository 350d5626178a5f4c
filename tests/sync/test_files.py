"""Sync by transfer file on a USB stick: the laptop's file, the committee's import, the answer file back."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.server.store import admin
from cellsec.server.store.bundles import import_bundle
from cellsec.sync.errors import SyncError

from .test_service import _code, _edit, _laptop, _live_rows, _member, _server_rows


def _round_trip(laptop, store, folder, name="answer"):
    """Export on the laptop, import at the committee, carry the answer back; returns the laptop's result."""
    exported = laptop.sync.export_file(folder / laptop.sync.default_file_name())
    answer, _summary = import_bundle(store, exported.path.read_bytes())
    answer_path = folder / f"{name}.cellsec-sync"
    answer_path.write_bytes(answer)
    return exported, answer_path, laptop.sync.import_file(answer_path)


def test_a_month_by_usb_then_online_ends_with_both_sides_agreeing(tmp_path, store, live_server, server_cell):
    cell_id, code = server_cell
    laptop = _laptop(tmp_path, "bi-thu")
    member = laptop.members.add(_member(cccd="040080001234"))
    laptop.sync.connect(live_server, code)  # enrolled once; from now on the hamlet has no network

    exported, answer, result = _round_trip(laptop, store, tmp_path)
    assert exported.path.name.startswith("chi-bo-thon-3_") and exported.ops > 0
    assert result.pushed == exported.ops and laptop.sync.status().pending == 0
    # The file says nothing readable: names, CCCD and text are encrypted.
    raw = exported.path.read_bytes()
    for secret in ("Lê Văn Hải", "040080001234", "Thôn 3"):
        assert secret.encode("utf-8") not in raw

    again = laptop.sync.import_file(answer)  # the same answer twice changes nothing
    assert (again.pushed, again.pulled) == (exported.ops, 0) and laptop.sync.status().pending == 0

    # Months later the network works: the same outbox, the same server, no duplicates.
    _edit(laptop, member.id, phone="0977000111")
    with store.transaction() as s:
        admin.add_decision(s, cell_id, "htt", "15-QĐ/ĐU", dt.date(2026, 12, 20), year=2026)
    online = laptop.sync.sync_now()
    assert online.pushed == 1 and "classification_decisions" in online.came_down
    _edit(laptop, member.id, phone="0977000222")
    _exported, _answer, back_to_usb = _round_trip(laptop, store, tmp_path, "answer-2")
    assert back_to_usb.pushed == 1
    assert _server_rows(store, cell_id) == _live_rows(laptop)
    laptop.close()


def test_wrong_files_are_refused_whole(tmp_path, store, live_server, server_cell):
    cell_id, code = server_cell
    laptop = _laptop(tmp_path, "bi-thu")
    laptop.members.add(_member())
    laptop.sync.connect(live_server, code)
    exported = laptop.sync.export_file(tmp_path / "gui-len.cellsec-sync")
    answer, _ = import_bundle(store, exported.path.read_bytes())
    before = laptop.sync.status()

    def refused(data: bytes, name: str) -> str:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(SyncError) as error:
            laptop.sync.import_file(path)
        assert laptop.sync.status() == before  # nothing half-applied
        return error.value.message

    assert "Không nhận tệp này" in refused(answer[: len(answer) // 2], "cut.cellsec-sync")  # USB pulled out
    tampered = bytearray(answer)
    tampered[-10] ^= 0xFF
    assert "Không nhận tệp này" in refused(bytes(tampered), "tampered.cellsec-sync")
    assert "tệp gửi lên cấp trên" in refused(exported.path.read_bytes(), "own.cellsec-sync")
    assert "Không nhận tệp này" in refused(b"PK\x03\x04 not a sync file", "zip.cellsec-sync")

    # The answer meant for the deputy's laptop.
    deputy = _laptop(tmp_path, "pho-bi-thu", with_cell=False)
    deputy.sync.connect(live_server, _code(store, cell_id))
    deputy_answer, _ = import_bundle(store, deputy.sync.export_file(tmp_path / "pho.cellsec-sync").path.read_bytes())
    assert "máy khác" in refused(deputy_answer, "deputy-answer.cellsec-sync")
    laptop.close()
    deputy.close()


def test_a_full_usb_stick_leaves_the_outbox_waiting(tmp_path, store, live_server, server_cell, monkeypatch):
    _cell_id, code = server_cell
    laptop = _laptop(tmp_path, "bi-thu")
    laptop.sync.connect(live_server, code)
    pending = laptop.sync.status().pending
    import cellsec.sync.protocol.envelope as envelope

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(envelope.os, "fsync", disk_full)
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(SyncError) as error:
        laptop.sync.export_file(usb / "gui.cellsec-sync")
    assert "Các thay đổi vẫn chờ gửi" in error.value.message
    assert laptop.sync.status().pending == pending
    assert list(usb.iterdir()) == []  # no half-written file left on the stick
    laptop.close()


def test_the_command_lines_carry_a_file_both_ways(tmp_path, store, db_url, live_server, server_cell):
    import json
    import os
    import subprocess
    import sys

    _cell_id, code = server_cell
    laptop = _laptop(tmp_path, "bi-thu")
    laptop.members.add(_member())
    laptop.sync.connect(live_server, code)
    laptop.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def run(*args):
        done = subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    laptop_cli = ("cellsec.cli", "--data-dir", str(tmp_path / "bi-thu"))
    sent = run(*laptop_cli, "sync", "export", "-o", str(tmp_path), "--json")
    assert sent["ops"] > 0 and sent["file"].endswith(".cellsec-sync")
    answer = tmp_path / "tra-loi.cellsec-sync"
    imported = run("cellsec.server.cli", "--data-dir", str(tmp_path / "server"), "--database-url", db_url,
                   "import", sent["file"], "-o", str(answer), "--json")
    assert imported["summary"]["applied"] == sent["ops"]
    result = run(*laptop_cli, "sync", "import", str(answer), "--json")
    assert result["pushed"] == sent["ops"]
    assert run(*laptop_cli, "sync", "status", "--json")["pending"] == 0
