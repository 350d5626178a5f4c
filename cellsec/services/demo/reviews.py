"""Demo data of the annual review (a step of `cellsec demo`, registered in demo.DEMO_STEPS).

Last year's cycle is complete: every member's review submitted with the summary and decided above, the
cell's collective review decided. This year's cycle is in progress: commitments registered and checked at
mid-year, most self-reviews written, the cell has assessed about half of them, nothing submitted yet. The
cell proposes one "excellent" rating more than the quota allows, and one member has a disqualifying case
(a reprimand this year) after being rated "Không hoàn thành nhiệm vụ" last year too, so the overview
shows the removal-risk reminder.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ...domain.review_rules import EXCELLENT, FAIL, GOOD, PASS
from ...domain.reviews import CommitmentItem, allowed_excellent
from ..reviews.records import (
    CellAssessmentInput,
    CollectiveInput,
    CommitmentInput,
    DecisionInput,
    ReviewInput,
    ReviewRecord,
)

if TYPE_CHECKING:
    from ..facade import Services

# The member with the disqualifying case this year, rated KHT last year as well.
FAILING = "Lê Văn Cường"
# Proposed "excellent" this year, best first; the demo keeps one more than the quota allows.
EXCELLENT_CANDIDATES = ("Nguyễn Văn Hùng", "Trần Thị Hồng Nhung", "Lê Đình Thắng", "Ngô Văn Bình")
PASSING = ("Phan Thị Duyên", "Đậu Văn Lực")
NOT_WRITTEN_YET = ("Võ Thị Hằng", "Hồ Sỹ Nam")
CONDITIONS = ["all_tasks_on_time", "tasks_exceeded_30", "shortcomings_fixed"]

POLITICS = {
    "leader": "Luôn kiên định chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh; chấp hành nghiêm chủ trương, đường lối "
              "của Đảng, chính sách, pháp luật của Nhà nước. Giữ gìn phẩm chất đạo đức, lối sống giản dị, gần gũi "
              "nhân dân; thực hiện nghiêm nguyên tắc tập trung dân chủ và quy chế làm việc của chi bộ.",
    "staff": "Chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; có lối sống lành "
             "mạnh, trung thực, đoàn kết với đồng chí, đồng nghiệp; chấp hành sự phân công của tổ chức.",
    "outside": "Luôn giữ vững lập trường tư tưởng, tin tưởng vào sự lãnh đạo của Đảng; sống giản dị, gương mẫu ở "
               "nơi cư trú, giữ gìn đoàn kết trong khu dân cư; chấp hành nghiêm Điều lệ Đảng.",
    "probationary": "Có nhận thức đúng đắn về Đảng, chấp hành nghiêm Điều lệ Đảng và nghị quyết của chi bộ; có lối "
                    "sống lành mạnh, khiêm tốn học hỏi các đồng chí đảng viên đi trước.",
}
DUTIES = {
    "leader": "Cùng chi ủy lãnh đạo chi bộ sinh hoạt đủ 12 kỳ trong năm; phụ trách lĩnh vực được phân công hoàn "
              "thành các chỉ tiêu được giao, trong đó có chỉ tiêu vượt kế hoạch; vận động nhân dân tham gia xây "
              "dựng nông thôn mới kiểu mẫu.",
    "staff": "Hoàn thành tốt nhiệm vụ chuyên môn tại {workplace}; tham gia đầy đủ sinh hoạt chi bộ và các hoạt "
             "động của xóm.",
    "outside": "Tham gia đầy đủ các buổi sinh hoạt chi bộ; thực hiện tốt nhiệm vụ đảng viên ở nơi cư trú; tích cực "
               "tham gia các phong trào của xóm và vận động gia đình thực hiện quy ước khu dân cư.",
    "probationary": "Hoàn thành nhiệm vụ được giao tại {workplace}; tham gia sinh hoạt chi bộ đầy đủ; tích cực trong "
                    "hoạt động của Chi đoàn thanh niên.",
}
SHORTCOMINGS = (
    "Việc nghiên cứu, học tập các nghị quyết của Đảng có lúc chưa sâu.",
    "Tham gia ý kiến xây dựng chi bộ trong sinh hoạt còn ít.",
    "Có lúc còn nể nang, ngại va chạm trong phê bình.",
    "Có lúc chưa sắp xếp được thời gian tham gia hoạt động chung của xóm.",
)
DIRECTION = "Tăng cường học tập, nghiên cứu nghị quyết; tích cực phát biểu ý kiến xây dựng chi bộ; khắc phục " \
            "những hạn chế đã nêu trong năm tới."
COMMITMENT_ITEMS = (
    "Chấp hành nghiêm Điều lệ Đảng; tham gia sinh hoạt chi bộ đầy đủ, đóng đảng phí đúng hạn.",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; thực hiện chuẩn mực đạo đức cách mạng "
    "theo Quy định 144-QĐ/TW.",
    "Gương mẫu thực hiện quy ước của xóm; vận động gia đình tham gia xây dựng nông thôn mới kiểu mẫu.",
)
FAILING_LAST_YEAR = ("Chưa gương mẫu thực hiện quy ước của xóm; không thực hiện nội dung đã cam kết đầu năm; "
                     "tham gia ý kiến xây dựng chi bộ còn hạn chế.")
FAILING_CASE = "Quyết định số 07-QĐ/ĐU ngày 12/8/{year} của Đảng ủy xã thi hành kỷ luật khiển trách " \
               "(vi phạm quy định về trật tự xây dựng)."


def counted_meetings(meetings: list, year: int) -> list:
    """The year's regular meetings as they count: approved, and the amendment rather than what it replaced."""
    return [m for m in meetings if m.content.held_on.year == year and m.content.kind in ("thuong_ky", "combined")
            and m.status == "approved" and m.superseded_by is None]


def attendance_figures(meetings: list, year: int) -> dict[str, tuple[int, int]]:
    """member id -> (regular meetings attended, regular meetings the member was called to) in `year`."""
    figures: dict[str, list[int]] = {}
    for m in counted_meetings(meetings, year):
        for a in m.attendance:
            if a.status == "exempt":
                continue
            counts = figures.setdefault(a.member_id, [0, 0])
            counts[0] += a.status == "present"
            counts[1] += 1
    return {k: (v[0], v[1]) for k, v in figures.items()}


def _year_facts(svc: "Services", year: int) -> tuple[dict[str, tuple[int, int]], str, float]:
    """From the records: each member's attendance, the cell's meetings sentence, the lowest attendance rate."""
    meetings = [svc.meetings.get(m.id) for m in svc.meetings.list(year)]
    regular = counted_meetings(meetings, year)
    thematic = [m for m in meetings if m.content.kind in ("chuyen_de", "combined") and m.status == "approved"
                and m.superseded_by is None]
    admitted = sum(1 for m in svc.members.list() if m.admitted_on and m.admitted_on.year == year)
    sentence = (f"Tổ chức {len(regular):02d} kỳ sinh hoạt thường kỳ và {len(thematic):02d} kỳ sinh hoạt chuyên đề; "
                f"kết nạp {admitted:02d} đảng viên mới.")
    rates = [float(m.summary.rate) for m in regular if m.summary.rate is not None]
    return attendance_figures(meetings, year), sentence, min(rates, default=1.0)


def _scores(level: str, i: int) -> tuple[int, int]:
    return {EXCELLENT: (28, 63 + i % 3), GOOD: (25 - i % 3, 55 + i % 7), PASS: (20, 40 + i % 5),
            FAIL: (16, 28)}[level]


def _sections(review: ReviewRecord, workplace: str, i: int, *, failing: bool = False) -> dict[str, str]:
    kind = review.form_type if review.form_type in POLITICS else "staff"
    sections = {
        "politics": POLITICS[kind],
        "duties": DUTIES[kind].format(workplace=workplace or "nơi công tác"),
        "shortcomings": FAILING_LAST_YEAR if failing else SHORTCOMINGS[i % len(SHORTCOMINGS)],
        "direction": DIRECTION,
    }
    if review.form_type in ("leader", "staff"):
        sections["explanations"] = "Không có vấn đề được gợi ý kiểm điểm."
    if review.form_type == "leader":
        sections["collective_responsibility"] = (
            "Là thành viên chi ủy, chịu trách nhiệm cùng tập thể về hạn chế trong việc đôn đốc đảng viên đóng "
            "đảng phí đúng hạn.")
    return sections


def _cell_comment(level: str) -> str:
    return {
        EXCELLENT: "Chi bộ nhất trí với bản tự kiểm điểm; đồng chí gương mẫu, nhiều nhiệm vụ hoàn thành vượt yêu cầu.",
        GOOD: "Chi bộ nhất trí với bản tự kiểm điểm; đồng chí có ý thức tổ chức kỷ luật tốt, hoàn thành tốt "
              "nhiệm vụ đảng viên.",
        PASS: "Chi bộ nhất trí; đề nghị đồng chí khắc phục hạn chế về tham gia sinh hoạt và hoạt động của xóm.",
        FAIL: "Chi bộ nghiêm khắc phê bình; đồng chí cần khắc phục ngay các khuyết điểm đã nêu.",
    }[level]


def _commitment(svc: "Services", review: ReviewRecord, workplace: str, *, midyear: bool, yearend: bool,
                failing: bool = False, attended: tuple[int, int] = (0, 0)) -> None:
    member_id, year = review.member_id, review.year
    items = [CommitmentItem(text) for text in COMMITMENT_ITEMS]
    if workplace and review.form_type != "outside":
        items.insert(1, CommitmentItem(f"Hoàn thành tốt nhiệm vụ được giao tại {workplace}."))
    if yearend:
        present, held = attended
        note = f"tham gia {present}/{held} kỳ sinh hoạt" if held else ""
        items = [CommitmentItem(item.text, result_note="" if k else note,
                                achieved=(present == held if held else True) and (not failing or k > 0))
                 for k, item in enumerate(items)]
    svc.reviews.save_commitment(member_id, year, CommitmentInput(
        items=items, registered_on=dt.date(year, 2, 20),
        midyear_check=("Chưa thực hiện đầy đủ các nội dung đã đăng ký; chi bộ đã nhắc nhở." if failing else
                       "Thực hiện đúng các nội dung đã đăng ký.") if midyear else "",
        midyear_on=dt.date(year, 7, 10) if midyear else None,
        yearend_result=("Chưa thực hiện được nội dung đã cam kết về chấp hành quy ước của xóm." if failing else
                        "Hoàn thành các nội dung đã cam kết.") if yearend else "",
        yearend_on=dt.date(year, 11, 15) if yearend else None,
    ), today=dt.date(year, 11, 15))


def _plan(names: list[str], excellent: tuple[str, ...]) -> dict[str, str]:
    plan = {}
    for name in names:
        if name == FAILING:
            plan[name] = FAIL
        elif name in excellent:
            plan[name] = EXCELLENT
        elif name in PASSING:
            plan[name] = PASS
        else:
            plan[name] = GOOD
    return plan


def _write(svc: "Services", review: ReviewRecord, level: str, workplace: str, i: int, *, failing_case: str = "",
           failing_text: bool = False) -> None:
    general, tasks = _scores(level, i)
    # What a secretary gets from "Điền sẵn": the year's commitments and last year's shortcomings.
    sections = {**svc.reviews.prefill(review.id), **_sections(review, workplace, i, failing=failing_text)}
    svc.reviews.save_review(review.id, ReviewInput(
        sections=sections,
        scores={"general": general, "tasks": tasks},
        conditions=CONDITIONS if level == EXCELLENT else [],
        disqualifiers={"disciplined": failing_case} if failing_case else {},
        self_level=level,
    ))


def reviews_demo(svc: "Services", today: dt.date) -> None:
    members = {m.id: m for m in svc.members.list()}
    _last_year(svc, today, members)
    _this_year(svc, today, members)


def _last_year(svc: "Services", today: dt.date, members: dict) -> None:
    """Last year: complete (every review submitted and decided, the collective review decided)."""
    last = today.year - 1
    svc.reviews.open_year(last, today=dt.date(last, 11, 10))
    reviews = svc.reviews.list_reviews(last)
    plan = _plan([r.member_name for r in reviews], EXCELLENT_CANDIDATES[:2])
    present = len(reviews) - 3
    attendance, meetings_sentence, _lowest = _year_facts(svc, last)
    for i, review in enumerate(reviews):
        level = plan[review.member_name]
        member = members[review.member_id]
        _commitment(svc, review, member.workplace, midyear=True, yearend=True, failing=level == FAIL,
                    attended=attendance.get(review.member_id, (0, 0)))
        _write(svc, review, level, member.workplace, i, failing_text=level == FAIL)
        svc.reviews.save_cell_assessment(review.id, CellAssessmentInput(
            _cell_comment(level), level, present - (2 if level == FAIL else 0), 2 if level == FAIL else 0, 0))
    svc.reviews.submit_summary(last)
    for i, review in enumerate(svc.reviews.list_reviews(last)):
        svc.reviews.decide(review.id, DecisionInput(review.cell_level, "Số 112-QĐ/ĐU", dt.date(last, 12, 26)),
                           today=today)
    svc.reviews.save_collective(last, CollectiveInput(
        sections={
            "tasks": "Lãnh đạo xóm hoàn thành 12/12 chỉ tiêu kinh tế - xã hội; giữ vững danh hiệu khu dân cư văn hóa.",
            "party_building": meetings_sentence,
            "leadership": "Thực hiện nghiêm nguyên tắc tập trung dân chủ; nội bộ đoàn kết, thống nhất.",
            "shortcomings": "Một số đảng viên chưa tham gia sinh hoạt đầy đủ; thu đảng phí có tháng còn chậm.",
            "direction": "Nâng cao chất lượng sinh hoạt chi bộ; tăng cường quản lý đảng viên ở nơi cư trú.",
        },
        scores={"general": 26, "tasks": 59}, self_level=GOOD))
    svc.reviews.submit_collective(last)
    svc.reviews.decide_collective(last, DecisionInput(GOOD, "Số 115-QĐ/ĐU", dt.date(last, 12, 26)), today=today)


def _this_year(svc: "Services", today: dt.date, members: dict) -> None:
    """This year: in progress (some reviews not written yet, the cell's proposals one over the quota)."""
    this = today.year
    svc.reviews.open_year(this, today=today)
    reviews = svc.reviews.list_reviews(this)
    names = [r.member_name for r in reviews]
    good = sum(1 for n in names if n not in (FAILING, *PASSING, *EXCELLENT_CANDIDATES, *NOT_WRITTEN_YET))
    quota = svc.reviews.rules_for_year(this).quota
    # Propose exactly one "excellent" more than the quota allows (candidates not proposed count as "good").
    count = len(EXCELLENT_CANDIDATES)
    for n in range(1, len(EXCELLENT_CANDIDATES) + 1):
        if n == allowed_excellent(quota, good + len(EXCELLENT_CANDIDATES) - n) + 1:
            count = n
            break
    plan = _plan(names, EXCELLENT_CANDIDATES[:count])
    present = len(reviews) - 2
    attendance, meetings_sentence, lowest = _year_facts(svc, this)
    for i, review in enumerate(reviews):
        member = members[review.member_id]
        level = plan[review.member_name]
        _commitment(svc, review, member.workplace, midyear=True, yearend=i % 2 == 0, failing=level == FAIL,
                    attended=attendance.get(review.member_id, (0, 0)))
        if review.member_name in NOT_WRITTEN_YET:
            continue
        failing = level == FAIL
        _write(svc, review, level, member.workplace, i,
               failing_case=FAILING_CASE.format(year=this) if failing else "")
        # The cell has assessed the officers, the proposed "excellent" ones, the failing case and a few others.
        if failing or level == EXCELLENT or i % 2 == 0:
            svc.reviews.save_cell_assessment(review.id, CellAssessmentInput(
                _cell_comment(level), level, present - (3 if failing else 0), 3 if failing else 0, 0))
    svc.reviews.save_collective(this, CollectiveInput(
        sections={
            "tasks": "Lãnh đạo xóm hoàn thành 11/12 chỉ tiêu; hoàn thành bê tông hóa 1,2 km đường ngõ xóm.",
            "party_building": meetings_sentence,
            "shortcomings": "Còn 01 đảng viên vi phạm bị kỷ luật"
                            + ("; tỷ lệ đảng viên tham gia sinh hoạt có kỳ chưa đạt 90%." if lowest < 0.9 else "."),
        },
        scores={"general": 25, "tasks": 56}, self_level=GOOD))
