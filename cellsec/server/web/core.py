"""What every page needs: the templates (autoescaped Jinja2), the signed-in user, CSRF checks, cookies,
refusals shown as pages, and the store reached off the event loop.

Sessions are server-side rows (`web_sessions`); the browser holds only a random token in an HttpOnly,
SameSite=Strict cookie, Secure except on a plain-HTTP loopback address (a trial on one machine, the tests).
Every form carries `csrf_token`: the session's own token once signed in, and before sign-in a random token
also set as a cookie (double submit), compared in constant time.
"""

from __future__ import annotations

import datetime as dt
import hmac
import ipaddress
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TypeVar

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool

from cellsec.domain.messages import Msg

from ..store import users
from ..store.db import Store
from ..store.models import Cell
from ..store.overview_refresh import Refresher

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "cellsec_session"
LOGIN_CSRF_COOKIE = "cellsec_login_csrf"
ENV_STALE_DAYS = "CELLSEC_WEB_STALE_DAYS"
ENV_INSECURE = "CELLSEC_WEB_INSECURE_COOKIES"  # "1": no Secure flag (a plain-HTTP trial on a LAN)

BAD_CSRF = Msg("Biểu mẫu không hợp lệ hoặc phiên làm việc đã hết hạn. Hãy tải lại trang rồi thử lại.",
               "The form is invalid or the session has expired. Reload the page and try again.")
NOT_FOUND = Msg("Không tìm thấy trang hoặc chi bộ này (hoặc chi bộ không thuộc cấp ủy của đồng chí).",
                "Page or cell not found (or the cell is not under your committee).")
ADMIN_ONLY = Msg("Chỉ quản trị viên được làm việc này.", "Only an administrator may do this.")

T = TypeVar("T")
VIETNAM_TIME = dt.timezone(dt.timedelta(hours=7))  # instants are kept in UTC and shown in Vietnam time


@dataclass(frozen=True)
class WebSettings:
    stale_days: int = 45  # last sync older than this is shown in red

    @classmethod
    def from_env(cls) -> WebSettings:
        raw = os.environ.get(ENV_STALE_DAYS, "")
        return cls(stale_days=int(raw)) if raw.isdigit() and int(raw) > 0 else cls()


class Refused(Exception):
    """A refusal shown as a page with its status (404 for another committee's cell, 403 for CSRF...)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class NeedSignIn(Exception):
    """No valid session: go to the sign-in page, then come back."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


# ---- templates -----------------------------------------------------------------------------------

def _money(value: Any) -> str:
    return f"{int(value or 0):,}".replace(",", ".")


def _date(value: Any) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        return value.astimezone(VIETNAM_TIME).strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def ago(value: dt.datetime | None, now: dt.datetime | None = None) -> str:
    """'3 ngày trước' — how long since `value`, in words."""
    if value is None:
        return "chưa đồng bộ"
    seconds = max(0, int(((now or dt.datetime.now(dt.timezone.utc)) - value).total_seconds()))
    for size, word in ((86400 * 365, "năm"), (86400 * 30, "tháng"), (86400, "ngày"), (3600, "giờ"), (60, "phút")):
        if seconds >= size:
            return f"{seconds // size} {word} trước"
    return "vừa xong"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{float(value) * 100:.1f}".replace(".", ",") + "%"


def make_templates() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(money=_money, date=_date, ago=ago, percent=_percent)
    return env


class Pages:
    """The template environment, the store and the settings, shared by the route modules."""

    def __init__(self, store: Store, settings: WebSettings | None = None) -> None:
        self.store = store
        self.settings = settings or WebSettings.from_env()
        self.env = make_templates()
        self.refresher = Refresher(store)  # the overview's figures recomputed in the background

    def render(self, request: Request, name: str, user: users.SignedIn | None, status: int = 200,
               **context: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(request=request, user=user, settings=self.settings,
                                                  csrf=user.csrf_token if user else "", **context)
        return HTMLResponse(html, status_code=status)

    async def db(self, work: Callable[..., T], *args: Any) -> T:
        """Run `work(session, *args)` in one transaction, off the event loop."""
        def run() -> T:
            with self.store.transaction() as s:
                return work(s, *args)
        return await run_in_threadpool(run)

    async def user(self, request: Request) -> users.SignedIn:
        """The signed-in user, or NeedSignIn."""
        token = request.cookies.get(SESSION_COOKIE)
        who = await run_in_threadpool(users.session_user, self.store, token)
        if who is None:
            raise NeedSignIn(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        return who

    async def admin(self, request: Request) -> users.SignedIn:
        who = await self.user(request)
        if not who.is_admin:
            raise Refused(403, ADMIN_ONLY.format())
        return who

    async def form(self, request: Request, who: users.SignedIn) -> Any:
        """The posted form, after its CSRF token is checked against the session's."""
        data = await request.form()
        check_token(str(data.get("csrf_token", "")), who.csrf_token)
        return data

    async def cell_form(self, request: Request, cell_id: str) -> tuple[users.SignedIn, Cell, Any]:
        """A form posted about one cell: the signed-in user, the cell (theirs, else 'not found'), the form
        (its CSRF token checked), in that order."""
        who = await self.user(request)
        cell = await self.cell(who, cell_id)
        return who, cell, await self.form(request, who)

    async def cell(self, who: users.SignedIn, cell_id: str) -> Cell:
        """The cell if it is under the user's committee; another committee's cell is 'not found'."""
        def load(s: Any) -> Cell | None:
            cell = s.get(Cell, cell_id[:36])
            if cell is not None:
                s.expunge(cell)
            return cell
        cell = await self.db(load)
        if cell is None or cell.committee_id != who.committee_id:
            raise Refused(404, NOT_FOUND.format())
        return cell


def check_token(sent: str, expected: str) -> None:
    if not sent or not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise Refused(403, BAD_CSRF.format())


def secure_cookies(request: Request) -> bool:
    """Secure unless the request came over plain HTTP to a loopback address (or the trial override)."""
    if os.environ.get(ENV_INSECURE) == "1":
        return False
    if request.url.scheme == "https":
        return True
    host = (request.url.hostname or "").strip("[]")
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host != "localhost"


def set_cookie(response: Response, request: Request, name: str, value: str, max_age: int | None = None) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="strict",
                        secure=secure_cookies(request), path="/")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def redirect(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


def safe_next(path: str | None) -> str:
    """Only a local path may follow sign-in (no open redirect to another site)."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/cells"
    return path
