"""The optional data passphrase (shared laptops): the database key is kept sealed under it; the data opens
only with it; a wrong one changes nothing; setting, changing and removing it never touch the database."""

from __future__ import annotations

import shutil
import unicodedata

import pytest

from cellsec.store import key_wrap, keys
from cellsec.store.db import DB_NAME, StoreError, offers_restore, open_store

PASS = "Chi bộ thôn Đông 2026"


@pytest.fixture
def own_keys(monkeypatch, tmp_path):
    """This test's own copy of the session's key file (the session's stays without a passphrase)."""
    folder = tmp_path / "keys"
    folder.mkdir()
    keys.ensure()  # the session's key, made by the first store if no test made one yet
    shutil.copy(keys.key_dir() / keys.KEY_FILE, folder / keys.KEY_FILE)
    monkeypatch.setenv("CELLSEC_KEY_DIR", str(folder))
    monkeypatch.delenv(keys.PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr(key_wrap, "_LOG2_N", 10)  # a light scrypt (the parameters travel in the sealed text)
    return folder


def _new_process(monkeypatch):
    """What a freshly started program knows: nothing opened yet."""
    monkeypatch.setattr(keys, "_unlocked", {})


def test_wrap_and_unwrap_round_trip_and_a_wrong_passphrase_is_refused():
    key = bytes(range(32))
    text = key_wrap.wrap(key, PASS)
    assert key_wrap.is_wrapped(text) and key.hex() not in text
    assert key_wrap.unwrap(text, PASS) == key
    # Typed composed or decomposed (Telex / VNI keyboards), it is the same passphrase.
    assert key_wrap.unwrap(text, unicodedata.normalize("NFD", PASS)) == key
    with pytest.raises(key_wrap.BadPassphrase):
        key_wrap.unwrap(text, PASS + "x")
    with pytest.raises(key_wrap.BadPassphrase):  # a damaged text, or one asking for absurd memory
        key_wrap.unwrap(text.replace("$17$", "$40$"), PASS)


def test_with_a_passphrase_the_data_opens_only_with_it(services, data_dir, own_keys, monkeypatch):
    services.close()
    key = keys.load()
    keys.set_passphrase(None, PASS)
    stored = (own_keys / keys.KEY_FILE).read_text()
    assert key.hex() not in stored and key_wrap.is_wrapped(stored)
    assert "mật khẩu mở dữ liệu" in keys.describe()

    _new_process(monkeypatch)
    assert keys.locked()
    with pytest.raises(StoreError) as err:
        open_store(data_dir)
    assert "mật khẩu mở dữ liệu" in str(err.value) and not offers_restore(err.value)
    db_before = (data_dir / DB_NAME).read_bytes()
    with pytest.raises(keys.WrongPassphrase) as wrong:
        keys.unlock("không phải mật khẩu")
    assert "không đúng" in str(wrong.value) and "không bị thay đổi" in str(wrong.value)
    assert (own_keys / keys.KEY_FILE).read_text() == stored and (data_dir / DB_NAME).read_bytes() == db_before
    assert keys.locked()

    assert keys.unlock(PASS) == key and not keys.locked()
    open_store(data_dir).close()


def test_the_environment_variable_opens_it_for_scripts(services, data_dir, own_keys, monkeypatch):
    services.close()
    keys.set_passphrase(None, PASS)
    _new_process(monkeypatch)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PASS)
    open_store(data_dir).close()
    _new_process(monkeypatch)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "sai mật khẩu")
    with pytest.raises(StoreError) as err:
        open_store(data_dir)
    assert "không đúng" in str(err.value)


def test_change_needs_the_current_one_and_remove_brings_the_plain_key_back(services, data_dir, own_keys,
                                                                           monkeypatch):
    services.close()
    key = keys.load()
    keys.set_passphrase(None, PASS)
    stored = (own_keys / keys.KEY_FILE).read_text()
    with pytest.raises(keys.WrongPassphrase):
        keys.set_passphrase("đoán thử mật khẩu", "mật khẩu mới của tôi")
    with pytest.raises(keys.WrongPassphrase):
        keys.set_passphrase(None, None)
    assert (own_keys / keys.KEY_FILE).read_text() == stored
    with pytest.raises(keys.KeyStoreError) as short:
        keys.set_passphrase(PASS, "ngắn")
    assert "ít nhất 8 ký tự" in str(short.value)

    keys.set_passphrase(PASS, "mật khẩu mới của tôi")
    _new_process(monkeypatch)
    with pytest.raises(keys.WrongPassphrase):
        keys.unlock(PASS)
    assert keys.unlock("mật khẩu mới của tôi") == key

    keys.set_passphrase("mật khẩu mới của tôi", None)
    assert (own_keys / keys.KEY_FILE).read_text().strip() == key.hex()
    _new_process(monkeypatch)
    assert not keys.locked() and keys.load() == key
    with pytest.raises(keys.KeyStoreError) as none:
        keys.set_passphrase(None, None)
    assert "chưa có mật khẩu" in str(none.value)
    open_store(data_dir).close()


def test_a_passphrase_over_a_key_in_the_system_keyring(monkeypatch, tmp_path, data_dir):
    from tests.store.test_encryption import MemoryKeyring, _system_store

    _system_store(monkeypatch, tmp_path, MemoryKeyring)
    MemoryKeyring.secrets.clear()
    open_store(data_dir).close()
    key = keys.load()
    keys.set_passphrase(None, PASS)
    kept = MemoryKeyring.secrets[(keys.SERVICE, keys.ACCOUNT)]
    assert key_wrap.is_wrapped(kept) and key.hex() not in kept
    assert not (keys.key_dir() / keys.KEY_FILE).exists()
    _new_process(monkeypatch)
    with pytest.raises(StoreError):
        open_store(data_dir)
    keys.unlock(PASS)
    open_store(data_dir).close()
