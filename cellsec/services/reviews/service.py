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
8. History: `member_history(member_id)`, `removal_risks()` (used by the attention list and the overview).

Levels are the keys of cellsec.domain.reviews.LEVELS ("htxs", "htt", "ht", "kht"); show them with
`LEVEL_NAMES[level]`. Scores are Decimal. Every method raises ServiceError / ValidationFailed with
Vietnamese messages (ValidationFailed.errors maps a field to its message; fields are "score_<group>",
"grade_<criterion>", "self_level", "level", "disqualifier_<key>", "condition_<key>", "votes",
"decision_no", "decision_date", "quota_reason", "reason", "form_type", "reviews").
"""

from __future__ import annotations

from .checks import ChecksPart
from .collective import CollectivePart
from .commitments import CommitmentsPart
from .cycle import YearsPart
from .history import HistoryPart
from .member import MemberReviewsPart
from .rule_sets import RuleSetsPart
from .summary import SummaryPart


class ReviewService(RuleSetsPart, YearsPart, ChecksPart, MemberReviewsPart, CollectivePart, CommitmentsPart,
                    SummaryPart, HistoryPart):
    """The reviews' use cases as one object (`Services.reviews`), composed of one part per step of the year:
    rule_sets.py, cycle.py (opening a year), checks.py (validation), member.py (a member's review),
    collective.py, commitments.py, summary.py (biểu tổng hợp and the quota), history.py. The read models and
    inputs are in records.py, the messages in messages.py. Every part works on the same Context."""
