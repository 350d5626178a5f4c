"""Guards against a Qt for Python release that breaks the app in a way no other test would pin down."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    changed = Signal(object)


def test_emitting_a_signal_keeps_python_true_alive():
    """PySide6 6.12.0 returns True from Signal.emit() without a reference: on Python 3.11 every emit
    (a keystroke in a form, each saved change) drains True's count until the interpreter aborts with
    "bool_dealloc". pyproject must exclude such a release."""
    sender = _Sender()
    before = sys.getrefcount(True)
    for _ in range(200):
        sender.changed.emit(1)
    assert sys.getrefcount(True) >= before - 5
