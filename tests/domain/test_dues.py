"""Dues rules, rounding, previous-month basis, owed months, paid/unpaid, paid-through, remittance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from cellsec.domain import dues as D
from cellsec.domain.rules import load_rule_sets

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rules"


def shipped() -> list[D.DuesRules]:
    return [D.rules_from_dict(v.data) for v in load_rule_sets(RULES_DIR)["dues"].versions]


def rules_2026(unit: int = 1, mode: str = "half_up") -> D.DuesRules:
    rules = next(r for r in shipped() if r.version == "2026")
    rules.rounding_unit, rules.rounding_mode = unit, mode
    return rules


def test_shipped_versions_and_their_dates():
    versions = shipped()
    assert [r.version for r in versions] == ["342-2011", "2026"]
    assert all(r.unverified for r in versions)
    assert D.rules_for_month(versions, dt.date(2026, 2, 1)).version == "342-2011"
    assert D.rules_for_month(versions, dt.date(2026, 3, 1)).version == "2026"
    assert D.rules_for_month(versions, dt.date(2005, 1, 1)).version == "342-2011"  # earliest for older months


@pytest.mark.parametrize("category, basis, due", [
    ("bhxh_bat_buoc", 7_345_600, 73_456),   # 1 % of the insured salary
    ("om_dau_thai_san", 4_210_050, 42_101),  # 1 % of the allowance, half up
    ("huu_tri", 5_123_000, 25_615),          # 0,5 % of the pension
    ("hoc_sinh_sinh_vien", 9_999_999, 5_000),  # fixed, basis ignored
    ("khac", 0, 10_000),
    ("nuoc_ngoai", 0, 50_000),
    ("unknown", 1_000_000, 0),
])
def test_each_category_without_rounding(category, basis, due):
    assert D.amount_due(rules_2026(1), category, basis) == due


@pytest.mark.parametrize("unit, mode, due", [
    (1, "half_up", 73_456), (100, "half_up", 73_500), (1000, "half_up", 73_000),
    (100, "up", 73_500), (1000, "up", 74_000), (100, "down", 73_400), (1000, "down", 73_000),
])
def test_rounding_modes(unit, mode, due):
    assert D.amount_due(rules_2026(unit, mode), "bhxh_bat_buoc", 7_345_600) == due


def test_half_up_edge():
    assert D.round_amount(Decimal("73500"), 1000) == 74_000
    assert D.round_amount(Decimal("73499.99"), 1000) == 73_000
    assert D.round_amount(Decimal("25615.5"), 1) == 25_616
    assert D.amount_due(rules_2026(1000), "huu_tri", 5_123_000) == 26_000


def test_fixed_amounts_are_not_rounded_away():
    assert D.amount_due(rules_2026(1000, "down"), "hoc_sinh_sinh_vien", 0) == 5_000


def test_basis_month_previous_for_salary_current_for_pension():
    rules = rules_2026()
    assert D.basis_month(rules, "bhxh_bat_buoc", dt.date(2026, 3, 15)) == dt.date(2026, 2, 1)
    assert D.basis_month(rules, "bhxh_bat_buoc", dt.date(2026, 1, 1)) == dt.date(2025, 12, 1)
    assert D.basis_month(rules, "huu_tri", dt.date(2026, 3, 1)) == dt.date(2026, 3, 1)
    assert D.basis_month(rules, "hoc_sinh_sinh_vien", dt.date(2026, 3, 1)) is None
    old = D.rules_for_month(shipped(), dt.date(2020, 5, 1))
    assert D.basis_month(old, "bhxh_bat_buoc", dt.date(2020, 5, 1)) == dt.date(2020, 5, 1)


def test_rules_round_trip_and_refusals():
    rules = rules_2026(100, "up")
    assert D.rules_from_dict(D.rules_to_dict(rules)) == rules
    bad = D.rules_to_dict(rules)
    bad["values"]["retained_percent"] = 130
    with pytest.raises(D.DuesRuleError, match="0 đến 100"):
        D.rules_from_dict(bad)
    bad = D.rules_to_dict(rules)
    bad["values"]["rounding_unit"] = 500
    with pytest.raises(D.DuesRuleError):
        D.rules_from_dict(bad)
    bad = D.rules_to_dict(rules)
    bad["values"]["categories"]["huu_tri"]["percent"] = 0
    with pytest.raises(D.DuesRuleError, match="lớn hơn 0"):
        D.rules_from_dict(bad)
    bad = D.rules_to_dict(rules)
    bad["values"]["categories"]["vip"] = {"kind": "fixed", "amount": 1}
    with pytest.raises(D.DuesRuleError, match="vip"):
        D.rules_from_dict(bad)


@pytest.mark.parametrize("total, percent, kept, remitted", [
    (1_000_000, Decimal(30), 300_000, 700_000), (73_456, Decimal(30), 22_037, 51_419), (0, Decimal(30), 0, 0),
    (100_000, Decimal("0"), 0, 100_000), (100_000, Decimal(100), 100_000, 0),
])
def test_remittance_split_adds_up(total, percent, kept, remitted):
    assert D.remittance(total, percent) == (kept, remitted)


@pytest.mark.parametrize("text, month", [
    ("2026-03", dt.date(2026, 3, 1)), ("03/2026", dt.date(2026, 3, 1)), ("3/2026", dt.date(2026, 3, 1)),
    (dt.date(2026, 3, 17), dt.date(2026, 3, 1)),
])
def test_parse_month(text, month):
    assert D.parse_month(text) == month


@pytest.mark.parametrize("text", ["2026-13", "13/2026", "tháng ba", ""])
def test_parse_month_refuses(text):
    with pytest.raises(D.MonthParseError):
        D.parse_month(text)


def test_membership_months():
    through = dt.date(2026, 11, 22)
    assert len(D.membership_months(2026, dt.date(2000, 1, 1), None, through)) == 11
    assert D.membership_months(2026, dt.date(2026, 9, 30), None, through)[0] == dt.date(2026, 9, 1)
    # transferred on 10 May: May is still owed here ("đã đóng đảng phí hết tháng 5")
    assert D.membership_months(2026, None, dt.date(2026, 5, 10), through)[-1] == dt.date(2026, 5, 1)
    # deceased in May: not owed for May
    assert D.membership_months(2026, None, dt.date(2026, 5, 10), through, leave_inclusive=False)[-1] == dt.date(2026, 4, 1)
    skip = [dt.date(2026, 2, 1), dt.date(2026, 3, 1)]
    assert dt.date(2026, 2, 1) not in D.membership_months(2026, None, None, through, skip=skip)


def entry(month, due, paid, on=None, reason=""):
    m = dt.date(2026, month, 1)
    return m, D.LedgerEntry(m, due, paid, on or (dt.date(2026, month, 5) if paid else None), reason)


def test_states_and_on_time():
    assert D.state_of(None) == D.UNPAID
    assert D.state_of(entry(1, 50_000, 50_000)[1]) == D.PAID
    assert D.state_of(entry(1, 50_000, 20_000)[1]) == D.PARTIAL
    assert D.state_of(entry(1, 50_000, 0, reason="Ốm nằm viện")[1]) == D.EXCUSED
    assert D.paid_on_time(entry(1, 50_000, 50_000, dt.date(2026, 1, 31))[1])
    assert not D.paid_on_time(entry(1, 50_000, 50_000, dt.date(2026, 2, 1))[1])


def test_year_status_counts_only_ended_months_without_payment_or_reason():
    entries = dict([entry(1, 50_000, 50_000), entry(2, 50_000, 0), entry(3, 50_000, 20_000),
                    entry(4, 50_000, 0, reason="Đi công tác dài ngày"), entry(6, 50_000, 50_000, dt.date(2026, 7, 2))])
    owed = [dt.date(2026, m, 1) for m in range(1, 8)]
    st = D.year_status(owed, entries, today=dt.date(2026, 7, 15))
    assert [m.month for m in st.paid_months] == [1, 6]
    assert [m.month for m in st.unpaid_months] == [2, 3, 4, 5, 7]
    # Feb (nothing), May (no row); not March (partial), April (excused) or July (still running)
    assert [m.month for m in st.counted_unpaid] == [2, 5]
    assert [m.month for m in st.on_time_months] == [1]
    assert st.on_time_rate == round(100 / 7, 2)
    assert st.total_paid == 120_000


def test_paid_through():
    assert D.paid_through({}) is None
    run = dict([entry(1, 50_000, 50_000), entry(2, 50_000, 50_000), entry(3, 50_000, 0), entry(4, 50_000, 50_000)])
    assert D.paid_through(run) == dt.date(2026, 2, 1)
    gap = dict([entry(1, 50_000, 50_000), entry(3, 50_000, 50_000)])
    assert D.paid_through(gap) == dt.date(2026, 1, 1)
    assert D.paid_through(dict([entry(1, 50_000, 0)])) is None
    ahead = dict([entry(m, 5_000, 5_000) for m in range(1, 13)])
    assert D.paid_through(ahead) == dt.date(2026, 12, 1)


def test_format_money():
    assert D.format_money(1_234_567) == "1.234.567"
    assert D.format_money(0) == "0"
    assert D.format_money(-5000) == "-5.000"


def test_a_percentage_member_without_a_basis_is_never_shown_as_paid():
    import datetime as _dt

    from cellsec.domain import dues as D

    entry = D.LedgerEntry(_dt.date(2026, 10, 1), amount_due=0)
    assert D.state_of(entry) == D.PAID  # a fixed category with nothing to pay
    assert D.state_of(entry, basis_missing=True) == D.NO_BASIS
    assert D.state_of(D.LedgerEntry(_dt.date(2026, 10, 1), 0, 50_000), basis_missing=True) == D.PAID
    assert D.STATE_LABELS[D.NO_BASIS].format() == "Chưa có căn cứ tính"
