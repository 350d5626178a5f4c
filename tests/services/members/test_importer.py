import dataclasses
import datetime as dt
import unicodedata
import zipfile

import pytest

from cellsec.domain import vn_encodings
from cellsec.services.errors import ServiceError
from cellsec.services.members.service import MemberInput, MemberQuery
from cellsec.store.db import DB_NAME
from tests import dbfile

TODAY = dt.date(2026, 11, 22)
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số thẻ đảng viên", "Ngày vào Đảng",
          "Ngày chính thức", "Chức vụ", "Điện thoại", "Quê quán"]
ROWS = [
    ["1", "Nguyễn Văn Đức", "05/02/1980", "Nam", "040080001234", "37012345", "19/5/2005", "19/05/2006", "Bí thư",
     "0912345678", "Hưng Nguyên, Nghệ An"],
    ["2", "Trần Thị Hồng", "1981-03-04", "Nữ", "040181002345", "37012346", "2/9/2010", "02/09/2011", "Phó Bí thư",
     "", "Nam Đàn, Nghệ An"],
    ["3", "Lê Văn Dũng", "12/12/1999", "Nam", "040099003456", "", "01/06/2026", "", "", "", ""],
]


def windows_1258(text):
    """Vietnamese as Windows-1258 stores it: letters with circumflex, breve or horn precomposed, tones as
    combining marks."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", parts[0] + "".join(c for c in parts[1:] if c in "\u0302\u0306\u031b"))
        out.append(base + "".join(c for c in parts[1:] if c not in "\u0302\u0306\u031b"))
    return "".join(out).encode("cp1258")


def write_csv(path, rows, *, delimiter=",", bom=True, encoding="utf-8"):
    def cell(value):
        text = str(value)
        return f'"{text}"' if any(c in text for c in (delimiter, '"', "\n")) else text

    text = "\r\n".join(delimiter.join(cell(v) for v in row) for row in rows) + "\r\n"
    if encoding == "cp1258":
        data = windows_1258(text)
    elif encoding == "tcvn3":
        data = vn_encodings.encode_tcvn3(text)
    else:
        data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def write_xlsx(path, rows, *, title_rows=()):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in title_rows:
        ws.append(row)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def audit_count(data_dir):
    with dbfile.connect(data_dir / DB_NAME) as conn:
        return conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def names(services):
    return [m.full_name for m in services.members.list(MemberQuery(sort="list_no"))]


def test_csv_with_bom_previews_then_imports_every_valid_row(services, tmp_path):
    path = write_csv(tmp_path / "ds.csv", [HEADER, *ROWS])
    preview = services.importer.preview(path, today=TODAY)
    assert preview.kind == "csv" and preview.header_row == 1
    assert preview.columns["Chức vụ"] == "position_party"
    assert "STT" in preview.ignored_columns  # the file's row numbers are not the members' list numbers
    assert [(r.row, r.action) for r in preview.rows] == [(2, "add"), (3, "add"), (4, "add")]
    assert services.members.list() == []  # a preview writes nothing
    result = services.importer.commit(preview, today=TODAY)
    assert (result.imported, result.updated, result.rejected) == (3, 0, [])
    duc = services.members.list(MemberQuery(text="nguyen van duc"))[0]
    assert duc.date_of_birth == dt.date(1980, 2, 5) and duc.admitted_on == dt.date(2005, 5, 19)
    assert duc.status == "chinh_thuc" and duc.position_party == "Bí thư" and duc.card_no == "37012345"
    assert duc.list_no is None and duc.gender == "nam" and duc.hometown == "Hưng Nguyên, Nghệ An"
    dung = services.members.list(MemberQuery(text="dung"))[0]
    assert dung.status == "du_bi" and dung.official_on is None  # no official date = probationary
    assert services.members.card_history(duc.id)[0].card_no == "37012345"


def test_csv_without_bom_with_semicolons_and_quoted_cells(services, tmp_path):
    rows = [HEADER, [*ROWS[0][:10], "Xóm 3; xã Hưng Nguyên"], ROWS[1]]
    path = write_csv(tmp_path / "ds.csv", rows, delimiter=";", bom=False)
    result = services.importer.commit(services.importer.preview(path, today=TODAY), today=TODAY)
    assert result.imported == 2
    assert services.members.list(MemberQuery(text="duc"))[0].hometown == "Xóm 3; xã Hưng Nguyên"


def test_excel_unicode_text_export_is_read(services, tmp_path):
    path = tmp_path / "ds.txt"
    path.write_bytes("\r\n".join("\t".join(r) for r in [HEADER, ROWS[0]]).encode("utf-16"))
    assert [r.action for r in services.importer.preview(path, today=TODAY).rows] == ["add"]


@pytest.mark.parametrize("encoding, label", [("cp1258", "Windows-1258"), ("tcvn3", "TCVN3 (ABC)")])
def test_old_vietnamese_encodings_are_recognised_and_converted_to_nfc(services, tmp_path, encoding, label):
    rows = [HEADER, *ROWS, ["4", "NGUYỄN THỊ HƯỜNG", "01/01/1970", "Nữ", "", "", "19/05/2000", "", "", "",
                             "Quỳnh Lưu, Nghệ An"]]
    path = write_csv(tmp_path / "ds.csv", rows, bom=False, encoding=encoding)
    preview = services.importer.preview(path, today=TODAY)
    assert preview.encoding == label
    # The preview shows the decoded names, so the user can see the letters came out right.
    assert [r.name for r in preview.rows] == ["Nguyễn Văn Đức", "Trần Thị Hồng", "Lê Văn Dũng", "Nguyễn Thị Hường"]
    services.importer.commit(preview, today=TODAY)
    duc = services.members.list(MemberQuery(text="duc"))[0]
    assert duc.hometown == "Hưng Nguyên, Nghệ An" and duc.position_party == "Bí thư"
    assert all(unicodedata.is_normalized("NFC", m.full_name + m.hometown) for m in services.members.list())


def test_bytes_in_no_known_encoding_are_refused_with_a_clear_message(services, tmp_path, data_dir):
    path = tmp_path / "ds.csv"
    path.write_bytes("Họ và tên,Ngày sinh\n日本語の名前,01/01/1980\n".encode("shift_jis", errors="replace")
                     .replace(b"H", b"X\xff\xfe\xfd"))
    before = audit_count(data_dir)
    with pytest.raises(ServiceError) as err:
        services.importer.preview(path)
    assert "không đọc được bằng bảng mã nào đã biết" in err.value.message and "CSV UTF-8" in err.value.message
    assert audit_count(data_dir) == before and services.members.list() == []


def test_a_file_that_cannot_be_read_is_refused_in_vietnamese(services, tmp_path, monkeypatch):
    import errno

    from cellsec.services.members import import_read

    path = write_csv(tmp_path / "ds.csv", [HEADER, ROWS[0]])

    def locked_by_excel(_path):  # Windows refuses to read a workbook Excel holds open
        raise PermissionError(errno.EACCES, "Permission denied", str(_path))

    monkeypatch.setattr(import_read, "_open", locked_by_excel)
    with pytest.raises(ServiceError) as err:
        services.importer.preview(path)
    assert err.value.message == "Không đọc được tệp ds.csv (không có quyền ghi hoặc đọc ở vị trí này)."


def test_xlsx_with_title_rows_real_dates_and_numbers_from_excel(services, tmp_path):
    header = ["TT", "Họ và tên", "Ngày sinh", "Giới tính", "CCCD", "Số thẻ", "Ngày vào Đảng", "Ngày chính thức",
              "Chức vụ Đảng", "Chức vụ chính quyền", "Số điện thoại", "Lý luận chính trị", "Trình độ học vấn"]
    rows = [
        header,
        [1, "Hồ Sỹ Nam", dt.datetime(1987, 2, 28), "Nam", 40087019929, 37240138, dt.datetime(2011, 5, 19),
         40682, "Chi ủy viên", "Trưởng xóm", 912345678, "Trung cấp", "12/12"],
        [],
        [2.0, "Đậu Thị Lực", "20/06/1971", "Nữ", "040171785594", "", dt.date(2002, 9, 2), None, "", "", "", "", ""],
    ]
    title = [["ĐẢNG BỘ XÃ HƯNG NGUYÊN"], ["DANH SÁCH ĐẢNG VIÊN CHI BỘ XÓM TRUNG MỸ"]]
    path = write_xlsx(tmp_path / "ds.xlsx", rows, title_rows=title)
    preview = services.importer.preview(path, today=TODAY)
    assert preview.kind == "xlsx" and preview.header_row == 3
    assert [(r.row, r.action) for r in preview.rows] == [(4, "add"), (6, "add")]
    assert any("số 0 ở đầu" in w for w in preview.rows[0].warnings)
    services.importer.commit(preview, today=TODAY)
    nam = services.members.list(MemberQuery(text="ho sy nam"))[0]
    assert nam.cccd == "040087019929" and nam.card_no == "37240138" and nam.phone == "0912345678"
    assert nam.date_of_birth == dt.date(1987, 2, 28) and nam.official_on == dt.date(2011, 5, 19)  # serial 40682
    assert nam.position_party == "Chi ủy viên" and nam.position_government == "Trưởng xóm"
    assert nam.political_theory == "trung_cap" and nam.education == "12/12" and nam.list_no is None  # "TT"
    luc = services.members.list(MemberQuery(text="luc"))[0]
    assert luc.gender == "nu" and luc.status == "du_bi"


def test_bad_dates_and_values_reject_the_row_with_its_spreadsheet_number(services, tmp_path):
    rows = [HEADER,
            ["1", "Lê Văn A", "31/02/1990", "Nam", "", "", "01/01/2015", "", "", "", ""],
            ["2", "Lê Văn B", "01/01/1990", "Không rõ", "", "", "01/01/2015", "", "", "", ""],
            ["3", "Lê Văn C", "01/01/1990", "Nam", "04009000", "", "01/01/2015", "", "", "", ""],
            ["x", "Lê Văn D", "01/01/1990", "Nam", "", "", "01/01/2030", "", "", "", ""],
            ["", "", "", "", "", "", "", "", "", "", ""],
            ["5", "Lê Văn E", "01/01/1990", "Nam", "", "", "01/01/2015", "01/01/2014", "", "", ""],
            ["6", "Lê Văn F", "01/01/1990", "Nam", "", "", "01/01/2015", "", "", "", ""]]
    path = write_csv(tmp_path / "ds.csv", rows)
    preview = services.importer.preview(path, today=TODAY)
    rejected = {r.row: r.reason for r in preview.rejected}
    assert rejected == {
        2: 'Ngày sinh: Ngày "31/02/1990" không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/02/2026.',
        3: 'Giới tính: "Không rõ" không phải Nam hoặc Nữ.',
        4: "Số CCCD: Số CCCD phải gồm đúng 12 chữ số.",
        5: "Ngày vào Đảng: Ngày 01/01/2030 ở tương lai.",
        7: "Ngày chính thức: Ngày chính thức không được trước ngày vào Đảng.",
    }
    assert [r.row for r in preview.to_add] == [8]
    result = services.importer.commit(preview, today=TODAY)
    assert result.imported == 1 and names(services) == ["Lê Văn F"]


def test_a_bare_year_in_an_excel_date_cell_is_refused(services, tmp_path):
    rows = [["Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng"], ["Trần Văn Hiếu", 1955, "Nam", 1980]]
    preview = services.importer.preview(write_xlsx(tmp_path / "ds.xlsx", rows), today=TODAY)
    assert preview.rows[0].action == "reject"
    assert 'Ngày sinh: Ngày "1955" không hợp lệ' in preview.rows[0].reason


def test_duplicate_cccd_or_card_inside_the_file_is_rejected(services, tmp_path):
    copy = ["4", "Nguyễn Văn Đức (trùng)", "05/02/1980", "Nam", "040080001234", "", "19/5/2005", "19/05/2006", "", "",
            ""]
    card = ["5", "Phan Văn Toàn", "05/02/1960", "Nam", "", "37012346", "19/5/1985", "19/05/1986", "", "", ""]
    path = write_csv(tmp_path / "ds.csv", [HEADER, *ROWS, copy, card])
    preview = services.importer.preview(path, today=TODAY)
    assert {r.row: r.reason for r in preview.rejected} == {
        5: "Trùng số CCCD với dòng 2 trong tệp.", 6: "Trùng số thẻ đảng viên với dòng 3 trong tệp."}
    result = services.importer.commit(preview, today=TODAY)
    assert result.imported == 3 and len(services.members.list()) == 3


def test_reimport_updates_and_never_duplicates(services, tmp_path):
    path = write_csv(tmp_path / "ds.csv", [HEADER, *ROWS])
    services.importer.commit(services.importer.preview(path, today=TODAY), today=TODAY)
    again = services.importer.commit(services.importer.preview(path, today=TODAY), today=TODAY)
    assert (again.imported, again.updated, again.unchanged) == (0, 3, 3)
    assert len(services.members.list()) == 3

    changed = [list(r) for r in ROWS]
    changed[0][9] = "0988777666"  # new phone for Đức (matched by CCCD)
    changed[1][4] = ""  # Hồng without CCCD: matched by card number
    changed[1][8] = "Bí thư"
    path = write_csv(tmp_path / "ds2.csv", [HEADER, *changed])
    preview = services.importer.preview(path, today=TODAY)
    assert [(r.action, r.changed) for r in preview.rows] == [("update", True), ("update", True), ("update", False)]
    result = services.importer.commit(preview, today=TODAY)
    assert (result.imported, result.updated, result.unchanged) == (0, 3, 1)
    members = {m.full_name: m for m in services.members.list()}
    assert len(members) == 3
    assert members["Nguyễn Văn Đức"].phone == "0988777666"
    assert members["Trần Thị Hồng"].position_party == "Bí thư"
    assert members["Trần Thị Hồng"].cccd == "040181002345"  # an empty cell does not erase what is known


def test_update_keeps_fields_the_file_does_not_have(services, tmp_path):
    existing = services.members.add(MemberInput(
        full_name="Nguyễn Văn Đức", date_of_birth=dt.date(1980, 2, 5), gender="nam", cccd="040080001234",
        admitted_on=dt.date(2005, 5, 19), official_on=dt.date(2006, 5, 19), status="chinh_thuc",
        phone="0911000222", workplace="UBND xã", dues_basis=7_000_000))
    path = write_csv(tmp_path / "ds.csv", [["Họ và tên", "CCCD", "Đơn vị công tác"],
                                           ["Nguyễn Văn Đức", "040080001234", "Trường THCS"]])
    result = services.importer.commit(services.importer.preview(path, today=TODAY), today=TODAY)
    assert result.updated == 1
    after = services.members.get(existing.id)
    assert after.workplace == "Trường THCS" and after.phone == "0911000222" and after.dues_basis == 7_000_000
    assert after.status == "chinh_thuc"


def test_a_reissued_card_in_the_file_starts_a_new_history_entry(services, tmp_path):
    existing = services.members.add(MemberInput(
        full_name="Hồ Sỹ Nam", date_of_birth=dt.date(1987, 2, 28), gender="nam", cccd="040087019929",
        admitted_on=dt.date(2011, 5, 19), official_on=dt.date(2012, 5, 19), status="chinh_thuc",
        card_no="37621299", card_valid_from=dt.date(2012, 10, 6)))
    path = write_csv(tmp_path / "ds.csv", [["Họ và tên", "CCCD", "Số thẻ đảng viên"],
                                           ["Hồ Sỹ Nam", "040087019929", "40123456"]])
    services.importer.commit(services.importer.preview(path, today=TODAY), today=TODAY)
    assert [(c.card_no, c.valid_from) for c in services.members.card_history(existing.id)] == [
        ("37621299", dt.date(2012, 10, 6)), ("40123456", None)]


def test_cccd_and_card_pointing_to_different_members_is_rejected(services, tmp_path):
    base = dict(date_of_birth=dt.date(1980, 2, 5), gender="nam", admitted_on=dt.date(2005, 5, 19),
                official_on=dt.date(2006, 5, 19), status="chinh_thuc")
    services.members.add(MemberInput(full_name="Nguyễn Văn A", cccd="040080001234", **base))
    services.members.add(MemberInput(full_name="Nguyễn Văn B", card_no="37012345", **base))
    path = write_csv(tmp_path / "ds.csv", [["Họ và tên", "CCCD", "Số thẻ"], ["Nguyễn Văn A", "040080001234", "37012345"]])
    row = services.importer.preview(path, today=TODAY).rows[0]
    assert row.action == "reject"
    assert "Số CCCD trùng với đồng chí Nguyễn Văn A nhưng số thẻ đảng viên trùng với đồng chí Nguyễn Văn B" in row.reason


def test_import_is_one_mutation_and_one_undo(services, tmp_path, data_dir):
    path = write_csv(tmp_path / "ds.csv", [HEADER, *ROWS])
    before = audit_count(data_dir)
    services.importer.commit(services.importer.preview(path, today=TODAY), today=TODAY)
    assert audit_count(data_dir) == before + 1
    assert services.last_undoable()[1] == "Nhập danh sách đảng viên từ tệp ds.csv: thêm 3, cập nhật 0"
    services.undo_last()
    assert services.members.list() == []


def test_rejected_rows_write_nothing_and_nothing_valid_means_no_mutation(services, tmp_path, data_dir):
    rows = [HEADER, ["1", "Lê Văn A", "31/02/1990", "Nam", "040090000001", "", "01/01/2015", "", "", "", ""]]
    path = write_csv(tmp_path / "ds.csv", rows)
    before = audit_count(data_dir)
    result = services.importer.commit(services.importer.preview(path, today=TODAY), today=TODAY)
    assert result.imported == 0 and len(result.rejected) == 1
    assert audit_count(data_dir) == before and services.members.list() == []


def test_a_stale_preview_is_not_committed(services, tmp_path):
    path = write_csv(tmp_path / "ds.csv", [HEADER, ROWS[0]])
    preview = services.importer.preview(path, today=TODAY)
    services.members.add(MemberInput(full_name="Nguyễn Văn Đức", date_of_birth=dt.date(1980, 2, 5), gender="nam",
                                     cccd="040080001234", admitted_on=dt.date(2005, 5, 19)))
    with pytest.raises(ServiceError) as err:
        services.importer.commit(preview, today=TODAY)
    assert "đã thay đổi từ lúc xem trước" in err.value.message
    assert len(services.members.list()) == 1


def test_text_pasted_from_word_is_cleaned(services, tmp_path):
    rows = [["Họ\u00a0và tên\u200b", "Ngày\u00a0sinh", "Giới tính", "Ngày vào Đảng", "Quê quán"],
            ["\u200bNguyễn\u00a0Văn  Đức\u00ad", "05/02/1980", "Nam\u200b", "19/05/2005", "Hưng\u00a0Nguyên\u200c"]]
    preview = services.importer.preview(write_csv(tmp_path / "ds.csv", rows), today=TODAY)
    services.importer.commit(preview, today=TODAY)
    duc = services.members.list()[0]
    assert duc.full_name == "Nguyễn Văn Đức" and duc.hometown == "Hưng Nguyên" and duc.gender == "nam"


def test_separate_family_and_given_name_columns(services, tmp_path):
    rows = [["Họ và tên đệm", "Tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng"],
            ["Trần Thị Hồng", "Nhung", "21/08/1981", "Nữ", "19/05/2007"]]
    preview = services.importer.preview(write_csv(tmp_path / "ds.csv", rows), today=TODAY)
    assert preview.rows[0].name == "Trần Thị Hồng Nhung"


@pytest.mark.parametrize("name, content, expected", [
    ("ds.xlsx", b"this is not a zip file at all", "Không đọc được tệp Excel ds.xlsx"),
    ("ds.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Excel 97–2003 (.xls)"),
    ("ds.pdf", b"%PDF-1.4 ...", "Chỉ nhập được tệp CSV hoặc Excel (.xlsx)"),
    ("ds.csv", b"", "không có dữ liệu"),
    ("ds.csv", "Số thứ tự,Ghi chú\n1,abc\n".encode(), "Không tìm thấy cột \"Họ và tên\""),
    ("ds.csv", b"\x00\x01\x02binary\x00", "không phải tệp CSV"),
])
def test_broken_files_give_a_clear_message_and_write_nothing(services, tmp_path, data_dir, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    before = audit_count(data_dir)
    with pytest.raises(ServiceError) as err:
        services.importer.preview(path)
    assert expected in err.value.message
    assert audit_count(data_dir) == before


def test_a_zip_that_is_not_a_workbook_is_refused(services, tmp_path):
    path = tmp_path / "ds.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ServiceError) as err:
        services.importer.preview(path)
    assert "Không đọc được tệp Excel" in err.value.message


def test_missing_file(services, tmp_path):
    with pytest.raises(ServiceError) as err:
        services.importer.preview(tmp_path / "khong-co.csv")
    assert err.value.message == "Không tìm thấy tệp khong-co.csv."


def test_workbook_with_a_cover_sheet_uses_the_sheet_with_the_list(services, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Bìa"
    wb.active["A1"] = "Báo cáo"
    ws = wb.create_sheet("Danh sách")
    ws.append(["Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng"])
    ws.append(["Võ Thị Mai", "27/11/1987", "Nữ", "19/05/2016"])
    wb.save(tmp_path / "ds.xlsx")
    preview = services.importer.preview(tmp_path / "ds.xlsx", today=TODAY)
    assert [(r.row, r.action, r.name) for r in preview.rows] == [(2, "add", "Võ Thị Mai")]


def test_reimporting_an_export_keeps_who_has_left(services, tmp_path):
    """An exported list also holds members who left; importing it into an empty registry must not bring
    them back as active, and a status that differs from the registry is reported, not changed."""
    import csv as csv_module

    path = tmp_path / "xuat.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv_module.writer(fh)
        writer.writerow(["Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Trạng thái", "Tình trạng sinh hoạt",
                         "Số CCCD"])
        writer.writerow(["Nguyễn Văn Ân", "01/02/1950", "Nam", "03/02/1975", "Chính thức", "Đã từ trần", ""])
        writer.writerow(["Lê Thị Bình", "05/06/1990", "Nữ", "19/05/2025", "Dự bị", "Đang sinh hoạt", "040190001234"])
        writer.writerow(["Trần Văn Chí", "05/06/1980", "Nam", "19/05/2010", "Chính thức", "Nghỉ hưu", ""])
    preview = services.importer.preview(path, today=dt.date(2026, 11, 22))
    assert [r.action for r in preview.rows] == ["add", "add", "reject"]
    assert "không phải tình trạng sinh hoạt đã biết" in preview.rows[2].reason
    services.importer.commit(preview, today=dt.date(2026, 11, 22))
    members = {m.full_name: m for m in services.members.list()}
    assert members["Nguyễn Văn Ân"].activity_status == "deceased"
    assert members["Nguyễn Văn Ân"].status == "chinh_thuc"
    assert members["Lê Thị Bình"].activity_status == "active" and members["Lê Thị Bình"].status == "du_bi"
    assert [h.activity_status for h in services.members.status_history(members["Nguyễn Văn Ân"].id)] == ["deceased"]

    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv_module.writer(fh)
        writer.writerow(["Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Tình trạng sinh hoạt", "Số CCCD"])
        writer.writerow(["Lê Thị Bình", "05/06/1990", "Nữ", "19/05/2025", "Miễn sinh hoạt", "040190001234"])
    again = services.importer.preview(path, today=dt.date(2026, 11, 22))
    assert again.rows[0].action == "update"
    assert any("không tự đổi khi nhập tệp" in w for w in again.rows[0].warnings)
    services.importer.commit(again, today=dt.date(2026, 11, 22))
    assert services.members.get(members["Lê Thị Bình"].id).activity_status == "active"


def _counting_reads(monkeypatch):
    from cellsec.services.members.import_read import TableSource

    reads = []
    real = TableSource.rows

    def rows(self):
        reads.append(self.path.name)
        return real(self)

    monkeypatch.setattr(TableSource, "rows", rows)
    return reads


def test_the_import_writes_what_the_preview_planned_without_reading_the_file_again(services, tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "ds.xlsx", [HEADER, *ROWS])
    preview = services.importer.preview(path, today=TODAY)
    reads = _counting_reads(monkeypatch)
    result = services.importer.commit(preview, today=TODAY)
    assert reads == [] and result.imported == 3
    assert sorted(names(services)) == sorted(r[1] for r in ROWS)


def test_a_store_changed_since_the_preview_is_planned_again_from_the_file(services, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "ds.csv", [HEADER, *ROWS[:2]])
    preview = services.importer.preview(path, today=TODAY)
    # Another member added meanwhile (here, or by another process): the plan is made again against it.
    services.members.add(MemberInput(full_name="Phạm Văn Khác", date_of_birth=dt.date(1970, 1, 1), gender="nam",
                                     admitted_on=dt.date(2000, 1, 1)))
    reads = _counting_reads(monkeypatch)
    assert services.importer.commit(preview, today=TODAY).imported == 2
    assert reads == ["ds.csv"] and len(services.members.list()) == 3
    # ... and so is a preview made on another day (the checks depend on the date)
    path = write_csv(tmp_path / "ds2.csv", [HEADER, ROWS[2]])
    preview = services.importer.preview(path, today=TODAY)
    reads.clear()
    assert services.importer.commit(preview, today=TODAY + dt.timedelta(days=1)).imported == 1
    assert reads == ["ds2.csv"]


def test_a_card_date_in_the_file_corrects_the_current_card_entry_only(services, tmp_path):
    base = dict(gender="nam", admitted_on=dt.date(2011, 5, 19), official_on=dt.date(2012, 5, 19), status="chinh_thuc")
    first = services.members.add(MemberInput(full_name="Hồ Sỹ Nam", date_of_birth=dt.date(1987, 2, 28),
                                             cccd="040087019929", card_no="37621299",
                                             card_valid_from=dt.date(2012, 10, 6), **base))
    member = services.members.get(first.id)
    services.members.update(first.id, dataclasses.replace(member.as_input(), card_no="40123456",
                                                          card_valid_from=dt.date(2020, 1, 1)))
    other = services.members.add(MemberInput(full_name="Lê Văn Tư", date_of_birth=dt.date(1985, 1, 2),
                                             cccd="040085000001", card_no="37000001", **base))
    path = write_csv(tmp_path / "ds.csv", [["Họ và tên", "CCCD", "Số thẻ đảng viên", "Ngày cấp thẻ"],
                                           ["Hồ Sỹ Nam", "040087019929", "40123456", "02/01/2020"],
                                           ["Lê Văn Tư", "040085000001", "37000001", "03/03/2003"]])
    assert services.importer.commit(services.importer.preview(path, today=TODAY), today=TODAY).updated == 2
    assert [(c.card_no, c.valid_from) for c in services.members.card_history(first.id)] == [
        ("37621299", dt.date(2012, 10, 6)), ("40123456", dt.date(2020, 1, 2))]
    assert [(c.card_no, c.valid_from) for c in services.members.card_history(other.id)] == [
        ("37000001", dt.date(2003, 3, 3))]
