"""What the committee does from the pages; each write reaches the cell's laptop at its next sync.

- POST /cells/{id}/decisions     classification decisions: every member level chosen in the summary table,
                                 and the cell's own level, under one decision number and date
- POST /cells/{id}/recognition   "Chi bộ 5 tốt" for a year
- POST /cells/{id}/comments      a comment on one of the cell's records
- GET/POST /publish              a rubric or rule set (JSON exchange file), a guidance document (with its file)
- GET/POST /import               a laptop's transfer file (.cellsec-sync) in, the answer file back out
The store functions are the ones the server's command line uses.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from cellsec.domain.messages import Msg
from cellsec.sync.protocol.envelope import FILE_SUFFIX, Envelope
from cellsec.sync.protocol.errors import ProtocolError

from ..errors import ServerError
from ..store import admin, web_publish
from ..store.bundles import import_bundle
from ..store.models import Cell
from .core import Pages, Refused, redirect

MAX_UPLOAD = 64 * 1024 * 1024
MAX_ATTACHMENT = 5 * 1024 * 1024
BAD_DATE = Msg("Ngày không hợp lệ: \"{value}\".", "Invalid date: \"{value}\".")
NEED_NUMBER = Msg("Cần ghi số quyết định.", "The decision number is required.")
NOTHING_CHOSEN = Msg("Chưa chọn mức xếp loại nào để ghi.", "No level was chosen.")
EMPTY_COMMENT = Msg("Hãy viết ý kiến trước khi gửi.", "Write the comment before sending it.")
NO_FILE = Msg("Hãy chọn tệp để tải lên.", "Choose a file to upload.")
TOO_BIG = Msg("Tệp quá lớn (tối đa {mb} MB).", "The file is too large (at most {mb} MB).")
BAD_RUBRIC = Msg("Tệp tiêu chí không hợp lệ: {error}", "Invalid rubric file: {error}")
BAD_RULE_SET = Msg("Tệp bộ quy tắc kiểm điểm không hợp lệ: {error}", "Invalid review rule set file: {error}")
OTHER_COMMITTEE_FILE = Msg("Tệp này là của một chi bộ không thuộc cấp ủy của đồng chí.",
                           "This file belongs to a cell that is not under your committee.")
PUBLISHED = {"rubric": "Đã ban hành {n} bộ tiêu chí; các chi bộ nhận sẽ có ở lần đồng bộ tới.",
             "rule_set": "Đã ban hành bộ quy tắc kiểm điểm, xếp loại; các chi bộ nhận sẽ có ở lần đồng bộ tới.",
             "guidance": "Đã gửi văn bản hướng dẫn; các chi bộ nhận sẽ có ở lần đồng bộ tới."}


def _date(value: Any) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value or "").strip())
    except ValueError:
        raise Refused(400, BAD_DATE.format(value=str(value or "")[:40])) from None


def _year(value: Any) -> int:
    text = str(value or "")
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else dt.date.today().year


async def _write(pages: Pages, work: Any, *args: Any) -> Any:
    """A committee write; a refusal of the store (unknown review, bad level...) is shown as a page."""
    try:
        return await pages.db(work, *args)
    except ServerError as exc:
        raise Refused(exc.status if 400 <= exc.status < 500 else 400, exc.message("vi")) from None


def _decide(s: Any, cell_id: str, levels: dict[str, str], cell_level: str, year: int, number: str,
            on: dt.date) -> int:
    for review_id, level in levels.items():
        admin.add_decision(s, cell_id, level, number, on, review_id=review_id)
    if cell_level:
        admin.add_decision(s, cell_id, cell_level, number, on, year=year)
    return len(levels) + (1 if cell_level else 0)


def _add_cell_routes(app: FastAPI, pages: Pages) -> None:
    @app.post("/cells/{cell_id}/decisions")
    async def decisions(request: Request, cell_id: str) -> Response:
        who, cell, form = await pages.cell_form(request, cell_id)
        number, on, year = str(form.get("number", "")).strip(), _date(form.get("date")), _year(form.get("year"))
        if not number:
            raise Refused(400, NEED_NUMBER.format())
        levels = {k[6:42]: str(v) for k, v in form.items() if k.startswith("level_") and v}
        cell_level = str(form.get("cell_level", ""))
        if not levels and not cell_level:
            raise Refused(400, NOTHING_CHOSEN.format())
        n = await _write(pages, _decide, cell.id, levels, cell_level, year, number[:100], on)
        return redirect(f"/cells/{cell.id}?year={year}&done=decisions&n={n}#kiem-diem")

    @app.post("/cells/{cell_id}/recognition")
    async def recognition(request: Request, cell_id: str) -> Response:
        who, cell, form = await pages.cell_form(request, cell_id)
        year, on, number = _year(form.get("year")), _date(form.get("date")), str(form.get("number", "")).strip()
        if not number:
            raise Refused(400, NEED_NUMBER.format())
        await _write(pages, admin.add_recognition, cell.id, year, number[:100], on, str(form.get("note", ""))[:500])
        return redirect(f"/cells/{cell.id}?year={year}&done=recognition#diem")

    @app.post("/cells/{cell_id}/comments")
    async def comment(request: Request, cell_id: str) -> Response:
        who, cell, form = await pages.cell_form(request, cell_id)
        if not str(form.get("text", "")).strip():
            raise Refused(400, EMPTY_COMMENT.format())
        await _write(pages, admin.add_comment, cell.id, str(form.get("entity", ""))[:100],
                     str(form.get("entity_id", ""))[:36], str(form.get("text", ""))[:2000], who.display_name)
        if form.get("entity") == "member_reviews" and form.get("back") == "review":  # from the review's own page
            return redirect(f"/cells/{cell.id}/reviews/{str(form.get('entity_id', ''))[:36]}?done=comment#y-kien")
        anchor = "kiem-diem" if form.get("entity") == "member_reviews" else "sinh-hoat"
        return redirect(f"/cells/{cell.id}?year={_year(form.get('year'))}&done=comment#{anchor}")


async def _upload(form: Any, name: str, limit: int) -> tuple[str, str, bytes] | None:
    item = form.get(name)
    if not isinstance(item, UploadFile) or not item.filename:
        return None
    data = await item.read(limit + 1)
    if len(data) > limit:
        raise Refused(413, TOO_BIG.format(mb=limit // (1024 * 1024)))
    return item.filename, item.content_type or "application/octet-stream", data


def _targets(form: Any) -> list[str] | None:
    """None: every cell of the committee; else the ticked cells."""
    return None if form.get("target", "all") == "all" else [str(c)[:36] for c in form.getlist("cells")]


def parse_rubrics(data: bytes) -> list[Any]:
    """The JSON exchange format (a file of rubrics, or one bare rubric object), as the CLI reads it."""
    from cellsec.domain.rubrics import RubricError, parse_rubric_file, rubric_from_dict

    try:
        try:
            doc = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            doc = None  # parse_rubric_file words the problem
        if isinstance(doc, dict) and "format" not in doc and "key" in doc:
            return [rubric_from_dict(doc)]
        return parse_rubric_file(data)
    except RubricError as exc:
        raise Refused(400, BAD_RUBRIC.format(error=str(exc))) from None


def parse_rule_set(data: bytes) -> Any:
    """A review rule set file ({"rule_set": "review", ...}), validated by the domain; None for anything else."""
    from cellsec.domain.review_rules import RuleSetError
    from cellsec.domain.review_rules import parse_rule_set as parse

    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(doc, dict) or doc.get("rule_set") != "review":
        return None
    try:
        return parse(doc)
    except RuleSetError as exc:
        raise Refused(400, BAD_RULE_SET.format(error=str(exc))) from None


def _committee_cells(s: Any, committee_id: str) -> list[tuple[str, str]]:
    return list(s.execute(select(Cell.id, Cell.name).where(Cell.committee_id == committee_id).order_by(Cell.name)))


def _add_publish_routes(app: FastAPI, pages: Pages) -> None:
    @app.get("/publish")
    async def publish_page(request: Request, done: str = "", n: int = 0) -> Response:
        who = await pages.user(request)
        cells = await pages.db(_committee_cells, who.committee_id)
        notice = PUBLISHED[done].format(n=max(0, n)) if done in PUBLISHED else ""
        return pages.render(request, "publish.html", who, active="publish", cells=cells, notice=notice,
                            today=dt.date.today().isoformat())

    @app.post("/publish/rubric")
    async def publish_rubric(request: Request) -> Response:
        who = await pages.user(request)
        form = await pages.form(request, who)
        upload = await _upload(form, "file", MAX_UPLOAD)
        if upload is None:
            raise Refused(400, NO_FILE.format())
        rule_set = parse_rule_set(upload[2])
        if rule_set is not None:
            await _write(pages, web_publish.publish_rule_set, who.committee_id, rule_set, _targets(form))
            return redirect("/publish?done=rule_set")
        rubrics = parse_rubrics(upload[2])
        ids = await _write(pages, web_publish.publish_rubrics, who.committee_id, rubrics, _targets(form))
        return redirect(f"/publish?done=rubric&n={len(ids)}")

    @app.post("/publish/guidance")
    async def publish_guidance(request: Request) -> Response:
        who = await pages.user(request)
        form = await pages.form(request, who)
        upload = await _upload(form, "file", MAX_ATTACHMENT)
        attachment = None if upload is None else {"name": upload[0], "type": upload[1],
                                                  "data": base64.b64encode(upload[2]).decode()}
        raw_date = str(form.get("date", "")).strip()
        await _write(pages, web_publish.publish_guidance, who.committee_id, str(form.get("title", ""))[:300],
                     str(form.get("body", ""))[:100_000], str(form.get("number", ""))[:100],
                     _date(raw_date) if raw_date else None, attachment, _targets(form))
        return redirect("/publish?done=guidance")


def _import(pages: Pages, committee_id: str, data: bytes, client: str) -> tuple[bytes, dict[str, Any]]:
    try:
        claimed = Envelope.from_bytes(data).manifest
        with pages.store.transaction() as s:
            cell = s.get(Cell, claimed.cell_id[:36])
            if cell is None or cell.committee_id != committee_id:
                raise Refused(403, OTHER_COMMITTEE_FILE.format())
        return import_bundle(pages.store, data, client=client)
    except (ProtocolError, ServerError) as exc:
        raise Refused(400 if isinstance(exc, ProtocolError) else exc.status, exc.message("vi")) from None


def _add_import_routes(app: FastAPI, pages: Pages) -> None:
    @app.get("/import")
    async def import_page(request: Request) -> Response:
        who = await pages.user(request)
        return pages.render(request, "import.html", who, active="import")

    @app.post("/import")
    async def import_file(request: Request) -> Response:
        who = await pages.user(request)
        form = await pages.form(request, who)
        upload = await _upload(form, "file", MAX_UPLOAD)
        if upload is None:
            raise Refused(400, NO_FILE.format())
        answer, summary = await run_in_threadpool(_import, pages, who.committee_id, upload[2],
                                                  f"web:{who.login}:{upload[0][:40]}")
        name = f"tra-loi-{summary['cell_id'][:8]}-{dt.date.today().isoformat()}{FILE_SUFFIX}"
        counts = summary.get("summary") or {}
        return Response(answer, media_type="application/vnd.cellsec-sync", headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-CellSec-Applied": str(counts.get("applied", 0)), "X-CellSec-Changes": str(summary.get("changes", 0))})


def add_routes(app: FastAPI, pages: Pages) -> None:
    _add_cell_routes(app, pages)
    _add_publish_routes(app, pages)
    _add_import_routes(app, pages)
