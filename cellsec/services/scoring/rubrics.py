"""Rubrics (criteria sheets) as versioned, exchangeable data: list, edit, copy, activate, import, export.

A rubric row is one version of one rubric. A version that has been used to score something is frozen:
editing it is refused, and the secretary copies it into a new version instead, so old scores keep the
rubric they were made with. The shipped defaults (resources/rules/rubric_*.json) are installed into the
cell's data the first time rubrics are needed, with ids derived from the cell and the rubric version so
two laptops of the same cell install the very same rows.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import rubrics as R
from ...domain.messages import Msg
from ...domain.rubric_messages import FILE_TOO_LARGE
from ...domain.text import clean_line
from ...paths import resources_dir
from ...store.ids import new_id
from ...store.models.core import Cell
from ...store.models.scoring import FiveGoodAssessment, MeetingScore, Rubric
from ..context import Context
from ..common import CellScoped
from ..errors import NotFound, ServiceError, failed

DEFAULTS_SUMMARY = Msg("Cài các bộ tiêu chí chấm điểm mặc định", "Install the default scoring rubrics")
IMPORT_SUMMARY = Msg("Nhập bộ tiêu chí: {names}", "Import rubrics: {names}")
COPY_SUMMARY = Msg("Tạo phiên bản mới của bộ tiêu chí {name}", "New version of rubric {name}")
UPDATE_SUMMARY = Msg("Sửa bộ tiêu chí {name}", "Edit rubric {name}")
DELETE_SUMMARY = Msg("Xóa bộ tiêu chí {name}", "Delete rubric {name}")
ACTIVATE_SUMMARY = Msg("Dùng bộ tiêu chí {name} để chấm điểm", "Use rubric {name} for scoring")

RUBRIC_WHAT = Msg("bộ tiêu chí", "rubric")
IN_USE_EDIT = Msg(
    "Bộ tiêu chí \"{name}\" (phiên bản {version}) đã được dùng để chấm {count} lần nên không sửa được, "
    "để các kết quả cũ giữ nguyên. Hãy tạo phiên bản mới rồi sửa phiên bản đó.",
    "Rubric \"{name}\" (version {version}) has been used {count} times, so it cannot be edited (old "
    "scores must stay as they were). Make a new version and edit that one.",
)
IN_USE_DELETE = Msg(
    "Bộ tiêu chí \"{name}\" đã được dùng để chấm {count} lần nên không xóa được.",
    "Rubric \"{name}\" has been used {count} times, so it cannot be deleted.",
)
ALREADY_THERE = Msg(
    "Bộ tiêu chí \"{name}\" phiên bản {version} đã có trong chương trình. Nếu cấp ủy gửi bản sửa đổi, "
    "bản đó phải mang số phiên bản mới.",
    "Rubric \"{name}\" version {version} is already here. A revised rubric must carry a new version number.",
)
READ_FAILED = Msg("Không đọc được tệp {path}: {error}", "Cannot read the file {path}: {error}")
WRITE_FAILED = Msg("Không ghi được tệp {path}: {error}", "Cannot write the file {path}: {error}")
TARGET_MISMATCH = Msg("Bộ tiêu chí này dùng cho {target}, không dùng được ở đây.",
                      "This rubric is for {target} and cannot be used here.")
COMMITTEE_SUMMARY = Msg("Nhận bộ tiêu chí do cấp trên ban hành: {names}", "Rubrics issued by the committee: {names}")
ISSUED_BY_COMMITTEE = Msg("Bộ tiêu chí \"{name}\" do cấp ủy cấp trên ban hành nên không sửa được; hãy tạo bản sao "
                          "để điều chỉnh.",
                          "The rubric \"{name}\" was issued by the committee above and cannot be edited; make a copy "
                          "to adjust it.")
NOTHING_TO_EXPORT = Msg("Hãy chọn ít nhất một bộ tiêu chí để xuất.", "Choose at least one rubric to export.")

_ID_NAMESPACE = uuid.UUID("0b7f2a52-55a1-4c3e-9f55-4c2f7c1f0d11")


@dataclass
class RubricInfo:
    """A rubric version as lists show it."""

    id: str
    key: str
    version: int
    name: str
    document: str
    effective_from: dt.date
    target: str
    meeting_types: list[str]
    max_points: float
    criteria_count: int
    active: bool
    origin: str            # default | imported | user | committee
    unverified: bool
    note: str
    used_count: int        # scores and assessments made with this version (> 0: frozen)

    @property
    def editable(self) -> bool:
        return self.used_count == 0 and self.origin != "committee"


def _error(exc: R.RubricError) -> ServiceError:
    return ServiceError(exc.msg, **exc.params)


@lru_cache(maxsize=1)
def shipped_defaults() -> tuple[R.Rubric, ...]:
    """The rubrics shipped in resources/rules/rubric_*.json (parsed once per process)."""
    found: list[R.Rubric] = []
    for path in sorted((resources_dir() / "rules").glob("rubric_*.json")):
        found.extend(R.parse_rubric_file(path.read_bytes()))
    return tuple(found)


def default_row_id(cell_id: str, key: str, version: int) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, f"{cell_id}/{key}/{version}"))


def committee_row_id(cell_id: str, key: str, version: int) -> str:
    """The same on every laptop of the cell: two laptops taking one issued rubric make one record."""
    return str(uuid.uuid5(_ID_NAMESPACE, f"{cell_id}/committee/{key}/{version}"))


class RubricService(CellScoped):
    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._defaults_checked = False

    # ---- defaults ------------------------------------------------------------------------------------
    def ensure_defaults(self) -> None:
        """Install shipped default rubrics this cell has never had (a deleted default stays deleted)."""
        if self._defaults_checked:
            return
        cell_id = self.cell_id
        with self.ctx.read() as s:
            known = set(s.execute(select(Rubric.key, Rubric.version).where(Rubric.cell_id == cell_id)).all())
        missing = [r for r in shipped_defaults() if (r.key, r.version) not in known]
        if missing:
            with self.ctx.mutation("rubric.defaults", DEFAULTS_SUMMARY.format(), undoable=False) as s:
                for rubric in missing:
                    row = self._new_row(s, cell_id, rubric, origin="default",
                                        row_id=default_row_id(cell_id, rubric.key, rubric.version))
                    s.flush()
                    if not self._active_rows(s, cell_id, rubric.target, rubric.meeting_types, exclude=row.id):
                        row.active = True
        self._defaults_checked = True

    # ---- reads ---------------------------------------------------------------------------------------
    def list(self, target: str | None = None) -> list[RubricInfo]:
        """Live rubric versions, by target, then name, newest version first."""
        self.ensure_defaults()
        with self.ctx.read() as s:
            q = select(Rubric).where(Rubric.cell_id == self.cell_id, Rubric.deleted_at.is_(None))
            if target:
                q = q.where(Rubric.target == target)
            rows = s.scalars(q).all()
            used = self._usage(s, [r.id for r in rows])
            infos = [self._info(r, used.get(r.id, 0)) for r in rows]
        order = {t: i for i, t in enumerate(R.TARGETS)}
        return sorted(infos, key=lambda i: (order.get(i.target, 9), i.name.casefold(), i.key, -i.version))

    def info(self, rubric_id: str) -> RubricInfo:
        with self.ctx.read() as s:
            row = self._row(s, rubric_id)
            return self._info(row, self._usage(s, [row.id]).get(row.id, 0))

    def get(self, rubric_id: str) -> R.Rubric:
        """The full rubric (groups, criteria, bands) of a version, for the editor and for scoring."""
        with self.ctx.read() as s:
            return _definition(self._row(s, rubric_id))

    def active(self, target: str, meeting_type: str | None = None) -> RubricInfo | None:
        """The version chosen for scoring `target` (for meetings: the one covering `meeting_type`)."""
        self.ensure_defaults()
        with self.ctx.read() as s:
            rows = self._active_rows(s, self.cell_id, target, [meeting_type] if meeting_type else [])
            if not rows:
                return None
            row = max(rows, key=lambda r: (r.effective_from, r.version))
            return self._info(row, self._usage(s, [row.id]).get(row.id, 0))

    def sources(self, target: str) -> list[R.AutoSource]:
        """Automatic sources a criterion of a `target` rubric may use (for the editor's drop-down)."""
        return R.sources_for(target)

    def check(self, rubric: R.Rubric) -> str | None:
        """The reason the rubric would be refused, or None: for validating in the editor as the user types."""
        try:
            R.validate_rubric(rubric)
        except R.RubricError as exc:
            return exc.message
        return None

    # ---- edits ---------------------------------------------------------------------------------------
    def update(self, rubric_id: str, rubric: R.Rubric) -> RubricInfo:
        """Replace a version's content (its key and version number stay). Refused once it has been used."""
        with self.ctx.read() as s:
            row = self._row(s, rubric_id)
            used = self._usage(s, [row.id]).get(row.id, 0)
            key, version = row.key, row.version
        if used:
            raise ServiceError(IN_USE_EDIT, name=row.name, version=row.version, count=used)
        if row.origin == "committee":
            raise ServiceError(ISSUED_BY_COMMITTEE, name=row.name)
        rubric = _with_identity(rubric, key, version)
        with self.ctx.mutation("rubric.update", UPDATE_SUMMARY.format(name=rubric.name)) as s:
            row = self._row(s, rubric_id)
            _fill(row, rubric)
            if row.active:
                for other in self._active_rows(s, row.cell_id, rubric.target, rubric.meeting_types, exclude=row.id):
                    other.active = False
        return self.info(rubric_id)

    def copy(self, rubric_id: str, *, new_key: str | None = None, name: str | None = None) -> RubricInfo:
        """A new, editable version: of the same rubric (next version number) or, with `new_key`, the first
        version of a new rubric. Not active until the secretary chooses it."""
        source = self.get(rubric_id)
        key = clean_line(new_key) if new_key else source.key
        with self.ctx.read() as s:
            top = s.scalar(select(func.max(Rubric.version)).where(Rubric.cell_id == self.cell_id, Rubric.key == key))
        copy = _with_identity(source, key, (top or 0) + 1)
        if name:
            copy.name = clean_line(name)
        copy = _validated(copy)
        with self.ctx.mutation("rubric.copy", COPY_SUMMARY.format(name=copy.name)) as s:
            row = self._new_row(s, self.cell_id, copy, origin="user")
            new_id = row.id
        return self.info(new_id)

    def delete(self, rubric_id: str) -> None:
        with self.ctx.read() as s:
            row = self._row(s, rubric_id)
            used = self._usage(s, [row.id]).get(row.id, 0)
        if used:
            raise ServiceError(IN_USE_DELETE, name=row.name, count=used)
        with self.ctx.mutation("rubric.delete", DELETE_SUMMARY.format(name=row.name)) as s:
            row = self._row(s, rubric_id)
            row.deleted_at = dt.datetime.now(dt.timezone.utc)
            row.active = False

    def set_active(self, rubric_id: str) -> RubricInfo:
        """Score with this version from now on: other active versions of the same target (for meetings:
        those covering one of its meeting types) stop being active."""
        with self.ctx.mutation("rubric.activate", ACTIVATE_SUMMARY.format(name=self.info(rubric_id).name)) as s:
            row = self._row(s, rubric_id)
            rubric = _definition(row)
            for other in self._active_rows(s, row.cell_id, rubric.target, rubric.meeting_types, exclude=row.id):
                other.active = False
            row.active = True
        return self.info(rubric_id)

    # ---- exchange ------------------------------------------------------------------------------------
    def export_json(self, rubric_ids: list[str]) -> str:
        if not rubric_ids:
            raise ServiceError(NOTHING_TO_EXPORT)
        with self.ctx.read() as s:
            rubrics = [_definition(self._row(s, rid)) for rid in rubric_ids]
            cell = s.get(Cell, self.cell_id)
            source = cell.name if cell else ""
        return R.dump_rubric_file(rubrics, dt.datetime.now(dt.timezone.utc), source)

    def export_file(self, rubric_ids: list[str], path: Path) -> Path:
        text = self.export_json(rubric_ids)
        path = Path(path)
        try:
            tmp = path.with_name(path.name + ".part")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:
            raise failed(WRITE_FAILED, exc, path=path) from exc
        return path

    def import_bytes(self, raw: bytes, *, activate: bool = False) -> list[RubricInfo]:
        """Import every rubric of an exchange file in one mutation, or none (the reason is raised)."""
        try:
            rubrics = R.parse_rubric_file(raw)
        except R.RubricError as exc:
            raise _error(exc) from exc
        self.ensure_defaults()
        cell_id = self.cell_id
        with self.ctx.read() as s:
            for rubric in rubrics:
                clash = s.scalar(select(Rubric.id).where(Rubric.cell_id == cell_id, Rubric.key == rubric.key,
                                                         Rubric.version == rubric.version,
                                                         Rubric.deleted_at.is_(None)))
                if clash:
                    raise ServiceError(ALREADY_THERE, name=rubric.name, version=rubric.version)
        names = ", ".join(r.name for r in rubrics)
        ids = []
        with self.ctx.mutation("rubric.import", IMPORT_SUMMARY.format(names=names)) as s:
            for rubric in rubrics:
                row = self._new_row(s, cell_id, rubric, origin="imported")
                s.flush()
                if activate:
                    for other in self._active_rows(s, cell_id, rubric.target, rubric.meeting_types, exclude=row.id):
                        other.active = False
                    row.active = True
                ids.append(row.id)
        return [self.info(i) for i in ids]

    def import_file(self, path: Path, *, activate: bool = False) -> list[RubricInfo]:
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > R.MAX_FILE_BYTES:
                raise _error(R.RubricError(FILE_TOO_LARGE, size=f"{size:,}".replace(",", ".")))
            raw = path.read_bytes()
        except OSError as exc:
            raise failed(READ_FAILED, exc, path=path) from exc
        return self.import_bytes(raw, activate=activate)

    # ---- issued by the committee above (sync/effects.py) ---------------------------------------------
    def take_committee_rubrics(self, rubrics: list[R.Rubric]) -> int:
        """Install the rubrics the committee issued that this cell has never had, in use at once for their
        target (the committee issues them to be used; the secretary may still choose another). Read-only
        here: a copy is the way to adapt one. A rubric the secretary deleted stays deleted, and one whose
        key and version the cell already uses for its own is left out. Returns how many were installed."""
        cell_id = self.cell_id
        with self.ctx.read() as s:
            known = set(s.execute(select(Rubric.id)).scalars())
            taken = set(s.execute(select(Rubric.key, Rubric.version).where(
                Rubric.cell_id == cell_id, Rubric.deleted_at.is_(None))).all())
        new = [r for r in rubrics if committee_row_id(cell_id, r.key, r.version) not in known
               and (r.key, r.version) not in taken]
        if not new:
            return 0
        names = ", ".join(r.name for r in new)
        with self.ctx.mutation("rubric.committee", COMMITTEE_SUMMARY.format(names=names), undoable=False) as s:
            for rubric in new:
                row = self._new_row(s, cell_id, _validated(rubric), origin="committee",
                                    row_id=committee_row_id(cell_id, rubric.key, rubric.version))
                s.flush()
                for other in self._active_rows(s, cell_id, rubric.target, rubric.meeting_types, exclude=row.id):
                    other.active = False
                row.active = True
        return len(new)

    # ---- helpers for the scoring service -------------------------------------------------------------
    def resolve(self, rubric_id: str | None, target: str, meeting_type: str | None = None) -> tuple[str, R.Rubric]:
        """(id, rubric) to score with: the given version, or the active one for the target."""
        if rubric_id is None:
            info = self.active(target, meeting_type)
            if info is None:
                raise NotFound(RUBRIC_WHAT.format())
            rubric_id = info.id
        rubric = self.get(rubric_id)
        if rubric.target != target:
            raise ServiceError(TARGET_MISMATCH, target=R.TARGET_LABELS[rubric.target].format())
        return rubric_id, rubric

    # ---- internals -----------------------------------------------------------------------------------
    def _row(self, s: Session, rubric_id: str) -> Rubric:
        row = s.get(Rubric, rubric_id)
        if row is None or row.deleted_at is not None or row.cell_id != self.cell_id:
            raise NotFound(RUBRIC_WHAT.format())
        return row

    @staticmethod
    def _new_row(s: Session, cell_id: str, rubric: R.Rubric, *, origin: str, row_id: str | None = None) -> Rubric:
        row = Rubric(id=row_id or new_id(), cell_id=cell_id, origin=origin, active=False)
        _fill(row, rubric)
        s.add(row)
        return row

    @staticmethod
    def _active_rows(s: Session, cell_id: str, target: str, meeting_types: list[str],
                     exclude: str | None = None) -> list[Rubric]:
        q = select(Rubric).where(Rubric.cell_id == cell_id, Rubric.deleted_at.is_(None), Rubric.active.is_(True),
                                 Rubric.target == target)
        if exclude:
            q = q.where(Rubric.id != exclude)
        rows = s.scalars(q).all()
        if target != "meeting" or not meeting_types:
            return list(rows)
        wanted = set(meeting_types)
        return [r for r in rows if wanted & set(filter(None, r.meeting_types.split(",")))]

    @staticmethod
    def _usage(s: Session, ids: list[str]) -> dict[str, int]:
        if not ids:
            return {}
        counts: dict[str, int] = {}
        for model in (MeetingScore, FiveGoodAssessment):
            for rid, n in s.execute(select(model.rubric_id, func.count()).where(
                    model.rubric_id.in_(ids), model.deleted_at.is_(None)).group_by(model.rubric_id)):
                counts[rid] = counts.get(rid, 0) + n
        return counts

    @staticmethod
    def _info(row: Rubric, used: int) -> RubricInfo:
        data = json.loads(row.definition)
        return RubricInfo(
            id=row.id, key=row.key, version=row.version, name=row.name, document=data.get("document", ""),
            effective_from=row.effective_from, target=row.target,
            meeting_types=[t for t in row.meeting_types.split(",") if t],
            max_points=float(data.get("max_points", 0)),
            criteria_count=sum(len(g.get("criteria", [])) for g in data.get("groups", [])),
            active=row.active, origin=row.origin, unverified=row.unverified, note=data.get("note", ""),
            used_count=used)


def _definition(row: Rubric) -> R.Rubric:
    return R.rubric_from_dict(json.loads(row.definition))


def _validated(rubric: R.Rubric) -> R.Rubric:
    try:
        return R.validate_rubric(rubric)
    except R.RubricError as exc:
        raise _error(exc) from exc


def _with_identity(rubric: R.Rubric, key: str, version: int) -> R.Rubric:
    # Through the dict form: a deep copy the caller's object does not share.
    data = R.rubric_to_dict(rubric)
    data["key"], data["version"] = key, version
    try:
        return R.rubric_from_dict(data)
    except R.RubricError as exc:
        raise _error(exc) from exc


def _fill(row: Rubric, rubric: R.Rubric) -> None:
    row.key, row.version, row.name = rubric.key, rubric.version, rubric.name
    row.target, row.effective_from = rubric.target, rubric.effective_from
    row.meeting_types = ",".join(rubric.meeting_types)
    row.unverified = rubric.unverified
    row.definition = R.rubric_json(rubric)

