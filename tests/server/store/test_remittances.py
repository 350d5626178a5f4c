"""Dues remittance receipts: what the officer types is read as a person writes it, one receipt per period
(a month inside a received quarter is a duplicate), dates checked, cancelling frees the period, and every
write goes into the cell's feed (so the laptop pulls it)."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.server.errors import ServerError
from cellsec.server.store import remittances as R
from cellsec.server.store.models import Cell, Entity

TODAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize("typed, amount", [("1.250.000", 1_250_000), ("1 250 000 đ", 1_250_000),
                                           ("1,250,000", 1_250_000), ("840000", 840_000), ("75.000 đồng", 75_000)])
def test_amounts_are_read_as_people_write_them(typed, amount):
    assert R.parse_amount(typed) == amount


@pytest.mark.parametrize("typed, words", [("12,5", "Số tiền không hợp lệ"), ("1.25.000", "Số tiền không hợp lệ"),
                                          ("mười nghìn", "Số tiền không hợp lệ"), ("", "Số tiền không hợp lệ"),
                                          ("0", "lớn hơn 0"), ("-5000", "lớn hơn 0"),
                                          ("840000000000", "quá lớn")])
def test_a_wrong_amount_is_refused_in_vietnamese(typed, words):
    with pytest.raises(ServerError) as refused:
        R.parse_amount(typed)
    assert words in refused.value.message("vi")


def test_periods_are_months_or_quarters():
    assert R.parse_period("2026-03").label == "tháng 03/2026"
    q = R.parse_period("2026-q2")
    assert (q.key, q.label, q.months) == ("2026-Q2", "quý II/2026", ("2026-04", "2026-05", "2026-06"))
    for bad in ("2026-13", "2026-Q5", "03/2026", "1999-01"):
        with pytest.raises(ServerError):
            R.parse_period(bad)
    assert len(R.periods_of_year(2026)) == 16


def _receipts(store, cell_id):
    with store.transaction() as s:
        return R.receipts(s, cell_id, 2026)


def test_one_receipt_per_period_and_cancelling_frees_it(store, make_cell):
    cell_id, _ = make_cell()
    with store.transaction() as s:
        seq = s.get(Cell, cell_id).feed_seq
        first = R.record_receipt(s, cell_id, R.parse_period("2026-Q1"), 2_100_000, dt.date(2026, 4, 3),
                                 "chuyển khoản", "Nguyễn Thị Lan", today=TODAY)
    with store.transaction() as s:
        assert s.get(Cell, cell_id).feed_seq == seq + 1  # in the cell's feed: the laptop pulls it
        row = s.get(Entity, (cell_id, R.ENTITY, first))
        assert row.owner == "committee" and "quý I/2026: 2.100.000 đồng" in row.snapshot["title"]
    # A month inside the received quarter is the same money recorded twice.
    with pytest.raises(ServerError) as refused, store.transaction() as s:
        R.record_receipt(s, cell_id, R.parse_period("2026-02"), 700_000, dt.date(2026, 4, 3), today=TODAY)
    assert refused.value.status == 409
    assert "Đã ghi nhận đảng phí quý I/2026" in refused.value.message("vi")
    assert [r["amount"] for r in _receipts(store, cell_id)] == [2_100_000]

    with store.transaction() as s:
        R.cancel_receipt(s, cell_id, first)
    assert _receipts(store, cell_id) == []
    with store.transaction() as s:
        again = R.record_receipt(s, cell_id, R.parse_period("2026-Q1"), 2_000_000, dt.date(2026, 4, 5), today=TODAY)
    assert again == first  # the same record, next revision: the laptop replaces what it had
    with store.transaction() as s:
        row = s.get(Entity, (cell_id, R.ENTITY, first))
        assert (row.rev, row.deleted, row.snapshot["amount"]) == (3, False, 2_000_000)
    with pytest.raises(ServerError), store.transaction() as s:
        R.cancel_receipt(s, cell_id, "not-a-receipt")


def test_the_date_received_must_be_within_reason(store, make_cell):
    cell_id, _ = make_cell()
    for on, words in ((dt.date(2026, 12, 1), "chưa đến"), (dt.date(2026, 2, 28), "trước kỳ nộp tháng 03/2026")):
        with pytest.raises(ServerError) as refused, store.transaction() as s:
            R.record_receipt(s, cell_id, R.parse_period("2026-03"), 500_000, on, today=TODAY)
        assert words in refused.value.message("vi")
    assert _receipts(store, cell_id) == []
