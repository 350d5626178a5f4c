"""The committee's own outputs across its cells, from the overview's figures: classification results,
meeting compliance per month and quarter, "5 tốt" results, dues collected and remitted per cell. Each is a
page table, an XLSX and a Party-format PDF with the committee's own header (cellsec.reports' renderer)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool

from cellsec.domain.dates import date_line
from cellsec.domain.review_rules import LEVEL_SHORT, LEVELS

from .. import documents
from ..store import overview as figures
from .core import Pages, Refused
from .overview import rows_of

KINDS = {
    "xep-loai": "Tổng hợp kết quả kiểm điểm, xếp loại đảng viên",
    "sinh-hoat": "Tình hình sinh hoạt chi bộ theo tháng, quý",
    "5-tot": "Kết quả đánh giá \"Chi bộ 5 tốt\"",
    "dang-phi": "Tổng hợp thu, nộp đảng phí",
}
# Letters rather than ✓/✗: the PDF's Party serif font has no check marks, and a table read on paper needs a key.
MARKS = {"approved": "Đ", "held": "H", "missing": "0", "future": ""}
MARKS_KEY = ("Đ: đã sinh hoạt, biên bản đã thông qua; H: đã sinh hoạt, biên bản chưa thông qua; "
             "0: chưa sinh hoạt.")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _money(value: int) -> str:
    return f"{int(value or 0):,}".replace(",", ".")


def classification_table(rows: list[dict]) -> dict[str, Any]:
    levels = [LEVEL_SHORT[lv] for lv in LEVELS]
    body, totals = [], [0] * 9
    for i, r in enumerate(rows, 1):
        proposed = [r["reviews"]["proposed"][lv] for lv in LEVELS]
        decided = [r["reviews"]["decided"][lv] for lv in LEVELS]
        values = [r["reviews"]["total"], *proposed, *decided]
        totals = [a + b for a, b in zip(totals, values)]
        cell_level = (r.get("cell_level") or {}).get("level") or ""
        body.append([str(i), r["name"], *map(str, values), LEVEL_SHORT.get(cell_level, "")])
    body.append(["", "Cộng", *map(str, totals), ""])
    columns = ["TT", "Chi bộ", "Số bản kiểm điểm", *[f"Chi bộ đề nghị {x}" for x in levels],
               *[f"Cấp ủy quyết định {x}" for x in levels], "Xếp loại chi bộ"]
    return {"columns": columns, "rows": body, "widths": [6, 40] + [12] * 9 + [16], "totals": True}


def compliance_table(rows: list[dict]) -> dict[str, Any]:
    body = []
    for i, r in enumerate(rows, 1):
        states = r["month_states"]
        quarters = [sum(1 for m in states[q * 3:q * 3 + 3] if m["state"] in ("approved", "held")) for q in range(4)]
        body.append([str(i), r["name"], *[MARKS[m["state"]] for m in states], *[f"{q}/3" for q in quarters],
                     str(sum(m["held"] for m in r["months"].values())), str(r["missing"])])
    columns = ["TT", "Chi bộ", *[f"T{m}" for m in range(1, 13)], "Quý I", "Quý II", "Quý III", "Quý IV",
               "Số buổi", "Tháng thiếu"]
    return {"columns": columns, "rows": body, "widths": [6, 40] + [7] * 12 + [11] * 4 + [10, 10], "totals": False,
            "note": MARKS_KEY}


def five_good_table(rows: list[dict]) -> dict[str, Any]:
    body = []
    for i, r in enumerate(rows, 1):
        f = r["five_good"]
        score = "" if f["total"] is None else f"{f['total']}/{f['max']}"
        recognised = f["recognised"] if isinstance(f["recognised"], str) else ("Có" if f["recognised"] else "")
        body.append([str(i), r["name"], score, f["band"] or "", f["proposal"] or "", recognised])
    columns = ["TT", "Chi bộ", "Điểm tự đánh giá", "Xếp mức", "Chi bộ đề nghị", "Quyết định công nhận"]
    return {"columns": columns, "rows": body, "widths": [6, 45, 20, 30, 35, 30], "totals": False}


def dues_table(rows: list[dict]) -> dict[str, Any]:
    body, totals = [], [0] * 5
    for i, r in enumerate(rows, 1):
        d = r["dues"]
        values = [d["due"], d["paid"], d["remit"], d["received"], max(0, d["remit"] - d["received"])]
        totals = [a + b for a, b in zip(totals, values)]
        body.append([str(i), r["name"], *map(_money, values)])
    body.append(["", "Cộng", *map(_money, totals)])
    columns = ["TT", "Chi bộ", "Phải thu (đồng)", "Đã thu (đồng)", "Phải nộp cấp trên (đồng)",
               "Cấp trên đã nhận (đồng)", "Còn thiếu (đồng)"]
    return {"columns": columns, "rows": body, "widths": [6, 50, 24, 24, 26, 26, 24], "totals": True}


BUILDERS = {"xep-loai": classification_table, "sinh-hoat": compliance_table, "5-tot": five_good_table,
            "dang-phi": dues_table}


def table_document(committee: str, kind: str, year: int, table: dict[str, Any], today: dt.date) -> Any:
    from cellsec.reports.engine.document import Header, Paragraph, PartyDocument, Signatures, Table

    n = len(table["columns"])
    grid = Table(table["columns"], table["rows"], col_widths=table["widths"],
                 align=["center", "left"] + ["center"] * (n - 2),
                 bold_rows=(len(table["rows"]) - 1,) if table["totals"] else ())
    return PartyDocument(
        header=Header(upper_committee="", issuer=committee, number=None, place_date=date_line("", today)),
        title="BÁO CÁO", subtitle=f"{KINDS[kind]} năm {year}",
        blocks=[Paragraph(f"Số chi bộ: {len(table['rows']) - (1 if table['totals'] else 0)}.", indent=False), grid,
                *([Paragraph(table["note"], italic=True, indent=False)] if table.get("note") else [])],
        signatures=Signatures.for_cell("", role="", on_behalf="T/M ĐẢNG ỦY"), landscape=n > 8)


def xlsx(committee: str, kind: str, year: int, table: dict[str, Any], path: Any) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = kind
    ws.append([committee])
    ws.append([f"{KINDS[kind]} năm {year}"])
    ws.append([])
    ws.append(table["columns"])
    for row in table["rows"]:
        ws.append(row)
    if table.get("note"):
        ws.append([])
        ws.append([table["note"]])
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # names typed by users stay text, never formulas
    for cell in (ws["A1"], ws["A2"], *ws[4]):
        cell.font = Font(bold=True)
    for cell in ws[4]:
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.column_dimensions["B"].width = 40
    wb.save(path)


def month_chart(rows: list[dict]) -> Markup:
    """Cells that held their regular meeting, per month (inline SVG bars)."""
    total = max(1, len(rows))
    bars = []
    for m in range(12):
        held = sum(1 for r in rows if r["month_states"][m]["state"] in ("approved", "held"))
        h = round(120 * held / total)
        x = 40 + m * 44
        bars.append(f'<rect x="{x}" y="{140 - h}" width="30" height="{h}" fill="#b3171d"/>'
                    f'<text x="{x + 15}" y="{135 - h}" text-anchor="middle">{held}</text>'
                    f'<text x="{x + 15}" y="156" text-anchor="middle">T{m + 1}</text>')
    return Markup('<svg class="chart" width="580" height="165" role="img" aria-label="Số chi bộ sinh hoạt từng tháng">'
                  '<line x1="35" y1="140" x2="575" y2="140" stroke="#6a737d"/>' + "".join(bars) + "</svg>")


def levels_chart(rows: list[dict]) -> Markup:
    counts = {lv: sum(r["reviews"]["proposed"][lv] for r in rows) for lv in LEVELS}
    total = max(1, sum(counts.values()))
    colors = {"htxs": "#1a7f37", "htt": "#2f81f7", "ht": "#9a6700", "kht": "#c4161c"}
    x, parts = 0.0, []
    for lv in LEVELS:
        w = 540 * counts[lv] / total
        parts.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="26" fill="{colors[lv]}"/>'
                     f'<text x="{x + 4:.1f}" y="44">{escape(LEVEL_SHORT[lv])}: {counts[lv]}</text>')
        x += w
    return Markup('<svg class="chart" width="560" height="52" role="img" aria-label="Tỷ lệ các mức xếp loại">'
                  + "".join(parts) + "</svg>")


def add_routes(app: FastAPI, pages: Pages) -> None:
    async def load(request: Request, year: str | None) -> tuple[Any, int, list[dict]]:
        who = await pages.user(request)
        today = dt.date.today()
        y = int(year) if year and year.isdigit() and 2000 <= int(year) <= today.year + 1 else today.year
        cells = await pages.db(figures.cell_figures, who.committee_id, y)
        return who, y, rows_of(pages, cells, y, today)

    @app.get("/outputs")
    async def outputs_page(request: Request, year: str | None = None) -> Response:
        who, y, rows = await load(request, year)
        tables = {kind: BUILDERS[kind](rows) for kind in KINDS}
        return pages.render(request, "outputs.html", who, active="outputs", year=y, kinds=KINDS, tables=tables,
                            month_chart=month_chart(rows), levels_chart=levels_chart(rows),
                            years=list(range(dt.date.today().year, dt.date.today().year - 5, -1)))

    @app.get("/outputs/{kind}.{fmt}")
    async def output_file(request: Request, kind: str, fmt: str, year: str | None = None) -> Response:
        if kind not in KINDS or fmt not in ("xlsx", "pdf"):
            raise Refused(404, "Không có báo cáo này.")
        who, y, rows = await load(request, year)
        table = BUILDERS[kind](rows)
        if fmt == "pdf":
            doc = table_document(who.committee_name, kind, y, table, dt.date.today())
            data, media = await run_in_threadpool(documents.pdf_bytes, doc), "application/pdf"
        else:
            data = await run_in_threadpool(documents.xlsx_bytes,
                                           lambda p: xlsx(who.committee_name, kind, y, table, p))
            media = XLSX_TYPE
        return Response(data, media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="{kind}-{y}.{fmt}"'})
