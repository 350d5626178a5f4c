"""argparse's own words in Vietnamese ("positional arguments", "options", "show this help message and
exit", its error messages), so `cellsec --help` and a mistyped command read in one language.

argparse looks its texts up through the module-level `_` and `ngettext` (gettext) at the moment it uses
them; `install()` puts a lookup in this table in their place. A text not in the table stays as it is."""

from __future__ import annotations

import argparse

TEXTS = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số vị trí",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "thiếu các tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn chưa rõ: %(option)s có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "show program's version number and exit": "hiện số phiên bản rồi thoát",
}
PLURALS = {
    "expected %s argument": "cần %s giá trị",
}


def _vi(text: str) -> str:
    return TEXTS.get(text, text)


def _vi_plural(singular: str, plural: str, n: int) -> str:
    return PLURALS.get(singular, singular if n == 1 else plural)


def install() -> None:
    """Make argparse speak Vietnamese from now on (idempotent)."""
    argparse._ = _vi
    argparse.ngettext = _vi_plural
    # The --version action's help is a default argument, not looked up through gettext.
    init = argparse._VersionAction.__init__
    defaults = list(init.__defaults__ or ())
    if defaults and defaults[-1] == "show program's version number and exit":
        defaults[-1] = TEXTS[defaults[-1]]
        init.__defaults__ = tuple(defaults)


install()  # importing the module is the hook (`cellsec.cli` imports it)
