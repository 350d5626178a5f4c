"""How a long piece of work reports how far it is and learns that the user stopped it, without Qt.

A service, report or store loop takes two plain callables:
    progress(done, total, text)   how far it is (total 0: not known); text is for the user, may be ""
    cancel()                      True once the user pressed "Dừng"
and calls `step(progress, cancel, done, total, text)` at points where stopping leaves nothing
half-written (between meetings of a book, between copied pages of a backup into a temporary file, after a
committed sync batch). `step` raises `Cancelled`; whoever owns the temporary output removes it.
The window's worker (ui/common/workers.py) passes both and shows them in its progress dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from .messages import Msg

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

STOPPED = Msg("Đã dừng. Chưa ghi gì.", "Stopped. Nothing was written.")


class Cancelled(Exception):
    """The user stopped the work at a point where nothing half-done is left behind."""

    def __init__(self, message: Msg | str = STOPPED) -> None:
        text = message.format() if isinstance(message, Msg) else str(message)
        super().__init__(text)
        self.message = text


def step(progress: Progress | None, cancel: Cancel | None, done: int, total: int, text: str = "") -> None:
    """Report `done` of `total`, then stop here if the user asked to."""
    if progress is not None:
        progress(done, total, text)
    if cancel is not None and cancel():
        raise Cancelled()


def check(cancel: Cancel | None) -> None:
    """Stop here if the user asked to (a point with nothing to report)."""
    if cancel is not None and cancel():
        raise Cancelled()
