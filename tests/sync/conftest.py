"""Sync tests: a real committee server (uvicorn on 127.0.0.1, SQLite and PostgreSQL) and real laptop stores."""

from __future__ import annotations

import pytest

from cellsec.server.store import admin

from tests.server.conftest import db_url, free_port, live_server, postgres, store  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def _own_config_dir(tmp_path, monkeypatch):
    """Device identities of the test laptops live in the test's folder, never in the user's config."""
    monkeypatch.setenv("CELLSEC_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def server_cell(store):  # noqa: F811
    """A committee and a cell on the server: (cell id, a one-time enrolment code)."""
    with store.transaction() as s:
        committee = admin.add_committee(s, "Đảng ủy xã Nghi Lộc").id
        cell, code = admin.add_cell(s, committee, "Chi bộ Thôn 3")
        return cell.id, code
