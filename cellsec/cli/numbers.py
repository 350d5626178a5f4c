"""The register of outgoing document numbers: `cellsec numbers list` shows every number given in a year
(reports, plans, invitations, lists, resolutions, minutes), and the numbers left unused."""

from __future__ import annotations

import argparse

from ..domain.dates import format_date

KIND_WORDS = {"minutes": "Biên bản", "meeting_resolution": "Nghị quyết chi bộ"}


def register(sub: argparse._SubParsersAction) -> None:
    numbers = sub.add_parser("numbers", help="sổ đăng ký số văn bản đi (báo cáo, kế hoạch, giấy mời, nghị quyết…)")
    nsub = numbers.add_subparsers(dest="numbers_command", required=True, metavar="LỆNH")
    p = nsub.add_parser("list", help="các số đã cấp trong năm và các số còn bỏ trống")
    p.add_argument("--year", type=int, default=None, help="năm (mặc định: mọi năm)")
    p.add_argument("--type", dest="doc_type", default=None, help="loại văn bản: BC, KH, NQ, GM, DS, BB")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)


def _kind(kind: str) -> str:
    from ..services.documents.numbers import KINDS

    return KINDS[kind][1].format() if kind in KINDS else KIND_WORDS.get(kind, kind)


def cmd_list(args, svc) -> int:
    from ..services.documents.numbers import unused_text
    from .output import emit_json, emit_table

    doc_type = args.doc_type.upper() if args.doc_type else None
    entries = svc.numbers.entries(args.year, doc_type)
    years = sorted({e.year for e in entries} | ({args.year} if args.year else set()))
    unused = {y: {t: v for t, v in svc.numbers.unused(y).items() if doc_type in (None, t)} for y in years}
    if args.json:
        emit_json({"numbers": [{"year": e.year, "type": e.doc_type, "seq": e.seq, "number": e.number,
                                "kind": e.kind, "subject": e.subject, "title": e.title, "issued_on": e.issued_on}
                               for e in entries],
                   "unused": {str(y): u for y, u in unused.items() if u}})
        return 0
    if not entries:
        print("Chưa cấp số văn bản nào" + (f" năm {args.year}." if args.year else "."))
        return 0
    emit_table([[str(e.year), e.number, _kind(e.kind), format_date(e.issued_on), e.title] for e in entries],
               ["Năm", "Số", "Loại", "Ngày", "Nội dung"])
    for year, by_type in unused.items():
        for t, seqs in by_type.items():
            print(f"Năm {year}, loại {t}: bỏ trống {unused_text(seqs)}.")
    return 0
