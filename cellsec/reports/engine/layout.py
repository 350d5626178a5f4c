"""The ONE Party document renderer: every printed CellSec document goes through `render()`.

How to print a new kind of document (e.g. meeting minutes):

    from cellsec.reports.engine.document import (PartyDocument, Signatures, Heading, Paragraph, Rich, FieldList,
                                          Table, cell_header)
    from cellsec.reports.engine.layout import render
    from cellsec.domain.documents import document_number, TYPE_MINUTES

    cell = svc.cell.get(on=meeting_day)                 # names in force on the document's date
    layout = svc.layout.get()                           # the user's margins / sizes (settings page)
    doc = PartyDocument(
        header=cell_header(cell, meeting_day, document_number(5, TYPE_MINUTES, cell.abbreviation), layout),
        title="Biên bản\\nsinh hoạt chi bộ định kỳ", subtitle="tháng 02 năm 2026",
        blocks=[FieldList([("Thời gian", "14 giờ 00, ngày 05/02/2026"), ("Địa điểm", room)], bullet="- "),
                Heading("I. NỘI DUNG SINH HOẠT"), Paragraph(user_text),
                Rich.format("<b>Đồng chí {name}:</b> {said}", name=speaker, said=opinion)],
        signatures=Signatures.for_minutes(recorder_name, chair_name))
    render(doc, path.with_suffix(".pdf"), layout)       # or ".docx": same layout in Word

Rules:
- Blocks hold plain user text (the backends NFC-normalise and escape it); only `Rich` holds markup, made
  with `Rich.format(...)`, which escapes the values. Titles and committee names are upper-cased here.
- A minutes book (or any bound set): `Book(documents=[...], cover=[...], toc_title="MỤC LỤC")` — cover
  page, table of contents, each document from a new page with its own header, continuous page numbers.
  `Heading(..., toc=True)` / `TocEntry(...)` add entries under a document.
- Charts: `Image(drawing=<reportlab Drawing>, png=<PNG bytes for DOCX>, width_mm=...)`.
- Wide tables: `PartyDocument(landscape=True)`; `Table(col_widths=[...])` are relative weights.
- Call this off the UI thread (reportlab and python-docx are imported on first use, not at start-up).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .document import Book, LayoutSettings, PartyDocument


def render_pdf(document: PartyDocument | Book, path: Path, layout: LayoutSettings | None = None,
               on_document: Callable[[], None] | None = None) -> Path:
    from .pdf import render_pdf as impl

    return impl(document, Path(path), layout, on_document)


def render_docx(document: PartyDocument | Book, path: Path, layout: LayoutSettings | None = None,
                on_document: Callable[[], None] | None = None) -> Path:
    from .docx import render_docx as impl

    return impl(document, Path(path), layout, on_document)


def render(document: PartyDocument | Book, path: Path, layout: LayoutSettings | None = None,
           on_document: Callable[[], None] | None = None) -> Path:
    """Write `document` to `path` as PDF or DOCX, chosen by the file suffix; returns the path.
    `on_document()` is called as each document of a book is laid out (a long book's progress and the
    point where it may stop: an exception from it leaves no file)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        return render_pdf(document, path, layout, on_document)
    if suffix == ".docx":
        return render_docx(document, path, layout, on_document)
    raise ValueError(f"unsupported document format {suffix!r}: use .pdf or .docx")
