"""The shared half of the "never lose a word" kill tests: a child process runs a real editor offscreen on a
data folder, reports every autosave on stdout, makes a first edit, waits for an autosave, makes a second,
prints TYPED and keeps running until the parent SIGKILLs it (no chance to save).

A test gives `child_code` the setup of its editor: code that defines `window` (shown), `saved` (the signal
an autosave emits) and either `field` (a text box: the first edit types the second-to-last argument, the
second edit the last one) or its own `first()` and `second()`. The child's arguments are the data folder,
then whatever the test passes (`args` in the setup)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

_CHILD = """
import sys
from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

app = QApplication([])
from cellsec.services.facade import Services
from cellsec.ui.app.i18n import install_language

install_language(app, "vi")
services = Services.open(sys.argv[1])
args = sys.argv[2:]


def type_keys(widget, text):
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def first():
    field.setFocus()
    type_keys(field, args[-2])


def second():
    type_keys(field, args[-1])


{setup}
saved.connect(lambda at: print("AUTOSAVED", at.isoformat(), flush=True))
window.show()
first()
loop = QEventLoop()
saved.connect(loop.quit)
QTimer.singleShot(60000, loop.quit)
loop.exec()
second()
print("TYPED", flush=True)
sys.exit(app.exec())
"""


def child_code(setup: str) -> str:
    return _CHILD.format(setup=textwrap.dedent(setup))


def run_and_kill(code: str, *args: str) -> tuple[list[str], bool]:
    """Start the child, SIGKILL it once it has typed past an autosave; (its lines, whether an autosave
    happened after the last words)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    lines = []
    try:
        for line in child.stdout:
            lines.append(line.strip())
            if line.startswith("TYPED"):
                os.kill(child.pid, signal.SIGKILL)  # mid-editing: the last words are not saved yet
                break
    finally:
        if child.poll() is None:
            child.kill()
        rest, errors = child.communicate(timeout=30)
    lines += [line.strip() for line in rest.splitlines()]
    assert child.returncode == -signal.SIGKILL, errors
    assert lines.index("TYPED") >= 1, errors  # the first autosave happened while the child ran
    return lines, any(line.startswith("AUTOSAVED") for line in lines[lines.index("TYPED") + 1:])
