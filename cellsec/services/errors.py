"""Typed service errors carrying a message in the user's language."""

from __future__ import annotations

import logging

from ..domain import failures
from ..domain.messages import Msg
from ..store.db import StoreError  # noqa: F401  (re-exported: Services.open raises it; the UI catches it)

DISK_FULL = Msg(
    "Ổ đĩa đã đầy nên chưa lưu được. Dữ liệu đang nhập vẫn còn trên màn hình; hãy giải phóng dung lượng rồi lưu lại.",
    "The disk is full, so nothing was saved. What you typed is still on screen; free some space and save again.",
)
WRITE_FAILED = Msg(
    "Chưa lưu được thay đổi ({error}). Dữ liệu cũ không bị ảnh hưởng.",
    "The change was not saved ({error}). The existing data is unaffected.",
)
NOT_FOUND = Msg("Không tìm thấy {what}.", "{what} was not found.")
NOTHING_TO_UNDO = Msg("Không còn thao tác nào để hoàn tác.", "There is nothing to undo.")
NO_CELL = Msg(
    "Chưa khai báo chi bộ. Hãy mở chương trình để thiết lập, hoặc chạy \"cellsec setup\".",
    "No cell has been set up yet. Open the program to set it up, or run \"cellsec setup\".",
)


class ServiceError(Exception):
    """An error the user should read. `message` is already in the user's language."""

    def __init__(self, msg: Msg, **params: object) -> None:
        self.msg = msg
        self.params = params
        super().__init__(msg.format(**params))

    @property
    def message(self) -> str:
        return self.msg.format(**self.params)


def failed(msg: Msg, exc: BaseException, **params: object) -> ServiceError:
    """`msg` for a database or file error, its `{error}` being the reason in the user's language; the
    system's own (English) text goes to the log, not on screen. A full disk always says so (DISK_FULL)."""
    logging.getLogger("cellsec").warning("%s", failures.technical(exc))
    if failures.is_disk_full(exc) and msg is WRITE_FAILED:
        return ServiceError(DISK_FULL)
    return ServiceError(msg, error=failures.reason(exc), **params)


class ValidationFailed(ServiceError):
    """Input refused. `errors` maps a field name to its message (shown next to the field)."""

    def __init__(self, errors: dict[str, str], warnings: dict[str, str] | None = None) -> None:
        self.errors = errors
        self.warnings = warnings or {}
        first = next(iter(errors.values()), "")
        super().__init__(Msg("{text}", "{text}"), text=first)


class NotFound(ServiceError):
    def __init__(self, what: str) -> None:
        super().__init__(NOT_FOUND, what=what)
