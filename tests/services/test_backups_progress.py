"""Backups and restores report their progress; a backup stopped halfway leaves no file at all (issue 14)."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.domain.progress import Cancelled
from cellsec.store import cipher, sealed

T0 = dt.datetime(2026, 11, 22, 8, 0)


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch):
    monkeypatch.setattr(sealed, "SCRYPT_LOG2_N", 10)


@pytest.fixture(autouse=True)
def _small_steps(monkeypatch):
    monkeypatch.setattr(cipher, "COPY_STEP_PAGES", 8)  # several steps even for the demo cell's small file


def test_a_backup_reports_the_pages_copied(demo_services):
    seen = []
    path = demo_services.backups.backup_now(T0, progress=lambda done, total, text: seen.append((done, total, text)))
    assert path.exists()
    done = [d for d, _, _ in seen]
    assert len(seen) >= 3 and done == sorted(done) and seen[-1][0] == seen[-1][1] > 0
    assert seen[0][2] == "Đang chép dữ liệu…"


def test_a_stopped_backup_leaves_neither_a_backup_nor_a_part_file(demo_services):
    before = sorted(p.name for p in demo_services.backups.folder.glob("*")) \
        if demo_services.backups.folder.exists() else []
    seen = []
    with pytest.raises(Cancelled):
        demo_services.backups.backup_now(T0, progress=lambda *a: seen.append(a), cancel=lambda: len(seen) >= 2)
    assert len(seen) == 2
    assert sorted(p.name for p in demo_services.backups.folder.glob("*")) == before


def test_a_password_backup_stopped_before_sealing_leaves_nothing_on_the_stick(demo_services, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    seen = []
    with pytest.raises(Cancelled):
        demo_services.backups.backup_to(stick, "Mật khẩu chi bộ 2026", T0, progress=lambda *a: seen.append(a),
                                        cancel=lambda: len(seen) >= 2)
    assert [s[2] for s in seen] == ["Đang chép dữ liệu…", "Đang mã hóa bằng mật khẩu…"]
    assert list(stick.iterdir()) == []
    assert not list(demo_services.backups.folder.glob(".sealing-*"))


def test_a_restore_reports_its_three_steps(demo_services):
    backup = demo_services.backups.backup_now(T0)
    seen = []
    demo_services.backups.restore(backup, progress=lambda done, total, text: seen.append((done, total, text)))
    steps = [(d, t, text) for d, t, text in seen if t == 3]
    assert [text for _, _, text in steps] == ["Đang kiểm tra và chép bản sao lưu…", "Đang sao lưu dữ liệu hiện tại…",
                                              "Đang đặt dữ liệu khôi phục vào chỗ…"]
    done = [d / t for d, t, _ in seen if t]
    assert done == sorted(done)
