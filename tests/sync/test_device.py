"""The device identity lives outside the data folder, so a copied folder is a new device."""

from __future__ import annotations

import os
import shutil
import stat

from cellsec.sync import device


def test_a_copied_data_folder_is_a_new_device(tmp_path, monkeypatch):
    monkeypatch.setenv("CELLSEC_CONFIG_DIR", str(tmp_path / "config"))
    original = tmp_path / "data"
    original.mkdir()
    (original / "cellsec.sqlite3").write_bytes(b"x")
    first = device.load_or_create(original)
    assert device.load_or_create(original).id == first.id  # stable on this laptop
    assert not any(original.rglob("*.json"))  # nothing of the identity inside the data folder

    copy = tmp_path / "usb-copy"
    shutil.copytree(original, copy)
    assert device.load(copy) is None
    assert device.load_or_create(copy).id != first.id


def test_the_private_keys_are_readable_by_the_user_only(tmp_path, monkeypatch):
    monkeypatch.setenv("CELLSEC_CONFIG_DIR", str(tmp_path / "config"))
    device.load_or_create(tmp_path / "data")
    mode = stat.S_IMODE(os.stat(device.identity_file(tmp_path / "data")).st_mode)
    assert mode == 0o600
