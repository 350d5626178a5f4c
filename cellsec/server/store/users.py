"""Staff accounts of the committee's web pages: create, sign in (argon2, lock-out), sessions, sign out.

A wrong password is counted on the account row; the fifth in a row locks the account for `lock_minutes`
(a correct password while locked is refused too, and says until when). An unknown login answers exactly
like a wrong password, after the same hashing work, so the form does not tell which logins exist.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cellsec.domain.messages import Msg
from cellsec.domain.text import clean_line

from ..errors import ServerError
from .admin import get_committee
from .models import utcnow
from .web_models import ADMIN, ROLES, WebSession, WebUser

MAX_FAILURES = 5
LOCK_MINUTES = 15
SESSION_HOURS = 12
MIN_PASSWORD = 10

BAD_LOGIN = Msg("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password.")
LOCKED = Msg("Tài khoản tạm khóa vì nhập sai mật khẩu {n} lần. Hãy thử lại sau {until} (giờ UTC) hoặc liên hệ "
             "quản trị viên.", "The account is locked after {n} wrong passwords. Try again after {until} (UTC) "
             "or contact the administrator.")
DISABLED = Msg("Tài khoản đã bị khóa bởi quản trị viên.", "The account was disabled by the administrator.")
BAD_ROLE = Msg("Vai trò không hợp lệ: {role} (cần officer hoặc admin).", "Invalid role: {role} (officer or admin).")
BAD_LOGIN_NAME = Msg("Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (3–80 ký tự).",
                     "A user name is 3–80 letters without accents, digits, dots, dashes or underscores.")
SHORT_PASSWORD = Msg("Mật khẩu cần ít nhất {n} ký tự.", "The password needs at least {n} characters.")
LOGIN_TAKEN = Msg("Tên đăng nhập \"{login}\" đã có.", "The user name \"{login}\" is taken.")
NO_USER = Msg("Không có tài khoản {id}.", "No account {id}.")

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a password of anyone")
_LOGIN_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-@")


@dataclass(frozen=True)
class SignedIn:
    """Who a session belongs to (what the pages need on every request)."""

    user_id: str
    login: str
    display_name: str
    role: str
    committee_id: str
    committee_name: str
    csrf_token: str

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _login_name(login: str) -> str:
    name = clean_line(login or "").lower()
    if not 3 <= len(name) <= 80 or not set(name) <= _LOGIN_CHARS:
        raise ServerError(400, "bad_login_name", BAD_LOGIN_NAME)
    return name


def _check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise ServerError(400, "short_password", SHORT_PASSWORD, n=MIN_PASSWORD)
    return password


def add_user(session: Session, login: str, committee_id: str, role: str, password: str,
             display_name: str = "") -> WebUser:
    get_committee(session, committee_id)
    if role not in ROLES:
        raise ServerError(400, "bad_role", BAD_ROLE, role=role)
    name = _login_name(login)
    if session.scalars(select(WebUser.id).where(WebUser.login == name)).first() is not None:
        raise ServerError(409, "login_taken", LOGIN_TAKEN, login=name)
    user = WebUser(id=str(uuid.uuid4()), login=name, committee_id=committee_id, role=role,
                   display_name=clean_line(display_name or ""), password_hash=_hasher.hash(_check_password(password)),
                   failed_count=0, disabled=False, created_at=utcnow())
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, user_id: str, password: str) -> None:
    user = get_user(session, user_id)
    user.password_hash = _hasher.hash(_check_password(password))
    user.failed_count, user.locked_until = 0, None
    session.execute(delete(WebSession).where(WebSession.user_id == user.id))


def set_disabled(session: Session, user_id: str, disabled: bool) -> None:
    user = get_user(session, user_id)
    user.disabled = disabled
    if disabled:
        session.execute(delete(WebSession).where(WebSession.user_id == user.id))
    else:
        user.failed_count, user.locked_until = 0, None


def get_user(session: Session, user_id: str) -> WebUser:
    user = session.get(WebUser, user_id)
    if user is None:
        raise ServerError(404, "no_user", NO_USER, id=user_id)
    return user


def list_users(session: Session, committee_id: str | None = None) -> list[dict[str, Any]]:
    query = select(WebUser).order_by(WebUser.login)
    if committee_id:
        query = query.where(WebUser.committee_id == committee_id)
    now = utcnow()
    return [{"id": u.id, "login": u.login, "committee_id": u.committee_id, "role": u.role,
             "display_name": u.display_name, "disabled": u.disabled,
             "locked": u.locked_until is not None and u.locked_until > now,
             "last_login": u.last_login} for u in session.scalars(query)]


def _verify(user: WebUser | None, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash if user else _DUMMY_HASH, password or "") and user is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def check_password(session: Session, login: str, password: str,
                   now: dt.datetime | None = None) -> WebUser | ServerError:
    """The account if `password` is right and the account usable; else ServerError (wrong, locked, disabled).
    The failure count is written even though the caller's transaction may be the one raising: call it in a
    transaction of its own and commit before raising (see `sign_in`)."""
    now = now or utcnow()
    name = clean_line(login or "").lower()
    user = session.scalars(select(WebUser).where(WebUser.login == name).with_for_update()).first()
    if user is not None and user.locked_until is not None and user.locked_until > now:
        _verify(None, password)  # same work as any attempt
        return _refusal(user)
    if not _verify(user, password):
        if user is not None:
            user.failed_count = (user.failed_count or 0) + 1
            if user.failed_count >= MAX_FAILURES:
                user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
                user.failed_count = 0
                return _refusal(user)
        return _refusal(None)
    if user.disabled:
        return _refusal(user, disabled=True)
    user.failed_count, user.locked_until, user.last_login = 0, None, now
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def _refusal(user: WebUser | None, disabled: bool = False) -> ServerError:
    """A refusal to return (not raise) so the failure count commits; `sign_in` raises it afterwards."""
    if disabled:
        return ServerError(403, "disabled", DISABLED)
    if user is not None and user.locked_until is not None:
        return ServerError(429, "locked", LOCKED, n=MAX_FAILURES, until=user.locked_until.strftime("%H:%M %d/%m/%Y"))
    return ServerError(401, "bad_login", BAD_LOGIN)


def sign_in(store: Any, login: str, password: str, client: str = "") -> tuple[str, SignedIn]:
    """(cookie token, who) for a right password; raises ServerError otherwise (after recording the failure)."""
    with store.transaction() as s:
        outcome = check_password(s, login, password)
        if isinstance(outcome, ServerError):
            refusal = outcome
        else:
            refusal = None
            token = secrets.token_urlsafe(32)
            now = utcnow()
            s.execute(delete(WebSession).where(WebSession.expires_at < now))
            s.add(WebSession(token_hash=token_hash(token), user_id=outcome.id, csrf_token=secrets.token_urlsafe(32),
                             created_at=now, expires_at=now + dt.timedelta(hours=SESSION_HOURS), client=client[:100]))
    if refusal is not None:
        raise refusal
    who = session_user(store, token)
    assert who is not None
    return token, who


def session_user(store: Any, token: str | None) -> SignedIn | None:
    """Who holds this session cookie (None: no cookie, unknown, expired, or the account disabled)."""
    if not token:
        return None
    from .models import Committee

    with store.transaction() as s:
        row = s.execute(select(WebSession, WebUser, Committee.name)
                        .join(WebUser, WebUser.id == WebSession.user_id)
                        .join(Committee, Committee.id == WebUser.committee_id)
                        .where(WebSession.token_hash == token_hash(token))).first()
        if row is None:
            return None
        web_session, user, committee_name = row
        if web_session.expires_at <= utcnow() or user.disabled:
            return None
        return SignedIn(user.id, user.login, user.display_name or user.login, user.role, user.committee_id,
                        committee_name, web_session.csrf_token)


def sign_out(store: Any, token: str | None) -> None:
    if token:
        with store.transaction() as s:
            s.execute(delete(WebSession).where(WebSession.token_hash == token_hash(token)))
