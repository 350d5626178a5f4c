"""Read models and inputs of the annual review: what the screens, the CLI and the reports receive."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ...domain.review_rules import FormType, RuleSet
from ...domain.reviews import Assessment, CommitmentItem, QuotaStatus
from .messages import DRAFT, SUBMITTED
from .risks import RemovalRisk  # noqa: F401 (a read model of the reviews, defined with its rule's plain part)


# ---- read models and inputs ------------------------------------------------------------------------------------
@dataclass
class RuleSetInfo:
    id: str                  # shipped key ("review_2025") or the copy's row id
    key: str
    name: str
    issuing_document: str
    effective_from: dt.date
    version: int
    builtin: bool
    based_on: str = ""
    scoring: str = "points"
    issued: bool = False     # issued by the committee above (received by sync); read-only like a shipped set


@dataclass
class ReviewYearInfo:
    id: str
    year: int
    rule_set_id: str
    rule_set_name: str
    rule_set_version: int
    opened_on: dt.date
    summary_status: str       # "open" | "submitted"
    summary_submitted_at: dt.datetime | None
    quota_reason: str
    review_count: int

    @property
    def submitted(self) -> bool:
        return self.summary_status == SUBMITTED


@dataclass
class Candidate:
    """A member considered when a year is opened."""

    member_id: str
    name: str
    list_no: int | None
    party_status: str
    activity_status: str
    suggested_form_type: str
    included: bool
    reason: str = ""          # why a member is not reviewed (Vietnamese)
    review_id: str | None = None  # set when the member is already in the year


@dataclass
class ReviewInput:
    """The member's part of a review (what the self-review form submits)."""

    sections: dict[str, str] = field(default_factory=dict)
    scores: dict[str, Any] = field(default_factory=dict)      # group key ("general", "tasks") -> score
    grades: dict[str, str] = field(default_factory=dict)      # criterion key -> grade key (2023 sets)
    conditions: list[str] = field(default_factory=list)       # extra conditions of the top level, confirmed
    disqualifiers: dict[str, str] = field(default_factory=dict)  # ticked case key -> evidence
    self_level: str | None = None


@dataclass
class CellAssessmentInput:
    comment: str = ""
    level: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None


@dataclass
class DecisionInput:
    level: str | None = None
    decision_no: str = ""
    decision_date: dt.date | None = None


@dataclass
class ReviewCheck:
    errors: dict[str, str]
    warnings: dict[str, str]
    assessment: Assessment

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ReviewRecord:
    id: str
    year: int
    member_id: str
    member_name: str
    list_no: int | None
    party_status: str
    form_type: str
    form_type_name: str
    form_code: str
    sections: dict[str, str]
    scores: dict[str, Decimal | None]
    self_score: Decimal | None
    grades: dict[str, str]
    conditions: list[str]
    disqualifiers: dict[str, str]
    self_level: str | None
    cell_comment: str
    cell_level: str | None
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    decided_level: str | None
    decision_no: str
    decision_date: dt.date | None
    status: str               # "draft" | "submitted" | "decided"
    submitted_at: dt.datetime | None
    version: int              # finalised versions so far
    assessment: Assessment
    problems: list[str] = field(default_factory=list)  # stored levels the rules refuse (after a rule change)

    @property
    def locked(self) -> bool:
        return self.status != DRAFT

    @property
    def level(self) -> str | None:
        """The level that counts: decided above, else the cell's proposal, else the member's own."""
        return self.decided_level or self.cell_level or self.self_level

    def as_input(self) -> ReviewInput:
        return ReviewInput(sections=dict(self.sections), scores=dict(self.scores), grades=dict(self.grades),
                           conditions=list(self.conditions), disqualifiers=dict(self.disqualifiers),
                           self_level=self.self_level)

    def cell_input(self) -> CellAssessmentInput:
        return CellAssessmentInput(self.cell_comment, self.cell_level, self.votes_for, self.votes_against,
                                   self.votes_abstain)


@dataclass
class VersionInfo:
    version: int
    stage: str                # "submitted" | "decided" | "amended"
    reason: str
    finalised_at: dt.datetime | None
    hash: str


@dataclass
class SummaryRow:
    review_id: str
    member_id: str
    name: str
    list_no: int | None
    form_type: str
    form_type_name: str
    self_score: Decimal | None
    self_level: str | None
    cell_level: str | None
    decided_level: str | None
    status: str
    votes: tuple[int | None, int | None, int | None]
    problems: list[str] = field(default_factory=list)

    @property
    def level(self) -> str | None:
        return self.decided_level or self.cell_level or self.self_level


@dataclass
class YearSummary:
    """The biểu tổng hợp. Counts and the quota use each member's counting level: decided above, else
    proposed by the cell, else self-proposed."""

    year: int
    rule_set_name: str
    rows: list[SummaryRow]
    counts: dict[str, int]
    quota: QuotaStatus
    quota_reason: str
    submitted: bool
    submitted_at: dt.datetime | None
    quota_note: str = ""
    issuing_document: str = ""

    @property
    def quota_exceeded(self) -> bool:
        return self.quota.exceeded


@dataclass
class CommitmentInput:
    items: list[CommitmentItem] = field(default_factory=list)
    registered_on: dt.date | None = None
    midyear_check: str = ""
    midyear_on: dt.date | None = None
    yearend_result: str = ""
    yearend_on: dt.date | None = None


@dataclass
class CommitmentRecord(CommitmentInput):
    id: str = ""
    member_id: str = ""
    member_name: str = ""
    year: int = 0
    rev: int = 0  # the stored revision read: the editor saves from it


@dataclass
class CollectiveInput:
    sections: dict[str, str] = field(default_factory=dict)
    scores: dict[str, Any] = field(default_factory=dict)
    grades: dict[str, str] = field(default_factory=dict)
    conditions: list[str] = field(default_factory=list)
    disqualifiers: dict[str, str] = field(default_factory=dict)
    self_level: str | None = None


@dataclass
class CollectiveRecord:
    id: str
    year: int
    sections: dict[str, str]
    scores: dict[str, Decimal | None]
    total: Decimal | None
    grades: dict[str, str]
    conditions: list[str]
    disqualifiers: dict[str, str]
    self_level: str | None
    decided_level: str | None
    decision_no: str
    decision_date: dt.date | None
    status: str
    submitted_at: dt.datetime | None
    version: int
    assessment: Assessment

    @property
    def locked(self) -> bool:
        return self.status != DRAFT

    def as_input(self) -> CollectiveInput:
        return CollectiveInput(dict(self.sections), dict(self.scores), dict(self.grades), list(self.conditions),
                               dict(self.disqualifiers), self.self_level)


@dataclass
class HistoryEntry:
    year: int
    form_type_name: str
    self_score: Decimal | None
    self_level: str | None
    cell_level: str | None
    decided_level: str | None
    decision_no: str
    status: str

    @property
    def level(self) -> str | None:
        return self.decided_level or self.cell_level or self.self_level


@dataclass
class ReviewFormData:
    """Everything a printed or Word form of one review needs."""

    cell: Any                 # CellInfo valid at the end of the year
    member: Any               # MemberRecord
    review: ReviewRecord
    rules: RuleSet
    form: FormType
    prefill: dict[str, str]   # section key -> suggested text (commitments, last year's shortcomings)
