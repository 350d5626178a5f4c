"""A refusal with an HTTP status, a stable code and a bilingual message (the API turns it into JSON)."""

from __future__ import annotations

from cellsec.domain.messages import Msg


class ServerError(Exception):
    def __init__(self, status: int, code: str, msg: Msg, **params: object) -> None:
        self.status = status
        self.code = code
        self.msg = msg
        self.params = params
        super().__init__(msg.format(**params))

    def message(self, lang: str) -> str:
        template = self.msg.en if lang == "en" else self.msg.vi
        return template.format(**self.params) if self.params else template

    def to_dict(self) -> dict[str, str]:
        return {"error": self.code, "message": self.message("vi"), "message_en": self.message("en")}

    def __str__(self) -> str:
        return self.msg.format(**self.params)
