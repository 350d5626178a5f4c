"""Demo scores and dues (a step of `cellsec demo`, after the meetings and reviews steps).

* Every approved meeting of last year and this year is scored with the active rubric: the automatic
  criteria come from the minutes, the secretary's points vary a little, weaker where the meeting was.
* Last year's "5 tốt" assessments of the cell and of every member (the cell proposed and recognised by
  the committee above), and the cell's assessments of the two years before for the year-on-year chart.
* Dues from January of last year to this month: salaries rose in January of this year (the ledger keeps
  the old basis); Đậu Văn Lực paid nothing in three months of this year (a removal ground), Lê Văn Cường
  missed two (a warning), one member paid part of a month, one was excused while in hospital, and this
  month's collection is still under way.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from ...domain import dues as D
from ...domain import scores as S
from ..dues.service import PaymentEntry
from .meetings import collector_of
from ..scoring.records import AssessmentInput

if TYPE_CHECKING:
    from ..facade import Services

SECRETARY = "Nguyễn Văn Hùng"
DUES_AT_RISK = "Đậu Văn Lực"       # three unpaid months this year
DUES_WARNING = "Lê Văn Cường"      # two unpaid months this year
PARTIAL_PAYER = "Hồ Sỹ Nam"
EXCUSED = "Trần Văn Hiếu"          # in hospital, excused
RAISE = 1.06                       # January salary rise this year
COMMITTEE = "Đảng ủy xã Hưng Nguyên"

LEVEL_SHARE = {4: 0.97, 3: 0.88, 2: 0.72, 1: 0.45}


def _half(value: float) -> float:
    return round(value * 2) / 2


def demo_scoring(svc: "Services", today: dt.date) -> None:
    rng = random.Random(20261122)
    _meeting_scores(svc, today, rng)
    _dues(svc, today, rng)
    _assessments(svc, today, rng)


def _meeting_scores(svc: "Services", today: dt.date, rng: random.Random) -> None:
    for year in (today.year - 1, today.year):
        for row in svc.scoring.meetings(year):
            sheet = svc.scoring.meeting_sheet(row.meeting_id)
            weak = row.attendance_rate is not None and row.attendance_rate <= 85
            items: dict[str, S.ItemScore] = {}
            for criterion in sheet.rubric.criteria():
                item = sheet.items[criterion.id]
                if item.points is not None:
                    items[criterion.id] = item
                    continue
                share = rng.choice((1.0, 0.9, 0.8, 0.75, 0.6)) - (0.25 if weak else 0.0)
                items[criterion.id] = S.ItemScore(points=_half(criterion.max_points * share))
            svc.scoring.save_meeting_score(row.meeting_id, items, scored_by=SECRETARY,
                                           note="Chi ủy chấm điểm sau buổi sinh hoạt.")


def _dues(svc: "Services", today: dt.date, rng: random.Random) -> None:
    this = today.year
    month = dt.date(this - 1, 1, 1)
    current = D.month_start(today)
    # Dues are collected at the month's regular meeting (the 25th if none was held).
    meeting_days = {(r.held_on.year, r.period_month): r.held_on
                    for year in (this - 1, this) for r in svc.scoring.meetings(year)
                    if r.kind in ("thuong_ky", "combined")}
    joined = {m.id: m.admitted_on for m in svc.members.list()}
    # Each member's basis today; a basis entered on a month carries forward, so every month names its own.
    registry = {m.id: m.dues_basis for m in svc.members.list()}
    while month <= current:
        sheet = svc.dues.sheet(month, today=today)
        rules = svc.dues.rules_for(month)
        meeting_day = meeting_days.get((month.year, month.month), month.replace(day=25))
        entries = []
        for line in sheet.lines:
            name = line.full_name
            basis = None
            if line.uses_basis and line.category != "huu_tri":
                basis = registry[line.member_id]
                if month.year < this:
                    basis = int(round(basis / RAISE, -3))  # before this year's raise
            if month == current and rng.random() < 0.4:
                continue  # this month's collection is still under way
            if name == DUES_AT_RISK and month.year == this and month.month in (2, 5, 8):
                entries.append(PaymentEntry(line.member_id, 0, basis=basis))
                continue
            if name == DUES_WARNING and month.year == this and month.month in (3, 9):
                entries.append(PaymentEntry(line.member_id, 0, basis=basis))
                continue
            due = D.amount_due(rules, line.category, basis if basis is not None else line.basis)
            if name == EXCUSED and month.year == this and month.month == 4:
                entries.append(PaymentEntry(line.member_id, 0, basis=basis,
                                            excused_reason="Điều trị dài ngày tại Bệnh viện Hữu nghị Đa khoa Nghệ An"))
                continue
            paid = due
            if name == PARTIAL_PAYER and month == D.previous_month(current):
                paid = due // 2
            late = rng.random() < 0.04
            paid_on = D.month_end(month) + dt.timedelta(days=rng.randint(3, 12)) if late else meeting_day
            # A member admitted after the month's meeting pays on joining, never before.
            paid_on = max(paid_on, joined.get(line.member_id) or paid_on)
            entries.append(PaymentEntry(line.member_id, paid, paid_on=min(paid_on, today), basis=basis))
        if entries:
            # The collector the month's minutes name (demo.meetings.collector_of).
            svc.dues.record(month, entries, paid_on=min(meeting_day, today), collector=collector_of(month.month),
                            today=today)
        month = D.next_month(month)


def _assessments(svc: "Services", today: dt.date, rng: random.Random) -> None:
    last = today.year - 1
    decision_date = dt.date(last, 12, 28)
    cell = svc.scoring.cell_sheet(last, today=today)
    svc.scoring.save_cell_assessment(last, AssessmentInput(
        items=_fill(cell, 0.92, rng, {"1.1": "Xóm đạt danh hiệu \"Khu dân cư văn hóa\" năm " + str(last)}),
        proposal="Đề nghị công nhận \"Chi bộ 5 tốt\" năm " + str(last),
        recognized_title="Chi bộ 5 tốt", decision_no="Số 118-QĐ/ĐU", decision_date=decision_date,
        decision_org=COMMITTEE, note="Chi bộ tự đánh giá tại hội nghị kiểm điểm cuối năm."), today=today)
    for year, share, title in ((last - 2, 0.78, ""), (last - 1, 0.86, "")):
        sheet = svc.scoring.cell_sheet(year, today=today)
        svc.scoring.save_cell_assessment(year, AssessmentInput(items=_fill(sheet, share, rng, {}),
                                                               proposal="", recognized_title=title), today=today)
    for member_id, name in svc.scoring.assessment_candidates(last, today=dt.date(last, 12, 31)):
        sheet = svc.scoring.member_sheet(member_id, last, today=today)
        level = sheet.values.get("member.review_level") or 3
        result = _fill(sheet, LEVEL_SHARE.get(int(level), 0.85), rng, {})
        total = S.evaluate(sheet.rubric, result).total
        recognised = total >= sheet.rubric.bands[0].min_points
        svc.scoring.save_member_assessment(member_id, last, AssessmentInput(
            items=result, proposal="Đề nghị công nhận \"Đảng viên 5 tốt\"" if recognised else "",
            recognized_title="Đảng viên 5 tốt" if recognised else "",
            decision_no="Số 119-QĐ/ĐU" if recognised else "",
            decision_date=decision_date if recognised else None,
            decision_org=COMMITTEE if recognised else ""), today=today)


def _fill(sheet, share: float, rng: random.Random, notes: dict[str, str]) -> dict[str, S.ItemScore]:
    items = {}
    for criterion in sheet.rubric.criteria():
        item = sheet.items[criterion.id]
        if item.points is None:
            points = _half(criterion.max_points * min(1.0, share + rng.uniform(-0.05, 0.08)))
            item = S.ItemScore(points=points, note=notes.get(criterion.id, ""))
        items[criterion.id] = item
    return items
