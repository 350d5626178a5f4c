"""Dues service: sheets, recording a month in one step, the basis history, owed months, paid-through,
the rules the cell edits, remittance and the overview reminders."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from cellsec.services.dues.service import PaymentEntry, dues_reminders
from cellsec.services.errors import ValidationFailed
from cellsec.services.members.service import MemberInput, StatusChange
from cellsec.store.models.dues import DuesPayment

D = dt.date
TODAY = D(2026, 11, 22)


def add(svc, name, category="bhxh_bat_buoc", basis=7_345_600, admitted=D(2010, 5, 1), list_no=None):
    return svc.members.add(MemberInput(
        full_name=name, date_of_birth=D(1980, 1, 1), gender="nu" if "Thị" in name else "nam", admitted_on=admitted,
        official_on=admitted.replace(year=admitted.year + 1), status="chinh_thuc", dues_category=category,
        dues_basis=basis, list_no=list_no), today=TODAY).id


@pytest.fixture
def cell(services):
    ids = {
        "an": add(services, "Nguyễn Văn An", list_no=1),
        "binh": add(services, "Trần Thị Bình", "huu_tri", 5_123_000, list_no=2),
        "cuong": add(services, "Lê Văn Cường", "hoc_sinh_sinh_vien", 0, list_no=3),
    }
    return services, ids


def pay_all(svc, ids, month, paid_on=None):
    sheet = svc.dues.sheet(month, today=TODAY)
    return svc.dues.record(month, [PaymentEntry(line.member_id, line.amount_due) for line in sheet.lines],
                           paid_on=paid_on or month.replace(day=5), collector="Nguyễn Văn An", today=TODAY)


def test_sheet_computes_dues_with_the_rules_of_the_month(cell):
    svc, ids = cell
    sheet = svc.dues.sheet("2026-04", today=TODAY)
    lines = {line.member_id: line for line in sheet.lines}
    assert sheet.rules_version == "2026"
    assert lines[ids["an"]].amount_due == 73_000            # 1 % of 7.345.600, rounded to 1.000
    assert lines[ids["an"]].basis_month == D(2026, 3, 1)     # the previous month's salary
    assert lines[ids["binh"]].amount_due == 26_000           # 0,5 % of 5.123.000 = 25.615 -> 26.000
    assert lines[ids["binh"]].basis_month == D(2026, 4, 1)
    assert lines[ids["cuong"]].amount_due == 5_000 and not lines[ids["cuong"]].uses_basis
    assert not any(line.recorded for line in sheet.lines)
    assert sheet.total_due == 104_000 and sheet.unpaid_count == 3
    assert svc.dues.sheet("2026-02", today=TODAY).rules_version == "342-2011"


def test_record_a_month_is_one_undoable_step(cell):
    svc, ids = cell
    sheet = pay_all(svc, ids, D(2026, 4, 1))
    assert sheet.total_paid == 104_000 and sheet.paid_count == 3
    assert (sheet.kept, sheet.remitted) == (31_200, 72_800)
    assert all(line.recorded and line.collector == "Nguyễn Văn An" for line in sheet.lines)
    assert svc.last_undoable()[1] == "Ghi thu đảng phí tháng 04/2026 (3 đảng viên)"
    svc.undo_last()
    assert svc.dues.sheet("2026-04", today=TODAY).total_paid == 0


def test_basis_is_frozen_on_the_ledger_row(cell):
    svc, ids = cell
    pay_all(svc, ids, D(2026, 4, 1))
    member = svc.members.get(ids["an"])
    member.dues_basis = 9_000_000  # a raise recorded in the registry later
    svc.members.update(ids["an"], member.as_input(), today=TODAY)
    april = {line.member_id: line for line in svc.dues.sheet("2026-04", today=TODAY).lines}
    may = {line.member_id: line for line in svc.dues.sheet("2026-05", today=TODAY).lines}
    assert (april[ids["an"]].basis, april[ids["an"]].amount_due) == (7_345_600, 73_000)
    assert (may[ids["an"]].basis, may[ids["an"]].amount_due) == (9_000_000, 90_000)
    # a basis given when recording replaces the row's and recomputes the amount
    svc.dues.record("2026-05", [PaymentEntry(ids["an"], 85_000, basis=8_500_000)], paid_on=D(2026, 5, 5), today=TODAY)
    line = svc.dues.ledger(ids["an"])[0]
    assert (line.month, line.basis, line.amount_due, line.state) == (D(2026, 5, 1), 8_500_000, 85_000, "paid")


def test_invalid_entries_write_nothing(cell):
    svc, ids = cell
    with svc.ctx.read() as s:
        before = s.scalar(select(func.count()).select_from(DuesPayment))
    entries = [PaymentEntry(ids["an"], 73_000), PaymentEntry(ids["binh"], -5),
               PaymentEntry(ids["cuong"], 5_000, paid_on=D(2026, 12, 1)), PaymentEntry("no-such-member", 1)]
    with pytest.raises(ValidationFailed) as info:
        svc.dues.record("2026-04", entries, today=TODAY)
    assert set(info.value.errors) == {ids["binh"], ids["cuong"], "no-such-member"}
    assert "không được âm" in info.value.errors[ids["binh"]]
    with pytest.raises(ValidationFailed):
        svc.dues.record("2026-04", [PaymentEntry(ids["an"], 1), PaymentEntry(ids["an"], 2)], today=TODAY)
    with svc.ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(DuesPayment)) == before


def test_paid_through_for_transfer_papers(cell):
    svc, ids = cell
    assert svc.dues.paid_through(ids["an"]) is None
    for month in (1, 2, 3):
        pay_all(svc, ids, D(2026, month, 1))
    svc.dues.record("2026-04", [PaymentEntry(ids["an"], 0)], today=TODAY)
    svc.dues.record("2026-05", [PaymentEntry(ids["an"], 73_000)], paid_on=D(2026, 5, 5), today=TODAY)
    assert svc.dues.paid_through(ids["an"]) == D(2026, 3, 1)
    assert svc.dues.paid_through(ids["binh"]) == D(2026, 3, 1)


def test_year_status_owed_months_and_removal_count(cell):
    svc, ids = cell
    for month in range(1, 11):
        if month in (2, 6):
            sheet = svc.dues.sheet(D(2026, month, 1), today=TODAY)
            svc.dues.record(D(2026, month, 1), [PaymentEntry(l.member_id, 0 if l.member_id == ids["an"] else l.amount_due)
                                                for l in sheet.lines], paid_on=D(2026, month, 5), today=TODAY)
        else:
            pay_all(svc, ids, D(2026, month, 1), paid_on=D(2026, month, 5) if month != 9 else D(2026, 10, 3))
    status = {st.member_id: st for st in svc.dues.year_status(2026, TODAY)}
    an = status[ids["an"]]
    assert len(an.due_months) == 11                      # January to November
    assert [m.month for m in an.unpaid_months] == [2, 6, 11]
    assert [m.month for m in an.counted_unpaid] == [2, 6]  # November is still being collected
    assert an.on_time_rate == round(100 * 7 / 11, 2)       # September was paid in October
    assert an.paid_through == D(2026, 1, 1)


def test_members_who_left_or_are_exempt(cell):
    svc, ids = cell
    pay_all(svc, ids, D(2026, 1, 1))
    svc.members.change_status(ids["binh"], StatusChange("transferred_out", D(2026, 5, 10), None,
                                                        org="Chi bộ khối 3, phường Vinh Tân"), today=TODAY)
    svc.members.change_status(ids["cuong"], StatusChange("exempt", D(2026, 3, 1), D(2026, 6, 30), "Đi học xa"),
                              today=TODAY)
    status = {st.member_id: st for st in svc.dues.year_status(2026, TODAY)}
    assert status[ids["binh"]].due_months[-1] == D(2026, 5, 1)  # up to and including the transfer month
    assert not status[ids["binh"]].in_cell
    assert [m.month for m in status[ids["cuong"]].due_months] == [1, 2, 7, 8, 9, 10, 11]
    may = {line.member_id for line in svc.dues.sheet("2026-05", today=TODAY).lines}
    june = {line.member_id for line in svc.dues.sheet("2026-06", today=TODAY).lines}
    assert ids["binh"] in may and ids["binh"] not in june and ids["cuong"] not in june


def test_months_before_the_first_entry_are_not_counted(cell):
    svc, ids = cell
    assert svc.dues.year_status(2026, TODAY) == []
    pay_all(svc, ids, D(2026, 9, 1))
    an = next(st for st in svc.dues.year_status(2026, TODAY) if st.member_id == ids["an"])
    assert [m.month for m in an.due_months] == [9, 10, 11]


def test_the_cell_edits_its_rules(cell):
    svc, ids = cell
    pay_all(svc, ids, D(2026, 4, 1))
    rules = svc.dues.rules_for(D(2026, 4, 1))
    rules.rounding_unit, rules.retained_percent = 1, Decimal(25)
    svc.dues.save_rules(rules)
    assert svc.dues.is_customised("2026")
    april = svc.dues.sheet("2026-04", today=TODAY)
    may = {line.member_id: line for line in svc.dues.sheet("2026-05", today=TODAY).lines}
    assert april.total_due == 104_000                # recorded amounts stay
    assert (april.kept, april.remitted) == (26_000, 78_000)
    assert may[ids["an"]].amount_due == 73_456       # no rounding any more
    svc.dues.reset_rules("2026")
    assert svc.dues.rules_for(D(2026, 5, 1)).rounding_unit == 1000
    rules.retained_percent = Decimal(120)
    with pytest.raises(Exception, match="0 đến 100"):
        svc.dues.save_rules(rules)


def test_remittance_per_month(cell):
    svc, ids = cell
    pay_all(svc, ids, D(2026, 4, 1))
    r = svc.dues.remittance("2026-04")
    assert (r.collected, r.kept, r.remitted, r.payers) == (104_000, 31_200, 72_800, 3)
    year = svc.dues.remittance_year(2026, TODAY)
    assert len(year) == 11 and sum(x.collected for x in year) == 104_000


def test_reminders_start_once_dues_are_kept(cell):
    svc, ids = cell
    assert dues_reminders(svc.ctx, TODAY) == []
    for month in (1, 2, 3, 4):
        sheet = svc.dues.sheet(D(2026, month, 1), today=TODAY)
        svc.dues.record(D(2026, month, 1), [PaymentEntry(l.member_id, 0 if l.member_id == ids["an"] and month in (2, 3)
                                                         else l.amount_due) for l in sheet.lines],
                        paid_on=D(2026, month, 5), today=TODAY)
    reminders = dues_reminders(svc.ctx, TODAY)
    texts = [r.text for r in reminders]
    assert "Đồng chí Nguyễn Văn An chưa đóng đảng phí 9 tháng trong năm 2026 (tháng 02, 03, 05, 06, 07, 08, 09, 10, 11)." \
        not in texts  # November is still running
    assert any(r.kind == "dues_month" and "tháng 10/2026: còn 3 đảng viên" in r.text for r in reminders)
    # Members near the removal ground are reported once, by the attention list, on the overview.
    assert not any(r.kind == "dues_unpaid" for r in reminders)
    assert any(r.kind == "dues_unpaid" and r.member_id == ids["an"] and "8 tháng" in r.text
               for r in svc.overview.reminders(TODAY))



def test_check_entry_and_preview_line_are_the_rules_record_applies(cell):
    svc, ids = cell
    assert svc.dues.check_entry(PaymentEntry(ids["an"], 73_000), today=TODAY) == {}
    errors = svc.dues.check_entry(PaymentEntry(ids["an"], -1, basis=10**12, paid_on=D(2026, 12, 1)), today=TODAY)
    assert errors["amount_paid"] == "Số tiền không được âm."
    assert errors["basis"].startswith("Số tiền quá lớn")
    assert errors["paid_on"] == "Ngày nộp 01/12/2026 ở tương lai."
    rules = svc.dues.rules_for(D(2026, 4, 1))
    preview = svc.dues.preview_line(rules, D(2026, 4, 1), "bhxh_bat_buoc", 7_345_600, 73_000, D(2026, 4, 5), "")
    assert (preview.amount_due, preview.uses_basis, preview.state) == (73_000, True, "paid")
    assert svc.dues.preview_line(rules, D(2026, 4, 1), "bhxh_bat_buoc", 0, 0, None, "").state == "no_basis"
    assert svc.dues.split(104_000, rules) == (31_200, 72_800)


class StatementLog:
    """Every SQL statement the store's engine runs, grouped into transactions (BEGIN … COMMIT)."""

    def __init__(self, engine) -> None:
        from sqlalchemy import event

        self.engine = engine
        self.statements: list[str] = []
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, conn, cursor, statement, parameters, context, executemany) -> None:
        self.statements.append(" ".join(statement.split()).upper())

    def close(self) -> None:
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._seen)

    def transactions(self) -> list[list[str]]:
        groups: list[list[str]] = []
        for statement in self.statements:
            if statement.startswith("BEGIN") or not groups:
                groups.append([])
            groups[-1].append(statement)
        return groups

    def writes(self) -> list[list[str]]:
        return [t for t in self.transactions() if any(s.startswith(("INSERT", "UPDATE", "DELETE")) for s in t)]

    def reads(self) -> list[list[str]]:
        return [t for t in self.transactions() if t not in self.writes()]


def test_recording_a_month_is_one_write_and_a_handful_of_reads(cell):
    """Issue 8's measure: the service call behind the month sheet's Save. Before the change: 20 statements
    in 1 write and 5 read transactions (the rules' cache asked three times, the members read apart, the month
    read again after the write)."""
    svc, ids = cell
    pay_all(svc, ids, D(2026, 3, 1))
    sheet = svc.dues.sheet("2026-04", today=TODAY)  # what the sheet shows before the secretary types
    entries = [PaymentEntry(line.member_id, line.amount_due) for line in sheet.lines]
    log = StatementLog(svc.ctx.store.engine)
    try:
        svc.dues.record("2026-04", entries, paid_on=D(2026, 4, 5), collector="Nguyễn Văn An", today=TODAY)
    finally:
        log.close()
    statements = len(log.statements)
    reads, writes = log.reads(), log.writes()
    print(f"record(): {statements} statements, {len(writes)} write and {len(reads)} read transactions")
    assert len(writes) == 1
    assert len(reads) <= 2 and statements < 20  # after the change: 14 statements, 1 write + 1 read


def test_a_category_and_basis_entered_for_a_month_carry_forward(cell):
    """Entered on the month's sheet, a new basis (or category) is the member's from then on: the next months
    start from it and the member record shows it; correcting an older month changes neither."""
    svc, ids = cell
    svc.dues.record("2026-05", [PaymentEntry(ids["an"], 85_000, basis=8_500_000)], paid_on=D(2026, 5, 5),
                    today=TODAY)
    svc.dues.record("2026-05", [PaymentEntry(ids["binh"], 0, category="huu_tri",
                                             basis=6_000_000)], today=TODAY)
    june = {line.member_id: line for line in svc.dues.sheet("2026-06", today=TODAY).lines}
    assert (june[ids["an"]].basis, june[ids["an"]].amount_due) == (8_500_000, 85_000)
    assert svc.members.get(ids["an"]).dues_basis == 8_500_000
    assert (svc.members.get(ids["binh"]).dues_category, svc.members.get(ids["binh"]).dues_basis) == (
        "huu_tri", 6_000_000)
    svc.dues.record("2026-07", [PaymentEntry(ids["an"], 90_000, basis=9_000_000)], today=TODAY)
    svc.dues.record("2026-04", [PaymentEntry(ids["an"], 70_000, basis=7_000_000)], today=TODAY)  # an old month
    assert svc.members.get(ids["an"]).dues_basis == 9_000_000
    assert {line.member_id: line for line in svc.dues.sheet("2026-08", today=TODAY).lines}[ids["an"]].basis \
        == 9_000_000
