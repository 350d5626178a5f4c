"""The frozen app, built and run as a user runs it (issue 13, `make dist-test`).

Building takes minutes (PyInstaller; ~2-3 min on the 2-core CI machine), so these tests are skipped in the
ordinary `make test` and run by `make dist-test` (which .ci/run calls), where CELLSEC_DIST_TEST=1. The app
is built into build/dist-test/cellsec (not dist/, which `make dist` owns), or CELLSEC_FROZEN_APP names a
folder already built. The folder is then copied to a path with Vietnamese letters and spaces, and every
command runs from an empty working folder with a minimal environment: nothing can come from the source tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENABLED = os.environ.get("CELLSEC_DIST_TEST") == "1"


def pytest_configure(config):
    config.addinivalue_line("markers", "dist: builds and runs the frozen app (make dist-test, CELLSEC_DIST_TEST=1)")


def pytest_collection_modifyitems(config, items):
    if ENABLED:
        return
    skip = pytest.mark.skip(reason="builds the frozen app (minutes): run `make dist-test` (CELLSEC_DIST_TEST=1)")
    for item in items:
        if item.get_closest_marker("dist"):
            item.add_marker(skip)


@dataclass
class FrozenApp:
    folder: Path
    home: Path

    @property
    def exe(self) -> Path:
        return self.folder / ("cellsec-cli.exe" if sys.platform == "win32" else "cellsec")

    def env(self, **extra: str) -> dict[str, str]:
        env = {"PATH": "/usr/bin:/bin", "HOME": str(self.home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
        env.update(extra)
        return env

    def run(self, *args: str, check: bool = True, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
        proc = subprocess.run([str(self.exe), *args], capture_output=True, text=True, cwd=self.home,
                              env=self.env(**env), timeout=timeout)
        if check and proc.returncode != 0:
            raise AssertionError(f"{args} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
        return proc


def _build(config) -> Path:
    given = os.environ.get("CELLSEC_FROZEN_APP")
    if given:
        return Path(given)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is missing: `make dist-test` installs the `dist` extra")
    dist = ROOT / "build" / "dist-test"
    started = time.monotonic()
    subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "freeze", "--dist", str(dist)],
                   check=True, cwd=ROOT)
    with config.pluginmanager.getplugin("capturemanager").global_and_fixture_disabled():
        print(f"\nfrozen app built in {time.monotonic() - started:.0f} s into {dist / 'cellsec'}")
    return dist / "cellsec"


@pytest.fixture(scope="session")
def frozen_app(request, tmp_path_factory) -> FrozenApp:
    built = _build(request.config)
    place = tmp_path_factory.mktemp("install") / "Chương trình" / "CellSec bản đóng gói"
    shutil.copytree(built, place, symlinks=True)
    home = tmp_path_factory.mktemp("home")
    return FrozenApp(place, home)


@pytest.fixture(scope="session")
def demo_folder(frozen_app, tmp_path_factory) -> Path:
    """A demo cell made by the frozen app itself (`cellsec demo`), copied by the tests that change it."""
    folder = tmp_path_factory.mktemp("demo") / "Dữ liệu chi bộ"
    out = frozen_app.run("--data-dir", str(folder), "demo", "--today", "22/11/2026")
    assert "đảng viên" in out.stdout
    return folder
