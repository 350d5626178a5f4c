"""Annual review and quality classification (kiểm điểm, đánh giá, xếp loại chất lượng): the yearly cycle.

The service API the review screens and the CLI use. A year goes through these steps:

1. Rule sets: `list_rule_sets()`, `rule_set(id)`, `rule_set_content(id)`, `copy_rule_set(id)`,
   `update_rule_set(id, content)`, `delete_rule_set(id)`. The shipped sets (resources/rules/review_*.json,
   ids "review_2025", "review_2023") are read-only; a copy is stored in the database and can be edited.
2. Opening a year: `candidates(year)` previews who must be reviewed (exempt members and members who had
   left before the year ended are listed with the reason they are not), with a suggested form type;
   `open_year(year, rule_set_id=None, form_types={member_id: form_type})` creates the year (snapshotting
   the rule set in force, see `rule_set_for_year`), one review per member and the cell's collective review.
   Opening again adds members who became due since. `set_form_type(review_id, form_type)` changes a form.
3. Commitments: `save_commitment(member_id, year, CommitmentInput)`; they pre-fill the review's
   "carrying out commitments" section (`prefill(review_id)`), as last year's shortcomings pre-fill the
   "fixing shortcomings" section.
4. Each review (draft): `check_review(review_id, ReviewInput)` validates live (errors and warnings by field,
   and the Assessment: level from the score, the ceiling after the gates and why); `save_review(...)`
   saves the member's part; `check_cell(...)` / `save_cell_assessment(review_id, CellAssessmentInput)` the
   cell's comment, proposed level and votes; `save_draft(review_id, ReviewInput, CellAssessmentInput)` saves
   both as one action (the editor's Save).
5. `submit_review(review_id)` locks it (a finalised, hash-chained version); `decide(review_id,
   DecisionInput)` records the level decided above (another finalised version). Locked reviews change only
   by `amend_review(review_id, reason, review=..., cell=..., decision=...)`, a new version naming the
   reason. `versions(review_id)` lists the finalised versions.
6. `summary(year)` is the biểu tổng hợp with the live quota; `submit_summary(year, quota_reason)` submits
   every remaining review and the summary (a reason is required when the quota is exceeded).
7. The collective review (Mẫu 01): `collective(year)`, `check_collective`, `save_collective`,
   `submit_collective`, `decide_collective`, `amend_collective`.
8. History: `member_history(member_id)`, `removal_risks()`; `review_reminders` is the overview provider.

Levels are the keys of cellsec.domain.reviews.LEVELS ("htxs", "htt", "ht", "kht"); show them with
`LEVEL_NAMES[level]`. Scores are Decimal. Every method raises ServiceError / ValidationFailed with
Vietnamese messages (ValidationFailed.errors maps a field to its message; fields are "score_<group>",
"grade_<criterion>", "self_level", "level", "disqualifier_<key>", "condition_<key>", "votes",
"decision_no", "decision_date", "quota_reason", "reason", "form_type", "reviews").
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import reviews as rules_mod
from ...domain.dates import format_date
from ...domain.members import ACTIVITY_LABELS, IN_CELL_STATUSES, name_sort_key
from ...domain.messages import Msg
from ...domain.reviews import (
    FAIL,
    LEVEL_NAMES,
    LEVELS,
    SCOPE_COLLECTIVE,
    SCOPE_INDIVIDUAL,
    Assessment,
    CommitmentItem,
    QuotaStatus,
    RuleSet,
    RuleSetError,
)
from ...domain.text import clean_line, clean_text
from ...paths import resources_dir
from ...store.base import utcnow
from ...store.models.core import Audit, ChangeLog
from ...store.models.members import Member
from ...store.models.reviews import CollectiveReview, MemberReview, ReviewCommitment, ReviewRuleSet, ReviewYear
from ..context import Context
from ..errors import NotFound, ServiceError, ValidationFailed
from ..finalise import ChainReport, FinaliseService, finalise

if TYPE_CHECKING:
    from ..overview import Reminder

KIND_REVIEW = "member_review"
KIND_COLLECTIVE = "collective_review"
KIND_SUMMARY = "review_summary"
_KIND_TABLES = {KIND_REVIEW: "member_reviews", KIND_COLLECTIVE: "collective_reviews", KIND_SUMMARY: "review_years"}
SHIPPED_RULE_SETS = ("review_2025", "review_2023")
DRAFT, SUBMITTED, DECIDED = "draft", "submitted", "decided"

# ---- messages ---------------------------------------------------------------------------------------------
WHAT_RULE_SET = Msg("bộ quy tắc kiểm điểm", "review rule set")
WHAT_YEAR = Msg("kỳ kiểm điểm năm {year}", "the {year} review")
WHAT_REVIEW = Msg("bản kiểm điểm", "review")
WHAT_MEMBER = Msg("đảng viên", "member")
SHIPPED_READ_ONLY = Msg(
    "Bộ quy tắc có sẵn \"{name}\" không sửa được. Hãy sao chép rồi sửa bản sao.",
    "The shipped rule set \"{name}\" cannot be edited. Copy it and edit the copy.",
)
RULE_SET_IN_USE = Msg(
    "Bộ quy tắc \"{name}\" đang được dùng cho kỳ kiểm điểm năm {years}; không xóa được.",
    "The rule set \"{name}\" is used by the {years} review; it cannot be deleted.",
)
YEAR_RANGE = Msg("Năm kiểm điểm phải từ 2000 đến {max}.", "The review year must be between 2000 and {max}.")
YEAR_NOT_OPEN = Msg("Chưa mở kỳ kiểm điểm năm {year}.", "The {year} review has not been opened.")
YEAR_SUBMITTED = Msg(
    "Biểu tổng hợp năm {year} đã gửi lên cấp trên; không đổi bộ quy tắc được nữa.",
    "The {year} summary has been submitted; the rule set can no longer change.",
)
YEAR_HAS_SUBMISSIONS = Msg(
    "Đã có bản kiểm điểm năm {year} gửi lên cấp trên; không đổi bộ quy tắc được nữa.",
    "Reviews of {year} have been submitted; the rule set can no longer change.",
)
LOCKED = Msg(
    "Bản kiểm điểm của đồng chí {name} đã gửi lên cấp trên nên không sửa trực tiếp được. "
    "Hãy lập bản đính chính và ghi rõ lý do.",
    "{name}'s review has been submitted, so it cannot be edited directly. Make an amendment with its reason.",
)
COLLECTIVE_LOCKED = Msg(
    "Báo cáo kiểm điểm tập thể năm {year} đã gửi lên cấp trên; hãy lập bản đính chính và ghi rõ lý do.",
    "The {year} collective review has been submitted; make an amendment with its reason.",
)
NOT_LOCKED = Msg(
    "Bản kiểm điểm chưa gửi lên cấp trên nên sửa trực tiếp, không cần đính chính.",
    "The review has not been submitted; edit it directly, no amendment is needed.",
)
NOT_SUBMITTED = Msg(
    "Phải gửi bản kiểm điểm lên cấp trên trước khi ghi mức xếp loại được quyết định.",
    "Submit the review before recording the decided level.",
)
ALREADY_DECIDED = Msg(
    "Đã ghi mức xếp loại được quyết định; muốn sửa hãy lập bản đính chính và ghi rõ lý do.",
    "The decided level is recorded; to change it make an amendment with its reason.",
)
UNKNOWN_FORM = Msg("Mẫu kiểm điểm không có trong bộ quy tắc của năm.", "This form type is not in the year's rule set.")
UNKNOWN_GRADE = Msg("Mức đánh giá không hợp lệ.", "Unknown grade.")
UNKNOWN_CASE = Msg("Trường hợp này không có trong bộ quy tắc của năm.", "This case is not in the year's rule set.")
UNKNOWN_CONDITION = Msg("Điều kiện này không có trong bộ quy tắc của năm.", "This condition is not in the year's rule set.")
REQUIRED = Msg("Không được để trống.", "This field is required.")
SELF_LEVEL_REQUIRED = Msg("Chưa có mức tự nhận xếp loại.", "The self-assessed level is missing.")
CELL_LEVEL_REQUIRED = Msg("Chưa có mức xếp loại chi bộ đề xuất.", "The level the cell proposes is missing.")
VOTES_NEGATIVE = Msg("Số phiếu không được âm.", "Vote counts cannot be negative.")
VOTES_TOO_MANY = Msg(
    "Tổng số phiếu ({total}) nhiều hơn số đảng viên của chi bộ ({members}).",
    "The votes ({total}) outnumber the cell's members ({members}).",
)
DECISION_DATE_EARLY = Msg(
    "Ngày quyết định không thể trước năm được kiểm điểm ({year}).",
    "The decision cannot be dated before the reviewed year ({year}).",
)
DECISION_DATE_FUTURE = Msg("Ngày quyết định không được sau hôm nay.", "The decision date cannot be in the future.")
REASON_REQUIRED = Msg("Hãy ghi lý do đính chính.", "Give the reason for the amendment.")
QUOTA_REASON_REQUIRED = Msg(
    "Số đề xuất \"Hoàn thành xuất sắc nhiệm vụ\" ({proposed}) vượt tỷ lệ cho phép ({allowed}) {over} trường hợp; "
    "hãy ghi lý do đề nghị.",
    "The proposed \"excellent\" ratings ({proposed}) exceed the quota ({allowed}) by {over}; give the reason.",
)
REVIEWS_INCOMPLETE = Msg(
    "Chưa có mức chi bộ đề xuất cho: {names}.", "The cell has not proposed a level for: {names}.",
)
REVIEWS_REFUSED = Msg(
    "Mức xếp loại không phù hợp quy định: {names}.", "Levels the rules do not allow: {names}.",
)
SUMMARY_SUBMITTED = Msg(
    "Biểu tổng hợp năm {year} đã gửi lên cấp trên.", "The {year} summary has already been submitted.",
)
NOT_REVIEWED_EXEMPT = Msg("Miễn công tác và sinh hoạt đảng", "Exempt from Party work and activities")
NOT_REVIEWED_LEFT = Msg("{status} từ ngày {date}", "{status} since {date}")
NOT_REVIEWED_ADMITTED = Msg("Vào Đảng sau năm {year}", "Admitted after {year}")
REMOVAL_RISK = Msg(
    "Đồng chí {name} bị xếp loại \"Không hoàn thành nhiệm vụ\" hai năm liền ({first} và {second}): "
    "chi bộ xem xét theo quy định (thuộc diện xem xét xóa tên, thay thế chức vụ).",
    "{name} was rated \"Did not fulfil duties\" two years in a row ({first} and {second}): "
    "the cell must consider the case (grounds for removal from the list or from office).",
)

REVIEW_DOC_NAME = Msg("năm {year} của đồng chí {name}", "{year} of {name}")
COLLECTIVE_DOC_NAME = Msg("năm {year}", "{year}")

S_COPY = Msg("Sao chép bộ quy tắc kiểm điểm \"{name}\"", "Copy the review rule set \"{name}\"")
S_UPDATE = Msg("Sửa bộ quy tắc kiểm điểm \"{name}\"", "Edit the review rule set \"{name}\"")
S_DELETE = Msg("Xóa bộ quy tắc kiểm điểm \"{name}\"", "Delete the review rule set \"{name}\"")
S_OPEN = Msg("Mở kỳ kiểm điểm năm {year} ({count} đảng viên)", "Open the {year} review ({count} members)")
S_ADD = Msg("Bổ sung {count} đảng viên vào kỳ kiểm điểm năm {year}", "Add {count} members to the {year} review")
S_RULES = Msg("Đổi bộ quy tắc của kỳ kiểm điểm năm {year}: {name}", "Change the {year} review's rule set: {name}")
S_FORM = Msg("Đổi mẫu kiểm điểm của đồng chí {name}: {form}", "Change {name}'s review form: {form}")
S_SAVE = Msg("Lưu bản tự kiểm điểm năm {year} của đồng chí {name}", "Save {name}'s {year} self-review")
S_CELL = Msg("Ghi ý kiến chi bộ về đồng chí {name} (năm {year})", "Record the cell's assessment of {name} ({year})")
S_SUBMIT = Msg("Gửi bản kiểm điểm năm {year} của đồng chí {name} lên cấp trên",
               "Submit {name}'s {year} review")
S_DECIDE = Msg("Ghi mức xếp loại năm {year} của đồng chí {name}: {level}",
               "Record {name}'s {year} level: {level}")
S_AMEND = Msg("Đính chính bản kiểm điểm năm {year} của đồng chí {name}", "Amend {name}'s {year} review")
S_SUMMARY = Msg("Gửi biểu tổng hợp xếp loại đảng viên năm {year}", "Submit the {year} classification summary")
S_COMMIT = Msg("Lưu đăng ký cam kết năm {year} của đồng chí {name}", "Save {name}'s {year} commitments")
S_COLL_SAVE = Msg("Lưu báo cáo kiểm điểm tập thể chi bộ năm {year}", "Save the cell's {year} collective review")
S_COLL_SUBMIT = Msg("Gửi báo cáo kiểm điểm tập thể chi bộ năm {year}", "Submit the cell's {year} collective review")
S_COLL_DECIDE = Msg("Ghi mức xếp loại chi bộ năm {year}: {level}", "Record the cell's {year} level: {level}")
S_COLL_AMEND = Msg("Đính chính báo cáo kiểm điểm tập thể năm {year}", "Amend the cell's {year} collective review")


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
class RemovalRisk:
    member_id: str
    name: str
    years: tuple[int, int]


@dataclass
class ReviewFormData:
    """Everything a printed or Word form of one review needs."""

    cell: Any                 # CellInfo valid at the end of the year
    member: Any               # MemberRecord
    review: ReviewRecord
    rules: RuleSet
    form: rules_mod.FormType
    prefill: dict[str, str]   # section key -> suggested text (commitments, last year's shortcomings)


# ---- helpers ---------------------------------------------------------------------------------------------------
def _loads(text: str | None, default: Any) -> Any:
    if not text:
        return default
    return json.loads(text)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _scores_out(raw: dict[str, str]) -> dict[str, Decimal | None]:
    return {k: (Decimal(v) if v not in (None, "") else None) for k, v in raw.items()}


def _level_or_none(value: str | None) -> str | None:
    return value or None


def shipped_rule_path(key: str):
    return resources_dir() / "rules" / f"{key}.json"


@lru_cache(maxsize=1)
def _shipped_texts() -> dict[str, str]:
    return {key: shipped_rule_path(key).read_text(encoding="utf-8") for key in SHIPPED_RULE_SETS}


@lru_cache(maxsize=64)
def _rules_from_json(text: str) -> RuleSet:
    """Parsed rule sets by their JSON text: a year's snapshot is parsed once, not on every read."""
    return rules_mod.parse_rule_set(json.loads(text))


class ReviewService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # ==== finalisation (shared chained store, cellsec.services.finalise) ==========================================
    def _finalise(self, s: Session, kind: str, entity_id: str, version: int, content: dict) -> None:
        finalise(s, self.ctx.cell_id, kind, entity_id, version, content)
        # Earlier actions on a finalised record are sealed for undo, so Undo moves on to older, unrelated
        # actions instead of stopping at them (Context.last_undoable would otherwise refuse them).
        s.flush()
        touched = select(ChangeLog.audit_id).where(ChangeLog.entity == _KIND_TABLES[kind],
                                                   ChangeLog.entity_id == entity_id)
        for audit in s.scalars(select(Audit).where(Audit.id.in_(touched), Audit.undoable.is_(True))):
            audit.undoable = False

    def verify_chain(self) -> ChainReport:
        """The shared chain check ("Kiểm tra dữ liệu") over every finalised document of the cell."""
        return FinaliseService(self.ctx).verify_chain()

    # ==== rule sets =================================================================================================
    @staticmethod
    def _shipped() -> dict[str, tuple[dict, RuleSet]]:
        return {key: (json.loads(text), _rules_from_json(text)) for key, text in _shipped_texts().items()}

    def list_rule_sets(self) -> list[RuleSetInfo]:
        """Shipped sets first (newest first), then the user's copies (newest effective date first)."""
        infos = [RuleSetInfo(key, rs.key, rs.name, rs.issuing_document, rs.effective_from, rs.version, True,
                             scoring=rs.scoring)
                 for key, (_, rs) in self._shipped().items()]
        infos.sort(key=lambda i: i.effective_from, reverse=True)
        with self.ctx.read() as s:
            rows = s.scalars(select(ReviewRuleSet).where(ReviewRuleSet.cell_id == self.ctx.cell_id,
                                                         ReviewRuleSet.deleted_at.is_(None))).all()
            copies = [self._copy_info(r) for r in rows]
        copies.sort(key=lambda i: (i.effective_from, i.name), reverse=True)
        return infos + copies

    @staticmethod
    def _copy_info(row: ReviewRuleSet) -> RuleSetInfo:
        scoring = json.loads(row.content).get("scoring", "points")
        return RuleSetInfo(row.id, row.key, row.name, row.issuing_document, row.effective_from, row.version, False,
                           row.based_on, scoring)

    def _rule_content(self, rule_set_id: str) -> tuple[dict, RuleSetInfo]:
        shipped = self._shipped()
        if rule_set_id in shipped:
            data, rs = shipped[rule_set_id]
            return data, RuleSetInfo(rule_set_id, rs.key, rs.name, rs.issuing_document, rs.effective_from,
                                     rs.version, True, scoring=rs.scoring)
        with self.ctx.read() as s:
            row = s.get(ReviewRuleSet, rule_set_id)
            if row is None or row.deleted_at is not None or row.cell_id != self.ctx.cell_id:
                raise NotFound(WHAT_RULE_SET.format())
            return json.loads(row.content), self._copy_info(row)

    def rule_set_info(self, rule_set_id: str) -> RuleSetInfo:
        return self._rule_content(rule_set_id)[1]

    def rule_set(self, rule_set_id: str) -> RuleSet:
        return rules_mod.parse_rule_set(self._rule_content(rule_set_id)[0])

    def rule_set_content(self, rule_set_id: str) -> dict:
        """The rule set as JSON data (for an editor: change values, then `update_rule_set`)."""
        return json.loads(json.dumps(self._rule_content(rule_set_id)[0]))

    def rule_set_for_year(self, year: int) -> RuleSetInfo:
        """The set in force for a year's review: the latest effective date on or before 31/12 of the year
        (a user's copy wins over the shipped set it shares the date with); before every set, the oldest."""
        sets = self.list_rule_sets()
        end = dt.date(year, 12, 31)
        eligible = [i for i in sets if i.effective_from <= end]
        if not eligible:
            return min(sets, key=lambda i: i.effective_from)
        return max(eligible, key=lambda i: (i.effective_from, not i.builtin, i.version))

    def copy_rule_set(self, rule_set_id: str, name: str | None = None) -> RuleSetInfo:
        data, info = self._rule_content(rule_set_id)
        data = dict(data)
        data["name"] = clean_line(name) or f"{info.name} (bản sao)"
        data["version"] = 1
        data["based_on"] = rule_set_id
        rs = self._parse(data)
        with self.ctx.mutation("reviews.rules.copy", S_COPY.format(name=info.name)) as s:
            row = ReviewRuleSet(cell_id=self.ctx.cell_id, key=rs.key, name=rs.name,
                       issuing_document=rs.issuing_document, effective_from=rs.effective_from,
                       version=1, based_on=rule_set_id, content=_dumps(data))
            s.add(row)
            s.flush()
            return self._copy_info(row)

    @staticmethod
    def _parse(data: dict) -> RuleSet:
        try:
            return rules_mod.parse_rule_set(data)
        except RuleSetError as exc:
            raise ValidationFailed({"content": str(exc)}) from exc

    def update_rule_set(self, rule_set_id: str, content: dict) -> RuleSetInfo:
        """Replace a copy's content (validated); the version goes up by one. Years already opened keep
        the snapshot they took (see `set_year_rule_set` to apply the edit to a year)."""
        if rule_set_id in SHIPPED_RULE_SETS:
            raise ServiceError(SHIPPED_READ_ONLY, name=self.rule_set_info(rule_set_id).name)
        _, info = self._rule_content(rule_set_id)
        data = dict(content)
        data["version"] = info.version + 1
        data.setdefault("based_on", info.based_on)
        rs = self._parse(data)
        with self.ctx.mutation("reviews.rules.update", S_UPDATE.format(name=rs.name)) as s:
            row = s.get(ReviewRuleSet, rule_set_id)
            row.key, row.name, row.issuing_document = rs.key, rs.name, rs.issuing_document
            row.effective_from, row.version, row.content = rs.effective_from, rs.version, _dumps(data)
            s.flush()
            return self._copy_info(row)

    def delete_rule_set(self, rule_set_id: str) -> None:
        if rule_set_id in SHIPPED_RULE_SETS:
            raise ServiceError(SHIPPED_READ_ONLY, name=self.rule_set_info(rule_set_id).name)
        info = self.rule_set_info(rule_set_id)
        years = [y.year for y in self.list_years() if y.rule_set_id == rule_set_id]
        if years:
            raise ServiceError(RULE_SET_IN_USE, name=info.name, years=", ".join(map(str, years)))
        with self.ctx.mutation("reviews.rules.delete", S_DELETE.format(name=info.name)) as s:
            s.get(ReviewRuleSet, rule_set_id).deleted_at = utcnow()

    # ==== years =====================================================================================================
    def _year_row(self, s: Session, year: int) -> ReviewYear:
        row = s.scalars(select(ReviewYear).where(ReviewYear.cell_id == self.ctx.cell_id, ReviewYear.year == year,
                                                 ReviewYear.deleted_at.is_(None))).first()
        if row is None:
            raise ServiceError(YEAR_NOT_OPEN, year=year)
        return row

    def _year_info(self, s: Session, row: ReviewYear) -> ReviewYearInfo:
        count = len(s.scalars(select(MemberReview.id).join(Member, Member.id == MemberReview.member_id)
                              .where(MemberReview.year_id == row.id, MemberReview.deleted_at.is_(None),
                                     Member.deleted_at.is_(None))).all())
        name = json.loads(row.rules_json).get("name", "")
        return ReviewYearInfo(row.id, row.year, row.rule_set_id, name, row.rule_set_version, row.opened_on,
                              row.summary_status, row.summary_submitted_at, row.quota_reason, count)

    def list_years(self) -> list[ReviewYearInfo]:
        """Opened years, newest first."""
        with self.ctx.read() as s:
            rows = s.scalars(select(ReviewYear).where(ReviewYear.cell_id == self.ctx.cell_id,
                                                      ReviewYear.deleted_at.is_(None))
                             .order_by(ReviewYear.year.desc())).all()
            return [self._year_info(s, r) for r in rows]

    def get_year(self, year: int) -> ReviewYearInfo:
        with self.ctx.read() as s:
            return self._year_info(s, self._year_row(s, year))

    def is_open(self, year: int) -> bool:
        with self.ctx.read() as s:
            return s.scalars(select(ReviewYear.id).where(ReviewYear.cell_id == self.ctx.cell_id,
                                                         ReviewYear.year == year,
                                                         ReviewYear.deleted_at.is_(None))).first() is not None

    def rules_for_year(self, year: int) -> RuleSet:
        """The rule set snapshot the opened year uses."""
        with self.ctx.read() as s:
            return _rules_from_json(self._year_row(s, year).rules_json)

    @staticmethod
    def _check_year(year: int, today: dt.date) -> None:
        if not (2000 <= year <= today.year + 1):
            raise ValidationFailed({"year": YEAR_RANGE.format(max=today.year + 1)})

    def candidates(self, year: int, rule_set_id: str | None = None) -> list[Candidate]:
        """Every live member with whether they must be reviewed for `year` and the suggested form type.
        Exempt members and members who left the cell before the year ended are not reviewed."""
        rules = self.rules_for_year(year) if (rule_set_id is None and self.is_open(year)) else \
            self.rule_set(rule_set_id or self.rule_set_for_year(year).id)
        end = dt.date(year, 12, 31)
        with self.ctx.read() as s:
            members = s.scalars(select(Member).where(Member.cell_id == self.ctx.cell_id,
                                                     Member.deleted_at.is_(None))).all()
            existing = dict(s.execute(
                select(MemberReview.member_id, MemberReview.id).where(
                    MemberReview.cell_id == self.ctx.cell_id, MemberReview.year == year,
                    MemberReview.deleted_at.is_(None))).all())
        out = []
        for m in members:
            reason = ""
            if m.admitted_on is not None and m.admitted_on > end:
                reason = NOT_REVIEWED_ADMITTED.format(year=year)
            elif m.activity_status == "exempt" and (m.status_from is None or m.status_from <= end):
                reason = NOT_REVIEWED_EXEMPT.format()
            elif m.activity_status not in IN_CELL_STATUSES and (m.status_from is None or m.status_from <= end):
                reason = NOT_REVIEWED_LEFT.format(status=ACTIVITY_LABELS[m.activity_status].format(),
                                                  date=format_date(m.status_from) or "?")
            suggested = rules_mod.suggest_form_type(
                rules, party_status=self._party_status_at(m, end), position_party=m.position_party,
                position_government=m.position_government, workplace=m.workplace)
            out.append(Candidate(m.id, m.full_name, m.list_no, m.status, m.activity_status, suggested,
                                 included=not reason, reason=reason, review_id=existing.get(m.id)))
        out.sort(key=lambda c: (not c.included, c.list_no is None, c.list_no or 0, name_sort_key(c.name)))
        return out

    @staticmethod
    def _party_status_at(m: Member, end: dt.date) -> str:
        """The party status at the end of the year: a member recognised as official later was probationary."""
        if m.status == "chinh_thuc" and m.official_on is not None and m.official_on > end:
            return "du_bi"
        return m.status

    def open_year(self, year: int, rule_set_id: str | None = None, form_types: dict[str, str] | None = None,
                  *, today: dt.date | None = None) -> ReviewYearInfo:
        """Open the year (or add members who became due since it was opened): one draft review per member
        who must be reviewed, with the suggested form type unless `form_types` says otherwise."""
        today = today or dt.date.today()
        self._check_year(year, today)
        form_types = dict(form_types or {})
        already = self.is_open(year)
        if already:
            rules = self.rules_for_year(year)
        else:
            data, info = self._rule_content(rule_set_id or self.rule_set_for_year(year).id)
            rules = rules_mod.parse_rule_set(data)
        if any(not rules.has_form_type(f) for f in form_types.values()):
            raise ValidationFailed({"form_type": UNKNOWN_FORM.format()})
        due = [c for c in self.candidates(year, None if already else info.id) if c.included and not c.review_id]
        if already and not due:
            return self.get_year(year)  # nothing to add: no empty action in the Undo menu
        summary = (S_ADD if already else S_OPEN).format(year=year, count=len(due))
        with self.ctx.mutation("reviews.open", summary) as s:
            if already:
                row = self._year_row(s, year)
            else:
                row = ReviewYear(cell_id=self.ctx.cell_id, year=year, rule_set_id=info.id,
                           rule_set_version=info.version, rules_json=_dumps(data), opened_on=today)
                s.add(row)
                s.flush()
                s.add(CollectiveReview(cell_id=self.ctx.cell_id, year_id=row.id, year=year))
            for c in due:
                s.add(MemberReview(cell_id=self.ctx.cell_id, year_id=row.id, year=year, member_id=c.member_id,
                           form_type=form_types.get(c.member_id, c.suggested_form_type)))
            s.flush()
            return self._year_info(s, row)

    def set_year_rule_set(self, year: int, rule_set_id: str) -> ReviewYearInfo:
        """Use another rule set (or the edited version of the same) for a year nothing was submitted in.
        Forms the new set lacks fall back to the suggested form type."""
        data, info = self._rule_content(rule_set_id)
        rules = rules_mod.parse_rule_set(data)
        with self.ctx.read() as s:
            row = self._year_row(s, year)
            if row.summary_status == SUBMITTED:
                raise ServiceError(YEAR_SUBMITTED, year=year)
            locked = s.scalars(select(MemberReview.id).where(MemberReview.year_id == row.id,
                                                             MemberReview.deleted_at.is_(None),
                                                             MemberReview.status != DRAFT)).first()
        if locked:
            raise ServiceError(YEAR_HAS_SUBMISSIONS, year=year)
        suggestions = {c.member_id: c.suggested_form_type for c in self.candidates(year, rule_set_id)}
        with self.ctx.mutation("reviews.year.rules", S_RULES.format(year=year, name=info.name)) as s:
            row = self._year_row(s, year)
            row.rule_set_id, row.rule_set_version, row.rules_json = info.id, info.version, _dumps(data)
            for review in s.scalars(select(MemberReview).where(MemberReview.year_id == row.id,
                                                               MemberReview.deleted_at.is_(None))):
                if not rules.has_form_type(review.form_type):
                    review.form_type = suggestions.get(review.member_id, rules.form_types[0].key)
            s.flush()
            return self._year_info(s, row)

    # ==== reviews: reads ================================================================================================
    def _review_row(self, s: Session, review_id: str) -> MemberReview:
        row = s.get(MemberReview, review_id)
        if row is None or row.deleted_at is not None or row.cell_id != self.ctx.cell_id:
            raise NotFound(WHAT_REVIEW.format())
        return row

    @staticmethod
    def _rules_of(s: Session, year_id: str) -> RuleSet:
        return _rules_from_json(s.get(ReviewYear, year_id).rules_json)

    @staticmethod
    def _record(s: Session, row: MemberReview, rules: RuleSet, member: Member | None = None) -> ReviewRecord:
        member = member or s.get(Member, row.member_id)
        form = rules.form_type(row.form_type) if rules.has_form_type(row.form_type) else None
        scores = _scores_out(_loads(row.scores, {}))
        grades = _loads(row.grades, {})
        conditions = _loads(row.conditions, [])
        disqualifiers = _loads(row.disqualifiers, {})
        assessment = rules_mod.assess(rules, scope=SCOPE_INDIVIDUAL, form_type=row.form_type, scores=scores,
                                      grades=grades, disqualifiers=disqualifiers, conditions_met=conditions)
        problems = []
        for level in (row.self_level, row.cell_level, row.decided_level):
            check = rules_mod.check_level(rules, assessment, level)
            problems.extend(check.errors if not check.allowed else ())
        return ReviewRecord(
            id=row.id, year=row.year, member_id=row.member_id, member_name=member.full_name, list_no=member.list_no,
            party_status=member.status, form_type=row.form_type, form_type_name=form.name if form else row.form_type,
            form_code=form.code if form else "", sections=_loads(row.sections, {}), scores=scores,
            self_score=assessment.total, grades=grades, conditions=conditions, disqualifiers=disqualifiers,
            self_level=row.self_level, cell_comment=row.cell_comment, cell_level=row.cell_level,
            votes_for=row.votes_for, votes_against=row.votes_against, votes_abstain=row.votes_abstain,
            decided_level=row.decided_level, decision_no=row.decision_no, decision_date=row.decision_date,
            status=row.status, submitted_at=row.submitted_at, version=row.version, assessment=assessment,
            problems=list(dict.fromkeys(problems)),
        )

    def get_review(self, review_id: str) -> ReviewRecord:
        with self.ctx.read() as s:
            row = self._review_row(s, review_id)
            return self._record(s, row, self._rules_of(s, row.year_id))

    def review_for(self, member_id: str, year: int) -> ReviewRecord | None:
        with self.ctx.read() as s:
            row = s.scalars(select(MemberReview).where(MemberReview.cell_id == self.ctx.cell_id,
                                                       MemberReview.member_id == member_id,
                                                       MemberReview.year == year,
                                                       MemberReview.deleted_at.is_(None))).first()
            return self._record(s, row, self._rules_of(s, row.year_id)) if row else None

    def list_reviews(self, year: int) -> list[ReviewRecord]:
        """The year's reviews in the order of the member list (Số SĐV, then Vietnamese name order)."""
        with self.ctx.read() as s:
            year_row = self._year_row(s, year)
            rules = _rules_from_json(year_row.rules_json)
            pairs = s.execute(select(MemberReview, Member).join(Member, Member.id == MemberReview.member_id)
                              .where(MemberReview.year_id == year_row.id, MemberReview.deleted_at.is_(None),
                                     Member.deleted_at.is_(None))).all()
            records = [self._record(s, review, rules, member) for review, member in pairs]
        records.sort(key=lambda r: (r.list_no is None, r.list_no or 0, name_sort_key(r.member_name)))
        return records

    def versions(self, review_id: str) -> list[VersionInfo]:
        """Finalised versions of a review, oldest first."""
        self.get_review(review_id)
        return self._versions(KIND_REVIEW, review_id)

    def _versions(self, kind: str, entity_id: str) -> list[VersionInfo]:
        return [VersionInfo(r.version, r.content.get("stage", ""), r.content.get("reason", ""), r.finalised_at,
                            r.hash)
                for r in FinaliseService(self.ctx).records(kind, entity_id)]

    # ==== reviews: validation ============================================================================================
    def _validate_review(self, rules: RuleSet, form_type: str, data: ReviewInput) -> tuple[ReviewInput, ReviewCheck]:
        errors: dict[str, str] = {}
        warnings: dict[str, str] = {}
        form = rules.form_type(form_type) if rules.has_form_type(form_type) else None
        if form is None:
            errors["form_type"] = UNKNOWN_FORM.format()
        cleaned = ReviewInput(
            sections={clean_line(k): clean_text(v) for k, v in (data.sections or {}).items()},
            scores={}, grades={}, conditions=[], disqualifiers={}, self_level=_level_or_none(data.self_level),
        )
        if rules.uses_points:
            errors.update(rules_mod.validate_scores(rules, data.scores or {}))
            for g in rules.score_groups:
                if f"score_{g.key}" not in errors:
                    value = rules_mod.to_score((data.scores or {}).get(g.key))
                    cleaned.scores[g.key] = value
        else:
            grade_keys = {g.key for g in rules.grades}
            for c in rules.criteria_for(SCOPE_INDIVIDUAL):
                value = (data.grades or {}).get(c.key) or ""
                if value and value not in grade_keys:
                    errors[f"grade_{c.key}"] = UNKNOWN_GRADE.format()
                elif value:
                    cleaned.grades[c.key] = value
        self._clean_cases(rules, SCOPE_INDIVIDUAL, form_type, data.conditions, data.disqualifiers, cleaned, errors)
        assessment = rules_mod.assess(rules, scope=SCOPE_INDIVIDUAL, form_type=form_type, scores=cleaned.scores,
                                      grades=cleaned.grades, disqualifiers=cleaned.disqualifiers,
                                      conditions_met=cleaned.conditions)
        self._check_level_field(rules, assessment, cleaned.self_level, "self_level", errors, warnings)
        return cleaned, ReviewCheck(errors, warnings, assessment)

    @staticmethod
    def _clean_cases(rules: RuleSet, scope: str, form_type: str | None, conditions, disqualifiers, cleaned,
                     errors: dict[str, str]) -> None:
        known_conditions = {c.key for c in rules.conditions_for(scope)}
        for key in conditions or ():
            if key not in known_conditions:
                errors[f"condition_{key}"] = UNKNOWN_CONDITION.format()
            elif key not in cleaned.conditions:
                cleaned.conditions.append(key)
        known_cases = {d.key for d in rules.disqualifiers_for(scope, form_type)}
        for key, evidence in (disqualifiers or {}).items():
            if key not in known_cases:
                errors[f"disqualifier_{key}"] = UNKNOWN_CASE.format()
                continue
            cleaned.disqualifiers[key] = clean_text(evidence)
        for key in rules_mod.missing_evidence(cleaned.disqualifiers):
            errors[f"disqualifier_{key}"] = rules_mod.EVIDENCE_REQUIRED.format()

    @staticmethod
    def _check_level_field(rules: RuleSet, assessment: Assessment, level: str | None, name: str,
                           errors: dict[str, str], warnings: dict[str, str]) -> None:
        check = rules_mod.check_level(rules, assessment, level)
        if not check.allowed:
            errors[name] = " ".join(check.errors)
        elif check.warnings:
            warnings[name] = " ".join(check.warnings)

    def check_review(self, review_id: str, data: ReviewInput) -> ReviewCheck:
        """Validate the member's part without saving (for live feedback while typing)."""
        with self.ctx.read() as s:
            row = self._review_row(s, review_id)
            rules, form_type = self._rules_of(s, row.year_id), row.form_type
        return self._validate_review(rules, form_type, data)[1]

    def _validate_cell(self, rules: RuleSet, assessment: Assessment, data: CellAssessmentInput,
                       member_count: int) -> tuple[CellAssessmentInput, dict[str, str], dict[str, str]]:
        errors: dict[str, str] = {}
        warnings: dict[str, str] = {}
        cleaned = CellAssessmentInput(clean_text(data.comment), _level_or_none(data.level), data.votes_for,
                                      data.votes_against, data.votes_abstain)
        votes = [v for v in (data.votes_for, data.votes_against, data.votes_abstain) if v is not None]
        if any(v < 0 for v in votes):
            errors["votes"] = VOTES_NEGATIVE.format()
        elif sum(votes) > member_count:
            errors["votes"] = VOTES_TOO_MANY.format(total=sum(votes), members=member_count)
        self._check_level_field(rules, assessment, cleaned.level, "level", errors, warnings)
        return cleaned, errors, warnings

    def _member_count(self, s: Session) -> int:
        return len(s.scalars(select(Member.id).where(Member.cell_id == self.ctx.cell_id, Member.deleted_at.is_(None),
                                                     Member.activity_status.in_(IN_CELL_STATUSES))).all())

    def check_cell(self, review_id: str, data: CellAssessmentInput, review: ReviewInput | None = None) -> ReviewCheck:
        """The cell's part checked against the member's part as saved, or as `review` (unsaved edits)."""
        with self.ctx.read() as s:
            row = self._review_row(s, review_id)
            rules = self._rules_of(s, row.year_id)
            if review is None:
                assessment = self._record(s, row, rules).assessment
            else:
                assessment = self._validate_review(rules, row.form_type, review)[1].assessment
            _, errors, warnings = self._validate_cell(rules, assessment, data, self._member_count(s))
        return ReviewCheck(errors, warnings, assessment)

    def _validate_decision(self, rules: RuleSet, assessment: Assessment, year: int, data: DecisionInput,
                           today: dt.date) -> tuple[DecisionInput, dict[str, str]]:
        errors: dict[str, str] = {}
        cleaned = DecisionInput(_level_or_none(data.level), clean_line(data.decision_no), data.decision_date)
        if cleaned.level is None:
            errors["level"] = REQUIRED.format()
        else:
            self._check_level_field(rules, assessment, cleaned.level, "level", errors, {})
        if not cleaned.decision_no:
            errors["decision_no"] = REQUIRED.format()
        if cleaned.decision_date is None:
            errors["decision_date"] = REQUIRED.format()
        elif cleaned.decision_date.year < year:
            errors["decision_date"] = DECISION_DATE_EARLY.format(year=year)
        elif cleaned.decision_date > today:
            errors["decision_date"] = DECISION_DATE_FUTURE.format()
        return cleaned, errors

    def check_decision(self, review_id: str, data: DecisionInput, *, today: dt.date | None = None) -> ReviewCheck:
        record = self.get_review(review_id)
        rules = self.rules_for_year(record.year)
        _, errors = self._validate_decision(rules, record.assessment, record.year, data, today or dt.date.today())
        return ReviewCheck(errors, {}, record.assessment)

    # ==== reviews: writes ================================================================================================
    def _draft(self, s: Session, review_id: str) -> tuple[MemberReview, Member]:
        row = self._review_row(s, review_id)
        member = s.get(Member, row.member_id)
        if row.status != DRAFT:
            raise ServiceError(LOCKED, name=member.full_name)
        return row, member

    def _name_year(self, review_id: str) -> tuple[str, int]:
        with self.ctx.read() as s:
            row = self._review_row(s, review_id)
            return s.get(Member, row.member_id).full_name, row.year

    def set_form_type(self, review_id: str, form_type: str) -> ReviewRecord:
        record = self.get_review(review_id)
        rules = self.rules_for_year(record.year)
        if not rules.has_form_type(form_type):
            raise ValidationFailed({"form_type": UNKNOWN_FORM.format()})
        name = rules.form_type(form_type).name
        with self.ctx.mutation("reviews.form", S_FORM.format(name=record.member_name, form=name)) as s:
            row, _ = self._draft(s, review_id)
            row.form_type = form_type
        return self.get_review(review_id)

    @staticmethod
    def _store_member_part(row: MemberReview, data: ReviewInput) -> None:
        row.sections = _dumps(data.sections)
        row.scores = _dumps({k: (str(v) if v is not None else None) for k, v in data.scores.items()})
        row.grades = _dumps(data.grades)
        row.conditions = _dumps(data.conditions)
        row.disqualifiers = _dumps(data.disqualifiers)
        row.self_level = data.self_level

    def save_review(self, review_id: str, data: ReviewInput) -> ReviewRecord:
        """Save the member's part of a draft review. Refused (ValidationFailed) when a score is out of range,
        a ticked case has no evidence, or the self-proposed level is one the rules do not allow."""
        name, year = self._name_year(review_id)
        with self.ctx.mutation("reviews.save", S_SAVE.format(name=name, year=year)) as s:
            row, _ = self._draft(s, review_id)
            cleaned, check = self._validate_review(self._rules_of(s, row.year_id), row.form_type, data)
            if check.errors:
                raise ValidationFailed(check.errors, check.warnings)
            self._store_member_part(row, cleaned)
        return self.get_review(review_id)

    @staticmethod
    def _store_cell_part(row: MemberReview, data: CellAssessmentInput) -> None:
        row.cell_comment, row.cell_level = data.comment, data.level
        row.votes_for, row.votes_against, row.votes_abstain = data.votes_for, data.votes_against, data.votes_abstain

    def save_cell_assessment(self, review_id: str, data: CellAssessmentInput) -> ReviewRecord:
        """The cell's comment, the level it proposes and the vote counts (draft reviews)."""
        name, year = self._name_year(review_id)
        with self.ctx.mutation("reviews.cell", S_CELL.format(name=name, year=year)) as s:
            row, member = self._draft(s, review_id)
            record = self._record(s, row, self._rules_of(s, row.year_id), member)
            cleaned, errors, warnings = self._validate_cell(self._rules_of(s, row.year_id), record.assessment,
                                                            data, self._member_count(s))
            if errors:
                raise ValidationFailed(errors, warnings)
            self._store_cell_part(row, cleaned)
        return self.get_review(review_id)

    def save_draft(self, review_id: str, review: ReviewInput, cell: CellAssessmentInput) -> ReviewRecord:
        """The editor's Save: the member's part and the cell's assessment of a draft as one action, the
        cell's level checked against the member's part being saved."""
        name, year = self._name_year(review_id)
        with self.ctx.mutation("reviews.save", S_SAVE.format(name=name, year=year)) as s:
            row, _ = self._draft(s, review_id)
            rules = self._rules_of(s, row.year_id)
            member_part, check = self._validate_review(rules, row.form_type, review)
            cell_part, cell_errors, cell_warnings = self._validate_cell(rules, check.assessment, cell,
                                                                        self._member_count(s))
            if check.errors or cell_errors:
                raise ValidationFailed({**check.errors, **cell_errors}, {**check.warnings, **cell_warnings})
            self._store_member_part(row, member_part)
            self._store_cell_part(row, cell_part)
        return self.get_review(review_id)

    def _submission_errors(self, record: ReviewRecord) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not record.self_level:
            errors["self_level"] = SELF_LEVEL_REQUIRED.format()
        if not record.cell_level:
            errors["level"] = CELL_LEVEL_REQUIRED.format()
        if record.problems:
            errors.setdefault("level", " ".join(record.problems))
        return errors

    @staticmethod
    def _content(record: ReviewRecord, rules: RuleSet) -> dict:
        """What a finalised version of a review holds (the live record's data; see `_finalise_review`)."""
        return {
            "year": record.year, "member_id": record.member_id, "rule_set": rules.key,
            "rule_set_version": rules.version, "form_type": record.form_type, "sections": record.sections,
            "scores": {k: (str(v) if v is not None else None) for k, v in record.scores.items()},
            "self_score": str(record.self_score) if record.self_score is not None else None,
            "grades": record.grades, "conditions": record.conditions, "disqualifiers": record.disqualifiers,
            "self_level": record.self_level, "cell_comment": record.cell_comment, "cell_level": record.cell_level,
            "votes": [record.votes_for, record.votes_against, record.votes_abstain],
            "decided_level": record.decided_level, "decision_no": record.decision_no,
            "decision_date": record.decision_date.isoformat() if record.decision_date else None,
        }

    def _finalise_review(self, s: Session, row: MemberReview, stage: str, reason: str = "") -> None:
        """Append a finalised version: the record's data plus what only the version knows (its stage, the
        amendment reason, and the name under which the chain check reports it)."""
        s.flush()
        rules = self._rules_of(s, row.year_id)
        record = self._record(s, row, rules)
        meta = {"stage": stage, "reason": reason, "member_name": record.member_name,
                "number": REVIEW_DOC_NAME.vi.format(year=record.year, name=record.member_name)}
        row.version = (row.version or 0) + 1
        self._finalise(s, KIND_REVIEW, row.id, row.version, {**self._content(record, rules), **meta})

    def submit_review(self, review_id: str) -> ReviewRecord:
        """Lock a review (self-review and the cell's assessment) as a finalised, hash-chained version."""
        record = self.get_review(review_id)
        if record.locked:
            raise ServiceError(LOCKED, name=record.member_name)
        errors = self._submission_errors(record)
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.mutation("reviews.submit", S_SUBMIT.format(name=record.member_name, year=record.year),
                               undoable=False) as s:
            row, _ = self._draft(s, review_id)
            self._submit_row(s, row)
        return self.get_review(review_id)

    def _submit_row(self, s: Session, row: MemberReview) -> None:
        row.status, row.submitted_at = SUBMITTED, utcnow()
        self._finalise_review(s, row, SUBMITTED)

    def decide(self, review_id: str, data: DecisionInput, *, today: dt.date | None = None) -> ReviewRecord:
        """Record the level decided above (decision number and date) on a submitted review."""
        record = self.get_review(review_id)
        if record.status == DRAFT:
            raise ServiceError(NOT_SUBMITTED)
        if record.status == DECIDED:
            raise ServiceError(ALREADY_DECIDED)
        rules = self.rules_for_year(record.year)
        cleaned, errors = self._validate_decision(rules, record.assessment, record.year, data,
                                                  today or dt.date.today())
        if errors:
            raise ValidationFailed(errors)
        summary = S_DECIDE.format(name=record.member_name, year=record.year, level=LEVEL_NAMES[cleaned.level])
        with self.ctx.mutation("reviews.decide", summary, undoable=False) as s:
            row = self._review_row(s, review_id)
            row.decided_level, row.decision_no, row.decision_date = cleaned.level, cleaned.decision_no, \
                cleaned.decision_date
            row.status = DECIDED
            self._finalise_review(s, row, DECIDED)
        return self.get_review(review_id)

    def amend_review(self, review_id: str, reason: str, *, review: ReviewInput | None = None,
                     cell: CellAssessmentInput | None = None, decision: DecisionInput | None = None,
                     today: dt.date | None = None) -> ReviewRecord:
        """Correct a submitted (or decided) review: the changed parts are validated like an edit and a new
        finalised version records them with the reason; earlier versions stay in the chain unchanged."""
        record = self.get_review(review_id)
        if not record.locked:
            raise ServiceError(NOT_LOCKED)
        reason = clean_text(reason)
        errors: dict[str, str] = {} if reason else {"reason": REASON_REQUIRED.format()}
        rules = self.rules_for_year(record.year)
        member_part = record.as_input()
        if review is not None:
            member_part, check = self._validate_review(rules, record.form_type, review)
            errors.update(check.errors)
            assessment = check.assessment
        else:
            assessment = record.assessment
        cell_part = record.cell_input()
        with self.ctx.read() as s:
            member_count = self._member_count(s)
        if cell is not None:
            cell_part, cell_errors, _ = self._validate_cell(rules, assessment, cell, member_count)
            errors.update(cell_errors)
        else:
            # The member's part changed: the cell's level must still be allowed.
            self._check_level_field(rules, assessment, cell_part.level, "level", errors, {})
        decision_part = None
        if decision is not None:
            decision_part, decision_errors = self._validate_decision(rules, assessment, record.year, decision,
                                                                     today or dt.date.today())
            errors.update(decision_errors)
        elif record.decided_level:
            self._check_level_field(rules, assessment, record.decided_level, "level", errors, {})
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.mutation("reviews.amend", S_AMEND.format(name=record.member_name, year=record.year),
                               undoable=False) as s:
            row = self._review_row(s, review_id)
            self._store_member_part(row, member_part)
            self._store_cell_part(row, cell_part)
            if decision_part is not None:
                row.decided_level, row.decision_no, row.decision_date = decision_part.level, \
                    decision_part.decision_no, decision_part.decision_date
                row.status = DECIDED
            self._finalise_review(s, row, "amended", reason)
        return self.get_review(review_id)

    # ==== prefill ========================================================================================================
    def prefill(self, review_id: str) -> dict[str, str]:
        """Suggested text for sections marked `prefill` in the form: the member's commitments of the year,
        and last year's shortcomings (section "shortcomings" of last year's review)."""
        record = self.get_review(review_id)
        rules = self.rules_for_year(record.year)
        if not rules.has_form_type(record.form_type):
            return {}
        out: dict[str, str] = {}
        for section in rules.form_type(record.form_type).sections:
            if section.prefill == "commitments":
                commitment = self.get_commitment(record.member_id, record.year)
                if commitment:
                    out[section.key] = rules_mod.commitment_section_text(
                        commitment.items, commitment.midyear_check, commitment.yearend_result)
            elif section.prefill == "last_shortcomings":
                last = self.review_for(record.member_id, record.year - 1)
                text = last.sections.get("shortcomings", "") if last else ""
                if text:
                    out[section.key] = f"Hạn chế, khuyết điểm đã chỉ ra ở kỳ kiểm điểm năm {record.year - 1}:\n{text}"
        return out

    def form_data(self, review_id: str) -> ReviewFormData:
        """What the printed form (PDF) and the Word form (DOCX) of a review need."""
        from ..settings.cell import CellService
        from ..members.service import MemberService

        record = self.get_review(review_id)
        rules = self.rules_for_year(record.year)
        form = rules.form_type(record.form_type)
        cell = CellService(self.ctx).get(dt.date(record.year, 12, 31))
        member = MemberService(self.ctx).get(record.member_id)
        return ReviewFormData(cell, member, record, rules, form, self.prefill(review_id))

    # ==== summary ========================================================================================================
    def summary(self, year: int) -> YearSummary:
        info = self.get_year(year)
        rules = self.rules_for_year(year)
        rows = [SummaryRow(r.id, r.member_id, r.member_name, r.list_no, r.form_type, r.form_type_name, r.self_score,
                           r.self_level, r.cell_level, r.decided_level, r.status,
                           (r.votes_for, r.votes_against, r.votes_abstain), r.problems)
                for r in self.list_reviews(year)]
        levels = [row.level for row in rows]
        return YearSummary(year, info.rule_set_name, rows, rules_mod.level_counts(levels),
                           rules_mod.quota_status(rules, levels), info.quota_reason, info.submitted,
                           info.summary_submitted_at, rules.quota.note, rules.issuing_document)

    def submit_summary(self, year: int, quota_reason: str = "") -> YearSummary:
        """Submit the year's summary: every review must carry a level the cell proposes that the rules allow;
        drafts are submitted (locked) with it; over the quota a reason is required (and printed)."""
        summary = self.summary(year)
        if summary.submitted:
            raise ServiceError(SUMMARY_SUBMITTED, year=year)
        reason = clean_text(quota_reason)
        errors: dict[str, str] = {}
        missing = [r.name for r in summary.rows if not r.cell_level]
        if missing:
            errors["reviews"] = REVIEWS_INCOMPLETE.format(names=", ".join(missing))
        refused = [r.name for r in summary.rows if r.problems]
        if refused:
            errors.setdefault("reviews", REVIEWS_REFUSED.format(names=", ".join(refused)))
        q = summary.quota
        if q.exceeded and not reason:
            errors["quota_reason"] = QUOTA_REASON_REQUIRED.format(proposed=q.proposed, allowed=q.allowed,
                                                                  over=q.exceeded_by)
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.mutation("reviews.summary", S_SUMMARY.format(year=year), undoable=False) as s:
            year_row = self._year_row(s, year)
            for row in s.scalars(select(MemberReview).where(MemberReview.year_id == year_row.id,
                                                            MemberReview.deleted_at.is_(None),
                                                            MemberReview.status == DRAFT)):
                self._submit_row(s, row)
            year_row.summary_status, year_row.summary_submitted_at = SUBMITTED, utcnow()
            year_row.quota_reason = reason if q.exceeded else ""
            s.flush()
            content = {
                "stage": SUBMITTED, "number": COLLECTIVE_DOC_NAME.vi.format(year=year), "year": year, "rule_set": json.loads(year_row.rules_json).get("key"),
                "rows": [{"member_id": r.member_id, "name": r.name, "form_type": r.form_type,
                          "self_score": str(r.self_score) if r.self_score is not None else None,
                          "self_level": r.self_level, "cell_level": r.cell_level,
                          "decided_level": r.decided_level} for r in summary.rows],
                "counts": summary.counts, "allowed_excellent": q.allowed, "proposed_excellent": q.proposed,
                "quota_reason": year_row.quota_reason,
            }
            self._finalise(s, KIND_SUMMARY, year_row.id, 1, content)
        return self.summary(year)

    # ==== commitments =====================================================================================================
    def _commitment_record(self, row: ReviewCommitment, name: str) -> CommitmentRecord:
        items = [CommitmentItem(i.get("text", ""), i.get("midyear_note", ""), i.get("result_note", ""),
                                i.get("achieved")) for i in _loads(row.items, [])]
        return CommitmentRecord(items=items, registered_on=row.registered_on, midyear_check=row.midyear_check,
                                midyear_on=row.midyear_on, yearend_result=row.yearend_result,
                                yearend_on=row.yearend_on, id=row.id, member_id=row.member_id, member_name=name,
                                year=row.year)

    def get_commitment(self, member_id: str, year: int) -> CommitmentRecord | None:
        with self.ctx.read() as s:
            row = s.scalars(select(ReviewCommitment).where(
                ReviewCommitment.cell_id == self.ctx.cell_id, ReviewCommitment.member_id == member_id,
                ReviewCommitment.year == year, ReviewCommitment.deleted_at.is_(None))).first()
            if row is None:
                return None
            return self._commitment_record(row, s.get(Member, member_id).full_name)

    def list_commitments(self, year: int) -> list[CommitmentRecord]:
        with self.ctx.read() as s:
            pairs = s.execute(select(ReviewCommitment, Member).join(Member, Member.id == ReviewCommitment.member_id)
                              .where(ReviewCommitment.cell_id == self.ctx.cell_id, ReviewCommitment.year == year,
                                     ReviewCommitment.deleted_at.is_(None))).all()
            out = [(m.list_no, m.full_name, self._commitment_record(c, m.full_name)) for c, m in pairs]
        out.sort(key=lambda t: (t[0] is None, t[0] or 0, name_sort_key(t[1])))
        return [t[2] for t in out]

    def save_commitment(self, member_id: str, year: int, data: CommitmentInput,
                        *, today: dt.date | None = None) -> CommitmentRecord:
        """Register or update a member's commitments for a year (items, mid-year check, year-end result)."""
        self._check_year(year, today or dt.date.today())
        items = [{"text": clean_line(i.text), "midyear_note": clean_text(i.midyear_note),
                  "result_note": clean_text(i.result_note), "achieved": i.achieved}
                 for i in data.items if clean_line(i.text)]
        with self.ctx.read() as s:
            member = s.get(Member, member_id)
            if member is None or member.deleted_at is not None or member.cell_id != self.ctx.cell_id:
                raise NotFound(WHAT_MEMBER.format())
            name = member.full_name
        with self.ctx.mutation("reviews.commitment", S_COMMIT.format(name=name, year=year)) as s:
            row = s.scalars(select(ReviewCommitment).where(
                ReviewCommitment.cell_id == self.ctx.cell_id, ReviewCommitment.member_id == member_id,
                ReviewCommitment.year == year, ReviewCommitment.deleted_at.is_(None))).first()
            if row is None:
                row = ReviewCommitment(cell_id=self.ctx.cell_id, member_id=member_id, year=year)
                s.add(row)
            row.items = _dumps(items)
            row.registered_on, row.midyear_on, row.yearend_on = data.registered_on, data.midyear_on, data.yearend_on
            row.midyear_check, row.yearend_result = clean_text(data.midyear_check), clean_text(data.yearend_result)
        return self.get_commitment(member_id, year)

    # ==== collective review ===============================================================================================
    def _collective_row(self, s: Session, year: int) -> CollectiveReview:
        year_row = self._year_row(s, year)
        row = s.scalars(select(CollectiveReview).where(CollectiveReview.year_id == year_row.id,
                                                       CollectiveReview.deleted_at.is_(None))).first()
        if row is None:
            raise ServiceError(YEAR_NOT_OPEN, year=year)
        return row

    @staticmethod
    def _collective_record(row: CollectiveReview, rules: RuleSet) -> CollectiveRecord:
        scores = _scores_out(_loads(row.scores, {}))
        grades = _loads(row.grades, {})
        conditions = _loads(row.conditions, [])
        disqualifiers = _loads(row.disqualifiers, {})
        assessment = rules_mod.assess(rules, scope=SCOPE_COLLECTIVE, scores=scores, grades=grades,
                                      disqualifiers=disqualifiers, conditions_met=conditions)
        return CollectiveRecord(row.id, row.year, _loads(row.sections, {}), scores, assessment.total, grades,
                                conditions, disqualifiers, row.self_level, row.decided_level, row.decision_no,
                                row.decision_date, row.status, row.submitted_at, row.version, assessment)

    def collective(self, year: int) -> CollectiveRecord:
        with self.ctx.read() as s:
            row = self._collective_row(s, year)
            return self._collective_record(row, self._rules_of(s, row.year_id))

    def _validate_collective(self, rules: RuleSet, data: CollectiveInput) -> tuple[CollectiveInput, ReviewCheck]:
        errors: dict[str, str] = {}
        warnings: dict[str, str] = {}
        cleaned = CollectiveInput({clean_line(k): clean_text(v) for k, v in (data.sections or {}).items()},
                                  {}, {}, [], {}, _level_or_none(data.self_level))
        if rules.uses_points:
            errors.update(rules_mod.validate_scores(rules, data.scores or {}))
            for g in rules.score_groups:
                if f"score_{g.key}" not in errors:
                    cleaned.scores[g.key] = rules_mod.to_score((data.scores or {}).get(g.key))
        else:
            grade_keys = {g.key for g in rules.grades}
            for c in rules.criteria_for(SCOPE_COLLECTIVE):
                value = (data.grades or {}).get(c.key) or ""
                if value and value not in grade_keys:
                    errors[f"grade_{c.key}"] = UNKNOWN_GRADE.format()
                elif value:
                    cleaned.grades[c.key] = value
        self._clean_cases(rules, SCOPE_COLLECTIVE, None, data.conditions, data.disqualifiers, cleaned, errors)
        assessment = rules_mod.assess(rules, scope=SCOPE_COLLECTIVE, scores=cleaned.scores, grades=cleaned.grades,
                                      disqualifiers=cleaned.disqualifiers, conditions_met=cleaned.conditions)
        self._check_level_field(rules, assessment, cleaned.self_level, "self_level", errors, warnings)
        return cleaned, ReviewCheck(errors, warnings, assessment)

    def check_collective(self, year: int, data: CollectiveInput) -> ReviewCheck:
        return self._validate_collective(self.rules_for_year(year), data)[1]

    @staticmethod
    def _store_collective(row: CollectiveReview, data: CollectiveInput) -> None:
        row.sections = _dumps(data.sections)
        row.scores = _dumps({k: (str(v) if v is not None else None) for k, v in data.scores.items()})
        row.grades, row.conditions = _dumps(data.grades), _dumps(data.conditions)
        row.disqualifiers, row.self_level = _dumps(data.disqualifiers), data.self_level

    def save_collective(self, year: int, data: CollectiveInput) -> CollectiveRecord:
        rules = self.rules_for_year(year)
        cleaned, check = self._validate_collective(rules, data)
        if check.errors:
            raise ValidationFailed(check.errors, check.warnings)
        with self.ctx.mutation("reviews.collective.save", S_COLL_SAVE.format(year=year)) as s:
            row = self._collective_row(s, year)
            if row.status != DRAFT:
                raise ServiceError(COLLECTIVE_LOCKED, year=year)
            self._store_collective(row, cleaned)
        return self.collective(year)

    @staticmethod
    def _collective_content(record: CollectiveRecord, rules: RuleSet) -> dict:
        return {
            "year": record.year, "rule_set": rules.key,
            "rule_set_version": rules.version, "sections": record.sections,
            "scores": {k: (str(v) if v is not None else None) for k, v in record.scores.items()},
            "grades": record.grades, "conditions": record.conditions, "disqualifiers": record.disqualifiers,
            "self_level": record.self_level, "decided_level": record.decided_level,
            "decision_no": record.decision_no,
            "decision_date": record.decision_date.isoformat() if record.decision_date else None,
        }

    def _finalise_collective(self, s: Session, row: CollectiveReview, stage: str, reason: str = "") -> None:
        s.flush()
        rules = self._rules_of(s, row.year_id)
        meta = {"stage": stage, "reason": reason, "number": COLLECTIVE_DOC_NAME.vi.format(year=row.year)}
        row.version = (row.version or 0) + 1
        self._finalise(s, KIND_COLLECTIVE, row.id, row.version,
                       {**self._collective_content(self._collective_record(row, rules), rules), **meta})

    def submit_collective(self, year: int) -> CollectiveRecord:
        record = self.collective(year)
        if record.locked:
            raise ServiceError(COLLECTIVE_LOCKED, year=year)
        if not record.self_level:
            raise ValidationFailed({"self_level": SELF_LEVEL_REQUIRED.format()})
        with self.ctx.mutation("reviews.collective.submit", S_COLL_SUBMIT.format(year=year), undoable=False) as s:
            row = self._collective_row(s, year)
            row.status, row.submitted_at = SUBMITTED, utcnow()
            self._finalise_collective(s, row, SUBMITTED)
        return self.collective(year)

    def decide_collective(self, year: int, data: DecisionInput, *, today: dt.date | None = None) -> CollectiveRecord:
        record = self.collective(year)
        if record.status == DRAFT:
            raise ServiceError(NOT_SUBMITTED)
        if record.status == DECIDED:
            raise ServiceError(ALREADY_DECIDED)
        cleaned, errors = self._validate_decision(self.rules_for_year(year), record.assessment, year, data,
                                                  today or dt.date.today())
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.mutation("reviews.collective.decide",
                               S_COLL_DECIDE.format(year=year, level=LEVEL_NAMES[cleaned.level]), undoable=False) as s:
            row = self._collective_row(s, year)
            row.decided_level, row.decision_no, row.decision_date = cleaned.level, cleaned.decision_no, \
                cleaned.decision_date
            row.status = DECIDED
            self._finalise_collective(s, row, DECIDED)
        return self.collective(year)

    def amend_collective(self, year: int, reason: str, *, data: CollectiveInput | None = None,
                         decision: DecisionInput | None = None, today: dt.date | None = None) -> CollectiveRecord:
        record = self.collective(year)
        if not record.locked:
            raise ServiceError(NOT_LOCKED)
        rules = self.rules_for_year(year)
        reason = clean_text(reason)
        errors: dict[str, str] = {} if reason else {"reason": REASON_REQUIRED.format()}
        part, assessment = record.as_input(), record.assessment
        if data is not None:
            part, check = self._validate_collective(rules, data)
            errors.update(check.errors)
            assessment = check.assessment
        decision_part = None
        if decision is not None:
            decision_part, decision_errors = self._validate_decision(rules, assessment, year, decision,
                                                                     today or dt.date.today())
            errors.update(decision_errors)
        elif record.decided_level:
            self._check_level_field(rules, assessment, record.decided_level, "level", errors, {})
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.mutation("reviews.collective.amend", S_COLL_AMEND.format(year=year), undoable=False) as s:
            row = self._collective_row(s, year)
            self._store_collective(row, part)
            if decision_part is not None:
                row.decided_level, row.decision_no, row.decision_date = decision_part.level, \
                    decision_part.decision_no, decision_part.decision_date
                row.status = DECIDED
            self._finalise_collective(s, row, "amended", reason)
        return self.collective(year)

    def collective_versions(self, year: int) -> list[VersionInfo]:
        return self._versions(KIND_COLLECTIVE, self.collective(year).id)

    # ==== history ==========================================================================================================
    def member_history(self, member_id: str) -> list[HistoryEntry]:
        """A member's reviews over the years, newest first."""
        with self.ctx.read() as s:
            rows = s.execute(select(MemberReview, ReviewYear.rules_json)
                             .join(ReviewYear, ReviewYear.id == MemberReview.year_id)
                             .where(MemberReview.cell_id == self.ctx.cell_id, MemberReview.member_id == member_id,
                                    MemberReview.deleted_at.is_(None))
                             .order_by(MemberReview.year.desc())).all()
            out = []
            for row, rules_json in rows:
                record = self._record(s, row, _rules_from_json(rules_json))
                out.append(HistoryEntry(row.year, record.form_type_name, record.self_score, row.self_level,
                                        row.cell_level, row.decided_level, row.decision_no, row.status))
            return out

    def removal_risks(self) -> list[RemovalRisk]:
        """Members of the cell rated "Không hoàn thành nhiệm vụ" two years in a row (decided level, or the
        cell's proposal while the decision is pending), latest pair per member."""
        with self.ctx.read() as s:
            rows = s.execute(select(MemberReview.member_id, MemberReview.year, MemberReview.decided_level,
                                    MemberReview.cell_level, Member.full_name, Member.list_no)
                             .join(Member, Member.id == MemberReview.member_id)
                             .where(MemberReview.cell_id == self.ctx.cell_id, MemberReview.deleted_at.is_(None),
                                    Member.deleted_at.is_(None), Member.activity_status.in_(IN_CELL_STATUSES))).all()
        by_member: dict[str, dict[int, str | None]] = {}
        names: dict[str, tuple] = {}
        for member_id, year, decided, cell, name, list_no in rows:
            by_member.setdefault(member_id, {})[year] = decided or cell
            names[member_id] = (list_no is None, list_no or 0, name_sort_key(name), name)
        out = []
        for member_id, levels in by_member.items():
            pairs = rules_mod.consecutive_fail_years(levels)
            if pairs:
                out.append(RemovalRisk(member_id, names[member_id][3], pairs[-1]))
        out.sort(key=lambda r: names[r.member_id][:3])
        return out


def review_reminders(ctx: Context, today: dt.date) -> list["Reminder"]:
    """Overview provider: two consecutive years of "Không hoàn thành nhiệm vụ"."""
    from ..overview import Reminder

    return [Reminder("review_removal_risk", "warning",
                     REMOVAL_RISK.format(name=r.name, first=r.years[0], second=r.years[1]), r.member_id)
            for r in ReviewService(ctx).removal_risks()]


_VERSION_META = ("stage", "reason", "member_name", "number")


def _latest_meta(session: Session, kind: str, entity_id: str) -> dict:
    from ...store.models.finalised import FinalisedDocument

    content = session.scalars(select(FinalisedDocument.content_json).where(
        FinalisedDocument.kind == kind, FinalisedDocument.entity_id == entity_id)
        .order_by(FinalisedDocument.seq.desc()).limit(1)).first()
    stored = json.loads(content) if content else {}
    return {k: stored[k] for k in _VERSION_META if k in stored}


def member_review_chain_content(session: Session, entity_id: str) -> dict | None:
    """Content provider for the chain check (finalise.CONTENT_PROVIDERS): the live review as it would be
    finalised now, with the version's own metadata (stage, reason, names) taken from the stored version."""
    row = session.get(MemberReview, entity_id)
    if row is None or row.deleted_at is not None:
        return None
    rules = ReviewService._rules_of(session, row.year_id)
    record = ReviewService._record(session, row, rules)
    return {**ReviewService._content(record, rules), **_latest_meta(session, KIND_REVIEW, entity_id)}


def collective_review_chain_content(session: Session, entity_id: str) -> dict | None:
    row = session.get(CollectiveReview, entity_id)
    if row is None or row.deleted_at is not None:
        return None
    rules = ReviewService._rules_of(session, row.year_id)
    record = ReviewService._collective_record(row, rules)
    return {**ReviewService._collective_content(record, rules), **_latest_meta(session, KIND_COLLECTIVE, entity_id)}


__all__ = [
    "LEVELS", "FAIL", "ReviewService", "RuleSetInfo", "ReviewYearInfo", "Candidate", "ReviewInput",
    "CellAssessmentInput", "DecisionInput", "ReviewCheck", "ReviewRecord", "VersionInfo", "SummaryRow",
    "YearSummary", "CommitmentInput", "CommitmentRecord", "CommitmentItem", "CollectiveInput",
    "CollectiveRecord", "HistoryEntry", "RemovalRisk", "ReviewFormData", "review_reminders",
]
