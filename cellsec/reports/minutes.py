"""Meeting minutes, resolutions and the year's minutes book as Party documents (reference §1.4, §4).

`minutes_document`, `resolution_document` and `minutes_book` build the document model from the meeting
service's read models; `write_minutes`, `write_resolution` and `write_minutes_book` fetch, build and
render (PDF, or DOCX by the file suffix) — what the CLI and the window's print worker call.

Sections of the minutes follow §1.4: time and place, who attended (guests, chair, recorder, the counts
with the absentees' names and reasons), the agenda, the course of the meeting item by item (presenter,
speeches naming each speaker, the chair's conclusion, the vote), the conclusion or resolution, the close
(read back and approved, end time). Drafts print "DỰ THẢO" and leave the number blank.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.dates import date_line, format_date
from ..domain.documents import TYPE_MINUTES, TYPE_RESOLUTION, document_number, resolution_body
from ..domain.meetings import AttendanceSummary, Vote, format_percent
from ..domain.messages import Msg
from ..domain.progress import Cancel, Progress, step
from .engine.document import (
    Book,
    Heading,
    LayoutSettings,
    Paragraph,
    PartyDocument,
    Rich,
    Signatures,
    Spacer,
    cell_header,
    default_layout,
)
from .engine.layout import render

if TYPE_CHECKING:
    from ..services.facade import Services
    from ..services.meetings.records import MeetingRecord, ResolutionRecord

DRAFT_MARK = "DỰ THẢO"
MINUTES_TITLE = "Biên bản"
RESOLUTION_TITLE = "Nghị quyết"
SECTIONS = (
    "I. THỜI GIAN, ĐỊA ĐIỂM",
    "II. THÀNH PHẦN THAM DỰ",
    "III. NỘI DUNG SINH HOẠT",
    "IV. DIỄN BIẾN BUỔI SINH HOẠT",
    "V. KẾT LUẬN, NGHỊ QUYẾT CỦA CHI BỘ",
    "VI. KẾT THÚC",
)
BOOK_TITLE = "Sổ biên bản sinh hoạt chi bộ"
BOOK_STEP = Msg("Dàn trang biên bản {done}/{count}", "Laying out minutes {done} of {count}")
EMPTY_BOOK = Msg("Năm {year} chưa có biên bản nào được thông qua.", "No minutes were approved in {year}.")


def _time(t: dt.time | None) -> str:
    return f"{t.hour:02d} giờ {t.minute:02d} phút" if t else "…… giờ …… phút"


def _day(on: dt.date | None) -> str:
    return date_line("", on) if on else "ngày …… tháng …… năm ……"


def _paragraphs(text: str, **options: Any) -> list[Paragraph]:
    """One block per line of user text, so each paragraph is justified with its own first-line indent."""
    return [Paragraph(line, **options) for line in text.split("\n") if line.strip()]


def _names(names: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f"đồng chí {n}" for n in names)


def _vote_line(vote: Vote, present: int, lead: str = "Biểu quyết") -> Rich:
    share = format_percent(Fraction(vote.in_favour, present) if present else None)
    return Rich.format(
        "<i>{lead}:</i> tán thành {yes}/{present} đồng chí có mặt ({share}); không tán thành {no}; "
        "không biểu quyết {abstain}.",
        lead=lead, yes=vote.in_favour, present=present, share=share, no=vote.against, abstain=vote.abstain)


def _absent_line(label: str, count: int, names: str) -> str:
    return f"+ {label}: {count} đồng chí ({names})." if count else f"+ {label}: không."


def attendance_blocks(summary: AttendanceSummary) -> list[Paragraph | Rich]:
    """The counts of §1.4: total (official/probationary), exempt, expected, present (and the rate),
    absent with reason (names and reasons) and without reason (names)."""
    out: list[Paragraph | Rich] = [
        Paragraph(f"- Tổng số đảng viên của chi bộ: {summary.total} đồng chí (chính thức: {summary.official}; "
                  f"dự bị: {summary.probationary})."),
    ]
    if summary.exempt:
        out.append(Paragraph(f"- Đảng viên miễn sinh hoạt: {summary.exempt} đồng chí "
                             f"({_names(summary.exempt_names)})."))
    out.append(Paragraph(f"- Đảng viên phải dự: {summary.expected} đồng chí; có mặt: {summary.present} đồng chí, "
                         f"đạt {format_percent(summary.rate)}."))
    absent = summary.absent
    if absent:
        out.append(Paragraph(f"- Vắng mặt: {absent} đồng chí, trong đó:"))
        with_reason = "; ".join(f"đồng chí {n} – {r}" if r else f"đồng chí {n}" for n, r in summary.absent_with_reason)
        out.append(Paragraph(_absent_line("Vắng có lý do", len(summary.absent_with_reason), with_reason),
                             left_indent_mm=5))
        out.append(Paragraph(_absent_line("Vắng không có lý do", len(summary.absent_without_reason),
                                          _names(summary.absent_without_reason)), left_indent_mm=5))
    else:
        out.append(Paragraph("- Vắng mặt: không."))
    return out


def _agenda_item_blocks(item, present: int) -> list:
    """One agenda item of section IV: who presented, the speeches, the chair's conclusion, the vote."""
    blocks: list = []
    if item.presenter_name:
        lines = [x for x in item.presentation.split("\n") if x.strip()]
        first = lines[0] if lines else ""
        blocks.append(Rich.format("Đồng chí <b>{name}</b> trình bày{colon}{text}", name=item.presenter_name,
                                  colon=": " if first else ".", text=first))
        blocks.extend(_paragraphs("\n".join(lines[1:])))
    else:
        blocks.extend(_paragraphs(item.presentation))
    if item.speeches:
        blocks.append(Rich.format("<i>Các ý kiến tham gia:</i>"))
        for sp in item.speeches:
            lines = [x for x in sp.text.split("\n") if x.strip()] or [""]
            who = f"Đồng chí {sp.speaker_name}" if sp.speaker_name else "Ý kiến"
            blocks.append(Rich.format("- <b>{who}:</b> {text}", who=who, text=lines[0]))
            blocks.extend(_paragraphs("\n".join(lines[1:])))
    if item.conclusion:
        lines = item.conclusion.split("\n")
        blocks.append(Rich.format("<i>Đồng chí chủ trì kết luận nội dung này:</i> {text}", text=lines[0]))
        blocks.extend(_paragraphs("\n".join(lines[1:])))
    if item.vote is not None:
        blocks.append(_vote_line(item.vote, present))
    return blocks


def amended_by_line(amendment: MeetingRecord | None) -> str:
    """'(Đã được sửa đổi bởi Biên bản số 02-BB/CB ngày …)' for minutes an approved amendment replaced."""
    if amendment is None or not amendment.number:
        return ""
    return f"(Đã được sửa đổi bởi Biên bản {_lower(amendment.number)} {_day(amendment.content.held_on)})"


def _opening_blocks(record: MeetingRecord, draft: bool, amended_by: str = "") -> list:
    """The draft mark, the amendment lines, and sections I–III: time and place, participants, opening."""
    c = record.content
    blocks: list = []
    if draft:
        blocks.append(Paragraph(DRAFT_MARK, bold=True, align="center", indent=False, space_after=6))
    if amended_by:
        blocks.append(Paragraph(amended_by, bold=True, italic=True, align="center", indent=False))
    if record.amends_number:
        blocks.append(Paragraph(f"(Sửa đổi, bổ sung Biên bản {_lower(record.amends_number)} "
                                f"{_day(record.amends_held_on)})", italic=True, align="center", indent=False))
    blocks.append(Heading(SECTIONS[0]))
    blocks.append(Rich.format("<b>Thời gian:</b> bắt đầu lúc {start}, {day}.", start=_time(c.start_time),
                              day=_day(c.held_on)))
    blocks.append(Rich.format("<b>Địa điểm:</b> {place}.", place=c.location or "……"))
    blocks.append(Heading(SECTIONS[1]))
    if c.guests:
        blocks.append(Rich.format("<b>Đại biểu khách mời:</b>", keep_with_next=True))
        for g in c.guests:
            detail = ", ".join(x for x in (g.position, g.unit) if x)
            blocks.append(Paragraph(f"- Đồng chí {g.name}" + (f", {detail}" if detail else "") + "."))
    blocks.append(Rich.format("<b>Chủ trì:</b> đồng chí {name}.", name=c.chair_name or "……"))
    blocks.append(Rich.format("<b>Thư ký:</b> đồng chí {name}.", name=c.secretary_name or "……"))
    blocks.append(Rich.format("<b>Đảng viên tham dự:</b>", keep_with_next=True))
    blocks.extend(attendance_blocks(record.summary))
    blocks.append(Heading(SECTIONS[2]))
    blocks.extend(_paragraphs(c.opening))
    for i, item in enumerate(c.agenda, start=1):
        blocks.append(Paragraph(f"{i}. {item.title}"))
    return blocks


def minutes_document(cell: Any, record: MeetingRecord, layout: LayoutSettings | None = None,
                     amended_by: str = "") -> PartyDocument:
    """The minutes of one meeting. `cell` is the CellInfo valid on the meeting date; `amended_by` is the
    note a replaced minutes prints (`amended_by_line`)."""
    layout = layout or default_layout()
    c = record.content
    draft = record.status != "approved"
    number = record.number or document_number(None, TYPE_MINUTES, cell.abbreviation)
    blocks = _opening_blocks(record, draft, amended_by)

    blocks.append(Heading(SECTIONS[3]))
    present = record.summary.present
    for i, item in enumerate(c.agenda, start=1):
        blocks.append(Heading(f"{i}. {item.title}", level=2))
        blocks.extend(_agenda_item_blocks(item, present))

    blocks.append(Heading(SECTIONS[4]))
    blocks.extend(_paragraphs(c.resolution_text) or [Paragraph("Không có.")])
    if c.resolution_vote is not None:
        blocks.append(_vote_line(c.resolution_vote, present, "Kết quả biểu quyết"))

    blocks.append(Heading(SECTIONS[5]))
    blocks.extend(_paragraphs(c.closing_note))
    if c.read_back or not draft:
        blocks.append(Paragraph("Biên bản đã được đọc lại cho chi bộ nghe và được chi bộ nhất trí thông qua."))
    blocks.append(Paragraph(f"Buổi sinh hoạt kết thúc vào hồi {_time(c.end_time)} cùng ngày."))

    return PartyDocument(
        header=cell_header(cell, c.held_on, number, layout),
        title=MINUTES_TITLE,
        subtitle=record.title,
        blocks=blocks,
        signatures=Signatures.for_minutes(c.secretary_name, c.chair_name),
        toc_label=(f"{record.number} — " if record.number else "") + f"{record.title} ({format_date(c.held_on)})"
        + (" (sửa đổi, bổ sung)" if record.amends_number else ""),
    )


def resolution_document(cell: Any, record: MeetingRecord, resolution: ResolutionRecord,
                        layout: LayoutSettings | None = None) -> PartyDocument:
    """The meeting's resolution: 'NGHỊ QUYẾT' + trích yếu, the grounds, 'CHI BỘ QUYẾT NGHỊ:', the body,
    'T/M CHI BỘ / BÍ THƯ' and the recipients."""
    layout = layout or default_layout()
    on = resolution.issued_on or record.content.held_on
    number = resolution.number or document_number(None, TYPE_RESOLUTION, cell.abbreviation)
    blocks: list = []
    if resolution.status != "approved":
        blocks.append(Paragraph(DRAFT_MARK, bold=True, align="center", indent=False, space_after=6))
    blocks += [
        Paragraph("Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", italic=True),
        Paragraph(f"Căn cứ kết quả buổi sinh hoạt chi bộ {_day(record.content.held_on)}"
                  + (f" (biên bản {_lower(record.number)})" if record.number else "") + ",", italic=True),
        Spacer(2),
        Paragraph(f"{cell.name.upper()} QUYẾT NGHỊ:", bold=True, align="center", indent=False, space_after=8,
                  keep_with_next=True),
    ]
    blocks.extend(_paragraphs(resolution_body(resolution.body)))
    return PartyDocument(
        header=cell_header(cell, on, number, layout),
        title=RESOLUTION_TITLE,
        subtitle=resolution.title or None,
        blocks=blocks,
        signatures=Signatures.for_cell(resolution.signer_name, role=resolution.signer_role or "BÍ THƯ"),
        recipients=resolution.recipients or None,
    )


def minutes_book(cell: Any, records: list[MeetingRecord], year: int, cells_on: dict[dt.date, Any] | None = None,
                 layout: LayoutSettings | None = None) -> Book:
    """The year's minutes book: cover, table of contents, every approved meeting in date order, page
    numbers running through the book. `cells_on` gives the CellInfo valid on each meeting date
    (committee names of the time); `cell` is used where a date is missing."""
    layout = layout or default_layout()
    cells_on = cells_on or {}
    by_id = {r.id: r for r in records}
    documents = [minutes_document(cells_on.get(r.content.held_on, cell), r, layout,
                                  amended_by_line(by_id.get(r.superseded_by or ""))) for r in records]
    first = records[0].content.held_on if records else None
    last = records[-1].content.held_on if records else None
    cover = [
        Paragraph(cell.upper_committee.upper(), align="center", indent=False, space_after=2),
        Paragraph(cell.name.upper(), bold=True, align="center", indent=False, space_after=2),
        Paragraph("*", align="center", indent=False),
        Spacer(60),
        Paragraph(BOOK_TITLE.upper(), bold=True, align="center", indent=False, size=22, space_after=10),
        Paragraph(f"NĂM {year}", bold=True, align="center", indent=False, size=18, space_after=20),
    ]
    if first and last:
        cover.append(Paragraph(f"Từ {_day(first)} đến {_day(last)}", italic=True, align="center", indent=False))
    cover.append(Paragraph(f"Gồm {len(records)} biên bản", italic=True, align="center", indent=False))
    cover += [Spacer(70), Paragraph(f"{cell.place_name}, năm {year}" if cell.place_name else str(year),
                                    align="center", indent=False)]
    return Book(documents=documents, cover=cover, toc_title="MỤC LỤC", title=f"{BOOK_TITLE} năm {year} — {cell.name}")


def _lower(number: str) -> str:
    return number[:1].lower() + number[1:] if number else number


# ---------------------------------------------------------------------------------------------------
# Fetch + render (CLI, print worker)
# ---------------------------------------------------------------------------------------------------


def write_minutes(svc: Services, meeting_id: str, path: Path) -> Path:
    """PDF or DOCX (by suffix) of one meeting's minutes."""
    record = svc.meetings.get(meeting_id)
    layout = svc.layout.get()
    cell = svc.cell.get(record.content.held_on)
    amendment = svc.meetings.get(record.superseded_by) if record.superseded_by else None
    return render(minutes_document(cell, record, layout, amended_by_line(amendment)), Path(path), layout)


def write_resolution(svc: Services, meeting_id: str, path: Path) -> Path:
    from ..services.errors import ServiceError
    from ..services.meetings.messages import NO_RESOLUTION

    record = svc.meetings.get(meeting_id)
    resolution = svc.meetings.get_resolution(meeting_id)
    if resolution is None:
        raise ServiceError(NO_RESOLUTION)
    layout = svc.layout.get()
    cell = svc.cell.get(resolution.issued_on or record.content.held_on)
    return render(resolution_document(cell, record, resolution, layout), Path(path), layout)


def write_minutes_book(svc: Services, year: int, path: Path, progress: Progress | None = None,
                       cancel: Cancel | None = None) -> Path:
    """The minutes book of `year` (approved minutes only). An empty year raises ServiceError.
    `progress(done, total, text)` follows the meetings as they are laid out (the layout runs twice, for
    the table of contents); `cancel()` stops between meetings with no file written (progress.Cancelled)."""
    from ..services.errors import ServiceError

    records = svc.meetings.book(year)
    if not records:
        raise ServiceError(EMPTY_BOOK, year=year)
    layout = svc.layout.get()
    cells_on = {r.content.held_on: svc.cell.get(r.content.held_on) for r in records}
    cell = svc.cell.get(records[-1].content.held_on)
    book = minutes_book(cell, records, year, cells_on, layout)
    count, total = len(records), 2 * len(records)  # two layout passes: the book, then its page numbers
    laid_out = 0

    def next_meeting() -> None:
        nonlocal laid_out
        laid_out += 1
        text = BOOK_STEP.format(done=(laid_out - 1) % count + 1, count=count)
        step(progress, cancel, min(laid_out, total - 1), total, text)

    step(progress, cancel, 0, total, "")
    written = render(book, Path(path), layout, on_document=next_meeting)
    step(progress, None, total, total, "")
    return written
