"""Test set-up: Qt offscreen, a fresh data folder per test, Vietnamese messages by default."""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from cellsec.domain import messages  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """Nothing touches the real user data folder; messages start in Vietnamese."""
    monkeypatch.setenv("CELLSEC_DATA_DIR", str(tmp_path / "default-data"))
    messages.set_language("vi")
    yield
    messages.set_language("vi")


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


@pytest.fixture
def demo_services(data_dir):
    """Open services on a folder filled by `cellsec demo` (every feature's demo data)."""
    from cellsec.services.demo.cell import build_demo
    from cellsec.services.facade import Services

    svc = Services.open(data_dir)
    build_demo(svc, today=dt.date(2026, 11, 22))
    yield svc
    svc.close()
