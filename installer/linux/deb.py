"""The Debian package of the frozen app (make deb): dist/cellsec/ under /opt/cellsec, the `cellsec`
command in /usr/bin, the desktop entry and the icon, a Vietnamese description. Built with dpkg-deb.

Depends lists the system libraries Qt's X11/Wayland platform plugins load that PyInstaller does not
bundle (it leaves out the graphics stack and what every desktop has, on purpose)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ICONS = ROOT / "resources" / "icons"

DEPENDS = ("libc6 (>= 2.31), libfontconfig1, libfreetype6, libgl1, libegl1, libxkbcommon0, libxkbcommon-x11-0, "
           "libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, "
           "libxcb-shape0, libxcb-xinerama0, libxcb-xkb1, libdbus-1-3, libglib2.0-0")

DESCRIPTION = """\
Sổ tay Bí thư chi bộ — công cụ làm việc của bí thư chi bộ
 CellSec giúp bí thư chi bộ quản lý đảng viên, soạn biên bản và nghị quyết
 sinh hoạt chi bộ, kiểm điểm và xếp loại đảng viên, chấm điểm "5 tốt" và thu
 đảng phí; in mọi văn bản ra PDF theo thể thức văn bản của Đảng. Dữ liệu nằm
 trên máy, chạy được khi không có mạng, đồng bộ với đảng ủy cấp trên khi có.
 .
 CellSec, the offline workbench of a Party cell secretary: member registry,
 meeting minutes, self-reviews and classification, 5-good scoring and dues.
"""


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def control(version: str, arch: str, installed_kb: int) -> str:
    return (f"Package: cellsec\nVersion: {version}\nSection: misc\nPriority: optional\n"
            f"Architecture: {arch}\nMaintainer: CellSec <cellsec@localhost>\nInstalled-Size: {installed_kb}\n"
            f"Depends: {DEPENDS}\nDescription: {DESCRIPTION}")


# Refresh the menus' caches so the entry and its icon show at once (the tools may be absent: no error).
POSTINST = """#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true; fi
exit 0
"""


def _stage(app: Path, root: Path) -> None:
    shutil.copytree(app, root / "opt" / "cellsec", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/cellsec/cellsec", root / "usr" / "bin" / "cellsec")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(HERE / "cellsec.desktop", apps / "cellsec.desktop")
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for size in (48, 256):
        target = hicolor / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(ICONS / f"cellsec-{size}.png", target / "cellsec.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(ICONS / "cellsec.svg", hicolor / "scalable" / "apps" / "cellsec.svg")
    doc = root / "usr" / "share" / "doc" / "cellsec"
    doc.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "fonts" / "LICENSE-OFL.txt", doc / "LICENSE-fonts-OFL.txt")


def build_deb(app: Path, dist: Path, version: str) -> Path:
    if not (app / "cellsec").is_file():
        raise SystemExit(f"{app} has no frozen app: run `make dist` first")
    arch = architecture()
    root = ROOT / "build" / "deb" / f"cellsec_{version}_{arch}"
    shutil.rmtree(root, ignore_errors=True)
    _stage(app, root)
    size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(version, arch, size_kb), encoding="utf-8")
    (debian / "postinst").write_text(POSTINST)
    (debian / "postinst").chmod(0o755)
    shutil.copy2(debian / "postinst", debian / "postrm")
    out = dist / f"cellsec_{version}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(out)], check=True)
    print(f"package {out}: {out.stat().st_size / 2**20:.0f} MB")
    return out
