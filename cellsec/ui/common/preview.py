"""The print preview every print action opens: the real PDF, rendered by PDFium (pypdfium2), page by page
with zoom and the page count, and three ways out — "In…" (the system print dialog; the same PDFium pages
are drawn onto the printer, so what is printed is what was previewed), "Lưu PDF…" (a copy of the previewed
file, under a name that never replaces another document's file) and "Xuất Word" (the same document as DOCX).

A print action describes its document as a `PrintJob` and calls `open_preview()`; the PDF is rendered on a
worker thread into a private folder of the data folder (Party documents stay out of the system temp
folder) and removed when the preview closes. No external PDF viewer is needed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .printing import PagePrinter, PdfPages, print_pages  # noqa: F401  (print_pages: callers and tests)
from .widgets import DateEdit
from .workers import error_text, run_in_background

PREVIEW_DIR = "preview"
ZOOMS = (50, 75, 100, 125, 150, 200, 300)
PAGE_GAP = 12


@dataclass
class PrintJob:
    """What a print action hands the preview. `write(path)` renders the document to `path` (.pdf or .docx,
    by the suffix) and runs on a worker thread; `stem` is the proposed file name without the suffix and
    should name the document itself (its number or date), e.g. "bien-ban-so-03-2026-03-05". A long
    document (the minutes book) sets `steps`: then `write(path, progress, cancel)` reports its progress and
    may be stopped (domain/progress.py), and making it shows a progress dialog with "Dừng"."""

    title: str
    stem: str
    write: Callable[..., Path]
    word: bool = True
    steps: bool = False


def free_path(folder: Path, stem: str, suffix: str) -> Path:
    """`folder/stem.suffix`, or `stem-2`, `stem-3`… when that name is taken: never another file's name."""
    candidate = Path(folder) / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = Path(folder) / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


class PreviewDialog(QDialog):
    """The preview window of one document. `loaded` fires once the PDF is rendered and shown."""

    loaded = Signal()

    def __init__(self, services, job: PrintJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.job = job
        self.pages: PdfPages | None = None
        self.pdf_path: Path | None = None
        self.last_task = None
        self.last_saved: Path | None = None
        self._labels: list[QLabel] = []
        self._rendered: set[int] = set()
        self._closed = False
        self.setWindowTitle(job.title)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._build()
        self.retranslate()
        self.resize(900, 700)

    # ---- building ---------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("page")
        self.page_spin.setRange(1, 1)
        self.page_spin.valueChanged.connect(self.go_to_page)
        self.count_label = QLabel()
        self.count_label.setObjectName("page_count")
        self.zoom_out_button = QPushButton("−")
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_box = QComboBox()
        self.zoom_box.setObjectName("zoom")
        for zoom in ZOOMS:
            self.zoom_box.addItem(f"{zoom}%", zoom)
        self.zoom_box.setCurrentIndex(ZOOMS.index(100))
        self.zoom_box.currentIndexChanged.connect(self._relayout)
        self.zoom_in_button = QPushButton("+")
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("+") * 4 + 12)
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        self.print_button = QPushButton()
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_pdf")
        self.save_button.clicked.connect(self.save_pdf)
        self.word_button = QPushButton()
        self.word_button.setObjectName("word")
        self.word_button.clicked.connect(self.export_word)
        if not self.job.word:  # (never setVisible(True) on a widget without a parent: it would be a window)
            self.word_button.hide()
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        for button in (self.print_button, self.save_button, self.word_button):
            button.setEnabled(False)

        self._build_pages()
        layout = QVBoxLayout(self)
        layout.addLayout(self._bar())
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.status)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, lambda: self.step_zoom(1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, lambda: self.step_zoom(-1))

    def _bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.page_label = QLabel()
        for widget in (self.page_label, self.page_spin, self.count_label):
            bar.addWidget(widget)
        bar.addSpacing(16)
        for widget in (self.zoom_out_button, self.zoom_box, self.zoom_in_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.print_button, self.save_button, self.word_button, self.close_button):
            bar.addWidget(widget)
        return bar

    def _build_pages(self) -> None:
        self.canvas = QWidget()
        self.canvas.setObjectName("pages")
        self.canvas_layout = QVBoxLayout(self.canvas)
        self.canvas_layout.setSpacing(PAGE_GAP)
        self.canvas_layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # as big as the pages
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Dark)
        self.scroll.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def retranslate(self) -> None:
        self.page_label.setText(self.tr("Page"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.print_button.setText(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Choose a printer and print these pages (Ctrl+P)"))
        self.save_button.setText(self.tr("Save PDF…"))
        self.word_button.setText(self.tr("Export to Word"))
        self.close_button.setText(self.tr("Close"))
        self._show_count()

    # ---- loading ----------------------------------------------------------------------------------------
    def start(self) -> None:
        """Render the PDF off the UI thread, then show its pages."""
        folder = Path(self.services.data_dir) / PREVIEW_DIR
        target = folder / f"{uuid.uuid4().hex}.pdf"
        self.status.setText(self.tr("Preparing the document…"))
        self.last_task = self._write(target, self._show_pdf, self.tr("Preparing the document…") if self.job.steps
                                     else "", on_error=self._failed)

    def _write(self, path: Path, on_done, busy_text: str, on_error=None):
        """Make the document at `path` off the UI thread; a stepped job with its progress and "Dừng"
        (stopped, it writes nothing and the preview closes)."""
        write = self.job.write
        if not self.job.steps:
            return run_in_background(self, lambda: write(path), on_done=on_done, on_error=on_error,
                                     busy_text=busy_text)
        return run_in_background(self, lambda progress, cancel: write(path, progress, cancel), on_done=on_done,
                                 on_error=on_error, busy_text=busy_text, stoppable=True, on_cancelled=self._stopped)

    def _stopped(self, exc) -> None:
        self.status.setText(exc.message)
        if self.pages is None:  # nothing to show: the preview was only waiting for this document
            self.reject()

    def _failed(self, exc: Exception) -> None:
        self.status.setText(self.tr("The document could not be made: {reason}").format(reason=error_text(exc)))
        QMessageBox.warning(self, self.job.title, self.status.text())

    def _show_pdf(self, path: Path) -> None:
        if self._closed:  # closed while it was being made
            Path(path).unlink(missing_ok=True)
            return
        self.pdf_path = Path(path)
        self.pages = PdfPages(self.pdf_path)
        self.page_spin.setRange(1, max(1, len(self.pages)))
        for index in range(len(self.pages)):
            label = QLabel()
            label.setObjectName(f"page_{index + 1}")
            label.setStyleSheet("background: white;")
            self.canvas_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self._labels.append(label)
        for button in (self.print_button, self.save_button, self.word_button):
            button.setEnabled(True)
        self.status.setText("")
        self._show_count()
        self._relayout()
        self.loaded.emit()

    def _show_count(self) -> None:
        count = len(self.pages) if self.pages is not None else 0
        self.count_label.setText(self.tr("of {count} pages").format(count=count))

    # ---- pages and zoom ---------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return int(self.zoom_box.currentData())

    def step_zoom(self, step: int) -> None:
        index = min(max(self.zoom_box.currentIndex() + step, 0), self.zoom_box.count() - 1)
        self.zoom_box.setCurrentIndex(index)

    def _screen_dpi(self) -> float:
        return self.logicalDpiX() * self.zoom / 100

    def _relayout(self) -> None:
        """Size every page for the zoom (blank until shown), then draw the ones in view."""
        if self.pages is None:
            return
        dpi = self._screen_dpi()
        self._rendered.clear()
        for index, label in enumerate(self._labels):
            width, height = self.pages.size_pt(index)
            label.setFixedSize(round(width * dpi / 72), round(height * dpi / 72))
            label.clear()
        self.canvas.adjustSize()
        QTimer.singleShot(0, self._render_visible)
        self._render_visible()

    def _on_scroll(self, _value: int) -> None:
        self._render_visible()
        top = self.scroll.verticalScrollBar().value()
        for index, label in enumerate(self._labels):
            if label.y() + label.height() > top + PAGE_GAP:
                self.page_spin.blockSignals(True)
                self.page_spin.setValue(index + 1)
                self.page_spin.blockSignals(False)
                break

    def _render_visible(self) -> None:
        if self.pages is None:
            return
        top = self.scroll.verticalScrollBar().value()
        bottom = top + self.scroll.viewport().height()
        ratio = self.devicePixelRatioF()
        for index, label in enumerate(self._labels):
            if index in self._rendered or label.y() > bottom or label.y() + label.height() < top:
                continue
            image = self.pages.image(index, self._screen_dpi() * ratio)
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            self._rendered.add(index)

    def rendered_pages(self) -> list[int]:
        """1-based numbers of the pages drawn so far at this zoom (what the user can see)."""
        return sorted(i + 1 for i in self._rendered)

    def go_to_page(self, number: int) -> None:
        if 0 < number <= len(self._labels):
            self.scroll.verticalScrollBar().setValue(self._labels[number - 1].y() - PAGE_GAP // 2)
            self._render_visible()

    # ---- the ways out -----------------------------------------------------------------------------------
    def print_document(self) -> None:
        if self.pages is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.job.title)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, len(self.pages))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        first, last = printer.fromPage(), printer.toPage()
        self.print_button.setEnabled(False)
        self.printing = PagePrinter(self.pages, printer, first or 1, last, self, self.tr("Printing…"))
        self.printing.finished.connect(self._printed)
        self.printing.start()

    def _printed(self, sent: int, stopped: bool) -> None:
        self.print_button.setEnabled(self.pages is not None)
        if stopped:
            self.status.setText(self.tr("Printing stopped after {count} pages.").format(count=sent))
        elif sent:
            self.status.setText(self.tr("{count} pages sent to the printer.").format(count=sent))
        else:
            self.status.setText(self.tr("The printer could not be started."))
            QMessageBox.warning(self, self.job.title, self.status.text())

    def _folder(self) -> Path:
        saved = self.services.ctx.get_setting("export_folder", None)
        folder = Path(saved) if saved else Path.home()
        return folder if folder.is_dir() else Path.home()

    def proposed_path(self, suffix: str) -> Path:
        return free_path(self._folder(), self.job.stem, suffix)

    def _ask(self, title: str, suffix: str, file_filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, title, str(self.proposed_path(suffix)), file_filter)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        self.services.ctx.set_setting("export_folder", str(path.parent))
        return path

    def save_pdf(self) -> None:
        if self.pdf_path is None:
            return
        path = self._ask(self.tr("Save as PDF"), ".pdf", self.tr("PDF document (*.pdf)"))
        if path is None:
            return
        from ...reports.engine.files import copy_file

        source = self.pdf_path

        def failed(exc: Exception) -> None:
            QMessageBox.warning(self, self.tr("Save as PDF"),
                                self.tr("The file could not be saved: {reason}").format(reason=error_text(exc)))

        # A slow USB stick takes a while for a long book: off the UI thread, stoppable with nothing left there.
        self.last_task = run_in_background(
            self, lambda progress, cancel: copy_file(source, path, progress, cancel), on_done=self._saved,
            on_error=failed, busy_text=self.tr("Saving the PDF…"), stoppable=True,
            on_cancelled=lambda exc: self.status.setText(exc.message))

    def export_word(self) -> None:
        path = self._ask(self.tr("Export to Word"), ".docx", self.tr("Word document (*.docx)"))
        if path is None:
            return
        self.last_task = self._write(path, self._saved, self.tr("Exporting to Word…"))

    def _saved(self, path: Path) -> None:
        self.last_saved = Path(path)
        self.status.setText(self.tr("Saved to {path}").format(path=path))

    # ---- closing ----------------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self._discard()
        super().done(result)

    def closeEvent(self, event) -> None:
        self._discard()
        super().closeEvent(event)

    def _discard(self) -> None:
        """The rendered preview is a private copy: remove it (a failure only leaves a file in the data folder)."""
        self._closed = True
        if self.pages is not None:
            self.pages.close()
            self.pages = None
        if self.pdf_path is not None:
            self.pdf_path.unlink(missing_ok=True)


def open_preview(services, job: PrintJob, parent: QWidget | None) -> PreviewDialog:
    """Open the preview of `job` over `parent` (not blocking) and start rendering it."""
    dialog = PreviewDialog(services, job, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.open()
    dialog.start()
    return dialog


def preview_on(owner: QWidget, services, job: PrintJob) -> PreviewDialog:
    """`open_preview` for a page or editor: keeps the dialog as `owner.last_preview` and its rendering task
    as `owner.last_task` (what tests and the busy state follow)."""
    dialog = open_preview(services, job, owner)
    owner.last_preview = dialog
    owner.last_task = dialog.last_task
    return dialog


class NumberDialog(QDialog):
    """Asked before a report, plan, list or resolution is previewed: its number from the cell's register
    (services.numbers: one sequence per year and type), so it never prints "Số      -BC"; with `day` also
    the date it bears (or is "as of"). The document is known by `kind` and `subject` ("monthly_report",
    "2026-10"): printing it again proposes its own number. A number another document has is refused on the
    spot; one that would leave earlier numbers unused is given only when asked a second time."""

    def __init__(self, services, kind: str, day: dt.date | None = None, parent: QWidget | None = None, *,
                 year: int | None = None, subject: str | None = None, about: str = "") -> None:
        super().__init__(parent)
        self.services = services
        self.kind, self._subject, self._about, self._year = kind, subject, about, year
        self.entry = None  # the register's entry once accepted
        self._gap_for: tuple[int, int] | None = None  # (year, number) whose unused numbers were shown
        self.date = DateEdit()
        self.date.setObjectName("as_of")
        self.date.set_value(day)
        self._dated = day is not None
        self.number = QSpinBox()
        self.number.setObjectName("number")
        self.number.setRange(1, 999)
        self.number.valueChanged.connect(lambda _v: self.message.clear())
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        if day is not None:
            form.addRow(self.date_label(), self.date)
            self.date.editingFinished.connect(self.propose)
        form.addRow(self.tr("Document number"), self.number)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.setWindowTitle(self.tr("Number of the document"))
        self.setMinimumWidth(440)  # room for a refusal to wrap into a few readable lines
        self.propose()

    def date_label(self) -> str:
        return self.tr("Dated")

    @property
    def year(self) -> int:
        day = self.date.value() if self._dated else None
        return day.year if day else self._year or dt.date.today().year

    @property
    def subject(self) -> str:
        """What the document is about; a dated list without one is the list of its day."""
        if self._subject is not None:
            return self._subject
        day = self.date.value() if self._dated else None
        return day.isoformat() if day else ""

    def propose(self) -> None:
        """The document's own number when it was given one this year, else the next of its type."""
        given = self.services.numbers.given(self.kind, self.subject, self.year)
        self.number.setValue(given.seq if given else self.services.numbers.next_seq(self.kind, self.year))
        self.message.setText(self.tr("Given to this document on {day}: printed again with it.").replace(
            "{day}", f"{given.issued_on:%d/%m/%Y}") if given else "")

    def accept(self) -> None:
        from ...services.documents.numbers import GapNotChosen
        from ...services.errors import ServiceError

        if self._dated:
            error = self.date.error()
            if error or self.date.value() is None:
                self._say(error or self.tr("Enter the date."))
                return
        chosen = (self.year, self.number.value())
        try:
            self.entry = self.services.numbers.take(
                self.kind, self.year, self.number.value(), subject=self.subject, title=self.register_title(),
                issued_on=self.as_of or dt.date.today(), allow_gap=self._gap_for == chosen)
        except GapNotChosen as exc:
            # Shown once; the same number confirmed again is the secretary's choice.
            self._gap_for = chosen
            self._say(exc.message + " " + self.tr("Press \"Preview\" again to keep this number."))
            return
        except ServiceError as exc:
            self._say(exc.message)
            return
        super().accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.adjustSize()  # the dialog grows to show the whole message

    @property
    def as_of(self) -> dt.date | None:
        return self.date.value() if self._dated else None

    def register_title(self) -> str:
        """The document in words for the register (Vietnamese, like the documents): "Báo cáo tháng 10/2026"."""
        from ...services.documents.numbers import title_for

        about = self._about or (f"{self.as_of:%d/%m/%Y}" if self.as_of and self._subject is None else "")
        return title_for(self.kind, about)


def ask_number(parent: QWidget, services, kind: str, title: str, **document) -> int | None:
    """The number the secretary gives a report before it is previewed (None: cancelled); `document`: the
    year, subject and title NumberDialog files it under."""
    dialog = NumberDialog(services, kind, None, parent, **document)
    dialog.setWindowTitle(title)
    parent.number_dialog = dialog  # tests answer it
    return dialog.number.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
