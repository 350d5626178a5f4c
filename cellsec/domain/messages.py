"""User-facing messages of the layers below the UI, in Vietnamese (default) and English.

Qt translations cover the widgets; the domain and services cannot use Qt, so their messages carry both
languages side by side. Every message is written where it is raised, so none can lack a translation.
"""

from __future__ import annotations

from dataclasses import dataclass

_language = "vi"


def set_language(code: str) -> None:
    global _language
    _language = "en" if code.startswith("en") else "vi"


def language() -> str:
    return _language


@dataclass(frozen=True)
class Msg:
    vi: str
    en: str

    def format(self, **params: object) -> str:
        template = self.en if _language == "en" else self.vi
        return template.format(**params) if params else template

    def __str__(self) -> str:
        return self.format()
