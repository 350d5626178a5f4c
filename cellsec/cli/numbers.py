"""The register of outgoing document numbers: `cellsec numbers list` shows every number given in a year
(reports, plans, invitations, lists, resolutions, minutes), and the numbers left unused."""

from __future__ import annotations

import argparse

from ..domain.dates import format_date

KIND_WORDS = {"minutes": "Biên bản", "meeting_resolution": "Nghị quyết chi bộ", "before_register": "Cấp ở phiên bản trước"}


def register(sub: argparse._SubParsersAction) -> None:
    numbers = sub.add_parser("numbers", help="sổ đăng ký số văn bản đi (báo cáo, kế hoạch, giấy mời, nghị quyết…)")
    nsub = numbers.add_subparsers(dest="numbers_command", required=True, metavar="LỆNH")
    p = nsub.add_parser("list", help="các số đã cấp trong năm và các số còn bỏ trống")
    p.add_argument("--year", type=int, default=None, help="năm (mặc định: mọi năm)")
    p.add_argument("--type", dest="doc_type", default=None, help="loại văn bản: BC, KH, NQ, GM, DS, BB")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)


def add_number_options(p: argparse.ArgumentParser, example: str) -> None:
    """--number (taken from the register, as in the window) and --allow-gap for a print command."""
    p.add_argument("--number", type=int, default=None,
                   help=f"số văn bản ({example}), cấp từ sổ đăng ký số; không có thì để trống để ghi tay")
    p.add_argument("--allow-gap", action="store_true", help="vẫn dùng số đã chọn dù để trống các số trước nó")


def registered_number(svc, args, kind: str, year: int, subject: str, about: str, issued_on) -> int | None:
    """args.number given to the document (kind, subject) in the register; a number another document has
    is refused (ServiceError), and one leaving earlier numbers unused unless --allow-gap."""
    from ..domain.messages import Msg
    from ..services.documents.numbers import GapNotChosen, title_for
    from ..services.errors import ServiceError

    if args.number is None:
        return None
    try:
        svc.numbers.take(kind, year, args.number, subject=subject, title=title_for(kind, about), issued_on=issued_on,
                         allow_gap=args.allow_gap)
    except GapNotChosen as exc:
        raise ServiceError(Msg("{text} Thêm --allow-gap để vẫn dùng số này.", "{text} Add --allow-gap to keep it."),
                           text=exc.message) from None
    return args.number


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
