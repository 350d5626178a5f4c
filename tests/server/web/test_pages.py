"""The committee's pages in a real headless Chromium: sign in, own cells only, a cell, a minutes PDF identical
in text to the laptop's print, a decision and a rubric reaching the laptop through a real sync."""

from __future__ import annotations

import json

from pypdf import PdfReader

from .conftest import send_to_one, sign_in

RUBRIC = {
    "format": "cellsec-rubrics", "format_version": 1,
    "rubrics": [{"key": "nghi-loc.sinh-hoat", "version": 1, "name": "Tiêu chí sinh hoạt của Đảng ủy xã Nghi Lộc",
                 "effective_from": "2026-01-01", "target": "meeting", "meeting_types": ["thuong_ky"],
                 "max_points": 10, "groups": [{"id": "g1", "title": "Chuẩn bị", "max_points": 10, "criteria": [
                     {"id": "c1", "text": "Có chương trình sinh hoạt", "max_points": 10}]}],
                 "bands": [{"label": "Tốt", "min_points": 8}, {"label": "Chưa đạt", "min_points": 0}]}],
}


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_an_officer_signs_in_and_sees_only_the_cells_of_their_committee(site, page):
    sign_in(page, site.base)
    assert page.url.endswith("/cells")
    names = page.locator("table.overview tbody td:first-child a").all_inner_texts()
    assert sorted(names) == ["Chi bộ xóm Trung Mỹ", "Chi bộ xóm Đông"]
    assert "Bến Thủy" not in page.inner_text("main")
    row = page.locator("tr", has=page.locator("a", has_text="Chi bộ xóm Trung Mỹ"))
    assert "Nguyễn Văn Hùng" in row.inner_text()  # the secretary, from the synced cell record
    assert row.locator(".m.approved").count() >= 10  # the demo year's approved minutes, month by month
    # Filtering and sorting are plain query parameters.
    page.fill("input[name=q]", "dong")
    page.click("form.filters button[type=submit]")
    assert page.locator("table.overview tbody td:first-child a").all_inner_texts() == ["Chi bộ xóm Đông"]


def test_a_cell_opens_from_the_overview_and_its_minutes_pdf_is_the_laptops_print(site, page, tmp_path):
    from cellsec.reports.minutes import write_minutes

    sign_in(page, site.base)
    page.click("text=Chi bộ xóm Trung Mỹ")
    assert page.url.endswith(f"/cells/{site.ids['demo']}")
    assert page.locator("#dang-vien + table tbody tr").count() >= 20
    first = page.locator("#sinh-hoat + table tbody tr", has=page.locator(".badge.approved")).first
    first.locator("td:nth-child(2) a").click()
    meeting_id = page.url.rsplit("/", 1)[1]
    assert "II. THÀNH PHẦN THAM DỰ" in page.inner_text("article.document")
    with page.expect_download() as download:
        page.click("text=Tải biên bản (PDF)")
    web_pdf = tmp_path / "web.pdf"
    download.value.save_as(web_pdf)
    laptop_pdf = write_minutes(site.laptop, meeting_id, tmp_path / "laptop.pdf")
    assert _text(web_pdf) == _text(laptop_pdf)
    assert "BIÊN BẢN" in _text(web_pdf)


def test_a_decision_recorded_on_the_page_arrives_on_the_laptop_at_its_next_sync(site, laptop, page):
    sign_in(page, site.base)
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026")
    row = page.locator("#kiem-diem + form table tbody tr").first
    name = row.locator("td").first.inner_text()
    row.locator("select").select_option("htt")
    chosen = sum(1 for select in page.locator("#kiem-diem + form tbody select").all() if select.input_value())
    page.fill("form[action$='/decisions'] input[name=number]", "27-QĐ/ĐU")
    page.fill("form[action$='/decisions'] input[name=date]", "2026-12-20")
    page.click("text=Ghi quyết định xếp loại các mức đã chọn")
    assert "Đã ghi" in page.inner_text(".notice")
    before = {d["id"] for d in laptop.sync.committee_records("classification_decisions")}
    result = laptop.sync.sync_now()
    assert "classification_decisions" in result.came_down
    # The summary table offers the cell's proposals as they are: one post decides the whole table.
    came = [d for d in laptop.sync.committee_records("classification_decisions") if d["id"] not in before]
    assert len(came) == chosen > 1
    [decision] = [d for d in came if laptop.members.get(d["member_id"]).full_name == name]
    assert (decision["decision_number"], decision["level"], decision["subject"]) == ("27-QĐ/ĐU", "htt", "member")
    assert decision["decision_date"] == "2026-12-20"


def test_a_rubric_published_on_the_page_arrives_on_the_laptop(site, laptop, page, tmp_path):
    path = tmp_path / "tieu-chi.json"
    path.write_text(json.dumps(RUBRIC, ensure_ascii=False), encoding="utf-8")
    sign_in(page, site.base)
    page.click("text=Ban hành")
    form = page.locator("form[action='/publish/rubric']")
    form.locator("input[type=file]").set_input_files(str(path))
    form.locator("button[type=submit]").click()
    assert "Đã ban hành 1 bộ tiêu chí" in page.inner_text(".notice")
    laptop.sync.sync_now()
    names = [r["name"] for r in laptop.sync.committee_records("committee_rubrics")]
    assert "Tiêu chí sinh hoạt của Đảng ủy xã Nghi Lộc" in names


def test_a_review_rule_set_published_to_chosen_cells_reaches_only_those(site, laptop, page):
    from cellsec.paths import resources_dir

    sign_in(page, site.base)
    page.goto(f"{site.base}/publish")
    form = page.locator("form[action='/publish/rubric']")
    form.locator("input[type=file]").set_input_files(str(resources_dir() / "rules" / "review_2025.json"))
    send_to_one(form, "Chi bộ xóm Trung Mỹ")
    assert "bộ quy tắc kiểm điểm" in page.inner_text(".notice")
    laptop.sync.sync_now()
    [rules] = laptop.sync.committee_records("committee_rule_sets")
    assert (rules["key"], rules["version"]) == ("review_2025", 1)
    from cellsec.server.store import cell_view

    with site.store.transaction() as s:
        assert cell_view.records(s, site.ids["empty"], "committee_rule_sets") == []


def test_a_comment_on_a_members_review_reaches_the_secretary(site, laptop, page):
    sign_in(page, site.base)
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026")
    box = page.locator("#kiem-diem + form tbody input[name=text]").first
    review_id = box.get_attribute("form")[3:]
    box.fill("Đề nghị bổ sung phần cam kết tu dưỡng.")
    page.locator(f"button[form='cm-{review_id}']").click()
    assert "Đã gửi ý kiến" in page.inner_text(".notice")
    assert "Đề nghị bổ sung phần cam kết tu dưỡng." in page.inner_text("#kiem-diem + form")
    laptop.sync.sync_now()
    [comment] = [c for c in laptop.sync.committee_records("committee_comments") if c["target_id"] == review_id]
    assert (comment["target_entity"], comment["text"]) == ("member_reviews", "Đề nghị bổ sung phần cam kết tu dưỡng.")
    assert comment["author"] == "Nguyễn Thị Lan"


def test_the_cells_synced_page_layout_shapes_the_pdf_the_committee_downloads(site, laptop, page, tmp_path):
    import dataclasses

    from cellsec.reports.minutes import write_minutes

    laptop.layout.set(dataclasses.replace(laptop.layout.get(), zero_pad_dates=False))  # "ngày 5 tháng 1"
    laptop.sync.sync_now()
    sign_in(page, site.base)
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026")
    link = page.locator("#sinh-hoat + table a", has_text="Tải PDF").first
    meeting_id = link.get_attribute("href").split("/")[-2]
    with page.expect_download() as download:
        link.click()
    web_pdf = tmp_path / "web.pdf"
    download.value.save_as(web_pdf)
    laptop_pdf = write_minutes(laptop, meeting_id, tmp_path / "laptop.pdf")
    assert _text(web_pdf) == _text(laptop_pdf)
    assert "ngày 5 tháng 1 năm 2026" in _text(web_pdf)


def test_after_an_upgrade_the_overview_answers_at_once_and_fills_in_from_the_background(site, page, monkeypatch):
    import time

    from cellsec.server.store import overview
    from cellsec.server.web import overview as overview_page

    # An upgrade changed the figures' shape: every cached row is out of date, and this process has no copy.
    monkeypatch.setattr(overview, "FIGURES_VERSION", 99)
    monkeypatch.setattr(overview, "INLINE_LIMIT", 1)  # 2 cells: more than a request computes itself
    monkeypatch.setattr(overview, "_memory", {})
    monkeypatch.setattr(overview_page, "_rows", {})
    sign_in(page, site.base)
    first = page.inner_text("main")
    assert "Đang tính lại số liệu của 2 chi bộ" in first and "đang cập nhật số liệu" in first
    deadline = time.monotonic() + 60
    while "Đang tính lại" in page.inner_text("main") and time.monotonic() < deadline:
        time.sleep(0.2)
        page.reload()
    assert "đang cập nhật" not in page.inner_text("main")
    row = page.locator("tr", has=page.locator("a", has_text="Chi bộ xóm Trung Mỹ"))
    assert row.locator(".m.approved").count() >= 10
