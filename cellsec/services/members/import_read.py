"""Reading a member list file as a stream of rows, within bounds: CSV (UTF-8, UTF-16, Windows-1258,
TCVN3) and XLSX (openpyxl's read-only streaming mode, the zip's unpacked sizes checked first, merged
cells taking their merged value). Nothing here holds the whole file in memory.

`open_table(path)` checks the file and returns a `TableSource`; `source.rows()` streams
(row number, cells, problem) and can be called again (the real import reads the file a second time,
with the same rules as the preview).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...domain import member_import as limits
from ...domain import vn_encodings
from ...domain.messages import Msg
from ..errors import ServiceError, failed

FILE_MISSING = Msg("Không tìm thấy tệp {name}.", "File {name} was not found.")
READ_FAILED = Msg("Không đọc được tệp {name} ({error}).", "Cannot read the file {name} ({error}).")
FILE_EMPTY = Msg("Tệp {name} không có dữ liệu.", "File {name} is empty.")
UNSUPPORTED = Msg(
    "Chỉ nhập được tệp CSV hoặc Excel (.xlsx); tệp {name} không phải loại này.",
    "Only CSV or Excel (.xlsx) files can be imported; {name} is neither.",
)
OLD_EXCEL = Msg(
    "Tệp {name} là dạng Excel 97–2003 (.xls) hoặc định dạng chưa hỗ trợ. Hãy mở bằng Excel và lưu lại "
    "dạng \"Excel Workbook (.xlsx)\" hoặc \"CSV UTF-8\".",
    "{name} is an Excel 97–2003 (.xls) or another unsupported format. Open it in Excel and save it as "
    "\"Excel Workbook (.xlsx)\" or \"CSV UTF-8\".",
)
CORRUPT_XLSX = Msg(
    "Không đọc được tệp Excel {name}: tệp bị hỏng hoặc không phải tệp .xlsx.",
    "Cannot read the Excel file {name}: it is damaged or not an .xlsx file.",
)
NOT_UTF8 = Msg(
    "Tệp {name} không đọc được bằng bảng mã nào đã biết (UTF-8, Windows-1258, TCVN3) ở gần dòng {line}, "
    "nên chữ có dấu sẽ bị sai. Hãy mở tệp bằng Excel và lưu lại dạng \"CSV UTF-8\", rồi nhập lại.",
    "{name} cannot be read in any known encoding (UTF-8, Windows-1258, TCVN3) near line {line}, so "
    "Vietnamese letters would be garbled. Open it in Excel, save it as \"CSV UTF-8\" and import again.",
)
NOT_TEXT = Msg("Tệp {name} không phải tệp CSV (có dữ liệu nhị phân).", "{name} is not a CSV file (binary data).")
BAD_QUOTES = Msg(
    "Dòng này sai định dạng CSV ({detail}) ở dòng {line} của tệp: thường do dấu ngoặc kép (\") không đóng; "
    "hãy sửa trong tệp rồi nhập lại.",
    "This row is malformed CSV ({detail}) at line {line} of the file, usually an unclosed quote (\"); fix "
    "it in the file and import again.",
)
SWALLOWED = Msg(
    "Dấu ngoặc kép (\") không đóng: các dòng {first}–{last} của tệp bị gộp vào một ô; hãy sửa trong tệp rồi "
    "nhập lại.",
    "An unclosed quote (\"): lines {first}–{last} of the file ran into one cell; fix it in the file and "
    "import again.",
)
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-16": "UTF-16", "cp1258": "Windows-1258", "tcvn3": "TCVN3 (ABC)"}

# Cells a field may really hold are far shorter; a larger one is read (so the row can be reported)
# as long as it stays under this. The csv module's default of 128 KB raised mid-file.
CSV_FIELD_LIMIT = 4 * 1024 * 1024
csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))

RawRow = tuple[int, list[Any], str]  # (spreadsheet row number, cell values, why the row is unreadable)


@dataclass
class TableSource:
    path: Path
    kind: str  # "csv" | "xlsx"
    encoding: str = ""  # csv: a key of ENCODING_NAMES
    delimiter: str = ","
    sheet: int = 0  # xlsx: which worksheet
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # (min_row, min_col, max_row, max_col)
    stamp: tuple[int, int] = (0, 0)  # (size, mtime_ns) when checked
    # xlsx: the workbook open_table loaded, handed to the first `rows()` (loading reads the whole
    # shared-strings table: ~3 s for an Excel file of 100,000 rows)
    book: Any = field(default=None, repr=False, compare=False)

    def rows(self) -> Iterator[RawRow]:
        try:
            if self.kind == "csv":
                yield from _csv_rows(self)
            else:
                yield from _xlsx_rows(self)
        except OSError as exc:
            raise failed(READ_FAILED, exc, name=self.path.name) from exc

    def unchanged(self) -> bool:
        try:
            stat = self.path.stat()
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == self.stamp


def open_table(path: Path) -> TableSource:
    """Check the file (exists, size, type, zip sizes) and decide how to read it."""
    if not path.is_file():
        raise ServiceError(FILE_MISSING, name=path.name)
    try:
        return _open(path)
    except OSError as exc:  # no permission, a file locked by Excel, a disk error: say it in the user's words
        raise failed(READ_FAILED, exc, name=path.name) from exc


def _open(path: Path) -> TableSource:
    stat = path.stat()
    if stat.st_size > limits.MAX_FILE_BYTES:
        raise ServiceError(limits.TOO_BIG, name=path.name, size=_mb(stat.st_size), limit=_mb(limits.MAX_FILE_BYTES))
    with path.open("rb") as f:
        head = f.read(64 * 1024)
    if not head:
        raise ServiceError(FILE_EMPTY, name=path.name)
    stamp = (stat.st_size, stat.st_mtime_ns)
    suffix = path.suffix.lower()
    if head.startswith(b"\xd0\xcf\x11\xe0") or suffix in (".xls", ".ods"):
        raise ServiceError(OLD_EXCEL, name=path.name)
    if suffix in (".xlsx", ".xlsm") or (suffix in ("", ".csv", ".txt", ".tsv") and head.startswith(b"PK\x03\x04")):
        return _open_xlsx(path, stamp)  # (also an Excel file saved under another name)
    if suffix in ("", ".csv", ".txt", ".tsv"):
        encoding, text = _detect_encoding(path, head)
        sample = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = max((",", ";", "\t"), key=sample.count)
        return TableSource(path, "csv", encoding=encoding, delimiter=delimiter, stamp=stamp)
    raise ServiceError(UNSUPPORTED, name=path.name)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f}"


# ---- CSV ---------------------------------------------------------------------------------------------
def _detect_encoding(path: Path, head: bytes) -> tuple[str, str]:
    """(encoding, decoded start of the file). UTF-16 and UTF-8 by BOM or by decoding cleanly; otherwise the
    old Vietnamese 8-bit encodings, told apart by which one reads as Vietnamese (domain.vn_encodings)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", head.decode("utf-16", errors="replace")  # Excel's "Unicode Text" export
    body = head[len(codecs.BOM_UTF8):] if head.startswith(codecs.BOM_UTF8) else head
    if b"\x00" in body:
        raise ServiceError(NOT_TEXT, name=path.name)
    try:
        return "utf-8", codecs.getincrementaldecoder("utf-8")().decode(body)  # a cut last letter is fine
    except UnicodeDecodeError as exc:
        if head.startswith(codecs.BOM_UTF8):  # says UTF-8 but is not: where it goes wrong helps the user
            line = body.count(b"\n", 0, exc.start) + 1
            raise ServiceError(NOT_UTF8, name=path.name, line=line) from None
    guess = vn_encodings.guess(body)
    if guess is None:
        raise ServiceError(NOT_UTF8, name=path.name, line=1)
    return guess, vn_encodings.decode(body, guess)


def _text_stream(source: TableSource, raw) -> io.TextIOBase:
    if source.encoding == "utf-16":
        return io.TextIOWrapper(raw, encoding="utf-16", newline="")
    if source.encoding == "utf-8":
        if raw.read(3) != codecs.BOM_UTF8:
            raw.seek(0)
        return io.TextIOWrapper(raw, encoding="utf-8", newline="")
    return io.TextIOWrapper(raw, encoding=vn_encodings.codec_name(source.encoding), newline="")


def _csv_rows(source: TableSource) -> Iterator[RawRow]:
    with source.path.open("rb") as raw:
        text = _text_stream(source, raw)
        reader = csv.reader(text, delimiter=source.delimiter, strict=True)
        legacy = source.encoding in ("cp1258", "tcvn3")  # (their capitals and NFC fixed cell by cell)
        number = 0
        while True:
            first_line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # strict mode: a stray quote; the reader goes on at the next line
                number += 1
                yield number, [], BAD_QUOTES.format(detail=str(exc), line=first_line)
                continue
            except UnicodeDecodeError:
                raise ServiceError(NOT_UTF8, name=source.path.name, line=first_line) from None
            number += 1  # a quoted cell may span lines; a spreadsheet still shows each record as one row
            if legacy:
                cells = [vn_encodings.fix_text(c, source.encoding) for c in cells]
            problem = ""
            if reader.line_num > first_line and any("\n" in c and source.delimiter in c for c in cells):
                problem = SWALLOWED.format(first=first_line, last=reader.line_num)
            yield number, cells, problem


# ---- XLSX --------------------------------------------------------------------------------------------
def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except OSError:
        raise
    except Exception as exc:  # BadZipFile, and NotImplementedError for a damaged version field, and more
        raise ServiceError(CORRUPT_XLSX, name=path.name) from exc
    total = sum(i.file_size for i in infos)
    # zipfile never unpacks more than a part's declared size, so the declared sizes bound the work.
    bomb = total > limits.MAX_XLSX_UNPACKED or any(
        i.file_size > limits.MAX_XLSX_PART
        or (i.file_size > 1024 * 1024 and i.file_size > limits.MAX_XLSX_RATIO * max(i.compress_size, 1))
        for i in infos)
    if bomb:
        raise ServiceError(limits.XLSX_BOMB, name=path.name, size=_mb(total))


def _load(path: Path):
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise
    except Exception as exc:  # openpyxl raises many types (zip, XML, key errors) for a broken file
        raise ServiceError(CORRUPT_XLSX, name=path.name) from exc


def _open_xlsx(path: Path, stamp: tuple[int, int]) -> TableSource:
    from .import_header import find_header_position

    _check_zip(path)
    wb = _load(path)
    chosen = None
    try:
        first = TableSource(path, "xlsx", sheet=0, stamp=stamp)
        for index in range(len(wb.worksheets)):
            candidate = TableSource(path, "xlsx", sheet=index, stamp=stamp)
            candidate.merged = _merged_ranges(path, wb.worksheets[index])
            head = []
            for row in _sheet_rows(candidate, wb.worksheets[index]):  # the open workbook: no second load
                head.append(row)
                if len(head) >= 20:
                    break
            if index == 0:
                first = candidate
            # The first sheet with a recognisable header row (a workbook may start with a cover sheet).
            if find_header_position(head) >= 0:
                chosen = candidate
                break
        chosen = chosen or first
        chosen.book = wb
        return chosen
    except ServiceError:
        raise
    except Exception as exc:
        raise ServiceError(CORRUPT_XLSX, name=path.name) from exc
    finally:
        if chosen is None or chosen.book is not wb:
            wb.close()


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _merged_ranges(path: Path, ws) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a sheet. Read-only mode does not expose them and they sit after the rows in the
    sheet's XML, so the XML is scanned once in chunks (its size was checked)."""
    part = getattr(ws, "_worksheet_path", "")
    if not part:
        return []
    ranges = []
    with zipfile.ZipFile(path) as z, z.open(part.lstrip("/")) as xml:
        tail = b""
        while chunk := xml.read(1024 * 1024):
            data = tail + chunk
            for m in _MERGE.finditer(data):
                r1, c1 = int(m.group(2)), _column_number(m.group(1))
                r2, c2 = (int(m.group(4)), _column_number(m.group(3))) if m.group(3) else (r1, c1)
                ranges.append((r1, c1, r2, c2))
            tail = data[-200:] if not data.endswith(b">") else b""
    return sorted(set(ranges))


def _xlsx_rows(source: TableSource) -> Iterator[RawRow]:
    wb, source.book = source.book or _load(source.path), None
    try:
        if source.sheet >= len(wb.worksheets):  # a workbook without sheets (damaged)
            raise ServiceError(CORRUPT_XLSX, name=source.path.name)
        yield from _sheet_rows(source, wb.worksheets[source.sheet])
    finally:
        wb.close()


def _sheet_rows(source: TableSource, ws) -> Iterator[RawRow]:
    from .import_xlsx import sheet_values  # (openpyxl: loaded with the first workbook, not at start-up)

    try:
        # Every row, whatever used-range the sheet states (some exporters write a wrong one).
        pending = list(source.merged)  # ranges not reached yet, in row order
        active: list[tuple[int, int, int, int, Any]] = []  # (min_row, min_col, max_row, max_col, value)
        # Rows are yielded from row 1, missing ones empty, so the position is the row number.
        for number, values in enumerate(sheet_values(ws), start=1):
            cells = list(values[:limits.MAX_COLUMNS])
            while pending and pending[0][0] == number:
                r1, c1, r2, c2 = pending.pop(0)
                active.append((r1, c1, r2, c2, cells[c1 - 1] if c1 - 1 < len(cells) else None))
            while pending and pending[0][0] < number:
                pending.pop(0)
            if active:
                cells = _fill_merged(cells, number, active)
                active = [a for a in active if a[2] > number]
            if cells:
                yield number, cells, ""
    except ServiceError:
        raise
    except OSError:
        raise
    except Exception as exc:
        raise ServiceError(CORRUPT_XLSX, name=source.path.name) from exc


def _fill_merged(cells: list[Any], number: int, active: list[tuple[int, int, int, int, Any]]) -> list[Any]:
    """A merged range shows its top-left value in every cell it covers; so does the import."""
    for r1, c1, r2, c2, value in active:
        if r1 <= number <= r2 and value is not None:
            width = min(c2, limits.MAX_COLUMNS)
            if len(cells) < width:
                cells.extend([None] * (width - len(cells)))
            for col in range(c1, width + 1):
                cells[col - 1] = value
    return cells
