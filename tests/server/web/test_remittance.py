"""Dues remitted to the committee, in a real Chromium: the officer records a receipt on the cell's page, sees
it against what the cell was expected to remit, on the overview and in the committee's dues table; bad
input is explained in Vietnamese beside the form with what was typed kept; the laptop pulls the receipt
and its cancellation."""

from __future__ import annotations

import datetime as dt
import re
from contextlib import closing

from cellsec.server.store import remittances

from .conftest import sign_in
from .test_security import _client

FORM = "form#ghi-nhan-dang-phi"


def _record(page, period: str, amount: str, on: str, note: str = "") -> None:
    page.select_option(f"{FORM} select[name=period]", period)
    page.fill(f"{FORM} input[name=amount]", amount)
    page.fill(f"{FORM} input[name=received_on]", on)
    page.fill(f"{FORM} input[name=note]", note)
    page.click(f"{FORM} button[type=submit]")


def _row(page, label: str):
    return page.locator("#nop-dang-phi ~ div.remit tbody tr", has=page.locator("td:first-child", has_text=label))


def test_the_officer_records_a_remittance_and_the_laptop_receives_it(site, laptop, page):
    sign_in(page, site.base)
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026")
    march = _row(page, "Tháng 03/2026")
    expected = march.locator("td").nth(1).inner_text()
    assert "chưa nhận" in march.inner_text() and expected != "0"  # the demo's March collection, not remitted yet

    _record(page, "2026-Q1", "1.250.000", "2026-04-06", "chuyển khoản")
    assert "Đã ghi nhận đảng phí nộp lên quý I/2026" in page.inner_text(".notice")
    quarter = _row(page, "Quý I/2026")
    assert "1.250.000" in quarter.inner_text() and "chuyển khoản" in quarter.inner_text()
    assert "Nguyễn Thị Lan" in quarter.inner_text()  # who recorded it
    assert _row(page, "Tháng 03/2026").count() == 0  # the quarter covers its months
    # The form now starts on the first month over and not received, not on January again.
    assert page.input_value(f"{FORM} select[name=period]") == "2026-04"

    page.goto(f"{site.base}/cells?q=trung+my")
    assert "đã nhận 1.250.000" in page.inner_text("table.overview tbody")
    page.goto(f"{site.base}/outputs?year=2026")
    assert "1.250.000" in page.inner_text("main")

    result = laptop.sync.sync_now()
    assert "dues_remittance_receipts" in result.came_down
    [receipt] = laptop.sync.committee_records("dues_remittance_receipts")
    assert (receipt["period"], receipt["amount"], receipt["received_on"]) == ("2026-Q1", 1_250_000, "2026-04-06")
    assert "quý I/2026: 1.250.000 đồng" in receipt["title"]  # what the laptop's Đồng bộ page lists

    # Cancelled by mistake-correction: gone from the page, and from the laptop at its next sync.
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026")
    _row(page, "Quý I/2026").locator("button", has_text="Hủy").click()
    assert "Đã hủy phiếu ghi nhận quý I/2026" in page.inner_text(".notice")
    assert _row(page, "Quý I/2026").count() == 0
    laptop.sync.sync_now()
    assert laptop.sync.committee_records("dues_remittance_receipts") == []


def test_bad_receipts_are_explained_beside_the_form_and_nothing_is_recorded(site, page):
    sign_in(page, site.base)
    page.goto(f"{site.base}/cells/{site.ids['demo']}?year=2026")
    _record(page, "2026-05", "12,5", "2026-06-03", "nộp tiền mặt")
    error = page.locator(f"{FORM} .error")
    assert "Số tiền không hợp lệ: \"12,5\"" in error.inner_text()
    # What was typed is still there, to correct rather than retype.
    assert page.input_value(f"{FORM} input[name=note]") == "nộp tiền mặt"
    assert page.input_value(f"{FORM} select[name=period]") == "2026-05"

    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    _record(page, "2026-05", "500.000", tomorrow)
    assert "chưa đến" in page.inner_text(f"{FORM} .error")
    _record(page, "2026-05", "500.000", "2026-04-30")
    assert "trước kỳ nộp tháng 05/2026" in page.inner_text(f"{FORM} .error")

    _record(page, "2026-05", "500.000", "2026-06-03")
    assert "Đã ghi nhận" in page.inner_text(".notice")
    _record(page, "2026-Q2", "1.500.000", "2026-07-03")  # the quarter holds the May already received
    assert "Đã ghi nhận đảng phí tháng 05/2026 của chi bộ này (500.000 đồng" in page.inner_text(f"{FORM} .error")
    assert _row(page, "Quý II/2026").count() == 0 and _row(page, "Tháng 05/2026").count() == 1
    _row(page, "Tháng 05/2026").locator("button", has_text="Hủy").click()  # leave the cell as it was


def test_receipts_are_refused_to_another_committee_and_without_the_csrf_token(site):
    receipt = {"period": "2026-08", "amount": "900.000", "received_on": "2026-09-02", "note": "<b>giả</b>"}
    with closing(_client(site, "benthuy")) as theirs:
        token = re.search(r'name="csrf_token" value="([^"]+)"', theirs.get("/cells").text).group(1)
        assert theirs.post(f"/cells/{site.ids['demo']}/remittances",
                           data={**receipt, "csrf_token": token}).status_code == 404
    with closing(_client(site)) as ours:
        refused = ours.post(f"/cells/{site.ids['demo']}/remittances", data=receipt)
        assert refused.status_code == 403 and "Biểu mẫu không hợp lệ" in refused.text
    with site.store.transaction() as s:
        assert remittances.receipts(s, site.ids["demo"], 2026) == []
