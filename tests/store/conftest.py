"""The store's migration tests run the real Alembic migrations on new databases (not the session's
migrated template that other tests copy)."""

from __future__ import annotations

from pathlib import Path

import pytest

REAL_MIGRATION_MODULES = {"test_migrations.py", "test_scoring_migration.py", "test_search_index.py"}


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        path = Path(item.path)
        if path.parent == here and path.name in REAL_MIGRATION_MODULES:
            item.add_marker(pytest.mark.real_migrations)
