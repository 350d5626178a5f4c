"""Build the installable app (issue 13): `freeze` (PyInstaller one-folder build), `archive` (.tar.xz or
.zip of it) and `deb` (a Debian package of it). The Makefile targets dist, deb and dist-test call these.

    python installer/build.py freeze  [--dist DIR]     -> DIR/cellsec/ (default dist/)
    python installer/build.py archive [--dist DIR]     -> DIR/cellsec-VERSION-PLATFORM.tar.xz (zip on Windows)
    python installer/build.py deb     [--dist DIR]     -> DIR/cellsec_VERSION_ARCH.deb (see installer/linux/)
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "cellsec.spec"


def version() -> str:
    text = (ROOT / "cellsec" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def app_dir(dist: Path) -> Path:
    return dist / "cellsec"


def check_translations() -> None:
    """The frozen app must carry compiled translations: a missing .qm would ship an English UI."""
    folder = ROOT / "resources" / "i18n"
    missing = [ts.name for ts in folder.glob("*.ts") if not ts.with_suffix(".qm").exists()
               or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime]
    if missing:
        sys.exit("Translations not compiled (run `python tools/i18n.py build` or `make i18n`): "
                 + ", ".join(sorted(missing)))


def freeze(dist: Path) -> Path:
    check_translations()
    started = time.monotonic()
    work = ROOT / "build" / "pyinstaller" / dist.name
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True, cwd=ROOT)
    folder = app_dir(dist)
    print(f"built {folder} in {time.monotonic() - started:.0f} s, {folder_size(folder) / 2**20:.0f} MB")
    return folder


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    return f"{system}-{platform.machine().lower()}"


def archive(dist: Path) -> Path:
    folder = app_dir(dist)
    if not folder.is_dir():
        sys.exit(f"{folder} does not exist: run `make dist` (build.py freeze) first")
    name = f"cellsec-{version()}-{platform_tag()}"
    if sys.platform == "win32":
        out = dist / f"{name}.zip"
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(folder.rglob("*")):
                zf.write(path, Path("cellsec") / path.relative_to(folder))
    elif shutil.which("tar") and shutil.which("xz"):
        # xz on every core: Python's lzma uses one and takes minutes over the ~230 MB folder.
        out = dist / f"{name}.tar.xz"
        subprocess.run(["tar", "-C", str(dist), "-cJf", str(out), "cellsec"], check=True,
                       env={**os.environ, "XZ_OPT": "-6 -T0"})
    else:
        out = dist / f"{name}.tar.xz"
        with tarfile.open(out, "w:xz", preset=6) as tf:
            tf.add(folder, arcname="cellsec")
    print(f"archive {out}: {out.stat().st_size / 2**20:.0f} MB")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("freeze", "archive", "deb"))
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    dist.mkdir(parents=True, exist_ok=True)
    if args.step == "freeze":
        freeze(dist)
    elif args.step == "archive":
        archive(dist)
    else:
        from linux.deb import build_deb  # installer/linux/deb.py

        build_deb(app_dir(dist), dist, version())
    return 0


if __name__ == "__main__":
    sys.exit(main())
