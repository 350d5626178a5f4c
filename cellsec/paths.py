"""Where data and bundled resources live."""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from pathlib import Path


def default_data_dir() -> Path:
    """`CELLSEC_DATA_DIR` if set, else the platform's user data folder (platformdirs)."""
    env = os.environ.get("CELLSEC_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("CellSec", appauthor=False))


def bundle_dir() -> Path | None:
    """The folder of the frozen app's files (PyInstaller sets sys._MEIPASS: `_internal` beside the
    executable in a one-folder build); None when running from a source checkout or an installed wheel."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else None


def resources_dir() -> Path:
    """resources/ (fonts, rule sets, translations, guide, icons): in the bundle when frozen, else beside
    the package."""
    bundle = bundle_dir()
    if bundle is not None:
        return bundle / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def restore_library_path(environ: MutableMapping[str, str]) -> None:
    """Undo the frozen app's LD_LIBRARY_PATH for the programs it starts (run by the bundle's runtime hook).

    PyInstaller's bootloader puts the bundle first in LD_LIBRARY_PATH and keeps the user's value in
    LD_LIBRARY_PATH_ORIG; a PDF viewer started with the bundle's path would load our copies of Qt and GLib."""
    bundle = bundle_dir()
    value = environ.get("LD_LIBRARY_PATH")
    if bundle is None or value is None or str(bundle) not in value.split(os.pathsep):
        return
    original = environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original:
        environ["LD_LIBRARY_PATH"] = original
    else:
        del environ["LD_LIBRARY_PATH"]
