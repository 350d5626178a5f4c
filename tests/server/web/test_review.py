"""A member's self-review page, in a real Chromium: opened from the summary table, the review's own text under
the form's parts, the committee's comments listed with who wrote them and when, a new comment written there
reaching the laptop; another committee cannot open it."""

from __future__ import annotations

import json

from cellsec.server.store import cell_view

from .conftest import sign_in


def test_the_review_page_shows_the_self_review_and_lists_the_committees_comments(site, laptop, page):
    sign_in(page, site.base)
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026")
    link = page.locator("#kiem-diem + form table tbody tr td:first-child a").first
    name = link.inner_text()
    link.click()
    review_id = page.url.rsplit("/", 1)[1]
    assert f"Bản kiểm điểm năm 2026: {name}" in page.inner_text("h1")
    with site.store.transaction() as s:
        review = cell_view.record(s, site.ids["demo"], "member_reviews", review_id)
    texts = [t for t in json.loads(review["sections"]).values() if t]
    main = page.inner_text("main")
    assert "I. Ưu điểm, kết quả đạt được" in main  # the form's parts, from the year's review rules
    assert texts and all(" ".join(t.split())[:60] in " ".join(main.split()) for t in texts)
    assert "Chưa có ý kiến nào" in main

    page.fill("#y-kien textarea[name=text]", "Đề nghị đồng chí làm rõ nguyên nhân của hạn chế thứ hai.")
    page.click("#y-kien button[type=submit]")
    assert page.url.split("#")[0].split("?")[0].endswith(f"/reviews/{review_id}")
    assert "Đã gửi ý kiến" in page.inner_text(".notice")
    comment = page.locator("#y-kien .comment").last
    assert "làm rõ nguyên nhân của hạn chế thứ hai" in comment.inner_text()
    assert "Nguyễn Thị Lan" in comment.inner_text()  # who wrote it, and when
    assert "/20" in comment.locator(".small").inner_text()

    # The summary table lists it too, and the secretary's laptop receives it at its next sync.
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026#kiem-diem")
    row = page.locator("#kiem-diem + form table tbody tr", has=page.locator(f"a[href$='/reviews/{review_id}']"))
    assert "làm rõ nguyên nhân" in row.inner_text() and "Nguyễn Thị Lan" in row.inner_text()
    laptop.sync.sync_now()
    came = [c for c in laptop.sync.committee_records("committee_comments") if c["target_id"] == review_id]
    assert [c["text"] for c in came] == ["Đề nghị đồng chí làm rõ nguyên nhân của hạn chế thứ hai."]


def test_another_committee_cannot_open_a_review(site, page):
    sign_in(page, site.base)
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026")
    href = page.locator("#kiem-diem + form table tbody tr td:first-child a").first.get_attribute("href")
    page.click("form.who button")
    sign_in(page, site.base, "benthuy")
    answer = page.goto(f"{site.base}{href}")
    assert answer.status == 404
    assert "không thuộc cấp ủy của đồng chí" in page.inner_text("main")
    answer = page.goto(f"{site.base}/cells/{site.ids['demo']}/reviews/khong-co")
    assert answer.status == 404
