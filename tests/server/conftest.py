"""Server tests run on SQLite and on a real PostgreSQL that the session starts itself (see pg.py)."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest

from . import pg


@pytest.fixture(scope="session")
def postgres():
    bindir = pg.find_bin()
    if bindir is None:
        message = "PostgreSQL server binaries (initdb, pg_ctl) not found; apt-get install postgresql"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: a missing PostgreSQL fails the run)")
        pytest.skip(message)
    cluster = pg.Cluster(bindir)
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite3'}"
    return request.getfixturevalue("postgres").new_database()


@pytest.fixture
def store(db_url):
    from cellsec.server.store.db import open_store

    opened = open_store(db_url, pool_size=5)
    yield opened
    opened.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live_server(store):
    """The API served by a real uvicorn on 127.0.0.1 (a thread of this process, same store)."""
    import uvicorn

    from cellsec.server.api import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=20)
