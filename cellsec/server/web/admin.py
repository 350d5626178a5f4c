"""Administration (administrators of a committee only, and only within that committee): web accounts,
cells and their enrollment codes (text and QR code), and the laptops (devices) with revocation."""

from __future__ import annotations

from typing import Any

import segno
from fastapi import FastAPI, Request
from fastapi.responses import Response
from markupsafe import Markup
from sqlalchemy import select

from cellsec.domain.messages import Msg

from ..store import admin as store_admin
from ..store import users
from ..store.models import Cell, Device
from .actions import _write
from .core import Pages, Refused, redirect

NOT_OURS = Msg("Không thuộc cấp ủy của đồng chí.", "Not under your committee.")
NOT_SELF = Msg("Không tự khóa tài khoản của chính mình.", "You cannot disable your own account.")
DONE = {"user": "Đã tạo tài khoản.", "disabled": "Đã khóa tài khoản.", "enabled": "Đã mở lại tài khoản.",
        "revoked": "Đã thu hồi quyền đồng bộ của máy."}


def qr_svg(text: str) -> Markup:
    """The enrollment code as an inline SVG QR code (no image file, nothing fetched)."""
    code = segno.make(text, error="m", micro=False)  # a full QR code: phones do not all read Micro QR
    return Markup(code.svg_inline(scale=6, border=4, dark="#1f2328", light="#ffffff"))


def _overview(s: Any, committee_id: str) -> dict[str, Any]:
    cells = list(s.execute(select(Cell.id, Cell.name, Cell.last_sync).where(Cell.committee_id == committee_id)
                           .order_by(Cell.name)))
    names = {c.id: c.name for c in cells}
    devices = [d for d in store_admin.list_devices(s) if d["cell_id"] in names]
    for d in devices:
        d["cell_name"] = names[d["cell_id"]]
    return {"users": users.list_users(s, committee_id), "cells": cells, "devices": devices}


def _own_cell(s: Any, committee_id: str, cell_id: str) -> Cell:
    cell = s.get(Cell, cell_id[:36])
    if cell is None or cell.committee_id != committee_id:
        raise Refused(404, NOT_OURS.format())
    return cell


def _add_cell(s: Any, committee_id: str, name: str) -> tuple[str, str, str]:
    cell, code = store_admin.add_cell(s, committee_id, name)
    return cell.id, cell.name, code


def _new_code(s: Any, committee_id: str, cell_id: str) -> tuple[str, str, str]:
    cell = _own_cell(s, committee_id, cell_id)
    return cell.id, cell.name, store_admin.new_enrollment_code(s, cell.id)


def _revoke(s: Any, committee_id: str, device_id: str) -> None:
    device = s.get(Device, device_id[:36])
    if device is None:
        raise Refused(404, NOT_OURS.format())
    _own_cell(s, committee_id, device.cell_id)
    store_admin.revoke_device(s, device.id)


def _set_disabled(s: Any, who: users.SignedIn, user_id: str, disabled: bool) -> None:
    user = users.get_user(s, user_id)
    if user.committee_id != who.committee_id:
        raise Refused(404, NOT_OURS.format())
    if disabled and user.id == who.user_id:
        raise Refused(400, NOT_SELF.format())
    users.set_disabled(s, user.id, disabled)


def _add_account_routes(app: FastAPI, pages: Pages) -> None:
    @app.get("/admin")
    async def admin_page(request: Request, done: str = "") -> Response:
        who = await pages.admin(request)
        data = await pages.db(_overview, who.committee_id)
        return pages.render(request, "admin.html", who, active="admin", notice=DONE.get(done, ""), **data)

    @app.post("/admin/users")
    async def add_user(request: Request) -> Response:
        who = await pages.admin(request)
        form = await pages.form(request, who)
        await _write(pages, users.add_user, str(form.get("login", ""))[:80], who.committee_id,
                     str(form.get("role", "")), str(form.get("password", ""))[:1000],
                     str(form.get("display_name", ""))[:200])
        return redirect("/admin?done=user")

    @app.post("/admin/users/{user_id}/{action}")
    async def user_action(request: Request, user_id: str, action: str) -> Response:
        who = await pages.admin(request)
        await pages.form(request, who)
        if action not in ("disable", "enable"):
            raise Refused(404, NOT_OURS.format())
        await _write(pages, _set_disabled, who, user_id[:36], action == "disable")
        return redirect(f"/admin?done={action}d")


def _add_cell_routes(app: FastAPI, pages: Pages) -> None:
    def code_page(request: Request, who: users.SignedIn, found: tuple[str, str, str]) -> Response:
        cell_id, name, code = found
        return pages.render(request, "code.html", who, active="admin", cell_id=cell_id, cell_name=name, code=code,
                            qr=qr_svg(code), days=store_admin.DEFAULT_CODE_DAYS)

    @app.post("/admin/cells")
    async def add_cell(request: Request) -> Response:
        who = await pages.admin(request)
        form = await pages.form(request, who)
        found = await _write(pages, _add_cell, who.committee_id, str(form.get("name", ""))[:300])
        return code_page(request, who, found)

    @app.post("/admin/cells/{cell_id}/code")
    async def new_code(request: Request, cell_id: str) -> Response:
        who = await pages.admin(request)
        await pages.form(request, who)
        found = await _write(pages, _new_code, who.committee_id, cell_id)
        return code_page(request, who, found)

    @app.post("/admin/devices/{device_id}/revoke")
    async def revoke(request: Request, device_id: str) -> Response:
        who = await pages.admin(request)
        await pages.form(request, who)
        await _write(pages, _revoke, who.committee_id, device_id)
        return redirect("/admin?done=revoked")


def add_routes(app: FastAPI, pages: Pages) -> None:
    _add_account_routes(app, pages)
    _add_cell_routes(app, pages)
