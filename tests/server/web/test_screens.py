"""The main pages at a laptop's 1366×768 in Chromium, screenshotted for a human look (into the test's folder, or
CELLSEC_SCREENSHOTS when set): the overview, a cell, a member's review, the cell's dues receipts, the
committee's tables, publishing and administration. Checked on each: the page answers in Vietnamese, nothing
is wider than the window (no sideways scrolling of the whole page), no table cell's text runs out of its
cell, and panels side by side start level."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from cellsec.server.store import remittances

from .conftest import sign_in

# Elements whose text is cut (content wider than the box, hidden overflow) or the page wider than the window.
OVERFLOW = """() => {
  const wide = document.documentElement.scrollWidth > window.innerWidth + 1;
  const cut = [...document.querySelectorAll('td, th, button, label, h1, h2, a')].filter(e => {
    const s = getComputedStyle(e);
    return (s.overflowX === 'hidden' || s.textOverflow === 'ellipsis') && e.scrollWidth > e.clientWidth + 1;
  }).map(e => e.textContent.trim().slice(0, 40));
  // Panels side by side in a two-column grid start at the same height.
  const uneven = [...document.querySelectorAll('.cols')].filter(g => {
    const [a, b] = g.children;
    if (!a || !b) return false;
    const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
    return ra.left !== rb.left && Math.abs(ra.top - rb.top) > 1;
  }).map(g => g.textContent.trim().slice(0, 40));
  return {wide, cut, uneven};
}"""


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("CELLSEC_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _look(page, shots: Path, name: str, heading: str) -> None:
    assert heading in page.inner_text("h1")
    found = page.evaluate(OVERFLOW)
    assert not found["wide"], f"{name}: the page is wider than 1366 pixels"
    assert not found["cut"], f"{name}: text cut in {found['cut']}"
    assert not found["uneven"], f"{name}: panels side by side start at different heights: {found['uneven']}"
    page.screenshot(path=str(shots / f"{name}.png"), full_page=False)


def test_the_main_pages_at_1366_by_768(site, page, shots):
    with site.store.transaction() as s:  # a receipt, so the dues part shows one
        if not remittances.receipts(s, site.ids["demo"], 2026):
            remittances.record_receipt(s, site.ids["demo"], remittances.parse_period("2026-Q1"), 2_740_800,
                                       dt.date(2026, 4, 6), "Chuyển khoản", "Nguyễn Thị Lan")
    sign_in(page, site.base)
    page.goto(f"{site.base}/cells?year=2026")
    _look(page, shots, "1-tong-quan", "Các chi bộ trực thuộc")
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026")
    _look(page, shots, "2-chi-bo", "Chi bộ xóm Trung Mỹ")
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026#dang-phi")
    page.screenshot(path=str(shots / "3-dang-phi.png"))
    assert "Quý I/2026" in page.inner_text("#dang-phi ~ *") or "quý I/2026" in page.inner_text("main")
    review = page.locator("#kiem-diem + form table tbody tr td:first-child a").first
    review.click()
    _look(page, shots, "4-ban-kiem-diem", "Bản kiểm điểm năm 2026")
    page.goto(f"{site.base}/outputs?year=2026")
    _look(page, shots, "5-bao-cao", "")
    page.goto(f"{site.base}/publish")
    _look(page, shots, "6-ban-hanh", "")
    page.click("form.who button")
    sign_in(page, site.base, "quantri")
    page.goto(f"{site.base}/admin")
    _look(page, shots, "7-quan-tri", "")
