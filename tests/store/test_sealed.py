"""The encrypted backup file format: what a wrong password, a cut-short or altered file give."""

from __future__ import annotations

import pytest

from cellsec.store import sealed
from cellsec.store.sealed import HEADER_SIZE, SealedError, read_sealed, seal, unseal, write_sealed

PLAIN = b"SQLite format 3\x00" + "Nguyễn Văn Đức, CCCD 040085001234".encode() * 200


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch):
    monkeypatch.setattr(sealed, "SCRYPT_LOG2_N", 10)  # the cost is stored in the file; tests keep it cheap


def test_round_trip_and_nothing_readable_inside(tmp_path):
    data = seal(PLAIN, "mật khẩu dài")
    assert data[:8] == b"CSBACKUP" and data[8] == 1  # magic and format version
    assert "Nguyễn".encode() not in data and b"040085001234" not in data and b"SQLite" not in data
    assert unseal(data, "mật khẩu dài", "x") == PLAIN


def test_each_seal_is_different(tmp_path):
    assert seal(PLAIN, "12345678") != seal(PLAIN, "12345678")  # fresh salt and nonce


def test_wrong_password_is_said_as_such():
    with pytest.raises(SealedError) as err:
        unseal(seal(PLAIN, "đúng mật khẩu"), "sai mật khẩu", "x")
    assert str(err.value) == "Mật khẩu không đúng. Dữ liệu hiện tại không bị thay đổi."


@pytest.mark.parametrize("cut", [1, 100, len(PLAIN) // 2])
def test_a_cut_short_file_is_refused_whole(cut):
    data = seal(PLAIN, "12345678")
    with pytest.raises(SealedError) as err:
        unseal(data[:-cut], "12345678", "sao-luu.cellsec-backup")
    assert "bị thiếu một phần" in str(err.value)


def test_a_cut_inside_the_header_is_called_incomplete():
    with pytest.raises(SealedError) as err:
        unseal(seal(PLAIN, "12345678")[: HEADER_SIZE - 5], "12345678", "a")
    assert "bị thiếu một phần" in str(err.value)


def test_an_altered_byte_is_refused():
    data = bytearray(seal(PLAIN, "12345678"))
    data[HEADER_SIZE + 50] ^= 1
    with pytest.raises(SealedError) as err:
        unseal(bytes(data), "12345678", "a")
    assert "bị hỏng hoặc bị sửa đổi" in str(err.value)


def test_other_files_and_newer_formats():
    with pytest.raises(SealedError, match="không phải bản sao lưu mã hóa"):
        unseal(b"PK\x03\x04" + b"\0" * 200, "12345678", "a.zip")
    newer = bytearray(seal(PLAIN, "12345678"))
    newer[8] = 2
    with pytest.raises(SealedError, match="phiên bản CellSec mới hơn"):
        unseal(bytes(newer), "12345678", "a")


def test_a_short_password_is_refused():
    with pytest.raises(SealedError, match="ít nhất 8 ký tự"):
        seal(PLAIN, "1234567")


def test_write_leaves_no_part_file_when_the_disk_fills(tmp_path, monkeypatch):
    import errno

    plain = tmp_path / "plain"
    plain.write_bytes(PLAIN)
    target = tmp_path / "usb" / "x.cellsec-backup"
    target.parent.mkdir()
    real_fsync = sealed.os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sealed.os, "fsync", full)
    with pytest.raises(OSError):
        write_sealed(plain, target, "12345678")
    assert list(target.parent.iterdir()) == []
    monkeypatch.setattr(sealed.os, "fsync", real_fsync)
    write_sealed(plain, target, "12345678")
    assert read_sealed(target, "12345678") == PLAIN
