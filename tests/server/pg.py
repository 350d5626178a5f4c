"""A throwaway PostgreSQL cluster for the test session (initdb + pg_ctl on a private unix socket).

As root the cluster runs as the `postgres` user (PostgreSQL refuses to run as root). Missing binaries
skip the PostgreSQL tests on a developer machine and fail them when CI=true.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path


def find_bin() -> Path | None:
    """The PostgreSQL server binaries: CELLSEC_PG_BINDIR if set, else the newest Debian install, else PATH."""
    forced = os.environ.get("CELLSEC_PG_BINDIR")
    if forced is not None:
        return Path(forced) if (Path(forced) / "initdb").exists() else None
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class Cluster:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="cellsec-pg-"))
        self.data = self.root / "data"
        self.socket = self.root
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self._names = itertools.count(1)

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-E", "UTF8",
                  "-U", "postgres", "--no-sync", "--locale=C")
        options = (f"-c listen_addresses='' -k {self.socket} -c fsync=off -c synchronous_commit=off "
                   f"-c full_page_writes=off -c max_connections=300")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
                  str(self.root / "server.log"), "-w", "start")

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket}"

    def new_database(self) -> str:
        import psycopg

        name = f"cellsec_test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(host=str(self.socket), user="postgres", dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
