"""Demo meetings (`cellsec demo`): two years of a residential cell's meetings with realistic minutes.

Last year and this year up to today: a regular meeting every month (evenings at the xóm's cultural house),
a thematic meeting every quarter — except one past quarter of this year, left out on purpose so the year
view flags it — one regular and thematic meeting combined, one extraordinary meeting, a few absences with
reasons, one member absent without reason in three months of this year (removal risk), one member
absent four times in a row, one short meeting, one with low attendance, one amended set of minutes.
Past minutes are approved (with resolutions for the thematic meetings); the latest is still a draft.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from ...domain.meetings import AgendaItem, Checklist, Guest, MinutesContent, Speech, Vote, quarter_of
from ..meetings.records import AttendanceInput, MeetingRecord

if TYPE_CHECKING:
    from ..facade import Services

PLACE = "Nhà văn hóa xóm Trung Mỹ"
GUEST = Guest("Nguyễn Thị Minh Nguyệt", "Đảng ủy viên, phụ trách chi bộ", "Đảng ủy xã Hưng Nguyên")
CHAIR = "Nguyễn Văn Hùng"
RECORDER = "Trần Thị Hồng Nhung"
AT_RISK = "Đậu Văn Lực"  # absent without reason in three months of this year
LONG_ABSENT = "Trần Văn Hiếu"  # ill: absent with reason four meetings in a row this year
LATE_COMER = "Lê Văn Cường"  # absent without reason at the latest meeting
STUDY_LEADER = "Lê Đình Thắng"  # presents the monthly "Học tập và làm theo" item


def collector_of(month: int) -> str:
    """Who collects the month's dues at the meeting: the deputy in even months, the secretary in odd ones
    (the dues step records the same name on the sheet)."""
    return RECORDER if month % 2 == 0 else CHAIR

EVENTS = {
    1: "Triển khai nhiệm vụ năm mới; chuẩn bị đón Tết Nguyên đán vui tươi, lành mạnh, an toàn; "
       "tuyên truyền kỷ niệm Ngày thành lập Đảng Cộng sản Việt Nam (03/02)",
    2: "Phát động Tết trồng cây \"Đời đời nhớ ơn Bác Hồ\"; phòng, chống dịch bệnh trên gia súc, gia cầm",
    3: "Kỷ niệm Ngày Quốc tế Phụ nữ 08/3 và Ngày thành lập Đoàn TNCS Hồ Chí Minh 26/3; chăm sóc lúa vụ Xuân",
    4: "Kỷ niệm Ngày Giải phóng miền Nam, thống nhất đất nước 30/4 và Ngày Quốc tế Lao động 01/5",
    5: "Kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh 19/5; thu hoạch lúa vụ Xuân, phòng chống cháy rừng",
    6: "Tháng hành động vì trẻ em; phòng, chống đuối nước cho học sinh trong dịp hè",
    7: "Kỷ niệm Ngày Thương binh - Liệt sĩ 27/7; thăm hỏi, tặng quà các gia đình chính sách",
    8: "Kỷ niệm Cách mạng Tháng Tám và Quốc khánh 02/9; chủ động phòng, chống bão lũ",
    9: "Khắc phục hậu quả mưa lũ; chuẩn bị cho học sinh bước vào năm học mới; thu hoạch vụ Hè Thu",
    10: "Kỷ niệm Ngày Phụ nữ Việt Nam 20/10; triển khai sản xuất vụ Đông",
    11: "Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư (18/11); chuẩn bị kiểm điểm, đánh giá đảng viên cuối năm",
    12: "Tổng kết công tác năm; kiểm điểm, đánh giá, xếp loại chất lượng đảng viên; phương hướng năm tới",
}
STORIES = [
    "Bác Hồ với đức tính giản dị, tiết kiệm",
    "Bác Hồ dạy cán bộ phải gần dân, hiểu dân, học dân",
    "Lời Bác dạy về tự phê bình và phê bình",
    "Bác Hồ với tinh thần đoàn kết, thương yêu con người",
    "Bác Hồ với việc giữ gìn vệ sinh, rèn luyện thân thể",
    "Bác Hồ dạy về \"cần, kiệm, liêm, chính, chí công vô tư\"",
]
TASKS = [
    "Vận động 100% hộ gia đình thu gom, phân loại rác thải đúng giờ, giữ gìn đường làng ngõ xóm sạch đẹp",
    "Hoàn thành thu các khoản đóng góp xây dựng nông thôn mới kiểu mẫu theo kế hoạch của xã",
    "Thăm hỏi, động viên người cao tuổi neo đơn và các gia đình có hoàn cảnh khó khăn trong xóm",
    "Giữ vững an ninh trật tự, không để xảy ra tụ tập uống rượu, đua xe trái phép trên địa bàn",
    "Chỉ đạo bà con gieo cấy đúng lịch thời vụ, phòng trừ sâu bệnh kịp thời",
    "Phối hợp với Chi đoàn tổ chức sinh hoạt hè cho thiếu nhi, phòng chống đuối nước",
    "Làm tốt công tác hòa giải ở cơ sở, giải quyết dứt điểm các mâu thuẫn nhỏ trong cộng đồng",
    "Tuyên truyền nhân dân sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt",
]
SPEECHES = [
    "Nhất trí với báo cáo của chi ủy. Đề nghị chi bộ quan tâm hơn đến việc vận động các hộ gia đình giữ gìn "
    "vệ sinh môi trường, thu gom rác đúng giờ.",
    "Tán thành các nội dung đã nêu; đề nghị bổ sung nhiệm vụ thăm hỏi các gia đình chính sách, người cao tuổi "
    "neo đơn trong xóm.",
    "Đề nghị Ban Phát triển sản xuất của xóm hướng dẫn bà con lịch thời vụ cụ thể và cách phòng trừ sâu bệnh.",
    "Thống nhất với dự thảo nghị quyết. Đề nghị phân công rõ đảng viên phụ trách từng cụm dân cư để nắm tình hình "
    "tư tưởng của nhân dân.",
    "Tình hình an ninh trật tự trên địa bàn ổn định; đề nghị các gia đình quản lý chặt con em, không để tụ tập "
    "uống rượu, đua xe.",
    "Hội viên cựu chiến binh trong xóm luôn gương mẫu; đề nghị chi bộ tiếp tục phát huy vai trò của hội viên trong "
    "hòa giải ở cơ sở.",
    "Nhất trí cao với báo cáo; đề nghị làm rõ thêm nguyên nhân một số hộ chậm nộp các khoản đóng góp xây dựng "
    "nhà văn hóa.",
    "Đề nghị chi bộ phối hợp với Chi hội Phụ nữ vận động các hộ trồng hoa, cây xanh dọc tuyến đường trục xóm.",
    "Thanh niên trong xóm đi làm ăn xa nhiều; đề nghị giữ liên lạc thường xuyên để nắm tình hình và động viên "
    "các cháu.",
]
TOPICS = [
    "Vai trò tiền phong, gương mẫu của đảng viên trong xây dựng nông thôn mới kiểu mẫu",
    "Phát huy vai trò của đảng viên trong phòng, chống tệ nạn xã hội ở khu dân cư",
    "Đảng viên với việc giữ gìn an ninh trật tự và vệ sinh môi trường ở khu dân cư",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tinh thần đoàn kết trong cộng đồng",
    "Nâng cao chất lượng sinh hoạt chi bộ và trách nhiệm của đảng viên nơi cư trú",
    "Ứng dụng chuyển đổi số trong sinh hoạt chi bộ và sử dụng Sổ tay đảng viên điện tử",
    "Phát huy dân chủ ở cơ sở, thực hiện phương châm \"dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, "
    "dân thụ hưởng\"",
    "Đảng viên gương mẫu thực hiện nếp sống văn minh trong việc cưới, việc tang và lễ hội",
]
TOPIC_MEASURES = [
    "Mỗi đảng viên xây dựng kế hoạch cá nhân thực hiện nội dung trên, gắn với việc làm cụ thể ở khu dân cư",
    "Chi ủy phân công đảng viên phụ trách từng cụm dân cư, nắm tình hình và vận động các hộ gia đình cùng thực hiện",
    "Đánh giá kết quả thực hiện tại kỳ sinh hoạt cuối quý; biểu dương đảng viên làm tốt, nhắc nhở đảng viên chưa làm",
]
REASONS = ["Đi công tác", "Ốm, có đơn xin phép", "Việc gia đình, có báo cáo chi ủy", "Đi làm ăn xa",
           "Trực ca tại cơ quan"]


def _clock(hour: int, minute: int) -> dt.time:
    return dt.time(hour, minute)


def demo_meetings(svc: Services, today: dt.date) -> None:
    """Two years of meetings ending today (see the module docstring)."""
    rng = random.Random(19300203)
    this_year, last_year = today.year, today.year - 1
    plan: list[tuple[str, dt.date, int, str]] = []  # (kind, date, month, topic)
    topics = iter(TOPICS * 2)
    current_quarter = quarter_of(today.month)
    skipped_quarter = 2 if current_quarter > 2 else (1 if current_quarter > 1 else None)
    for year in (last_year, this_year):
        last_month = 12 if year < this_year else today.month
        for month in range(1, last_month + 1):
            held = dt.date(year, month, 5)
            if held > today:
                continue
            # This year's first-quarter thematic meeting is held together with the March regular meeting.
            combined = year == this_year and month == 3 and skipped_quarter != 1
            plan.append(("combined", held, month, next(topics)) if combined else ("thuong_ky", held, month, ""))
        for quarter in range(1, 5):
            if year == this_year and (quarter == skipped_quarter or (quarter == 1 and skipped_quarter != 1)):
                continue
            held = dt.date(year, quarter * 3 - 1, 20)
            if held <= today:
                plan.append(("chuyen_de", held, held.month, next(topics)))
        if year == last_year:
            plan.append(("bat_thuong", dt.date(year, 9, 29), 9,
                         "Triển khai công tác phòng, chống bão lũ và khắc phục hậu quả mưa lũ"))
    plan.sort(key=lambda p: p[1])
    ids = {m.full_name: m.id for m in svc.members.list()}
    regular_this_year = [p for p in plan if p[1].year == this_year and p[0] in ("thuong_ky", "combined")]
    risk_dates = {p[1] for p in regular_this_year[0:6:2]}  # three different months of this year
    long_absent = {p[1] for p in regular_this_year[1:5]}  # four meetings in a row
    latest = plan[-1][1]
    for kind, held, month, topic in plan:
        record = svc.meetings.create(kind, held, topic=topic, period_month=month, period_year=held.year,
                                     location=PLACE)
        _attendance(svc, record, rng, held, ids, risk_dates, long_absent, latest)
        record = svc.meetings.get(record.id)
        short = kind == "thuong_ky" and held.year == last_year and month == 7  # the duration flag
        content = _content(record, rng, kind, held, month, topic, ids, short)
        if held == latest:
            svc.meetings.save(record.id, content)  # the latest minutes stay a draft
            continue
        svc.meetings.save(record.id, content)
        svc.meetings.approve(record.id)
        if kind in ("chuyen_de", "combined", "bat_thuong") or month == 12:
            resolution = svc.meetings.resolution_defaults(record.id)
            resolution.body = content.resolution_text
            svc.meetings.save_resolution(record.id, resolution)
            svc.meetings.issue_resolution(record.id)
    _amend_one(svc, last_year)


def _attendance(svc: Services, record: MeetingRecord, rng: random.Random, held: dt.date, ids: dict[str, str],
                risk_dates: set[dt.date], long_absent: set[dt.date], latest: dt.date) -> None:
    listed = {a.member_id: a for a in record.attendance if a.status != "exempt"}
    marks: list[AttendanceInput] = []
    typhoon = held.month == 9 and held.year == latest.year - 1 and held.day == 5
    extra_absent = 4 if typhoon else rng.choice((0, 0, 1, 1, 2))
    # Whoever presents an item is there; the planned absences come below.
    kept = (CHAIR, RECORDER, STUDY_LEADER, AT_RISK, LONG_ABSENT, LATE_COMER if held == latest else "")
    candidates = [mid for mid, a in listed.items() if a.full_name not in kept]
    for mid in rng.sample(candidates, min(extra_absent, len(candidates))):
        reason = "Khắc phục hậu quả mưa lũ tại gia đình" if typhoon else rng.choice(REASONS)
        marks.append(AttendanceInput(mid, "absent_with_reason", reason))
    if held in risk_dates and ids.get(AT_RISK) in listed:
        marks.append(AttendanceInput(ids[AT_RISK], "absent_without_reason"))
    if held in long_absent and ids.get(LONG_ABSENT) in listed:
        marks.append(AttendanceInput(ids[LONG_ABSENT], "absent_with_reason", "Ốm, điều trị dài ngày tại bệnh viện"))
    if held == latest and ids.get(LATE_COMER) in listed:
        marks.append(AttendanceInput(ids[LATE_COMER], "absent_without_reason"))
    if marks:
        svc.meetings.set_attendance_many(record.id, marks)


def _speeches(rng: random.Random, record: MeetingRecord, count: int) -> list[Speech]:
    present = [a for a in record.attendance if a.status == "present" and a.full_name not in (CHAIR,)]
    people = rng.sample(present, min(count, len(present)))
    texts = rng.sample(SPEECHES, len(people))
    return [Speech(p.full_name, text, p.member_id) for p, text in zip(people, texts)]


def _agenda_item(title: str, rng: random.Random, record: MeetingRecord, kind: str, month: int, topic: str,
                 ids: dict[str, str], tasks: list[str]) -> AgendaItem:
    """One agenda item of a demo meeting: who presents it, what was said and concluded."""
    present = record.summary.present
    prev_month = 12 if month == 1 else month - 1
    if title.startswith("Sinh hoạt \"Học tập"):
        story = rng.choice(STORIES)
        return AgendaItem(
            title, STUDY_LEADER, ids.get(STUDY_LEADER),
            f"Đọc và trao đổi câu chuyện \"{story}\"; liên hệ với việc giữ gìn đoàn kết, giúp đỡ nhau trong xóm.",
            _speeches(rng, record, 1),
            "Mỗi đảng viên chọn một việc làm cụ thể để làm theo Bác, đăng ký với chi bộ và thực hiện ngay "
            "trong tháng.")
    elif title.startswith("Thông báo thời sự"):
        return AgendaItem(
            title, CHAIR, ids.get(CHAIR),
            f"{EVENTS[month]}.\nQuán triệt các văn bản chỉ đạo của Đảng ủy xã Hưng Nguyên ban hành trong tháng.",
            [], "Đảng viên nắm vững nội dung, tuyên truyền đến các hộ gia đình mình phụ trách.")
    elif title.startswith("Đánh giá kết quả"):
        return AgendaItem(
            title, CHAIR, ids.get(CHAIR),
            f"Trong tháng {prev_month}, chi bộ đã lãnh đạo nhân dân trong xóm hoàn thành tốt các nhiệm vụ đề ra; "
            f"sản xuất ổn định, an ninh trật tự được giữ vững, không có vụ việc phức tạp.\n"
            f"Nhiệm vụ trọng tâm tháng {month}: {tasks[0].lower()}; {tasks[1].lower()}.",
            _speeches(rng, record, rng.choice((2, 3))),
            f"Chi bộ thống nhất đánh giá kết quả tháng {prev_month} và các nhiệm vụ trọng tâm tháng {month}; "
            f"giao chi ủy phân công đảng viên phụ trách từng nội dung.",
            Vote(present, 0, 0))
    elif title.startswith("Tình hình tư tưởng"):
        return AgendaItem(
            title, RECORDER, ids.get(RECORDER),
            "Tư tưởng đảng viên và nhân dân ổn định, tin tưởng vào sự lãnh đạo của Đảng và chính quyền; một số "
            "hộ còn băn khoăn về tiến độ làm đường giao thông nội đồng.",
            _speeches(rng, record, 1),
            "Chi ủy nắm chắc tình hình, kịp thời báo cáo Đảng ủy xã những vấn đề mới nảy sinh.")
    elif title.startswith("Thu nộp đảng phí"):
        collector = collector_of(month)
        return AgendaItem(
            title, collector, ids.get(collector),
            f"Đồng chí {collector} thu đảng phí tháng {month} của các đồng chí có mặt; các đồng chí vắng nộp bổ "
            "sung trong tuần.",
            [], "")
    elif kind in ("chuyen_de", "combined") and topic and (title.endswith(topic) or "chuyên đề" in title.lower()):
        return AgendaItem(
            title, RECORDER if "Báo cáo" in title or kind == "combined" else CHAIR,
            ids.get(RECORDER if "Báo cáo" in title or kind == "combined" else CHAIR),
            f"Trình bày chuyên đề \"{topic}\": thực trạng ở xóm, những kết quả đạt được, hạn chế và nguyên nhân; "
            "đề xuất các giải pháp trong thời gian tới." if "Báo cáo" in title or kind == "combined" else "",
            _speeches(rng, record, 3) if "Thảo luận" in title or kind == "combined" else [],
            "Chi bộ thống nhất các giải pháp đã nêu; mỗi đảng viên xây dựng kế hoạch làm theo và báo cáo kết "
            "quả tại kỳ sinh hoạt cuối quý." if "Kết luận" in title or kind == "combined" else "",
            Vote(present, 0, 0) if "Kết luận" in title or kind == "combined" else None)
    else:
        return AgendaItem(title, CHAIR, ids.get(CHAIR),
                                 f"Đồng chí Bí thư quán triệt yêu cầu: {topic.lower()}." if topic else "",
                                 _speeches(rng, record, 2),
                                 "Chi bộ phân công đảng viên giúp các hộ neo đơn gia cố nhà cửa, khơi thông cống "
                                 "rãnh, bảo đảm an toàn tính mạng và tài sản của nhân dân."
                                 if kind == "bat_thuong" else "",
                                 Vote(present, 0, 0) if kind == "bat_thuong" else None)


def _content(record: MeetingRecord, rng: random.Random, kind: str, held: dt.date, month: int, topic: str,
             ids: dict[str, str], short: bool) -> MinutesContent:
    c = record.content
    present = record.summary.present
    prev_month = 12 if month == 1 else month - 1
    c.chair_member_id, c.chair_name = ids.get(CHAIR), CHAIR
    c.secretary_member_id, c.secretary_name = ids.get(RECORDER), RECORDER
    start = _clock(19, 30) if kind != "combined" else _clock(19, 0)
    minutes = 80 if short else {"thuong_ky": 110, "chuyen_de": 105, "combined": 135, "bat_thuong": 95}[kind]
    end_total = start.hour * 60 + start.minute + minutes
    c.start_time, c.end_time = start, _clock(end_total // 60, end_total % 60)
    c.location = PLACE
    c.checklist = Checklist(committee_met=True, notice_members=True, notice_upper=True,
                            materials_shared_on=held - dt.timedelta(days=2), draft_resolution_ready=True)
    if kind in ("chuyen_de", "combined") or month in (6, 12):
        c.guests = [GUEST]
    c.opening = (f"Đồng chí {CHAIR}, Bí thư Chi bộ, tuyên bố lý do, giới thiệu đại biểu; báo cáo tình hình đảng "
                 f"viên dự sinh hoạt; chi bộ thông qua chương trình và cử đồng chí {RECORDER} làm thư ký.")
    tasks = rng.sample(TASKS, 3)
    agenda = [_agenda_item(item.title, rng, record, kind, month, topic, ids, tasks) for item in c.agenda]
    c.agenda = agenda
    c.resolution_text = "\n".join(_resolution_lines(kind, held, month, prev_month, topic, tasks))
    c.resolution_vote = Vote(present, 0, 0)
    return c


def _resolution_lines(kind: str, held: dt.date, month: int, prev_month: int, topic: str,
                      tasks: list[str]) -> list[str]:
    """The resolution's points, about what the meeting was about: the month's tasks for a regular meeting,
    the topic's measures for a thematic or extraordinary one (both for a combined one)."""
    lines = []
    if kind in ("thuong_ky", "combined"):
        lines.append(f"Đánh giá kết quả lãnh đạo thực hiện nhiệm vụ tháng {prev_month}; đề ra các nhiệm vụ "
                     f"trọng tâm tháng {month} năm {held.year}:")
        lines += [f"{i}. {t}." for i, t in enumerate(tasks, start=1)]
    if topic:
        lines.append(f"Về {topic[:1].lower()}{topic[1:]}:")
        lines += [f"- {measure}." for measure in TOPIC_MEASURES]
    lines.append("Giao chi ủy tổ chức thực hiện, kiểm tra, đôn đốc và báo cáo kết quả tại kỳ sinh hoạt sau.")
    return lines


def _amend_one(svc: Services, year: int) -> None:
    """A correction after approval: last year's October minutes had the end time wrong."""
    october = next((m for m in svc.meetings.list(year) if m.period_month == 10 and m.kind == "thuong_ky"
                    and m.status == "approved"), None)
    if october is None:
        return
    amendment = svc.meetings.amend(october.id)
    content = amendment.content
    content.end_time = _clock(21, 35)
    content.closing_note = ("Đính chính giờ kết thúc buổi sinh hoạt ghi nhầm trong biên bản đã thông qua; "
                            "các nội dung khác giữ nguyên.")
    svc.meetings.save(amendment.id, content)
    svc.meetings.approve(amendment.id)
