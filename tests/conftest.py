"""Test set-up: Qt offscreen, a fresh data folder per test, Vietnamese messages by default.

Speed: a new database is not migrated test by test. The Alembic migrations run once per session into a
template file, and every store a test creates in a new folder starts as a copy of it (through the store's
own `migrate`, so the copy is a real store that opens normally); the store's migration tests opt out with
the `real_migrations` marker. The demo is built once per session too and its data folder copied.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The database key lives in a key file in this folder, never in the real keyring, and stays the same for the
# whole session (the migrated template and the demo are encrypted under it; child processes inherit it).
os.environ.setdefault("CELLSEC_KEY_DIR", tempfile.mkdtemp(prefix="cellsec-test-keys-"))

import pytest  # noqa: E402

from cellsec.domain import messages  # noqa: E402

DEMO_TODAY = dt.date(2026, 11, 22)


def pytest_configure(config):
    config.addinivalue_line("markers", "real_migrations: new stores run the Alembic migrations, not the template")


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """Nothing touches the real user data folder; messages start in Vietnamese."""
    monkeypatch.setenv("CELLSEC_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("CELLSEC_CONFIG_DIR", str(tmp_path / "config"))  # device identity, chain seals
    messages.set_language("vi")
    yield
    messages.set_language("vi")


class StoreTemplate:
    """A database migrated to the current heads, made the first time a test creates a store."""

    def __init__(self, folder: Path) -> None:
        from cellsec.store import migrate

        self.folder = folder
        self._path: Path | None = None
        self.key: bytes | None = None
        self._upgrade = migrate._upgrade  # the real one (tests get `from_template` in its place)

    @property
    def path(self) -> Path:
        if self._path is None:
            from cellsec.store import keys
            from cellsec.store.db import DB_NAME
            from cellsec.store.migrate import _checkpoint_and_drop_wal

            path = self.folder / DB_NAME
            self.key = keys.ensure()
            self._upgrade(path, self.key)
            _checkpoint_and_drop_wal(path, self.key)
            self._path = path
        return self._path

    def copy_to(self, dest: Path, key: bytes | None = None) -> None:
        """A copy under `key` (a test that set up another key), else under the session's key."""
        source = self.path
        if key is None or key == self.key:
            shutil.copyfile(source, dest)
        else:
            from cellsec.store import cipher

            cipher.copy(source, self.key, Path(dest), key)


@pytest.fixture(scope="session")
def store_template(tmp_path_factory) -> StoreTemplate:
    return StoreTemplate(tmp_path_factory.mktemp("store-template"))


@pytest.fixture(autouse=True)
def _new_stores_from_template(request, monkeypatch, store_template):
    """A store created in a new folder is a copy of the session's migrated template."""
    if request.node.get_closest_marker("real_migrations"):
        return
    from cellsec.store import migrate

    upgrade = migrate._upgrade

    def from_template(path: Path, key: bytes | None) -> None:
        if Path(path).exists():  # an existing older database: really upgrade it
            upgrade(path, key)
        else:
            store_template.copy_to(Path(path), key)

    monkeypatch.setattr(migrate, "_upgrade", from_template)


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def services(data_dir):
    """Open services on a fresh folder with a cell already set up."""
    from cellsec.services.settings.cell import CellInfo
    from cellsec.services.facade import Services

    svc = Services.open(data_dir)
    svc.cell.setup(
        CellInfo(
            name="Chi bộ Xuất bản - Kỹ thuật",
            abbreviation="CB",
            place_name="Nghệ An",
            secretary_name="Nguyễn Văn Đức",
            deputy_name="Trần Thị Hồng",
            upper_committee="Đảng ủy Báo Nghệ An",
            top_committee="Đảng bộ các cơ quan Đảng tỉnh Nghệ An",
        ),
        since=dt.date(2020, 1, 1),
    )
    yield svc
    svc.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, store_template) -> Path:
    """A data folder filled by `cellsec demo` (every feature's demo data, today = 22/11/2026), built once
    per session. Read only: copy it (`copy_demo`) before opening it."""
    from cellsec.services.demo.cell import build_demo
    from cellsec.services.facade import Services
    from cellsec.store.migrate import _checkpoint_and_drop_wal

    folder = tmp_path_factory.mktemp("demo-template") / "data"
    folder.mkdir()
    store_template.copy_to(folder / "cellsec.sqlite3")
    svc = Services.open(folder)
    try:
        build_demo(svc, today=DEMO_TODAY)
    finally:
        svc.close()
    _checkpoint_and_drop_wal(svc.ctx.store.path, svc.ctx.store.key)
    return folder


def copy_demo(template: Path, dest: Path) -> Path:
    shutil.copytree(template, dest)
    return dest


@pytest.fixture
def demo_services(data_dir, demo_template):
    """Open services on a copy of the session's demo folder."""
    from cellsec.services.facade import Services

    svc = Services.open(copy_demo(demo_template, data_dir))
    yield svc
    svc.close()
