"""Import rules: digits of every script, hidden characters, field limits, formulas, CCCD repairs."""

import datetime as dt

from cellsec.domain import member_import as rules


def test_digits_of_other_scripts_become_ascii():
    assert rules.normalize_digits("０４０ ٠٤٠ ۰۴۰ ०४०") == "040 040 040 040"
    assert rules.normalize_digits("Nguyễn") == "Nguyễn"


def test_hidden_controls_are_named_but_word_paste_junk_is_not():
    assert rules.hidden_control("An\u202eB") == "U+202E"
    assert rules.hidden_control("An\x00") == "U+0000"
    assert rules.hidden_control("An\u200b\u00a0B\t") is None  # cleaned quietly elsewhere


def test_field_limits_and_formulas():
    assert rules.field_too_long("full_name", "A" * 101) == "Dài 101 ký tự, tối đa 100."
    assert rules.field_too_long("full_name", "A" * 100) is None
    assert all(rules.looks_like_formula(t) for t in ("=1+1", "+84", "-x", "@SUM(A1)", "\tx", "＝1"))
    assert not rules.looks_like_formula("Nguyễn Văn An") and not rules.looks_like_formula("")


def test_cccd_gets_its_zero_back_only_when_excel_dropped_it():
    assert rules.pad_cccd("40087019929", was_number=True) == "040087019929"
    assert rules.pad_cccd("40087019929", was_number=False) is None
    assert rules.pad_cccd("04008701992", was_number=True) is None  # already starts with 0: a digit is missing


def test_cccd_contradicting_the_row_says_why():
    born = dt.date(1987, 2, 28)
    assert rules.cccd_contradiction("040087019929", born, "nam") is None
    assert "thứ 4 là 0 (Nam, sinh thế kỷ 1900)" in rules.cccd_contradiction("040087019929", born, "nu")
    assert "năm sinh 1986" in rules.cccd_contradiction("040086019929", born, "nam")
    assert rules.cccd_contradiction("040287019929", dt.date(2087, 1, 1), "nam") is None


def test_the_member_checks_refuse_overlong_text_and_list_numbers_beyond_the_database():
    from cellsec.domain.members import check_member
    from cellsec.services.members.records import MemberInput

    errors, _ = check_member(MemberInput(full_name="A" * 100_000, list_no=10 ** 20, hometown="x" * 201),
                             dt.date(2026, 11, 22))
    assert errors["full_name"] == "Dài 100.000 ký tự, tối đa 100."
    assert errors["hometown"] == "Dài 201 ký tự, tối đa 200."
    assert errors["list_no"].startswith("Số SĐV 100000000000000000000 quá lớn")
