"""The overview's figures (SQL aggregates over snapshots) on SQLite and PostgreSQL, and their cache following
the cell's feed seq."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from cellsec.server.store import admin, overview, remittances
from cellsec.server.store.models import Cell, Entity
from cellsec.server.web.overview import overview_row


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, tmp_path):
    from cellsec.server.store.db import open_store

    url = f"sqlite:///{tmp_path / 's.sqlite3'}" if request.param == "sqlite" else \
        request.getfixturevalue("postgres").new_database()
    opened = open_store(url, pool_size=2)
    yield opened
    opened.close()


def _put(s, cell_id: str, entity: str, entity_id: str, seq: list[int], **snapshot) -> None:
    seq[0] += 1
    s.add(Entity(cell_id=cell_id, entity=entity, entity_id=entity_id, owner="cell", rev=1, feed_seq=seq[0],
                 snapshot={"id": entity_id, "cell_id": cell_id, "deleted_at": None, **snapshot}, deleted=False))


def _cell_year(s, cell_id: str) -> None:
    seq = [0]
    _put(s, cell_id, "cells", cell_id, seq, name="Chi bộ Thôn 1", secretary_name="Lê Thị Mai")
    for i, (status, activity) in enumerate([("chinh_thuc", "active")] * 3 + [("du_bi", "active"),
                                           ("chinh_thuc", "exempt"), ("chinh_thuc", "transferred_out")]):
        _put(s, cell_id, "members", f"m{i}", seq, full_name=f"Đảng viên {i}", status=status, activity_status=activity)
    for month, status in ((1, "approved"), (2, "approved"), (3, "draft")):
        _put(s, cell_id, "meetings", f"mt{month}", seq, kind="thuong_ky", period_year=2026, period_month=month,
             status=status, held_on=f"2026-0{month}-05")
        for i, mark in enumerate(["present", "present", "absent_without_reason", "exempt"]):
            _put(s, cell_id, "meeting_attendance", f"a{month}{i}", seq, meeting_id=f"mt{month}", member_id=f"m{i}",
                 status=mark)
    _put(s, cell_id, "dues_payments", "d1", seq, member_id="m0", month="2026-01-01", amount_due=10000,
         amount_paid=10000)
    _put(s, cell_id, "dues_payments", "d2", seq, member_id="m1", month="2026-01-01", amount_due=20000,
         amount_paid=0)
    s.execute(update(Cell).where(Cell.id == cell_id).values(feed_seq=seq[0]))


def test_figures_are_counted_from_the_snapshots_and_recomputed_when_the_cell_syncs(any_store):
    with any_store.transaction() as s:
        committee = admin.add_committee(s, "Đảng ủy xã A").id
        cell, _ = admin.add_cell(s, committee, "Chi bộ Thôn 1")
    with any_store.transaction() as s:
        _cell_year(s, cell.id)
    with any_store.transaction() as s:
        [row] = overview.overview(s, committee, 2026)
    assert row["secretary"] == "Lê Thị Mai"
    assert row["members"] == {"total": 5, "chinh_thuc": 3, "du_bi": 1, "exempt": 1, "away": 1}
    assert [row["months"][str(m)]["regular_approved"] for m in (1, 2, 3, 4)] == [1, 1, 0, 0]
    assert row["months"]["3"]["held"] == 1
    # Approved meetings only: 2 present of 3 expected (the exempt member is not expected), twice.
    assert row["attendance"] == {"present": 4, "expected": 6}
    # 30 % of what was collected stays with the cell (the shipped 2026 dues rules), the rest goes up.
    assert row["dues"] == {"due": 30000, "paid": 10000, "remit": 7000, "received": 0, "remit_by_month": {"01": 7000}}

    with any_store.transaction() as s:  # the committee records the cell's remittance: a committee write
        remittances.record_receipt(s, cell.id, remittances.parse_period("2026-01"), 6000, dt.date(2026, 2, 2))
    with any_store.transaction() as s:
        [received] = overview.overview(s, committee, 2026)
    assert received["dues"]["received"] == 6000
    # Short of what went up from the months already over; January's share is not due while January lasts.
    with any_store.transaction() as s:
        [cell_row] = overview.cell_figures(s, committee, 2026)
    assert overview_row(cell_row, 2026, dt.date(2026, 2, 10), 45)["dues_short"] is True
    assert overview_row(cell_row, 2026, dt.date(2026, 1, 20), 45)["dues_short"] is False

    with any_store.transaction() as s:  # a later push: one more member and the cell's feed seq moves
        seq = [s.get(Cell, cell.id).feed_seq]
        _put(s, cell.id, "members", "m9", seq, full_name="Mới", status="du_bi", activity_status="active")
        s.execute(update(Cell).where(Cell.id == cell.id).values(feed_seq=seq[0]))
    with any_store.transaction() as s:
        [again] = overview.overview(s, committee, 2026)
    assert again["members"]["du_bi"] == 2 and again["members"]["total"] == 6


def test_many_out_of_date_cells_are_recomputed_in_the_background_not_in_the_request(any_store, monkeypatch):
    import time

    from cellsec.server.store.overview_refresh import Refresher

    with any_store.transaction() as s:
        committee = admin.add_committee(s, "Đảng ủy xã B").id
        cells = [admin.add_cell(s, committee, f"Chi bộ Thôn {i}")[0].id for i in (1, 2, 3)]
    with any_store.transaction() as s:
        for cell_id in cells:
            _cell_year(s, cell_id)
    monkeypatch.setattr(overview, "INLINE_LIMIT", 2)  # 3 cells out of date: more than a request computes

    def never(*_args):
        raise AssertionError("the request computed figures itself")

    queued: list[tuple[int, list[str]]] = []
    monkeypatch.setattr(overview, "compute", lambda *a: never())
    with any_store.transaction() as s:
        rows = overview.cell_figures(s, committee, 2026, lambda year, ids: queued.append((year, ids)))
    assert [r[4] for r in rows] == [overview.PENDING] * 3 and queued == [(2026, cells)]
    page_row = overview_row(rows[0], 2026, dt.date(2026, 11, 30), 45)
    assert page_row["pending"] is True
    monkeypatch.undo()
    monkeypatch.setattr(overview, "INLINE_LIMIT", 2)

    refresher = Refresher(any_store)
    refresher.later(2026, cells)
    deadline = time.monotonic() + 60
    while not refresher.idle() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert refresher.idle() and refresher.computed == 3
    monkeypatch.setattr(overview, "compute", lambda *a: never())
    with any_store.transaction() as s:
        ready = overview.cell_figures(s, committee, 2026, never)
    assert [r[4]["members"]["total"] for r in ready] == [5, 5, 5] and not any(r[4].get("pending") for r in ready)
    assert overview_row(ready[0], 2026, dt.date(2026, 11, 30), 45) is not page_row

    # One cell syncs: few enough to be recomputed in the request itself, nothing queued.
    monkeypatch.undo()
    monkeypatch.setattr(overview, "INLINE_LIMIT", 2)
    with any_store.transaction() as s:
        s.execute(update(Cell).where(Cell.id == cells[1]).values(feed_seq=Cell.feed_seq + 1))
    with any_store.transaction() as s:
        again = overview.cell_figures(s, committee, 2026, never)
    assert again[1][4]["members"]["total"] == 5
