"""Import of member lists exported by other systems (CSV or XLSX): preview first, then one mutation.

The preview and the real import run the same code over the same file (`_planned`), and what the preview
accepted is exactly what is written. The preview keeps what it planned for each batch, compressed (a few
MB at 100,000 rows, where the planned rows themselves would take over 100 MB); the import writes that when
neither the file nor the store changed since (the file's size and time, the change log's last row, the
pull cursor, the day). Otherwise it streams the file again with the same rules and refuses to write if a
row would now be treated differently.

A row whose CCCD, else card number, else name and date of birth belongs to a member already in the
registry updates that member, so importing the same file twice never duplicates anyone. Row numbers are
the spreadsheet's own (header alone = row 1). Both passes report progress (rows read) and can be
cancelled; a cancelled import writes nothing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import pickle
import weakref
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from ...domain import member_import as checks
from ...domain.messages import Msg
from ...store.models.core import ChangeLog
from ...store.models.members import Member
from ...store.models.sync import SyncState
from ..context import Context
from ..errors import ServiceError
from .import_cells import ParsedRow, parse_row
from .import_header import HEADER_SEARCH_ROWS, Header, HeaderNotFound, Mapping, find_header, is_filled  # noqa: F401  (re-exported)
from .import_plan import ImportRow, Planner  # noqa: F401  (ImportRow: the row type callers use)
from .import_read import ENCODING_NAMES, TableSource, open_table
from .import_write import IMPORTED_STATUS, write_added
from .service import (MemberInput, MemberService, StatusChange, apply_input, current_cards, new_members,
                      record_status)

STALE = Msg(
    "Danh sách đảng viên đã thay đổi từ lúc xem trước. Hãy xem trước lại tệp rồi mới nhập.",
    "The member list changed since the preview. Preview the file again before importing.",
)
FILE_CHANGED = Msg(
    "Tệp {name} đã thay đổi từ lúc xem trước. Hãy xem trước lại tệp rồi mới nhập.",
    "{name} changed since the preview. Preview the file again before importing.",
)
CANCELLED = Msg("Đã dừng. Chưa ghi gì vào danh sách đảng viên.", "Stopped. Nothing was written to the member list.")
IMPORT_SUMMARY = Msg(
    "Nhập danh sách đảng viên từ tệp {name}: thêm {added}, cập nhật {updated}",
    "Import members from {name}: {added} added, {updated} updated",
)
REASON_COLUMN = Msg("Lý do chưa nhập được", "Why it was not imported")

BATCH = 500  # rows planned (and written) together: one read of their members, one flush
Progress = Callable[[int], None]
Cancel = Callable[[], bool]


class ImportCancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__(CANCELLED)


@dataclass
class ImportPreview:
    path: Path
    kind: str  # "csv" | "xlsx"
    header_row: int
    columns: dict[str, str]  # header as written -> field
    ignored_columns: list[str]
    rows: list[ImportRow]
    encoding: str = ""  # for a CSV: "UTF-8", "Windows-1258", "TCVN3 (ABC)" ...
    header: Header | None = field(default=None, repr=False)
    source: TableSource | None = field(default=None, repr=False)
    mapping: Mapping | None = None
    plans: list[bytes] = field(default_factory=list, repr=False)  # each batch's inputs (_pack)
    basis: tuple | None = field(default=None, repr=False)  # what they were planned against (_basis)

    @property
    def to_add(self) -> list[ImportRow]:
        return [r for r in self.rows if r.action == "add"]

    @property
    def to_update(self) -> list[ImportRow]:
        return [r for r in self.rows if r.action == "update"]

    @property
    def rejected(self) -> list[ImportRow]:
        return [r for r in self.rows if r.action == "reject"]


@dataclass
class ImportResult:
    imported: int  # members added
    updated: int  # rows matched to members already in the registry (brought in line with the file)
    unchanged: int  # of those, rows whose values were already the same (nothing written)
    rejected: list[ImportRow]

    def as_json(self) -> dict[str, Any]:
        return {"imported": self.imported, "updated": self.updated, "unchanged": self.unchanged,
                "rejected": [{"row": r.row, "reason": r.reason} for r in self.rejected]}


class ImportService:
    def __init__(self, ctx: Context, members: MemberService) -> None:
        self.ctx = ctx
        self.members = members

    def preview(self, path: Path | str, today: dt.date | None = None, *, mapping: Mapping | None = None,
                progress: Progress | None = None, cancel: Cancel | None = None) -> ImportPreview:
        """Read and check a file; nothing is written. Broken files raise ServiceError (HeaderNotFound when
        no header is recognised: the user may then give a `mapping`)."""
        path = Path(path)
        source = open_table(path)
        header, rows = self._rows_after_header(source, mapping)
        with self.ctx.read() as s:
            basis = self._basis(s, today)  # (read before planning: a change meanwhile makes the import re-plan)
        planned: list[ImportRow] = []
        plans: list[bytes] = []
        for batch in self._planned(rows, header, source, today, progress, cancel):
            planned += [row for row, _ in batch]
            plans.append(_pack([data for _, data in batch]))
        headers = {header.texts[i]: f for i, f in sorted(header.columns.items())}
        return ImportPreview(path, source.kind, header.row, headers, header.ignored, planned,
                             ENCODING_NAMES.get(source.encoding, ""), header, source, mapping, plans, basis)

    def commit(self, preview: ImportPreview, today: dt.date | None = None, *, progress: Progress | None = None,
               cancel: Cancel | None = None) -> ImportResult:
        """Write every valid row of a preview in one mutation (one Undo step): what the preview planned, or,
        when the store changed since, the file read again with the same rules; if it or the registry changed
        since the preview, nothing is written."""
        adds = preview.to_add
        updates = preview.to_update
        changed = sum(1 for r in updates if r.changed)
        result = ImportResult(len(adds), len(updates), len(updates) - changed, preview.rejected)
        if not adds and not changed:
            return result
        source = preview.source or open_table(preview.path)
        if not source.unchanged():
            raise ServiceError(FILE_CHANGED, name=preview.path.name)
        summary = IMPORT_SUMMARY.format(name=preview.path.name, added=len(adds), updated=changed)
        cell_id = self.ctx.cell_id
        with self.ctx.mutation("members.import", summary) as s:
            # (Inside the mutation: it holds the write lock, so the store cannot change after this check.)
            if preview.plans and _same_basis(preview.basis, self._basis(s, today)):
                self._write_planned(s, cell_id, preview, progress, cancel)
            else:
                self._plan_again_and_write(s, cell_id, preview, source, today, progress, cancel)
            if cancel is not None and cancel():
                raise ImportCancelled()
        return result

    def _write_planned(self, s, cell_id: str, preview: ImportPreview, progress: Progress | None,
                       cancel: Cancel | None) -> None:
        count = 0
        for packed in preview.plans:
            inputs = _unpack(packed)
            batch = list(zip(preview.rows[count:count + len(inputs)], inputs))
            count += len(inputs)
            _step(count, progress, cancel)
            self._write(s, cell_id, batch)

    def _plan_again_and_write(self, s, cell_id: str, preview: ImportPreview, source: TableSource,
                              today: dt.date | None, progress: Progress | None, cancel: Cancel | None) -> None:
        header, rows = self._rows_after_header(source, preview.mapping)
        expected = iter(preview.rows)
        for batch in self._planned(rows, header, source, today, progress, cancel):
            for planned, _ in batch:
                shown = next(expected, None)
                if shown is None or (shown.row, shown.action, shown.member_id) != (
                        planned.row, planned.action, planned.member_id):
                    raise ServiceError(STALE)
            self._write(s, cell_id, batch)
        if next(expected, None) is not None:
            raise ServiceError(STALE)

    def _basis(self, s, today: dt.date | None) -> tuple:
        """What a plan depends on besides the file: the store (a restored backup is another), its last
        change (any member, card or rule set edited, here or by another process), the last pull, the day."""
        seq = s.scalar(select(func.max(ChangeLog.seq))) or 0
        cursor = s.scalar(select(func.max(SyncState.pull_cursor))) or 0
        # (The store by weak reference: a preview kept open must not keep a replaced store alive.)
        return weakref.ref(self.ctx.store), seq, cursor, today or dt.date.today()

    def rejected_rows(self, preview: ImportPreview) -> Iterator[list[Any]]:
        """The header and every rejected row of the file as it was written, with why in a last column:
        the user fixes them and imports that file again."""
        reasons = {r.row: r.reason for r in preview.rejected}
        source = preview.source or open_table(preview.path)
        if not source.unchanged():
            raise ServiceError(FILE_CHANGED, name=preview.path.name)
        width = len(preview.header.texts) if preview.header else 0
        for number, cells, _ in source.rows():
            if preview.header and number == preview.header.row:
                yield [*preview.header.texts, REASON_COLUMN.format()]
            elif number in reasons:
                yield [*cells[:width], *[None] * (width - len(cells)), reasons[number]]

    # ---- the one pipeline of preview and import ----------------------------------------------------
    @staticmethod
    def _rows_after_header(source: TableSource, mapping: Mapping | None):
        stream = source.rows()
        head = list(itertools.islice(stream, HEADER_SEARCH_ROWS))
        try:
            header = find_header(head, source.path.name, mapping)
        except BaseException:
            stream.close()
            raise
        after = [r for r in head if r[0] > header.row]
        return header, itertools.chain(after, stream)

    def _planned(self, rows: Iterator, header: Header, source: TableSource, today: dt.date | None,
                 progress: Progress | None, cancel: Cancel | None) -> Iterator[list[tuple[ImportRow, MemberInput | None]]]:
        """Batches of planned rows (the last may be empty), each after its progress step."""
        planner = Planner(self.ctx, self.members, today or dt.date.today())
        batch: list[ParsedRow] = []
        count = 0
        for number, cells, problem in rows:
            if not problem and not any(is_filled(c) for c in cells):
                continue
            count += 1
            if count > checks.MAX_ROWS:
                raise ServiceError(checks.TOO_MANY_ROWS, name=source.path.name, limit=f"{checks.MAX_ROWS:,}".replace(",", "."))
            batch.append(parse_row(number, cells, header.columns, source.kind, problem))
            if len(batch) >= BATCH:
                planned = list(planner.plan(batch))
                batch = []
                _step(count, progress, cancel)
                yield planned
        planned = list(planner.plan(batch))
        _step(count, progress, cancel)
        yield planned

    def _write(self, s, cell_id: str, batch: list[tuple[ImportRow, MemberInput | None]]) -> None:
        adds = [(r, d) for r, d in batch if r.action == "add"]
        updates = [(r, d) for r, d in batch if r.action == "update" and r.changed]
        if updates:
            write_with_orm(s, cell_id, adds, updates)
        else:  # (a first import: every batch) Core's executemany, the same rows as write_with_orm
            write_added(s, cell_id, adds)


def write_with_orm(s, cell_id: str, adds: list[tuple[ImportRow, MemberInput]],
                   updates: list[tuple[ImportRow, MemberInput]]) -> None:
    added = new_members(s, cell_id, [d for _, d in adds])
    for member, (r, _) in zip(added, adds):
        if r.activity != "active":  # e.g. an exported list that also holds members who left
            record_status(s, member, StatusChange(r.activity, reason=IMPORTED_STATUS.format()))
    if updates:
        ids = [r.member_id for r, _ in updates]
        existing = {m.id: m for m in s.scalars(select(Member).where(Member.id.in_(ids)))}
        cards = current_cards(s, ids)  # (one query, not one a row)
        # No flush between rows (a flush per row is quadratic).
        with s.no_autoflush:
            for r, d in updates:
                apply_input(s, existing[r.member_id], d, cards)
    # Written rows leave the session: 100,000 of them would otherwise stay in memory until the commit.
    s.flush()
    s.expunge_all()


def _same_basis(before: tuple | None, now: tuple) -> bool:
    return before is not None and before[0]() is now[0]() and before[1:] == now[1:]


def _pack(inputs: list[MemberInput | None]) -> bytes:
    # Our own objects, unpickled only by _unpack in this process (never read from a file).
    return zlib.compress(pickle.dumps(inputs, pickle.HIGHEST_PROTOCOL), 1)


def _unpack(packed: bytes) -> list[MemberInput | None]:
    return pickle.loads(zlib.decompress(packed))


def _step(count: int, progress: Progress | None, cancel: Cancel | None) -> None:
    if progress is not None:
        progress(count)
    if cancel is not None and cancel():
        raise ImportCancelled()
