import datetime as dt
from dataclasses import dataclass

import pytest

from cellsec.domain import messages
from cellsec.domain.members import (
    ACTIVITY_LABELS,
    ACTIVITY_STATUSES,
    DUES_CATEGORIES,
    DUES_CATEGORY_LABELS,
    GENDER_LABELS,
    PARTY_STATUS_LABELS,
    POLITICAL_THEORY_LABELS,
    POLITICAL_THEORY_LEVELS,
    admission_age_ok,
    cccd_error,
    cccd_warning,
    check_member,
    check_status_change,
    label,
    match_header,
    missing_fields,
    name_sort_key,
    normalize_cccd,
    parse_gender,
    political_theory_key,
    probation_end,
    tidy_name,
)

TODAY = dt.date(2026, 11, 22)


@dataclass
class M:
    full_name: str = "Nguyễn Văn An"
    date_of_birth: dt.date | None = dt.date(1980, 3, 2)
    gender: str = "nam"
    cccd: str = "040080001234"
    phone: str = "0912345678"
    list_no: int | None = 1
    admitted_on: dt.date | None = dt.date(2005, 5, 19)
    official_on: dt.date | None = dt.date(2006, 5, 19)
    card_valid_from: dt.date | None = None
    status: str = "chinh_thuc"
    dues_category: str = "bhxh_bat_buoc"
    dues_basis: int = 0


def test_a_complete_member_has_no_errors_or_warnings():
    assert check_member(M(), TODAY) == ({}, {})


def test_required_fields_have_vietnamese_messages():
    errors, _ = check_member(M(full_name="", date_of_birth=None, gender="", admitted_on=None, official_on=None,
                               status="du_bi"), TODAY)
    assert errors == {
        "full_name": "Hãy nhập họ và tên.",
        "date_of_birth": "Hãy nhập ngày sinh.",
        "gender": "Hãy chọn giới tính.",
        "admitted_on": "Hãy nhập ngày vào Đảng.",
    }


def test_messages_follow_the_language():
    messages.set_language("en")
    errors, _ = check_member(M(full_name=""), TODAY)
    assert errors == {"full_name": "Enter the full name."}


@pytest.mark.parametrize("name", ["date_of_birth", "admitted_on", "official_on", "card_valid_from"])
def test_dates_in_the_future_are_refused(name):
    member = M(official_on=None, status="du_bi", admitted_on=dt.date(2026, 1, 1))
    setattr(member, name, dt.date(2026, 11, 23))
    errors, _ = check_member(member, TODAY)
    assert errors[name] == "Ngày 23/11/2026 ở tương lai."


def test_today_is_not_the_future():
    errors, _ = check_member(M(official_on=None, status="du_bi", admitted_on=TODAY), TODAY)
    assert errors == {}


def test_official_date_before_admission_is_refused():
    errors, _ = check_member(M(official_on=dt.date(2005, 5, 18)), TODAY)
    assert errors == {"official_on": "Ngày chính thức không được trước ngày vào Đảng."}


def test_official_date_within_probation_is_only_a_warning():
    errors, warnings = check_member(M(official_on=dt.date(2006, 5, 18)), TODAY)
    assert errors == {}
    assert warnings["official_on"].startswith("Ngày chính thức sớm hơn 12 tháng dự bị")
    assert "19/05/2006" in warnings["official_on"]


def test_official_member_without_official_date_gets_a_warning():
    errors, warnings = check_member(M(official_on=None), TODAY)
    assert errors == {} and warnings == {"official_on": "Đảng viên chính thức nên có ngày chính thức."}


def test_probationary_member_with_official_date_is_refused():
    errors, _ = check_member(M(status="du_bi"), TODAY)
    assert "status" in errors and "Chính thức" in errors["status"]


def test_admission_must_follow_birth():
    errors, _ = check_member(M(date_of_birth=dt.date(2005, 5, 19)), TODAY)
    assert errors == {"admitted_on": "Ngày vào Đảng phải sau ngày sinh."}


@pytest.mark.parametrize("born, ok", [
    (dt.date(1987, 5, 19), True),  # exactly 18 years 0 months
    (dt.date(1987, 5, 20), False),  # one day short of 18: 17 years 11 months
    (dt.date(1945, 5, 19), True),  # exactly 60 years 0 months
    (dt.date(1945, 4, 19), False),  # 60 years 1 month
])
def test_admission_age_counted_by_full_months(born, ok):
    assert admission_age_ok(born, dt.date(2005, 5, 19)) is ok
    errors, warnings = check_member(M(date_of_birth=born, cccd=""), TODAY)
    assert errors == {}
    assert ("admitted_on" not in warnings) is ok


def test_age_warning_says_the_age():
    _, warnings = check_member(M(date_of_birth=dt.date(1987, 5, 20), cccd=""), TODAY)
    assert warnings["admitted_on"].startswith("Tuổi khi vào Đảng là 17 tuổi 11 tháng, ngoài khoảng 18–60 tuổi")


@pytest.mark.parametrize("cccd", ["04008000123", "0400800012345", "04008000123A"])
def test_malformed_cccd_is_refused(cccd):
    assert cccd_error(cccd) is not None
    errors, _ = check_member(M(cccd=cccd), TODAY)
    assert errors == {"cccd": "Số CCCD phải gồm đúng 12 chữ số."}


def test_cccd_is_optional_and_spaces_between_groups_are_dropped():
    assert cccd_error("") is None
    assert normalize_cccd(" 040 080.001-234 ") == "040080001234"


def test_cccd_digits_are_checked_against_gender_and_birth_year():
    assert cccd_warning("040080001234", dt.date(1980, 1, 1), "nam") is None
    assert cccd_warning("040180001234", dt.date(1980, 1, 1), "nu") is None
    assert cccd_warning("040302001234", dt.date(2002, 1, 1), "nu") is None
    assert "giới tính" in cccd_warning("040180001234", dt.date(1980, 1, 1), "nam")
    assert "năm sinh" in cccd_warning("040081001234", dt.date(1980, 1, 1), "nam")
    assert "năm sinh" in cccd_warning("040280001234", dt.date(1980, 1, 1), "nam")  # 2080, not 1980
    assert "Mã tỉnh 039" in cccd_warning("039080001234", dt.date(1980, 1, 1), "nam")
    _, warnings = check_member(M(cccd="040180001234"), TODAY)
    assert "cccd" in warnings


def test_other_field_errors():
    errors, _ = check_member(M(gender="x", status="?", dues_category="?", dues_basis=-1, list_no=0,
                               phone="gọi sau"), TODAY)
    assert set(errors) == {"gender", "status", "dues_category", "dues_basis", "list_no", "phone"}


def test_probation_end_is_twelve_months_clamped_to_month_end():
    assert probation_end(dt.date(2025, 12, 10)) == dt.date(2026, 12, 10)
    assert probation_end(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)
    assert probation_end(None) is None


def test_status_change_rules():
    def errors(status, start=None, end=None, reason="", decision="", org=""):
        return check_status_change(status, start, end, reason, decision, org, TODAY)

    day = dt.date(2026, 1, 1)
    assert errors("active") == {}
    assert errors("nonsense") == {"activity_status": "Tình trạng sinh hoạt không hợp lệ."}
    assert set(errors("exempt")) == {"status_from", "reason"}
    assert errors("exempt", day, None, "Tuổi cao") == {}
    assert errors("exempt", day, dt.date(2025, 12, 31), "Ốm")["status_to"] == "Ngày kết thúc phải sau ngày bắt đầu."
    assert errors("temporary", day) == {"org": "Hãy nhập tổ chức đảng nơi đảng viên đang sinh hoạt chính thức."}
    assert errors("transferred_out") == {"status_from": "Hãy nhập ngày chuyển sinh hoạt.",
                                         "org": "Hãy nhập nơi chuyển đến."}
    assert set(errors("removed", day)) == {"reason", "decision"}
    assert errors("deceased") == {"status_from": "Hãy nhập ngày từ trần."}
    assert errors("deceased", dt.date(2026, 12, 1)) == {"status_from": "Ngày 01/12/2026 ở tương lai."}


def test_missing_fields_for_the_overview():
    assert missing_fields(M(), "37012345") == []
    assert missing_fields(M(), "") == ["card_no"]
    assert missing_fields(M(date_of_birth=None, cccd="", official_on=None), "") == [
        "date_of_birth", "cccd", "official_on", "card_no"]
    # A probationary member has no card yet: not missing.
    assert missing_fields(M(status="du_bi", official_on=None), "") == []


@pytest.mark.parametrize("header, field", [
    ("Họ và tên", "full_name"), ("HỌ VÀ TÊN", "full_name"), ("ho va ten", "full_name"), ("Họ  tên", "full_name"),
    ("Ngày sinh (dd/mm/yyyy)", "date_of_birth"), ("Giới tính", "gender"), ("Số CCCD", "cccd"),
    ("Căn cước", "cccd"), ("CCCD", "cccd"), ("Số thẻ đảng viên", "card_no"), ("Số thẻ", "card_no"),
    ("Số lý lịch", "ly_lich_no"), ("Số SĐV", "list_no"), ("SĐV", "list_no"), ("Ngày vào Đảng", "admitted_on"),
    ("Ngày chính thức", "official_on"), ("Chức vụ", "position_party"), ("Chức vụ Đảng", "position_party"),
    ("Chức vụ chính quyền", "position_government"), ("Điện thoại", "phone"), ("Số điện thoại", "phone"),
    ("Quê quán", "hometown"), ("Đơn vị công tác", "workplace"), ("Trình độ học vấn", "education"),
    ("Lý luận chính trị", "political_theory"), ("Tên gọi khác", "alias"), ("\u00a0Họ\u200b và tên ", "full_name"),
])
def test_import_headers_match_ignoring_case_accents_and_spacing(header, field):
    assert match_header(header)[0] == field


def test_the_file_row_counter_is_not_the_list_number():
    # "STT"/"TT" numbers the rows of the file (issue 12): a member's Số SĐV comes only from its own column.
    assert match_header("STT") is None and match_header("TT") is None and match_header("Số thứ tự") is None
    assert match_header("Chức vụ chính quyền")[1] > match_header("Chức vụ")[1]
    assert match_header("Cột lạ") is None and match_header("") is None


def test_gender_and_theory_parsing():
    assert parse_gender("Nam") == "nam" and parse_gender("NỮ") == "nu" and parse_gender("nu") == "nu"
    assert parse_gender("") == "" and parse_gender("khác") is None
    assert political_theory_key("Trung cấp") == "trung_cap"
    assert political_theory_key("CAO CẤP") == "cao_cap"
    assert political_theory_key("Cử nhân chính trị") == "cu_nhan"
    assert political_theory_key("Bồi dưỡng") == "Bồi dưỡng"


def test_names_sort_by_given_name_in_vietnamese_alphabet_and_tone_order():
    names = ["Trần Văn Đức", "Nguyễn Văn Dũng", "Lê Thị Ánh", "Phạm Thị An", "Hồ Văn Ân", "Nguyễn Văn An",
             "Lê Văn Ba", "Bùi Thị Hà", "Ngô Thị Hằng", "Võ Thị Hà"]
    assert sorted(names, key=name_sort_key) == [
        "Nguyễn Văn An", "Phạm Thị An", "Lê Thị Ánh", "Hồ Văn Ân", "Lê Văn Ba", "Nguyễn Văn Dũng", "Trần Văn Đức",
        "Bùi Thị Hà", "Võ Thị Hà", "Ngô Thị Hằng"]


def test_tidy_name_fixes_all_caps_and_all_lower_only():
    assert tidy_name("NGUYỄN VĂN ĐỨC") == "Nguyễn Văn Đức"
    assert tidy_name("  nguyễn  văn\u00a0đức ") == "Nguyễn Văn Đức"
    assert tidy_name("Lê Thị MỸ") == "Lê Thị MỸ"


def test_every_key_has_labels_in_both_languages():
    for keys, labels in ((ACTIVITY_STATUSES, ACTIVITY_LABELS), (("du_bi", "chinh_thuc"), PARTY_STATUS_LABELS),
                         (("nam", "nu"), GENDER_LABELS), (DUES_CATEGORIES, DUES_CATEGORY_LABELS),
                         (POLITICAL_THEORY_LEVELS, POLITICAL_THEORY_LABELS)):
        assert set(keys) == set(labels)
        for msg in labels.values():
            assert msg.vi and msg.en
    assert label(ACTIVITY_LABELS, "exempt") == "Miễn sinh hoạt"
    assert label(POLITICAL_THEORY_LABELS, "Bồi dưỡng") == "Bồi dưỡng"
