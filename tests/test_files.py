"""Files CellSec writes for itself are readable only by the user (0600 files, 0700 folders on Linux);
exports the user asks for stay ordinary files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from cellsec.files import attach_log, log_path
from cellsec.store.db import DB_NAME, open_store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="modes are POSIX; Windows relies on the profile folder")


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_store_its_journal_backups_and_log_are_private(services, data_dir):
    services.backups.backup_now()
    wal = data_dir / (DB_NAME + "-wal")
    shm = data_dir / (DB_NAME + "-shm")
    assert wal.exists() and shm.exists()  # the store is open in WAL mode
    assert _mode(data_dir) == 0o700
    for path in (data_dir / DB_NAME, wal, shm, *services.backups.folder.iterdir(), log_path(data_dir)):
        assert _mode(path) == 0o600, path
    assert _mode(services.backups.folder) == 0o700 and _mode(log_path(data_dir).parent) == 0o700


def test_files_written_readable_by_everyone_are_made_private_on_open(services, data_dir):
    backup = services.backups.backup_now()
    services.close()
    for path in (data_dir / DB_NAME, backup):
        os.chmod(path, 0o644)  # as an older version left them
    os.chmod(services.backups.folder, 0o755)
    open_store(data_dir).close()
    assert _mode(data_dir / DB_NAME) == 0o600 and _mode(backup) == 0o600
    assert _mode(services.backups.folder) == 0o700


def test_the_log_follows_the_data_folder(tmp_path):
    first = attach_log(tmp_path / "a")
    second = attach_log(tmp_path / "b")
    assert first != second and _mode(second) == 0o600
    import logging

    logging.getLogger("cellsec").warning("ghi vào nhật ký")
    assert "ghi vào nhật ký" in second.read_text(encoding="utf-8")
    assert "ghi vào nhật ký" not in first.read_text(encoding="utf-8")


def test_a_transfer_file_is_private(tmp_path):
    from cellsec.files import private_opener

    target = tmp_path / "x.cellsec-sync"
    with open(target, "wb", opener=private_opener) as fh:
        fh.write(b"data")
    assert _mode(target) == 0o600


def test_an_export_the_user_asks_for_stays_plain(demo_services, tmp_path):
    out = tmp_path / "danh-sach.xlsx"
    script = ("import sys; from cellsec.cli import main; "
              f"sys.exit(main(['--data-dir', {str(demo_services.data_dir)!r}, 'members', 'export', {str(out)!r}]))")
    demo_services.close()
    subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, env={**os.environ})
    assert _mode(out) & 0o044 == 0o044  # readable by others as the user's umask allows (0644 by default)
