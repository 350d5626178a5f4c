"""Time to render Party documents: a 25-member register, a 20-page document (PDF and DOCX), a book.

Run: .venv/bin/python bench/pdf_render.py [runs]   — prints the median of `runs` (default 7) in seconds.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cellsec.reports.engine.document import (  # noqa: E402
    Book,
    Header,
    Heading,
    Paragraph,
    PartyDocument,
    Rich,
    Signatures,
    Table,
)
from cellsec.reports.engine.docx import render_docx  # noqa: E402
from cellsec.reports.members import render_member_register  # noqa: E402
from cellsec.reports.engine.pdf import render_pdf  # noqa: E402
from cellsec.reports.engine.pdf import register_fonts  # noqa: E402
from tests.reports.conftest import make_members  # noqa: E402

TEXT = ("Chi bộ đã bám sát nhiệm vụ chính trị của cơ quan, lãnh đạo đảng viên hoàn thành tốt nhiệm vụ chuyên môn; "
        "duy trì nền nếp sinh hoạt chi bộ định kỳ, nâng cao chất lượng tự phê bình và phê bình; thực hiện "
        "nghiêm túc việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. ")


def long_document(pages: int = 20) -> PartyDocument:
    blocks = []
    for section in range(1, pages + 1):
        blocks.append(Heading(f"{section}. Nội dung thứ {section}"))
        blocks += [Paragraph(TEXT * 2) for _ in range(3)]
        blocks.append(Rich.format("<b>Đồng chí {name}:</b> {said}", name="Nguyễn Thị Ngọc Ánh", said=TEXT))
        blocks.append(Table(["STT", "Họ và tên", "Ý kiến"],
                            [[str(i), "Đặng Quốc Việt", "Tán thành"] for i in range(1, 6)], col_widths=[1, 4, 4]))
    header = Header("Đảng ủy Báo Nghệ An", "Chi bộ Xuất bản - Kỹ thuật", "Số 05-BB/CB",
                    "Nghệ An, ngày 05 tháng 02 năm 2026")
    return PartyDocument(header, "Biên bản\nsinh hoạt chi bộ định kỳ", "tháng 02 năm 2026", blocks,
                         Signatures.for_minutes("Trần Thị Hồng", "Nguyễn Văn Đức"))


def median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    from cellsec.services.settings.cell import CellInfo

    cell = CellInfo(name="Chi bộ Xuất bản - Kỹ thuật", place_name="Nghệ An", secretary_name="Nguyễn Văn Đức",
                    upper_committee="Đảng ủy Báo Nghệ An")
    members = make_members()[:25]
    doc = long_document()
    start = time.perf_counter()
    register_fonts()  # once per process: parsing the four TTF files
    fonts_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        register_s = median_seconds(lambda: render_member_register(cell, members, out / "ds.pdf", dt.date(2026, 2, 5)), runs)
        doc_s = median_seconds(lambda: render_pdf(doc, out / "doc.pdf"), runs)
        from pypdf import PdfReader

        pages = len(PdfReader(str(out / "doc.pdf")).pages)
        docx_s = median_seconds(lambda: render_docx(doc, out / "doc.docx"), runs)
        book = Book([long_document(2) for _ in range(12)], title="Sổ biên bản")
        book_s = median_seconds(lambda: render_pdf(book, out / "book.pdf"), max(3, runs // 2))
        book_pages = len(PdfReader(str(out / "book.pdf")).pages)
    print(f"font registration (once)          {fonts_s:7.3f} s")
    print(f"member register, 25 members, PDF  {register_s:7.3f} s  (median of {runs})")
    print(f"document, {pages} pages, PDF          {doc_s:7.3f} s  ({pages / doc_s:.0f} pages/s)")
    print(f"document, {pages} pages, DOCX         {docx_s:7.3f} s")
    print(f"book, 12 documents, {book_pages} pages, PDF  {book_s:7.3f} s  (two passes for the table of contents)")


if __name__ == "__main__":
    main()
