"""The committee's web pages (issue 10): server-rendered Vietnamese pages for committee staff, on the same
process and database as the sync API.

- core.py       templates, signed-in user, CSRF, cookies, refusals
- auth.py       GET/POST /login, POST /logout
- overview.py   GET /cells: every cell at a glance (sortable, filterable)
- cell.py       GET /cells/{id}: one cell's records; its minutes and resolutions as pages and PDFs
- review.py     GET /cells/{id}/reviews/{rid}: a member's self-review with the committee's comments
- actions.py    decisions, recognition, comments, rubric and guidance publishing, transfer-file upload
- remittance.py dues remittance receipts recorded per cell, against what the cell is expected to remit
- outputs.py    the committee's summary tables as XLSX and PDF
- admin.py      accounts, cells and enrollment codes (with QR code), devices
`mount(app, store)` adds them all; pages and static files never live under /api.
"""

from __future__ import annotations

import gc

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from ..store.db import Store
from .core import HERE, NeedSignIn, Pages, Refused, WebSettings, redirect

SECURITY_HEADERS = {
    # No script at all: the pages work without JavaScript, so none is allowed to run.
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def mount(app: FastAPI, store: Store, settings: WebSettings | None = None) -> Pages:
    from . import actions, admin, auth, cell, outputs, overview, remittance, review

    pages = Pages(store, settings)
    if store.engine.dialect.name == "postgresql":
        # After an upgrade the overview's figures are rebuilt here, before an officer asks (a SQLite trial
        # is one small committee: its pages compute on demand).
        app.router.on_startup.append(pages.refresher.warm)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _add_handlers(app, pages)
    for module in (auth, overview, cell, review, actions, remittance, outputs, admin):
        module.add_routes(app, pages)
    app.router.on_startup.append(_freeze_startup_objects)
    return pages


_frozen = False


def _freeze_startup_objects() -> None:
    """Move what start-up made (modules, the app, its routes: some 130,000 objects) out of the collector's
    reach. A full collection walked all of them, often enough to be the overview's slowest requests
    (bench/web_overview.py: p99 about 3x the median); objects made afterwards are collected as usual. Once
    per process (a process running several apps, like the tests, freezes only at the first). Not in a process
    that turned automatic collection off: there a Qt window owns collection and runs it on its own thread
    (ui/common/workers.UiThreadCollector), and a collection here, on the server's thread, would free the
    window's Qt objects on the wrong thread (a segfault seen when a laptop test hosts this server)."""
    global _frozen
    if not _frozen and gc.isenabled():
        _frozen = True
        gc.collect()
        gc.freeze()


def _add_handlers(app: FastAPI, pages: Pages) -> None:
    @app.exception_handler(NeedSignIn)
    async def _sign_in(_request: Request, exc: NeedSignIn) -> Response:
        from urllib.parse import quote

        return redirect(f"/login?next={quote(exc.next_path, safe='')}")

    @app.exception_handler(Refused)
    async def _refused(request: Request, exc: Refused) -> HTMLResponse:
        return pages.render(request, "refused.html", None, status=exc.status, message=exc.message)

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        if not request.url.path.startswith("/api/"):
            for name, value in SECURITY_HEADERS.items():
                response.headers.setdefault(name, value)
            response.headers.setdefault("Cache-Control", "no-store")
        return response
