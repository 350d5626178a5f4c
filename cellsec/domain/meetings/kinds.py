"""Meeting kinds, statuses, quarters and the rule values (MeetingRules) every other meetings rule reads."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ..messages import Msg


MEETING_KINDS = ("thuong_ky", "chuyen_de", "combined", "bat_thuong")
# Kinds that are the month's regular meeting / count as the quarter's thematic meeting.
REGULAR_KINDS = ("thuong_ky", "combined")
THEMATIC_KINDS = ("chuyen_de", "combined")
TOPIC_REQUIRED_KINDS = ("chuyen_de", "combined")

KIND_LABELS: dict[str, Msg] = {
    "thuong_ky": Msg("Thường kỳ", "Regular"),
    "chuyen_de": Msg("Chuyên đề", "Thematic"),
    "combined": Msg("Thường kỳ kết hợp chuyên đề", "Regular and thematic"),
    "bat_thuong": Msg("Bất thường", "Extraordinary"),
}

MEETING_STATUSES = ("draft", "approved")
STATUS_LABELS: dict[str, Msg] = {
    "draft": Msg("Dự thảo", "Draft"),
    "approved": Msg("Đã thông qua", "Approved"),
}

ATTENDANCE_STATUSES = ("present", "absent_with_reason", "absent_without_reason", "exempt")
ABSENT_STATUSES = ("absent_with_reason", "absent_without_reason")
ATTENDANCE_LABELS: dict[str, Msg] = {
    "present": Msg("Có mặt", "Present"),
    "absent_with_reason": Msg("Vắng có lý do", "Absent with reason"),
    "absent_without_reason": Msg("Vắng không lý do", "Absent without reason"),
    "exempt": Msg("Miễn sinh hoạt", "Exempt"),
}

QUARTER_NAMES = ("I", "II", "III", "IV")


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


# ---------------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingRules:
    attendance_min_percent: Fraction = Fraction(85)
    min_duration_minutes: int = 90
    min_duration_combined_minutes: int = 120
    consecutive_absence_limit: int = 3
    removal_absent_months: int = 3
    removal_absence_statuses: tuple[str, ...] = ("absent_without_reason",)
    thematic_per_quarter: int = 1
    materials_days_before: int = 1
    numbering_restarts_yearly: bool = True
    version: str = "default"
    source: str = ""

    @classmethod
    def from_values(cls, values: dict[str, Any], version: str = "", source: str = "") -> MeetingRules:
        base = cls()
        return cls(
            attendance_min_percent=Fraction(str(values.get("attendance_min_percent", base.attendance_min_percent))),
            min_duration_minutes=int(values.get("min_duration_minutes", base.min_duration_minutes)),
            min_duration_combined_minutes=int(values.get("min_duration_combined_minutes",
                                                         base.min_duration_combined_minutes)),
            consecutive_absence_limit=int(values.get("consecutive_absence_limit", base.consecutive_absence_limit)),
            removal_absent_months=int(values.get("removal_absent_months", base.removal_absent_months)),
            removal_absence_statuses=tuple(values.get("removal_absence_statuses", base.removal_absence_statuses)),
            thematic_per_quarter=int(values.get("thematic_per_quarter", base.thematic_per_quarter)),
            materials_days_before=int(values.get("materials_days_before", base.materials_days_before)),
            numbering_restarts_yearly=bool(values.get("numbering_restarts_yearly", base.numbering_restarts_yearly)),
            version=str(version or base.version),
            source=source,
        )


DEFAULT_RULES = MeetingRules()
