"""The pages of a PDF through PDFium (pypdfium2), and printing them: the preview draws these pages, and the
printer gets the same pages, one per turn of the event loop (`PagePrinter`), with a progress dialog and
"Dừng" — PDFium and the printer belong to the UI thread, so a long document is printed between events
rather than on a worker thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QTimer, Signal
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from .workers import TaskDialog

PRINT_DPI_CAP = 300  # enough for text on paper; 600 dpi pages would take ~140 MB each


class PdfPages:
    """The pages of a PDF as images, through PDFium. PDFium is not thread-safe: every call holds the one
    PDFium lock (reports/engine/raster.py, also taken by a Word export drawing its charts on a worker
    thread), and pages and bitmaps are closed inside it, not left to a finalizer on another thread."""

    def __init__(self, path: Path) -> None:
        import pypdfium2

        from ...reports.engine.raster import PDFIUM

        self._lock = PDFIUM
        # Read into memory: the preview file is removed on close, and PDFium must never read a vanished file.
        with self._lock:
            self._doc = pypdfium2.PdfDocument(Path(path).read_bytes())

    def __len__(self) -> int:
        with self._lock:
            return len(self._doc)

    def size_pt(self, index: int) -> tuple[float, float]:
        with self._lock:
            page = self._doc[index]
            try:
                return tuple(page.get_size())
            finally:
                page.close()

    def image(self, index: int, dpi: float) -> QImage:
        with self._lock:
            page = self._doc[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
            try:
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGBX8888)
                return image.copy()  # detach from PDFium's buffer, which closing the bitmap frees
            finally:
                bitmap.close()
                page.close()

    def close(self) -> None:
        with self._lock:
            self._doc.close()


def print_pages(pages: PdfPages, printer: QPrinter, first: int = 1, last: int = 0) -> int:
    """Draw pages `first`..`last` (1-based; 0 = to the end) on `printer`, each filling the paper exactly
    (the PDF already holds the Party margins). Returns the number of pages sent."""
    sent = 0
    for sent, _total in _print_steps(pages, printer, first, last):
        pass
    return sent


def _print_steps(pages: PdfPages, printer: QPrinter, first: int, last: int) -> Iterator[tuple[int, int]]:
    """Print page by page, yielding (pages sent, pages to send) after each; the painter ends with the run
    (also when the caller stops early: the generator's close ends it)."""
    last = len(pages) if last <= 0 else min(last, len(pages))
    first = max(1, first)
    printer.setFullPage(True)
    dpi = min(printer.resolution(), PRINT_DPI_CAP)
    painter: QPainter | None = None
    total = max(0, last - first + 1)
    try:
        for sent, number in enumerate(range(first, last + 1), start=1):
            width, height = pages.size_pt(number - 1)
            orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
            printer.setPageOrientation(orientation)
            if painter is None:
                painter = QPainter()
                if not painter.begin(printer):
                    return
            else:
                printer.newPage()
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            painter.drawImage(QRectF(0, 0, paper.width(), paper.height()), pages.image(number - 1, dpi))
            yield sent, total
    finally:
        if painter is not None and painter.isActive():
            painter.end()


class PagePrinter(QObject):
    """Sends the pages to the printer one per turn of the event loop. PDFium and the printer belong to the
    UI thread (PDFium is not thread-safe), so rather than a worker the pages go one at a time between
    events: the window keeps answering, a bar shows the page, and "Dừng" cancels the print job (what the
    printer already took is up to the printer). `finished(sent, stopped)` when done."""

    finished = Signal(int, bool)

    def __init__(self, pages: PdfPages, printer: QPrinter, first: int, last: int, parent: QWidget, text: str) -> None:
        super().__init__(parent)
        self.printer = printer
        self.sent, self.stopped = 0, False
        self._steps = _print_steps(pages, printer, first, last)
        self.dialog = TaskDialog(text, parent, stoppable=True)
        self.dialog.stop_requested.connect(self.stop)
        self._timer = QTimer(self, interval=0, timeout=self._next)

    def start(self) -> None:
        self.dialog.show()
        self._timer.start()

    def stop(self) -> None:
        self.stopped = True

    def _next(self) -> None:
        if self.stopped:
            self.printer.abort()
            self._steps.close()
            return self._finish()
        try:
            self.sent, total = next(self._steps)
        except StopIteration:
            return self._finish()
        self.dialog.show_step(self.sent, total, self.tr("Page {done} of {total}").format(done=self.sent, total=total))

    def _finish(self) -> None:
        self._timer.stop()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.finished.emit(self.sent, self.stopped)
