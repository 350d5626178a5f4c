"""A Party document (cellsec.reports' model) shown in the page: the same blocks the PDF prints, as HTML.

User text reaches the model already escaped (Paragraph.markup escapes; Rich is checked to hold only
<b>/<i>/<u>/<br/> around escaped text), so the markup is safe to place in the page as it is.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from cellsec.reports.engine.document import Heading, Paragraph, Rich, Spacer


def _block(block: Any) -> str:
    if isinstance(block, Heading):
        return f'<p class="heading">{escape(block.text)}</p>'
    if isinstance(block, (Paragraph, Rich)):
        classes = [c for c, on in (("center", block.align == "center"),) if on]
        inner = block.markup.replace("<br/>", "<br>")
        if block.bold:
            inner = f"<b>{inner}</b>"
        if block.italic:
            inner = f"<i>{inner}</i>"
        return f'<p class="{" ".join(classes)}">{inner}</p>'
    if isinstance(block, Spacer):
        return "<br>"
    return ""


def document_html(doc: Any) -> Markup:
    h = doc.header
    parts = ['<article class="document">', '<div class="header">',
             f"<div>{escape(h.upper_committee.upper())}<br><b>{escape(h.issuer.upper())}</b><br>*"
             + (f"<br>{escape(h.number)}" if h.number else "") + "</div>",
             f"<div><b>ĐẢNG CỘNG SẢN VIỆT NAM</b><br><i>{escape(h.place_date)}</i></div></div>",
             f'<p class="title">{"<br>".join(escape(t.upper()) for t in doc.title.split(chr(10)))}</p>']
    if doc.subtitle:
        parts.append(f'<p class="subtitle">{escape(doc.subtitle)}</p>')
    parts += [_block(b) for b in doc.blocks]
    if doc.signatures:
        parts.append('<div class="signs">')
        for side in (doc.signatures.left, doc.signatures.right):
            lines = "<br>".join(f"<b>{escape(x)}</b>" for x in side.lines) if side else ""
            parts.append(f"<div>{lines}<br><br><br>{escape(side.name) if side else ''}</div>")
        parts.append("</div>")
    if doc.recipients:
        parts.append("<p><i><b>Nơi nhận:</b></i><br>" + "<br>".join(f"- {escape(r)}" for r in doc.recipients)
                     + "</p>")
    parts.append("</article>")
    return Markup("".join(parts))
