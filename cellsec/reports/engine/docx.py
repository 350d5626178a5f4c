"""DOCX backend of the Party document renderer (python-docx): the same model, the same page layout.

For secretaries who must edit a document in Word or upload a .docx. Times New Roman (Word users have it;
Liberation Serif in the PDF has the same metrics, so lines break alike). Page numbers are a PAGE field in
the page header from page 2 (a different first-page header); mirrored margins use Word's own setting.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

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
    markup_runs,
    upper,
)
from .docx_toc import add_bookmark, write_toc
from .files import atomic_output

FONT = "Times New Roman"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
RECIPIENTS_LABEL = "Nơi nhận:"
TOC_PLACEHOLDER = "Mục lục được cập nhật khi mở tệp trong Word (chọn \"Có\" khi được hỏi, hoặc bấm chuột vào đây rồi nhấn F9)."
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
_GUTTER_PT = 6
# Order of w:settings children (ECMA-376 CT_Settings): Word rejects out-of-order elements.
_SETTINGS_ORDER = (
    "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
    "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData "
    "embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
    "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
    "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles "
    "stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView trackRevisions "
    "doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme "
    "styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone "
    "doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
    "bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
    "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
    "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin "
    "doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars "
    "noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema saveInvalidXml "
    "ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly "
    "useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults "
    "footnotePr endnotePr compat docVars rsids mathPr attachedSchema themeFontLang clrSchemeMapping "
    "doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown "
    "smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"
).split()


_TBLPR_ORDER = ("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
                "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook").split()
_TRPR_ORDER = "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden".split()
_PPR_ORDER = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
              "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
              "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
              "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split()
_RPR_ORDER = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
              "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
              "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split()


def _insert_ordered(parent, el, order: list[str]) -> None:
    """Insert `el` where the OOXML schema wants it (Word refuses out-of-order children), replacing a
    child of the same name."""
    name = el.tag.split("}")[1]
    existing = parent.find(qn(f"w:{name}"))
    if existing is not None:
        existing.addprevious(el)
        parent.remove(existing)
        return
    later = {qn(f"w:{n}") for n in order[order.index(name) + 1:]}
    for child in parent:
        if child.tag in later:
            child.addprevious(el)
            return
    parent.append(el)


class _Writer:
    def __init__(self, layout: LayoutSettings) -> None:
        self.lay = layout
        self.doc = docx.Document()
        self.body = self.doc.element.body
        self._toc_entries = 0  # TC entries written so far: each is bookmarked for the contents' links
        self._setup_styles()

    # ---- document set-up -------------------------------------------------------------------------
    def _setup_styles(self) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(self.lay.body_size)
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "vi-VN")
        _insert_ordered(rpr, lang, _RPR_ORDER)
        pf = normal.paragraph_format
        pf.space_before, pf.space_after = Pt(0), Pt(0)

    def _set_setting(self, name: str, value: str | None = None) -> None:
        el = OxmlElement(f"w:{name}")
        if value is not None:
            el.set(qn("w:val"), value)
        _insert_ordered(self.doc.settings.element, el, _SETTINGS_ORDER)

    def setup_section(self, section, landscape: bool, first: bool) -> None:
        lay = self.lay
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
        section.top_margin, section.bottom_margin = Mm(lay.margin_top_mm), Mm(lay.margin_bottom_mm)
        # With Word's mirror margins, "left" is the inside margin (the binding edge) on every page.
        section.left_margin, section.right_margin = Mm(lay.margin_left_mm), Mm(lay.margin_right_mm)
        section.header_distance = Mm(lay.page_number_top_mm)
        section.footer_distance = Mm(lay.page_number_top_mm)
        if first:
            # Numbers from page 2: the first page gets its own (empty) header.
            section.different_first_page_header_footer = True
            p = section.header.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._field(p, "PAGE", "2", size=lay.page_number_size)
        else:
            section.different_first_page_header_footer = False
            section.header.is_linked_to_previous = True

    def frame_width_mm(self, landscape: bool) -> float:
        return (297 if landscape else 210) - self.lay.margin_left_mm - self.lay.margin_right_mm

    # ---- low-level helpers -----------------------------------------------------------------------
    def _field(self, paragraph, instruction: str, result: str, size: float | None = None) -> None:
        def run_with(el):
            run = paragraph.add_run()
            if size:
                run.font.size = Pt(size)
            run._r.append(el)
            return run

        begin = OxmlElement("w:fldChar")
        begin.set(qn("w:fldCharType"), "begin")
        run_with(begin)
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f" {instruction} "
        run_with(instr)
        sep = OxmlElement("w:fldChar")
        sep.set(qn("w:fldCharType"), "separate")
        run_with(sep)
        run = paragraph.add_run(result)
        if size:
            run.font.size = Pt(size)
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        run_with(end)

    def paragraph(self, container=None, *, align: str = "left", size: float | None = None,
                  first_indent: bool = False, left_indent_mm: float = 0, space_before: float = 0,
                  space_after: float = 0, leading: float | None = None, keep_with_next: bool = False):
        container = container if container is not None else self.doc
        p = container.add_paragraph()
        pf = p.paragraph_format
        pf.alignment = _ALIGN[align]
        size = size or self.lay.body_size
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(leading or size * self.lay.line_spacing)
        pf.space_before, pf.space_after = Pt(space_before), Pt(space_after)
        if first_indent:
            pf.first_line_indent = Mm(self.lay.first_line_indent_mm)
        if left_indent_mm:
            pf.left_indent = Mm(left_indent_mm)
        pf.keep_with_next = keep_with_next or None
        p._cellsec_size = size
        return p

    def runs(self, p, markup: str, *, size: float | None = None, bold: bool = False, italic: bool = False) -> None:
        size = size or getattr(p, "_cellsec_size", self.lay.body_size)
        for text, b, i, u in markup_runs(markup):
            if text == "\n":
                p.add_run().add_break()
                continue
            run = p.add_run(text)
            run.font.size = Pt(size)
            run.bold = bold or b or None
            run.italic = italic or i or None
            run.underline = u or None

    def text(self, p, text: str, **kw) -> None:
        self.runs(p, escape(text).replace("\n", "<br/>"), **kw)

    def _tc_entry(self, p, text: str, level: int) -> None:
        """A hidden TC field: Word's TOC \\f lists it at this page (the DOCX form of TocEntry)."""
        quoted = (nfc(text) or "").replace('"', "'")
        self._toc_entries += 1
        add_bookmark(p, self._toc_entries)
        self._field_no_result(p, f'TC "{quoted}" \\f C \\l {level + 1}')

    def _field_no_result(self, p, instruction: str) -> None:
        for kind, payload in (("begin", None), ("instr", instruction), ("end", None)):
            run = p.add_run()
            if kind == "instr":
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = f" {payload} "
            else:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            run._r.append(el)

    @staticmethod
    def _no_borders(table) -> None:
        tbl_pr = table._tbl.tblPr
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = OxmlElement(f"w:{edge}")
            el.set(qn("w:val"), "nil")
            borders.append(el)
        _insert_ordered(tbl_pr, borders, _TBLPR_ORDER)

    @staticmethod
    def _fixed_widths(table, widths_mm: list[float]) -> None:
        table.autofit = False
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        _insert_ordered(table._tbl.tblPr, layout, _TBLPR_ORDER)
        grid = table._tbl.tblGrid
        for col, w in zip(grid.findall(qn("w:gridCol")), widths_mm):
            col.set(qn("w:w"), str(int(w * 56.6929)))  # twentieths of a point
        for row in table.rows:
            for cell, w in zip(row.cells, widths_mm):
                cell.width = Mm(w)

    @staticmethod
    def _cell_margins(table, left_pt: float, right_pt: float, top_pt: float = 0, bottom_pt: float = 0) -> None:
        mar = OxmlElement("w:tblCellMar")
        for edge, value in (("top", top_pt), ("left", left_pt), ("bottom", bottom_pt), ("right", right_pt)):
            el = OxmlElement(f"w:{edge}")
            el.set(qn("w:w"), str(int(value * 20)))
            el.set(qn("w:type"), "dxa")
            mar.append(el)
        _insert_ordered(table._tbl.tblPr, mar, _TBLPR_ORDER)

    @staticmethod
    def _clear(cell) -> None:
        """A new cell holds one empty paragraph; drop it so the cell holds only what we add."""
        for p in list(cell.paragraphs):
            p._p.getparent().remove(p._p)

    # ---- the document frame ----------------------------------------------------------------------
    def document(self, doc: PartyDocument, width_mm: float) -> None:
        lay = self.lay
        self.header(doc, width_mm)
        title = self.paragraph(align="center", size=lay.title_size, leading=lay.title_size * 1.2,
                               space_before=8 / 0.3528, keep_with_next=True)
        self.text(title, upper(doc.title), bold=True)
        last = title
        if doc.subtitle:
            last = self.paragraph(align="center", size=lay.subtitle_size, leading=lay.subtitle_size * 1.2,
                                  keep_with_next=True)
            self.text(last, doc.subtitle, bold=True)
        last.paragraph_format.space_after = Mm(6)
        for block in doc.blocks:
            self.block(block, width_mm)
        if doc.signatures or doc.recipients:
            if doc.blocks and isinstance(doc.blocks[-1], (Paragraph, Rich, FieldList)):
                self._last_paragraph().paragraph_format.keep_with_next = True
            self.signatures(doc.signatures, doc.recipients, width_mm)

    def _last_paragraph(self):
        from docx.text.paragraph import Paragraph as DocxParagraph

        last = self.body.findall(qn("w:p"))[-1]
        return DocxParagraph(last, self.doc._body)

    def header(self, doc: PartyDocument, width_mm: float) -> None:
        from .metrics import balanced_lines, header_left_width, text_width  # same metrics as Times New Roman

        h, lay = doc.header, self.lay
        size = lay.header_size
        left_pt = header_left_width(h, lay, width_mm / 0.3528)
        left_mm = left_pt * 0.3528
        widths = [left_mm, width_mm - left_mm]
        table = self.doc.add_table(rows=2, cols=2)
        self._no_borders(table)
        self._fixed_widths(table, widths)
        self._cell_margins(table, 0, 0)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        (lc, rc), (nc, dc) = table.rows[0].cells, table.rows[1].cells
        for cell in (lc, rc, nc, dc):
            self._clear(cell)
        lead = size * 1.2
        committee = balanced_lines(upper(h.upper_committee), size, left_pt - _GUTTER_PT)
        issuer = balanced_lines(upper(h.issuer), size, left_pt - _GUTTER_PT, bold=True)
        for lines, bold in ((committee, False), (issuer, True)):
            p = self.paragraph(lc, align="center", size=size, leading=lead)
            self.text(p, "\n".join(lines), bold=bold)
        self.text(self.paragraph(lc, align="center", size=size, leading=lead), "*")
        party = lay.party_title_size
        p = self.paragraph(rc, align="center", size=party, leading=party * 1.2)
        self.text(p, PARTY_TITLE, bold=True)
        # The solid line under the title is as long as the title: a bottom border on indented margins.
        inset_mm = max(0.0, (widths[1] - text_width(PARTY_TITLE, party, bold=True) * 0.3528) / 2 - 0.5)
        p.paragraph_format.left_indent = p.paragraph_format.right_indent = Mm(inset_mm)
        _bottom_border(p)
        np_ = self.paragraph(nc, align="center", size=size, leading=lead, space_before=4)
        if h.number:
            self.text(np_, h.number)
        dp = self.paragraph(dc, align="center", size=size, leading=lead, space_before=4)
        self.text(dp, h.place_date, italic=True)

    # ---- blocks ----------------------------------------------------------------------------------
    def block(self, b, width_mm: float, container=None) -> None:
        lay = self.lay
        if isinstance(b, (Paragraph, Rich)):
            size = b.size or lay.body_size
            p = self.paragraph(container, align=b.align, size=size, first_indent=b.indent,
                               left_indent_mm=b.left_indent_mm, space_before=b.space_before,
                               space_after=b.space_after, keep_with_next=b.keep_with_next)
            self.runs(p, b.markup, bold=b.bold, italic=b.italic)
        elif isinstance(b, Heading):
            p = self.paragraph(container, align=b.align, size=b.size or lay.body_size,
                               first_indent=b.indent and b.align == "left", space_before=6, space_after=6,
                               keep_with_next=True)
            if b.toc:
                self._tc_entry(p, b.text, b.level)
            self.text(p, b.text, bold=True, italic=b.level >= 3)
        elif isinstance(b, Table):
            self.table(b, width_mm)
        elif isinstance(b, Spacer):
            self.paragraph(container, size=1, leading=b.height_mm / 0.3528)
        elif isinstance(b, PageBreak):
            self.paragraph(container).add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(b, KeepTogether):
            before = set(self.body)
            for sub in b.blocks:
                self.block(sub, width_mm)
            _keep_together([el for el in self.body if el not in before and el.tag != qn("w:sectPr")])
        elif isinstance(b, Image):
            self.image(b, width_mm)
        elif isinstance(b, FieldList):
            self.field_list(b, width_mm)
        elif isinstance(b, TocEntry):
            p = self.paragraph(container, size=1, leading=1, keep_with_next=True)
            self._tc_entry(p, b.text, b.level)
        else:
            raise TypeError(f"unknown block {type(b).__name__}")

    def table(self, t: Table, width_mm: float) -> None:
        size = t.size or self.lay.table_size
        lead = size * 1.15
        from .metrics import column_widths  # Times New Roman metrics = Liberation Serif metrics

        n = len(t.columns)
        widths = [w * 25.4 / 72 for w in column_widths(t, width_mm * 72 / 25.4, size)]
        aligns = t.align or ["left"] * n
        header = [*t.header_rows, t.columns]
        table = self.doc.add_table(rows=len(header) + len(t.rows), cols=n)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        self._fixed_widths(table, widths)
        self._cell_margins(table, 3, 3, 1, 2)
        rows = table.rows
        for span in t.spans:
            table.cell(span.first_row, span.first_col).merge(table.cell(span.last_row, span.last_col))
        merged_away = {(r, c) for s in t.spans for r in range(s.first_row, s.last_row + 1)
                       for c in range(s.first_col, s.last_col + 1) if (r, c) != (s.first_row, s.first_col)}
        bold_rows = set(t.bold_rows)
        for r, values in enumerate([*header, *t.rows]):
            row = rows[r]
            is_head = r < len(header)
            if is_head and t.repeat_header:
                _tr_flag(row, "w:tblHeader")
            cells = row.cells
            for c, value in enumerate(values):
                if (r, c) in merged_away:
                    continue
                cell = cells[c]
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                p = cell.paragraphs[0]
                pf = p.paragraph_format
                pf.alignment = _ALIGN["center" if is_head else aligns[c]]
                pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                pf.line_spacing = Pt(lead)
                markup = value.markup if isinstance(value, Rich) else escape(value).replace("\n", "<br/>")
                self.runs(p, markup, size=size, bold=is_head or (r - len(header)) in bold_rows)
        self.paragraph(size=6, leading=6)  # Word joins adjacent tables; a small gap keeps them apart

    def image(self, b: Image, width_mm: float) -> None:
        png = b.png if b.png is not None else _drawing_png(b.drawing)
        p = self.paragraph(align=b.align if b.align in _ALIGN else "center", keep_with_next=bool(b.caption))
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        from reportlab.lib.utils import ImageReader

        px_w, px_h = ImageReader(io.BytesIO(png)).getSize()
        if b.width_mm:
            w = min(b.width_mm, width_mm)
        elif b.height_mm:
            w = min(width_mm, px_w * b.height_mm / px_h)
        else:
            w = min(width_mm, px_w * 25.4 / 96)
        p.add_run().add_picture(io.BytesIO(png), width=Mm(w))
        if b.caption:
            cp = self.paragraph(align="center", size=self.lay.table_size, space_before=2, space_after=6)
            self.text(cp, b.caption, italic=True)

    def field_list(self, b: FieldList, width_mm: float) -> None:
        if b.label_width_mm:
            indent = self.lay.first_line_indent_mm if b.indent else 0
            label_w = indent + b.label_width_mm
            table = self.doc.add_table(rows=len(b.items), cols=2)
            self._no_borders(table)
            self._fixed_widths(table, [label_w, width_mm - label_w])
            self._cell_margins(table, 0, 0, 0, 3)
            for row, (label, value) in zip(table.rows, b.items):
                lc, vc = row.cells
                self._clear(lc)
                self._clear(vc)
                self.text(self.paragraph(lc, left_indent_mm=indent), b.bullet + field_label(label), bold=b.bold_labels)
                self.text(self.paragraph(vc), value)
            return
        for label, value in b.items:
            p = self.paragraph(align="justify", first_indent=b.indent, space_after=3)
            self.text(p, b.bullet + field_label(label) + " ", bold=b.bold_labels)
            self.text(p, value)

    def signatures(self, sig: Signatures | None, recipients: list[str] | None, width_mm: float) -> None:
        has_left = bool(sig and sig.left)
        two_rows = has_left and bool(recipients)
        table = self.doc.add_table(rows=2 if two_rows else 1, cols=2)
        self._no_borders(table)
        self._fixed_widths(table, [width_mm / 2, width_mm / 2])
        self._cell_margins(table, 0, 0)
        for row in table.rows:
            _tr_flag(row, "w:cantSplit")
            for cell in row.cells:
                self._clear(cell)
        left, right = table.rows[0].cells
        if has_left:
            self.signature_block(left, sig.left)
        elif recipients:
            self.recipients(left, recipients)
        if sig and sig.right:
            self.signature_block(right, sig.right)
        if two_rows:
            self.recipients(table.rows[1].cells[0], recipients)
        for cell in [c for row in table.rows for c in row.cells]:
            if not cell.paragraphs:
                cell.add_paragraph()
        table.rows[0].cells[0].paragraphs[0].paragraph_format.space_before = Pt(12)
        table.rows[0].cells[1].paragraphs[0].paragraph_format.space_before = Pt(12)

    def signature_block(self, cell, s: SignatureBlock) -> None:
        size = self.lay.body_size
        lead = size * 1.2
        for line in s.lines:
            self.text(self.paragraph(cell, align="center", size=size, leading=lead, keep_with_next=True),
                      upper(line), bold=True)
        if s.note:
            self.text(self.paragraph(cell, align="center", size=size, leading=lead, keep_with_next=True),
                      s.note, italic=True)
        self.paragraph(cell, size=size, leading=s.space_mm / 0.3528, keep_with_next=True)
        if s.name:
            self.text(self.paragraph(cell, align="center", size=size, leading=lead), s.name, bold=True)

    def recipients(self, cell, items: list[str]) -> None:
        lay = self.lay
        p = self.paragraph(cell, size=lay.recipients_label_size, leading=lay.recipients_label_size * 1.2)
        self.text(p, RECIPIENTS_LABEL, bold=True, italic=True)
        for item in items:
            text = nfc(item) or ""
            p = self.paragraph(cell, size=lay.recipients_size, leading=lay.recipients_size * 1.2)
            self.text(p, text if text.lstrip().startswith("-") else f"- {text}")

    def toc(self, title: str, entries: list[tuple[int, str, int]]) -> None:
        write_toc(self, title, entries, TOC_PLACEHOLDER)

    def save(self, path: Path, title: str, author: str) -> None:
        props = self.doc.core_properties
        props.title, props.author, props.comments = title, author, "CellSec"
        if self.lay.mirrored:
            self._set_setting("mirrorMargins")
        with atomic_output(path) as tmp:
            self.doc.save(str(tmp))


def _bottom_border(p) -> None:
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    bdr.append(bottom)
    _insert_ordered(p._p.get_or_add_pPr(), bdr, _PPR_ORDER)


def _tr_flag(row, tag: str) -> None:
    el = OxmlElement(tag)
    el.set(qn("w:val"), "true")
    _insert_ordered(row._tr.get_or_add_trPr(), el, _TRPR_ORDER)


def _keep_together(elements) -> None:
    """Keep-with-next on every paragraph of the group but the very last, and rows that do not split."""
    paragraphs = [p for el in elements for p in (el.iter(qn("w:p")) if el.tag == qn("w:tbl") else [el])
                  if p.tag == qn("w:p")]
    for tr in [tr for el in elements if el.tag == qn("w:tbl") for tr in el.iter(qn("w:tr"))]:
        flag = OxmlElement("w:cantSplit")
        flag.set(qn("w:val"), "true")
        _insert_ordered(tr.get_or_add_trPr(), flag, _TRPR_ORDER)
    for p in paragraphs[:-1]:
        ppr = p.get_or_add_pPr()
        ppr.keepNext_val = True


def _drawing_png(drawing) -> bytes:
    """A reportlab Drawing as PNG for Word, rasterised by PDFium (engine/raster.py)."""
    from .raster import drawing_png

    return drawing_png(drawing, dpi=200)


def render_docx(document: PartyDocument | Book, path: Path, layout: LayoutSettings | None = None,
                on_document: Callable[[], None] | None = None) -> Path:
    """Write `document` (one document or a book) as a .docx at `path`; returns `path`. `on_document`:
    called as each document of a book is laid out for the table of contents (see render_pdf)."""
    layout = layout or default_layout()
    path = Path(path)
    w = _Writer(layout)
    if isinstance(document, Book):
        docs = document.documents
        if not docs:
            raise ValueError("nothing to print: a book needs at least one document")
        w.setup_section(w.doc.sections[0], False, first=True)
        for b in document.cover:
            w.block(b, w.frame_width_mm(False))
        if document.toc_title:
            if document.cover:
                w.block(PageBreak(), 0)
            from .pdf import toc_pages  # the pages the PDF layout gives each entry

            w.toc(document.toc_title, toc_pages(document, layout, on_document))
        started = bool(document.cover or document.toc_title)
        for doc in docs:
            if started:
                section = w.doc.add_section(WD_SECTION.NEW_PAGE)
                w.setup_section(section, doc.landscape, first=False)
            else:
                w.setup_section(w.doc.sections[0], doc.landscape, first=True)
                started = True
            w._tc_entry(w.paragraph(size=1, leading=1, keep_with_next=True), doc.toc_text, 0)
            w.document(doc, w.frame_width_mm(doc.landscape))
        title = document.title or docs[0].toc_text
    else:
        w.setup_section(w.doc.sections[0], document.landscape, first=True)
        w.document(document, w.frame_width_mm(document.landscape))
        docs, title = [document], document.toc_text
    w.save(path, nfc(title) or "", docs[0].author or upper(docs[0].header.issuer))
    return path
