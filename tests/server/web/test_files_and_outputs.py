"""A laptop's transfer file through the upload page and back; the committee's tables as XLSX and PDF;
an administrator's new cell with its enrollment code shown as text and QR code; one committee at a time."""

from __future__ import annotations

import datetime as dt
import re

from openpyxl import load_workbook
from pypdf import PdfReader

from cellsec.services.members.service import MemberInput

from .conftest import sign_in


def test_a_transfer_file_uploaded_on_the_page_comes_back_as_the_answer_file(site, laptop, page, tmp_path):
    member = laptop.members.add(MemberInput(full_name="Hồ Thị Tệp", date_of_birth=dt.date(1991, 2, 3), gender="nu",
                                            admitted_on=dt.date(2021, 5, 6), status="du_bi"))
    outgoing = tmp_path / "chi-bo.cellsec-sync"
    laptop.sync.export_file(outgoing)
    with site.store.transaction() as s:
        from cellsec.server.store import admin

        admin.add_recognition(s, site.ids["demo"], 2026, "88-QĐ/ĐU", dt.date(2026, 12, 1))
    sign_in(page, site.base)
    page.click("text=Nhận tệp đồng bộ")
    page.set_input_files("input[name=file]", str(outgoing))
    with page.expect_download() as download:
        page.click("text=Nhận tệp và tải tệp trả lời")
    answer = tmp_path / "tra-loi.cellsec-sync"
    download.value.save_as(answer)
    assert download.value.suggested_filename.endswith(".cellsec-sync")
    laptop.sync.import_file(answer)
    assert any(r["decision_number"] == "88-QĐ/ĐU" for r in laptop.sync.committee_records("five_good_recognitions"))
    page.goto(f"{site.base}/cells/{site.ids['demo']}")
    assert "Hồ Thị Tệp" in page.inner_text("#dang-vien + table")
    assert member.id  # the member came up through the file
    # The same file again changes nothing and says so.
    page.goto(f"{site.base}/import")
    page.set_input_files("input[name=file]", str(outgoing))
    page.click("text=Nhận tệp và tải tệp trả lời")
    assert "đã được nhập" in page.inner_text("main")


def test_the_committees_tables_download_as_xlsx_and_pdf(site, page, tmp_path):
    sign_in(page, site.base)
    page.goto(f"{site.base}/outputs?year=2026")
    assert page.locator("svg.chart").count() == 2
    with page.expect_download() as xlsx:
        page.click("a[href='/outputs/sinh-hoat.xlsx?year=2026']")
    path = tmp_path / "sinh-hoat.xlsx"
    xlsx.value.save_as(path)
    sheet = load_workbook(path).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Đảng ủy xã Nghi Lộc"
    demo_row = next(r for r in values if r[1] == "Chi bộ xóm Trung Mỹ")
    assert demo_row[2:13].count("Đ") >= 10  # January to November approved in the demo year
    with page.expect_download() as pdf:
        page.click("a[href='/outputs/dang-phi.pdf?year=2026']")
    pdf_path = tmp_path / "dang-phi.pdf"
    pdf.value.save_as(pdf_path)
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf_path)).pages)
    assert "ĐẢNG ỦY XÃ NGHI LỘC" in text and "Chi bộ xóm Trung Mỹ" in text and "Bến Thủy" not in text


def test_an_administrator_adds_a_cell_and_gets_its_code_as_text_and_qr(site, page):
    sign_in(page, site.base, "quantri")
    page.click("text=Quản trị")
    page.fill("form[action='/admin/cells'] input[name=name]", "Chi bộ xóm Bắc")
    page.click("text=Tạo chi bộ và cấp mã kết nối")
    code = page.inner_text(".code")
    assert re.fullmatch(r"[A-Z0-9]{5}-[A-Z0-9]{5}", code)
    assert page.locator(".qr svg").count() == 1
    page.goto(f"{site.base}/cells")
    assert "Chi bộ xóm Bắc" in page.inner_text("table.overview")


def test_an_officer_cannot_open_the_administration(site, page):
    sign_in(page, site.base)
    assert "Quản trị" not in page.inner_text("header")
    assert page.goto(f"{site.base}/admin").status == 403


def test_an_administrator_revokes_a_laptop_and_it_can_no_longer_sync(site, page):
    from cellsec.server.store import admin
    from tests.server.device import Laptop

    with site.store.transaction() as s:
        code = admin.new_enrollment_code(s, site.ids["empty"])
    spare = Laptop(site.base, name="Máy cũ của xóm Đông")
    assert spare.enroll(code).status_code == 201
    assert spare.pull().status_code == 200
    sign_in(page, site.base, "quantri")
    page.goto(f"{site.base}/admin")
    row = page.locator("tr", has_text="Máy cũ của xóm Đông")
    row.locator("button", has_text="Thu hồi").click()
    assert "Đã thu hồi" in page.inner_text(".notice")
    assert "đã thu hồi" in page.locator("tr", has_text="Máy cũ của xóm Đông").inner_text()
    refused = spare.pull()
    assert refused.status_code == 403 and refused.json()["error"] == "revoked"
    spare.close()
