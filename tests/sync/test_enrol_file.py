"""A cell that is never online enrols by file: the committee's invitation file goes down on a USB stick, the
laptop's enrolment file comes back, and after that the cell syncs by file; a second laptop receives the
cell's full copy in the answer to its enrolment file."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from cellsec.server.errors import ServerError
from cellsec.server.store import admin
from cellsec.server.store.bundles import import_bundle
from cellsec.sync.errors import SyncError
from cellsec.sync.protocol.invitation import invitation_bytes

from .test_service import _laptop, _live_rows, _member, _server_rows


def _invitation(store, cell_id, folder, name="moi.cellsec-sync", days=30.0, url=""):
    with store.transaction() as s:
        invitation = admin.invite(s, cell_id, store.keys, days, url)
    path = folder / name
    path.write_bytes(invitation_bytes(invitation, store.keys))
    return path


def _carry(store, path, folder, name):
    """The committee imports a file from the USB stick and writes its answer file onto it."""
    answer, summary = import_bundle(store, path.read_bytes())
    out = folder / name
    out.write_bytes(answer)
    return out, summary


def test_a_cell_enrols_and_syncs_by_file_only_and_a_second_laptop_gets_the_full_copy(tmp_path, store, server_cell):
    cell_id, _code = server_cell
    laptop = _laptop(tmp_path, "bi-thu")
    laptop.members.add(_member(cccd="040080001234"))
    status = laptop.sync.connect_file(_invitation(store, cell_id, tmp_path), tmp_path / "dang-ky.cellsec-sync")
    assert status.connected and not status.online and status.pending > 0
    assert laptop.ctx.cell_id == cell_id  # the laptop's records now belong to the committee's cell

    # One trip to the committee: the enrolment file and the changes file together.
    changes = laptop.sync.export_file(tmp_path / laptop.sync.default_file_name())
    enrolled, summary = _carry(store, tmp_path / "dang-ky.cellsec-sync", tmp_path, "tra-loi-dang-ky.cellsec-sync")
    assert summary["enrolled"] is True
    answered, _ = _carry(store, changes.path, tmp_path, "tra-loi.cellsec-sync")
    laptop.sync.import_file(enrolled)
    result = laptop.sync.import_file(answered)
    assert result.pushed == changes.ops and laptop.sync.status().pending == 0
    assert _server_rows(store, cell_id) == _live_rows(laptop)

    with pytest.raises(SyncError) as error:  # no network address: "Đồng bộ ngay" says to use files
        laptop.sync.sync_now()
    assert "bằng tệp" in error.value.message

    # The deputy's new laptop, empty, enrols by file and receives every record of the cell.
    deputy = _laptop(tmp_path, "pho-bi-thu", with_cell=False)
    deputy.sync.connect_file(_invitation(store, cell_id, tmp_path, "moi-2.cellsec-sync"),
                             tmp_path / "dang-ky-2.cellsec-sync")
    full_copy, summary = _carry(store, tmp_path / "dang-ky-2.cellsec-sync", tmp_path, "ban-day-du.cellsec-sync")
    assert summary["changes"] > 0
    deputy.sync.import_file(full_copy)
    assert [m.full_name for m in deputy.members.list()] == ["Lê Văn Hải"]
    assert deputy.cell.get().name == laptop.cell.get().name
    assert _live_rows(deputy) == _live_rows(laptop)
    laptop.close()
    deputy.close()


def test_wrong_invitations_and_enrolments_are_refused(tmp_path, store, server_cell):
    cell_id, _code = server_cell
    laptop = _laptop(tmp_path, "bi-thu")

    def refused(path) -> str:
        with pytest.raises(SyncError) as error:
            laptop.sync.connect_file(path, tmp_path / "dang-ky.cellsec-sync")
        assert not laptop.sync.status().connected and not (tmp_path / "dang-ky.cellsec-sync").exists()
        return error.value.message

    good = _invitation(store, cell_id, tmp_path)
    edited = json.loads(good.read_text(encoding="utf-8"))
    edited["cell_name"] = "Chi bộ khác"
    (tmp_path / "sua.cellsec-sync").write_text(json.dumps(edited), encoding="utf-8")
    assert "đã bị sửa" in refused(tmp_path / "sua.cellsec-sync")
    assert "hết hạn" in refused(_invitation(store, cell_id, tmp_path, "cu.cellsec-sync", days=-1))
    (tmp_path / "rac.cellsec-sync").write_bytes(b"\x00PK\x03\x04 not an invitation")
    assert "không phải tệp mời" in refused(tmp_path / "rac.cellsec-sync")

    # The same invitation used twice: the second enrolment file is refused at the committee.
    laptop.sync.connect_file(good, tmp_path / "dang-ky.cellsec-sync")
    _carry(store, tmp_path / "dang-ky.cellsec-sync", tmp_path, "tra-loi.cellsec-sync")
    other = _laptop(tmp_path, "may-khac", with_cell=False)
    other.sync.connect_file(good, tmp_path / "dang-ky-2.cellsec-sync")
    with pytest.raises(ServerError) as error:
        import_bundle(store, (tmp_path / "dang-ky-2.cellsec-sync").read_bytes())
    assert error.value.code == "code_used"
    laptop.close()
    other.close()


def test_a_laptop_with_records_cannot_join_a_cell_that_has_records_and_the_code_is_not_spent(
        tmp_path, store, server_cell):
    cell_id, _code = server_cell
    first = _laptop(tmp_path, "bi-thu")
    first.members.add(_member())
    first.sync.connect_file(_invitation(store, cell_id, tmp_path), tmp_path / "dk-1.cellsec-sync")
    _carry(store, tmp_path / "dk-1.cellsec-sync", tmp_path, "tl-1.cellsec-sync")
    _carry(store, first.sync.export_file(tmp_path / "thay-doi.cellsec-sync").path, tmp_path, "tl-2.cellsec-sync")

    invitation = _invitation(store, cell_id, tmp_path, "moi-2.cellsec-sync")
    second = _laptop(tmp_path, "may-rieng")
    second.members.add(_member("Phạm Thị Lan"))
    second.sync.connect_file(invitation, tmp_path / "dk-2.cellsec-sync")
    with pytest.raises(ServerError) as error:
        import_bundle(store, (tmp_path / "dk-2.cellsec-sync").read_bytes())
    assert error.value.code == "both_have_data"
    # The code still works for an empty laptop.
    empty = _laptop(tmp_path, "may-trong", with_cell=False)
    empty.sync.connect_file(invitation, tmp_path / "dk-3.cellsec-sync")
    answer, _ = _carry(store, tmp_path / "dk-3.cellsec-sync", tmp_path, "tl-3.cellsec-sync")
    empty.sync.import_file(answer)
    assert [m.full_name for m in empty.members.list()] == ["Lê Văn Hải"]
    for svc in (first, second, empty):
        svc.close()


def test_the_committee_address_in_the_invitation_lets_a_file_cell_sync_online_later(
        tmp_path, store, live_server, server_cell):
    cell_id, _code = server_cell
    laptop = _laptop(tmp_path, "bi-thu")
    laptop.members.add(_member())
    laptop.sync.connect_file(_invitation(store, cell_id, tmp_path, url=live_server), tmp_path / "dk.cellsec-sync")
    assert laptop.sync.status().online
    _carry(store, tmp_path / "dk.cellsec-sync", tmp_path, "tl.cellsec-sync")
    with store.transaction() as s:
        admin.add_decision(s, cell_id, "htt", "15-QĐ/ĐU", dt.date(2026, 12, 20), year=2026)
    result = laptop.sync.sync_now()  # the network reached the hamlet: the same device, online
    assert result.pushed > 0 and "classification_decisions" in result.came_down
    assert _server_rows(store, cell_id) == _live_rows(laptop)
    laptop.close()


def test_the_laptop_killed_while_importing_a_full_copy_keeps_its_store_as_before(tmp_path, store, server_cell):
    """SIGKILL at moments spread over the import: every time the store is exactly as before or exactly as
    after (one transaction), and importing again completes it."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from cellsec.services.facade import Services

    cell_id, _code = server_cell
    first = _laptop(tmp_path, "bi-thu")
    for n in range(150):
        first.members.add(_member(f"Nguyễn Văn {n:03d}", cccd=f"0400800{n:05d}"))
    first.sync.connect_file(_invitation(store, cell_id, tmp_path), tmp_path / "dk-1.cellsec-sync")
    _carry(store, tmp_path / "dk-1.cellsec-sync", tmp_path, "tl-1.cellsec-sync")
    _carry(store, first.sync.export_file(tmp_path / "thay-doi.cellsec-sync").path, tmp_path, "tl-2.cellsec-sync")
    expected = _live_rows(first)
    first.close()

    deputy_dir = tmp_path / "pho-bi-thu"
    deputy = Services.open(deputy_dir)
    deputy.sync.connect_file(_invitation(store, cell_id, tmp_path, "moi-2.cellsec-sync"), tmp_path / "dk-2.cellsec-sync")
    deputy.close()
    full_copy, _ = _carry(store, tmp_path / "dk-2.cellsec-sync", tmp_path, "ban-day-du.cellsec-sync")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "cellsec.cli", "--data-dir", str(deputy_dir), "sync", "import", str(full_copy),
               "--json"]
    outcomes = set()
    for delay in (0.3, 0.6, 0.9, 1.2, 1.6, 2.0):
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        killed = process.poll() is None
        if killed:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        deputy = Services.open(deputy_dir)
        rows = _live_rows(deputy)
        status = deputy.sync.status()
        deputy.close()
        assert rows in ({}, expected), f"half-applied after {delay} s"
        assert (status.last_sync is None) == (rows == {})  # the cursor moved with the rows, never alone
        outcomes.add(("killed" if killed else "finished", "before" if rows == {} else "after"))
        if rows:
            break
    assert ("killed", "before") in outcomes  # at least one kill landed before the import's commit
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    deputy = Services.open(deputy_dir)
    assert _live_rows(deputy) == expected
    deputy.close()
