"""Scoring with rubrics: the quality score of each approved meeting, the yearly "5 tốt" assessment of the
cell and of each member, and the series the charts draw.

Automatic criteria are pre-filled from the data (meeting attendance, duration, preparation checklist,
minutes, resolution vote; the year's meetings, members' review levels, admissions, dues on time) through
the rubric's `auto` rules; the secretary fills the rest and may override a pre-filled value (the sheet
keeps both). Meeting data is read through the meetings feature's store models and domain rules; a
meeting's identity is the first revision of its minutes (an amendment is a new row naming the row it
corrects), and its facts come from the latest approved revision.

Sheets (`ScoreSheet`) are what the score editor shows; `evaluate` recomputes the total and the band as the
user types without saving. Saving is one mutation per sheet; a sheet carries the revision it was read at
(`rev`, NEW when not saved yet), and a save given `base_rev` is refused (ChangedMeanwhile) when the sheet was
saved, created or deleted elsewhere since.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import meetings as MD
from ...domain import rubrics as R
from ...domain import scores as S
from ...domain.dates import format_date
from ...domain.messages import Msg
from ...domain.text import clean_line, clean_text
from ...store.models.meetings import Meeting, MeetingAttendance
from ...store.models.scoring import FiveGoodAssessment, MeetingScore
from ..common import CellScoped
from ..errors import NotFound, ServiceError, ValidationFailed
from ..meetings.rulesets import RULE_VERSION_SETTING, meeting_rules
from ..revisions import ensure_revision, live_revision
from ..members.facts import member_facts, registry_order
from .records import (
    AssessmentInput,
    AssessmentRow,
    MeetingScoreRow,
    MemberAttendanceRow,
    MonthValue,
    ScoreSheet,
    ScoresReport,
    YearValue,
)

if TYPE_CHECKING:
    from ..dues.service import DuesService
    from .rubrics import RubricService

MEETING_WHAT = Msg("buổi sinh hoạt", "meeting")
MEMBER_WHAT = Msg("đảng viên", "member")
SCORE_WHAT = Msg("kết quả chấm điểm", "score")
NOT_APPROVED = Msg("Biên bản buổi sinh hoạt chưa được thông qua nên chưa chấm điểm được.",
                   "The minutes are not approved yet, so the meeting cannot be scored.")
MEETING_SCORE_SUMMARY = Msg("Chấm điểm {title}: {total} điểm ({band})", "Score {title}: {total} points ({band})")
MEETING_UNSCORE_SUMMARY = Msg("Xóa kết quả chấm điểm {title}", "Delete the score of {title}")
CELL_SUMMARY = Msg("Đánh giá \"Chi bộ 5 tốt\" năm {year}: {total} điểm ({band})",
                   "Assess the cell's \"5 good\" for {year}: {total} points ({band})")
MEMBER_SUMMARY = Msg("Đánh giá \"Đảng viên 5 tốt\" năm {year} của đồng chí {name}: {total} điểm ({band})",
                     "Assess {name}'s \"5 good\" for {year}: {total} points ({band})")
DELETE_ASSESSMENT_SUMMARY = Msg("Xóa đánh giá 5 tốt năm {year}: {name}", "Delete the 5-good assessment of {year}: {name}")
DATE_IN_FUTURE = Msg("Ngày {date} ở tương lai.", "{date} is in the future.")
DECISION_DATE_NEEDS_NO = Msg("Hãy nhập số quyết định.", "Enter the decision number.")
# How "changed meanwhile" names a score sheet's columns (services/revisions.py).
SHEET_FIELDS = {
    "rubric_id": Msg("Bộ tiêu chí", "Rubric"), "items": Msg("Điểm và ghi chú các tiêu chí", "Points and notes"),
    "total": Msg("Tổng điểm", "Total"), "max_points": Msg("Điểm tối đa", "Maximum"),
    "band": Msg("Xếp loại", "Band"), "note": Msg("Ghi chú", "Note"),
    "meeting_date": Msg("Ngày họp", "Meeting date"), "meeting_type": Msg("Loại sinh hoạt", "Kind of meeting"),
    "scored_by": Msg("Người chấm", "Scored by"), "proposal": Msg("Chi bộ đề nghị", "Proposal"),
    "recognized_title": Msg("Danh hiệu được công nhận", "Recognised title"),
    "decision_no": Msg("Số quyết định", "Decision no."), "decision_date": Msg("Ngày quyết định", "Decision date"),
    "decision_org": Msg("Cơ quan quyết định", "Decided by"),
}


# ---- meeting data ----------------------------------------------------------------------------------

@dataclass
class _Chain:
    root_id: str
    head: Meeting                     # latest approved revision


def _approved_chains(s: Session, cell_id: str, year: int | None = None) -> list[_Chain]:
    """Each meeting's latest approved revision, keyed by the id of its first revision."""
    rows = s.scalars(select(Meeting).where(Meeting.cell_id == cell_id, Meeting.deleted_at.is_(None))).all()
    by_id = {r.id: r for r in rows}

    def root(row: Meeting) -> str:
        seen = set()
        while row.amends_id and row.amends_id in by_id and row.id not in seen:
            seen.add(row.id)
            row = by_id[row.amends_id]
        return row.id

    heads: dict[str, Meeting] = {}
    for row in rows:
        if row.status != "approved":
            continue
        rid = root(row)
        if rid not in heads or (row.revision or 1) > (heads[rid].revision or 1):
            heads[rid] = row
    chains = [_Chain(rid, head) for rid, head in heads.items() if year is None or head.period_year == year]
    return sorted(chains, key=lambda c: (c.head.held_on, c.head.start_time or "", c.root_id))


def _meeting_facts(s: Session, chain: _Chain, rules: MD.MeetingRules) -> S.MeetingFacts:
    """The facts of a meeting with the meetings feature's own rules (attendance rate over the members
    expected, minimum duration by kind, the preparation checklist, what approval requires)."""
    head = chain.head
    content = MD.content_from_dict(json.loads(head.content or "{}"))
    attendance = s.scalars(select(MeetingAttendance).where(MeetingAttendance.meeting_id == head.id,
                                                           MeetingAttendance.deleted_at.is_(None))).all()
    entries = [MD.AttendanceEntry(a.member_id, a.full_name, a.party_status, a.status, a.reason, a.list_no)
               for a in attendance]
    summary = MD.summarize_attendance(entries, rules)
    start = dt.time.fromisoformat(head.start_time) if head.start_time else content.start_time
    end = dt.time.fromisoformat(head.end_time) if head.end_time else content.end_time
    minutes = MD.duration_minutes(start, end)
    checklist_total = len(MD.CHECKLIST_LABELS)
    done = checklist_total - len(MD.missing_preparation(content.checklist))
    vote = content.resolution_vote
    voted = vote is not None and vote.in_favour * 2 > max(summary.present, vote.total)
    complete = (head.status == "approved" and content.read_back and not MD.approval_errors(content)
                and bool(entries))
    return S.MeetingFacts(
        id=chain.root_id, held_on=head.held_on, period_year=head.period_year, period_month=head.period_month,
        kind=head.kind,
        attendance_rate=None if summary.rate_percent is None else round(summary.rate_percent, 2),
        absent_without_reason=len(summary.absent_without_reason),
        duration_minutes=minutes,
        duration_ok=None if minutes is None else not MD.duration_short(minutes, head.kind, rules),
        preparation_rate=round(100.0 * done / checklist_total, 2),
        minutes_complete=complete,
        resolution_voted=voted,
        statuses={a.member_id: a.status for a in attendance},
    )


def _title(head: Meeting) -> str:
    return MD.meeting_subtitle(head.kind, head.period_month, head.period_year, head.topic)


def _fmt(value: float) -> str:
    return R.format_points(value)


class ScoringService(CellScoped):
    """Meeting scores and the yearly "5 tốt" assessments; the rubrics and the dues ledger it reads come from
    the one facade over the context (never copies of their own, which would keep their own caches)."""

    @property
    def rubrics(self) -> RubricService:
        return self.ctx.services.rubrics

    @property
    def dues(self) -> DuesService:
        return self.ctx.services.dues

    # ---- pure helpers for the editor ------------------------------------------------------------------
    @staticmethod
    def evaluate(rubric: R.Rubric, items: dict[str, S.ItemScore]) -> tuple[S.ScoreResult, dict[str, str]]:
        """(total/band, errors by criterion id) for what the editor holds; nothing is saved."""
        return S.evaluate(rubric, items), S.check_sheet(rubric, items)

    # ---- meetings ------------------------------------------------------------------------------------
    def meetings(self, year: int) -> list[MeetingScoreRow]:
        """The year's approved meetings in date order, with their scores."""
        year_facts = self._year_facts(year)
        with self.ctx.read() as s:
            scores = self._meeting_score_rows(s, [c.root_id for c, _ in year_facts])
            rubric_names = self._rubric_names(s, {row.rubric_id for row in scores.values()})
        out = []
        for chain, facts in year_facts:
            head = chain.head
            score = scores.get(chain.root_id)
            out.append(MeetingScoreRow(
                meeting_id=chain.root_id, held_on=head.held_on, period_month=head.period_month, kind=head.kind,
                kind_label=MD.KIND_LABELS[head.kind].format() if head.kind in MD.KIND_LABELS else head.kind,
                title=_title(head), attendance_rate=facts.attendance_rate,
                score_id=score.id if score else None,
                rubric_name=rubric_names.get(score.rubric_id, "") if score else "",
                total=score.total if score else None, max_points=score.max_points if score else None,
                band=score.band if score else ""))
        return out

    def meeting_sheet(self, meeting_id: str, rubric_id: str | None = None) -> ScoreSheet:
        """The meeting's score sheet: the saved one (automatic values refreshed from the current data,
        manual points and notes kept), or a new one pre-filled with the active rubric for its type."""
        with self.ctx.read() as s:
            chain = self._chain(s, meeting_id)
            facts = self._facts(s, chain)
            row = self._meeting_score_rows(s, [chain.root_id]).get(chain.root_id)
            title = _title(chain.head)
        use_id = rubric_id or (row.rubric_id if row else None)
        rid, rubric = self.rubrics.resolve(use_id, "meeting", chain.head.kind)
        existing = S.sheet_from_json(row.items) if row and row.rubric_id == rid else {}
        values = S.meeting_values(facts)
        items = S.prefill(rubric, values, existing)
        return ScoreSheet(subject="meeting", year=chain.head.period_year, rubric_id=rid, rubric=rubric, items=items,
                          values=values, result=S.evaluate(rubric, items), id=row.id if row else None,
                          meeting_id=chain.root_id, title=title, note=row.note if row else "",
                          scored_by=row.scored_by if row else "", rev=live_revision(row))

    def save_meeting_score(self, meeting_id: str, items: dict[str, S.ItemScore], *, rubric_id: str | None = None,
                           note: str = "", scored_by: str = "", base_rev: int | None = None) -> ScoreSheet:
        """Save the meeting's score (one per meeting; saving again replaces it). `base_rev`: the sheet's `rev`
        when the editor read it."""
        sheet = self.meeting_sheet(meeting_id, rubric_id)
        items = self._checked_items(sheet, items)
        result = S.evaluate(sheet.rubric, items)
        summary = MEETING_SCORE_SUMMARY.format(title=sheet.title, total=_fmt(result.total), band=result.label)
        with self.ctx.mutation("scoring.meeting", summary) as s:
            chain = self._chain(s, meeting_id)
            row = self._meeting_score_rows(s, [chain.root_id]).get(chain.root_id)
            ensure_revision(s, row, base_rev, SHEET_FIELDS)
            if row is None:
                row = MeetingScore(cell_id=self.cell_id, meeting_id=chain.root_id)
                s.add(row)
            row.rubric_id = sheet.rubric_id
            row.meeting_date, row.meeting_type = chain.head.held_on, chain.head.kind
            row.items = S.sheet_to_json(items)
            row.total, row.max_points, row.band = result.total, result.max_points, result.label
            row.note, row.scored_by = clean_text(note), clean_line(scored_by)
        return self.meeting_sheet(meeting_id)

    def delete_meeting_score(self, meeting_id: str) -> None:
        with self.ctx.read() as s:
            chain = self._chain(s, meeting_id)
            row = self._meeting_score_rows(s, [chain.root_id]).get(chain.root_id)
            title = _title(chain.head)
        if row is None:
            raise NotFound(SCORE_WHAT.format())
        with self.ctx.mutation("scoring.meeting_delete", MEETING_UNSCORE_SUMMARY.format(title=title)) as s:
            s.get(MeetingScore, row.id).deleted_at = dt.datetime.now(dt.timezone.utc)

    # ---- yearly 5-good assessments -------------------------------------------------------------------
    def cell_sheet(self, year: int, rubric_id: str | None = None, today: dt.date | None = None) -> ScoreSheet:
        row = self._assessment_row(None, year)
        use_id = rubric_id or (row.rubric_id if row else None)
        rid, rubric = self.rubrics.resolve(use_id, "cell_year")
        values = self.cell_year_values(year, today)
        return self._assessment_sheet("cell", year, rid, rubric, values, row, None, self._cell_name())

    def member_sheet(self, member_id: str, year: int, rubric_id: str | None = None,
                     today: dt.date | None = None) -> ScoreSheet:
        name = self._member_name(member_id)
        row = self._assessment_row(member_id, year)
        use_id = rubric_id or (row.rubric_id if row else None)
        rid, rubric = self.rubrics.resolve(use_id, "member_year")
        values = self.member_year_values(member_id, year, today)
        return self._assessment_sheet("member", year, rid, rubric, values, row, member_id, name)

    def save_cell_assessment(self, year: int, data: AssessmentInput, today: dt.date | None = None, *,
                             base_rev: int | None = None) -> ScoreSheet:
        sheet = self.cell_sheet(year, data.rubric_id, today)
        return self._save_assessment(sheet, data, today, base_rev)

    def save_member_assessment(self, member_id: str, year: int, data: AssessmentInput,
                               today: dt.date | None = None, *, base_rev: int | None = None) -> ScoreSheet:
        sheet = self.member_sheet(member_id, year, data.rubric_id, today)
        return self._save_assessment(sheet, data, today, base_rev)

    def sheet_revision(self, subject: str, year: int, *, meeting_id: str | None = None,
                       member_id: str | None = None) -> int:
        """The stored revision of a sheet now (NEW: none saved); `meeting_id` is the sheet's (first) minutes.
        One indexed read: the editor compares it with the sheet's `rev` to tell a change made elsewhere."""
        with self.ctx.read() as s:
            if subject == "meeting":
                return live_revision(self._meeting_score_rows(s, [meeting_id]).get(meeting_id))
            return live_revision(s.scalars(self._assessment_query(member_id, year)).first())

    @staticmethod
    def check_assessment(data: AssessmentInput, today: dt.date | None = None) -> dict[str, str]:
        """Errors of the proposal and decision fields by field name (decision_date, decision_no): what saving
        would refuse, for the editor to show as the user types."""
        today = today or dt.date.today()
        errors: dict[str, str] = {}
        if data.decision_date is not None and data.decision_date > today:
            errors["decision_date"] = DATE_IN_FUTURE.format(date=format_date(data.decision_date))
        if data.decision_date is not None and not clean_line(data.decision_no):
            errors["decision_no"] = DECISION_DATE_NEEDS_NO.format()
        return errors

    def delete_assessment(self, year: int, member_id: str | None = None) -> None:
        row = self._assessment_row(member_id, year)
        if row is None:
            raise NotFound(SCORE_WHAT.format())
        name = self._member_name(member_id) if member_id else self._cell_name()
        with self.ctx.mutation("scoring.assessment_delete", DELETE_ASSESSMENT_SUMMARY.format(year=year, name=name)) as s:
            s.get(FiveGoodAssessment, row.id).deleted_at = dt.datetime.now(dt.timezone.utc)

    def assessment_candidates(self, year: int, today: dt.date | None = None) -> list[tuple[str, str]]:
        """(member id, name) of members to assess for the year: in the cell at the year's end (or today,
        for the current year), admitted by then, and not exempted from activities."""
        end = min(dt.date(year, 12, 31), max(today or dt.date.today(), dt.date(year, 1, 1)))
        with self.ctx.read() as s:
            facts = member_facts(s, self.cell_id)
        out = []
        for m in facts:
            if m.start is not None and m.start > end:
                continue
            if m.leave is not None and m.leave <= end:
                continue
            if m.status_on(end) == "exempt":
                continue
            out.append((m.id, m.full_name))
        return out

    def assessments(self, year: int, today: dt.date | None = None) -> list[AssessmentRow]:
        """The cell's assessment first, then every candidate member's (assessed or not) in list order."""
        with self.ctx.read() as s:
            rows = s.scalars(select(FiveGoodAssessment).where(
                FiveGoodAssessment.cell_id == self.cell_id, FiveGoodAssessment.year == year,
                FiveGoodAssessment.deleted_at.is_(None))).all()
            facts = {m.id: m for m in member_facts(s, self.cell_id)}
        by_member = {r.member_id: r for r in rows}
        out = [_assessment_row("cell", None, self._cell_name(), None, by_member.get(None))]
        ids = [mid for mid, _ in self.assessment_candidates(year, today)]
        ids += [mid for mid in by_member if mid and mid not in ids and mid in facts]
        for mid in sorted(ids, key=lambda i: registry_order(facts[i])):
            m = facts[mid]
            out.append(_assessment_row("member", mid, m.full_name, m.list_no, by_member.get(mid)))
        return out

    # ---- automatic values ----------------------------------------------------------------------------
    def cell_year_values(self, year: int, today: dt.date | None = None) -> dict[str, float | bool | None]:
        today = today or dt.date.today()
        year_facts = self._year_facts(year)
        meetings = [f for _, f in year_facts]
        with self.ctx.read() as s:
            scores = self._meeting_score_rows(s, [c.root_id for c, _ in year_facts])
            facts = member_facts(s, self.cell_id)
        percents = [100.0 * sc.total / sc.max_points for sc in scores.values() if sc.max_points]
        admitted = sum(1 for m in facts if m.admitted_on and m.admitted_on.year == year)
        statuses = self.dues.year_status(year, min(today, dt.date(year, 12, 31)))
        due = sum(len(st.due_months) for st in statuses)
        on_time = sum(len(st.on_time_months) for st in statuses)
        dues_rate = round(100.0 * on_time / due, 2) if due else None
        return S.cell_year_values(meetings, percents, self._review_levels(year), admitted, dues_rate,
                                  MD.REGULAR_KINDS, MD.THEMATIC_KINDS)

    def member_year_values(self, member_id: str, year: int, today: dt.date | None = None) -> dict[str, float | bool | None]:
        today = today or dt.date.today()
        meetings = [f for _, f in self._year_facts(year)]
        dues = self.dues.member_year(member_id, year, min(today, dt.date(year, 12, 31)))
        return S.member_year_values(member_id, meetings, self._review_levels(year).get(member_id),
                                    dues.on_time_rate if dues else None,
                                    len(dues.counted_unpaid) if dues else None)

    # ---- chart series --------------------------------------------------------------------------------
    def monthly_scores(self, year: int) -> list[MonthValue]:
        """Each month's average meeting score as % of the rubric maximum (months without a score: None)."""
        rows = [r for r in self.meetings(year) if r.percent is not None]
        return [_month_mean(month, [r.percent for r in rows if r.period_month == month]) for month in range(1, 13)]

    def monthly_attendance(self, year: int) -> list[MonthValue]:
        rows = self.meetings(year)
        return [_month_mean(month, [r.attendance_rate for r in rows
                                    if r.period_month == month and r.attendance_rate is not None])
                for month in range(1, 13)]

    def five_good_history(self) -> list[YearValue]:
        """The cell's 5-good totals year on year (oldest first)."""
        with self.ctx.read() as s:
            rows = s.scalars(select(FiveGoodAssessment).where(
                FiveGoodAssessment.cell_id == self.cell_id, FiveGoodAssessment.member_id.is_(None),
                FiveGoodAssessment.deleted_at.is_(None)).order_by(FiveGoodAssessment.year)).all()
        return [YearValue(r.year, r.total, r.max_points, round(100.0 * r.total / r.max_points, 2) if r.max_points else 0.0,
                          r.band, r.recognized_title) for r in rows]

    def member_attendance(self, year: int) -> list[MemberAttendanceRow]:
        """Each member's attendance at the year's approved meetings (members listed at least once)."""
        meetings = [f for _, f in self._year_facts(year)]
        with self.ctx.read() as s:
            facts = member_facts(s, self.cell_id)
        out = []
        for m in facts:
            att = S.member_attendance(m.id, meetings)
            if not any(m.id in mt.statuses for mt in meetings):
                continue
            out.append(MemberAttendanceRow(m.id, m.full_name, m.list_no, att.expected, att.present,
                                           att.absent_with_reason, att.absent_without_reason, att.rate))
        return out

    def report(self, year: int, today: dt.date | None = None) -> ScoresReport:
        """Everything of the year's scores at once (the printed report, the export, the CLI)."""
        meetings = self.meetings(year)
        months = range(1, 13)
        monthly_scores = [_month_mean(m, [r.percent for r in meetings if r.period_month == m and r.percent is not None])
                          for m in months]
        monthly_attendance = [_month_mean(m, [r.attendance_rate for r in meetings
                                              if r.period_month == m and r.attendance_rate is not None])
                              for m in months]
        rows = self.assessments(year, today)
        cell_row = rows[0] if rows and rows[0].subject == "cell" else None
        cell_sheet = self.cell_sheet(year, today=today) if cell_row and cell_row.assessment_id else None
        return ScoresReport(year=year, meetings=meetings, monthly_scores=monthly_scores,
                            monthly_attendance=monthly_attendance, cell=cell_row, cell_sheet=cell_sheet,
                            members=[r for r in rows if r.subject == "member"], history=self.five_good_history(),
                            member_attendance=self.member_attendance(year))

    # ---- internals -----------------------------------------------------------------------------------
    def _facts(self, s: Session, chain: _Chain) -> S.MeetingFacts:
        return _meeting_facts(s, chain, meeting_rules(self.ctx, chain.head.held_on))

    def _year_facts(self, year: int) -> list[tuple[_Chain, S.MeetingFacts]]:
        """The year's approved meetings and their facts (memoised until the data changes)."""
        def compute() -> list[tuple[_Chain, S.MeetingFacts]]:
            with self.ctx.read() as s:
                return [(c, self._facts(s, c)) for c in _approved_chains(s, self.cell_id, year)]

        pinned = self.ctx.get_preference(RULE_VERSION_SETTING)  # the meeting rules the user pinned, if any
        return self.memo(("year_facts", year, pinned), compute, ("meetings", "meeting_attendance"))

    def _chain(self, s: Session, meeting_id: str) -> _Chain:
        for chain in _approved_chains(s, self.cell_id):
            if chain.root_id == meeting_id or chain.head.id == meeting_id:
                return chain
        row = s.get(Meeting, meeting_id)
        if row is not None and row.cell_id == self.cell_id and row.deleted_at is None:
            raise ServiceError(NOT_APPROVED)
        raise NotFound(MEETING_WHAT.format())

    def _meeting_score_rows(self, s: Session, meeting_ids: list[str]) -> dict[str, MeetingScore]:
        if not meeting_ids:
            return {}
        rows = s.scalars(select(MeetingScore).where(MeetingScore.cell_id == self.cell_id,
                                                    MeetingScore.meeting_id.in_(meeting_ids),
                                                    MeetingScore.deleted_at.is_(None))).all()
        return {r.meeting_id: r for r in rows}

    @staticmethod
    def _rubric_names(s: Session, ids: set[str]) -> dict[str, str]:
        from ...store.models.scoring import Rubric

        if not ids:
            return {}
        return dict(s.execute(select(Rubric.id, Rubric.name).where(Rubric.id.in_(list(ids)))).all())

    def _assessment_query(self, member_id: str | None, year: int):
        q = select(FiveGoodAssessment).where(FiveGoodAssessment.cell_id == self.cell_id,
                                             FiveGoodAssessment.year == year, FiveGoodAssessment.deleted_at.is_(None))
        return q.where(FiveGoodAssessment.member_id.is_(None) if member_id is None
                       else FiveGoodAssessment.member_id == member_id)

    def _assessment_row(self, member_id: str | None, year: int) -> FiveGoodAssessment | None:
        with self.ctx.read() as s:
            return s.scalars(self._assessment_query(member_id, year)).first()

    def _assessment_sheet(self, subject: str, year: int, rid: str, rubric: R.Rubric, values: dict,
                          row: FiveGoodAssessment | None, member_id: str | None, title: str) -> ScoreSheet:
        existing = S.sheet_from_json(row.items) if row and row.rubric_id == rid else {}
        items = S.prefill(rubric, values, existing)
        return ScoreSheet(
            subject=subject, year=year, rubric_id=rid, rubric=rubric, items=items, values=values,
            result=S.evaluate(rubric, items), id=row.id if row else None, member_id=member_id, title=title,
            note=row.note if row else "",
            proposal=row.proposal if row else "", recognized_title=row.recognized_title if row else "",
            decision_no=row.decision_no if row else "", decision_date=row.decision_date if row else None,
            decision_org=row.decision_org if row else "", rev=live_revision(row))

    def _checked_items(self, sheet: ScoreSheet, items: dict[str, S.ItemScore]) -> dict[str, S.ItemScore]:
        """The submitted points and notes over freshly measured automatic values; errors by criterion."""
        errors = S.check_sheet(sheet.rubric, items)
        if errors:
            raise ValidationFailed(errors)
        out: dict[str, S.ItemScore] = {}
        for criterion in sheet.rubric.criteria():
            fresh = sheet.items.get(criterion.id, S.ItemScore())
            given = items.get(criterion.id)
            points = given.points if given is not None else fresh.points
            if points is None and fresh.auto_points is not None:
                points = fresh.auto_points
            out[criterion.id] = S.ItemScore(points=None if points is None else round(float(points), 2),
                                            auto_value=fresh.auto_value, auto_points=fresh.auto_points,
                                            note=clean_text(given.note) if given is not None else fresh.note)
        return out

    def _save_assessment(self, sheet: ScoreSheet, data: AssessmentInput, today: dt.date | None,
                         base_rev: int | None) -> ScoreSheet:
        today = today or dt.date.today()
        items = self._checked_items(sheet, data.items)
        errors = self.check_assessment(data, today)
        if errors:
            raise ValidationFailed(errors)
        result = S.evaluate(sheet.rubric, items)
        if sheet.subject == "cell":
            summary = CELL_SUMMARY.format(year=sheet.year, total=_fmt(result.total), band=result.label)
        else:
            summary = MEMBER_SUMMARY.format(year=sheet.year, name=sheet.title, total=_fmt(result.total),
                                            band=result.label)
        with self.ctx.mutation("scoring.assessment", summary) as s:
            # Read in the write transaction: a sheet saved by another window meanwhile is found, not doubled.
            row = s.scalars(self._assessment_query(sheet.member_id, sheet.year)).first()
            ensure_revision(s, row, base_rev, SHEET_FIELDS)
            if row is None:
                row = FiveGoodAssessment(cell_id=self.cell_id, subject=sheet.subject, member_id=sheet.member_id,
                                         year=sheet.year)
                s.add(row)
            row.rubric_id = sheet.rubric_id
            row.items = S.sheet_to_json(items)
            row.total, row.max_points, row.band = result.total, result.max_points, result.label
            row.proposal, row.recognized_title = clean_line(data.proposal), clean_line(data.recognized_title)
            row.decision_no, row.decision_date = clean_line(data.decision_no), data.decision_date
            row.decision_org, row.note = clean_line(data.decision_org), clean_text(data.note)
        if sheet.subject == "cell":
            return self.cell_sheet(sheet.year, today=today)
        return self.member_sheet(sheet.member_id, sheet.year, today=today)

    def _review_levels(self, year: int) -> dict[str, str | None]:
        """Each reviewed member's counting level for the year (decided, else proposed); {} if the year's
        review is not opened."""
        def compute() -> dict[str, str | None]:
            reviews = self.ctx.services.reviews
            if not reviews.is_open(year):
                return {}
            return {r.member_id: r.level for r in reviews.list_reviews(year)}

        return dict(self.memo(("review_levels", year), compute,
                              ("review_years", "member_reviews", "members", "review_rule_sets")))

    def _cell_name(self) -> str:
        from ...store.models.core import Cell

        with self.ctx.read() as s:
            cell = s.get(Cell, self.cell_id)
            return cell.name if cell else ""

    def _member_name(self, member_id: str) -> str:
        from ...store.models.members import Member

        with self.ctx.read() as s:
            member = s.get(Member, member_id)
            if member is None or member.deleted_at is not None or member.cell_id != self.cell_id:
                raise NotFound(MEMBER_WHAT.format())
            return member.full_name


def _month_mean(month: int, values: list[float]) -> MonthValue:
    return MonthValue(month, round(sum(values) / len(values), 2) if values else None, len(values))


def _assessment_row(subject: str, member_id: str | None, name: str, list_no: int | None,
                    row: FiveGoodAssessment | None) -> AssessmentRow:
    return AssessmentRow(subject=subject, member_id=member_id, name=name, list_no=list_no,
                         assessment_id=row.id if row else None, total=row.total if row else None,
                         max_points=row.max_points if row else None, band=row.band if row else "",
                         proposal=row.proposal if row else "", recognized_title=row.recognized_title if row else "",
                         decision_no=row.decision_no if row else "", decision_date=row.decision_date if row else None,
                         decision_org=row.decision_org if row else "")
