"""Annual review documents (reference §2.5, §4): a member's review form, the cell's summary table (biểu
tổng hợp), the collective review report; the Word form for members who write in Word; the summary as XLSX.

`review_form_document`, `summary_document` and `collective_document` build the document model from the
review service's read models; `write_review`, `write_review_form_docx`, `write_summary`,
`write_collective` and `write_summary_xlsx` fetch, build and render — what the CLI and the window's
print worker call. Empty free-text sections print dotted lines to write on by hand.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.dates import date_line, format_date
from ..domain.documents import TYPE_REPORT, document_number
from ..domain.review_rules import LEVEL_SHORT, LEVELS, RuleSet, level_name_vi
from ..domain.reviews import classification_part_number, format_score, numbered_sections
from .engine.document import (
    FieldList,
    Header,
    Heading,
    KeepTogether,
    LayoutSettings,
    Paragraph,
    PartyDocument,
    Rich,
    SignatureBlock,
    Signatures,
    Spacer,
    Table,
    cell_header,
    default_layout,
)
from .engine.layout import render
from .engine.sheets import protect_text

if TYPE_CHECKING:
    from ..services.facade import Services
    from ..services.reviews.records import CollectiveRecord, ReviewFormData, YearSummary

FORM_TITLE = "Bản kiểm điểm cá nhân"
COUNTING_NOTE = ("Số lượng và tỷ lệ tính theo mức cấp trên quyết định; đảng viên chưa có quyết định tính theo mức "
                 "chi bộ đề xuất, chưa có đề xuất tính theo mức tự nhận.")
SUMMARY_TITLE = "Biểu tổng hợp\nkết quả đánh giá, xếp loại chất lượng đảng viên"
COLLECTIVE_TITLE = "Báo cáo\nkiểm điểm tập thể chi ủy, chi bộ"
DOTS = "." * 120  # one line at 14 pt on the default text width
BLANK_DATE = "ngày …… tháng …… năm ……"
VN = dt.timezone(dt.timedelta(hours=7))
IDENTITY = ("Họ và tên", "Ngày sinh", "Chức vụ Đảng", "Chức vụ chính quyền", "Chức vụ đoàn thể",
            "Đơn vị công tác", "Chi bộ")


def _vn_date(at: dt.datetime | None) -> dt.date | None:
    return at.astimezone(VN).date() if at else None


def document_day(submitted_at: dt.datetime | None, *decided_on: dt.date | None) -> dt.date | None:
    """The date a review document bears: the day it was submitted, never after a decision taken on it
    (a paper reprinted or submitted late keeps its own period's date, not the day it is printed)."""
    on = _vn_date(submitted_at)
    decided = [d for d in decided_on if d is not None]
    if on is not None and decided and on > min(decided):
        return min(decided)
    return on


def _place_date(place: str, on: dt.date | None, layout: LayoutSettings) -> str:
    if on is None:
        return f"{place}, {BLANK_DATE}" if place else BLANK_DATE
    return date_line(place, on, zero_pad=layout.zero_pad_dates)


def _text_blocks(text: str) -> list[Paragraph]:
    """Paragraphs of user text; an empty section gets dotted lines to write on."""
    paragraphs = [p for p in (text or "").split("\n") if p.strip()]
    if not paragraphs:
        return [Paragraph(DOTS, indent=False, align="left", space_after=2) for _ in range(3)]
    return [Paragraph(p) for p in paragraphs]


def _section_blocks(form, sections: dict[str, str]) -> list:
    blocks: list = []
    for s in numbered_sections(form):
        if s.first_in_part:
            blocks.append(Heading(f"{s.part_number}. {s.part_title.upper()}", level=1))
        if s.number:
            blocks.append(Heading(f"{s.number}. {s.title}", level=3))
        blocks.extend(_text_blocks(sections.get(s.key, "")))
    return blocks


def _score_table(rules: RuleSet, scores: dict, total, grades: dict, scope: str) -> Table:
    if rules.uses_points:
        rows = [[g.name, format_score(g.max), format_score(scores.get(g.key))] for g in rules.score_groups]
        rows.append(["Tổng cộng", format_score(rules.max_total), format_score(total)])
        return Table(["Nhóm tiêu chí", "Điểm tối đa", "Tự chấm"], rows, col_widths=[6, 1.6, 1.6],
                     align=["left", "center", "center"], bold_rows=(len(rows) - 1,))
    rows = [[c.name, rules.grade_name(grades[c.key]) if grades.get(c.key) else ""] for c in rules.criteria_for(scope)]
    return Table(["Tiêu chí", "Tự đánh giá"], rows, col_widths=[6, 2], align=["left", "center"])


def _cases_blocks(rules: RuleSet, scope: str, form_type: str | None, conditions: list[str],
                  disqualifiers: dict[str, str]) -> list:
    blocks: list = []
    met = [c.text for c in rules.conditions_for(scope) if c.key in conditions]
    if met:
        blocks.append(Paragraph("Điều kiện để xếp loại \"Hoàn thành xuất sắc nhiệm vụ\" đã đạt:", indent=False,
                                space_after=2))
        blocks.extend(Paragraph(f"- {text}.", indent=False, left_indent_mm=5, space_after=2) for text in met)
    cases = [(d.text, disqualifiers[d.key]) for d in rules.disqualifiers_for(scope, form_type) if d.key in disqualifiers]
    for text, evidence in cases:
        blocks.append(Rich.format("<b>Thuộc trường hợp xếp loại \"Không hoàn thành nhiệm vụ\":</b> {text}. "
                                  "<i>Căn cứ: {evidence}</i>", text=text, evidence=evidence or "…"))
    return blocks


def _level_line(label: str, level: str | None) -> Rich:
    return Rich.format("<b>{label}:</b> {level}", label=label, level=level_name_vi(level) or "." * 45,
                       indent=False, align="left")


# ---------------------------------------------------------------------------------------------------
# A member's review form
# ---------------------------------------------------------------------------------------------------


def review_form_document(data: ReviewFormData, layout: LayoutSettings | None = None, *,
                         use_prefill: bool = False) -> PartyDocument:
    """The member's review in the form layout. With `use_prefill`, empty sections take the suggested text
    (commitments, last year's shortcomings) — the Word form a member completes."""
    layout = layout or default_layout()
    r, m, cell, rules, form = data.review, data.member, data.cell, data.rules, data.form
    sections = dict(r.sections)
    if use_prefill:
        for key, text in data.prefill.items():
            if not (sections.get(key) or "").strip():
                sections[key] = text
    header = Header(upper_committee=cell.upper_committee, issuer=cell.name, number=None,
                    place_date=_place_date(cell.place_name, document_day(r.submitted_at, r.decision_date), layout))
    kind = f"({form.name} — Mẫu {form.code})" if form.code else f"({form.name})"
    identity = [m.full_name, format_date(m.date_of_birth), m.position_party, m.position_government,
                m.position_mass_org, m.workplace, cell.name]
    blocks: list = [
        Paragraph(kind, italic=True, align="center", indent=False, space_after=10),
        FieldList(list(zip(IDENTITY, identity)), label_width_mm=48, indent=False),
        Spacer(3),
        *_section_blocks(form, sections),
        Heading(f"{classification_part_number(form)}. {rules.classification_part.upper()}", level=1),
        _score_table(rules, r.scores, r.self_score, r.grades, "individual"),
        Spacer(2),
        *_cases_blocks(rules, "individual", r.form_type, r.conditions, r.disqualifiers),
        _level_line("Tự nhận mức xếp loại chất lượng đảng viên", r.self_level),
    ]
    signatures = Signatures(right=SignatureBlock(["NGƯỜI TỰ KIỂM ĐIỂM"], name=m.full_name, note="(Ký, ghi rõ họ tên)"))
    if r.cell_comment or r.cell_level or r.decided_level:
        blocks.append(Heading("NHẬN XÉT, ĐÁNH GIÁ CỦA CHI BỘ", level=1, align="center", indent=False))
        blocks.extend(_text_blocks(r.cell_comment))
        blocks.append(_level_line("Chi bộ đề xuất xếp loại", r.cell_level))
        votes = (r.votes_for, r.votes_against, r.votes_abstain)
        if any(v is not None for v in votes):
            blocks.append(Paragraph(
                f"Kết quả biểu quyết: {votes[0] or 0} đồng ý, {votes[1] or 0} không đồng ý, "
                f"{votes[2] or 0} không biểu quyết.", indent=False))
        if r.decided_level:
            decision = ", ".join(x for x in (r.decision_no, f"ngày {format_date(r.decision_date)}"
                                             if r.decision_date else "") if x)
            blocks.append(Rich.format("<b>Cấp ủy có thẩm quyền quyết định xếp loại:</b> {level} ({decision}).",
                                      level=level_name_vi(r.decided_level), decision=decision, indent=False))
        # The secretary's own review is signed for the cell committee by the deputy.
        own = bool(cell.deputy_name) and m.full_name == cell.secretary_name
        signatures.left = SignatureBlock(["T/M CHI ỦY", "PHÓ BÍ THƯ" if own else "BÍ THƯ"],
                                         name=cell.deputy_name if own else cell.secretary_name)
    return PartyDocument(header=header, title=FORM_TITLE, subtitle=f"Năm {r.year}", blocks=blocks,
                         signatures=signatures, author=m.full_name,
                         toc_label=f"Bản kiểm điểm năm {r.year} - {m.full_name}")


# ---------------------------------------------------------------------------------------------------
# The summary table (biểu tổng hợp)
# ---------------------------------------------------------------------------------------------------


def quota_sentence(summary: YearSummary) -> str:
    q = summary.quota
    percent = format_score(q.ratio * 100)
    rounding = {"floor": "làm tròn xuống", "round": "làm tròn", "ceil": "làm tròn lên"}[q.rounding]
    exact = format_score(q.ratio * q.base_count)
    text = (f"Tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\" không quá {percent}% số \"Hoàn thành tốt nhiệm vụ\": "
            f"{q.base_count} × {percent}% = {exact}, {rounding} được {q.allowed}; đề xuất {q.proposed}")
    return text + (f", vượt {q.exceeded_by}." if q.exceeded else ", trong tỷ lệ cho phép.")


def _count_table(summary: YearSummary) -> Table:
    def counts(get) -> dict[str, int]:
        out = {level: 0 for level in LEVELS}
        for row in summary.rows:
            level = get(row)
            if level:
                out[level] += 1
        return out

    total = len(summary.rows)
    columns = [counts(lambda r: r.self_level), counts(lambda r: r.cell_level), counts(lambda r: r.decided_level)]

    def cell(n: int) -> str:
        return f"{n} ({format_score(round(n * 100 / total, 1))}%)" if total and n else str(n)

    rows = [[level_name_vi(level), *(cell(c[level]) for c in columns)] for level in LEVELS]
    rows.append(["Chưa xếp loại", *(str(total - sum(c.values())) for c in columns)])
    return Table(["Mức xếp loại", "Tự xếp loại", "Chi bộ đề xuất", "Cấp trên quyết định"], rows,
                 col_widths=[3.2, 1.6, 1.6, 1.8], align=["left", "center", "center", "center"])


def summary_document(cell: Any, summary: YearSummary, on: dt.date, layout: LayoutSettings | None = None) -> PartyDocument:
    layout = layout or default_layout()
    rows = []
    for i, r in enumerate(summary.rows, start=1):
        rows.append([str(i), r.name, r.form_type_name, format_score(r.self_score),
                     LEVEL_SHORT.get(r.self_level, ""), LEVEL_SHORT.get(r.cell_level, ""),
                     LEVEL_SHORT.get(r.decided_level, "")])
    table = Table(["TT", "Họ và tên", "Mẫu kiểm điểm", "Điểm tự chấm", "Tự xếp loại", "Chi bộ đề xuất",
                   "Cấp trên quyết định"], rows, col_widths=[0.8, 3.6, 6.2, 1.4, 1.4, 1.5, 1.6],
                  align=["center", "left", "left", "center", "center", "center", "center"])
    legend = ", ".join(f"{LEVEL_SHORT[level]}: {level_name_vi(level)}" for level in LEVELS)
    blocks: list = [
        Paragraph(f"Căn cứ {summary.issuing_document or summary.rule_set_name}.", italic=True, align="center",
                  indent=False, space_after=8),
        table,
        Paragraph(f"Ghi chú: {legend}.", italic=True, indent=False, size=layout.table_size, space_before=4),
        KeepTogether([
            Heading("Tổng hợp kết quả", level=1, indent=False),
            Paragraph(f"Tổng số đảng viên được kiểm điểm: {len(summary.rows)}.", indent=False),
            _count_table(summary),
            Paragraph(COUNTING_NOTE, italic=True, indent=False, size=layout.table_size, space_before=2),
        ]),
        Paragraph(quota_sentence(summary), indent=False, space_before=4),
    ]
    if summary.quota.exceeded and summary.quota_reason:
        blocks.append(Rich.format("<b>Lý do đề nghị vượt tỷ lệ:</b> {reason}", reason=summary.quota_reason,
                                  indent=False))
    return PartyDocument(header=cell_header(cell, on, None, layout), title=SUMMARY_TITLE,
                         subtitle=f"Năm {summary.year}", blocks=blocks,
                         signatures=Signatures.for_cell(cell.secretary_name), landscape=True)


# ---------------------------------------------------------------------------------------------------
# The collective review (Mẫu 01)
# ---------------------------------------------------------------------------------------------------


def collective_document(cell: Any, record: CollectiveRecord, rules: RuleSet, layout: LayoutSettings | None = None,
                        on: dt.date | None = None, seq: int | None = None) -> PartyDocument:
    layout = layout or default_layout()
    form = rules.collective_form
    on = on or document_day(record.submitted_at, record.decision_date)
    header = Header(upper_committee=cell.upper_committee, issuer=cell.name,
                    number=document_number(seq, TYPE_REPORT, cell.abbreviation or "CB"),
                    place_date=_place_date(cell.place_name, on, layout))
    blocks: list = [
        *_section_blocks(form, record.sections),
        Heading(f"{classification_part_number(form)}. TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ", level=1),
        _score_table(rules, record.scores, record.total, record.grades, "collective"),
        Spacer(2),
        *_cases_blocks(rules, "collective", None, record.conditions, record.disqualifiers),
        _level_line("Chi bộ tự xếp loại", record.self_level),
    ]
    if record.decided_level:
        decision = ", ".join(x for x in (record.decision_no, f"ngày {format_date(record.decision_date)}"
                                         if record.decision_date else "") if x)
        blocks.append(Rich.format("<b>Cấp ủy cấp trên quyết định xếp loại:</b> {level} ({decision}).",
                                  level=level_name_vi(record.decided_level), decision=decision, indent=False))
    return PartyDocument(header=header, title=COLLECTIVE_TITLE, subtitle=f"Năm {record.year}", blocks=blocks,
                         signatures=Signatures.for_cell(cell.secretary_name, on_behalf="T/M CHI ỦY"),
                         recipients=[f"{cell.upper_committee} (để báo cáo);", "Lưu chi bộ."])


# ---------------------------------------------------------------------------------------------------
# Fetch + render (CLI, print worker)
# ---------------------------------------------------------------------------------------------------


def _review_id(svc: Services, member_id: str, year: int) -> str:
    from ..services.errors import NotFound
    from ..services.reviews.messages import WHAT_REVIEW

    record = svc.reviews.review_for(member_id, year)
    if record is None:
        raise NotFound(WHAT_REVIEW.format())
    return record.id


def write_review(svc: Services, review_id: str, path: Path) -> Path:
    """PDF (or DOCX by suffix) of one member's review as it stands."""
    layout = svc.layout.get()
    return render(review_form_document(svc.reviews.form_data(review_id), layout), Path(path), layout)


def write_review_form_docx(svc: Services, review_id: str, path: Path) -> Path:
    """The Word form for a member to complete: identity filled, empty sections pre-filled with the year's
    commitments and last year's shortcomings."""
    layout = svc.layout.get()
    return render(review_form_document(svc.reviews.form_data(review_id), layout, use_prefill=True), Path(path),
                  layout)


def _summary_day(summary: YearSummary, decided: tuple = ()) -> dt.date:
    return document_day(summary.submitted_at, *decided) or min(dt.date.today(), dt.date(summary.year + 1, 12, 31))


def write_summary(svc: Services, year: int, path: Path) -> Path:
    summary = svc.reviews.summary(year)
    on = _summary_day(summary, tuple(r.decision_date for r in svc.reviews.list_reviews(year)))
    layout = svc.layout.get()
    return render(summary_document(svc.cell.get(on), summary, on, layout), Path(path), layout)


def write_collective(svc: Services, year: int, path: Path, seq: int | None = None) -> Path:
    record = svc.reviews.collective(year)
    on = document_day(record.submitted_at, record.decision_date)
    layout = svc.layout.get()
    cell = svc.cell.get(on or dt.date(year, 12, 31))
    return render(collective_document(cell, record, svc.reviews.rules_for_year(year), layout, on, seq), Path(path),
                  layout)


SUMMARY_COLUMNS = ("TT", "Họ và tên", "Mẫu kiểm điểm", "Điểm nhóm chung", "Điểm kết quả nhiệm vụ",
                   "Tổng điểm tự chấm", "Tự xếp loại", "Chi bộ đề xuất", "Số phiếu đồng ý", "Số phiếu không đồng ý",
                   "Cấp trên quyết định", "Số quyết định", "Ngày quyết định")


def _xlsx_rows(ws, summary, reviews: dict, cell, year: int) -> None:
    """The title, the header and one row per member (scores as numbers, levels by their Vietnamese names)."""
    from openpyxl.styles import Alignment, Font

    ws.title = f"Tổng hợp {year}"
    ws.append([f"BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM {year}"])
    ws.append([f"{cell.name} — {cell.upper_committee}"])
    ws.append(list(SUMMARY_COLUMNS))
    ws["A1"].font = Font(bold=True, size=13)
    for c in ws[3]:
        c.font = Font(bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, row in enumerate(summary.rows, start=1):
        r = reviews[row.review_id]

        def num(value):
            return float(value) if value is not None else None

        ws.append([i, row.name, row.form_type_name, num(r.scores.get("general")), num(r.scores.get("tasks")),
                   num(row.self_score), level_name_vi(row.self_level), level_name_vi(row.cell_level),
                   r.votes_for, r.votes_against, level_name_vi(row.decided_level), r.decision_no or None,
                   r.decision_date])
        if r.decision_date:
            ws.cell(row=ws.max_row, column=13).number_format = "DD/MM/YYYY"


def _xlsx_counts(ws, summary) -> None:
    """Under the rows: the counts by level and the quota (with the reason when it is exceeded)."""
    from openpyxl.styles import Font

    ws.append([])
    ws.append(["", "Mức xếp loại", "Số lượng"])
    ws.cell(row=ws.max_row, column=2).font = Font(bold=True)
    for level in LEVELS:
        ws.append(["", level_name_vi(level), summary.counts[level]])
    q = summary.quota
    ws.append(["", "Được xếp Hoàn thành xuất sắc tối đa", q.allowed])
    ws.append(["", "Đề xuất Hoàn thành xuất sắc", q.proposed])
    ws.append(["", "Vượt tỷ lệ", q.exceeded_by])
    ws.append(["", quota_sentence(summary)])
    if q.exceeded and summary.quota_reason:
        ws.append(["", f"Lý do đề nghị vượt tỷ lệ: {summary.quota_reason}"])


def write_summary_xlsx(svc: Services, year: int, path: Path) -> Path:
    """The year's summary table as an Excel workbook: one row per member, scores as numbers, levels by
    their Vietnamese names, then the counts and the quota."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    summary = svc.reviews.summary(year)
    reviews = {r.id: r for r in svc.reviews.list_reviews(year)}
    cell = svc.cell.get(_summary_day(summary))
    wb = Workbook()
    ws = wb.active
    _xlsx_rows(ws, summary, reviews, cell, year)
    _xlsx_counts(ws, summary)
    widths = [5, 26, 34, 10, 10, 10, 26, 26, 9, 9, 26, 16, 12]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "C4"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "3:3"
    wb.properties.title = f"Biểu tổng hợp xếp loại đảng viên năm {year} - {cell.name}"
    wb.properties.creator = "CellSec"

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    protect_text(wb)  # names and decision numbers typed by users stay text, never formulas
    try:
        wb.save(str(tmp))
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def write_review_for(svc: Services, member_id: str, year: int, path: Path, *, form: bool = False) -> Path:
    """By member and year (the CLI's arguments): the review PDF, or with `form` the pre-filled Word form."""
    review_id = _review_id(svc, member_id, year)
    return (write_review_form_docx if form else write_review)(svc, review_id, path)
