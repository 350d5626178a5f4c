"""The checks of "Kiểm tra dữ liệu" that look beyond the chain's own records (services/finalise.py).

Deleting records from the end of the chain, or all of them, leaves a chain that is whole in itself. What
still shows it: the documents those records sealed are still marked finalised (`not_chained`); a year's
document numbers have a hole (`number_gap`); and the seal kept outside the database remembers a longer
chain, or another head (`chain_truncated`, `chain_rewritten`, `seal_invalid`; see chain_seal.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.messages import Msg
from ..store.remote import model_for_table
from . import chain_seal
from .finalise_fields import FINALISED_ROWS, NUMBERED_TABLES

NOT_CHAINED = Msg(
    "{document} đã được chốt nhưng không có bản lưu trong chuỗi mã kiểm tra: bản lưu của nó đã bị xóa.",
    "{document} is finalised but has no record in the checksum chain: its record was deleted.",
)
NUMBER_GAP = Msg(
    "Thiếu văn bản số {missing} năm {year} ({document}): số văn bản phải liền nhau, có văn bản đã bị xóa.",
    "Document number {missing} of {year} is missing ({document}): numbers run without gaps; one was deleted.",
)
CHAIN_TRUNCATED = Msg(
    "Chuỗi văn bản đã chốt ngắn hơn lần ghi trước trên máy này: trước có {sealed} bản lưu, nay còn {count}. "
    "Các bản lưu mới nhất đã bị xóa (nếu vừa khôi phục một bản sao lưu cũ hơn thì đó là lý do).",
    "The finalised chain is shorter than last recorded on this computer: it had {sealed} records, now {count}. "
    "The newest records were deleted (or an older backup was just restored).",
)
CHAIN_REWRITTEN = Msg(
    "Chuỗi văn bản đã chốt khác với lần ghi trước trên máy này (bản lưu số {seq} không còn như cũ): "
    "chuỗi đã bị tính lại.",
    "The finalised chain differs from the one last recorded on this computer (record {seq} is not the same): "
    "the chain was recomputed.",
)
SEAL_INVALID = Msg(
    "Dấu niêm phong của chuỗi văn bản đã chốt trên máy này không hợp lệ (đã bị sửa).",
    "This computer's seal of the finalised chain is not valid (it was altered).",
)
DOC_LABELS = {
    "meetings": Msg("Biên bản", "Minutes"),
    "resolutions": Msg("Nghị quyết", "Resolution"),
    "member_reviews": Msg("Bản kiểm điểm", "Review"),
    "collective_reviews": Msg("Báo cáo kiểm điểm tập thể", "Collective review"),
    "review_years": Msg("Biểu tổng hợp xếp loại đảng viên", "Classification summary"),
}

Problem = tuple[int, str, str, str, str]  # seq, kind, entity id, code, text (ChainProblem's fields)


def chain_problems_outside(s: Session, cell_id: str, rows: list[Any], own: list[Any], data_dir: Path) -> list[Problem]:
    """`rows`: every laptop's records; `own`: this laptop's chain, the one its seal covers."""
    return [*_not_chained(s, cell_id, rows), *_number_gaps(s, cell_id), *_seal_problems(cell_id, own, data_dir)]


def _label(table: str, row: Any) -> str:
    label = DOC_LABELS[table].format()
    number = getattr(row, "number_text", None)
    year = getattr(row, "year", None)
    return f"{label} {number}" if number else f"{label} {year}" if year else f"{label} ({row.id[:8]})"


def _not_chained(s: Session, cell_id: str, rows: list[Any]) -> list[Problem]:
    chained = {(r.kind, r.entity_id) for r in rows}
    out: list[Problem] = []
    for kind, (table, column, values) in FINALISED_ROWS.items():
        model = model_for_table(table)
        for row in s.scalars(select(model).where(model.cell_id == cell_id, getattr(model, column).in_(values))):
            if (kind, row.id) not in chained:
                out.append((0, kind, row.id, "not_chained", NOT_CHAINED.format(document=_label(table, row))))
    return out


def _number_gaps(s: Session, cell_id: str) -> list[Problem]:
    out: list[Problem] = []
    for table in NUMBERED_TABLES:
        model = model_for_table(table)
        numbered = s.execute(select(model.number_year, model.number_seq, model.number_text)
                             .where(model.cell_id == cell_id, model.number_seq.is_not(None))).all()
        by_year: dict[int, dict[int, str]] = {}
        for year, seq, text in numbered:
            by_year.setdefault(year, {})[seq] = text or ""
        for year, seqs in sorted(by_year.items()):
            for missing in range(min(seqs), max(seqs)):
                if missing not in seqs:
                    out.append((0, table, "", "number_gap", NUMBER_GAP.format(
                        missing=missing, year=year, document=DOC_LABELS[table].format())))
    return out


def _seal_problems(cell_id: str, rows: list[Any], data_dir: Path) -> list[Problem]:
    seal = chain_seal.read(data_dir, cell_id)
    if seal is None:
        return []
    if not seal.valid:
        return [(0, "", "", "seal_invalid", SEAL_INVALID.format())]
    count = rows[-1].seq if rows else 0
    if count < seal.count:
        return [(count, "", "", "chain_truncated", CHAIN_TRUNCATED.format(sealed=seal.count, count=count))]
    at = next((r for r in rows if r.seq == seal.count), None)
    if seal.count and (at is None or at.hash != seal.head):
        return [(seal.count, "", "", "chain_rewritten", CHAIN_REWRITTEN.format(seq=seal.count))]
    return []
