"""Sign-in and sign-out. The stable form: GET /login; POST /login with `username`, `password`, `csrf_token`."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ..errors import ServerError
from ..store import users
from .core import LOGIN_CSRF_COOKIE, SESSION_COOKIE, Pages, check_token, new_token, redirect, safe_next, set_cookie


def _login_page(pages: Pages, request: Request, next_path: str, error: str = "", username: str = "",
                status: int = 200) -> Response:
    token = new_token()
    response = pages.render(request, "login.html", None, status=status, login_csrf=token, next_path=next_path,
                            error=error, username=username)
    set_cookie(response, request, LOGIN_CSRF_COOKIE, token, max_age=3600)
    return response


def add_routes(app: FastAPI, pages: Pages) -> None:
    @app.get("/")
    async def home() -> Response:
        return redirect("/cells")

    @app.get("/login")
    async def login_form(request: Request, next: str = "") -> Response:
        return _login_page(pages, request, safe_next(next))

    @app.post("/login")
    async def login(request: Request) -> Response:
        form = await request.form()
        check_token(str(form.get("csrf_token", "")), request.cookies.get(LOGIN_CSRF_COOKIE, ""))
        username = str(form.get("username", ""))[:200]
        next_path = safe_next(str(form.get("next", "")))
        client = request.client.host if request.client else ""
        try:
            token, _who = await run_in_threadpool(users.sign_in, pages.store, username,
                                                  str(form.get("password", ""))[:1000], client)
        except ServerError as exc:
            return _login_page(pages, request, next_path, exc.message("vi"), username,
                               status=429 if exc.code == "locked" else 401)
        response = redirect(next_path)
        set_cookie(response, request, SESSION_COOKIE, token, max_age=users.SESSION_HOURS * 3600)
        response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
        return response

    @app.post("/logout")
    async def logout(request: Request) -> Response:
        who = await pages.user(request)
        await pages.form(request, who)
        await run_in_threadpool(users.sign_out, pages.store, request.cookies.get(SESSION_COOKIE))
        response = redirect("/login")
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response
