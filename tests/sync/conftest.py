"""Sync tests: a real committee server (uvicorn on 127.0.0.1, SQLite and PostgreSQL) and real laptop stores."""

from __future__ import annotations

import pytest

from tests.server.conftest import db_url, free_port, live_server, postgres, store  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def _own_config_dir(tmp_path, monkeypatch):
    """Device identities of the test laptops live in the test's folder, never in the user's config."""
    monkeypatch.setenv("CELLSEC_CONFIG_DIR", str(tmp_path / "config"))
