"""Scoring commands: the year's meeting scores and 5-good results, who needs attention, rubrics
(list, export, import, activate); print the scores report; export the scores workbook."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..domain.dates import format_date
from ..domain.messages import Msg
from .numbers import add_number_options, registered_number
from .output import emit_json, emit_table

NO_MATCH = Msg("Không có bộ tiêu chí nào có mã bắt đầu bằng \"{prefix}\".", "No rubric id starts with \"{prefix}\".")
AMBIGUOUS = Msg("Mã \"{prefix}\" trùng với nhiều bộ tiêu chí; hãy gõ thêm ký tự.",
                "\"{prefix}\" matches several rubrics; type more characters.")
IMPORTED = Msg("Đã nhập: {names}", "Imported: {names}")
ACTIVATED = Msg("Đang dùng để chấm điểm: {name}", "Now used for scoring: {name}")


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scores", help="điểm chất lượng sinh hoạt và kết quả đánh giá 5 tốt của một năm")
    p.add_argument("--year", type=int, default=None, help="năm (mặc định: năm nay)")
    p.add_argument("--today", type=_date, default=None, help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_scores)

    p = sub.add_parser("attention", help="đảng viên cần chú ý: nguy cơ xóa tên, hết dự bị, hết miễn sinh hoạt...")
    p.add_argument("--year", type=int, default=None, help="năm tính số tháng vắng, chưa đóng đảng phí")
    p.add_argument("--today", type=_date, default=None, help="ngày tính (YYYY-MM-DD; mặc định: hôm nay)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_attention)

    rubric = sub.add_parser("rubric", help="bộ tiêu chí chấm điểm: danh sách, xuất, nhập")
    rsub = rubric.add_subparsers(dest="rubric_command", required=True, metavar="LỆNH")
    p = rsub.add_parser("list", help="các bộ tiêu chí (mọi phiên bản)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_rubric_list)
    p = rsub.add_parser("export", help="xuất bộ tiêu chí ra tệp JSON để gửi các chi bộ")
    p.add_argument("ids", nargs="+", metavar="ID", help="mã bộ tiêu chí (hoặc vài ký tự đầu)")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp JSON")
    p.set_defaults(func=cmd_rubric_export)
    p = rsub.add_parser("import", help="nhập bộ tiêu chí từ tệp JSON (docs/rubric-format.md)")
    p.add_argument("file", type=Path)
    p.add_argument("--activate", action="store_true", help="dùng ngay để chấm điểm")
    p.set_defaults(func=cmd_rubric_import)
    p = rsub.add_parser("activate", help="dùng một phiên bản bộ tiêu chí để chấm điểm")
    p.add_argument("id")
    p.set_defaults(func=cmd_rubric_activate)


def register_print(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scores", help="báo cáo kết quả chấm điểm sinh hoạt và đánh giá 5 tốt (PDF, có biểu đồ)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp PDF")
    add_number_options(p, "Số 04-BC/…")
    p.set_defaults(func=cmd_print_scores)


def register_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scores", help="điểm sinh hoạt, đánh giá 5 tốt, tỷ lệ dự họp (XLSX)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp XLSX")
    p.set_defaults(func=cmd_export_scores)


# ---- JSON shapes ------------------------------------------------------------------------------------

def _assessment_json(a) -> dict | None:
    if a is None:
        return None
    return {"member_id": a.member_id, "name": a.name, "assessed": a.assessment_id is not None, "total": a.total,
            "max_points": a.max_points, "band": a.band, "proposal": a.proposal,
            "recognized_title": a.recognized_title, "decision_no": a.decision_no, "decision_date": a.decision_date}


def scores_json(report) -> dict:
    return {
        "year": report.year,
        "meetings": [{"meeting_id": m.meeting_id, "date": m.held_on, "type": m.kind, "title": m.title,
                      "attendance_rate": m.attendance_rate, "rubric": m.rubric_name, "total": m.total,
                      "max_points": m.max_points, "percent": m.percent, "band": m.band}
                     for m in report.meetings],
        "monthly_scores": [{"month": v.month, "percent": v.value, "meetings": v.count} for v in report.monthly_scores],
        "monthly_attendance": [{"month": v.month, "percent": v.value, "meetings": v.count}
                               for v in report.monthly_attendance],
        "cell": _assessment_json(report.cell),
        "members": [_assessment_json(a) for a in report.members],
        "history": [{"year": h.year, "total": h.total, "max_points": h.max_points, "band": h.band,
                     "recognized_title": h.recognized_title} for h in report.history],
    }


def attention_json(items) -> list[dict]:
    return [{"member_id": i.member_id, "full_name": i.full_name, "kind": i.kind, "kind_label": i.kind_label,
             "severity": i.severity, "text": i.text, "data": i.data, "due": i.due} for i in items]


def rubric_json(r) -> dict:
    return {"id": r.id, "key": r.key, "version": r.version, "name": r.name, "document": r.document,
            "effective_from": r.effective_from, "target": r.target, "meeting_types": r.meeting_types,
            "max_points": r.max_points, "criteria": r.criteria_count, "active": r.active, "origin": r.origin,
            "unverified": r.unverified, "used": r.used_count}


# ---- commands ---------------------------------------------------------------------------------------

def cmd_scores(args, svc) -> int:
    from ..domain.rubrics import format_points

    today = args.today or dt.date.today()
    year = args.year or today.year
    report = svc.scoring.report(year, today)
    if args.json:
        emit_json(scores_json(report))
        return 0
    emit_table([[format_date(m.held_on), m.title,
                 f"{format_points(round(m.attendance_rate, 1))}%" if m.attendance_rate is not None else "—",
                 format_points(m.total) if m.total is not None else "—", m.band] for m in report.meetings],
               ["Ngày", "Buổi sinh hoạt", "Dự", "Điểm", "Xếp loại"])
    print()
    rows = [report.cell, *report.members] if report.cell else report.members
    emit_table([[a.name, format_points(a.total) if a.total is not None else "—", a.band, a.recognized_title]
                for a in rows], ["Đánh giá 5 tốt", "Điểm", "Xếp loại", "Công nhận"])
    return 0


def cmd_attention(args, svc) -> int:
    items = svc.attention.list(args.today, args.year)
    if args.json:
        emit_json(attention_json(items))
    else:
        emit_table([[i.full_name, i.kind_label, i.text] for i in items], ["Đảng viên", "Vấn đề", "Chi tiết"])
    return 0


def resolve_rubric(svc, prefix: str) -> str:
    from ..services.errors import ServiceError

    ids = [r.id for r in svc.rubrics.list()]
    if prefix in ids:
        return prefix
    found = [i for i in ids if i.startswith(prefix)]
    if not found:
        raise ServiceError(NO_MATCH, prefix=prefix)
    if len(found) > 1:
        raise ServiceError(AMBIGUOUS, prefix=prefix)
    return found[0]


def cmd_rubric_list(args, svc) -> int:
    rubrics = svc.rubrics.list()
    if args.json:
        emit_json([rubric_json(r) for r in rubrics])
    else:
        emit_table([[r.id[:8], r.target, f"v{r.version}", "✓" if r.active else "", r.name] for r in rubrics],
                   ["Mã", "Đối tượng", "Bản", "Dùng", "Tên"])
    return 0


def cmd_rubric_export(args, svc) -> int:
    print(svc.rubrics.export_file([resolve_rubric(svc, i) for i in args.ids], args.output))
    return 0


def cmd_rubric_import(args, svc) -> int:
    imported = svc.rubrics.import_file(args.file, activate=args.activate)
    print(IMPORTED.format(names=", ".join(f"{r.name} (v{r.version}, {r.id[:8]})" for r in imported)))
    return 0


def cmd_rubric_activate(args, svc) -> int:
    print(ACTIVATED.format(name=svc.rubrics.set_active(resolve_rubric(svc, args.id)).name))
    return 0


def cmd_print_scores(args, svc) -> int:
    from ..reports.scores import report_day, write_scores

    on = report_day(args.year)
    seq = registered_number(svc, args, "scores_report", on.year, str(args.year), f"năm {args.year}", on)
    print(write_scores(svc, args.year, args.output.with_suffix(".pdf"), seq=seq))
    return 0


def cmd_export_scores(args, svc) -> int:
    from ..reports.scores import write_scores_xlsx

    print(write_scores_xlsx(svc, args.year, args.output.with_suffix(".xlsx")))
    return 0
