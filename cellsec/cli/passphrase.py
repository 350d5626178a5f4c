"""The optional data passphrase (shared laptops): `cellsec passphrase status | set | remove`.

The passphrases are read from standard input, one a line (never from the command line, where other users
of the machine see them): `set` reads the current one first when one is set, then the new one; `remove`
reads the current one. Any other command opens passphrase-protected data with the global
`--passphrase-stdin` (the first line of standard input) or the CELLSEC_PASSPHRASE environment variable.
These commands work on this account's key alone, so they need no open data folder.
"""

from __future__ import annotations

import argparse
import sys

ABOUT = ("Mật khẩu mở dữ liệu (không bắt buộc, cho máy dùng chung tài khoản): khóa mã hóa dữ liệu được khóa "
         "thêm bằng mật khẩu này và CellSec hỏi nó mỗi lần mở. Mật khẩu đọc từ đầu vào chuẩn, mỗi dòng một mật "
         "khẩu: 'set' đọc mật khẩu hiện tại trước (nếu đã có) rồi mật khẩu mới; 'remove' đọc mật khẩu hiện tại.")
SET_DONE = "Đã đặt mật khẩu mở dữ liệu. Từ nay CellSec hỏi mật khẩu này mỗi lần mở."
CHANGED = "Đã đổi mật khẩu mở dữ liệu."
REMOVED = "Đã bỏ mật khẩu mở dữ liệu."
NO_INPUT = "Thiếu mật khẩu trên đầu vào chuẩn (mỗi dòng một mật khẩu)."


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("passphrase", help="mật khẩu mở dữ liệu cho máy dùng chung (không bắt buộc)",
                       description=ABOUT)
    psub = p.add_subparsers(dest="passphrase_command", required=True, metavar="LỆNH")
    for name, help_text, func in (("status", "khóa mã hóa được giữ ở đâu, có mật khẩu mở dữ liệu không", cmd_status),
                                  ("set", "đặt hoặc đổi mật khẩu mở dữ liệu", cmd_set),
                                  ("remove", "bỏ mật khẩu mở dữ liệu", cmd_remove)):
        c = psub.add_parser(name, help=help_text, description=ABOUT)
        c.set_defaults(without_store=func)


def _line() -> str:
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\r\n")


def _run(action) -> int:
    from ..store import keys

    try:
        print(action(keys))
    except EOFError:
        print(NO_INPUT, file=sys.stderr)
        return 2
    except keys.KeyStoreError as exc:  # a wrong current passphrase, a short new one: nothing changed
        print(exc, file=sys.stderr)
        return 2
    return 0


def cmd_status(args, data_dir) -> int:
    return _run(lambda keys: keys.describe())


def cmd_set(args, data_dir) -> int:
    def change(keys) -> str:
        had = keys.has_passphrase()
        current = _line() if had else None
        keys.set_passphrase(current, _line())
        return CHANGED if had else SET_DONE

    return _run(change)


def cmd_remove(args, data_dir) -> int:
    def remove(keys) -> str:
        if not keys.has_passphrase():
            raise keys.KeyStoreError(keys.NO_PASSPHRASE)
        keys.set_passphrase(_line(), None)
        return REMOVED

    return _run(remove)


def unlock_from_stdin() -> int:
    """The global --passphrase-stdin: open the data key with the first line of standard input."""
    from ..store import keys

    try:
        given = _line()
        if keys.has_passphrase():  # (without one there is nothing to open: the line is simply read)
            keys.unlock(given)
    except EOFError:
        print(NO_INPUT, file=sys.stderr)
        return 2
    except keys.KeyStoreError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0
