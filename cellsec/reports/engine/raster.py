"""Charts as pictures, for Word: reportlab draws a chart as a vector PDF page and PDFium (pypdfium2, the
print preview's engine, already installed) turns that page into PNG. reportlab's own raster backend
(rlPyCairo, with pycairo and the cairo library) is not installed: without this, "Xuất Word" of a document
with charts (the 5-good scores report) failed.

PDFium is not thread-safe, not even across documents: every use of it in the program holds `PDFIUM` (the
preview on the UI thread, a Word export on a worker thread) and closes its pages and bitmaps inside it,
so no finalizer frees them later on another thread.
"""

from __future__ import annotations

import io
import threading
from typing import Any

PDFIUM = threading.RLock()


def pdf_page_png(pdf: bytes, dpi: float) -> bytes:
    """The first page of `pdf` as PNG at `dpi`."""
    import pypdfium2

    with PDFIUM:
        doc = pypdfium2.PdfDocument(pdf)
        try:
            page = doc[0]
            bitmap = page.render(scale=dpi / 72)
            try:
                image = bitmap.to_pil().copy()  # detached from PDFium's buffer before it is freed
            finally:
                bitmap.close()
                page.close()
        finally:
            doc.close()
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


def drawing_png(drawing: Any, dpi: float = 200) -> bytes:
    """A reportlab Drawing (a chart) as PNG, its size in inches kept through `dpi`."""
    from reportlab.graphics import renderPDF

    return pdf_page_png(renderPDF.drawToString(drawing), dpi)
