"""Annual review commands: open a year, list reviews, the summary with the quota, rule sets, history;
print a review / the summary / the collective report; export the summary (XLSX) and a Word form.

Levels are printed by their Vietnamese names ("Hoàn thành tốt nhiệm vụ"), scores as numbers, missing
values as null in JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal
from pathlib import Path

from ..domain.messages import Msg
from ..domain.review_rules import LEVEL_NAMES, LEVELS, level_name_vi
from ..domain.reviews import format_score
from .numbers import add_number_options, registered_number
from .output import emit_json, emit_table

NO_MATCH = Msg("Không có đảng viên nào trong kỳ kiểm điểm năm {year} có mã bắt đầu bằng \"{prefix}\".",
               "No member of the {year} review has an id starting with \"{prefix}\".")
AMBIGUOUS = Msg("Có nhiều đảng viên có mã bắt đầu bằng \"{prefix}\"; hãy gõ dài hơn.",
                "Several members have ids starting with \"{prefix}\"; type more of it.")
OPENED = Msg("Đã mở kỳ kiểm điểm năm {year}: {count} đảng viên, bộ quy tắc \"{rules}\".",
             "Opened the {year} review: {count} members, rule set \"{rules}\".")
WRITTEN = Msg("Đã ghi {path}", "Wrote {path}")


def number(value: Decimal | None) -> int | float | None:
    """A score for JSON: 85 stays an integer, 85.5 a float, missing is null."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def register(sub: argparse._SubParsersAction) -> None:
    reviews = sub.add_parser("reviews", help="kiểm điểm, đánh giá, xếp loại đảng viên hằng năm")
    rsub = reviews.add_subparsers(dest="reviews_command", required=True, metavar="LỆNH")

    p = rsub.add_parser("open", help="mở kỳ kiểm điểm của một năm (hoặc bổ sung đảng viên mới)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--rules", default=None, help="mã bộ quy tắc (mặc định: bộ có hiệu lực trong năm)")
    p.set_defaults(func=cmd_open)

    p = rsub.add_parser("list", help="các bản kiểm điểm của một năm")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = rsub.add_parser("summary", help="biểu tổng hợp xếp loại và tỷ lệ hoàn thành xuất sắc")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_summary)

    p = rsub.add_parser("rules", help="các bộ quy tắc kiểm điểm")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_rules)

    p = rsub.add_parser("history", help="kết quả xếp loại các năm của một đảng viên")
    p.add_argument("--member", required=True, help="mã đảng viên")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_history)


def register_print(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="bản kiểm điểm của một đảng viên (PDF)")
    p.add_argument("--member", required=True, help="mã đảng viên (hoặc phần đầu của mã)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp PDF")
    p.set_defaults(func=cmd_print_review)

    p = sub.add_parser("reviews-summary", help="biểu tổng hợp xếp loại đảng viên của một năm (PDF)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp PDF")
    p.set_defaults(func=cmd_print_summary)

    p = sub.add_parser("review-collective", help="báo cáo kiểm điểm tập thể chi bộ của một năm (PDF)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp PDF")
    add_number_options(p, "Số 03-BC/…")
    p.set_defaults(func=cmd_print_collective)


def register_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("reviews", help="biểu tổng hợp xếp loại đảng viên của một năm (XLSX)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp XLSX")
    p.set_defaults(func=cmd_export_summary)

    p = sub.add_parser("review-form", help="mẫu bản kiểm điểm điền sẵn để đảng viên viết trong Word (DOCX)")
    p.add_argument("--member", required=True, help="mã đảng viên (hoặc phần đầu của mã)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp DOCX")
    p.set_defaults(func=cmd_export_form)


def resolve_review(svc, member: str, year: int) -> str:
    """The review id of the member (full id or a unique prefix) in the year."""
    from ..services.errors import ServiceError

    reviews = svc.reviews.list_reviews(year)
    exact = [r for r in reviews if r.member_id == member]
    found = exact or [r for r in reviews if r.member_id.startswith(member)]
    if not found:
        raise ServiceError(NO_MATCH, year=year, prefix=member)
    if len(found) > 1:
        raise ServiceError(AMBIGUOUS, prefix=member)
    return found[0].id


# ---- commands ----------------------------------------------------------------------------------------
def cmd_open(args, svc) -> int:
    info = svc.reviews.open_year(args.year, args.rules)
    print(OPENED.format(year=info.year, count=info.review_count, rules=info.rule_set_name))
    return 0


def summary_json(summary) -> dict:
    return {
        "year": summary.year,
        "members": [{"id": r.member_id, "name": r.name, "form_type": r.form_type_name,
                     "self_score": number(r.self_score), "self_level": level_name_vi(r.self_level),
                     "cell_level": level_name_vi(r.cell_level), "decided_level": level_name_vi(r.decided_level)}
                    for r in summary.rows],
        "counts": {level_name_vi(level): summary.counts[level] for level in LEVELS},
        "allowed_excellent": summary.quota.allowed,
        "proposed_excellent": summary.quota.proposed,
        "quota_exceeded": summary.quota.exceeded,
    }


def cmd_summary(args, svc) -> int:
    summary = svc.reviews.summary(args.year)
    if args.json:
        emit_json(summary_json(summary))
        return 0
    from ..reports.reviews import quota_sentence

    emit_table([[str(i), r.name, r.form_type_name, format_score(r.self_score), str(LEVEL_NAMES[r.self_level])
                 if r.self_level else "", str(LEVEL_NAMES[r.cell_level]) if r.cell_level else "",
                 str(LEVEL_NAMES[r.decided_level]) if r.decided_level else ""]
                for i, r in enumerate(summary.rows, start=1)],
               ["TT", "Họ và tên", "Mẫu", "Điểm", "Tự xếp loại", "Chi bộ đề xuất", "Cấp trên quyết định"])
    print()
    for level in LEVELS:
        print(f"{LEVEL_NAMES[level]}: {summary.counts[level]}")
    print(quota_sentence(summary))
    if summary.quota_reason:
        print(f"Lý do đề nghị vượt tỷ lệ: {summary.quota_reason}")
    return 0


def cmd_list(args, svc) -> int:
    reviews = svc.reviews.list_reviews(args.year)
    if args.json:
        emit_json([{"id": r.id, "member_id": r.member_id, "name": r.member_name, "form_type": r.form_type,
                    "form_type_name": r.form_type_name, "status": r.status, "self_score": number(r.self_score),
                    "self_level": level_name_vi(r.self_level), "cell_level": level_name_vi(r.cell_level),
                    "decided_level": level_name_vi(r.decided_level), "version": r.version} for r in reviews])
        return 0
    emit_table([[r.member_id[:8], r.member_name, r.form_type_name, r.status, format_score(r.self_score)]
                for r in reviews], ["Mã", "Họ và tên", "Mẫu", "Trạng thái", "Điểm"])
    return 0


def cmd_rules(args, svc) -> int:
    sets = svc.reviews.list_rule_sets()
    if args.json:
        emit_json([{"id": i.id, "name": i.name, "issuing_document": i.issuing_document,
                    "effective_from": i.effective_from, "version": i.version, "builtin": i.builtin,
                    "scoring": i.scoring} for i in sets])
        return 0
    emit_table([[i.id[:12], i.name, i.effective_from.strftime("%d/%m/%Y"), str(i.version)] for i in sets],
               ["Mã", "Tên", "Hiệu lực từ", "Phiên bản"])
    return 0


def cmd_history(args, svc) -> int:
    member_id = svc.members.get(args.member).id
    entries = svc.reviews.member_history(member_id)
    if args.json:
        emit_json([{"year": e.year, "form_type": e.form_type_name, "self_score": number(e.self_score),
                    "self_level": level_name_vi(e.self_level), "cell_level": level_name_vi(e.cell_level),
                    "decided_level": level_name_vi(e.decided_level), "decision_no": e.decision_no or None}
                   for e in entries])
        return 0
    emit_table([[str(e.year), e.form_type_name, format_score(e.self_score), level_name_vi(e.level) or ""]
                for e in entries], ["Năm", "Mẫu", "Điểm", "Xếp loại"])
    return 0


def cmd_print_review(args, svc) -> int:
    from ..reports.reviews import write_review

    path = write_review(svc, resolve_review(svc, args.member, args.year), args.output)
    print(WRITTEN.format(path=path))
    return 0


def cmd_print_summary(args, svc) -> int:
    from ..reports.reviews import write_summary

    print(WRITTEN.format(path=write_summary(svc, args.year, args.output)))
    return 0


def cmd_print_collective(args, svc) -> int:
    from ..reports.reviews import document_day, write_collective

    record = svc.reviews.collective(args.year)
    on = document_day(record.submitted_at, record.decision_date) or dt.date(args.year, 12, 31)
    seq = registered_number(svc, args, "collective_report", on.year, str(args.year), f"năm {args.year}", on)
    print(WRITTEN.format(path=write_collective(svc, args.year, args.output, seq)))
    return 0


def cmd_export_summary(args, svc) -> int:
    from ..reports.reviews import write_summary_xlsx

    print(WRITTEN.format(path=write_summary_xlsx(svc, args.year, args.output)))
    return 0


def cmd_export_form(args, svc) -> int:
    from ..reports.reviews import write_review_form_docx

    path = write_review_form_docx(svc, resolve_review(svc, args.member, args.year), args.output)
    print(WRITTEN.format(path=path))
    return 0
