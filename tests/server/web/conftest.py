"""Web page tests: a real uvicorn on 127.0.0.1 over PostgreSQL, a demo cell synced up from a real laptop
store, and Debian's Chromium driven by Playwright (never `playwright install`). A missing browser skips the
browser tests on a developer machine and fails them under CI=true."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from cellsec.server.store import admin, users
from tests.server.conftest import free_port

CHROMIUM = os.environ.get("CELLSEC_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "mat-khau-rat-dai-2026"


@pytest.fixture
def db_url(postgres):
    """The web pages are tested on the production database only (the store tests cover SQLite too)."""
    return postgres.new_database()


def serve(store) -> tuple[str, object, threading.Thread]:
    import uvicorn

    from cellsec.server.api import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    return f"http://127.0.0.1:{port}", server, thread


class Site:
    """One server with two committees: ours (a demo cell synced from a laptop, an empty cell) and another."""

    def __init__(self, store, base: str, laptop, ids: dict[str, str], config: Path) -> None:
        self.store, self.base, self.laptop, self.ids, self.config = store, base, laptop, ids, config


@pytest.fixture(scope="module")
def site(postgres, tmp_path_factory):
    from cellsec.server.store.db import open_store
    from cellsec.services.demo.cell import build_demo
    from cellsec.services.facade import Services

    folder = tmp_path_factory.mktemp("web")
    old_config = os.environ.get("CELLSEC_CONFIG_DIR")
    os.environ["CELLSEC_CONFIG_DIR"] = str(folder / "config")
    store = open_store(postgres.new_database(), pool_size=5)
    with store.transaction() as s:
        ours = admin.add_committee(s, "Đảng ủy xã Nghi Lộc").id
        theirs = admin.add_committee(s, "Đảng ủy phường Bến Thủy").id
        demo, code = admin.add_cell(s, ours, "Chi bộ xóm Trung Mỹ")
        empty, _ = admin.add_cell(s, ours, "Chi bộ xóm Đông")
        other, _ = admin.add_cell(s, theirs, "Chi bộ khối 5 Bến Thủy")
        users.add_user(s, "canbo", ours, "officer", PASSWORD, "Nguyễn Thị Lan")
        users.add_user(s, "quantri", ours, "admin", PASSWORD, "Trần Văn Minh")
        users.add_user(s, "benthuy", theirs, "officer", PASSWORD, "Lê Văn Tâm")
    base, server, thread = serve(store)
    laptop = Services.open(folder / "laptop")
    build_demo(laptop, today=dt.date(2026, 11, 22))
    laptop.sync.connect(base, code, "Máy bí thư")
    laptop.sync.sync_now()
    yield Site(store, base, laptop, {"ours": ours, "theirs": theirs, "demo": demo.id, "empty": empty.id,
                                     "other": other.id}, folder / "config")
    laptop.close()
    server.should_exit = True
    thread.join(timeout=20)
    store.close()
    if old_config is None:
        os.environ.pop("CELLSEC_CONFIG_DIR", None)
    else:
        os.environ["CELLSEC_CONFIG_DIR"] = old_config


@pytest.fixture
def laptop(site, monkeypatch):
    """The demo laptop, with its device identity where it was enrolled (tests get their own config folder)."""
    monkeypatch.setenv("CELLSEC_CONFIG_DIR", str(site.config))
    return site.laptop


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        message = "Chromium not found (apt-get install chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: a missing browser fails the run)")
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("the playwright package is missing (pip install -e .[dev])")
        pytest.skip("the playwright package is missing")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
                                     args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN", accept_downloads=True)
    opened = context.new_page()
    yield opened
    context.close()


def sign_in(page, base: str, login: str = "canbo", password: str = PASSWORD):
    page.goto(f"{base}/login")
    page.fill("input[name=username]", login)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    return page


def send_to_one(form, cell_name: str) -> None:
    """Submit a publishing form to one chosen cell only."""
    form.locator("input[name=target][value=some]").check()
    form.locator("label", has_text=cell_name).locator("input").check()
    form.locator("button[type=submit]").click()
