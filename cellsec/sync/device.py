"""This laptop's device identity for sync: an id and a key pair (Ed25519 signing, X25519 encryption).

It lives in the user's config folder, outside the data folder and its database file, keyed by the data
folder's path: a data folder copied to another laptop, or a backup restored there, finds no identity and so
becomes a new device (it must enrol), instead of cloning this laptop's identity and sequence numbers.
`CELLSEC_CONFIG_DIR` overrides the folder (tests, portable installs).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..store.ids import new_id
from .protocol.keys import KeyPair


@dataclass(frozen=True)
class Device:
    id: str
    keys: KeyPair


def config_dir() -> Path:
    override = os.environ.get("CELLSEC_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("CellSec", appauthor=False))


def identity_file(data_dir: Path) -> Path:
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:24]
    return config_dir() / "devices" / f"{digest}.json"


def load(data_dir: Path) -> Device | None:
    path = identity_file(data_dir)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Device(data["device_id"], KeyPair.from_json(data["keys"]))


def load_or_create(data_dir: Path) -> Device:
    found = load(data_dir)
    if found is not None:
        return found
    device = Device(new_id(), KeyPair.generate())
    path = identity_file(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    # The private keys: readable by this user only.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"device_id": device.id, "data_dir": str(Path(data_dir).resolve()), "keys": device.keys.to_json()}, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return device
