"""Administration of accounts in a real Chromium: an administrator creates an officer's account, the officer
signs in and sees the committee's cells; the administrator locks the account and the officer can no longer
sign in, then unlocks it."""

from __future__ import annotations

from .conftest import PASSWORD, sign_in


def test_an_administrator_creates_locks_and_unlocks_an_officers_account(site, page):
    sign_in(page, site.base, "quantri")
    page.goto(f"{site.base}/admin")
    form = page.locator("form[action='/admin/users']")
    form.locator("input[name=login]").fill("pho.ban")
    form.locator("input[name=display_name]").fill("Hồ Thị Thu")
    form.locator("select[name=role]").select_option("officer")
    form.locator("input[name=password]").fill(PASSWORD)
    form.locator("button[type=submit]").click()
    row = page.locator("tr", has=page.locator("td", has_text="pho.ban"))
    assert "Hồ Thị Thu" in row.inner_text() and "Cán bộ" in row.inner_text()
    page.click("form.who button")

    sign_in(page, site.base, "pho.ban")
    assert page.url.endswith("/cells") and "Chi bộ xóm Trung Mỹ" in page.inner_text("table.overview")
    assert page.locator("a", has_text="Quản trị").count() == 0  # an officer manages nothing
    page.click("form.who button")

    sign_in(page, site.base, "quantri")
    page.goto(f"{site.base}/admin")
    page.locator("tr", has=page.locator("td", has_text="pho.ban")).locator("button", has_text="Khóa").click()
    page.click("form.who button")
    sign_in(page, site.base, "pho.ban")
    assert page.url.endswith("/login")  # a locked account does not get in, even with its password

    sign_in(page, site.base, "quantri")
    page.goto(f"{site.base}/admin")
    page.locator("tr", has=page.locator("td", has_text="pho.ban")).locator("button", has_text="Mở khóa").click()
    page.click("form.who button")
    sign_in(page, site.base, "pho.ban")
    assert page.url.endswith("/cells")
