"""The Windows side of the code, checked here on Linux (issue 13): the data folder under %LOCALAPPDATA% for a
user whose name is Vietnamese with spaces, opening a saved file through the shell, the single-instance lock
on such a folder, and resources (fonts) found inside the frozen app's folder."""

from __future__ import annotations

import ntpath
import os
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest

from cellsec import paths

USER = "Nguyễn Văn Ánh"


@pytest.fixture
def windows_dirs(monkeypatch):
    """platformdirs answering as on Windows: folders from the environment (ctypes has no windll here)."""
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(platformdirs.windows, "_RESOLVE_WIN_FOLDER", platformdirs.windows.get_win_folder_from_env_vars)
    monkeypatch.delenv("CELLSEC_DATA_DIR", raising=False)


def test_data_folder_is_cellsec_under_localappdata_of_a_vietnamese_user(windows_dirs, monkeypatch):
    local = rf"C:\Users\{USER}\AppData\Local"
    monkeypatch.setenv("LOCALAPPDATA", local)
    folder = str(paths.default_data_dir())
    # platformdirs joins with the host's separator; on Windows both are backslashes.
    assert ntpath.normpath(folder) == rf"C:\Users\{USER}\AppData\Local\CellSec"


def test_a_vietnamese_user_with_spaces_gets_a_working_store_there(windows_dirs, monkeypatch, tmp_path):
    local = tmp_path / "Users" / USER / "AppData" / "Local"
    local.mkdir(parents=True)
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    from cellsec.services.facade import Services

    data_dir = paths.default_data_dir()
    assert data_dir == local / "CellSec"
    services = Services.open(data_dir)
    try:
        services.backups.backup_now()
        assert [b.path.parent for b in services.backups.list()] == [data_dir / "backups"]
    finally:
        services.close()
    assert (data_dir / "backups").is_dir()


def test_the_data_folder_variable_still_wins_on_windows(windows_dirs, monkeypatch, tmp_path):
    monkeypatch.setenv("LOCALAPPDATA", rf"C:\Users\{USER}\AppData\Local")
    monkeypatch.setenv("CELLSEC_DATA_DIR", str(tmp_path / "Dữ liệu chi bộ"))
    assert paths.default_data_dir() == tmp_path / "Dữ liệu chi bộ"


# Opening a saved document through the shell ---------------------------------------------------------------
# The window opens documents with QDesktopServices.openUrl: ShellExecute on Windows, xdg-open on Linux (Qt's
# choice; the offscreen test platform cannot open anything). What the frozen app must get right is the
# environment the opener inherits.

def _fake_opener(folder: Path, log: Path) -> None:
    folder.mkdir()
    script = folder / "xdg-open"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n%s\\n" "$1" "${{LD_LIBRARY_PATH-unset}}" > "{log}"\n')
    script.chmod(0o755)


@pytest.mark.skipif(sys.platform == "win32", reason="LD_LIBRARY_PATH and xdg-open are Linux's")
def test_the_frozen_app_opens_files_with_the_users_library_path(monkeypatch, tmp_path):
    """The bundle's LD_LIBRARY_PATH must not reach xdg-open and the PDF viewer (they would load the bundle's
    Qt and GLib): the runtime hook restores the user's value, which every program the app starts inherits."""
    bundle = tmp_path / "cellsec" / "_internal"
    bundle.mkdir(parents=True)
    log = tmp_path / "opened.txt"
    _fake_opener(tmp_path / "bin", log)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    env = {"LD_LIBRARY_PATH": f"{bundle}{os.pathsep}/opt/user/lib", "LD_LIBRARY_PATH_ORIG": "/opt/user/lib"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    paths.restore_library_path(os.environ)
    doc = tmp_path / "Biên bản tháng 11.pdf"
    doc.write_bytes(b"%PDF-1.4\n")
    subprocess.run(["xdg-open", str(doc)], check=True)  # what Qt's QProcess::startDetached inherits
    assert log.read_text(encoding="utf-8").splitlines() == [str(doc), "/opt/user/lib"]
    assert "LD_LIBRARY_PATH_ORIG" not in os.environ


def test_a_bundle_path_without_an_original_is_removed(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    environ = {"LD_LIBRARY_PATH": str(tmp_path)}
    paths.restore_library_path(environ)
    assert environ == {}


def test_a_users_own_library_path_is_left_alone_from_source(monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    environ = {"LD_LIBRARY_PATH": "/opt/user/lib"}
    paths.restore_library_path(environ)
    assert environ == {"LD_LIBRARY_PATH": "/opt/user/lib"}


# Resources inside the frozen folder ------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def frozen_bundle(monkeypatch, tmp_path):
    """A stand-in for `CellSec\\_internal` (sys._MEIPASS of a one-folder build) with the resources copied in,
    under a path with Vietnamese letters and spaces like a per-user install."""
    bundle = tmp_path / "AppData" / "Local" / "Programs" / f"CellSec của {USER}" / "_internal"
    shutil.copytree(ROOT / "resources" / "fonts", bundle / "resources" / "fonts")
    shutil.copytree(ROOT / "resources" / "rules", bundle / "resources" / "rules")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    return bundle


def test_resources_are_looked_up_in_the_bundle_when_frozen(frozen_bundle):
    assert paths.bundle_dir() == frozen_bundle
    assert paths.resources_dir() == frozen_bundle / "resources"


def test_printed_fonts_come_from_the_frozen_folder(frozen_bundle, monkeypatch):
    from reportlab.pdfbase import pdfmetrics

    from cellsec.reports.engine import metrics

    monkeypatch.setattr(metrics, "_registered", False)
    # reportlab keeps the first font registered under a name for the whole process: start from none of ours
    # (monkeypatch puts the registries back afterwards).
    ours = (metrics.FONT, metrics.FONT_BOLD, metrics.FONT_ITALIC, metrics.FONT_BOLD_ITALIC)
    monkeypatch.setattr(pdfmetrics, "_fonts", {k: v for k, v in pdfmetrics._fonts.items() if k not in ours})
    monkeypatch.setattr(pdfmetrics, "_dynFaceNames", {})
    try:
        metrics.register_fonts()
        for name in (metrics.FONT, metrics.FONT_BOLD, metrics.FONT_ITALIC, metrics.FONT_BOLD_ITALIC):
            assert Path(pdfmetrics.getFont(name).face.filename).parent == frozen_bundle / "resources" / "fonts"
        assert metrics.text_width("Đảng viên", 14) > 0
    finally:
        monkeypatch.undo()  # back to the source tree's fonts for the tests that follow
        metrics._registered = False
        metrics.register_fonts()


def test_a_bundle_without_fonts_fails_loudly(frozen_bundle, monkeypatch):
    from reportlab.pdfbase import pdfmetrics

    from cellsec.reports.engine import metrics

    shutil.rmtree(frozen_bundle / "resources" / "fonts")
    monkeypatch.setattr(metrics, "_registered", False)
    # reportlab keeps the first font registered under a name for the whole process: start from none of ours
    # (monkeypatch puts the registries back afterwards).
    ours = (metrics.FONT, metrics.FONT_BOLD, metrics.FONT_ITALIC, metrics.FONT_BOLD_ITALIC)
    monkeypatch.setattr(pdfmetrics, "_fonts", {k: v for k, v in pdfmetrics._fonts.items() if k not in ours})
    monkeypatch.setattr(pdfmetrics, "_dynFaceNames", {})
    try:
        with pytest.raises(Exception, match="LiberationSerif"):
            metrics.register_fonts()
    finally:
        monkeypatch.undo()
        metrics._registered = False
        metrics.register_fonts()
