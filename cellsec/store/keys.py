"""The database key: 32 random bytes, one per user account of the laptop, kept outside the data folder.

Where it is kept:
- in the system's credential store when there is a real one — Windows Credential Manager, the macOS
  Keychain, the Secret Service of a Linux desktop (GNOME Keyring, KWallet) — through `keyring`;
- otherwise (a Linux machine without a desktop keyring, a portable install, the tests) in the file
  `database.key` in the user's config folder, readable by the user only (0600).
`CELLSEC_KEY_DIR` names that folder and then the file is always used (tests, portable installs).

The key never travels with the data folder: a copied data folder or an automatic backup is unreadable on
another account or laptop. The way back after losing the key (a reinstalled system, a new laptop) is a
password backup (`.cellsec-backup`, sealed.py), which holds a plain copy of the data under its own password.

Which store holds the key is noted in `key-store` beside the key file, so that opening the data imports
only that one keyring backend instead of searching all of them (about 0.3 s on every start).
"""

from __future__ import annotations

import importlib
import logging
import os
from pathlib import Path

from .. import files
from ..domain.messages import Msg

SERVICE = "CellSec"
ACCOUNT = "database-key"
KEY_FILE = "database.key"
STORE_NOTE = "key-store"
KEY_BYTES = 32
# Backends that keep secrets in the system's own protected store; keyrings.alt's plain files are not.
_SYSTEM_BACKENDS = ("keyring.backends.Windows", "keyring.backends.macOS", "keyring.backends.SecretService",
                    "keyring.backends.libsecret", "keyring.backends.kwallet")

KEY_STORE_FAILED = Msg(
    "Không đọc được khóa mã hóa dữ liệu từ kho mật khẩu của hệ điều hành ({error}). Hãy mở khóa kho mật khẩu "
    "(đăng nhập lại vào máy) rồi mở lại CellSec.",
    "Cannot read the data encryption key from the system's credential store ({error}). Unlock the credential "
    "store (log in again) and open CellSec again.")
KEY_FILE_BAD = Msg(
    "Tệp khóa mã hóa {path} bị hỏng. Hãy khôi phục dữ liệu từ một bản sao lưu có mật khẩu (.cellsec-backup).",
    "The encryption key file {path} is damaged. Restore the data from a password backup (.cellsec-backup).")
KEY_SAVE_FAILED = Msg("Không lưu được khóa mã hóa dữ liệu ({error}).", "Cannot save the data encryption key ({error}).")
IN_KEYRING = Msg("Khóa mã hóa dữ liệu được giữ trong kho mật khẩu của hệ điều hành ({store}).",
                 "The data encryption key is kept in the system's credential store ({store}).")
IN_FILE = Msg("Máy này không có kho mật khẩu của hệ điều hành, nên khóa mã hóa dữ liệu được giữ trong tệp {path}, "
              "chỉ tài khoản của bạn đọc được.",
              "This machine has no system credential store, so the data encryption key is kept in the file {path}, "
              "readable by your account only.")
NO_KEY_YET = Msg("Chưa có khóa mã hóa dữ liệu trên máy này.", "There is no data encryption key on this machine yet.")


class KeyStoreError(Exception):
    def __init__(self, msg: Msg, **params: object) -> None:
        self.msg = msg
        self.params = params
        super().__init__(msg.format(**params))


def key_dir() -> Path:
    override = os.environ.get("CELLSEC_KEY_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("CellSec", appauthor=False))


def _reason(exc: Exception) -> str:
    from ..domain import failures

    return failures.reason(exc) if isinstance(exc, OSError) else type(exc).__name__


def system_keyring():
    """The system's credential store as a keyring backend, or None (none there, or CELLSEC_KEY_DIR set)."""
    if os.environ.get("CELLSEC_KEY_DIR"):
        return None
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:  # a broken D-Bus or backend: no store, the key file is used
        return None
    for candidate in getattr(backend, "backends", None) or [backend]:
        if type(candidate).__module__.startswith(_SYSTEM_BACKENDS) and candidate.priority > 0:
            return candidate
    return None


def _noted_keyring():
    """The keyring backend named in `key-store`, or None when the key is in the key file."""
    note = key_dir() / STORE_NOTE
    if os.environ.get("CELLSEC_KEY_DIR") or not note.is_file():
        return None
    module, _, name = note.read_text(encoding="utf-8").strip().partition(":")
    try:
        return getattr(importlib.import_module(module), name)()
    except Exception as exc:
        raise KeyStoreError(KEY_STORE_FAILED, error=_reason(exc)) from exc


def _parse(text: str, where: object) -> bytes:
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyStoreError(KEY_FILE_BAD, path=where)
    return key


def load() -> bytes | None:
    """This account's database key, or None when none was made here (or it was lost)."""
    backend = _noted_keyring()
    if backend is not None:
        try:
            text = backend.get_password(SERVICE, ACCOUNT)
        except Exception as exc:  # locked or refused: said, never a new key over the old one
            raise KeyStoreError(KEY_STORE_FAILED, error=_reason(exc)) from exc
        return None if text is None else _parse(text, SERVICE)
    path = key_dir() / KEY_FILE
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyStoreError(KEY_FILE_BAD, path=path) from exc
    return _parse(text, path)


def create() -> bytes:
    """A new random key, saved in the system's credential store, else in the private key file."""
    key = os.urandom(KEY_BYTES)
    folder = key_dir()
    backend = system_keyring()
    try:
        files.private_dir(folder)
        if backend is not None and _into_keyring(backend, key):
            cls = type(backend)
            _write_private(folder / STORE_NOTE, f"{cls.__module__}:{cls.__qualname__}\n")
        else:
            _write_private(folder / KEY_FILE, key.hex() + "\n")
    except OSError as exc:
        raise KeyStoreError(KEY_SAVE_FAILED, error=_reason(exc)) from exc
    return key


def _into_keyring(backend, key: bytes) -> bool:
    """False when the store refuses (locked, access denied): the key file is used instead of no data at all."""
    try:
        backend.set_password(SERVICE, ACCOUNT, key.hex())
    except Exception as exc:
        logging.getLogger("cellsec").warning("the credential store refused the database key: %s", exc)
        return False
    return True


def ensure() -> bytes:
    return load() or create()


def _write_private(path: Path, text: str) -> None:
    """Written whole or not at all, 0600 from its creation."""
    part = path.with_name(path.name + ".part")
    with open(part, "w", encoding="ascii", opener=files.private_opener) as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(part, path)


def describe() -> str:
    """Where the key is kept, for the settings page and the README's promise."""
    try:
        backend = _noted_keyring()
    except KeyStoreError as exc:
        return str(exc)
    if backend is not None:
        return IN_KEYRING.format(store=getattr(backend, "name", type(backend).__name__))
    path = key_dir() / KEY_FILE
    return IN_FILE.format(path=path) if path.exists() else NO_KEY_YET.format()
