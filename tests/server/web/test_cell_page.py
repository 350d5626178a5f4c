"""A cell's page and the actions on it, in a real Chromium: every part of the cell's records (who needs
attention, members with their histories, meetings with attendance and scores, dues, sync history), an approved
resolution read in the page and downloaded as the laptop's own PDF; the cell's "5 tốt" recognition and its own
classification, and a guidance document with its file to chosen cells, each reaching the laptop through a
real sync; the overview's stale marking follows the configured number of days."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from cellsec.server.store import cell_view

from .conftest import send_to_one, sign_in


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_a_cells_page_shows_every_part_of_its_records(site, page):
    sign_in(page, site.base)
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026")
    attention = page.inner_text("#chu-y + table")
    assert "Đậu Văn Lực" in attention and "Đủ căn cứ xem xét" in attention
    members = page.locator("#dang-vien + table tbody tr")
    assert members.count() >= 20 and "Thẻ " in members.first.inner_text()  # the history column
    meetings = page.inner_text("#sinh-hoat + table")
    assert "Có mặt" in meetings and "/" in page.locator("#sinh-hoat + table tbody tr td:nth-child(4)").first.inner_text()
    assert "Đã thông qua" in meetings
    assert "Cộng" in page.inner_text("#dang-phi + table")
    sync = page.inner_text("main")
    assert "Máy bí thư" in sync and "Máy tính của chi bộ" in sync


def test_an_approved_resolution_downloads_as_the_laptops_print(site, page, tmp_path):
    from cellsec.reports.minutes import write_resolution

    sign_in(page, site.base)
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026")
    link = page.locator("#sinh-hoat + table a[href$='/resolution.pdf']").first
    meeting_id = link.get_attribute("href").split("/")[-2]
    with page.expect_download() as download:
        link.click()
    web_pdf = tmp_path / "web.pdf"
    download.value.save_as(web_pdf)
    laptop_pdf = write_resolution(site.laptop, meeting_id, tmp_path / "laptop.pdf")
    assert _text(web_pdf) == _text(laptop_pdf) and "NGHỊ QUYẾT" in _text(web_pdf)
    page.goto(f"{site.base}/cells/{site.ids['demo']}/meetings/{meeting_id}")
    assert "NGHỊ QUYẾT" in page.inner_text("main")  # readable in the page too


def test_the_cells_recognition_and_its_own_level_reach_the_laptop(site, laptop, page):
    sign_in(page, site.base)
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026")
    form = page.locator("form[action$='/recognition']")
    form.locator("input[name=number]").fill("31-QĐ/ĐU")
    form.locator("input[name=date]").fill("2026-12-02")
    form.locator("button[type=submit]").click()
    assert "Đã công nhận \"Chi bộ 5 tốt\": quyết định 31-QĐ/ĐU ngày 02/12/2026" in page.inner_text("#diem ~ div.cols")
    page.select_option("select[name=cell_level]", "htt")
    page.fill("form[action$='/decisions'] input[name=number]", "32-QĐ/ĐU")
    page.fill("form[action$='/decisions'] input[name=date]", "2026-12-03")
    page.click("text=Ghi quyết định xếp loại các mức đã chọn")
    assert "Đã ghi" in page.inner_text(".notice")
    laptop.sync.sync_now()
    [recognition] = laptop.sync.committee_records("five_good_recognitions")
    assert (recognition["year"], recognition["decision_number"]) == (2026, "31-QĐ/ĐU")
    [own] = [d for d in laptop.sync.committee_records("classification_decisions") if d["subject"] == "cell"]
    assert (own["level"], own["decision_number"], own["decision_date"], own["year"]) == \
        ("htt", "32-QĐ/ĐU", "2026-12-03", 2026)


def test_a_guidance_document_with_its_file_goes_to_the_chosen_cells_only(site, laptop, page, tmp_path):
    attachment = tmp_path / "mau-bao-cao.docx"
    attachment.write_bytes(b"PK\x03\x04 mau bao cao thang")
    sign_in(page, site.base)
    page.goto(f"{site.base}/publish")
    form = page.locator("form[action='/publish/guidance']")
    form.locator("input[name=title]").fill("Hướng dẫn báo cáo tháng")
    form.locator("input[name=number]").fill("05-HD/ĐU")
    form.locator("input[name=date]").fill("2026-11-30")
    form.locator("textarea[name=body]").fill("Gửi báo cáo trước ngày 25 hằng tháng.")
    form.locator("input[type=file]").set_input_files(str(attachment))
    send_to_one(form, "Chi bộ xóm Trung Mỹ")
    assert "Đã gửi văn bản hướng dẫn" in page.inner_text(".notice")
    laptop.sync.sync_now()
    [guidance] = laptop.sync.committee_records("guidance_documents")
    assert (guidance["title"], guidance["document_number"], guidance["document_date"], guidance["file_name"]) == \
        ("Hướng dẫn báo cáo tháng", "05-HD/ĐU", "2026-11-30", "mau-bao-cao.docx")
    assert guidance["body"] == "Gửi báo cáo trước ngày 25 hằng tháng."
    saved = tmp_path / "saved.docx"
    laptop.sync.save_attachment(guidance, saved)
    assert saved.read_bytes() == attachment.read_bytes()
    with site.store.transaction() as s:
        assert cell_view.records(s, site.ids["empty"], "guidance_documents") == []


def test_a_cell_is_marked_stale_after_the_configured_number_of_days(site, page):
    from cellsec.server.web.overview import is_stale, overview_row

    sign_in(page, site.base)
    never = page.locator("tr", has=page.locator("a", has_text="Chi bộ xóm Đông")).locator("td").nth(2)
    synced = page.locator("tr", has=page.locator("a", has_text="Chi bộ xóm Trung Mỹ")).locator("td").nth(2)
    assert "late" in never.get_attribute("class") and "chưa đồng bộ" in never.inner_text()
    assert "late" not in (synced.get_attribute("class") or "")
    assert "vừa xong" in synced.inner_text() or "trước" in synced.inner_text()  # how long ago
    # Sorting is a header link: by members, most first.
    page.click("table.overview th a:has-text('Đảng viên')")
    page.click("table.overview th a:has-text('Đảng viên')")
    assert page.locator("table.overview tbody td:first-child a").all_inner_texts() == [
        "Chi bộ xóm Trung Mỹ", "Chi bộ xóm Đông"]
    assert "dir=desc" in page.url and "sort=members" in page.url
    last = dt.datetime(2026, 10, 1, 9, tzinfo=dt.timezone.utc)
    now = dt.datetime(2026, 10, 20, 9, tzinfo=dt.timezone.utc)
    cell = ("c", "Chi bộ", last, 1, {**_figures(), "name": "Chi bộ"})
    assert not is_stale(overview_row(cell, 2026, now.date(), 45), now)
    assert is_stale(overview_row(cell, 2026, now.date(), 14), now)  # a committee that wants two weeks


def _figures():
    from cellsec.server.store.overview import _blank

    return _blank()
