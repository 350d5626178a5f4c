import datetime as dt
import unicodedata
from dataclasses import replace

import pytest
from sqlalchemy import insert, select

from cellsec.domain import messages
from cellsec.domain.text import fold
from cellsec.services.errors import NotFound, ValidationFailed
from cellsec.services.members.service import MemberInput, MemberQuery, StatusChange
from cellsec.store.ids import new_id
from cellsec.store.models.members import CardNumber, Member, MemberStatusChange

TODAY = dt.date(2026, 11, 22)


def member(name="Nguyễn Văn Đức", **kw) -> MemberInput:
    values = dict(full_name=name, date_of_birth=dt.date(1980, 3, 2), gender="nam", admitted_on=dt.date(2005, 5, 19),
                  official_on=dt.date(2006, 5, 19), status="chinh_thuc")
    values.update(kw)
    return MemberInput(**values)


def test_add_cleans_text_and_reads_back(services):
    nfd = unicodedata.normalize("NFD", "nguyễn\u00a0văn  đức\u200b")
    record = services.members.add(member(nfd, cccd="040 080 001 234", card_no="37 012345", phone=" 0912 345 678 ",
                                         hometown="Hưng\u00a0Nguyên", card_valid_from=dt.date(2007, 1, 3)))
    assert record.full_name == "Nguyễn Văn Đức"
    assert unicodedata.is_normalized("NFC", record.full_name)
    assert record.cccd == "040080001234" and record.card_no == "37012345"
    assert record.hometown == "Hưng Nguyên" and record.phone == "0912 345 678"
    assert record.card_valid_from == dt.date(2007, 1, 3)
    assert record.activity_status == "active" and record.probation_ends_on is None
    assert services.members.get(record.id) == record
    assert services.members.card_history(record.id)[0].card_no == "37012345"


def test_add_refuses_invalid_input_with_messages_by_field(services):
    with pytest.raises(ValidationFailed) as err:
        services.members.add(MemberInput(full_name="  ", cccd="12345"))
    assert err.value.errors == {
        "full_name": "Hãy nhập họ và tên.", "date_of_birth": "Hãy nhập ngày sinh.", "gender": "Hãy chọn giới tính.",
        "admitted_on": "Hãy nhập ngày vào Đảng.", "cccd": "Số CCCD phải gồm đúng 12 chữ số."}
    assert services.members.list() == []


def test_warnings_do_not_block_saving(services):
    data = member(official_on=dt.date(2006, 1, 1))
    result = services.members.check(data)
    assert result.ok and "official_on" in result.warnings
    assert services.members.add(data).official_on == dt.date(2006, 1, 1)


def test_probation_end_is_reported_for_probationary_members(services):
    record = services.members.add(member(official_on=None, status="du_bi", admitted_on=dt.date(2026, 2, 10)))
    assert record.probation_ends_on == dt.date(2027, 2, 10)


def test_cccd_and_card_number_must_be_unique_among_live_members(services):
    first = services.members.add(member(cccd="040080001234", card_no="37012345"))
    dup = member("Trần Văn Bình", cccd="040080001234", card_no="37012345", date_of_birth=dt.date(1980, 1, 1))
    result = services.members.check(dup)
    assert result.errors == {"cccd": "Số CCCD này đã dùng cho đồng chí Nguyễn Văn Đức.",
                             "card_no": "Số thẻ đảng viên này đã dùng cho đồng chí Nguyễn Văn Đức."}
    with pytest.raises(ValidationFailed):
        services.members.add(dup)
    # Editing the holder itself is no conflict.
    assert services.members.check(first.as_input(), first.id).errors == {}
    # A deleted member's numbers may be used again.
    services.members.delete(first.id)
    assert services.members.add(dup).cccd == "040080001234"


def test_duplicate_list_number_is_a_warning(services):
    services.members.add(member(list_no=3))
    result = services.members.check(member("Lê Thị Hoa", gender="nu", list_no=3))
    assert result.ok and result.warnings["list_no"] == "Số SĐV 3 đã dùng cho đồng chí Nguyễn Văn Đức."


def test_update_with_a_new_card_number_keeps_the_card_history(services):
    record = services.members.add(member(card_no="37012345", card_valid_from=dt.date(2007, 1, 3)))
    changed = replace(record.as_input(), card_no="40100200", card_valid_from=dt.date(2026, 3, 1), phone="0988000111")
    updated = services.members.update(record.id, changed)
    assert updated.card_no == "40100200" and updated.card_valid_from == dt.date(2026, 3, 1)
    assert [(c.card_no, c.valid_from) for c in services.members.card_history(record.id)] == [
        ("37012345", dt.date(2007, 1, 3)), ("40100200", dt.date(2026, 3, 1))]
    # Correcting only the date of the current card does not add a history entry.
    services.members.update(record.id, replace(changed, card_valid_from=dt.date(2026, 3, 2)))
    assert [c.valid_from for c in services.members.card_history(record.id)] == [dt.date(2007, 1, 3),
                                                                                dt.date(2026, 3, 2)]


def test_undo_of_an_update_restores_the_card_and_its_history(services):
    record = services.members.add(member(card_no="37012345"))
    services.members.update(record.id, replace(record.as_input(), card_no="40100200", phone="0988000111"))
    summary = services.undo_last()
    assert summary == "Hoàn tác: Sửa thông tin đảng viên Nguyễn Văn Đức"
    restored = services.members.get(record.id)
    assert restored.card_no == "37012345" and restored.phone == ""
    assert [c.card_no for c in services.members.card_history(record.id)] == ["37012345"]
    # The new number is free again.
    assert services.members.check(member("Lê Văn Ba", card_no="40100200")).errors == {}


def test_unchanged_update_writes_nothing(services):
    record = services.members.add(member())
    before = services.last_undoable()
    assert services.members.update(record.id, record.as_input()) == record
    assert services.last_undoable() == before


def test_undo_of_add_removes_the_member_and_its_card(services):
    record = services.members.add(member(card_no="37012345"))
    services.undo_last()
    assert services.members.list() == []
    with pytest.raises(NotFound):
        services.members.get(record.id)
    assert services.members.add(member(card_no="37012345")).card_no == "37012345"


def test_change_status_keeps_history_and_undo_restores(services):
    record = services.members.add(member())
    services.members.change_status(record.id, StatusChange("exempt", dt.date(2026, 1, 1), dt.date(2026, 12, 31),
                                                           "Ốm dài ngày", "NQ 05-NQ/CB"), today=TODAY)
    moved = services.members.change_status(record.id, StatusChange(
        "transferred_out", dt.date(2026, 11, 1), org="Chi bộ Khối 3, Đảng bộ phường Trường Vinh"), today=TODAY)
    assert moved.activity_status == "transferred_out" and moved.status_org.startswith("Chi bộ Khối 3")
    assert moved.status_to is None and moved.status_reason == ""
    history = services.members.status_history(record.id)
    assert [(h.activity_status, h.status_from) for h in history] == [
        ("exempt", dt.date(2026, 1, 1)), ("transferred_out", dt.date(2026, 11, 1))]
    assert history[0].reason == "Ốm dài ngày" and history[0].decision == "NQ 05-NQ/CB"

    services.undo_last()
    back = services.members.get(record.id)
    assert back.activity_status == "exempt" and back.status_to == dt.date(2026, 12, 31)
    assert back.status_reason == "Ốm dài ngày"
    assert [h.activity_status for h in services.members.status_history(record.id)] == ["exempt"]


def test_change_status_validates(services):
    record = services.members.add(member())
    with pytest.raises(ValidationFailed) as err:
        services.members.change_status(record.id, StatusChange("removed", dt.date(2026, 1, 1)))
    assert err.value.errors == {"reason": "Hãy nhập lý do.", "decision": "Hãy nhập số quyết định."}
    assert services.members.status_history(record.id) == []


def test_delete_is_a_tombstone_and_undo_brings_it_back(services):
    record = services.members.add(member())
    services.members.delete(record.id)
    assert services.members.list() == [] and services.members.rows([record.id]) == {}
    with services.ctx.read() as s:
        row = s.get(Member, record.id)
        assert row is not None and row.deleted_at is not None
    assert services.undo_last() == "Hoàn tác: Xóa đảng viên Nguyễn Văn Đức"
    assert services.members.get(record.id).full_name == "Nguyễn Văn Đức"


def test_unknown_member_is_not_found(services):
    with pytest.raises(NotFound) as err:
        services.members.get("nope")
    assert err.value.message == "Không tìm thấy đảng viên."


@pytest.fixture
def crowd(services):
    people = [
        ("Nguyễn Văn Đức", "nam", 3, "040080001234", "chinh_thuc", 1980),
        ("Trần Thị Hồng", "nu", 1, "040181002345", "chinh_thuc", 1981),
        ("Lê Văn Dũng", "nam", None, "", "du_bi", 1990),
        ("Phạm Thị Ánh", "nu", 2, "040199003456", "du_bi", 1999),
        ("Nguyễn Thị Hà", "nu", 5, "", "chinh_thuc", 1950),
    ]
    ids = {}
    for name, gender, list_no, cccd, status, year in people:
        official = dt.date(2006, 5, 19) if status == "chinh_thuc" else None
        admitted = dt.date(2005, 5, 19) if status == "chinh_thuc" else dt.date(2026, 5, 1)
        ids[name] = services.members.add(member(name, gender=gender, list_no=list_no, cccd=cccd, status=status,
                                                official_on=official, admitted_on=admitted,
                                                date_of_birth=dt.date(year, 3, 2))).id
    services.members.change_status(ids["Nguyễn Thị Hà"], StatusChange("deceased", dt.date(2026, 1, 5)))
    return ids


def names(services, **kw):
    return [m.full_name for m in services.members.list(MemberQuery(**kw))]


def test_search_ignores_accents_case_and_word_order(services, crowd):
    assert names(services, text="nguyen van duc") == ["Nguyễn Văn Đức"]
    assert set(names(services, text="NGUYỄN")) == {"Nguyễn Văn Đức", "Nguyễn Thị Hà"}
    assert names(services, text="duc nguyen") == ["Nguyễn Văn Đức"]
    assert names(services, text=unicodedata.normalize("NFD", "Đức")) == ["Nguyễn Văn Đức"]
    assert set(names(services, text="đ")) == {"Nguyễn Văn Đức", "Lê Văn Dũng"}
    assert names(services, text="  ") == names(services)
    # LIKE wildcards typed by the user are plain characters.
    assert names(services, text="100%") == [] and names(services, text="_") == []


def test_search_by_digits_finds_cccd(services, crowd):
    assert names(services, text="002345") == ["Trần Thị Hồng"]


def test_filter_by_activity_and_party_status(services, crowd):
    assert names(services, activity_statuses=("deceased",)) == ["Nguyễn Thị Hà"]
    assert set(names(services, activity_statuses=("active",), party_status="du_bi")) == {"Lê Văn Dũng",
                                                                                          "Phạm Thị Ánh"}


def test_sort_by_list_number_puts_missing_numbers_last(services, crowd):
    assert names(services) == ["Trần Thị Hồng", "Phạm Thị Ánh", "Nguyễn Văn Đức", "Nguyễn Thị Hà", "Lê Văn Dũng"]
    assert names(services, descending=True) == ["Nguyễn Thị Hà", "Nguyễn Văn Đức", "Phạm Thị Ánh", "Trần Thị Hồng",
                                                 "Lê Văn Dũng"]


def test_sort_by_name_uses_the_vietnamese_order(services, crowd):
    assert names(services, sort="full_name") == ["Phạm Thị Ánh", "Lê Văn Dũng", "Nguyễn Văn Đức", "Nguyễn Thị Hà",
                                                 "Trần Thị Hồng"]
    assert names(services, sort="full_name", descending=True)[0] == "Trần Thị Hồng"
    assert names(services, sort="activity_status")[-1] == "Nguyễn Thị Hà"
    with pytest.raises(ValueError):
        services.members.query_ids(MemberQuery(sort="drop table"))


def test_rows_fetches_in_batches_and_counts(services, crowd):
    ids = services.members.query_ids(MemberQuery())
    rows = services.members.rows(ids + ["missing"])
    assert set(rows) == set(ids)
    assert services.members.counts_by_status() == {"active": 4, "exempt": 0, "temporary": 0, "transferred_out": 0,
                                                   "removed": 0, "deceased": 1}
    assert services.members.counts_by_party_status() == {"du_bi": 2, "chinh_thuc": 2}
    assert services.members.next_list_no() == 6


def test_messages_in_english(services):
    messages.set_language("en")
    result = services.members.check(MemberInput(full_name="A"))
    assert result.errors["date_of_birth"] == "Enter the date of birth."


def test_a_hundred_thousand_members_query_and_fetch(services):
    """The list must work on 100,000 rows: ids by query, rows in batches (no timing assert)."""
    cell_id = services.ctx.cell_id
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
    middle = ["Văn", "Thị", "Đình", "Hữu", "Quang"]
    given = ["An", "Bình", "Cường", "Dũng", "Đức", "Hà", "Hằng", "Lan", "Minh", "Sơn", "Tâm"]
    rows = []
    for i in range(100_000):
        name = f"{family[i % 10]} {middle[(i // 10) % 5]} {given[(i // 50) % 11]}"
        rows.append(dict(id=new_id(), cell_id=cell_id, full_name=name, name_folded=fold(name), list_no=i + 1,
                         status="chinh_thuc", activity_status="active", date_of_birth=dt.date(1980, 1, 1),
                         gender="nam", admitted_on=dt.date(2005, 1, 1)))
    # Bulk rows bypass the ORM (and its change log) on purpose: this is a fixture, not user data entry.
    with services.ctx.mutation("test.bulk", "bulk") as s:
        s.execute(insert(Member), rows)
    ids = services.members.query_ids(MemberQuery())
    assert len(ids) == 100_000 and ids[0] == rows[0]["id"] and ids[-1] == rows[-1]["id"]
    found = services.members.query_ids(MemberQuery(text="dang quang duc"))
    expected = [r["id"] for r in rows if r["full_name"] == "Đặng Quang Đức"]
    assert found == expected and found
    by_name = services.members.query_ids(MemberQuery(sort="full_name"))
    assert services.members.get(by_name[0]).full_name.endswith(" An")
    batch = services.members.rows(ids[50_000:50_100])
    assert [batch[i].list_no for i in ids[50_000:50_100]] == list(range(50_001, 50_101))


def test_card_and_status_rows_carry_the_cell(services):
    record = services.members.add(member(card_no="37012345"))
    services.members.change_status(record.id, StatusChange("exempt", dt.date(2026, 1, 1), reason="Tuổi cao"))
    with services.ctx.read() as s:
        card = s.scalars(select(CardNumber)).one()
        status = s.scalars(select(MemberStatusChange)).one()
    assert card.cell_id == status.cell_id == services.ctx.cell_id
    assert card.member_id == status.member_id == record.id


def test_the_list_follows_every_change_after_it_was_first_read(services, crowd):
    assert len(services.members.query_ids()) == 5
    duc = services.members.get(crowd["Nguyễn Văn Đức"])
    services.members.update(duc.id, replace(duc.as_input(), full_name="Nguyễn Văn Đạt"))
    services.members.delete(crowd["Trần Thị Hồng"])
    new = services.members.add(member("Hồ Sỹ Nam", cccd="", card_no="", list_no=4))
    assert names(services) == ["Phạm Thị Ánh", "Nguyễn Văn Đạt", "Hồ Sỹ Nam", "Nguyễn Thị Hà", "Lê Văn Dũng"]
    assert names(services, text="nguyen van duc") == []
    services.undo_last()  # the add
    assert new.id not in services.members.query_ids()
    # A write stamped with an older time (a clock set back) is still seen: the index reloads.
    from sqlalchemy import update

    with services.ctx.mutation("test.raw", "raw") as s:
        s.execute(update(Member).where(Member.id == duc.id).values(
            full_name="Nguyễn Văn Đông", name_folded="nguyen van dong", rev=Member.rev + 1,
            updated_at=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)))
    assert names(services, text="dong") == ["Nguyễn Văn Đông"]


def test_membership_thresholds_come_from_the_rule_file(services, monkeypatch):
    from cellsec.domain.members import MembershipRules
    from cellsec.services.members import service as members_module

    assert members_module.membership_rules(dt.date(2026, 1, 1)) == MembershipRules(12, 216, 720, 30)
    # An edited rule set (e.g. a committee's guidance) changes what the registry computes.
    monkeypatch.setattr(members_module, "membership_rules", lambda on: MembershipRules(18, 216, 720, 30))
    record = services.members.add(MemberInput(full_name="Lê Văn Tám", gender="nam", date_of_birth=dt.date(1990, 1, 1),
                                              admitted_on=dt.date(2026, 1, 10), status="du_bi"),
                                  today=dt.date(2026, 2, 1))
    assert record.probation_ends_on == dt.date(2027, 7, 10)


@pytest.mark.parametrize("sort", ["gender", "position_party", "phone"])
def test_every_list_column_sorts(services, sort):
    for name, gender, position, phone in (("Lê Văn Ba", "nam", "Chi ủy viên", "0912000003"),
                                          ("Hồ Thị Lan", "nu", "Bí thư Chi bộ", "0912000001"),
                                          ("Phan Văn Hai", "nam", "", "")):
        services.members.add(MemberInput(full_name=name, gender=gender, date_of_birth=dt.date(1980, 1, 1),
                                         admitted_on=dt.date(2010, 1, 1), position_party=position, phone=phone),
                             today=dt.date(2026, 1, 1))
    rows = services.members.rows(services.members.query_ids(MemberQuery(sort=sort)))
    names = [rows[i].full_name for i in services.members.query_ids(MemberQuery(sort=sort))]
    expected = {"gender": ["Lê Văn Ba", "Phan Văn Hai", "Hồ Thị Lan"],
                "position_party": ["Hồ Thị Lan", "Lê Văn Ba", "Phan Văn Hai"],
                "phone": ["Hồ Thị Lan", "Lê Văn Ba", "Phan Văn Hai"]}[sort]
    assert names == expected
