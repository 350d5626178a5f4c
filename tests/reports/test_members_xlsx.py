"""The member list workbook: header on row 1, real dates, text identity numbers, and re-import."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from cellsec.reports.members_xlsx import COLUMNS, write_members_xlsx

from .conftest import make_members

HEADERS = ["Họ và tên", "Tên gọi khác", "Ngày sinh", "Giới tính", "Số CCCD", "Số điện thoại", "Số thẻ đảng viên",
           "Số lý lịch", "Số SĐV", "Ngày vào Đảng", "Ngày chính thức", "Trạng thái", "Tình trạng sinh hoạt",
           "Chức vụ Đảng", "Chức vụ chính quyền", "Chức vụ đoàn thể", "Trình độ học vấn", "Lý luận chính trị",
           "Quê quán", "Đơn vị công tác"]


def test_header_dates_and_text_cells(tmp_path, cell, members):
    path = write_members_xlsx(cell, members, tmp_path / "ds.xlsx")
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == HEADERS == [h for h, _, _ in COLUMNS]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == f"A1:T{len(members) + 1}"
    first = {h: c for h, c in zip(HEADERS, ws[2])}
    assert first["Họ và tên"].value == "Nguyễn Văn Đức"
    born = first["Ngày sinh"]
    assert born.is_date and born.value.date() == dt.date(1972, 3, 14) and born.number_format == "DD/MM/YYYY"
    assert first["Số CCCD"].value == "040000000001" and first["Số CCCD"].data_type == "s"  # leading zero kept
    assert first["Số SĐV"].value == 1
    assert first["Giới tính"].value == "Nam" and first["Trạng thái"].value == "Chính thức"
    assert first["Tình trạng sinh hoạt"].value == "Đang sinh hoạt" and first["Lý luận chính trị"].value == "Trung cấp"
    names = [r[0].value for r in ws.iter_rows(min_row=2)]
    assert "Lê Văn Chuyển" in names and len(names) == len(members)  # an export keeps everyone given
    probation = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "Võ Thị Mỹ Duyên")
    assert probation[10].value is None and probation[11].value == "Dự bị"
    assert ws.column_dimensions["A"].width >= len("Hoàng Thị Phương Thảo")


def test_export_reimports_without_changes(tmp_path, services):
    from cellsec.services.members.service import MemberInput

    for m in make_members()[:6]:
        services.members.add(MemberInput(**{f: getattr(m, f) for f in MemberInput.__dataclass_fields__}))
    stored = services.members.list()
    path = write_members_xlsx(services.cell.get(), stored, tmp_path / "ds.xlsx")
    preview = services.importer.preview(path, today=dt.date(2026, 2, 5))
    assert preview.header_row == 1
    for header in ("Họ và tên", "Ngày sinh", "Số CCCD", "Số thẻ đảng viên", "Số SĐV", "Ngày vào Đảng",
                   "Ngày chính thức", "Chức vụ Đảng", "Quê quán", "Đơn vị công tác"):
        assert header in preview.columns, header
    assert not preview.to_add and not preview.rejected
    assert len(preview.rows) == 6
