"""Why a write or a file operation failed, said in the user's language.

The text of an OSError or a SQLite error is internal English ("[Errno 13] Permission denied",
"database is locked"): it belongs in the log, never pasted into a Vietnamese message. `reason(exc)` turns
the error's code into a short phrase that fits messages such as "Chưa lưu được thay đổi ({error})";
`technical(exc)` is the text for the log. The errors are read by their attributes (errno, SQLite's error
name), so this module imports neither sqlite3 nor SQLAlchemy.
"""

from __future__ import annotations

import errno

from .messages import Msg

DISK_FULL = Msg("ổ đĩa đã đầy", "the disk is full")
NO_PERMISSION = Msg("không có quyền ghi hoặc đọc ở vị trí này", "no permission to read or write there")
READ_ONLY = Msg("ổ đĩa hoặc tệp chỉ cho phép đọc", "the disk or the file is read-only")
NOT_FOUND = Msg("không tìm thấy tệp hoặc thư mục", "the file or folder was not found")
IN_USE = Msg("dữ liệu đang được một chương trình khác sử dụng; hãy thử lại sau ít phút",
             "the data is in use by another program; try again in a few minutes")
DISK_ERROR = Msg("lỗi đọc ghi ổ đĩa (ổ đĩa có thể bị hỏng hoặc đã bị rút ra)",
                 "a disk read/write error (the disk may be damaged or unplugged)")
DAMAGED = Msg("tệp dữ liệu bị hỏng", "the data file is damaged")
INVALID_DATA = Msg("dữ liệu không hợp lệ hoặc bị trùng", "the data is invalid or duplicated")
NAME_TOO_LONG = Msg("tên hoặc đường dẫn tệp quá dài", "the file name or path is too long")
OTHER = Msg("lỗi hệ thống (chi tiết đã ghi vào nhật ký của chương trình)",
            "a system error (the details are in the program's log)")

FILE_FAILED = Msg("Không đọc hoặc ghi được tệp {name} ({error}).", "Could not read or write the file {name} ({error}).")
FILES_FAILED = Msg("Không đọc hoặc ghi được tệp ({error}).", "Could not read or write the file ({error}).")

_BY_ERRNO = {
    errno.ENOSPC: DISK_FULL,
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
    errno.EROFS: READ_ONLY,
    errno.ENOENT: NOT_FOUND,
    errno.ENOTDIR: NOT_FOUND,
    errno.EIO: DISK_ERROR,
    errno.EBUSY: IN_USE,
    errno.ENAMETOOLONG: NAME_TOO_LONG,
}
# SQLite's primary result codes (sqlite3.Error.sqlite_errorname, e.g. "SQLITE_IOERR_WRITE" → "IOERR").
_BY_SQLITE = {
    "FULL": DISK_FULL,
    "BUSY": IN_USE,
    "LOCKED": IN_USE,
    "READONLY": READ_ONLY,
    "PERM": NO_PERMISSION,
    "AUTH": NO_PERMISSION,
    "CANTOPEN": NO_PERMISSION,
    "IOERR": DISK_ERROR,
    "CORRUPT": DAMAGED,
    "NOTADB": DAMAGED,
    "CONSTRAINT": INVALID_DATA,
    "MISMATCH": INVALID_DATA,
    "TOOBIG": INVALID_DATA,
}
# An error without SQLite's error name (older bindings, other drivers): its English text is matched, only to
# choose the phrase.
_BY_SQLITE_TEXT = (
    ("full", DISK_FULL), ("locked", IN_USE), ("busy", IN_USE), ("readonly", READ_ONLY),
    ("read-only", READ_ONLY), ("disk i/o", DISK_ERROR), ("malformed", DAMAGED), ("not a database", DAMAGED),
    ("constraint", INVALID_DATA), ("unable to open", NO_PERMISSION),
)


def _root(exc: BaseException) -> BaseException:
    # SQLAlchemy wraps the driver's error in `.orig`.
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, BaseException) else exc


def reason_msg(exc: BaseException) -> Msg:
    """The message (both languages) saying why `exc` happened, as far as its code tells."""
    exc = _root(exc)
    if isinstance(exc, OSError) and exc.errno in _BY_ERRNO:
        return _BY_ERRNO[exc.errno]
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str) and name.startswith("SQLITE_"):
        primary = name.removeprefix("SQLITE_").split("_")[0]
        if primary in _BY_SQLITE:
            return _BY_SQLITE[primary]
    if not isinstance(exc, OSError):
        text = str(exc).lower()
        for needle, msg in _BY_SQLITE_TEXT:
            if needle in text:
                return msg
    return OTHER


def reason(exc: BaseException) -> str:
    """A short phrase in the user's language (no internal English), to put inside a message."""
    return reason_msg(exc).format()


def is_disk_full(exc: BaseException) -> bool:
    return reason_msg(exc) is DISK_FULL


def file_message(exc: OSError) -> str:
    """A whole sentence for a file operation that failed (an export, a print, an import)."""
    name = getattr(exc, "filename", None)
    if name:
        return FILE_FAILED.format(name=str(name).replace("\\", "/").rsplit("/", 1)[-1], error=reason(exc))
    return FILES_FAILED.format(error=reason(exc))


def technical(exc: BaseException) -> str:
    """The error as the system said it, for the log."""
    root = _root(exc)
    return f"{type(root).__name__}: {root}"
