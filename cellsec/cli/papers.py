"""`cellsec print` targets for the cell's other paperwork, through the same report builders as the window:
the meeting invitation and sign-in sheet, the monthly report, the thematic-meeting plan, the commitment
form and its result, the member lifecycle resolutions, the transfer paper, the dues ledger and remittance
slip, and the attention list. Each writes a PDF, or a Word file with --docx or a .docx output name.
A paper that takes a number gets it from the number register, which proposes the next one as the window
does (the paper's own number when it was printed before)."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ..domain.messages import Msg
from .dues import _month as month_arg
from .members import date_arg
from .meetings import resolve_id
from .numbers import add_number_options, registered_number

NO_MEMBER = Msg("Không có đảng viên nào có mã hoặc họ tên \"{text}\".", "No member has the id or name \"{text}\".")
SEVERAL_MEMBERS = Msg("\"{text}\" trùng với nhiều đảng viên ({names}); hãy gõ mã đảng viên.",
                      "\"{text}\" matches several members ({names}); give the member's id.")
WRONG_PAPER = Msg("Không lập {paper} cho đồng chí {name}: tình trạng hiện nay của đồng chí cần {needed}.",
                  "No {paper} for {name}: the member's standing calls for {needed}.")
NUMBER_GIVEN = Msg("Số văn bản: {number}", "Document number: {number}")

LIFECYCLE_PAPERS = {"official": "nghị quyết đề nghị công nhận đảng viên chính thức",
                    "exempt": "nghị quyết miễn sinh hoạt", "removed": "nghị quyết xóa tên"}
_OUT_HELP = "tệp PDF (tệp .docx hoặc thêm --docx: văn bản Word)"


def _add(sub, name: str, help_text: str, func, *, number: str | None = None) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help_text)
    p.add_argument("-o", "--output", type=Path, required=True, help=_OUT_HELP)
    p.add_argument("--docx", action="store_true", help="xuất văn bản Word (.docx) thay cho PDF")
    if number:
        add_number_options(p, number)
    p.set_defaults(func=func)
    return p


def _member_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--member", required=True, help="mã đảng viên (hoặc vài ký tự đầu), hoặc họ và tên")


def register_print(sub: argparse._SubParsersAction) -> None:
    p = _add(sub, "invitation", "giấy mời dự một buổi sinh hoạt (PDF, DOCX)", cmd_invitation, number="Số 03-GM/…")
    p.add_argument("--meeting", required=True, help="mã buổi sinh hoạt")
    p = _add(sub, "signin", "danh sách đảng viên ký tên dự một buổi sinh hoạt (PDF, DOCX)", cmd_signin)
    p.add_argument("--meeting", required=True, help="mã buổi sinh hoạt")
    p = _add(sub, "monthly-report", "báo cáo tháng gửi cấp ủy cấp trên (PDF, DOCX)", cmd_monthly,
             number="Số 05-BC/…")
    p.add_argument("--month", type=month_arg, required=True, help="tháng, dạng YYYY-MM hoặc MM/YYYY")
    p.add_argument("--date", type=date_arg, default=None,
                   help="ngày ghi trên báo cáo (dd/mm/yyyy; mặc định ngày cuối tháng, hoặc hôm nay nếu sớm hơn)")
    p = _add(sub, "thematic-plan", "kế hoạch sinh hoạt chuyên đề của năm (PDF, DOCX)", cmd_plan, number="Số 01-KH/…")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--date", type=date_arg, default=None, help="ngày ghi trên kế hoạch (dd/mm/yyyy; mặc định hôm nay)")
    p = _add(sub, "commitment", "bản đăng ký cam kết tu dưỡng, rèn luyện của đảng viên (PDF, DOCX)", cmd_commitment)
    _member_arg(p)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--result", action="store_true", help="in kết quả thực hiện cam kết cuối năm")
    p = _add(sub, "lifecycle", "nghị quyết của chi bộ về đảng viên: đề nghị công nhận chính thức, miễn sinh hoạt, "
             "xóa tên (theo tình trạng của đảng viên; PDF, DOCX)", cmd_lifecycle, number="Số 02-NQ/…")
    _member_arg(p)
    p.add_argument("--kind", choices=tuple(LIFECYCLE_PAPERS), default=None,
                   help="loại nghị quyết cần in: official (công nhận chính thức), exempt (miễn sinh hoạt), "
                        "removed (xóa tên); từ chối nếu không đúng tình trạng của đảng viên")
    p = _add(sub, "transfer", "giấy giới thiệu sinh hoạt đảng và phiếu báo tin (PDF, DOCX)", cmd_transfer)
    _member_arg(p)
    p = _add(sub, "dues-ledger", "sổ đảng phí cả năm của một đảng viên (PDF, DOCX)", cmd_ledger)
    _member_arg(p)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--date", type=date_arg, default=None, help="tính đến ngày (dd/mm/yyyy; mặc định hôm nay)")
    p = _add(sub, "dues-slip", "phiếu nộp đảng phí lên cấp trên của một tháng (PDF, DOCX)", cmd_slip)
    p.add_argument("--month", type=month_arg, required=True, help="tháng, dạng YYYY-MM hoặc MM/YYYY")
    p.add_argument("--date", type=date_arg, default=None, help="tính đến ngày (dd/mm/yyyy; mặc định hôm nay)")
    p = _add(sub, "attention", "danh sách đảng viên cần quan tâm và căn cứ (PDF, DOCX)", cmd_attention)
    p.add_argument("--date", type=date_arg, default=None, help="tính đến ngày (dd/mm/yyyy; mặc định hôm nay)")


def output_path(args) -> Path:
    """The file to write: Word when asked (--docx) or named .docx, else PDF."""
    out: Path = args.output
    return out.with_suffix(".docx" if args.docx or out.suffix.lower() == ".docx" else ".pdf")


def resolve_member(svc, text: str) -> str:
    """A member's id from their id, a unique id prefix, or their full name (any case and accents)."""
    from ..domain.text import fold_key
    from ..services.errors import ServiceError
    from ..services.members.records import MemberQuery

    ids = svc.members.query_ids(MemberQuery())
    if text in ids:
        return text
    found = [i for i in ids if i.startswith(text)] if len(text) >= 4 else []
    if not found:
        named = svc.members.rows(svc.members.query_ids(MemberQuery(text=text)))
        found = [i for i, m in named.items() if fold_key(m.full_name) == fold_key(text)]
    if not found:
        raise ServiceError(NO_MEMBER, text=text)
    if len(found) > 1:
        names = ", ".join(svc.members.get(i).full_name for i in found[:4])
        raise ServiceError(SEVERAL_MEMBERS, text=text, names=names)
    return found[0]


def _number(svc, args, kind: str, year: int, subject: str, about: str, on: dt.date) -> int:
    """--number, else what the window's number dialog proposes: the paper's own number from an earlier
    printing, else the next of its type; taken in the register either way."""
    if args.number is None:
        given = svc.numbers.given(kind, subject, year)
        args.number = given.seq if given else svc.numbers.next_seq(kind, year)
    seq = registered_number(svc, args, kind, year, subject, about, on)
    entry = svc.numbers.given(kind, subject, year)
    print(NUMBER_GIVEN.format(number=entry.number if entry else seq))
    return seq


def _write(args, write: Callable[[Path], Path]) -> int:
    """`write(path)` to the output file, and its name printed; a file that cannot be written is said in
    Vietnamese (the folder, the reason), not as a traceback."""
    from ..domain.failures import FILE_FAILED
    from ..services.errors import failed

    path = output_path(args)
    try:
        print(write(path))
    except OSError as exc:
        raise failed(FILE_FAILED, exc, name=path) from None
    return 0


def cmd_invitation(args, svc) -> int:
    from ..reports.meeting_papers import notice_day, write_notice

    meeting_id = resolve_id(svc, args.meeting)
    record = svc.meetings.get(meeting_id)
    on = notice_day(record)
    about = "dự " + record.title[:1].lower() + record.title[1:]
    seq = _number(svc, args, "invitation", on.year, record.id, about, on)
    return _write(args, lambda path: write_notice(svc, meeting_id, path, on=on, seq=seq))


def cmd_signin(args, svc) -> int:
    from ..reports.meeting_papers import write_signin

    return _write(args, lambda path: write_signin(svc, resolve_id(svc, args.meeting), path))


def cmd_monthly(args, svc) -> int:
    from ..domain.dues import month_end
    from ..reports.monthly import write_monthly

    month = args.month
    on = args.date or min(dt.date.today(), month_end(month))
    seq = _number(svc, args, "monthly_report", on.year, f"{month:%Y-%m}", f"{month:%m/%Y}", on)
    return _write(args, lambda path: write_monthly(svc, month, path, on, seq))


def cmd_plan(args, svc) -> int:
    from ..reports.year_plan import write_year_plan

    on = args.date or dt.date.today()
    seq = _number(svc, args, "thematic_plan", on.year, str(args.year), f"năm {args.year}", on)
    return _write(args, lambda path: write_year_plan(svc, args.year, path, on, seq))


def cmd_commitment(args, svc) -> int:
    from ..reports.commitments import write_commitment

    member_id = resolve_member(svc, args.member)
    return _write(args, lambda path: write_commitment(svc, member_id, args.year, path, result=args.result))


def cmd_lifecycle(args, svc) -> int:
    from ..reports.lifecycle import NO_PAPER, paper_day, paper_kind, write_lifecycle
    from ..services.errors import ServiceError

    member = svc.members.get(resolve_member(svc, args.member))
    kind = paper_kind(member)
    if kind is None:
        raise ServiceError(NO_PAPER, name=member.full_name)
    if args.kind is not None and args.kind != kind:
        raise ServiceError(WRONG_PAPER, paper=LIFECYCLE_PAPERS[args.kind], name=member.full_name,
                           needed=LIFECYCLE_PAPERS[kind])
    on = paper_day(member, kind)
    seq = _number(svc, args, "resolution", on.year, f"{member.id}:{kind}", member.full_name, on)
    return _write(args, lambda path: write_lifecycle(svc, member.id, path, seq))


def cmd_transfer(args, svc) -> int:
    from ..reports.transfer import write_transfer

    return _write(args, lambda path: write_transfer(svc, resolve_member(svc, args.member), path))


def cmd_ledger(args, svc) -> int:
    from ..reports.dues_papers import write_ledger

    member_id = resolve_member(svc, args.member)
    return _write(args, lambda path: write_ledger(svc, member_id, args.year, path, args.date or dt.date.today()))


def cmd_slip(args, svc) -> int:
    from ..reports.dues_papers import write_slip

    return _write(args, lambda path: write_slip(svc, args.month, path, today=args.date or dt.date.today()))


def cmd_attention(args, svc) -> int:
    from ..reports.attention import write_attention

    return _write(args, lambda path: write_attention(svc, path, args.date or dt.date.today()))
