"""Members and a filled-in meeting for the meeting, search, report and CLI tests."""

from __future__ import annotations

import datetime as dt

from cellsec.domain.meetings import AgendaItem, Guest, Speech, Vote
from cellsec.services.members.service import MemberInput, StatusChange

D = dt.date
T = dt.time

PEOPLE = [
    # name, official_on (None: probationary), list_no
    ("Nguyễn Văn Đức", D(1999, 5, 19)),
    ("Trần Thị Hồng", D(2006, 2, 3)),
    ("Lê Văn Kiểm", D(2011, 9, 2)),
    ("Phạm Thị Lan", D(2004, 12, 22)),
    ("Hoàng Văn Sơn", D(2024, 6, 1)),
    ("Võ Thị Hằng", None),
]


def add_members(svc) -> dict[str, str]:
    """Six members (one probationary) -> {name: id}."""
    ids = {}
    for i, (name, official) in enumerate(PEOPLE, start=1):
        record = svc.members.add(MemberInput(
            full_name=name, date_of_birth=D(1980, 1, i), gender="nu" if "Thị" in name else "nam",
            admitted_on=official.replace(year=official.year - 1) if official else D(2024, 12, 1), official_on=official,
            status="chinh_thuc" if official else "du_bi", list_no=i), today=D(2025, 1, 1))
        ids[name] = record.id
    svc.members.change_status(ids["Phạm Thị Lan"], StatusChange("exempt", D(2024, 1, 1), None, "Ốm dài ngày"),
                              today=D(2025, 1, 1))
    return ids


def fill(svc, meeting_id: str, ids: dict[str, str], text: str = "kiểm điểm đảng viên cuối năm"):
    """Write realistic minutes into a meeting and return the saved record."""
    record = svc.meetings.get(meeting_id)
    c = record.content
    present = record.summary.present
    c.start_time, c.end_time, c.location = T(8, 0), T(10, 0), "Hội trường tầng 3"
    c.chair_member_id = ids["Nguyễn Văn Đức"]
    c.secretary_member_id = ids["Trần Thị Hồng"]
    c.guests = [Guest("Nguyễn Thị Minh Nguyệt", "Đảng ủy viên", "Đảng ủy Báo Nghệ An")]
    c.agenda = [
        AgendaItem("Thông báo thời sự", presenter_member_id=ids["Nguyễn Văn Đức"],
                   presentation="Quán triệt Chỉ thị 50-CT/TW về nâng cao chất lượng sinh hoạt chi bộ."),
        AgendaItem("Đánh giá nhiệm vụ tháng", presenter_member_id=ids["Nguyễn Văn Đức"],
                   presentation=f"Báo cáo kết quả tháng; chuẩn bị {text}.",
                   speeches=[Speech("", "Nhất trí với báo cáo.", ids["Lê Văn Kiểm"]),
                             Speech("Nguyễn Thị Minh Nguyệt", "Đề nghị chi bộ làm tốt công tác phát triển đảng viên.")],
                   conclusion="Chi bộ thống nhất các nhiệm vụ tháng tới.", vote=Vote(present, 0, 0)),
    ]
    c.resolution_text = "Chi bộ quyết nghị:\n1. Hoàn thành kế hoạch tháng.\n2. Thu đảng phí đầy đủ."
    c.resolution_vote = Vote(present, 0, 0)
    return svc.meetings.save(meeting_id, c)


class SqlCount:
    """The SQL statements an engine ran inside a `with`, grouped into transactions (each starts with the
    BEGIN the store issues): `writes` and `reads` count the transactions that did / did not write."""

    WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")

    def __init__(self, engine) -> None:
        self.engine = engine
        self.statements: list[str] = []

    def _record(self, conn, cursor, statement, parameters, context, executemany) -> None:
        self.statements.append(statement)

    def __enter__(self) -> "SqlCount":
        from sqlalchemy import event

        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *exc) -> None:
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._record)

    @property
    def transactions(self) -> list[list[str]]:
        found: list[list[str]] = []
        for statement in self.statements:
            if statement.strip().upper().startswith("BEGIN") or not found:
                found.append([])
            if not statement.strip().upper().startswith("BEGIN"):
                found[-1].append(statement)
        return found

    def _writes(self, transaction: list[str]) -> bool:
        return any(s.lstrip().split(None, 1)[0].upper() in self.WRITES for s in transaction)

    @property
    def writes(self) -> int:
        return sum(1 for t in self.transactions if self._writes(t))

    @property
    def reads(self) -> int:
        return sum(1 for t in self.transactions if not self._writes(t))

    def __str__(self) -> str:
        return f"{len(self.statements)} statements, {self.writes} write and {self.reads} read transactions"
