"""Engine, migrations and the server's key pair.

`open_store` takes a database URL (PostgreSQL via psycopg 3, or SQLite for a trial), brings the schema to
the newest Alembic revision (under an advisory lock on PostgreSQL so several workers starting together
migrate once) and makes sure the server has its key pair.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from cellsec.sync.protocol.keys import KeyPair

from .models import ServerIdentity, json_serializer

SQLITE_NAME = "cellsec-server.sqlite3"
MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATION_LOCK = 0x43454C4C  # pg_advisory_lock key ("CELL")


def database_url(data_dir: str | Path | None, url: str | None = None) -> str:
    """The explicit URL, else the SQLite file in the data folder (created if missing)."""
    if url:
        return url
    if data_dir is None:
        raise ValueError("a data folder or a database URL is needed")
    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(folder / SQLITE_NAME).resolve()}"


def make_engine(url: str, pool_size: int = 10) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False},
                               json_serializer=json_serializer)

        @event.listens_for(engine, "connect")
        def _sqlite_setup(dbapi_connection, _record):
            # Transactions are begun by hand below: pysqlite's own handling defers BEGIN.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # One writer at a time, taken up front: a read that later writes can never deadlock.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True,
                           json_serializer=json_serializer)

    @event.listens_for(engine, "connect")
    def _postgres_setup(dbapi_connection, _record):
        # Snapshots over ~2 kB are compressed as they are stored; lz4 (PostgreSQL 14+, when built with it)
        # takes a fraction of the default pglz's CPU, which was a sixth of PostgreSQL's work on a push.
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' "
                           "AND 'lz4' = ANY(enumvals)")
            if cursor.fetchone() is not None:
                cursor.execute("SET default_toast_compression = 'lz4'")
        dbapi_connection.commit()  # a SET rolled back with its transaction would be undone

    return engine


def migrate(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@dataclass
class Store:
    engine: Engine
    sessions: sessionmaker[Session]
    keys: KeyPair

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any exception."""
        with self.sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _server_keys(sessions: sessionmaker[Session]) -> KeyPair:
    with sessions() as session, session.begin():
        row = session.get(ServerIdentity, 1)
        if row is not None:
            return KeyPair.from_json(row.keys)
    keys = KeyPair.generate()
    try:
        with sessions() as session, session.begin():
            session.add(ServerIdentity(id=1, keys=keys.to_json()))
        return keys
    except IntegrityError:  # another worker created it first
        with sessions() as session:
            return KeyPair.from_json(session.scalar(select(ServerIdentity.keys).where(ServerIdentity.id == 1)))


def open_store(url: str, pool_size: int = 10) -> Store:
    engine = make_engine(url, pool_size=pool_size)
    migrate(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Store(engine, sessions, _server_keys(sessions))
