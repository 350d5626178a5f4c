"""SQLAlchemy models, engine set-up, Alembic migrations, queries, search index, backups. SQL lives only here."""
