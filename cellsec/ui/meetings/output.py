"""Printing and exporting minutes, resolutions and the minutes book from the window.

Every print action opens the in-app preview (ui/common/preview.py) of the real PDF, rendered on a worker
thread; from there the secretary prints (system print dialog), saves the PDF or exports Word. The proposed
file names carry the document's number and date, so two meetings of one day never share a name. The
direct Word export asks where to save, proposing such a name too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from ...domain.documents import file_stem
from ..common.preview import PreviewDialog, PrintJob, free_path, open_preview
from ..common.screen_fit import short_title
from ..common.workers import run_in_background


class MeetingOutput(QObject):
    """Print / export actions shared by the meetings page, the minutes editor and the resolution form."""

    def __init__(self, services, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.widget = parent
        self.last_task = None  # the latest background job (tests wait on its `finished`)
        self.last_preview: PreviewDialog | None = None
        self._exported: Path | None = None

    @property
    def last_path(self) -> Path | None:
        """The file the latest action made: the previewed PDF, or the exported DOCX."""
        if self._exported is not None:
            return self._exported
        return self.last_preview.pdf_path if self.last_preview is not None else None

    # ---- actions ------------------------------------------------------------------------------------
    def minutes_job(self, meeting_id: str) -> PrintJob:
        services = self.services
        record = services.meetings.get(meeting_id)

        def write(path: Path) -> Path:
            from ...reports.minutes import write_minutes

            return write_minutes(services, meeting_id, path)

        return PrintJob(title=self.tr("Minutes — {title}").format(title=record.title),
                        stem=file_stem("Biên bản", record.number, record.content.held_on), write=write)

    def print_minutes(self, meeting_id: str, held_on=None) -> None:
        self._preview(self.minutes_job(meeting_id))

    def print_resolution(self, meeting_id: str, held_on=None) -> None:
        services = self.services
        record = services.meetings.get(meeting_id)
        resolution = services.meetings.get_resolution(meeting_id)
        number = resolution.number if resolution is not None else ""

        def write(path: Path) -> Path:
            from ...reports.minutes import write_resolution

            return write_resolution(services, meeting_id, path)

        self._preview(PrintJob(title=self.tr("Resolution — {title}").format(title=record.title),
                               stem=file_stem("Nghị quyết", number, record.content.held_on), write=write))

    def print_book(self, year: int) -> None:
        services = self.services

        def write(path: Path, progress=None, cancel=None) -> Path:
            from ...reports.minutes import write_minutes_book

            return write_minutes_book(services, year, path, progress, cancel)

        # A year of minutes takes a while to lay out: its progress is shown, and it can be stopped.
        self._preview(PrintJob(title=self.tr("Minutes book {year}").format(year=year),
                               stem=file_stem("Sổ biên bản", None) + f"-{year}", write=write, steps=True))

    def print_paper(self, meeting_id: str, kind: str) -> None:
        """The meeting's invitation ("notice") or attendance sign-in sheet ("signin")."""
        services = self.services
        record = services.meetings.get(meeting_id)
        seq = self._invitation_number(record) if kind == "notice" else None
        if kind == "notice" and seq is None:
            return

        def write(path: Path) -> Path:
            from ...reports import meeting_papers

            if kind == "notice":
                return meeting_papers.write_notice(services, meeting_id, path, seq=seq)
            return meeting_papers.write_signin(services, meeting_id, path)

        if kind == "notice":
            title, stem = self.tr("Invitation — {title}").format(title=record.title), "giay-moi"
        else:
            title, stem = self.tr("Sign-in sheet — {title}").format(title=record.title), "danh-sach-ky-ten"
        self._preview(PrintJob(title=title, stem=f"{stem}-{record.content.held_on.isoformat()}", write=write))

    def _invitation_number(self, record) -> int | None:
        """The invitation's number ("Số 03-GM/CB") from the register, asked before the preview."""
        from ...reports.meeting_papers import notice_day
        from ..common.preview import NumberDialog

        ask = NumberDialog(self.services, "invitation", None, self.widget, year=notice_day(record).year,
                           subject=record.id, about="dự " + record.title[:1].lower() + record.title[1:])
        ask.setWindowTitle(self.tr("Invitation — {title}").format(title=short_title(record.title, 40)))
        self.number_dialog = ask
        return ask.number.value() if ask.exec() == NumberDialog.DialogCode.Accepted else None

    def print_report(self, month, today) -> None:
        """The month's report to the committee above: its date (default the month's end, or today) and
        number asked first, then the preview."""
        from ..common.preview import NumberDialog
        from ...domain.dues import month_end

        ask = NumberDialog(self.services, "monthly_report", min(today, month_end(month)), self.widget,
                           subject=f"{month:%Y-%m}", about=f"{month:%m/%Y}")
        title = self.tr("Monthly report {month}").format(month=f"{month:%m/%Y}")
        ask.setWindowTitle(title)
        self.number_dialog = ask
        if ask.exec() != NumberDialog.DialogCode.Accepted:
            return
        services, on, seq = self.services, ask.as_of, ask.number.value()

        def write(path: Path) -> Path:
            from ...reports.monthly import write_monthly

            return write_monthly(services, month, path, on, seq)

        self._preview(PrintJob(title=title, stem=f"bao-cao-thang-{month:%Y-%m}-so-{seq:02d}", write=write))

    def print_plan(self, year: int, today) -> None:
        """The year's thematic-meeting plan: its date and number asked first, then the preview."""
        from ..common.preview import NumberDialog

        ask = NumberDialog(self.services, "thematic_plan", today, self.widget, subject=str(year), about=f"năm {year}")
        ask.setWindowTitle(self.tr("Thematic plan {year}").format(year=year))
        self.number_dialog = ask
        if ask.exec() != NumberDialog.DialogCode.Accepted:
            return
        services, on, seq = self.services, ask.as_of, ask.number.value()

        def write(path: Path) -> Path:
            from ...reports.year_plan import write_year_plan

            return write_year_plan(services, year, path, on, seq)

        self._preview(PrintJob(title=self.tr("Thematic plan {year}").format(year=year),
                               stem=f"ke-hoach-chuyen-de-{year}-so-{seq:02d}", write=write))

    def export_docx(self, meeting_id: str, held_on=None) -> None:
        job = self.minutes_job(meeting_id)
        saved = self.services.ctx.get_setting("export_folder", None)
        folder = Path(saved) if saved and Path(saved).is_dir() else Path.home()
        name, _ = QFileDialog.getSaveFileName(self.widget, self.tr("Export the minutes to Word"),
                                              str(free_path(folder, job.stem, ".docx")),
                                              self.tr("Word document (*.docx)"))
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".docx":
            path = path.with_suffix(".docx")
        self.services.ctx.set_setting("export_folder", str(path.parent))
        self.last_task = run_in_background(self.widget, lambda: job.write(path), on_done=self._exported_to,
                                           busy_text=self.tr("Exporting the minutes to Word…"))

    # ---- plumbing -----------------------------------------------------------------------------------
    def _preview(self, job: PrintJob) -> None:
        self._exported = None
        self.last_preview = open_preview(self.services, job, self.widget)
        self.last_task = self.last_preview.last_task

    def _exported_to(self, path: Path) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._exported = Path(path)
        QMessageBox.information(self.widget, self.tr("Done"),
                                self.tr("The minutes were exported to {path}.").format(path=path))
