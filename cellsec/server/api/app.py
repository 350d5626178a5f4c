"""FastAPI application of the committee server.

Endpoints (all JSON answers; refusals are {"error", "message" (vi), "message_en"} with a 4xx status):
- POST /api/v1/enroll                      body JSON {code, device_id, keys{sign, box}, name, app_version},
                                           signed with the key being enrolled (proof of possession)
- GET  /api/v1/device                      who the server thinks this device is
- POST /api/v1/cells/{cell}/batches        body = a sync envelope (application/vnd.cellsec-sync)
- GET  /api/v1/cells/{cell}/changes?since=N&limit=M
- GET  /api/v1/health
The signature covers the raw path and query string exactly as sent, so a reverse proxy must forward the
path unchanged (no prefix stripping).
"""

from __future__ import annotations

import json
import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from cellsec.sync.protocol.envelope import Envelope, open_ops
from cellsec.sync.protocol.errors import ProtocolError
from cellsec.sync.protocol.keys import PublicKeys
from cellsec.sync.protocol.signing import parse_headers, verify_request

from .. import messages as m
from ..errors import ServerError
from ..store import batches, enrollment, feed
from ..store.db import Store
from ..store.models import Device
from ..store.security import authenticate, check_cell, log_event

log = logging.getLogger("cellsec.server.api")

MAX_BODY = 64 * 1024 * 1024
MAX_ENROLL_BODY = 16 * 1024
ENVELOPE_TYPE = "application/vnd.cellsec-sync"
API = "/api/v1"


def _signed_path(request: Request) -> str:
    path = request.scope.get("raw_path") or request.url.path.encode()
    query = request.scope.get("query_string") or b""
    return (path + (b"?" + query if query else b"")).decode("latin-1")


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ServerError(413, "too_large", m.BAD_BATCH, reason=f"> {limit} bytes")
    body = await request.body()
    if len(body) > limit:
        raise ServerError(413, "too_large", m.BAD_BATCH, reason=f"> {limit} bytes")
    return body


async def _device(store: Store, request: Request, body: bytes) -> Device:
    return await run_in_threadpool(authenticate, store, request.method, _signed_path(request),
                                   request.headers, body, _client(request))


def create_app(store: Store) -> FastAPI:
    app = FastAPI(title="CellSec committee server", version="1", docs_url=None, redoc_url=None,
                  openapi_url=None)
    app.state.store = store
    _add_error_handlers(app)
    _add_enroll_route(app, store)
    _add_device_routes(app, store)
    _add_sync_routes(app, store)
    from ..web import mount  # the committee's web pages (issue 10), same process and database

    mount(app, store)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    """Refusals answer {"error", "message", "message_en"} with their own status."""

    @app.exception_handler(ServerError)
    async def _server_error(_request: Request, exc: ServerError) -> JSONResponse:
        return JSONResponse(exc.to_dict(), status_code=exc.status)

    @app.exception_handler(ProtocolError)
    async def _protocol_error(_request: Request, exc: ProtocolError) -> JSONResponse:
        return JSONResponse({"error": exc.code, "message": exc.message("vi"), "message_en": exc.message("en")},
                            status_code=400)


async def _enroll_request(store: Store, request: Request, body: bytes, client: str) -> enrollment.EnrollRequest:
    """The enrollment request in `body`, checked to be signed with the key being enrolled."""
    try:
        data = json.loads(body)
        keys = PublicKeys.from_dict(data.get("keys"))
        req = enrollment.EnrollRequest(code=str(data["code"])[:64], device_id=str(data["device_id"]),
                                       keys=keys, name=str(data.get("name", "")),
                                       app_version=str(data.get("app_version", "")),
                                       has_records=data.get("has_records") is True)
        signed = parse_headers(request.headers)
        if signed.device_id != req.device_id:
            raise ProtocolError("bad_request_auth", m.WRONG_SENDER)
        verify_request(signed, request.method, _signed_path(request), body, keys.sign)
        if not 1 <= len(req.device_id) <= 36:
            raise KeyError("device_id")
    except ProtocolError as exc:
        await run_in_threadpool(log_event, store, f"enroll_{exc.code}", client=client)
        raise ServerError(401 if exc.code != "bad_key" else 400, exc.code, exc.msg, **exc.params) from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ServerError(400, "bad_request", m.BAD_BATCH, reason="JSON") from None
    return req


def _add_enroll_route(app: FastAPI, store: Store) -> None:
    @app.post(f"{API}/enroll")
    async def enroll(request: Request) -> JSONResponse:
        body = await _body(request, MAX_ENROLL_BODY)
        client = _client(request)
        req = await _enroll_request(store, request, body, client)

        def work() -> dict:
            with store.transaction() as session:
                answer, error = enrollment.enroll(session, store.keys, req, client)
            if error is not None:
                log_event(store, f"enroll_{error.code}", device_id=req.device_id, client=client)
                raise error
            return answer

        return JSONResponse(await run_in_threadpool(work), status_code=201)


def _add_device_routes(app: FastAPI, store: Store) -> None:
    @app.get(f"{API}/health")
    async def health() -> dict:
        return {"status": "ok", "api": 1, "database": store.dialect}

    @app.get(f"{API}/device")
    async def device_info(request: Request) -> dict:
        device = await _device(store, request, await _body(request, MAX_ENROLL_BODY))
        return {"device_id": device.id, "cell_id": device.cell_id, "last_seq": device.last_seq,
                "server_keys": store.keys.public.to_dict()}


def _add_sync_routes(app: FastAPI, store: Store) -> None:
    @app.post(f"{API}/cells/{{cell_id}}/batches")
    async def push(cell_id: str, request: Request) -> JSONResponse:
        body = await _body(request, MAX_BODY)
        device = await _device(store, request, body)
        client = _client(request)

        def work() -> JSONResponse:
            check_cell(store, device, cell_id, client, "push")
            envelope = Envelope.from_bytes(body)
            manifest = envelope.verify(device.sign_public)
            if manifest.sender != device.id or manifest.kind != "ops":
                log_event(store, "wrong_sender", device_id=device.id, cell_id=cell_id, client=client)
                raise ServerError(403, "wrong_sender", m.BAD_BATCH, reason=m.WRONG_SENDER.vi)
            check_cell(store, device, manifest.cell_id, client, "push manifest")
            ops = open_ops(envelope, manifest, store.keys)
            try:
                with store.transaction() as session:
                    return JSONResponse(batches.apply_batch(session, device.id, manifest, ops))
            except ServerError as exc:
                if exc.code == "seq_backwards":
                    log_event(store, "seq_backwards", device_id=device.id, cell_id=cell_id, client=client,
                              detail=str(exc.params))
                raise

        return await run_in_threadpool(work)

    @app.get(f"{API}/cells/{{cell_id}}/changes")
    async def pull(cell_id: str, request: Request, since: int = 0, limit: int = feed.DEFAULT_PAGE) -> JSONResponse:
        body = await _body(request, MAX_ENROLL_BODY)
        device = await _device(store, request, body)
        client = _client(request)

        def work() -> JSONResponse:
            check_cell(store, device, cell_id, client, "pull")
            if since < 0:
                raise ServerError(400, "bad_request", m.BAD_BATCH, reason="since")
            with store.transaction() as session:
                return JSONResponse(feed.changes_since(session, device.id, since, limit))

        return await run_in_threadpool(work)
