import datetime as dt

import pytest

from cellsec.domain.dates import DateParseError, add_months, date_line, format_date, full_months_between, parse_date


@pytest.mark.parametrize("text", ["05/02/2026", "5/2/2026", "5.2.2026", "05-02-2026", "2026-02-05", " 5 / 2 / 2026 "])
def test_parse_date_accepts_vietnamese_and_iso_forms(text):
    assert parse_date(text) == dt.date(2026, 2, 5)


@pytest.mark.parametrize("text", ["31/02/2026", "13/13/2020", "hôm qua", "2026/02", "5/2/26"])
def test_parse_date_rejects_with_vietnamese_message(text):
    with pytest.raises(DateParseError) as err:
        parse_date(text)
    assert "không hợp lệ" in str(err.value)


def test_empty_date_is_none():
    assert parse_date("") is None and parse_date("  ") is None and parse_date(None) is None


def test_date_line_pads_day_and_month():
    assert date_line("Nghệ An", dt.date(2026, 2, 5)) == "Nghệ An, ngày 05 tháng 02 năm 2026"
    assert date_line("Nghệ An", dt.date(2026, 2, 5), zero_pad=False) == "Nghệ An, ngày 5 tháng 2 năm 2026"


def test_date_line_zero_only_before_days_below_10_and_months_1_and_2():
    assert date_line("Nghệ An", dt.date(2026, 3, 5)) == "Nghệ An, ngày 05 tháng 3 năm 2026"
    assert date_line("", dt.date(2026, 1, 15)) == "ngày 15 tháng 01 năm 2026"
    assert date_line("", dt.date(2026, 12, 10)) == "ngày 10 tháng 12 năm 2026"
    assert format_date(dt.date(2026, 2, 5)) == "05/02/2026"


def test_probation_arithmetic_clamps_month_end():
    assert add_months(dt.date(2025, 3, 15), 12) == dt.date(2026, 3, 15)
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)


def test_full_months_between_counts_whole_months():
    born = dt.date(2000, 6, 15)
    assert full_months_between(born, dt.date(2018, 6, 14)) == 18 * 12 - 1
    assert full_months_between(born, dt.date(2018, 6, 15)) == 18 * 12
