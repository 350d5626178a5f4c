"""Dues commands: each member's year (months due, paid, unpaid), a month's sheet; print the collection
sheet "Sổ thu đảng phí"."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..domain import dues as D
from ..domain.dates import format_date
from .output import emit_json, emit_table


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _month(text: str) -> dt.date:
    try:
        return D.parse_month(text)
    except D.MonthParseError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: argparse._SubParsersAction) -> None:
    dues = sub.add_parser("dues", help="đảng phí: tình hình đóng trong năm, sổ thu từng tháng")
    dsub = dues.add_subparsers(dest="dues_command", required=True, metavar="LỆNH")
    p = dsub.add_parser("status", help="từng đảng viên: các tháng phải đóng, đã đóng, chưa đóng")
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--today", type=_date, default=None, help="ngày tính (YYYY-MM-DD; mặc định: hôm nay)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)
    p = dsub.add_parser("sheet", help="sổ thu đảng phí một tháng")
    p.add_argument("--month", type=_month, required=True, help="tháng, dạng YYYY-MM hoặc MM/YYYY")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sheet)


def register_print(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dues", help="sổ thu đảng phí một tháng và tổng hợp thu, nộp (PDF)")
    p.add_argument("--month", type=_month, required=True, help="tháng, dạng YYYY-MM hoặc MM/YYYY")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp PDF")
    p.set_defaults(func=cmd_print)


def _months(months) -> list[str]:
    return [m.isoformat()[:7] for m in months]


def status_json(year: int, rows) -> dict:
    return {"year": year, "members": [{
        "member_id": r.member_id, "full_name": r.full_name, "in_cell": r.in_cell,
        "due_months": _months(r.due_months), "paid_months": _months(r.paid_months),
        "unpaid_months": _months(r.unpaid_months), "counted_unpaid_months": _months(r.counted_unpaid),
        "total_due": r.total_due, "total_paid": r.total_paid, "on_time_rate": r.on_time_rate,
        "paid_through": r.paid_through.isoformat()[:7] if r.paid_through else None} for r in rows]}


def sheet_json(sheet) -> dict:
    return {"month": sheet.month.isoformat()[:7], "rules_version": sheet.rules_version,
            "retained_percent": float(sheet.retained_percent), "total_due": sheet.total_due,
            "total_paid": sheet.total_paid, "kept": sheet.kept, "remitted": sheet.remitted,
            "lines": [{"member_id": line.member_id, "full_name": line.full_name, "category": line.category,
                       "basis": line.basis if line.uses_basis else None,
                       "basis_month": line.basis_month.isoformat()[:7] if line.basis_month else None,
                       "amount_due": line.amount_due, "amount_paid": line.amount_paid, "paid_on": line.paid_on,
                       "state": line.state, "owed": line.owed, "recorded": line.recorded} for line in sheet.lines]}


def cmd_status(args, svc) -> int:
    today = args.today or dt.date.today()
    year = args.year or today.year
    rows = svc.dues.year_status(year, today)
    if args.json:
        emit_json(status_json(year, rows))
    else:
        emit_table([[r.full_name, str(len(r.due_months)), str(len(r.paid_months)),
                     ", ".join(D.month_label(m) for m in r.unpaid_months),
                     D.month_label(r.paid_through) if r.paid_through else ""] for r in rows],
                   ["Đảng viên", "Phải đóng", "Đã đóng", "Chưa đóng", "Đã đóng hết tháng"])
    return 0


def cmd_sheet(args, svc) -> int:
    sheet = svc.dues.sheet(args.month)
    if args.json:
        emit_json(sheet_json(sheet))
    else:
        emit_table([[line.full_name, D.format_money(line.amount_due), D.format_money(line.amount_paid),
                     format_date(line.paid_on), D.STATE_LABELS[line.state].format()] for line in sheet.lines],
                   ["Đảng viên", "Phải đóng", "Đã đóng", "Ngày nộp", "Tình trạng"])
        print(f"Tổng thu: {D.format_money(sheet.total_paid)} đồng; để lại: {D.format_money(sheet.kept)}; "
              f"nộp cấp trên: {D.format_money(sheet.remitted)}")
    return 0


def cmd_print(args, svc) -> int:
    from ..reports.dues import write_dues_sheet

    print(write_dues_sheet(svc, args.month, args.output.with_suffix(".pdf")))
    return 0
