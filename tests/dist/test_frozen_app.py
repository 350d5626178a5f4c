"""The frozen app run as a user would (issue 13): its version, a demo cell in a fresh folder, a printed
minutes PDF with its fonts embedded, the window painted offscreen, the setup wizard on a first run, and an
upgrade over a data folder of an older version that keeps the data and migrates it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

import cellsec
from cellsec.store import cipher, keys, migrate
from tests import dbfile

pytestmark = pytest.mark.dist

DB = "cellsec.sqlite3"


@pytest.fixture(autouse=True)
def _the_frozen_apps_key(frozen_app, monkeypatch):
    """The frozen app runs with its own HOME and no keyring there, so its database key is the key file in
    that HOME's config folder; the test reads the app's files with that key."""
    monkeypatch.setenv("CELLSEC_KEY_DIR", str(frozen_app.home / ".config" / "CellSec"))


def test_version(frozen_app):
    assert frozen_app.run("--version").stdout.strip() == f"CellSec {cellsec.__version__}"


def test_it_runs_from_its_own_folder_not_the_source_tree(frozen_app):
    internal = frozen_app.folder / "_internal"
    assert (internal / "resources" / "fonts" / "LiberationSerif-Regular.ttf").is_file()
    assert list((internal / "resources" / "i18n").glob("*_vi.qm"))
    assert (internal / "cellsec" / "store" / "migrations" / "versions").is_dir()
    assert not (internal / "cellsec" / "server").exists()
    for left_out in ("fastapi", "uvicorn", "psycopg", "starlette", "pydantic", "pytest", "_pytest"):
        assert not (internal / left_out).exists(), left_out


def _fonts(pdf: Path) -> dict[str, bool]:
    """Every font the pages use -> whether its glyphs are embedded (a FontFile2 in its descriptor)."""
    fonts = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"]).split("+")[-1]] = embedded
    return fonts


def test_demo_then_a_printed_minutes_pdf_with_embedded_fonts(frozen_app, demo_folder, tmp_path):
    meetings = json.loads(frozen_app.run("--data-dir", str(demo_folder), "meetings", "list", "--json").stdout)
    approved = next(m for m in meetings if m.get("number"))
    pdf = tmp_path / "Biên bản sinh hoạt.pdf"
    frozen_app.run("--data-dir", str(demo_folder), "print", "minutes", "--meeting", approved["id"], "-o", str(pdf))
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert approved["number"] in text
    fonts = _fonts(pdf)
    assert fonts and all(name.startswith("LiberationSerif") for name in fonts), fonts
    assert all(fonts.values()), fonts


def _first_window(frozen_app, data_dir: Path, report: Path) -> tuple[dict, int]:
    proc = frozen_app.run("--data-dir", str(data_dir), check=False, timeout=120, CELLSEC_PROBE=str(report))
    assert report.exists(), f"no window painted (exit {proc.returncode})\n{proc.stderr}"
    return json.loads(report.read_text(encoding="utf-8")), proc.returncode


def test_the_window_paints_on_the_demo_data(frozen_app, demo_folder, tmp_path):
    data = tmp_path / "demo"
    shutil.copytree(demo_folder, data)
    window, code = _first_window(frozen_app, data, tmp_path / "probe.json")
    assert window["window"] == "MainWindow", window
    assert window["title"].startswith("CellSec — Sổ tay Bí thư chi bộ")
    assert code == 0


def test_a_first_run_without_a_data_folder_opens_the_setup_wizard(frozen_app, tmp_path):
    data = tmp_path / "AppData" / "Local" / "CellSec"
    window, _ = _first_window(frozen_app, data, tmp_path / "probe.json")
    assert window["window"] == "SetupWizard", window
    assert window["title"] == "Thiết lập CellSec"  # the compiled Vietnamese translation was found


@pytest.fixture
def shipped_migrations(frozen_app, monkeypatch):
    """Alembic pointed at the migration scripts inside the frozen app, so "the previous version" and "the
    current heads" are those of the build under test even when the source tree has moved on since."""
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", frozen_app.folder / "_internal" / "cellsec" / "store" / "migrations")
    return migrate.head_revisions()


def _make_older(folder: Path) -> set[str]:
    """Turn the folder into one written by the previous version: its newest migration undone with the
    migration's own downgrade (the schema that version had), and the file plain, as versions before
    encryption wrote it. Returns the revisions it is left at."""
    from alembic import command

    from cellsec.store.db import make_engine

    graph = migrate._revision_graph()
    newest = max(migrate.head_revisions())
    engine = make_engine(folder / DB, keys.load())
    try:
        with engine.begin() as conn:
            cfg = migrate.alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, f"{newest}@{graph[newest][0]}")
    finally:
        engine.dispose()
    cipher.copy(folder / DB, keys.load(), folder / "plain.sqlite3", None)
    for suffix in ("-wal", "-shm"):
        (folder / (DB + suffix)).unlink(missing_ok=True)
    (folder / "plain.sqlite3").replace(folder / DB)
    with dbfile.connect(folder / DB) as conn:
        return {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}


def _members(folder: Path) -> list[tuple]:
    with dbfile.connect(folder / DB) as conn:
        return conn.execute("SELECT id, full_name, rev FROM members WHERE deleted_at IS NULL ORDER BY id").fetchall()


def test_an_upgrade_keeps_the_data_and_migrates_it(frozen_app, demo_folder, tmp_path, shipped_migrations):
    heads = shipped_migrations
    data = tmp_path / "Dữ liệu cũ"
    shutil.copytree(demo_folder, data)
    older = _make_older(data)
    assert older != heads
    members = _members(data)
    assert len(members) > 10
    window, code = _first_window(frozen_app, data, tmp_path / "probe.json")  # the new version starts
    assert window["window"] == "MainWindow" and code == 0, window
    assert cipher.is_plain(data / DB) is False  # the frozen app's SQLCipher encrypted the older plain file
    assert (frozen_app.home / ".config" / "CellSec" / keys.KEY_FILE).is_file()  # no keyring here: the key file
    with dbfile.connect(data / DB) as conn:
        assert {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")} == heads
    assert _members(data) == members
    listed = json.loads(frozen_app.run("--data-dir", str(data), "members", "list", "--json").stdout)
    assert {m["id"] for m in listed} == {m[0] for m in members}
    backups = list((data / "backups").glob("truoc-nang-cap-*.sqlite3"))
    assert len(backups) == 1
    with dbfile.connect(backups[0]) as conn:
        assert {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")} == older
    [plain] = (data / "backups").glob("truoc-ma-hoa-*.sqlite3")  # the copy taken before encrypting
    assert cipher.is_plain(plain)
    with dbfile.connect(plain) as conn:
        assert conn.execute("SELECT count(*) FROM members WHERE deleted_at IS NULL").fetchone()[0] == len(members)
