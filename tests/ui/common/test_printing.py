"""Printing page by page between events (issue 14): the window answers between pages, a bar follows the
pages, and "Dừng" ends the print run early."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter

from cellsec.ui.common.printing import PagePrinter, PdfPages

from .test_preview import _job


def _printer(path) -> QPrinter:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(72)
    return printer


def _run(qtbot, tmp_path, stop_after: int | None = None):
    pages = PdfPages(_job(pages=3).write(tmp_path / "doc.pdf"))
    count = len(pages)
    ticks, at_page = [0], []
    pulse = QTimer(interval=0, timeout=lambda: ticks.__setitem__(0, ticks[0] + 1))
    pulse.start()
    job = PagePrinter(pages, _printer(tmp_path / "printed.pdf"), 1, 0, None, "Đang in…")
    bar = job.dialog.bar

    def stepped(value: int) -> None:
        at_page.append((value, bar.maximum(), ticks[0]))
        if stop_after is not None and value == stop_after:
            job.dialog.request_stop()  # what "Dừng" does

    bar.valueChanged.connect(stepped)
    with qtbot.waitSignal(job.finished, timeout=30000) as ended:
        job.start()
    pulse.stop()
    pages.close()
    return count, at_page, ended.args


def test_every_page_goes_to_the_printer_while_the_window_answers(qtbot, tmp_path):
    count, at_page, (sent, stopped) = _run(qtbot, tmp_path)
    assert count >= 3 and (sent, stopped) == (count, False)
    assert [(v, m) for v, m, _ in at_page] == [(n, count) for n in range(1, count + 1)]
    ticks = [t for _, _, t in at_page]
    assert all(b > a for a, b in zip(ticks, ticks[1:]))  # the UI thread ran between every two pages


def test_stop_ends_the_print_run_after_the_page_being_printed(qtbot, tmp_path):
    count, at_page, (sent, stopped) = _run(qtbot, tmp_path, stop_after=1)
    assert (sent, stopped) == (1, True) and count > 1 and [v for v, _, _ in at_page] == [1]

