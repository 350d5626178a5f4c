"""Where data and bundled resources live."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def default_data_dir() -> Path:
    """`CELLSEC_DATA_DIR` if set, else the platform's user data folder (platformdirs)."""
    env = os.environ.get("CELLSEC_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("CellSec", appauthor=False))


def resources_dir() -> Path:
    """resources/ beside the package in a checkout, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
