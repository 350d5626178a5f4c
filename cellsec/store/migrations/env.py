"""Alembic environment: the app passes an open connection (see cellsec.store.migrate)."""

from alembic import context

from cellsec.store.models import Base
from cellsec.store.search import include_object  # FTS5 tables are made by raw DDL, not by the models


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                      include_object=include_object)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:  # command-line alembic: `alembic -x path=... upgrade heads`
    from cellsec.store import keys
    from cellsec.store.db import make_engine

    path = context.get_x_argument(as_dictionary=True)["path"]
    with make_engine(path, keys.load()).begin() as conn:  # this account's key (a plain file is read as it is)
        run(conn)
else:
    run(connection)
