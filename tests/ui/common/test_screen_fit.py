"""Every window fits a 1366×768 laptop with a 40 px taskbar (1366×728 available) at 100, 125 and 150 %
scaling, with its buttons reachable and its form not squeezed below its minimum (it scrolls instead); a
window opens again where the user left it, maximised or not.

QT_SCALE_FACTOR only works when set before the QApplication exists, so each scaling runs
tests/ui/app/screen_probe.py in its own process on a copy of the demo cell."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from cellsec.ui.common import screen_fit
from tests.conftest import copy_demo

PROBE = Path(__file__).resolve().parents[1] / "app" / "screen_probe.py"
SCREEN = {"windowFrameMargins": True, "screens": [
    {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 728, "logicalDpi": 96, "logicalBaseDpi": 96,
     "dpr": 1}]}


def _probe(tmp_path: Path, demo_template: Path, scale: str) -> list[dict]:
    data = copy_demo(demo_template, tmp_path / f"data-{scale}")
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN))
    env = dict(os.environ, QT_SCALE_FACTOR=scale, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               PYTHONPATH=str(PROBE.parents[3]))
    done = subprocess.run([sys.executable, "-X", "faulthandler", str(PROBE), str(data)], env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


@pytest.mark.parametrize("scale", ["1", "1.25", "1.5"])
def test_every_window_opens_fully_on_a_1366x728_screen(tmp_path, demo_template, scale):
    windows = _probe(tmp_path, demo_template, scale)
    names = {w["name"] for w in windows}
    assert {"MainWindow-DuesPage", "MeetingEditor", "SetupWizard", "ReviewEditor", "ScoreSheetDialog-meeting",
            "MemberDialog", "RubricEditDialog"} <= names
    for w in windows:
        ax, ay, aw, ah = w["available"]
        x, y, width, height = w["geometry"]
        assert aw == round(1366 / float(scale)) or aw == int(1366 / float(scale)), w
        # The client area plus a title bar (Windows: 31 px) and borders stays inside the available area.
        assert x >= ax and y >= ay, w
        assert x + width + screen_fit.BORDER <= ax + aw, w
        assert y + height + screen_fit.TITLE_BAR <= ay + ah, w
        # Not squeezed below what its contents need (a long form scrolls instead of being cut).
        min_w, min_h = w["minimum"]
        assert width >= min_w and height >= min_h, w
        assert w["buttons_outside"] == [], w


@pytest.fixture
def fitter(qapp, data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    yield screen_fit.install(qapp, data_dir)
    screen_fit.uninstall(qapp)


class LongForm(QDialog):
    """A dialog whose form is taller than any laptop screen."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        rows = QApplication.primaryScreen().availableGeometry().height() // 20 + 10
        for i in range(rows):
            layout.addWidget(QLabel(f"Trường {i}"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)


LongForm.__module__ = "cellsec.ui.test_form"  # the fitter handles the program's own windows only


def test_a_long_form_scrolls_and_its_buttons_stay_on_screen(qtbot, fitter):
    dialog = LongForm()
    qtbot.addWidget(dialog)
    dialog.show()
    area = dialog.screen().availableGeometry()
    assert dialog.height() + screen_fit.TITLE_BAR <= area.height()
    ok = dialog.buttons.buttons()[0]
    inside = QRect(0, 0, dialog.width(), dialog.height())
    assert inside.contains(QRect(ok.mapTo(dialog, ok.rect().topLeft()), ok.size()))
    assert dialog.findChild(QLabel, "").parentWidget().objectName() == "scrolledForm"


def test_a_window_opens_again_where_it_was_left_maximised_or_not(qtbot, fitter):
    first = LongForm()
    qtbot.addWidget(first)
    first.show()
    first.resize(430, 300)
    first.move(40, 30)
    first.hide()
    again = LongForm()
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (430, 300)
    assert (again.x(), again.y()) == (40, 30)
    again.showMaximized()
    again.hide()
    third = LongForm()
    qtbot.addWidget(third)
    third.show()
    assert third.isMaximized()


def test_a_stretched_column_keeps_its_heading_whole_and_the_table_scrolls_instead(qtbot):
    from PySide6.QtWidgets import QHeaderView, QTableWidget

    table = QTableWidget(3, 4)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["Ngày", "Loại", "Buổi sinh hoạt", "Bộ tiêu chí"])
    for column in (0, 1, 3):
        table.setColumnWidth(column, 160)
    screen_fit.stretch_at_least(table, 2)
    header = table.horizontalHeader()
    heading = header.sectionSizeFromContents(2).width()
    table.resize(900, 200)
    table.show()
    qtbot.waitExposed(table)
    qtbot.waitUntil(lambda: header.sectionResizeMode(2) == QHeaderView.ResizeMode.Stretch)
    assert header.sectionSize(2) > heading  # room to spare: it fills it
    table.resize(420, 200)  # a laptop at 125 %, beside a side panel
    qtbot.waitUntil(lambda: header.sectionSize(2) >= heading)
    assert table.horizontalScrollBar().maximum() > 0  # the table scrolls sideways instead
    table.resize(900, 200)
    qtbot.waitUntil(lambda: header.sectionResizeMode(2) == QHeaderView.ResizeMode.Stretch)
