"""The optional data passphrase (shared laptops) as the window uses it: asked at start, set, changed or removed
in Cài đặt. The key belongs to this OS account, not to a data folder, so these need no open store (start-up
asks before anything opens it). Failures are ServiceErrors in the user's language; nothing changes on one.
"""

from __future__ import annotations

from ..domain.messages import Msg
from ..store import keys
from .errors import ServiceError

MIN_LENGTH = keys.MIN_PASSPHRASE
PASSPHRASE_SET = Msg("Đã đặt mật khẩu mở dữ liệu. Từ nay CellSec hỏi mật khẩu này mỗi lần mở.",
                     "The data passphrase is set. From now on CellSec asks for it every time it opens.")
PASSPHRASE_CHANGED = Msg("Đã đổi mật khẩu mở dữ liệu.", "The data passphrase was changed.")
PASSPHRASE_REMOVED = Msg("Đã bỏ mật khẩu mở dữ liệu.", "The data passphrase was removed.")


def _said(exc: keys.KeyStoreError) -> ServiceError:
    return ServiceError(exc.msg, **exc.params)


def is_locked() -> bool:
    """A passphrase is set and not yet given in this process (CELLSEC_PASSPHRASE counts as given)."""
    try:
        if not keys.locked():
            return False
        keys.load()  # opens it when the environment gives the passphrase
        return False
    except keys.PassphraseNeeded:
        return True
    except keys.KeyStoreError:
        return True  # a wrong CELLSEC_PASSPHRASE: the window asks


def has_passphrase() -> bool:
    try:
        return keys.has_passphrase()
    except keys.KeyStoreError as exc:
        raise _said(exc) from exc


def unlock(passphrase: str) -> None:
    try:
        keys.unlock(passphrase)
    except keys.KeyStoreError as exc:
        raise _said(exc) from exc


def change(current: str | None, new: str | None) -> str:
    """Set (current None), change, or remove (new None) the passphrase; the message to show."""
    try:
        had = keys.has_passphrase()
        keys.set_passphrase(current, new)
    except keys.KeyStoreError as exc:
        raise _said(exc) from exc
    if new is None:
        return PASSPHRASE_REMOVED.format()
    return (PASSPHRASE_CHANGED if had else PASSPHRASE_SET).format()


def describe() -> str:
    return keys.describe()
