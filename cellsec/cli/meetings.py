"""Meeting commands: list, show, year view, approve, amend; search; check the finalised chain; print and
export minutes, resolutions and the minutes book."""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import asdict
from pathlib import Path

from ..domain.dates import format_date
from ..domain.messages import Msg
from .output import emit_json, emit_table

NO_MATCH = Msg("Không có buổi sinh hoạt nào có mã bắt đầu bằng \"{prefix}\".",
               "No meeting id starts with \"{prefix}\".")
AMBIGUOUS = Msg("Mã \"{prefix}\" trùng với nhiều buổi sinh hoạt; hãy gõ thêm ký tự.",
                "\"{prefix}\" matches several meetings; type more characters.")
EXIT_CHAIN_BROKEN = 4


def register(sub: argparse._SubParsersAction) -> None:
    meetings = sub.add_parser("meetings", help="sinh hoạt chi bộ: danh sách, biên bản, thông qua")
    msub = meetings.add_subparsers(dest="meetings_command", required=True, metavar="LỆNH")

    p = msub.add_parser("list", help="danh sách các buổi sinh hoạt")
    p.add_argument("--year", type=int, default=None, help="chỉ năm này")
    p.add_argument("--all-revisions", action="store_true", help="hiện cả biên bản đã có bản sửa đổi")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list, quick=quick_list)

    p = msub.add_parser("show", help="xem biên bản một buổi sinh hoạt")
    p.add_argument("id", help="mã buổi sinh hoạt (hoặc vài ký tự đầu)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = msub.add_parser("year", help="kế hoạch năm: sinh hoạt thường kỳ từng tháng, chuyên đề từng quý")
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_year)

    p = msub.add_parser("absences", help="đảng viên vắng nhiều, vắng liên tiếp, có nguy cơ bị xóa tên")
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_absences)

    p = msub.add_parser("approve", help="thông qua biên bản (cấp số, khóa biên bản)")
    p.add_argument("id")
    p.set_defaults(func=cmd_approve)

    p = msub.add_parser("amend", help="lập bản sửa đổi của biên bản đã thông qua")
    p.add_argument("id")
    p.set_defaults(func=cmd_amend)

    p = sub.add_parser("search", help="tìm trong biên bản, nghị quyết và tên đảng viên (không cần dấu)")
    p.add_argument("query", nargs="+", help="từ cần tìm")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("reindex", help="lập lại chỉ mục tìm kiếm")
    p.set_defaults(func=cmd_reindex)

    p = sub.add_parser("check-data", help="kiểm tra dữ liệu: các văn bản đã chốt có bị sửa không")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check_data)


def register_print(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("minutes", help="biên bản một buổi sinh hoạt (PDF)")
    p.add_argument("--meeting", required=True, help="mã buổi sinh hoạt")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp PDF")
    p.set_defaults(func=cmd_print_minutes)

    p = sub.add_parser("resolution", help="nghị quyết của một buổi sinh hoạt (PDF)")
    p.add_argument("--meeting", required=True, help="mã buổi sinh hoạt")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp PDF")
    p.set_defaults(func=cmd_print_resolution)

    p = sub.add_parser("minutes-book", help="sổ biên bản sinh hoạt chi bộ cả năm (PDF)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp PDF")
    p.set_defaults(func=cmd_print_book)


def register_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("minutes", help="biên bản một buổi sinh hoạt (DOCX, để sửa trong Word)")
    p.add_argument("--meeting", required=True, help="mã buổi sinh hoạt")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp DOCX")
    p.set_defaults(func=cmd_export_minutes)


def resolve_id(svc, prefix: str) -> str:
    """A full meeting id, or the one meeting whose id starts with `prefix`."""
    from ..services.errors import ServiceError

    ids = [m.id for m in svc.meetings.list(include_superseded=True)]
    if prefix in ids:
        return prefix
    found = [i for i in ids if i.startswith(prefix)]
    if not found:
        raise ServiceError(NO_MATCH, prefix=prefix)
    if len(found) > 1:
        raise ServiceError(AMBIGUOUS, prefix=prefix)
    return found[0]


def _summary_json(m) -> dict:
    return {"id": m.id, "date": m.held_on, "type": m.kind, "type_label": m.kind_label, "topic": m.topic,
            "title": m.title, "status": m.status, "number": m.number, "attendance_rate": m.attendance_rate,
            "attendance": m.attendance_text, "duration_minutes": m.duration_minutes, "revision": m.revision,
            "amends_id": m.amends_id, "superseded_by": m.superseded_by, "resolution_status": m.resolution_status,
            "flags": [f.text for f in m.flags]}


def cmd_list(args, svc) -> int:
    return _emit_list(args, svc.meetings.list(args.year, include_superseded=args.all_revisions))


def quick_list(args, reader) -> int:
    """`meetings list` through the quick reader: the same output without loading SQLAlchemy."""
    from ..services.meetings.quick_list import quick_list as read_list

    return _emit_list(args, read_list(reader, args.year, include_superseded=args.all_revisions))


def _emit_list(args, items) -> int:
    if args.json:
        emit_json([_summary_json(m) for m in items])
        return 0
    rows = [[format_date(m.held_on), m.kind_label, m.title, m.status_label, m.number,
             m.attendance_text, str(m.duration_minutes or ""), m.id[:13]] for m in items]
    emit_table(rows, ["Ngày", "Loại", "Nội dung", "Trạng thái", "Số", "Dự", "Phút", "Mã"])
    return 0


def _record_json(r) -> dict:
    from ..domain.meetings import content_to_dict

    s = r.summary
    return {
        "id": r.id, "title": r.title, "status": r.status, "number": r.number, "revision": r.revision,
        "amends_id": r.amends_id, "amends_number": r.amends_number, "superseded_by": r.superseded_by,
        "approved_at": r.approved_at, "duration_minutes": r.duration_minutes, "rules_version": r.rules_version,
        "autosaved_at": r.autosaved_at, "minutes": content_to_dict(r.content),
        "attendance": [asdict(a) for a in r.attendance],
        "counts": {"total": s.total, "official": s.official, "probationary": s.probationary, "exempt": s.exempt,
                   "expected": s.expected, "present": s.present,
                   "absent_with_reason": [{"name": n, "reason": why} for n, why in s.absent_with_reason],
                   "absent_without_reason": list(s.absent_without_reason),
                   "attendance_rate": None if s.rate is None else round(s.rate_percent, 2),
                   "attendance_low": s.rate_low},
        "flags": [asdict(f) for f in r.flags],
    }


def cmd_show(args, svc) -> int:
    r = svc.meetings.get(resolve_id(svc, args.id))
    if args.json:
        data = _record_json(r)
        resolution = svc.meetings.get_resolution(r.id)
        data["resolution"] = asdict(resolution) if resolution else None
        emit_json(data)
        return 0
    c = r.content
    print(f"{r.title} — {format_date(c.held_on)}")
    print(f"{r.number or 'Dự thảo'}; chủ trì: {c.chair_name}; thư ký: {c.secretary_name}; địa điểm: {c.location}")
    s = r.summary
    print(f"Có mặt {s.present}/{s.expected} (miễn sinh hoạt {s.exempt}); thời lượng {r.duration_minutes or '?'} phút")
    for i, item in enumerate(c.agenda, 1):
        print(f"{i}. {item.title}")
    for flag in r.flags:
        print(f"! {flag.text}")
    return 0


def cmd_year(args, svc) -> int:
    year = args.year or dt.date.today().year
    plan = svc.meetings.year_view(year)
    if args.json:
        emit_json({"year": year,
                   "months": [{"month": m.month, "state": m.state, "meetings": [x.id for x in m.meetings]}
                              for m in plan.months],
                   "quarters": [{"quarter": q.quarter, "state": q.state, "meetings": [x.id for x in q.meetings]}
                                for q in plan.quarters],
                   "missing_months": plan.missing_months, "missing_quarters": plan.missing_quarters})
        return 0
    from ..domain.meetings import SLOT_STATE_LABELS

    emit_table([[f"Tháng {m.month}", SLOT_STATE_LABELS[m.state].format(),
                 ", ".join(format_date(x.held_on) for x in m.meetings)] for m in plan.months],
               ["Kỳ", "Tình trạng", "Ngày họp"])
    emit_table([[f"Quý {q.quarter}", SLOT_STATE_LABELS[q.state].format(),
                 ", ".join(format_date(x.held_on) for x in q.meetings)] for q in plan.quarters],
               ["Chuyên đề", "Tình trạng", "Ngày họp"])
    return 0


def cmd_absences(args, svc) -> int:
    report = svc.meetings.absences(args.year or dt.date.today().year)
    if args.json:
        emit_json(asdict(report))
        return 0
    for s in report.over_consecutive:
        print(f"Vắng {s.longest} lần liên tiếp: {s.full_name}")
    for r in report.removal_risks:
        print(f"Vắng trong {len(r.months)} tháng ({', '.join(map(str, r.months))}): {r.full_name}")
    for _mid, on, names in report.unexcused:
        print(f"{format_date(on)} vắng không lý do: {', '.join(names)}")
    return 0


def cmd_approve(args, svc) -> int:
    r = svc.meetings.approve(resolve_id(svc, args.id))
    print(f"Đã thông qua biên bản {r.number}")
    return 0


def cmd_amend(args, svc) -> int:
    r = svc.meetings.amend(resolve_id(svc, args.id))
    print(f"Đã lập bản sửa đổi (mã {r.id}) của biên bản {r.amends_number}")
    return 0


def cmd_search(args, svc) -> int:
    hits = svc.search.search(" ".join(args.query), limit=args.limit)
    if args.json:
        emit_json([{"kind": h.kind, "id": h.id, "date": h.date, "title": h.title, "number": h.number,
                    "snippet": h.snippet, "marked": h.marked, "spans": h.spans, "meeting_id": h.meeting_id}
                   for h in hits])
        return 0
    for h in hits:
        head = " ".join(x for x in (format_date(h.date), h.number, h.title) if x)
        print(f"[{h.kind}] {head}\n    {h.marked}")
    return 0


def cmd_reindex(args, svc) -> int:
    print(f"Đã lập chỉ mục cho {svc.search.rebuild_index()} mục.")
    return 0


def cmd_check_data(args, svc) -> int:
    report = svc.finalise.verify_chain()
    if args.json:
        emit_json({"ok": report.ok, "checked": report.checked, "problems": [asdict(p) for p in report.problems]})
    elif report.ok:
        print(f"Dữ liệu toàn vẹn: {report.checked} văn bản đã chốt, không có sửa đổi trái phép.")
    else:
        for p in report.problems:
            print(p.text)
    return 0 if report.ok else EXIT_CHAIN_BROKEN


def cmd_print_minutes(args, svc) -> int:
    from ..reports.minutes import write_minutes

    print(write_minutes(svc, resolve_id(svc, args.meeting), args.output.with_suffix(".pdf")))
    return 0


def cmd_print_resolution(args, svc) -> int:
    from ..reports.minutes import write_resolution

    print(write_resolution(svc, resolve_id(svc, args.meeting), args.output.with_suffix(".pdf")))
    return 0


def cmd_print_book(args, svc) -> int:
    from ..reports.minutes import write_minutes_book

    print(write_minutes_book(svc, args.year, args.output.with_suffix(".pdf")))
    return 0


def cmd_export_minutes(args, svc) -> int:
    from ..reports.minutes import write_minutes

    print(write_minutes(svc, resolve_id(svc, args.meeting), args.output.with_suffix(".docx")))
    return 0
