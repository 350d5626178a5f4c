"""Fuzzing the member import with generated files: every encoding, huge fields and numbers, odd quoting,
binary noise, broken workbooks. Every file ends in a Vietnamese message or a clean result, never a
traceback; and what a preview accepts, the import writes (issue 15).

Seeded `random` keeps each run the same (a failure names its case); about 5 s of CPU.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import unicodedata
import zipfile

import pytest

import cellsec.domain.vn_encodings  # noqa: F401  (registers the TCVN3 codec)
from cellsec.services.errors import ServiceError

TODAY = dt.date(2026, 11, 22)
VIETNAMESE = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số thẻ đảng viên", "Ngày vào Đảng",
           "Ngày chính thức", "Số SĐV", "Điện thoại", "Quê quán", "Tình trạng sinh hoạt", "Trạng thái", "Ghi chú"]
NAMES = ["Nguyễn Văn Đức", "Trần Thị Hồng", "LÊ VĂN DŨNG", "phạm ngọc ánh", "Hồ Sỹ Nam", "Đậu Thị Lực"]


def _value(rng: random.Random):
    """One cell: mostly plausible, often hostile."""
    pick = rng.randrange(22)
    if pick < 8:
        return rng.choice([*NAMES, "05/02/1980", "1981-03-04", "Nam", "Nữ", "040080001234", "37012345",
                           "19/05/2005", "Đang sinh hoạt", "Chính thức", "", "0912345678", "12"])
    return [
        lambda: "x" * rng.choice([5_000, 140_000]),  # over the cell limit, and over csv's old 128 KB limit
        lambda: "9" * rng.randrange(10, 400),  # numbers far beyond SQLite's integers
        lambda: rng.choice(["1e309", "-0", "NaN", "inf", "٠٤٠٠٨٠٠٠١٢٣٤", "０４０１８１００２３４５", "4008000123"]),
        lambda: rng.choice(["=HYPERLINK(\"http://x\")", "+84 912", "-1", "@SUM(A1)", "\t=1", "=cmd|' /C calc'!A0"]),
        lambda: "Nguyễn\u202eVăn\u200f" + rng.choice(["\x00", "\x07", "\x1b", ""]),
        lambda: '"' * rng.randrange(1, 4) + rng.choice(NAMES),  # odd quoting
        lambda: rng.choice(NAMES) + "\n" + rng.choice(NAMES),
        lambda: "".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(rng.randrange(1, 30))),
        lambda: rng.choice(["31/02/1990", "00/00/0000", "01/01/0001", "99999", "1955", "12/12/9999"]),
        lambda: rng.choice([";", ",", "\t", "\r", "\r\n"]) * rng.randrange(1, 3),
        lambda: "\ud7ff\ufffd\uffff",
        lambda: " " * rng.randrange(0, 5),
        lambda: rng.choice(NAMES).upper() + " " + rng.choice(NAMES),
        lambda: "NGUYỄN THỊ HƯỜNG",
    ][pick - 8]()


def _table(rng: random.Random) -> list[list]:
    header = rng.sample(HEADERS, rng.randrange(3, len(HEADERS)))
    if rng.random() < 0.85 and "Họ và tên" not in header:
        header.insert(0, "Họ và tên")
    rows = [[rng.choice(["DANH SÁCH ĐẢNG VIÊN", ""])]] if rng.random() < 0.2 else []
    rows.append(header)
    for _ in range(rng.randrange(0, 12)):
        rows.append([_value(rng) for _ in range(rng.randrange(0, len(header) + 3))])
    return rows


def _csv_bytes(rng: random.Random) -> bytes:
    rows = _table(rng)
    delimiter = rng.choice([",", ";", "\t"])
    lines = []
    for r in rows:
        cells = []
        for v in r:
            text = str(v)
            if rng.random() < 0.7 and any(c in text for c in (delimiter, '"', "\n", "\r")):
                text = '"' + text.replace('"', '""') + '"'
            cells.append(text)
        lines.append(delimiter.join(cells))
    text = rng.choice(["\r\n", "\n", "\r"]).join(lines) + rng.choice(["", "\n"])
    encoding = rng.choice(["utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "latin-1"])
    if encoding == "tcvn3":
        data = unicodedata.normalize("NFC", text).encode("cellsec-tcvn3", errors="replace")
    else:
        data = text.encode(encoding, errors="replace")
    noise = rng.random()
    if noise < 0.15:  # binary noise somewhere
        at = rng.randrange(len(data) + 1)
        data = data[:at] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64))) + data[at:]
    elif noise < 0.22:  # truncated mid-character
        data = data[: rng.randrange(len(data) + 1)]
    elif noise < 0.25:
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000)))
    return data


def _xlsx_bytes(rng: random.Random) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in _table(rng):
        ws.append([_xlsx_cell(rng, v) for v in r])
    for _ in range(rng.randrange(0, 3)):
        top, left = rng.randrange(1, 6), rng.randrange(1, 6)
        try:
            ws.merge_cells(start_row=top, start_column=left, end_row=top + rng.randrange(0, 3),
                           end_column=left + rng.randrange(0, 3))
        except ValueError:
            pass
    out = io.BytesIO()
    wb.save(out)
    data = out.getvalue()
    damage = rng.random()
    if damage < 0.15:
        data = data[: rng.randrange(len(data))]
    elif damage < 0.25:
        data = bytearray(data)
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        data = bytes(data)
    return data


def _xlsx_cell(rng: random.Random, value):
    pick = rng.random()
    if pick < 0.1:
        return rng.choice([10 ** 30, -(10 ** 20), 1.5e308, float("nan"), float("inf"), 40087019929, 40682, 1955,
                           True, dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31), dt.time(12, 30)])
    if isinstance(value, str):
        # openpyxl refuses control characters in cells; a real workbook cannot hold them either.
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        value = ILLEGAL_CHARACTERS_RE.sub("", value.replace("\uffff", "").replace("\ufffe", ""))[:32000]
        if value.startswith("="):
            value = " " + value  # a live formula would be Excel's to compute, not a value in the file
    return value


def _check(services, path) -> str:
    try:
        preview = services.importer.preview(path, today=TODAY)
    except ServiceError as exc:
        assert exc.message and VIETNAMESE & set(exc.message.lower()), exc.message
        return "refused"
    for row in preview.rows:
        assert row.action in ("add", "update", "reject")
        assert (row.action == "reject") == bool(row.reason), row
    before = services.members.member_count()
    result = services.importer.commit(preview, today=TODAY)  # what the preview accepted, the import writes
    assert result.imported == len(preview.to_add)
    assert services.members.member_count() == before + result.imported
    return "imported"


# Seeds with which past runs of many more cases found a traceback (kept so they stay fixed): 9079 = year
# 9999 dates, 30220 = a damaged zip version field, 30820 = a workbook left without sheets.
@pytest.mark.parametrize("kind, seeds", [("csv", range(0, 110)),
                                         ("xlsx", [*range(1000, 1030), 9079, 30220, 30820])])
def test_generated_files_end_in_a_message_or_a_clean_import(services, tmp_path, kind, seeds):
    outcomes = {"refused": 0, "imported": 0}
    for seed in seeds:
        rng = random.Random(seed)
        path = tmp_path / f"case-{seed}.{kind}"
        path.write_bytes(_csv_bytes(rng) if kind == "csv" else _xlsx_bytes(rng))
        try:
            outcomes[_check(services, path)] += 1
        except AssertionError:
            raise
        except Exception as exc:  # a traceback is the failure this test exists to catch
            raise AssertionError(f"{kind} case {seed}: {type(exc).__name__}: {exc}") from exc
    # The generator makes both kinds of file (otherwise it tests nothing).
    assert outcomes["refused"] > 0 and outcomes["imported"] > 0, outcomes


def test_a_zip_that_is_no_workbook_and_a_workbook_without_sheets_are_refused(services, tmp_path):
    path = tmp_path / "ds.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook><sheets/></workbook>")
    assert _check(services, path) == "refused"
