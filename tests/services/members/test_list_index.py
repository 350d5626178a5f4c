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


def _row(i, rng, rev=1, dead=False):
    from cellsec.domain.text import fold

    name = f"{rng.choice(['Nguyễn', 'Lê', 'Đỗ', 'Hồ'])} {rng.choice(['Văn', 'Thị'])} {rng.choice(['An', 'Ánh', 'Đức', 'Bình'])}"
    maybe = lambda v: v if rng.random() > 0.2 else None  # noqa: E731  (empty values sort last)
    return (f"id{i:03d}", name, fold(name), maybe(f"0{i:011d}"), maybe(f"{rng.randrange(99):08d}"), "",
            rng.choice(["active", "exempt", "temporary"]), rng.choice(["du_bi", "chinh_thuc"]),
            maybe(rng.randrange(30)), maybe(f"19{rng.randrange(50, 99)}-01-01"), maybe("2005-05-19"), None,
            maybe(f"{rng.randrange(99):08d}"), f"2026-01-{rng.randrange(1, 28):02d}", rng.choice(["nam", "nu", ""]),
            maybe(rng.choice(["Bí thư", "Phó Bí thư"])), rev, "2026-02-01" if dead else None)


def test_edits_applied_in_place_give_the_orders_of_a_fresh_index():
    import random

    rng = random.Random(7)
    rows = {i: _row(i, rng) for i in range(120)}
    index = list_index.ListIndex.from_rows(rows.values())
    sorts = [(sort, desc) for sort in ("full_name", "list_no", "date_of_birth", "card_no", "activity_status",
                                        "status", "gender", "position_party", "phone") for desc in (False, True)]
    for sort, desc in sorts:
        index.order(sort, desc)  # cached orders are the ones an edit moves
    for step in range(6):
        edits = []
        for i in rng.sample(range(130), 12):  # edits, tombstones, revivals and new members
            rows[i] = _row(i, rng, rev=step + 2, dead=rng.random() < 0.25)
            edits.append(rows[i])
        index.apply(edits)
        fresh = list_index.ListIndex.from_rows(rows.values())
        for sort, desc in sorts:
            got = [index.ids[i] for i in index.order(sort, desc)]
            assert got == [fresh.ids[i] for i in fresh.order(sort, desc)], (step, sort, desc)
            q = MemberQuery(sort=sort, descending=desc)
            assert index.query(q) == fresh.query(q) == got  # the ids kept in each order move too
        assert index.query(MemberQuery(text="nguyen an")) == fresh.query(MemberQuery(text="nguyen an"))


def test_typing_and_deleting_in_the_search_gives_what_a_fresh_search_gives():
    import random

    rng = random.Random(11)
    index = list_index.ListIndex.from_rows([_row(i, rng) for i in range(150)])
    texts = ["n", "ng", "ngu", "nguyen", "nguyen ", "nguyen a", "nguyen an", "nguyen a", "guyen", "0", "00", "001",
             "", "le", "le thi", "do van duc"]
    for statuses in ((), ("active",)):
        for text in texts + texts[::-1]:
            q = MemberQuery(text=text, activity_statuses=statuses)
            expected = [index.ids[i] for i in index.order("list_no", False)
                        if (not statuses or index.activity[i] in statuses)
                        and all(t in index.folded[i] or (t.isdigit() and t in index.digits[i])
                                for t in text.split())]
            assert index.query(q) == expected, (text, statuses)


def test_an_order_turned_round_equals_the_same_order_sorted_afresh():
    import random

    rng = random.Random(11)
    rows = [_row(i, rng) for i in range(300)]
    for sort in ("list_no", "date_of_birth", "card_no", "activity_status", "status", "gender", "position_party",
                 "phone"):
        for first in (False, True):
            turned = list_index.ListIndex.from_rows(rows)
            turned.order(sort, first)
            fresh = list_index.ListIndex.from_rows(rows)
            assert turned.order(sort, not first) == fresh.order(sort, not first), (sort, first)


def _reference_order(index, rows, sort, desc):
    """The documented rule, in plain Python over the rows: by value (empty last either way, statuses in their
    list order), equal values in Vietnamese name order, then by position; by name alone, descending, the name
    order turned. Returns ids."""
    from cellsec.domain.members import ACTIVITY_STATUSES, PARTY_STATUSES, name_sort_key

    at = {name: 8 + k for k, name in enumerate(list_index.ListIndex.SORT_COLUMNS)}
    at.update(phone=5, activity_status=6, status=7)
    ranks = {"activity_status": ACTIVITY_STATUSES, "status": PARTY_STATUSES}

    def value(row):
        v = row[at[sort]]
        if sort in ranks:
            return ranks[sort].index(v) if v in ranks[sort] else len(ranks[sort])
        return None if v is None or v == "" else v

    live = [row for row in rows if row[-1] is None]
    by_name = sorted(live, key=lambda row: (name_sort_key(row[1]), index.pos[row[0]]))
    if sort == "full_name":
        ordered = by_name[::-1] if desc else by_name
    else:
        ordered = sorted((r for r in by_name if value(r) is not None), key=value, reverse=desc) + \
            [r for r in by_name if value(r) is None]
    return [row[0] for row in ordered]


def test_every_order_follows_the_vietnamese_rule_after_edits_too():
    import random

    from cellsec.domain.members import MEMBER_SORTS

    rng = random.Random(23)
    rows = {i: _row(i, rng) for i in range(200)}
    index = list_index.ListIndex.from_rows(rows.values())
    for step in range(3):
        for sort in MEMBER_SORTS:
            for desc in (False, True):
                got = [index.ids[i] for i in index.order(sort, desc)]
                assert got == _reference_order(index, rows.values(), sort, desc), (step, sort, desc)
        edits = [_row(i, rng, rev=step + 2, dead=rng.random() < 0.3) for i in rng.sample(range(220), 15)]
        rows.update((int(row[0][2:]), row) for row in edits)
        index.apply(edits)


def test_a_sort_on_a_worker_lets_the_window_run_meanwhile():
    """A list query sorts on a worker; the window needs Python's interpreter lock at every call Qt makes into
    it. With the switch interval made huge, Python code never hands the lock over: the main thread runs
    during the sort only if the sort lets go of the lock itself (SQLite does, while it steps; Python's own
    sort held it throughout and the window stood still for 80–300 ms at 100,000 members)."""
    import random
    import sys
    import threading
    import time

    rng = random.Random(5)
    index = list_index.ListIndex.from_rows(_row(i, rng) for i in range(60_000))
    index.by_name  # the name order first: the sort measured is one column's  # noqa: B018
    started, done = threading.Event(), threading.Event()

    def sort():
        started.set()
        index.order("date_of_birth", False)
        done.set()

    ran = 0
    interval = sys.getswitchinterval()
    sys.setswitchinterval(60)
    try:
        worker = threading.Thread(target=sort)
        worker.start()
        started.wait()
        while not done.is_set():
            ran += 1
            time.sleep(0)  # lets the worker have the lock whenever it wants it
        worker.join()
    finally:
        sys.setswitchinterval(interval)
    assert ran > 0


def test_cached_orders_give_pythons_collector_nothing_to_look_through():
    """The collector runs on the UI thread; each list of 100,000 it looks through costs the window a millisecond
    or more, and a list kept per order made a full collection 90 ms long once a user had sorted a few columns."""
    import gc
    import random

    from cellsec.domain.members import MEMBER_SORTS

    rng = random.Random(3)
    index = list_index.ListIndex.from_rows([_row(i, rng) for i in range(300)])
    for sort in MEMBER_SORTS:
        for desc in (False, True):
            index.query(MemberQuery(sort=sort, descending=desc))
    index.apply([_row(7, rng, rev=2)])
    index.query(MemberQuery(sort="card_no", text="nguyen"))
    gc.collect()
    kept = {**index._orders, **index._id_orders, **{name: getattr(index, name) for name in index._PER_ROW},
            "search": index._last_match[2]}
    looked_through = {key: len(gc.get_referents(value)) for key, value in kept.items() if gc.is_tracked(value)}
    assert len(kept) > 20 and all(n <= 1 for n in looked_through.values()), looked_through  # an array: its type


def test_find_gives_the_place_of_a_position_in_an_order():
    from array import array

    order = array("i", [5, 256, 1, 65536, 2 ** 24, 7])
    assert [list_index._find(order, i) for i in (5, 256, 1, 65536, 2 ** 24, 7, 0, 4, 2)] == [0, 1, 2, 3, 4, 5, -1, -1, -1]
    straddled = array("i", [256, 0])  # the bytes of 1 begin one byte into the first item
    assert (list_index._find(straddled, 1), list_index._find(straddled, 0)) == (-1, 1)


def test_a_loaded_index_gives_the_collector_few_items_to_read():
    """Python's collector (on the UI thread) reads every item of each new list or tuple once: an index that kept
    16 columns per member made the collection after loading 100,000 members take 47 ms. It keeps the five it
    searches and filters on; what it sorts by is in SQLite."""
    import gc
    import random

    rng = random.Random(4)
    rows = [_row(i, rng) for i in range(3000)]
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        index = list_index.ListIndex.from_rows(rows)
        index.query(MemberQuery(sort="date_of_birth"))
        read = sum(len(o) for o in gc.get_objects(generation=0) if isinstance(o, (list, tuple)) and len(o) >= 3000)
    finally:
        if enabled:
            gc.enable()
    assert read <= 6 * len(rows), read  # the five columns, and the list the query answers


def test_an_edit_makes_anew_only_the_columns_it_changes():
    """Each column made anew is read once by Python's collector on the UI thread (a few ms at 100,000)."""
    import random

    rng = random.Random(8)
    rows = [_row(i, rng) for i in range(50)]
    index = list_index.ListIndex.from_rows(rows)
    before = {name: getattr(index, name) for name in index._PER_ROW}
    edited = list(rows[5])
    edited[5], edited[-2] = "0911222333", 2  # a new phone number, the next revision
    index.apply([tuple(edited)])
    assert [name for name in index._PER_ROW if getattr(index, name) is not before[name]] == ["digits"]
    assert index.query(MemberQuery(text="0911222333")) == [edited[0]]
    index.apply([_row(60, rng)])  # a new member: every column grows
    assert all(len(getattr(index, name)) == 51 for name in index._PER_ROW)
    assert "id060" in index.query(MemberQuery(sort="full_name"))


def test_a_member_added_and_deleted_in_one_batch_stays_out_and_searches_still_work():
    import random

    rng = random.Random(9)
    index = list_index.ListIndex.from_rows([_row(i, rng) for i in range(20)])
    index.order("date_of_birth", False)
    index.apply([_row(30, rng), _row(30, rng, rev=2, dead=True)])
    assert "id030" not in index.query(MemberQuery(sort="date_of_birth"))
    assert "id030" not in index.query(MemberQuery(sort="gender", descending=True))  # an order computed afresh
    assert index.query(MemberQuery(text="nguyen")) == index.query(MemberQuery(text="nguyen", sort="list_no"))


def test_many_rows_edited_at_once_drop_the_cached_orders_instead_of_moving_each_row(monkeypatch):
    """An import or a sync of thousands of rows: placing each row in 22 orders by reading the sorter took
    seconds with the interpreter lock held; computing an order again takes a tenth of a second without it."""
    import random

    from cellsec.domain.members import MEMBER_SORTS
    from cellsec.store.members_order import MemberOrders

    rng = random.Random(12)
    rows = {i: _row(i, rng) for i in range(400)}
    index = list_index.ListIndex.from_rows(rows.values())
    for sort in MEMBER_SORTS:
        index.order(sort, False)
    reads = []
    real = MemberOrders.keys
    monkeypatch.setattr(MemberOrders, "keys", lambda self, *a: reads.append(1) or real(self, *a))
    edits = [_row(i, rng, rev=2, dead=rng.random() < 0.1) for i in range(100, 400)]
    rows.update((int(row[0][2:]), row) for row in edits)
    index.apply(edits)
    assert len(reads) < 100
    fresh = list_index.ListIndex.from_rows(rows.values())
    for sort in MEMBER_SORTS:
        assert index.query(MemberQuery(sort=sort)) == fresh.query(MemberQuery(sort=sort)), sort
