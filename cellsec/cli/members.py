"""Member registry commands: list, show, add, change status, delete, import, export, print the register."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import asdict
from pathlib import Path

from ..domain.dates import DateParseError, format_date, parse_date
from ..domain.members import (
    ACTIVITY_LABELS,
    ACTIVITY_STATUSES,
    DUES_CATEGORY_LABELS,
    GENDER_LABELS,
    IN_CELL_STATUSES,
    MEMBER_SORTS,
    PARTY_STATUS_LABELS,
    PARTY_STATUSES,
    POLITICAL_THEORY_LABELS,
    label,
)
from .numbers import add_number_options, registered_number
from .output import emit_json, emit_table

EXIT_REJECTED = 3


def date_arg(text: str) -> dt.date:
    try:
        return parse_date(text)
    except DateParseError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def register(sub: argparse._SubParsersAction) -> None:
    members = sub.add_parser("members", help="sổ đảng viên: liệt kê, thêm, nhập, xuất")
    msub = members.add_subparsers(dest="members_command", required=True, metavar="LỆNH")

    _register_list_and_show(msub)
    _register_add(msub)

    p = msub.add_parser("status", help="cập nhật tình trạng sinh hoạt")
    p.add_argument("id")
    p.add_argument("activity_status", choices=ACTIVITY_STATUSES)
    p.add_argument("--from", dest="status_from", type=date_arg, help="từ ngày")
    p.add_argument("--to", dest="status_to", type=date_arg, help="đến ngày")
    p.add_argument("--reason", default="")
    p.add_argument("--decision", default="")
    p.add_argument("--org", default="", help="tổ chức đảng nơi chuyển đến / nơi sinh hoạt chính thức")
    p.set_defaults(func=cmd_status)

    p = msub.add_parser("delete", help="xóa đảng viên khỏi sổ (hoàn tác được)")
    p.add_argument("id")
    p.set_defaults(func=cmd_delete)

    p = msub.add_parser("import", help="nhập danh sách từ tệp CSV hoặc Excel (.xlsx)")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")
    p.add_argument("--rejected", type=Path, help="lưu các dòng bị bỏ qua (kèm lý do) vào tệp .xlsx/.csv để sửa")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    p = msub.add_parser("sample", help="tạo tệp mẫu danh sách đảng viên (.xlsx hoặc .csv) để điền rồi nhập")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_sample)

    p = msub.add_parser("export", help="xuất danh sách ra tệp Excel (.xlsx)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_export)


def _register_list_and_show(msub: argparse._SubParsersAction) -> None:
    p = msub.add_parser("list", help="danh sách đảng viên")
    p.add_argument("--status", action="append", choices=(*ACTIVITY_STATUSES, "in_cell"),
                   help="lọc theo tình trạng sinh hoạt (lặp lại được; in_cell = đang trong chi bộ)")
    p.add_argument("--party-status", choices=PARTY_STATUSES, help="dự bị hoặc chính thức")
    p.add_argument("--search", default="", help="tìm theo tên (không cần dấu) hoặc số CCCD, số thẻ")
    p.add_argument("--sort", default="list_no", choices=MEMBER_SORTS, help="sắp xếp theo cột")
    p.add_argument("--desc", action="store_true", help="sắp xếp giảm dần")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list, quick=quick_list)

    p = msub.add_parser("show", help="xem hồ sơ một đảng viên")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)


def _register_add(msub: argparse._SubParsersAction) -> None:
    p = msub.add_parser("add", help="thêm đảng viên")
    p.add_argument("--name", required=True, help="họ và tên")
    p.add_argument("--dob", type=date_arg, help="ngày sinh (dd/mm/yyyy)")
    p.add_argument("--gender", choices=("nam", "nu"))
    p.add_argument("--admitted", type=date_arg, help="ngày vào Đảng")
    p.add_argument("--official", type=date_arg, help="ngày chính thức (có thì là đảng viên chính thức)")
    p.add_argument("--cccd", default="")
    p.add_argument("--card", default="", help="số thẻ đảng viên")
    p.add_argument("--card-from", type=date_arg, help="ngày cấp thẻ")
    p.add_argument("--ly-lich", default="", help="số lý lịch")
    p.add_argument("--list-no", type=int, help="số SĐV (mặc định: số tiếp theo)")
    p.add_argument("--phone", default="")
    p.add_argument("--hometown", default="")
    p.add_argument("--workplace", default="")
    p.add_argument("--position-party", default="")
    p.add_argument("--position-government", default="")
    p.add_argument("--position-mass-org", default="")
    p.add_argument("--note", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_add)


def register_print(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("members", help="sổ danh sách đảng viên của chi bộ (PDF)")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp PDF")
    p.add_argument("--date", type=date_arg, default=None,
                   help="danh sách tính đến ngày này, cũng là ngày ghi trên văn bản (dd/mm/yyyy; mặc định hôm nay)")
    add_number_options(p, "Số 04-DS/…")
    p.set_defaults(func=cmd_print)


def _record_json(m) -> dict:
    data = asdict(m)
    data["activity_label"] = label(ACTIVITY_LABELS, m.activity_status)
    data["status_label"] = label(PARTY_STATUS_LABELS, m.status)
    return data


def _list_query(args):
    from ..services.members.records import MemberQuery

    statuses: list[str] = []
    for s in args.status or []:
        statuses.extend(IN_CELL_STATUSES if s == "in_cell" else (s,))
    return MemberQuery(text=args.search, activity_statuses=tuple(dict.fromkeys(statuses)),
                       party_status=args.party_status, sort=args.sort, descending=args.desc)


def cmd_list(args, svc) -> int:
    return _emit_list(args, svc.members.list(_list_query(args)))


def quick_list(args, reader) -> int:
    """`members list` through the quick reader: the same output without loading SQLAlchemy."""
    from ..services.members.list_index import quick_list as read_list

    return _emit_list(args, read_list(reader, _list_query(args)))


def _emit_list(args, members) -> int:
    if args.json:
        emit_json([_record_json(m) for m in members])
        return 0
    emit_table([[str(m.list_no or ""), m.full_name, format_date(m.date_of_birth), label(GENDER_LABELS, m.gender),
                 format_date(m.admitted_on), format_date(m.official_on), label(PARTY_STATUS_LABELS, m.status),
                 label(ACTIVITY_LABELS, m.activity_status), m.id] for m in members],
               ["SĐV", "Họ và tên", "Ngày sinh", "Giới tính", "Vào Đảng", "Chính thức", "Loại", "Tình trạng", "Mã"])
    return 0


def _print_record(m, card_history, status_history) -> None:
    from ..domain.members import FIELD_LABELS

    for name, value in asdict(m).items():
        if name in FIELD_LABELS and value not in ("", None):
            if isinstance(value, dt.date):
                value = format_date(value)
            elif name == "activity_status":
                value = label(ACTIVITY_LABELS, value)
            elif name == "status":
                value = label(PARTY_STATUS_LABELS, value)
            elif name == "gender":
                value = label(GENDER_LABELS, value)
            elif name == "dues_category":
                value = label(DUES_CATEGORY_LABELS, value)
            elif name == "political_theory":
                value = label(POLITICAL_THEORY_LABELS, value)
            elif name == "dues_basis":
                value = f"{value:,} đ".replace(",", ".")
            print(f"{FIELD_LABELS[name].format()}: {value}")
    for card in card_history:
        print(f"Thẻ đảng viên: {card.card_no} (từ {format_date(card.valid_from) or '?'})")
    for st in status_history:
        print(f"Tình trạng: {label(ACTIVITY_LABELS, st.activity_status)} {format_date(st.status_from)}"
              f"{' – ' + format_date(st.status_to) if st.status_to else ''} {st.reason}".rstrip())


def cmd_show(args, svc) -> int:
    m = svc.members.get(args.id)
    cards, statuses = svc.members.card_history(m.id), svc.members.status_history(m.id)
    if args.json:
        data = _record_json(m)
        data["card_history"] = [asdict(c) for c in cards]
        data["status_history"] = [asdict(s) for s in statuses]
        emit_json(data)
    else:
        _print_record(m, cards, statuses)
    return 0


def cmd_add(args, svc) -> int:
    from ..services.errors import ValidationFailed
    from ..services.members.service import MemberInput

    data = MemberInput(
        full_name=args.name, date_of_birth=args.dob, gender=args.gender or "", admitted_on=args.admitted,
        official_on=args.official, status="chinh_thuc" if args.official else "du_bi", cccd=args.cccd,
        card_no=args.card, card_valid_from=args.card_from, ly_lich_no=args.ly_lich,
        list_no=args.list_no if args.list_no is not None else svc.members.next_list_no(), phone=args.phone,
        hometown=args.hometown, workplace=args.workplace, position_party=args.position_party,
        position_government=args.position_government, position_mass_org=args.position_mass_org, note=args.note,
    )
    result = svc.members.check(data)
    if result.errors:
        raise ValidationFailed(result.errors, result.warnings)
    for field, message in result.warnings.items():
        print(f"{field}: {message}", file=sys.stderr)
    record = svc.members.add(data)
    if args.json:
        emit_json(_record_json(record))
    else:
        print(f"Đã thêm: {record.full_name} ({record.id})")
    return 0


def cmd_status(args, svc) -> int:
    from ..services.members.service import StatusChange

    record = svc.members.change_status(args.id, StatusChange(
        args.activity_status, args.status_from, args.status_to, args.reason, args.decision, args.org))
    print(f"{record.full_name}: {label(ACTIVITY_LABELS, record.activity_status)}")
    return 0


def cmd_delete(args, svc) -> int:
    name = svc.members.get(args.id).full_name
    svc.members.delete(args.id)
    print(f"Đã xóa: {name}")
    return 0


def cmd_import(args, svc) -> int:
    preview = svc.importer.preview(args.file)
    if args.dry_run:
        updates = preview.to_update
        payload = {"imported": len(preview.to_add), "updated": len(updates),
                   "unchanged": sum(1 for r in updates if not r.changed),
                   "rejected": [{"row": r.row, "reason": r.reason} for r in preview.rejected]}
    else:
        payload = svc.importer.commit(preview).as_json()
    payload["dry_run"] = bool(args.dry_run)
    if args.rejected and preview.rejected:
        from ..reports.members_import import write_rows

        payload["rejected_file"] = str(write_rows(args.rejected, svc.importer.rejected_rows(preview)))
    payload["warnings"] = [{"row": r.row, "text": w} for r in preview.rows if r.action != "reject" for w in r.warnings]
    if args.json:
        emit_json(payload)
    else:
        verb = "Sẽ thêm" if args.dry_run else "Đã thêm"
        print(f"{verb} {payload['imported']} đảng viên, cập nhật {payload['updated']} "
              f"(không đổi {payload['unchanged']}), bỏ qua {len(payload['rejected'])} dòng.")
        for item in payload["rejected"]:
            print(f"Dòng {item['row']}: {item['reason']}")
        for item in payload["warnings"]:
            print(f"Dòng {item['row']} (lưu ý): {item['text']}")
        if "rejected_file" in payload:
            print(f"Các dòng bị bỏ qua đã lưu vào {payload['rejected_file']}")
    return EXIT_REJECTED if payload["rejected"] else 0


def cmd_sample(args, svc) -> int:
    from ..reports.members_import import write_sample

    print(write_sample(args.file))
    return 0


def cmd_export(args, svc) -> int:
    from ..reports.members_xlsx import write_members_xlsx

    path = write_members_xlsx(svc.cell.get(), svc.members.list(), args.file)
    print(path)
    return 0


def cmd_print(args, svc) -> int:
    from ..reports.members import write_member_register

    on = args.date or dt.date.today()
    seq = registered_number(svc, args, "register", on.year, on.isoformat(), f"{on:%d/%m/%Y}", on)
    print(write_member_register(svc, args.output, on, seq))
    return 0
