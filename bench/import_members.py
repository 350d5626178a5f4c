"""Member import at 10,000 and 100,000 rows, CSV and XLSX (as openpyxl and as Excel write it): time of the
preview and of the import, and the peak memory of the process (each case runs in a fresh process so the
peaks do not mix).

Run: .venv/bin/python bench/import_members.py [rows ...]   (default: 10000 100000)

Measured on the shared 2-core machine (preview s + import s, peak MB; load average in brackets). Before:
the code of 21d40c6 (ORM writes with the flush hooks, the file read and planned again by the import, the
workbook loaded twice by the preview); after: the store's bulk writer, the preview's plan reused, one load.
  10,000 csv    1.4 + 6.6, 96 MB    -> 0.7 + 1.6, 95 MB    (1.2-1.8)
  10,000 xlsx   2.9 + 7.7, 109 MB   -> 1.4 + 1.6, 107 MB
  10,000 excel  3.2 + 7.1, 111 MB   -> 1.5 + 1.6, 110 MB
 100,000 csv   11.5 + 70.7, 196 MB  -> 7.3 + 16.1, 201 MB  (before 1.3-2.4, after 1.6-1.8)
 100,000 xlsx  28.6 + 100.1, 209 MB -> 13.1 + 16.5, 214 MB
 100,000 excel 22.3 + 96.4, 231 MB  -> 13.7 + 16.7, 213 MB
"""

from __future__ import annotations

import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Đậu"]
MIDDLE = ["Văn", "Thị", "Đình", "Hữu", "Quang", "Ngọc", "Thanh", "Minh", "Sỹ", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Hà", "Hằng", "Lan", "Minh", "Sơn", "Tâm", "Hương", "Nhung", "Vinh"]
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số thẻ đảng viên", "Ngày vào Đảng",
          "Ngày chính thức", "Chức vụ", "Điện thoại", "Quê quán"]


# csv; xlsx as openpyxl writes it (text inline in each cell); excel: the same with a shared-strings table, as
# Excel saves it
KINDS = ("csv", "xlsx", "excel")


def rows(count: int):
    rng = random.Random(7)
    for i in range(count):
        year = 1950 + rng.randrange(50)
        female = rng.random() < 0.4
        name = f"{rng.choice(FAMILY)} {'Thị' if female else rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        cccd = f"040{(1 if female else 0)}{year % 100:02d}{i:06d}"
        yield [i + 1, name, f"{1 + rng.randrange(28):02d}/{1 + rng.randrange(12):02d}/{year}",
               "Nữ" if female else "Nam", cccd, f"{37000000 + i}", f"19/05/{year + 25}", f"19/05/{year + 26}",
               rng.choice(["", "Bí thư", "Chi ủy viên"]), f"09{rng.randrange(10**8):08d}",
               f"Xóm {rng.randrange(20)}, xã Hưng Nguyên, Nghệ An"]


def write_file(path: Path, count: int) -> None:
    if path.suffix == ".csv":
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADER)
            writer.writerows(rows(count))
        return
    from openpyxl import Workbook

    wb = Workbook()  # (not write-only: like Excel, it records the used range the reader starts from)
    ws = wb.active
    ws.append(HEADER)
    for r in rows(count):
        ws.append(r)
    wb.save(path)


def as_excel_saves(path: Path) -> None:
    """Rewrite an openpyxl workbook's inline strings into a shared-strings table, as Excel saves text
    (openpyxl writes each string in its cell; a reader then loads Excel's table whole when it opens the file)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    strings: dict[str, int] = {}

    def shared(m: re.Match) -> bytes:
        index = strings.setdefault(m.group(2).decode(), len(strings))
        return m.group(1) + b' t="s"><v>' + str(index).encode() + b"</v></c>"

    sheet = re.sub(rb'(<c r="[A-Z]+\d+")[^>]*t="inlineStr"[^>]*><is><t>(.*?)</t></is></c>', shared, sheet)
    # (the texts are still XML-escaped as they were in the sheet)
    with_parts(path, sheet, "".join(f"<si><t>{text}</t></si>" for text in strings).encode())


def with_parts(path: Path, sheet: bytes, strings: bytes) -> None:
    """Give a workbook this first sheet and this shared-strings table (the <si> elements)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet
    parts["xl/sharedStrings.xml"] = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                     + strings + b"</sst>")
    if b"sharedStrings" not in parts["[Content_Types].xml"]:
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sharedStrings+xml"/></Types>').encode())
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(b"</Relationships>", (
            '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'sharedStrings" Target="sharedStrings.xml"/></Relationships>').encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def run_case(path: Path, data_dir: Path) -> dict:
    """In the child process: set up a cell, preview then import the file; report times and peak memory."""
    import datetime as dt

    from cellsec.services.facade import Services
    from cellsec.services.settings.cell import CellInfo

    svc = Services.open(data_dir)
    svc.cell.setup(CellInfo(name="Chi bộ", place_name="Nghệ An", upper_committee="Đảng ủy"))
    today = dt.date(2026, 11, 22)
    base = peak_mb()
    start = time.perf_counter()
    preview = svc.importer.preview(path, today=today)
    previewed = time.perf_counter()
    result = svc.importer.commit(preview, today=today)
    done = time.perf_counter()
    return {"preview_s": previewed - start, "import_s": done - previewed, "added": result.imported,
            "rejected": len(result.rejected), "peak_mb": peak_mb(), "before_mb": base}


def peak_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM belongs to the program the process runs now;
    ru_maxrss also keeps the peak of the parent before the exec (the parent that wrote a 100,000-row XLSX
    with openpyxl reached 430 MB, which ru_maxrss then reported as the child's)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        print(json.dumps(run_case(Path(sys.argv[2]), Path(sys.argv[3]))))
        return
    counts = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    print(f"{'rows':>8} {'kind':>5} {'file MB':>8} {'preview s':>10} {'import s':>9} {'peak MB':>8} "
          f"{'(start MB)':>10}  added/rejected")
    for count in counts:
        for kind in KINDS:
            suffix = ".csv" if kind == "csv" else ".xlsx"
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"ds{suffix}"
                write_file(path, count)
                if kind == "excel":
                    as_excel_saves(path)
                data = Path(tmp) / "data"
                data.mkdir()
                out = subprocess.run([sys.executable, __file__, "--child", str(path), str(data)], check=True,
                                     capture_output=True, text=True).stdout
                r = json.loads(out.strip().splitlines()[-1])
                print(f"{count:>8} {kind:>5} {path.stat().st_size / 1e6:>8.1f} {r['preview_s']:>10.1f} "
                      f"{r['import_s']:>9.1f} {r['peak_mb']:>8.0f} {r['before_mb']:>10.0f}  "
                      f"{r['added']}/{r['rejected']}", flush=True)


if __name__ == "__main__":
    main()
