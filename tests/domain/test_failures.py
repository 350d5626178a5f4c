"""Why a write failed, in the user's language: the system's English text never reaches the message."""

from __future__ import annotations

import errno
import sqlite3

from sqlalchemy.exc import OperationalError

from cellsec.domain import failures, messages


def test_os_errors_are_said_by_their_code():
    assert failures.reason(PermissionError(errno.EACCES, "Permission denied")) == \
        "không có quyền ghi hoặc đọc ở vị trí này"
    assert failures.reason(OSError(errno.ENOSPC, "No space left on device")) == "ổ đĩa đã đầy"
    assert failures.reason(FileNotFoundError(errno.ENOENT, "No such file or directory")) == \
        "không tìm thấy tệp hoặc thư mục"
    assert failures.is_disk_full(OSError(errno.ENOSPC, "No space left on device"))


def test_sqlite_errors_by_name_or_text_inside_sqlalchemy_wrappers():
    locked = sqlite3.OperationalError("database is locked")
    assert failures.reason(OperationalError("UPDATE", {}, locked)).startswith("dữ liệu đang được một chương trình")
    assert failures.reason(sqlite3.OperationalError("attempt to write a readonly database")) == \
        "ổ đĩa hoặc tệp chỉ cho phép đọc"
    assert failures.is_disk_full(sqlite3.OperationalError("database or disk is full"))


def test_anything_else_points_to_the_log_and_english_is_available():
    error = RuntimeError("KeyError: 'cells'")
    assert failures.reason(error) == "lỗi hệ thống (chi tiết đã ghi vào nhật ký của chương trình)"
    assert failures.technical(error) == "RuntimeError: KeyError: 'cells'"
    messages.set_language("en")
    assert failures.reason(PermissionError(errno.EPERM, "x")) == "no permission to read or write there"
