"""Reading PDFs back for tests: text, text pieces with position and font, embedded fonts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

MM = 72 / 25.4


@dataclass
class Piece:
    text: str
    x: float  # points from the left edge
    y: float  # points from the bottom edge
    font: str  # BaseFont without the subset prefix, e.g. "LiberationSerif-Italic"
    size: float


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def pieces(path: Path, page_no: int) -> list[Piece]:
    page = PdfReader(str(path)).pages[page_no]
    out: list[Piece] = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        base = str(font_dict.get("/BaseFont", "")) if font_dict else ""
        out.append(Piece(text.strip(), x, y, base.lstrip("/").split("+")[-1], font_size))

    page.extract_text(visitor_text=visit)
    return out


def page_size(path: Path, page_no: int) -> tuple[float, float]:
    box = PdfReader(str(path)).pages[page_no].mediabox
    return float(box.width), float(box.height)


def fonts(path: Path) -> dict[str, bool]:
    """BaseFont (subset prefix removed) -> whether a TrueType font file is embedded, over all pages."""
    found: dict[str, bool] = {}
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            descriptor = font.get("/FontDescriptor")
            found[name] = bool(descriptor) and "/FontFile2" in descriptor.get_object()
    return found
