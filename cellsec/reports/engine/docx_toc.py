"""The table of contents of a DOCX book (the minutes book): a real Word TOC field over the book's TC
entries, delivered already filled in, as Word itself saves one.

Its cached result lists every entry with the page the PDF layout puts it on (the same fonts, margins and
exact line spacing as the DOCX), each a link to a bookmark at the entry whose page number is a PAGEREF
field. So the contents read right in any program that shows field results (Word, LibreOffice, WPS)
without updating anything; and because the document asks Word to update its fields on opening
(settings: updateFields), Word offers to recompute the table from its own pagination — "Cập nhật mục
lục" / F9 does the same later. Bookmarks are named _Toc00001, … in the order of the TC entries.
"""

from __future__ import annotations

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from .document import upper

TOC_FIELD = 'TOC \\f C \\l "1-3" \\h \\z'
LEVEL_INDENT_MM = 8  # as the PDF's contents: each level 8 mm further in


def bookmark_name(n: int) -> str:
    return f"_Toc{n:05d}"


def add_bookmark(p, n: int) -> None:
    """Bookmark the whole paragraph `p` as entry `n` (the target of the contents' link and PAGEREF)."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(n))
    start.set(qn("w:name"), bookmark_name(n))
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(n))
    ppr = p._p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        p._p.insert(0, start)
    p._p.append(end)


def _run(parent, *, text: str | None = None, fld: str | None = None, instr: str | None = None, tab: bool = False,
         size_half_points: int | None = None):
    r = OxmlElement("w:r")
    if size_half_points:
        rpr = OxmlElement("w:rPr")
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(size_half_points))
        rpr.append(sz)
        r.append(rpr)
    if fld is not None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), fld)
    elif instr is not None:
        el = OxmlElement("w:instrText")
        el.set(qn("xml:space"), "preserve")
        el.text = f" {instr} "
    elif tab:
        el = OxmlElement("w:tab")
    else:
        el = OxmlElement("w:t")
        el.set(qn("xml:space"), "preserve")
        el.text = text or ""
    r.append(el)
    parent.append(r)
    return r


def write_toc(writer, title: str, entries: list[tuple[int, str, int]], placeholder: str) -> None:
    """The contents' title and the TOC field, its result being `entries` ((level, text, page) in the order
    of the book's TC entries); with no entries, `placeholder` stands in the result until Word fills it."""
    lay = writer.lay
    p = writer.paragraph(align="center", size=lay.title_size, leading=lay.title_size * 1.2, space_after=Mm(8).pt)
    writer.text(p, upper(title), bold=True)
    width_mm = writer.frame_width_mm(False)
    size = int(lay.body_size * 2)
    paragraphs = []
    for n, (level, text, page) in enumerate(entries or [(0, placeholder, None)], start=1):
        p = writer.paragraph(align="left", leading=lay.body_size * 1.25, space_after=4 if level == 0 else 2,
                             left_indent_mm=LEVEL_INDENT_MM * (level + 1))
        p.paragraph_format.first_line_indent = Mm(-LEVEL_INDENT_MM)
        if page is not None:
            p.paragraph_format.tab_stops.add_tab_stop(Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        if n == 1:
            _run(p._p, fld="begin", size_half_points=size)
            _run(p._p, instr=TOC_FIELD, size_half_points=size)
            _run(p._p, fld="separate", size_half_points=size)
        if page is None:
            _run(p._p, text=text, size_half_points=size)
        else:
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), bookmark_name(n))
            link.set(qn("w:history"), "1")
            p._p.append(link)
            _run(link, text=text, size_half_points=size)
            _run(link, tab=True, size_half_points=size)
            for kind, value in (("begin", None), ("instr", f"PAGEREF {bookmark_name(n)} \\h"), ("separate", None),
                                ("text", str(page)), ("end", None)):
                if kind == "instr":
                    _run(link, instr=value, size_half_points=size)
                elif kind == "text":
                    _run(link, text=value, size_half_points=size)
                else:
                    _run(link, fld=kind, size_half_points=size)
        paragraphs.append(p)
    _run(paragraphs[-1]._p, fld="end", size_half_points=size)
    writer._set_setting("updateFields", "true")
