"""The user guide: F1 opens the page about the page on screen, the Trợ giúp menu its contents; every page of
the guide is Vietnamese, and its links and pictures are shipped with it."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from cellsec.ui.app.help import PAGE_GUIDES, guide_dir, guide_page
from cellsec.ui.app.main_window import PAGES, MainWindow


def test_f1_opens_the_guide_about_the_page_on_screen(qtbot, services):
    window = MainWindow(services)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_page("MembersPage")
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    guide = window.guide
    assert guide.isVisible()
    assert guide.browser.source().fileName() == "dang-vien.html"
    assert "Nhập từ tệp" in guide.browser.toPlainText()
    assert window.help_menu.title() == "Trợ &giúp"
    titles = [a.text() for a in window.help_menu.actions() if a.text()]
    assert "Hướng dẫn về trang &này" in titles
    window.contents_action.trigger()
    assert guide.browser.source().fileName() == "index.html"
    assert "Bắt đầu trong ngày đầu tiên" in guide.browser.toPlainText()
    guide.browser.setSource(guide.browser.source().resolved(guide.browser.source().__class__("sinh-hoat.html")))
    assert "Thông qua biên bản" in guide.browser.toPlainText()


def test_every_page_has_its_guide_and_every_link_and_picture_exists():
    assert set(PAGE_GUIDES) == {name for _m, name, _t in PAGES}
    for page in guide_dir().glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'lang="vi"' in text
        for target in re.findall(r'(?:href|src)="([^"#:]+)"', text):
            assert (guide_dir() / target).is_file(), (page.name, target)
    assert guide_page(None).name == "index.html"
    pictures = list((guide_dir() / "img").glob("*.png"))
    assert pictures and all(p.stat().st_size < 60_000 for p in pictures)  # small enough to ship
