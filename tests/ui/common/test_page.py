"""Pages refresh only what a change touches, only when visible, and never for their own action."""

from __future__ import annotations

import datetime as dt

from cellsec.services.members.service import MemberInput
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.common.page import Page


class CountingPage(Page):
    WATCHES = frozenset({"members"})

    def __init__(self, services, notifier):
        super().__init__(services, notifier)
        self.refreshes = 0

    def refresh(self):
        self.refreshes += 1


def _add(services, name="Lê Văn An"):
    return services.members.add(MemberInput(
        full_name=name, date_of_birth=dt.date(1980, 1, 1), gender="nam", admitted_on=dt.date(2005, 5, 19),
        official_on=dt.date(2006, 5, 19), status="chinh_thuc"))


def test_hidden_page_refreshes_once_when_shown(qtbot, services):
    notifier = ChangeNotifier(services)
    page = CountingPage(services, notifier)
    qtbot.addWidget(page)
    _add(services)
    _add(services, "Lê Thị Bình")
    assert page.refreshes == 0  # hidden: nothing recomputed
    page.show()
    assert page.refreshes == 1
    _add(services, "Phan Văn Cường")
    assert page.refreshes == 2


def test_one_action_is_announced_once_and_not_to_its_initiator(qtbot, services):
    notifier = ChangeNotifier(services)
    page, other = CountingPage(services, notifier), CountingPage(services, notifier)
    for widget in (page, other):
        qtbot.addWidget(widget)
        widget.show()
    heard = []
    notifier.changed.connect(heard.append)
    with notifier.action(page):
        _add(services)
        _add(services, "Lê Thị Bình")
    assert len(heard) == 1 and heard[0].initiator is page and len(heard[0].ids) >= 2
    assert page.refreshes == 0 and other.refreshes == 1


def test_changes_elsewhere_are_ignored(qtbot, services):
    notifier = ChangeNotifier(services)
    page = CountingPage(services, notifier)
    qtbot.addWidget(page)
    page.show()
    services.meetings.create("thuong_ky", dt.date(2026, 3, 5))
    assert page.refreshes == 0
