import datetime as dt

from cellsec.services.members.records import INPUT_FIELDS, CheckResult, MemberInput, MemberRecord


def test_a_record_gives_back_the_input_it_came_from():
    record = MemberRecord(full_name="Nguyễn Văn Đức", date_of_birth=dt.date(1980, 3, 5), id="m1",
                          activity_status="exempt")
    assert record.as_input() == MemberInput(full_name="Nguyễn Văn Đức", date_of_birth=dt.date(1980, 3, 5))
    assert set(INPUT_FIELDS) <= set(vars(record)) and record.in_cell
    assert not MemberRecord(activity_status="transferred_out").in_cell


def test_a_check_is_ok_with_warnings_only():
    assert CheckResult(warnings={"cccd": "?"}).ok and not CheckResult(errors={"full_name": "!"}).ok
