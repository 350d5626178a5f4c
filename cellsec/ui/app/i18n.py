"""Installs the Qt translations (Vietnamese by default) and keeps the services' messages in step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ...domain.messages import set_language
from ...paths import resources_dir

_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, code: str) -> None:
    """Load every resources/i18n/*_vi.qm for Vietnamese; English is the source text (no translator).

    The PySide6 wheel ships no Vietnamese qtbase catalogue, so qt_vi.ts (hand-kept) translates Qt's own
    button and menu texts (OK, Cancel, wizard buttons, the text-field context menu)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    set_language(code)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if code == "vi" else QLocale.Language.English))
    if code != "vi":
        return
    for qm in sorted((resources_dir() / "i18n").glob("*_vi.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
