"""A small cell with hand-checkable meetings for the scoring, attention and report tests."""

from __future__ import annotations

import datetime as dt

from cellsec.domain.meetings import AgendaItem, Checklist, Vote
from cellsec.services.meetings.records import AttendanceInput
from cellsec.services.members.service import MemberInput, StatusChange

D, T = dt.date, dt.time
TODAY = D(2026, 11, 22)
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Võ Thị Giang"]


def add_members(svc) -> dict[str, str]:
    """Six members admitted long ago; Võ Thị Giang exempt all along -> {name: id}."""
    ids = {}
    for i, name in enumerate(NAMES, 1):
        ids[name] = svc.members.add(MemberInput(
            full_name=name, date_of_birth=D(1975, 1, i), gender="nu" if "Thị" in name else "nam",
            admitted_on=D(2005, 1, 1), official_on=D(2006, 1, 1), status="chinh_thuc", list_no=i,
            dues_basis=7_000_000), today=D(2024, 1, 1)).id
    svc.members.change_status(ids["Võ Thị Giang"], StatusChange("exempt", D(2024, 1, 1), None, "Ốm dài ngày"),
                              today=D(2024, 1, 1))
    return ids


def meeting(svc, ids, held_on, *, kind="thuong_ky", start=T(19, 30), end=T(21, 15), absent=None, checklist=None,
            vote=True, approve=True, topic="") -> str:
    """A meeting with attendance {name: status}, the given times and checklist, approved unless told."""
    record = svc.meetings.create(kind, held_on, topic=topic or ("Học tập và làm theo Bác" if kind != "thuong_ky" else ""))
    absent = absent or {}
    rows = [AttendanceInput(ids[name], status, "Đi công tác" if status == "absent_with_reason" else "")
            for name, status in absent.items()]
    if rows:
        record = svc.meetings.set_attendance_many(record.id, rows)
    c = record.content
    c.start_time, c.end_time, c.location = start, end, "Nhà văn hóa"
    c.chair_member_id, c.chair_name = ids["Nguyễn Văn An"], "Nguyễn Văn An"
    c.secretary_member_id, c.secretary_name = ids["Trần Thị Bình"], "Trần Thị Bình"
    c.checklist = checklist or Checklist(True, True, True, held_on - dt.timedelta(days=2), True)
    c.agenda = [AgendaItem("Đánh giá nhiệm vụ tháng", conclusion="Thống nhất.")]
    present = record.summary.present
    c.resolution_text = "Chi bộ thống nhất nhiệm vụ tháng tới."
    c.resolution_vote = Vote(present, 0, 0) if vote else None
    svc.meetings.save(record.id, c)
    if approve:
        svc.meetings.approve(record.id)
    return record.id
