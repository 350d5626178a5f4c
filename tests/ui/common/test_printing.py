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


def test_saving_the_pdf_copies_off_the_ui_thread_and_stops_with_nothing_left(qtbot, services, tmp_path, monkeypatch,
                                                                             boxes):
    import cellsec.domain.progress as progress_module
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from cellsec.reports.engine import files
    from cellsec.ui.common.preview import open_preview

    from .responsive import Steps, UiPulse

    shown = open_preview(services, _job(pages=3), None)
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.loaded, timeout=30000):
        pass
    pulse = UiPulse()
    monkeypatch.setattr(files, "COPY_CHUNK", 4096)  # many steps even for a small PDF
    monkeypatch.setattr(progress_module, "step", pulse.slowed(progress_module.step))
    out = tmp_path / "usb"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(out / "bb.pdf"), a[3])))

    qtbot.mouseClick(shown.save_button, Qt.MouseButton.LeftButton)
    steps = Steps(shown.last_task)
    qtbot.waitUntil(lambda: shown.last_task.done, timeout=30000)
    assert not pulse.stalled and pulse.waits >= 3 and steps.moved()
    assert (out / "bb.pdf").read_bytes() == shown.pdf_path.read_bytes()

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(out / "lan-2.pdf"), a[3])))
    qtbot.mouseClick(shown.save_button, Qt.MouseButton.LeftButton)
    task = shown.last_task
    qtbot.mouseClick(task.busy.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: task.done, timeout=30000)
    pulse.stop()
    assert task.cancelled and sorted(p.name for p in out.iterdir()) == ["bb.pdf"] and boxes.shown == []
