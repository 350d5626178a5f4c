"""Big member files (issue 15): each is imported in a fresh process, which must end with every row in the
registry or with a Vietnamese refusal, never a traceback, and stay under 250 MB of memory. `make test` uses
1,000-row files; `make soak` (SOAK_ROUNDS set) 100,000 rows and a file of more rows than the limit, and
prints its figures: tried / survived / lost, with the time and peak memory of each file."""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import zipfile

import pytest

SOAK = bool(os.environ.get("SOAK_ROUNDS"))
ROWS = int(os.environ.get("SOAK_BIG_ROWS", "100000" if SOAK else "1000"))
MEMORY_LIMIT_MB = 250
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số thẻ đảng viên", "Ngày vào Đảng",
          "Ngày chính thức", "Điện thoại", "Quê quán"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Đậu", "Hồ"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Hằng", "Hương", "Nhung", "Vinh"]

CHILD = r"""
import datetime as dt, json, resource, sys, time
from pathlib import Path
from cellsec.services.errors import ServiceError
from cellsec.services.facade import Services
from cellsec.services.settings.cell import CellInfo

svc = Services.open(Path(sys.argv[2]))
svc.cell.setup(CellInfo(name="Chi bộ Thôn Đông", place_name="Nghệ An", upper_committee="Đảng ủy xã"))
start = time.perf_counter()
out = {"added": 0, "message": ""}
try:
    preview = svc.importer.preview(Path(sys.argv[1]), today=dt.date(2026, 11, 22))
    out["added"] = svc.importer.commit(preview, today=dt.date(2026, 11, 22)).imported
except ServiceError as exc:
    out["message"] = exc.message
out["members"] = svc.members.member_count()
out["seconds"] = time.perf_counter() - start
try:  # this process's own peak (ru_maxrss would also count the parent's pages at the fork)
    hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    out["peak_mb"] = int(hwm.split()[1]) / 1024
except OSError:
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 if sys.platform != "darwin" else 1024**2)
print(json.dumps(out))
"""


def _rows(count: int):
    rng = random.Random(15)
    for i in range(count):
        year = 1950 + rng.randrange(50)
        female = rng.random() < 0.4
        yield [i + 1, f"{rng.choice(FAMILY)} {'Thị' if female else 'Văn'} {rng.choice(GIVEN)}",
               f"{1 + rng.randrange(28):02d}/{1 + rng.randrange(12):02d}/{year}", "Nữ" if female else "Nam",
               f"040{int(female)}{year % 100:02d}{i:06d}", f"{37000000 + i}", f"19/05/{year + 25}",
               f"19/05/{year + 26}", f"09{rng.randrange(10**8):08d}", f"Xóm {rng.randrange(20)}, xã Hưng Nguyên"]


def _csv(path, count: int):
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(_rows(count))
    return path


def _xlsx(path, count: int):
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADER)
    for r in _rows(count):
        ws.append(r)
    wb.save(path)
    return path


def _oversized(path, _count: int):
    with open(path, "wb") as fh:  # a sparse file: over the 64 MB limit without writing 64 MB
        fh.write(("\t".join(HEADER) + "\n").encode())
        fh.truncate(65 * 1024 * 1024)
    return path


def _bomb(path, _count: int):
    """A small workbook whose sheet unpacks to 300 MB of blanks."""
    _xlsx(path.with_suffix(".src.xlsx"), 10)
    with zipfile.ZipFile(path.with_suffix(".src.xlsx")) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if not info.filename.startswith("xl/worksheets/sheet"):
                dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
                continue
            head, tail = data.split(b"</sheetData>")
            packed = zipfile.ZipInfo(info.filename)
            packed.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(packed, "w", force_zip64=True) as part:
                part.write(head)
                for _ in range(300):  # written a MB at a time (never 300 MB in this process)
                    part.write(b" " * (1024 * 1024))
                part.write(b"</sheetData>" + tail)
    return path


CASES = [  # (name, writer, rows, what must happen: "all" imported or the words of the refusal)
    ("csv", _csv, ROWS, "all"),
    ("xlsx", _xlsx, ROWS, "all"),
    ("over 64 MB", _oversized, 0, "quá lớn"),
    ("zip bomb", _bomb, 0, "giải nén ra quá lớn"),
] + ([("csv over the row limit", _csv, 100_001, "Hãy tách tệp")] if SOAK else [])


def test_big_files_import_whole_or_are_refused_in_vietnamese_within_memory(tmp_path):
    figures, lost = [], []
    for name, write, count, expect in CASES:
        suffix = ".xlsx" if write in (_xlsx, _bomb) else ".csv"
        path = write(tmp_path / f"{name.replace(' ', '-')}{suffix}", count)
        data = tmp_path / f"data-{len(figures)}"
        data.mkdir()
        proc = subprocess.run([sys.executable, "-c", CHILD, str(path), str(data)], capture_output=True, text=True,
                              timeout=3600)
        try:
            out = json.loads(proc.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            lost.append(f"{name}: {proc.stderr[-2000:]}")
            continue
        ok = out["added"] == out["members"] == count if expect == "all" else expect in out["message"]
        if not ok or out["peak_mb"] > MEMORY_LIMIT_MB:
            lost.append(f"{name}: {out}")
        figures.append(f"{name} ({count:,} rows, {path.stat().st_size / 1e6:.1f} MB): "
                       f"{'imported ' + str(out['added']) if expect == 'all' else 'refused'} in "
                       f"{out['seconds']:.1f} s, peak {out['peak_mb']:.0f} MB")
    print(f"\nbig files: tried {len(CASES)}, survived {len(CASES) - len(lost)}, lost {len(lost)}")
    for line in figures:
        print("  " + line)
    assert not lost, lost
