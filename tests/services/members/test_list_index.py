"""The member list's index: built once, then refreshed from the rows that changed."""

import datetime as dt

from cellsec.services.members import list_index
from cellsec.services.members.service import MemberInput, MemberQuery

TODAY = dt.date(2026, 11, 22)


def _add(services, name):
    return services.members.add(MemberInput(
        full_name=name, date_of_birth=dt.date(1980, 3, 2), gender="nam", admitted_on=dt.date(2005, 5, 19),
        official_on=dt.date(2006, 5, 19), status="chinh_thuc"), today=TODAY)


def test_the_index_is_loaded_once_then_refreshed_incrementally(services, monkeypatch):
    for name in ("Trần Văn Bình", "Nguyễn Văn An", "Lê Thị Cúc"):
        _add(services, name)
    loads = []
    real = list_index.ListIndex.load.__func__
    monkeypatch.setattr(list_index.ListIndex, "load",
                        classmethod(lambda cls, *a: loads.append(1) or real(cls, *a)))
    by_name = MemberQuery(sort="full_name")
    first = [services.members.rows([i])[i].full_name for i in services.members.query_ids(by_name)]
    assert first == ["Nguyễn Văn An", "Trần Văn Bình", "Lê Thị Cúc"]  # Vietnamese order: given name first
    _add(services, "Phạm Văn Dũng")
    ids = services.members.query_ids(MemberQuery(text="dung"))
    assert [services.members.rows(ids)[i].full_name for i in ids] == ["Phạm Văn Dũng"]
    assert len(loads) <= 1


QUERIES = [MemberQuery(), MemberQuery(sort="full_name", descending=True), MemberQuery(text="nguyen"),
           MemberQuery(activity_statuses=("active", "exempt"), party_status="chinh_thuc", sort="date_of_birth"),
           MemberQuery(text="0900"), MemberQuery(sort="card_no", descending=True)]


def test_the_quick_reader_lists_exactly_what_the_service_lists(demo_services):
    from cellsec.store.quick import QuickReader

    member = demo_services.members.list()[3]
    demo_services.members.delete(member.id)  # a tombstone must stay out of the quick list too
    with QuickReader(demo_services.data_dir) as reader:
        for q in QUERIES:
            quick = list_index.quick_list(reader, q)
            assert quick == demo_services.members.list(q), q
    assert member.id not in {m.id for m in quick}
    assert any(m.probation_ends_on for m in quick) and any(m.card_valid_from for m in quick)
