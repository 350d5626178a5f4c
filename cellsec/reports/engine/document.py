"""The Party document model every printed CellSec document is built from, and its layout settings.

Pure data (no reportlab / python-docx here): feature code builds a `PartyDocument` (or a `Book` of them)
from these blocks and hands it to `cellsec.reports.engine.layout.render()`; the PDF and DOCX backends turn the
same model into the same page layout (Hướng dẫn 36-HD/VPTW, domain reference §4).

User text goes into `Paragraph(text)`, table cells as plain `str`, field values, names: the backends
escape it. Only `Rich(markup)` holds markup (<b>, <i>, <u>, <br/>); build it with `Rich.format(template,
**values)` so the values are escaped, never by pasting user text into markup.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Union

from ...domain import layout as layout_rules
from ...domain.dates import date_line
from ...domain.layout import LayoutSettings
from ...domain.text import nfc
from ...paths import resources_dir

ALIGNMENTS = ("left", "center", "right", "justify")


def _check_align(*values: str) -> None:
    for value in values:
        if value not in ALIGNMENTS:
            raise ValueError(f"alignment must be one of {ALIGNMENTS}, not {value!r}")

# ---------------------------------------------------------------------------------------------------
# Layout settings: the value lives in the domain (domain/layout.py); the defaults are the rule file's
# ---------------------------------------------------------------------------------------------------


def layout_presets() -> dict[str, tuple[str, LayoutSettings]]:
    """Preset name -> (Vietnamese label, settings) from resources/rules/document_layout.json."""
    return layout_rules.layout_presets(resources_dir() / "rules")


def default_layout() -> LayoutSettings:
    return layout_rules.default_layout(resources_dir() / "rules")


# ---------------------------------------------------------------------------------------------------
# Markup
# ---------------------------------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)([a-zA-Z]+)\s*(/?)>")
_ALLOWED_TAGS = {"b", "i", "u", "br"}
_ENTITY = re.compile(r"&(amp|lt|gt|quot|#\d+);")


def escape(text: str | None) -> str:
    """User text -> markup text: NFC, and & < > made literal."""
    value = nfc(text or "")
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def upper(text: str | None) -> str:
    """NFC upper case ('Đảng ủy' -> 'ĐẢNG ỦY'): committee names, titles, signature lines."""
    return (nfc(text or "") or "").upper()


def field_label(label: str) -> str:
    """'Thời gian' -> 'Thời gian:' (a label already ending in ':' is kept)."""
    label = (nfc(label) or "").rstrip()
    return label if label.endswith(":") else f"{label}:"


def check_markup(markup: str) -> None:
    """Only <b> <i> <u> (nested properly) and <br/>; & only as an entity. Both backends accept exactly this."""
    stack: list[str] = []
    pos = 0
    for m in _TAG.finditer(markup):
        _check_text(markup[pos:m.start()], markup)
        pos = m.end()
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name not in _ALLOWED_TAGS:
            raise ValueError(f"unsupported tag <{name}> in {markup!r}")
        if name == "br":
            continue
        if selfclosing:
            raise ValueError(f"<{name}/> is not allowed in {markup!r}")
        if closing:
            if not stack or stack.pop() != name:
                raise ValueError(f"unbalanced </{name}> in {markup!r}")
        else:
            stack.append(name)
    _check_text(markup[pos:], markup)
    if stack:
        raise ValueError(f"unclosed <{stack[-1]}> in {markup!r}")


def _check_text(text: str, markup: str) -> None:
    if "<" in text or ">" in text:
        raise ValueError(f"stray < or > in {markup!r}; escape user text")
    for i, ch in enumerate(text):
        if ch == "&" and not _ENTITY.match(text, i):
            raise ValueError(f"bare & in {markup!r}; escape user text")


def markup_runs(markup: str) -> list[tuple[str, bool, bool, bool]]:
    """Markup -> [(text, bold, italic, underline)]; a line break is the run '\\n'. Used by DOCX."""
    import html

    runs: list[tuple[str, bool, bool, bool]] = []
    state = {"b": 0, "i": 0, "u": 0}
    pos = 0

    def text_run(text: str) -> None:
        if text:
            runs.append((html.unescape(text), state["b"] > 0, state["i"] > 0, state["u"] > 0))

    for m in _TAG.finditer(markup):
        text_run(markup[pos:m.start()])
        pos = m.end()
        name = m.group(2).lower()
        if name == "br":
            runs.append(("\n", False, False, False))
        else:
            state[name] += -1 if m.group(1) else 1
    text_run(markup[pos:])
    return runs


# ---------------------------------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------------------------------


@dataclass
class Paragraph:
    """Plain user text (escaped by the backend). Line breaks in `text` are kept."""

    text: str
    bold: bool = False
    italic: bool = False
    align: str = "justify"
    indent: bool = True  # first-line indent
    left_indent_mm: float = 0
    size: float | None = None  # None: the body size
    space_before: float = 0  # points
    space_after: float = 6
    keep_with_next: bool = False

    def __post_init__(self) -> None:
        _check_align(self.align)

    @property
    def markup(self) -> str:
        return escape(self.text).replace("\n", "<br/>")


@dataclass
class Rich:
    """Text with <b>/<i>/<u>/<br/> markup. Build it with `Rich.format` when it holds user text."""

    text: str  # the markup
    align: str = "justify"
    indent: bool = True
    left_indent_mm: float = 0
    size: float | None = None
    space_before: float = 0
    space_after: float = 6
    keep_with_next: bool = False
    bold: bool = False
    italic: bool = False

    def __post_init__(self) -> None:
        _check_align(self.align)
        self.text = nfc(self.text) or ""
        check_markup(self.text)

    @property
    def markup(self) -> str:
        return self.text

    @classmethod
    def format(cls, template: str, /, *args: Any, **values: Any) -> Rich:
        """`Rich.format("<b>Đồng chí {name}:</b> {said}", name=..., said=...)` escapes every value;
        options for the block (align, indent, ...) go in `values` under their field names."""
        options = {k: values.pop(k) for k in list(values) if k in _RICH_OPTIONS}
        safe = {k: escape(str(v)).replace("\n", "<br/>") for k, v in values.items()}
        return cls(template.format(*[escape(str(a)) for a in args], **safe), **options)


_RICH_OPTIONS = {"align", "indent", "left_indent_mm", "size", "space_before", "space_after", "keep_with_next"}


@dataclass
class Heading:
    """A section heading ("I. NỘI DUNG", "1. Tình hình ..."). level 1–2 bold, level 3 bold italic.
    `toc=True` also lists it in the book's table of contents and the PDF outline."""

    text: str
    level: int = 1
    align: str = "left"
    indent: bool = True
    size: float | None = None
    toc: bool = False

    def __post_init__(self) -> None:
        _check_align(self.align)


@dataclass
class Span:
    """Merged table cells, in table coordinates: row 0 is the first header row."""

    first_col: int
    first_row: int
    last_col: int
    last_row: int


Cell = Union[str, Rich]


@dataclass
class Table:
    """A grid table. `columns` is the (bottom) header row; `header_rows` are extra header rows above it
    (group titles, with `spans`). Header rows are bold and repeat on every page; long tables split
    between rows. `col_widths` are relative weights scaled to the text width (None: equal)."""

    columns: list[str]
    rows: list[list[Cell]]
    col_widths: list[float] | None = None
    align: list[str] | None = None  # per column; default left
    header_rows: list[list[str]] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    repeat_header: bool = True
    size: float | None = None  # None: the table size
    bold_rows: tuple[int, ...] = ()  # body rows printed bold (totals)

    def __post_init__(self) -> None:
        n = len(self.columns)
        for row in [*self.header_rows, *self.rows]:
            if len(row) != n:
                raise ValueError(f"table row has {len(row)} cells, expected {n}: {row!r}")
        if self.col_widths is not None and len(self.col_widths) != n:
            raise ValueError("col_widths must give one weight per column")
        if self.align is not None:
            if len(self.align) != n:
                raise ValueError("align must give one alignment per column")
            _check_align(*self.align)

    @property
    def header_count(self) -> int:
        return len(self.header_rows) + 1


@dataclass
class Spacer:
    height_mm: float


@dataclass
class PageBreak:
    pass


@dataclass
class KeepTogether:
    """Blocks kept on one page when they fit (e.g. a conclusion and what follows)."""

    blocks: list[Block]


@dataclass
class Image:
    """A picture: PNG bytes, or a reportlab Drawing (vector, PDF only). Give `png` too when the document
    may be written as DOCX. Width/height in mm; one of them keeps the aspect ratio."""

    png: bytes | None = None
    drawing: Any = None
    width_mm: float | None = None
    height_mm: float | None = None
    align: str = "center"
    caption: str | None = None

    def __post_init__(self) -> None:
        if self.png is None and self.drawing is None:
            raise ValueError("Image needs png bytes or a drawing")
        _check_align(self.align)


@dataclass
class FieldList:
    """'Label: value' lines. With `label_width_mm` the values line up in a column (borderless table)."""

    items: list[tuple[str, str]]
    bold_labels: bool = False
    label_width_mm: float | None = None
    indent: bool = True
    bullet: str = ""  # e.g. "- " before every line


@dataclass
class TocEntry:
    """An invisible mark: lists `text` in the table of contents / PDF outline at this point."""

    text: str
    level: int = 1


Block = Union[Paragraph, Rich, Heading, Table, Spacer, PageBreak, KeepTogether, Image, FieldList, TocEntry]

# ---------------------------------------------------------------------------------------------------
# Header, signatures, document
# ---------------------------------------------------------------------------------------------------


@dataclass
class Header:
    """The header block. Names are printed upper case; `number` e.g. 'Số 05-BB/CB' (None: no number line);
    `place_date` e.g. 'Nghệ An, ngày 05 tháng 02 năm 2026' (printed italic)."""

    upper_committee: str
    issuer: str
    number: str | None
    place_date: str


def cell_header(cell: Any, on: dt.date, number: str | None = None, layout: LayoutSettings | None = None) -> Header:
    """Header of a document the cell issues on `on` (`cell` is a CellInfo: name, upper_committee, place_name).
    Pass the CellInfo valid on that date so a renamed committee prints with its name of the time."""
    zero_pad = (layout or default_layout()).zero_pad_dates
    return Header(upper_committee=cell.upper_committee, issuer=cell.name, number=number,
                  place_date=date_line(cell.place_name, on, zero_pad=zero_pad))


@dataclass
class SignatureBlock:
    """'T/M CHI BỘ' / 'BÍ THƯ', an optional italic note '(Ký, ghi rõ họ tên)', space to sign, the name."""

    lines: list[str]
    name: str = ""
    note: str | None = None
    space_mm: float = 25


@dataclass
class Signatures:
    left: SignatureBlock | None = None
    right: SignatureBlock | None = None

    @classmethod
    def for_cell(cls, secretary_name: str, role: str = "BÍ THƯ", on_behalf: str = "T/M CHI BỘ") -> Signatures:
        """Resolutions and reports: 'T/M CHI BỘ / BÍ THƯ' on the right ('PHÓ BÍ THƯ', 'K/T BÍ THƯ' ...)."""
        return cls(right=SignatureBlock([on_behalf, role], name=secretary_name))

    @classmethod
    def for_minutes(cls, recorder_name: str, chair_name: str, chair_title: str = "CHỦ TRÌ") -> Signatures:
        """Minutes: 'THƯ KÝ' left, 'CHỦ TRÌ' right."""
        return cls(left=SignatureBlock(["THƯ KÝ"], name=recorder_name),
                   right=SignatureBlock([chair_title], name=chair_name))


@dataclass
class PartyDocument:
    header: Header
    title: str  # printed upper case; '\n' splits lines ("BIÊN BẢN\nSINH HOẠT CHI BỘ ĐỊNH KỲ")
    subtitle: str | None = None
    blocks: list[Block] = field(default_factory=list)
    signatures: Signatures | None = None
    recipients: list[str] | None = None  # 'Nơi nhận:' bottom left; each item printed after '- '
    landscape: bool = False
    toc_label: str | None = None  # table-of-contents text in a Book (default: title + subtitle)
    author: str = ""  # PDF metadata (default: the issuer)

    @property
    def toc_text(self) -> str:
        if self.toc_label:
            return self.toc_label
        title = " ".join(self.title.split())
        return f"{title} {self.subtitle}" if self.subtitle else title


@dataclass
class Book:
    """Several documents bound together (the minutes book): a cover page, a table of contents, then each
    document from a new page with its own header; page numbers run through the whole book."""

    documents: list[PartyDocument]
    cover: list[Block] = field(default_factory=list)
    toc_title: str | None = "MỤC LỤC"  # None: no table of contents
    title: str = ""  # PDF metadata
