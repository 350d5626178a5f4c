"""Issue 15: encrypting a plain store on start, killed (SIGKILL) at random moments. Afterwards the store opens,
encrypted, with every row it had; no half-made copy is left, and every backup in the folder is whole.
`SOAK_ROUNDS` raises the number of rounds (`make soak`)."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cellsec.services.backups import usable_backups_in
from cellsec.store import cipher
from cellsec.store.db import DB_NAME, open_store

ROUNDS = int(os.environ.get("SOAK_ROUNDS", "8"))
ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
import sqlalchemy.orm  # loaded before "ready", so the kill falls within the conversion, not the imports
from cellsec.store import backup, convert, migrate
from cellsec.store.db import open_store
print("ready", flush=True)
sys.stdin.readline()
open_store(sys.argv[1]).close()
print("done", flush=True)
"""


def fingerprint(path: Path, key: bytes) -> str:
    """Every row of every ordinary table (FTS5's shadow tables too), order-independent."""
    digest = hashlib.sha256()
    with cipher.connect(path, key, readonly=True) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                                             "LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
        for table in tables:
            rows = sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{table}"'))
            digest.update(f"{table}:{len(rows)}:".encode() + "\n".join(rows).encode("utf-8"))
    conn.close()
    return digest.hexdigest()


def _plain_folder(services, folder: Path) -> tuple[bytes, str]:
    """A data folder as an older version left it: the store and two automatic backups, all plain."""
    key = services.ctx.store.key
    services.close()
    (folder / "backups").mkdir(parents=True)
    cipher.copy(services.ctx.store.path, key, folder / DB_NAME, None)
    for name in ("cellsec-20261001-080000-s5.sqlite3", "cellsec-20261101-080000-s9.sqlite3"):
        cipher.copy(services.ctx.store.path, key, folder / "backups" / name, None)
    return key, fingerprint(folder / DB_NAME, key)


def _child(folder: Path, env: dict) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder)], cwd=ROOT, env=env, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdout.readline() == "ready\n"
    child.stdin.write("go\n")
    child.stdin.flush()
    return child


def _conversion_time(template: Path, scratch: Path, env: dict) -> float:
    """How long a child takes from "go" to a converted store: the window the kills are spread over."""
    shutil.copytree(template, scratch)
    start = time.perf_counter()
    child = _child(scratch, env)
    assert child.stdout.readline() == "done\n"
    child.wait(timeout=60)
    return time.perf_counter() - start


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_while_encrypting_a_plain_store_loses_nothing(demo_services, tmp_path):
    template = tmp_path / "plain"
    key, before = _plain_folder(demo_services, template)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    window = _conversion_time(template, tmp_path / "timing", env)
    rng = random.Random(15)
    outcomes = {"still plain": 0, "encrypted": 0}
    for i in range(ROUNDS):
        folder = tmp_path / f"trial-{i}"
        shutil.copytree(template, folder)
        child = _child(folder, env)
        time.sleep(rng.uniform(0, window))
        child.kill()
        child.wait(timeout=60)
        outcomes["still plain" if cipher.is_plain(folder / DB_NAME) else "encrypted"] += 1
        open_store(folder).close()  # the next start: converts (again) or opens the converted file
        assert not cipher.is_plain(folder / DB_NAME)
        assert fingerprint(folder / DB_NAME, key) == before, f"round {i}: rows differ"
        assert not list(folder.glob("*.encrypting*"))
        usable, damaged = usable_backups_in(folder)
        assert damaged == [] and len(usable) == 2, f"round {i}: {usable} {damaged}"  # the older ones, encrypted
        assert all(not cipher.is_plain(b.path) for b in usable)
        assert len(list((folder / "backups").glob("truoc-ma-hoa-*.sqlite3"))) >= 1  # the plain way back
        assert not list((folder / "backups").glob("*.part*"))
    print(f"\nencrypting killed: tried {ROUNDS}, survived {ROUNDS}, lost 0; at the kill: {outcomes}; "
          f"one conversion takes {window * 1000:.0f} ms")
