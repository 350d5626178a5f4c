"""Printing and exporting minutes, resolutions and the minutes book from the window.

The document is rendered on a worker thread (busy indicator, the window never freezes). A printout is a
PDF written to the data folder's "printouts" subfolder and then offered to the system's PDF viewer, which
prints it (Qt for Python's essentials wheel has no PDF renderer to drive a QPrintDialog). A Word export
asks where to save the file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..common.workers import run_in_background

PRINTOUTS = "printouts"


def _write_with_fallback(write, path: Path) -> Path:
    """A PDF still open in a viewer cannot be replaced on Windows: write beside it under a new name."""
    try:
        return write(path)
    except PermissionError:
        return write(path.with_name(f"{path.stem}-{dt.datetime.now():%H%M%S}{path.suffix}"))


class MeetingOutput(QObject):
    """Print / export actions shared by the meetings page, the minutes editor and the resolution form."""

    def __init__(self, services, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.widget = parent
        self.last_task = None  # the latest background job (tests wait on its `finished`)
        self.last_path: Path | None = None

    def printouts_dir(self) -> Path:
        return Path(self.services.data_dir) / PRINTOUTS

    # ---- actions ------------------------------------------------------------------------------------
    def print_minutes(self, meeting_id: str, held_on: dt.date) -> None:
        services = self.services
        path = self.printouts_dir() / f"bien-ban-{held_on:%Y-%m-%d}.pdf"

        def work() -> Path:
            from ...reports.minutes import write_minutes

            return _write_with_fallback(lambda p: write_minutes(services, meeting_id, p), path)

        self._run(work, self.tr("Preparing the minutes…"), self.tr("The minutes were saved as {path}."))

    def print_resolution(self, meeting_id: str, held_on: dt.date) -> None:
        services = self.services
        path = self.printouts_dir() / f"nghi-quyet-{held_on:%Y-%m-%d}.pdf"

        def work() -> Path:
            from ...reports.minutes import write_resolution

            return _write_with_fallback(lambda p: write_resolution(services, meeting_id, p), path)

        self._run(work, self.tr("Preparing the resolution…"), self.tr("The resolution was saved as {path}."))

    def print_book(self, year: int) -> None:
        services = self.services
        path = self.printouts_dir() / f"so-bien-ban-{year}.pdf"

        def work() -> Path:
            from ...reports.minutes import write_minutes_book

            return _write_with_fallback(lambda p: write_minutes_book(services, year, p), path)

        self._run(work, self.tr("Preparing the minutes book of {year}…").format(year=year),
                  self.tr("The minutes book was saved as {path}."))

    def export_docx(self, meeting_id: str, held_on: dt.date) -> None:
        folder = Path(self.services.ctx.get_setting("export_folder", str(Path.home())) or Path.home())
        name, _ = QFileDialog.getSaveFileName(self.widget, self.tr("Export the minutes to Word"),
                                              str(folder / f"bien-ban-{held_on:%Y-%m-%d}.docx"),
                                              self.tr("Word document (*.docx)"))
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".docx":
            path = path.with_suffix(".docx")
        self.services.ctx.set_setting("export_folder", str(path.parent))
        services = self.services

        def work() -> Path:
            from ...reports.minutes import write_minutes

            return write_minutes(services, meeting_id, path)

        self._run(work, self.tr("Exporting the minutes to Word…"), self.tr("The minutes were exported to {path}."))

    # ---- plumbing -----------------------------------------------------------------------------------
    def _run(self, work, busy: str, done: str) -> None:
        self.last_task = run_in_background(self.widget, work, on_done=lambda path: self._offer_open(path, done),
                                           busy_text=busy)

    def _offer_open(self, path: Path, text: str) -> None:
        self.last_path = Path(path)
        answer = QMessageBox.question(
            self.widget, self.tr("Done"),
            text.format(path=path) + "\n\n" + self.tr("Open it now? You can print it from the viewer that opens."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
