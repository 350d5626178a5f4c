"""The one marker the user sees on a rule that is data to check and edit ("unverified" in the rule sets).
The maintainers' notes about why (which form was not verified, what a placeholder stands for) stay in the
rule data; the screen only says that the rule can be edited, and where."""

from __future__ import annotations

from PySide6.QtCore import QObject


class RuleMarker(QObject):
    def text(self, where: str) -> str:
        return self.tr("✎ Editable: not yet checked against the official text — adjust it in {where}.").format(
            where=where)


def editable_rule(where: str) -> str:
    return RuleMarker().text(where)
