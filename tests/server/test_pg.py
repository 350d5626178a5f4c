"""The PostgreSQL test cluster itself: started by the session, and a missing PostgreSQL fails under CI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
TARGET = "tests/server/store/test_db.py::test_snapshots_are_jsonb_on_postgresql"


def test_session_cluster_answers_on_its_private_socket(postgres):
    url = postgres.new_database()
    database = url.split("@/", 1)[1].split("?")[0]
    with psycopg.connect(host=str(postgres.socket), user="postgres", dbname=database) as conn:
        assert conn.execute("SHOW listen_addresses").fetchone()[0] == ""  # no TCP port at all
        assert conn.execute("SELECT current_database()").fetchone()[0] == database


def run_without_postgres(ci: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["CELLSEC_PG_BINDIR"] = "/nonexistent"
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", TARGET], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)


def test_missing_postgresql_skips_on_a_developer_machine():
    done = run_without_postgres(None)
    assert done.returncode == 0 and "skipped" in done.stdout, done.stdout


def test_missing_postgresql_fails_under_ci():
    done = run_without_postgres("true")
    assert done.returncode == 1 and "CI=true" in done.stdout, done.stdout
