"""Issue 15, no lost update in the commitments dialog: commitments registered or changed elsewhere (a second
window or the command line on the same data) while the dialog is open are not overwritten; the typed text
stays; a change made elsewhere shows the banner, or — with nothing typed — simply shows the stored version."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from cellsec.services.reviews.records import CommitmentInput
from cellsec.ui.reviews.commitments import CommitmentsDialog

from ..conftest import type_text
from ..elsewhere import CHANGED, KEEP_MINE, RELOAD, STAY, change_elsewhere, poll_from, save_answering
from .windows_data import add_members, show

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture
def member(services):
    return add_members(services)[1]


def _theirs(member_id: str, text: str):
    return lambda other: other.reviews.save_commitment(member_id, YEAR, CommitmentInput(midyear_check=text),
                                                       today=TODAY)


def test_commitments_registered_elsewhere_meanwhile_are_not_overwritten(qtbot, services, data_dir, member, boxes):
    dialog = show(qtbot, CommitmentsDialog(services, YEAR, member, today=TODAY))
    type_text(dialog.midyear, "Hoàn thành tốt.")
    change_elsewhere(data_dir, _theirs(member, "Ghi ở cửa sổ khác."))  # none existed when the dialog opened

    saved, seen = save_answering(dialog.save, STAY)
    assert not saved and CHANGED in seen[0] and "Kiểm tra giữa năm" in seen[0]
    assert dialog.midyear.toPlainText() == "Hoàn thành tốt."
    assert services.reviews.get_commitment(member, YEAR).midyear_check == "Ghi ở cửa sổ khác."

    saved, _ = save_answering(dialog.save, RELOAD)
    assert not saved and dialog.midyear.toPlainText() == "Ghi ở cửa sổ khác." and not dialog.is_dirty()

    type_text(dialog.midyear, "Của tôi: ")
    change_elsewhere(data_dir, _theirs(member, "Lần hai."))
    saved, _ = save_answering(dialog.save, KEEP_MINE)
    assert saved and services.reviews.get_commitment(member, YEAR).midyear_check == "Của tôi: Ghi ở cửa sổ khác."


def test_a_change_elsewhere_shows_the_banner_or_the_stored_version(qtbot, services, data_dir, member, boxes):
    poll = poll_from(services)
    dialog = show(qtbot, CommitmentsDialog(services, YEAR, member, today=TODAY))
    change_elsewhere(data_dir, _theirs(member, "Từ dòng lệnh."))
    poll.look_outside()
    banner = dialog.elsewhere_banner
    # Nothing typed here: the stored version is shown at once, and the banner only says so.
    assert dialog.midyear.toPlainText() == "Từ dòng lệnh." and banner.isVisible()
    assert "đang hiện bản mới nhất" in banner.label.text() and not banner.reload_button.isVisible()
    qtbot.mouseClick(banner.keep_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()

    type_text(dialog.midyear, "Đang sửa ")
    change_elsewhere(data_dir, _theirs(member, "Lần nữa."))
    poll.look_outside()
    assert banner.isVisible() and banner.reload_button.isVisible()
    assert dialog.midyear.toPlainText() == "Đang sửa Từ dòng lệnh."  # the typing is kept under the banner
    qtbot.mouseClick(banner.reload_button, Qt.MouseButton.LeftButton)
    assert dialog.midyear.toPlainText() == "Lần nữa." and not banner.isVisible() and not dialog.is_dirty()
