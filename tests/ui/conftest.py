"""UI test set-up: the Vietnamese translations compiled and installed (what users see by default), and a
recorder for Qt's modal message boxes so a test never blocks on one."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

ROOT = Path(__file__).resolve().parents[2]


def _i18n_tool():
    spec = importlib.util.spec_from_file_location("cellsec_i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def i18n_tool():
    return _i18n_tool()


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations(i18n_tool):
    """`make test` compiles the .qm files first; a bare pytest run gets them compiled here if stale."""
    folder = ROOT / "resources" / "i18n"
    stale = [ts for ts in folder.glob("*_vi.ts")
             if not ts.with_suffix(".qm").exists() or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime]
    if stale:
        i18n_tool.build()


@pytest.fixture(scope="session", autouse=True)
def _garbage_collected_on_the_ui_thread(qapp):
    from cellsec.ui.common.workers import collect_garbage_on_ui_thread

    collect_garbage_on_ui_thread(qapp)  # as the app does at start-up (see UiThreadCollector)


@pytest.fixture(autouse=True)
def vietnamese(qapp):
    from cellsec.ui.app.i18n import install_language

    install_language(qapp, "vi")
    yield
    install_language(qapp, "vi")
    from cellsec.ui.common.screen_fit import uninstall

    uninstall(qapp)  # a test that ran start-up must not fit the next test's windows


@dataclass
class Boxes:
    """Message boxes the code under test showed: (kind, title, text). `answer` is what question() returns."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.shown if kind is None or k == kind]


@pytest.fixture
def boxes(monkeypatch) -> Boxes:
    recorder = Boxes()

    def fake(kind: str):
        def show(_parent, title, text, *args, **kwargs):
            recorder.shown.append((kind, title, text))
            return recorder.answer if kind == "question" else QMessageBox.StandardButton.Ok
        return show

    for kind in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(fake(kind)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: None))
    return recorder


def type_text(widget, text: str) -> None:
    """Type `text` into a widget key by key, as a user would (Vietnamese letters included: QTest's
    keyClicks only knows ASCII, so every character goes in as a key event carrying its text)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def retype(widget, text: str) -> None:
    """Select everything in a line edit and type `text` over it."""
    widget.setFocus()
    widget.selectAll()
    if text:
        type_text(widget, text)
    else:
        widget.del_()
