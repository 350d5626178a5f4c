"""What the scoring service hands out and takes in: score sheets, the assessment form, the rows of the
scoring page's lists, the chart series and the scores report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ...domain import rubrics as R
from ...domain import scores as S


@dataclass
class ScoreSheet:
    """A score sheet as the editor shows it (saved or freshly pre-filled)."""

    subject: str                      # "meeting" | "cell" | "member"
    year: int
    rubric_id: str
    rubric: R.Rubric
    items: dict[str, S.ItemScore]     # criterion id -> points, measured value, note
    values: dict[str, float | bool | None]   # automatic source -> measured value (None: no data)
    result: S.ScoreResult
    id: str | None = None             # the saved row; None = not saved yet
    meeting_id: str | None = None
    member_id: str | None = None
    title: str = ""                   # "Sinh hoạt chi bộ thường kỳ tháng 9 năm 2026", or the member's name
    note: str = ""
    scored_by: str = ""
    # 5-good assessments: the cell's proposal and the decision of the committee above.
    proposal: str = ""
    recognized_title: str = ""
    decision_no: str = ""
    decision_date: dt.date | None = None
    decision_org: str = ""
    rev: int = 0                      # the stored revision read (0: not saved yet); the editor saves from it

    @property
    def saved(self) -> bool:
        return self.id is not None


@dataclass
class AssessmentInput:
    """What the 5-good editor submits."""

    items: dict[str, S.ItemScore] = field(default_factory=dict)
    proposal: str = ""
    recognized_title: str = ""
    decision_no: str = ""
    decision_date: dt.date | None = None
    decision_org: str = ""
    note: str = ""
    rubric_id: str | None = None      # None: the saved sheet's rubric, else the active one


@dataclass
class MeetingScoreRow:
    """An approved meeting of the year and its score, if any (the meeting-scores list)."""

    meeting_id: str
    held_on: dt.date
    period_month: int
    kind: str
    kind_label: str
    title: str
    attendance_rate: float | None
    score_id: str | None
    rubric_name: str
    total: float | None
    max_points: float | None
    band: str

    @property
    def percent(self) -> float | None:
        if self.total is None or not self.max_points:
            return None
        return round(100.0 * self.total / self.max_points, 2)


@dataclass
class AssessmentRow:
    subject: str                      # cell | member
    member_id: str | None
    name: str                         # the cell's name or the member's
    list_no: int | None
    assessment_id: str | None
    total: float | None
    max_points: float | None
    band: str
    proposal: str
    recognized_title: str
    decision_no: str
    decision_date: dt.date | None
    decision_org: str = ""


@dataclass
class MonthValue:
    month: int
    value: float | None               # None: no data that month
    count: int = 0                    # how many meetings the value is made of


@dataclass
class YearValue:
    year: int
    total: float
    max_points: float
    percent: float
    band: str
    recognized_title: str


@dataclass
class MemberAttendanceRow:
    member_id: str
    full_name: str
    list_no: int | None
    expected: int
    present: int
    absent_with_reason: int
    absent_without_reason: int
    rate: float | None


@dataclass
class ScoresReport:
    """Everything the yearly scores report (PDF, XLSX, CLI JSON) shows."""

    year: int
    meetings: list[MeetingScoreRow]
    monthly_scores: list[MonthValue]      # average % of maximum per month
    monthly_attendance: list[MonthValue]  # average attendance % per month
    cell: AssessmentRow | None
    cell_sheet: ScoreSheet | None
    members: list[AssessmentRow]
    history: list[YearValue]              # the cell's 5-good totals year on year
    member_attendance: list[MemberAttendanceRow]
