"""The print preview: the real PDF's pages with zoom and a page count; printing draws those pages on the
printer; saving proposes a name that never replaces another file; Word export writes the DOCX."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from cellsec.reports.engine.document import Heading, Paragraph, PartyDocument, Signatures, cell_header
from cellsec.reports.engine.layout import render
from cellsec.ui.common import preview as preview_module
from cellsec.ui.common.preview import PdfPages, PrintJob, free_path, open_preview
from tests.reports.pdfcheck import pages_text


class _Cell:
    name = "Chi bộ Văn phòng"
    upper_committee = "Đảng bộ Khối"
    place_name = "Nghệ An"


def _job(pages: int = 3, stem: str = "bien-ban-so-03-2026-03-05") -> PrintJob:
    import datetime as dt

    def write(path: Path) -> Path:
        blocks = []
        for n in range(1, pages + 1):
            blocks += [Heading(f"Phần {n}"), *[Paragraph(f"Trang {n}, đoạn {i}: nội dung của phần {n}. " * 4)
                                               for i in range(12)]]
        doc = PartyDocument(header=cell_header(_Cell(), dt.date(2026, 3, 5), "Số 03-BB/CB"), title="Biên bản",
                            blocks=blocks, signatures=Signatures.for_minutes("Lê Thư", "Trần Chủ"))
        return render(doc, path)

    return PrintJob(title="Biên bản số 03", stem=stem, write=write)


@pytest.fixture
def shown(qtbot, services):
    dialog = open_preview(services, _job(), None)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=30000):
        pass
    return dialog


def test_preview_shows_the_pages_of_the_real_pdf_with_their_count(shown, qtbot):
    total = len(pages_text(shown.pdf_path))
    assert total >= 3
    assert str(total) in shown.count_label.text() and "trang" in shown.count_label.text()
    assert shown.page_spin.maximum() == total
    assert shown.rendered_pages()[0] == 1  # the first page is drawn at once
    first = shown.findChild(type(shown.count_label), "page_1")
    assert first.pixmap() is not None and not first.pixmap().isNull()
    shown.grab().save(str(Path(shown.services.data_dir) / "preview.png"))


def test_zoom_changes_the_page_size(shown, qtbot):
    page = shown.findChild(type(shown.count_label), "page_1")
    width = page.width()
    shown.step_zoom(1)
    assert shown.zoom == 125 and page.width() == pytest.approx(width * 1.25, abs=2)
    shown.zoom_box.setCurrentIndex(0)
    assert shown.zoom == 50 and page.width() == pytest.approx(width / 2, abs=2)


def test_going_to_a_page_draws_it(shown, qtbot):
    shown.resize(600, 400)
    last = shown.page_spin.maximum()
    shown.page_spin.setValue(last)
    assert last in shown.rendered_pages()


def test_printing_to_a_pdf_printer_sends_every_page(shown, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "printed.pdf"

    class FakePrintDialog:
        def __init__(self, printer, parent):
            self.printer = printer

        def setOption(self, *args):
            pass

        def setMinMax(self, low, high):
            assert (low, high) == (1, shown.page_spin.maximum())

        def exec(self):
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(target))
            self.printer.setResolution(72)
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(preview_module, "QPrintDialog", FakePrintDialog)
    qtbot.mouseClick(shown.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "máy in" in shown.status.text(), timeout=20000)  # page by page, between events
    from pypdf import PdfReader

    printed = PdfReader(str(target))
    assert len(printed.pages) == shown.page_spin.maximum()
    # The printed page is the previewed page: same paper size (A4 in points, within rounding).
    box = printed.pages[0].mediabox
    assert float(box.width) == pytest.approx(595, abs=2) and float(box.height) == pytest.approx(842, abs=2)


def test_printing_a_page_range(services, tmp_path, qtbot):
    path = _job(pages=3).write(tmp_path / "doc.pdf")
    pages = PdfPages(path)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    printer.setResolution(72)
    from cellsec.ui.common.preview import print_pages

    assert print_pages(pages, printer, 2, 3) == 2
    pages.close()
    assert len(pages_text(tmp_path / "two.pdf")) == 2


def _save(qtbot, shown) -> None:
    """Press "Lưu PDF…" and wait for the copy (made off the UI thread)."""
    qtbot.mouseClick(shown.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown.last_task.done, timeout=20000)


def test_save_pdf_never_proposes_another_documents_file(shown, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    shown.services.ctx.set_setting("export_folder", str(folder))
    (folder / "bien-ban-so-03-2026-03-05.pdf").write_bytes(b"another meeting's minutes")
    proposals = []

    def answer(parent, title, proposed, file_filter):
        proposals.append(Path(proposed))
        return proposed, file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    _save(qtbot, shown)
    assert proposals[-1] == folder / "bien-ban-so-03-2026-03-05-2.pdf"
    assert (folder / "bien-ban-so-03-2026-03-05.pdf").read_bytes() == b"another meeting's minutes"
    assert (folder / "bien-ban-so-03-2026-03-05-2.pdf").read_bytes() == shown.pdf_path.read_bytes()
    _save(qtbot, shown)  # again: a third name, nothing replaced
    assert proposals[-1] == folder / "bien-ban-so-03-2026-03-05-3.pdf"


def test_save_remembers_the_last_folder(shown, qtbot, tmp_path, monkeypatch):
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    proposals = []

    def answer(parent, title, proposed, file_filter):
        proposals.append(Path(proposed))
        return str(chosen / Path(proposed).name), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    _save(qtbot, shown)
    _save(qtbot, shown)
    assert proposals[1].parent == chosen


def test_export_word_writes_the_docx(shown, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, proposed, f: (str(tmp_path / "bb"), f)))
    qtbot.mouseClick(shown.word_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(shown.last_task.finished, timeout=30000):
        pass
    assert shown.last_saved == tmp_path / "bb.docx"
    import docx

    text = "\n".join(p.text for p in docx.Document(str(shown.last_saved)).paragraphs)
    assert "Phần 1" in text


def test_closing_removes_the_private_preview_copy(shown, qtbot):
    path = shown.pdf_path
    assert path.exists() and path.is_relative_to(Path(shown.services.data_dir))
    shown.close()
    assert not path.exists()


def test_free_path_counts_up(tmp_path):
    assert free_path(tmp_path, "a", ".pdf") == tmp_path / "a.pdf"
    (tmp_path / "a.pdf").touch()
    (tmp_path / "a-2.pdf").touch()
    assert free_path(tmp_path, "a", ".pdf") == tmp_path / "a-3.pdf"


def test_saving_the_pdf_copies_off_the_ui_thread_and_stops_with_nothing_left(qtbot, services, tmp_path, monkeypatch,
                                                                             boxes):
    import cellsec.domain.progress as progress_module

    from cellsec.reports.engine import files

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
