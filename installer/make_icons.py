"""Render resources/icons/cellsec.svg to the PNG sizes of the Linux desktop entry and the Windows .ico.

Run after changing the SVG: python installer/make_icons.py  (needs Qt's SVG module and Pillow, both in
the app's dependencies: PySide6-Essentials and reportlab's Pillow)."""

from __future__ import annotations

import io
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (256, 48)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 (QPainter needs an application)
    renderer = QSvgRenderer(str(ICONS / "cellsec.svg"))
    for size in PNG_SIZES:
        render(renderer, size).save(ICONS / f"cellsec-{size}.png")
    images = [render(renderer, size) for size in ICO_SIZES]
    images[-1].save(ICONS / "cellsec.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    print("wrote", ", ".join(sorted(p.name for p in ICONS.iterdir())))


if __name__ == "__main__":
    main()
