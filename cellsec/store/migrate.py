"""Alembic migrations, run on start. The upgrade runs on a copy that replaces the file only on success,
after a backup of the old file, so a failed migration leaves the old database exactly as it was.

Alembic itself (~0.3 s to import) is loaded only when an upgrade is due: on an ordinary start the
revisions in the database are compared with the heads read straight from the migration files.
"""

from __future__ import annotations

import ast
import functools
import logging
import os
import re
from pathlib import Path

from .. import files
from ..domain import failures
from . import cipher
from .db import MIGRATION_FAILED, NEWER_SCHEMA, StoreError, copy_database, make_engine, timestamp

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# `revision = '0002_x'` / `down_revision: str | None = '0001_y'` at the start of a line.
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@functools.lru_cache(maxsize=1)
def _revision_graph() -> dict[str, tuple[str, ...]]:
    """revision -> its down revisions, read from the `revision = ...` lines of each migration file (a
    line match, not a parse of the whole file: this runs on every start)."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        values = {name: ast.literal_eval(value)
                  for name, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8"))}
        down = values.get("down_revision")
        graph[str(values["revision"])] = tuple(down) if isinstance(down, (tuple, list)) else ((down,) if down else ())
    return graph


def head_revisions() -> set[str]:
    # Each feature's tables come as their own branch from 0001 (features are built in parallel), so
    # there may be several heads; upgrading goes to all of them.
    graph = _revision_graph()
    parents = {down for downs in graph.values() for down in downs}
    return set(graph) - parents


def current_revisions(path: Path, key: bytes | None) -> set[str]:
    conn = cipher.connect(path, key, readonly=True)
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall() if has_table else []
    finally:
        conn.close()
    return {row[0] for row in rows}


def check_not_newer(path: Path, key: bytes | None) -> set[str]:
    """The file's revisions, refusing a schema written by a newer CellSec (one this program cannot read)."""
    current = current_revisions(path, key)
    unknown = current - set(_revision_graph())
    if unknown:
        raise StoreError(NEWER_SCHEMA, revision=", ".join(sorted(unknown)))
    return current


def _upgrade(path: Path, key: bytes | None) -> None:
    from alembic import command

    engine = make_engine(path, key)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
    finally:
        engine.dispose()


def _checkpoint_and_drop_wal(path: Path, key: bytes | None) -> None:
    conn = cipher.connect(path, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def migrate(path: Path, backup_dir: Path, key: bytes | None) -> None:
    heads = head_revisions()
    work = path.with_name(path.name + ".migrating")
    work.unlink(missing_ok=True)
    backup = None
    if path.exists():
        if check_not_newer(path, key) == heads:
            return
        backup = backup_dir / f"truoc-nang-cap-{timestamp()}.sqlite3"
        copy_database(path, backup, key)
        copy_database(path, work, key)
    try:
        _upgrade(work, key)
        files.make_private(work)  # before it holds any of the user's data (a new store is still empty)
    except Exception as exc:
        work.unlink(missing_ok=True)
        # The SQL and the library's text go to the log file only; the dialog says it in Vietnamese.
        logging.getLogger("cellsec").error("migration failed: %s", failures.technical(exc), exc_info=exc)
        raise StoreError(MIGRATION_FAILED, error=failures.reason(exc), backup=backup or "-",
                         log=files.log_path(path.parent)) from exc
    if path.exists():
        # Fold the old WAL into the main file so no stale -wal is left beside the replacement.
        _checkpoint_and_drop_wal(path, key)
    _checkpoint_and_drop_wal(work, key)
    os.replace(work, path)
