"""Security of the committee's pages: another committee's cell, forms without the CSRF token, the lock-out
after five wrong passwords, HTML in a cell's data shown as text, cookies and headers."""

from __future__ import annotations

import re
from contextlib import closing

import httpx

from cellsec.server.store import users

from .conftest import PASSWORD, sign_in


def _client(site, login: str = "canbo") -> httpx.Client:
    client = httpx.Client(base_url=site.base, follow_redirects=False, timeout=60)
    form = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    signed = client.post("/login", data={"username": login, "password": PASSWORD, "csrf_token": token})
    assert signed.status_code == 303, signed.text
    return client


def test_another_committees_cell_is_not_found_by_changing_the_url(site, page):
    sign_in(page, site.base)
    for path in (f"/cells/{site.ids['other']}", f"/cells/{site.ids['other']}/meetings/x/minutes.pdf"):
        response = page.goto(site.base + path)
        assert response.status == 404
        assert "Không tìm thấy" in page.inner_text("main")
        assert "Bến Thủy" not in page.content()
    # ...and their officer cannot open ours either, nor act on it.
    with closing(_client(site, "benthuy")) as theirs:
        assert theirs.get(f"/cells/{site.ids['demo']}").status_code == 404
        token = re.search(r'name="csrf_token" value="([^"]+)"', theirs.get("/cells").text).group(1)
        posted = theirs.post(f"/cells/{site.ids['demo']}/recognition",
                             data={"csrf_token": token, "year": "2026", "number": "1-QĐ", "date": "2026-12-01"})
        assert posted.status_code == 404


def test_a_form_without_the_csrf_token_is_refused_and_writes_nothing(site):
    with closing(_client(site)) as client:
        refused = client.post(f"/cells/{site.ids['empty']}/recognition",
                              data={"year": "2026", "number": "9-QĐ/ĐU", "date": "2026-12-01"})
        assert refused.status_code == 403 and "Biểu mẫu không hợp lệ" in refused.text
        forged = client.post(f"/cells/{site.ids['empty']}/recognition",
                             data={"csrf_token": "doan-bua", "year": "2026", "number": "9-QĐ/ĐU", "date": "2026-12-01"})
        assert forged.status_code == 403
        assert "9-QĐ/ĐU" not in client.get(f"/cells/{site.ids['empty']}?year=2026").text
    anonymous = httpx.post(f"{site.base}/login", data={"username": "canbo", "password": PASSWORD})
    assert anonymous.status_code == 403  # the sign-in form needs its token too


def test_five_wrong_passwords_lock_the_account_for_a_while(site, page):
    with site.store.transaction() as s:
        users.add_user(s, "khoa-thu", site.ids["ours"], "officer", PASSWORD)
    for attempt in range(5):
        sign_in(page, site.base, "khoa-thu", "mat-khau-sai-lan-nua")
        assert page.url.endswith("/login")
    assert "tạm khóa" in page.inner_text(".error")
    sign_in(page, site.base, "khoa-thu", PASSWORD)  # the right password, too late
    assert "tạm khóa" in page.inner_text(".error") and page.url.endswith("/login")


def test_html_in_a_cells_data_is_shown_as_text(site, laptop, page):
    import datetime as dt

    from cellsec.services.members.service import MemberInput

    name = "<script>alert(1)</script>"
    laptop.members.add(MemberInput(full_name=name, date_of_birth=dt.date(1990, 1, 1), gender="nam",
                                   admitted_on=dt.date(2020, 1, 1), status="du_bi"))
    laptop.sync.sync_now()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page, site.base)
    page.goto(f"{site.base}/cells/{site.ids['demo']}")
    assert name in page.inner_text("#dang-vien + table")
    assert page.locator("script").count() == 0 and dialogs == []


def test_cookies_are_http_only_and_same_site_and_pages_forbid_scripts(site, page):
    sign_in(page, site.base)
    [cookie] = [c for c in page.context.cookies() if c["name"] == "cellsec_session"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    response = page.goto(f"{site.base}/cells")
    assert "script-src" not in response.headers["content-security-policy"]  # default-src 'none' covers it
    assert "default-src 'none'" in response.headers["content-security-policy"]
    page.click("text=Đăng xuất")
    assert page.url.endswith("/login")
    assert page.goto(f"{site.base}/cells").url.startswith(f"{site.base}/login")
