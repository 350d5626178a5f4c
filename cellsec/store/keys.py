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

The optional passphrase (shared laptops, where others log in as the same account): the store then holds
the key sealed under it (key_wrap.py). The window asks for it at start, the command line reads it with
`--passphrase-stdin` or from CELLSEC_PASSPHRASE; `unlock` keeps the opened key in this process only.
"""

from __future__ import annotations

import importlib
import logging
import os
from pathlib import Path

from .. import files
from ..domain.messages import Msg
from . import key_wrap

SERVICE = "CellSec"
ACCOUNT = "database-key"
KEY_FILE = "database.key"
STORE_NOTE = "key-store"
KEY_BYTES = 32
PASSPHRASE_ENV = "CELLSEC_PASSPHRASE"
MIN_PASSPHRASE = 8
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
              "chỉ tài khoản của đồng chí đọc được.",
              "This machine has no system credential store, so the data encryption key is kept in the file {path}, "
              "readable by your account only.")
PASSPHRASE_NEEDED = Msg(
    "Dữ liệu trên máy này được bảo vệ bằng mật khẩu mở dữ liệu. Hãy nhập mật khẩu đó (dòng lệnh: "
    "--passphrase-stdin, hoặc biến môi trường CELLSEC_PASSPHRASE).",
    "The data on this machine is protected by a data passphrase. Give it (command line: --passphrase-stdin, "
    "or the CELLSEC_PASSPHRASE environment variable).")
WRONG_PASSPHRASE = Msg("Mật khẩu mở dữ liệu không đúng. Dữ liệu không bị thay đổi gì.",
                       "The data passphrase is wrong. Nothing was changed.")
SHORT_PASSPHRASE = Msg("Mật khẩu mở dữ liệu cần ít nhất {n} ký tự.",
                       "The data passphrase needs at least {n} characters.")
NO_PASSPHRASE = Msg("Dữ liệu trên máy này chưa có mật khẩu mở dữ liệu.",
                    "The data on this machine has no data passphrase.")
WITH_PASSPHRASE = Msg("Khóa được khóa thêm bằng mật khẩu mở dữ liệu: CellSec hỏi mật khẩu này mỗi lần mở.",
                      "The key is also locked by a data passphrase: CellSec asks for it every time it opens.")
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


class PassphraseNeeded(KeyStoreError):
    """The key is sealed under a passphrase that this process was not given."""


class WrongPassphrase(KeyStoreError):
    """The passphrase given does not open the key (nothing was changed)."""


# The keys opened with a passphrase in this process, by where they are kept (tests move CELLSEC_KEY_DIR).
_unlocked: dict[str, bytes] = {}


def _where() -> str:
    return str(key_dir())


def _stored() -> tuple[str | None, object]:
    """The text kept for this account (a raw key in hex, or a sealed one) and where it was read."""
    backend = _noted_keyring()
    if backend is not None:
        try:
            return backend.get_password(SERVICE, ACCOUNT), SERVICE
        except Exception as exc:  # locked or refused: said, never a new key over the old one
            raise KeyStoreError(KEY_STORE_FAILED, error=_reason(exc)) from exc
    path = key_dir() / KEY_FILE
    try:
        return path.read_text(encoding="ascii"), path
    except FileNotFoundError:
        return None, path
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyStoreError(KEY_FILE_BAD, path=path) from exc


def _save(text: str) -> None:
    """Replace the kept text where it is kept (one keyring entry, or the key file rewritten atomically)."""
    backend = _noted_keyring()
    try:
        if backend is not None:
            backend.set_password(SERVICE, ACCOUNT, text)
        else:
            _write_private(key_dir() / KEY_FILE, text + "\n")
    except Exception as exc:
        raise KeyStoreError(KEY_SAVE_FAILED, error=_reason(exc)) from exc


def load() -> bytes | None:
    """This account's database key, or None when none was made here (or it was lost). A key sealed under
    a passphrase is opened with the one given to `unlock` or in CELLSEC_PASSPHRASE (PassphraseNeeded)."""
    if _where() in _unlocked:
        return _unlocked[_where()]
    text, where = _stored()
    if text is None:
        return None
    if key_wrap.is_wrapped(text):
        given = os.environ.get(PASSPHRASE_ENV)
        if given is None:
            raise PassphraseNeeded(PASSPHRASE_NEEDED)
        return unlock(given)
    return _parse(text, where)


def has_passphrase() -> bool:
    text, _ = _stored()
    return text is not None and key_wrap.is_wrapped(text)


def locked() -> bool:
    """A passphrase is set and this process has not been given it (the window asks for it then)."""
    return _where() not in _unlocked and has_passphrase()


def _open_sealed(text: str, passphrase: str, where: object) -> bytes:
    try:
        return _parse(key_wrap.unwrap(text, passphrase).hex(), where)
    except key_wrap.BadPassphrase as exc:
        raise WrongPassphrase(WRONG_PASSPHRASE) from exc


def unlock(passphrase: str) -> bytes:
    """Open the sealed key with `passphrase` for this process. WrongPassphrase changes nothing."""
    text, where = _stored()
    if text is None or not key_wrap.is_wrapped(text):
        key = None if text is None else _parse(text, where)
    else:
        key = _open_sealed(text, passphrase, where)
    if key is None:
        raise KeyStoreError(NO_KEY_YET)
    _unlocked[_where()] = key
    return key


def set_passphrase(current: str | None, new: str | None) -> None:
    """Set, change (`current` must open the key) or remove (`new` None) the passphrase. Only the kept text
    changes; the database and its backups stay under the same key."""
    if new is not None and len(new) < MIN_PASSPHRASE:
        raise KeyStoreError(SHORT_PASSPHRASE, n=MIN_PASSPHRASE)
    text, where = _stored()
    if text is None:
        raise KeyStoreError(NO_KEY_YET)
    if key_wrap.is_wrapped(text):
        if current is None:
            raise WrongPassphrase(WRONG_PASSPHRASE)
        key = _open_sealed(text, current, where)
    elif new is None:
        raise KeyStoreError(NO_PASSPHRASE)
    else:
        key = _parse(text, where)
    _save(key.hex() if new is None else key_wrap.wrap(key, new))
    _unlocked[_where()] = key


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
    path = key_dir() / KEY_FILE
    if backend is not None:
        where = IN_KEYRING.format(store=getattr(backend, "name", type(backend).__name__))
    elif path.exists():
        where = IN_FILE.format(path=path)
    else:
        return NO_KEY_YET.format()
    try:
        sealed = has_passphrase()
    except KeyStoreError:
        sealed = False
    return f"{where} {WITH_PASSPHRASE.format()}" if sealed else where
