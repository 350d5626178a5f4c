"""Alembic migrations, run on start. The upgrade runs on a copy that replaces the file only on success,
after a backup of the old file, so a failed migration leaves the old database exactly as it was."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from .db import MIGRATION_FAILED, NEWER_SCHEMA, StoreError, copy_database, make_engine, timestamp

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revisions() -> set[str]:
    # Each feature's tables come as their own branch from 0001 (features are built in parallel), so
    # there may be several heads; upgrading goes to all of them.
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(path: Path) -> set[str]:
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            return set(MigrationContext.configure(conn).get_current_heads())
    finally:
        engine.dispose()


def _upgrade(path: Path) -> None:
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
    finally:
        engine.dispose()


def migrate(path: Path, backup_dir: Path) -> None:
    heads = head_revisions()
    work = path.with_name(path.name + ".migrating")
    work.unlink(missing_ok=True)
    backup = None
    if path.exists():
        current = current_revisions(path)
        if current == heads:
            return
        known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
        if current - known:
            raise StoreError(NEWER_SCHEMA, revision=", ".join(sorted(current - known)))
        backup = backup_dir / f"truoc-nang-cap-{timestamp()}.sqlite3"
        copy_database(path, backup)
        copy_database(path, work)
    try:
        _upgrade(work)
    except Exception as exc:
        work.unlink(missing_ok=True)
        raise StoreError(MIGRATION_FAILED, error=exc, backup=backup or "-") from exc
    if path.exists():
        # Fold the old WAL into the main file so no stale -wal is left beside the replacement.
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    with sqlite3.connect(work) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    os.replace(work, path)
