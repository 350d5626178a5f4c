"""Web accounts (store level, SQLite and PostgreSQL): argon2 hashes, sessions, the five-wrong-passwords lock."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from sqlalchemy import select

from cellsec.server.errors import ServerError
from cellsec.server.store import admin, users
from cellsec.server.store.web_models import WebSession, WebUser

PASSWORD = "mat-khau-rat-dai-2026"


@pytest.fixture
def committee(store):
    with store.transaction() as s:
        return admin.add_committee(s, "Đảng ủy xã Nghi Lộc").id


def test_the_password_is_kept_only_as_an_argon2_hash_and_a_session_only_as_a_digest(store, committee):
    with store.transaction() as s:
        users.add_user(s, "Can.Bo", committee, "officer", PASSWORD, "Nguyễn Thị Lan")
    token, who = users.sign_in(store, "can.bo", PASSWORD)
    assert (who.login, who.role, who.committee_name) == ("can.bo", "officer", "Đảng ủy xã Nghi Lộc")
    with store.transaction() as s:
        user = s.scalars(select(WebUser)).one()
        stored = s.scalars(select(WebSession)).one()
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
    assert stored.token_hash != token and users.session_user(store, token) == who
    users.sign_out(store, token)
    assert users.session_user(store, token) is None


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(store, committee):
    with store.transaction() as s:
        users.add_user(s, "canbo", committee, "officer", PASSWORD)
    for _ in range(4):
        with pytest.raises(ServerError) as wrong:
            users.sign_in(store, "canbo", "sai-mat-khau-roi")
        assert wrong.value.code == "bad_login"
    with pytest.raises(ServerError) as fifth:
        users.sign_in(store, "canbo", "sai-mat-khau-roi")
    assert fifth.value.code == "locked" and "tạm khóa" in str(fifth.value)
    with pytest.raises(ServerError) as right_but_locked:
        users.sign_in(store, "canbo", PASSWORD)
    assert right_but_locked.value.code == "locked"
    with store.transaction() as s:  # the lock ends by itself
        s.scalars(select(WebUser)).one().locked_until = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)
    assert users.sign_in(store, "canbo", PASSWORD)[1].login == "canbo"


def test_an_unknown_login_is_refused_like_a_wrong_password(store, committee):
    with pytest.raises(ServerError) as unknown:
        users.sign_in(store, "khong-co-ai", PASSWORD)
    assert unknown.value.code == "bad_login"


def test_the_command_line_adds_an_account_reading_the_password_from_stdin(tmp_path):
    def run(*args, stdin=""):
        return subprocess.run([sys.executable, "-m", "cellsec.server", "--data-dir", str(tmp_path), *args],
                              input=stdin, capture_output=True, text=True, timeout=120)

    committee = run("committee", "add", "Đảng ủy phường 1", "--json")
    import json

    cid = json.loads(committee.stdout)["id"]
    added = run("user", "add", "admin1", "--committee", cid, "--role", "admin", "--password-stdin", "--json",
                stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["role"] == "admin"
    short = run("user", "add", "admin2", "--committee", cid, "--role", "admin", "--password-stdin", stdin="ngan\n")
    assert short.returncode == 1 and "ít nhất 10 ký tự" in short.stderr
