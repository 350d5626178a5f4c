"""Cài đặt → Chi bộ: the deputy secretary is chosen among the cell's official members (a link to the member
record, services/settings/officers.py), not typed as free text. A deputy known only by name (set up before
the link existed, or not on the member list yet) stays as it is until a member is chosen."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

NAME_ONLY = "name"  # the item keeping a deputy known only by name


class DeputyPicker(QComboBox):
    def __init__(self, services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._name_only = ""
        self._names: dict[str, str] = {}  # member id -> full name
        # As wide as the line edits beside it; a long name is elided, not the form widened.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def load(self, info) -> None:
        """The choices, with the cell's deputy selected (`info`: the cell as stored)."""
        self._name_only = "" if info.deputy_member_id else info.deputy_name
        self._fill(info.deputy_member_id or (NAME_ONLY if self._name_only else ""))

    def showPopup(self) -> None:
        # Members added or changed since the page was shown are offered too; the choice made stays.
        self._fill(self.currentData() or "")
        super().showPopup()

    def _fill(self, selected: str) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("(nobody chosen)"), "")
        if self._name_only:
            self.addItem(self.tr("{name} (a name only: not on the member list)").replace("{name}", self._name_only),
                         NAME_ONLY)
        choices = self.services.cell.deputy_choices()
        self._names = {c.member_id: c.full_name for c in choices}
        for choice in choices:
            card = self.tr("card {number}").replace("{number}", choice.card_no) if choice.card_no else ""
            self.addItem(f"{choice.full_name} — {card}" if card else choice.full_name, choice.member_id)
        index = self.findData(selected)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def values(self) -> dict[str, str]:
        """deputy_name and deputy_member_id for the cell's update."""
        data = self.currentData() or ""
        if data == NAME_ONLY:
            return {"deputy_name": self._name_only, "deputy_member_id": ""}
        if not data:
            return {"deputy_name": "", "deputy_member_id": ""}
        return {"deputy_name": self._names.get(data, ""), "deputy_member_id": data}

    def changed_from(self, info) -> bool:
        return self.values() != {"deputy_name": info.deputy_name, "deputy_member_id": info.deputy_member_id}
