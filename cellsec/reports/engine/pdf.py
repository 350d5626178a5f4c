"""PDF backend of the Party document renderer (reportlab platypus).

A4, Liberation Serif embedded (metric-compatible with Times New Roman, full Vietnamese coverage), margins
from LayoutSettings (mirrored for duplex), page numbers from page 2 at the top centre. All text reaches
reportlab NFC-normalised and escaped (reportlab does no shaping: NFD marks would land in the wrong place).
"""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape as landscape_size
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether as RLKeepTogether,
    PageBreak as RLPageBreak,
    PageTemplate,
    Paragraph as RLParagraph,
    Spacer as RLSpacer,
    Table as RLTable,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ...domain.text import nfc
from .document import (
    Book,
    FieldList,
    Heading,
    Image,
    KeepTogether,
    LayoutSettings,
    PageBreak,
    Paragraph,
    PartyDocument,
    Rich,
    Signatures,
    SignatureBlock,
    Spacer,
    Table,
    TocEntry,
    default_layout,
    escape,
    field_label,
    upper,
)
from .files import atomic_output
from .metrics import (  # noqa: F401  (re-exported: the DOCX backend and the reports measure with them)
    _CELL_PAD,
    _GUTTER,
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    PARTY_TITLE,
    balanced_lines,
    column_widths,
    font_name,
    header_left_width,
    register_fonts,
    text_width,
)

RECIPIENTS_LABEL = "Nơi nhận:"
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
_SPACES = re.compile(r" {2,}")


def _pdf_markup(markup: str) -> str:
    """Markup ready for reportlab: NFC, and runs of spaces kept (reportlab collapses them)."""
    text = nfc(markup) or ""
    return _SPACES.sub(lambda m: " " + "&nbsp;" * (len(m.group()) - 1), text)


# ---------------------------------------------------------------------------------------------------
# Flowables of our own
# ---------------------------------------------------------------------------------------------------



def _keeps_with_next(block) -> bool:
    return isinstance(block, Heading) or bool(getattr(block, "keep_with_next", False))

class _TocMark(Flowable):
    """Zero-size mark: the doc template lists it in the table of contents and the PDF outline."""

    def __init__(self, text: str, level: int) -> None:
        super().__init__()
        self.text = nfc(text) or ""
        self.level = level
        self.key = f"toc-{uuid.uuid4().hex}"
        self.keepWithNext = True

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self) -> None:
        pass


class _Rule(Flowable):
    """A centred solid line of a given length (under 'ĐẢNG CỘNG SẢN VIỆT NAM')."""

    def __init__(self, length: float, thickness: float = 0.75, space: float = 2.0) -> None:
        super().__init__()
        self.length, self.thickness, self.space = length, thickness, space

    def wrap(self, availWidth, availHeight):
        self._avail = availWidth
        return availWidth, self.space + self.thickness

    def draw(self) -> None:
        x0 = (self._avail - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x0, self.thickness / 2, x0 + self.length, self.thickness / 2)


# ---------------------------------------------------------------------------------------------------
# Page templates
# ---------------------------------------------------------------------------------------------------


class _PartyDocTemplate(BaseDocTemplate):
    """Four page templates (portrait/landscape × odd/even) so mirrored margins follow the real page
    number and a landscape document can sit inside a portrait book."""

    def __init__(self, filename: str, layout: LayoutSettings, first_landscape: bool,
                 on_document: Callable[[], None] | None = None, **kw) -> None:
        super().__init__(filename, pagesize=A4, **kw)
        self.layout = layout
        self.on_document = on_document  # called as each document of a book starts, in every pass
        self._first_orientation = "landscape" if first_landscape else "portrait"
        self._orientation = self._first_orientation
        self._outline_level = -1
        self.toc_marks: list[tuple[int, str, int]] = []  # (level, text, page) of the last pass
        templates = [self._template(o, p) for o in ("portrait", "landscape") for p in ("odd", "even")]
        self.addPageTemplates(templates)
        self._firstPageTemplateIndex = [t.id for t in templates].index(f"{self._first_orientation}-odd")

    def _template(self, orientation: str, parity: str) -> PageTemplate:
        lay = self.layout
        width, height = landscape_size(A4) if orientation == "landscape" else A4
        left, right = lay.margin_left_mm * mm, lay.margin_right_mm * mm
        if lay.mirrored and parity == "even":
            left, right = right, left
        frame = Frame(left, lay.margin_bottom_mm * mm, width - left - right,
                      height - (lay.margin_top_mm + lay.margin_bottom_mm) * mm,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=f"{orientation}-{parity}")
        centre_x = left + (width - left - right) / 2

        def page_number(canvas, doc) -> None:
            if doc.page < 2:  # numbers from page 2 (36-HD practice)
                return
            size = lay.page_number_size
            canvas.saveState()
            canvas.setFont(FONT, size)
            # Top of the digits at page_number_top_mm from the top edge.
            canvas.drawCentredString(centre_x, height - lay.page_number_top_mm * mm - size * 0.7, str(doc.page))
            canvas.restoreState()

        return PageTemplate(id=f"{orientation}-{parity}", frames=[frame], onPage=page_number,
                            pagesize=(width, height))

    def handle_documentBegin(self) -> None:
        # multiBuild runs the story several times; every pass starts from the first orientation.
        self._orientation = self._first_orientation
        self._outline_level = -1
        self.toc_marks = []
        super().handle_documentBegin()

    def handle_orientation(self, orientation: str) -> None:
        """Called by ActionFlowable(('orientation', ...)) before the page break starting a document."""
        self._orientation = orientation

    def handle_pageEnd(self) -> None:
        coming = self.page + 1
        self.handle_nextPageTemplate(f"{self._orientation}-{'odd' if coming % 2 else 'even'}")
        super().handle_pageEnd()

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, _TocMark):
            self.canv.bookmarkPage(flowable.key)
            # The PDF outline cannot skip levels.
            level = max(0, min(flowable.level, self._outline_level + 1))
            self.canv.addOutlineEntry(flowable.text, flowable.key, level, closed=level > 0)
            self._outline_level = level
            self.toc_marks.append((flowable.level, flowable.text, self.page))
            self.notify("TOCEntry", (flowable.level, flowable.text, self.page, flowable.key))
            if flowable.level == 0 and self.on_document is not None:
                self.on_document()  # may raise progress.Cancelled: the caller's temporary file is removed


# ---------------------------------------------------------------------------------------------------
# Blocks -> flowables
# ---------------------------------------------------------------------------------------------------


class _Builder:
    def __init__(self, layout: LayoutSettings) -> None:
        register_fonts()
        self.lay = layout
        self._styles: dict[tuple, ParagraphStyle] = {}

    def style(self, size: float, *, bold: bool = False, italic: bool = False, align: str = "left",
              indent: bool = False, left_indent: float = 0, space_before: float = 0, space_after: float = 0,
              leading: float | None = None) -> ParagraphStyle:
        key = (size, bold, italic, align, indent, left_indent, space_before, space_after, leading)
        style = self._styles.get(key)
        if style is None:
            style = ParagraphStyle(
                f"s{len(self._styles)}", fontName=font_name(bold, italic), fontSize=size,
                leading=leading or size * self.lay.line_spacing, alignment=_ALIGN[align],
                firstLineIndent=self.lay.first_line_indent_mm * mm if indent else 0,
                leftIndent=left_indent, spaceBefore=space_before, spaceAfter=space_after,
                # Never hyphenate Vietnamese syllables; only a word longer than the line (a URL) is split.
                hyphenationLang="", embeddedHyphenation=0, splitLongWords=1,
            )
            self._styles[key] = style
        return style

    def para(self, markup: str, style: ParagraphStyle) -> RLParagraph:
        return RLParagraph(_pdf_markup(markup), style)

    # ---- the document frame ----------------------------------------------------------------------
    def document(self, doc: PartyDocument, width: float) -> list[Flowable]:
        lay = self.lay
        out: list[Flowable] = [self.header(doc, width), RLSpacer(0, 8 * mm)]
        title_style = self.style(lay.title_size, bold=True, align="center", leading=lay.title_size * 1.2)
        out.append(self.para(escape(upper(doc.title)).replace("\n", "<br/>"), title_style))
        if doc.subtitle:
            out.append(self.para(escape(doc.subtitle).replace("\n", "<br/>"),
                                 self.style(lay.subtitle_size, bold=True, align="center",
                                            leading=lay.subtitle_size * 1.2)))
        out.append(RLSpacer(0, 6 * mm))
        parts = [self.block(block, width) for block in doc.blocks]
        if doc.signatures or doc.recipients:
            closing = self.signatures(doc.signatures, doc.recipients, width)
            # Never leave the signatures alone at the top of a page: keep them with the last text.
            if parts and isinstance(doc.blocks[-1], (Paragraph, Rich, FieldList)):
                # ...and with a heading or lead-in line just before that text (kept with what follows).
                first = len(parts) - 1
                while first > 0 and _keeps_with_next(doc.blocks[first - 1]):
                    first -= 1
                parts[first:] = [[RLKeepTogether([f for part in parts[first:] for f in part] + [closing])]]
            else:
                parts.append([closing])
        return out + [f for part in parts for f in part]

    def header(self, doc: PartyDocument, width: float) -> Flowable:
        h, lay = doc.header, self.lay
        size, party_size = lay.header_size, lay.party_title_size
        lead = size * 1.2
        left_w = header_left_width(h, lay, width)
        # Committee names that must wrap are split into lines of even length, as typists do.
        committee = "<br/>".join(escape(x) for x in balanced_lines(upper(h.upper_committee), size, left_w - _GUTTER))
        issuer = "<br/>".join(escape(x) for x in balanced_lines(upper(h.issuer), size, left_w - _GUTTER, bold=True))
        centre = self.style(size, align="center", leading=lead)
        left = [self.para(committee, centre),
                self.para(issuer, self.style(size, bold=True, align="center", leading=lead)),
                self.para("*", centre)]
        right = [self.para(PARTY_TITLE, self.style(party_size, bold=True, align="center", leading=party_size * 1.2)),
                 _Rule(text_width(PARTY_TITLE, party_size, bold=True))]
        number = self.para(escape(h.number), centre) if h.number else ""
        date = self.para(escape(h.place_date), self.style(size, italic=True, align="center", leading=lead))
        table = RLTable([[left, right], [number, date]], colWidths=[left_w, width - left_w], hAlign="CENTER")
        table.setStyle(_table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), _GUTTER),
        ]))
        return table

    # ---- blocks ----------------------------------------------------------------------------------
    def block(self, b, width: float) -> list[Flowable]:
        lay = self.lay
        if isinstance(b, (Paragraph, Rich)):
            style = self.style(b.size or lay.body_size, bold=b.bold, italic=b.italic, align=b.align,
                               indent=b.indent, left_indent=b.left_indent_mm * mm, space_before=b.space_before,
                               space_after=b.space_after)
            p = self.para(b.markup, style)
            p.keepWithNext = b.keep_with_next
            return [p]
        if isinstance(b, Heading):
            bold, italic = True, b.level >= 3
            style = self.style(b.size or lay.body_size, bold=bold, italic=italic, align=b.align,
                               indent=b.indent and b.align == "left", space_before=6, space_after=6)
            p = self.para(escape(b.text).replace("\n", "<br/>"), style)
            p.keepWithNext = True
            return [_TocMark(b.text, b.level), p] if b.toc else [p]
        if isinstance(b, Table):
            return [self.table(b, width)]
        if isinstance(b, Spacer):
            return [RLSpacer(0, b.height_mm * mm)]
        if isinstance(b, PageBreak):
            return [RLPageBreak()]
        if isinstance(b, KeepTogether):
            inner: list[Flowable] = []
            for sub in b.blocks:
                inner.extend(self.block(sub, width))
            return [RLKeepTogether(inner)]
        if isinstance(b, Image):
            return self.image(b, width)
        if isinstance(b, FieldList):
            return self.field_list(b, width)
        if isinstance(b, TocEntry):
            return [_TocMark(b.text, b.level)]
        raise TypeError(f"unknown block {type(b).__name__}")

    def table(self, t: Table, width: float) -> RLTable:
        size = t.size or self.lay.table_size
        lead = size * 1.15
        n = len(t.columns)
        widths = column_widths(t, width, size)
        aligns = t.align or ["left"] * n
        head = self.style(size, bold=True, align="center", leading=lead)
        data = [[self.para(escape(c).replace("\n", "<br/>"), head) for c in row] for row in [*t.header_rows, t.columns]]
        bold_rows = set(t.bold_rows)
        for i, row in enumerate(t.rows):
            cells = []
            for j, cell in enumerate(row):
                style = self.style(size, bold=i in bold_rows, align=aligns[j], leading=lead)
                markup = cell.markup if isinstance(cell, Rich) else escape(cell).replace("\n", "<br/>")
                cells.append(self.para(markup, style))
            data.append(cells)
        hc = t.header_count
        table = RLTable(data, colWidths=widths, repeatRows=hc if t.repeat_header else 0, hAlign="CENTER")
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PAD / 2), ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PAD / 2),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        commands += [("SPAN", (s.first_col, s.first_row), (s.last_col, s.last_row)) for s in t.spans]
        table.setStyle(_table_style(commands))
        table.spaceBefore, table.spaceAfter = 2, 6
        return table

    def image(self, b: Image, width: float) -> list[Flowable]:
        from reportlab.platypus import Image as RLImage
        from reportlab.platypus import KeepTogether as RLKeepTogether

        if b.drawing is not None:
            flowable = self._scaled_drawing(b, width)
        else:
            from reportlab.lib.utils import ImageReader

            px_w, px_h = ImageReader(io.BytesIO(b.png)).getSize()
            w, h = _fit(px_w, px_h, b.width_mm, b.height_mm, width)
            flowable = RLImage(io.BytesIO(b.png), width=w, height=h)
        flowable.hAlign = {"left": "LEFT", "right": "RIGHT"}.get(b.align, "CENTER")
        if not b.caption:
            return [flowable]
        caption = self.para(escape(b.caption), self.style(self.lay.table_size, italic=True, align="center",
                                                           space_before=2, space_after=6))
        # KeepTogether, not keepWithNext: a reportlab Drawing does not take flowable attributes.
        return [RLKeepTogether([flowable, caption])]

    @staticmethod
    def _scaled_drawing(b: Image, width: float):
        from reportlab.graphics.shapes import Drawing, Group

        src = b.drawing
        w, h = _fit(src.width, src.height, b.width_mm, b.height_mm, width)
        scale = w / src.width
        if abs(scale - 1) < 1e-6:
            return src
        # Wrap rather than mutate the caller's drawing.
        group = Group(*src.contents)
        group.scale(scale, h / src.height)
        # Keep the drawing's font settings, or the PDF references an unembedded Helvetica.
        fonts = {k: getattr(src, k) for k in ("initialFontName", "initialFontSize") if hasattr(src, k)}
        scaled = Drawing(w, h, **fonts)
        scaled.add(group)
        return scaled

    def field_list(self, b: FieldList, width: float) -> list[Flowable]:
        size = self.lay.body_size
        if b.label_width_mm:
            label_style = self.style(size, bold=b.bold_labels, align="left")
            value_style = self.style(size, align="left")
            rows = [[self.para(escape(b.bullet + field_label(lbl)), label_style), self.para(escape(val), value_style)]
                    for lbl, val in b.items]
            indent = self.lay.first_line_indent_mm * mm if b.indent else 0
            table = RLTable(rows, colWidths=[indent + b.label_width_mm * mm, width - indent - b.label_width_mm * mm],
                            hAlign="LEFT")
            table.setStyle(_table_style([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 0), (0, -1), indent),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]))
            return [table]
        style = self.style(size, align="justify", indent=b.indent, space_after=3)
        out = []
        for lbl, val in b.items:
            label = escape(b.bullet + field_label(lbl))
            if b.bold_labels:
                label = f"<b>{label}</b>"
            out.append(self.para(f"{label} {escape(val)}", style))
        return out

    def signatures(self, sig: Signatures | None, recipients: list[str] | None, width: float) -> Flowable:
        half = width / 2
        left = self.signature_block(sig.left) if sig and sig.left else []
        right = self.signature_block(sig.right) if sig and sig.right else []
        recips = self.recipients(recipients) if recipients else []
        rows = [[left or recips, right]]
        if left and recips:
            rows.append([recips, ""])
        table = RLTable(rows, colWidths=[half, half], hAlign="CENTER")
        table.setStyle(_table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))
        table.spaceBefore = 12
        return table

    def signature_block(self, s: SignatureBlock) -> list[Flowable]:
        size = self.lay.body_size
        bold = self.style(size, bold=True, align="center", leading=size * 1.2)
        out: list[Flowable] = [self.para(escape(upper(line)), bold) for line in s.lines]
        if s.note:
            out.append(self.para(escape(s.note), self.style(size, italic=True, align="center", leading=size * 1.2)))
        out.append(RLSpacer(0, s.space_mm * mm))
        if s.name:
            out.append(self.para(escape(s.name), bold))
        return out

    def recipients(self, items: list[str]) -> list[Flowable]:
        lay = self.lay
        out: list[Flowable] = [self.para(RECIPIENTS_LABEL, self.style(lay.recipients_label_size, bold=True,
                                                                       italic=True, leading=lay.recipients_label_size * 1.2))]
        style = self.style(lay.recipients_size, leading=lay.recipients_size * 1.2)
        for item in items:
            text = nfc(item) or ""
            out.append(self.para(escape(text if text.lstrip().startswith("-") else f"- {text}"), style))
        return out

    def toc(self, title: str, width: float) -> list[Flowable]:
        lay = self.lay
        toc = TableOfContents(dotsMinLevel=0, rightColumnWidth=15 * mm, tableStyle=_table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]))
        toc.levelStyles = [
            ParagraphStyle("toc0", fontName=FONT, fontSize=lay.body_size, leading=lay.body_size * 1.25,
                           leftIndent=8 * mm, firstLineIndent=-8 * mm, spaceAfter=4),
            ParagraphStyle("toc1", fontName=FONT, fontSize=lay.body_size - 1, leading=(lay.body_size - 1) * 1.25,
                           leftIndent=16 * mm, firstLineIndent=-8 * mm, spaceAfter=2),
            ParagraphStyle("toc2", fontName=FONT_ITALIC, fontSize=lay.body_size - 1,
                           leading=(lay.body_size - 1) * 1.25, leftIndent=24 * mm, firstLineIndent=-8 * mm),
        ]
        heading = self.style(lay.title_size, bold=True, align="center", space_after=8 * mm)
        return [self.para(escape(upper(title)), heading), toc]


def _table_style(commands: list) -> TableStyle:
    # Plain-string cells (empty ones included) are drawn in the table's own font: Helvetica by default,
    # which would add an unembedded font to the PDF.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def _fit(w: float, h: float, width_mm: float | None, height_mm: float | None, max_width: float) -> tuple[float, float]:
    """Target size in points keeping the aspect ratio; never wider than the text column."""
    if width_mm:
        tw = width_mm * mm
        th = height_mm * mm if height_mm else h * tw / w
    elif height_mm:
        th = height_mm * mm
        tw = w * th / h
    else:
        tw, th = w, h
    if tw > max_width:
        th, tw = th * max_width / tw, max_width
    return tw, th


def _frame_width(layout: LayoutSettings, landscape: bool) -> float:
    page_w = (landscape_size(A4) if landscape else A4)[0]
    return page_w - (layout.margin_left_mm + layout.margin_right_mm) * mm


# ---------------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------------


def render_pdf(document: PartyDocument | Book, path: Path, layout: LayoutSettings | None = None,
               on_document: Callable[[], None] | None = None) -> Path:
    """Write `document` (one document or a book) as a PDF at `path`; returns `path`. `on_document` is
    called as each document of a book is laid out (once per layout pass); an exception from it leaves
    no file."""
    path = Path(path)
    with atomic_output(path) as tmp:
        _build(document, str(tmp), layout or default_layout(), on_document)
    return path


def toc_pages(book: Book, layout: LayoutSettings | None = None,
              on_document: Callable[[], None] | None = None) -> list[tuple[int, str, int]]:
    """(level, text, page) of every table-of-contents entry of `book`, laid out as the PDF lays it out
    (the DOCX's table of contents is filled with these pages before Word recomputes them)."""
    return _build(book, io.BytesIO(), layout or default_layout(), on_document).toc_marks


def _build(document: PartyDocument | Book, target, layout: LayoutSettings,
           on_document: Callable[[], None] | None = None) -> _PartyDocTemplate:
    builder = _Builder(layout)
    if isinstance(document, Book):
        docs, meta_title = document.documents, document.title or (document.documents[0].toc_text if document.documents else "")
    else:
        docs, meta_title = [document], document.toc_text
    if not docs:
        raise ValueError("nothing to print: a book needs at least one document")
    author = docs[0].author or upper(docs[0].header.issuer)

    story: list[Flowable] = []
    multi = False
    if isinstance(document, Book):
        first_landscape = False
        for b in document.cover:
            story.extend(builder.block(b, _frame_width(layout, False)))
        if document.toc_title:
            if story:
                story.append(RLPageBreak())
            story.extend(builder.toc(document.toc_title, _frame_width(layout, False)))
            multi = True
        for doc in docs:
            orientation = "landscape" if doc.landscape else "portrait"
            if story:
                story += [ActionFlowable(("orientation", orientation)), RLPageBreak()]
            elif doc.landscape:
                first_landscape = True
            story.append(_TocMark(doc.toc_text, 0))
            story.extend(builder.document(doc, _frame_width(layout, doc.landscape)))
    else:
        first_landscape = document.landscape
        story = builder.document(document, _frame_width(layout, document.landscape))

    # initialFontName: otherwise every page references an unembedded Helvetica it never uses.
    template = _PartyDocTemplate(target, layout, first_landscape, on_document, title=nfc(meta_title) or "",
                                 author=author, creator="CellSec", subject=nfc(meta_title) or "",
                                 initialFontName=FONT, initialFontSize=layout.body_size)
    if multi:
        template.multiBuild(story)
    else:
        template.build(story)
    return template
