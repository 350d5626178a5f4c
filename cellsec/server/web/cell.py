"""GET /cells/{id}: one cell's records; its minutes and resolutions as pages and as the laptop's PDFs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from cellsec.domain.messages import Msg
from cellsec.domain.text import fold

from .. import documents
from ..store import cell_view
from . import remittance
from .cell_model import cell_page
from .core import Pages, Refused
from .document_html import document_html

NO_MEETING = Msg("Không tìm thấy buổi sinh hoạt này của chi bộ.", "No such meeting of the cell.")
NO_RESOLUTION = Msg("Buổi sinh hoạt này chưa có nghị quyết.", "This meeting has no resolution.")


def _year(raw: str | None) -> int:
    today = dt.date.today()
    return int(raw) if raw and raw.isdigit() and 2000 <= int(raw) <= today.year + 1 else today.year


def _meeting_documents(s: Any, cell_id: str, meeting_id: str) -> dict[str, Any] | None:
    """The minutes (and resolution, if any) of one meeting as PartyDocuments, from the snapshots."""
    meeting = cell_view.record(s, cell_id, "meetings", meeting_id)
    if meeting is None:
        return None
    attendance = cell_view.records(s, cell_id, "meeting_attendance", meeting_id=meeting["id"])
    amended = cell_view.record(s, cell_id, "meetings", meeting["amends_id"]) if meeting.get("amends_id") else None
    resolution = next(iter(cell_view.records(s, cell_id, "resolutions", meeting_id=meeting["id"])), None)
    prefs = documents.preferences(cell_view.records(s, cell_id, "cell_preferences"))
    record = documents.meeting_record(meeting, attendance, amended, has_resolution=resolution is not None,
                                      prefs=prefs)
    cell = next(iter(cell_view.records(s, cell_id, "cells")), {})
    names = cell_view.records(s, cell_id, "committee_names")
    layout = documents.layout_of(prefs)
    out = {"meeting": meeting, "record": record, "minutes": documents.minutes_document(cell, names, record, layout),
           "resolution": None, "resolution_snap": resolution, "layout": layout,
           "comments": cell_view.records(s, cell_id, "committee_comments", target_id=meeting["id"])}
    if resolution is not None:
        out["resolution"] = documents.resolution_document(cell, names, record, documents.resolution_record(resolution),
                                                          layout)
    return out


DONE = {
    "decisions": "Đã ghi {n} quyết định xếp loại; chi bộ sẽ nhận ở lần đồng bộ tới.",
    "recognition": "Đã ghi quyết định công nhận \"Chi bộ 5 tốt\"; chi bộ sẽ nhận ở lần đồng bộ tới.",
    "comment": "Đã gửi ý kiến; bí thư chi bộ sẽ thấy ở lần đồng bộ tới.",
}


def done_notice(done: str, n: int) -> str:
    """The confirmation after an action (chosen from fixed texts: nothing from the address is echoed)."""
    return DONE[done].format(n=max(0, n)) if done in DONE else ""


def pdf_name(prefix: str, number: str, held_on: Any) -> str:
    """'bien-ban-07-BB-CB-2026-03-05.pdf' — ASCII, no path characters."""
    label = fold(number or "du-thao").replace(" ", "-")
    safe = "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in label).strip("-")
    return f"{prefix}-{safe}-{held_on}.pdf"


async def render_cell(pages: Pages, request: Request, who: Any, cell: Any, year: int, status: int = 200,
                      notice: str = "", **extra: Any) -> Response:
    """The cell's page; `extra` carries a form's refusal and typed values back to it."""
    data = await pages.db(cell_page, cell.id, year, dt.date.today())
    return pages.render(request, "cell.html", who, status=status, cell=cell, year=year, notice=notice, **data,
                        today=dt.date.today().isoformat(), **extra)


def add_routes(app: FastAPI, pages: Pages) -> None:
    @app.get("/cells/{cell_id}")
    async def cell_view_page(request: Request, cell_id: str, year: str | None = None, done: str = "",
                             n: int = 0, period: str = "") -> Response:
        who = await pages.user(request)
        cell = await pages.cell(who, cell_id)
        notice = remittance.done_notice(done, period) if done in remittance.DONE else done_notice(done, n)
        return await render_cell(pages, request, who, cell, _year(year), notice=notice)

    async def _documents(request: Request, cell_id: str, meeting_id: str) -> tuple[Any, dict[str, Any], Any]:
        who = await pages.user(request)
        cell = await pages.cell(who, cell_id)
        docs = await pages.db(_meeting_documents, cell.id, meeting_id)
        if docs is None:
            raise Refused(404, NO_MEETING.format())
        return who, docs, cell

    @app.get("/cells/{cell_id}/meetings/{meeting_id}")
    async def meeting_page(request: Request, cell_id: str, meeting_id: str) -> Response:
        who, docs, cell = await _documents(request, cell_id, meeting_id)
        return pages.render(request, "meeting.html", who, cell=cell, docs=docs,
                            minutes_html=document_html(docs["minutes"]),
                            resolution_html=document_html(docs["resolution"]) if docs["resolution"] else None)

    @app.get("/cells/{cell_id}/meetings/{meeting_id}/minutes.pdf")
    async def minutes_pdf(request: Request, cell_id: str, meeting_id: str) -> Response:
        _who, docs, _cell = await _documents(request, cell_id, meeting_id)
        data = await run_in_threadpool(documents.pdf_bytes, docs["minutes"], docs["layout"])
        name = pdf_name("bien-ban", docs["record"].number, docs["meeting"].get("held_on"))
        return Response(data, media_type="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/cells/{cell_id}/meetings/{meeting_id}/resolution.pdf")
    async def resolution_pdf(request: Request, cell_id: str, meeting_id: str) -> Response:
        _who, docs, _cell = await _documents(request, cell_id, meeting_id)
        if docs["resolution"] is None:
            raise Refused(404, NO_RESOLUTION.format())
        data = await run_in_threadpool(documents.pdf_bytes, docs["resolution"], docs["layout"])
        name = pdf_name("nghi-quyet", docs["resolution_snap"].get("number_text") or "", docs["meeting"].get("held_on"))
        return Response(data, media_type="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
