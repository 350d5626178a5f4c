"""Core commands: set up the cell, undo, backups."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .output import emit_json, emit_table


BACKUP_ABOUT = (
    "Dữ liệu và các bản sao lưu tự động (thư mục backups) được mã hóa bằng khóa của tài khoản trên máy này, nên "
    "chỉ khôi phục được trên máy này. Nếu mất khóa (cài lại máy, đổi máy, mất kho mật khẩu của hệ điều hành), "
    "đường khôi phục duy nhất là bản sao lưu có mật khẩu: cellsec backup now --to THƯ_MỤC --password-stdin; "
    "khôi phục: cellsec backup restore TỆP.cellsec-backup --password-stdin.")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("setup", help="khai báo chi bộ (lần đầu)")
    p.add_argument("--name", required=True, help="tên chi bộ")
    p.add_argument("--upper", required=True, help="cấp ủy cấp trên trực tiếp")
    p.add_argument("--top", default="", help="cấp ủy cấp trên nữa")
    p.add_argument("--abbreviation", default="CB", help="chữ viết tắt trong số văn bản")
    p.add_argument("--place", required=True, help="địa danh in trên văn bản")
    p.add_argument("--secretary", default="", help="họ tên bí thư")
    p.add_argument("--deputy", default="", help="họ tên phó bí thư: được thêm vào danh sách đảng viên (đảng viên "
                                                "chính thức) và gắn làm phó bí thư, như trong trình thiết lập")
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("cell", help="xem thông tin chi bộ; đổi phó bí thư")
    p.add_argument("--deputy", default=None, metavar="TÊN_HOẶC_SỐ_THẺ",
                   help="chọn phó bí thư trong các đảng viên chính thức của chi bộ, theo họ tên hoặc số thẻ đảng")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_cell)

    p = sub.add_parser("undo", help="hoàn tác thao tác gần nhất")
    p.set_defaults(func=cmd_undo)

    p = sub.add_parser("backup", help="sao lưu và khôi phục", description=BACKUP_ABOUT)
    bsub = p.add_subparsers(dest="backup_command", required=True, metavar="LỆNH")
    b = bsub.add_parser("now", help="sao lưu ngay")
    b.add_argument("--to", type=Path, default=None, metavar="THƯ_MỤC",
                   help="ghi bản sao lưu mã hóa vào thư mục này (ví dụ USB); cần --password-stdin")
    b.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ dòng đầu của đầu vào chuẩn")
    b.set_defaults(func=cmd_backup_now)
    b = bsub.add_parser("list", help="liệt kê các bản sao lưu")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_backup_list)
    b = bsub.add_parser("restore", help="khôi phục dữ liệu từ một bản sao lưu (dữ liệu hiện tại được giữ lại)")
    b.add_argument("file", type=Path, help="tệp sao lưu (xem: cellsec backup list), hoặc tệp .cellsec-backup")
    b.add_argument("--password-stdin", action="store_true", help="mật khẩu của tệp mã hóa, từ đầu vào chuẩn")
    b.set_defaults(func=cmd_backup_restore, works_unopened=restore_unopened_data)


def cmd_setup(args, svc) -> int:
    from ..services.settings.cell import CellInfo

    info = svc.cell.setup(CellInfo(name=args.name, abbreviation=args.abbreviation, place_name=args.place,
                                   secretary_name=args.secretary, deputy_name=args.deputy,
                                   upper_committee=args.upper, top_committee=args.top),
                          deputy_as_member=bool(args.deputy.strip()))
    print(f"Đã thiết lập: {info.name}")
    return 0


def cmd_cell(args, svc) -> int:
    if args.deputy is not None:
        info = svc.cell.set_deputy(args.deputy)
        if not args.json:
            print(f"Phó bí thư: {info.deputy_name}")
            return 0
    info = svc.cell.get()
    if args.json:
        emit_json(info)
    else:
        for key, value in vars(info).items():
            print(f"{key}: {value}")
    return 0


def cmd_undo(args, svc) -> int:
    print(svc.undo_last())
    return 0


NEEDS_FOLDER = "--password-stdin dùng kèm --to THƯ_MỤC (bản sao lưu mã hóa ghi ra thư mục khác)."
NEEDS_PASSWORD = "Bản sao lưu ra thư mục khác được mã hóa: hãy cho mật khẩu qua --password-stdin."


def _password(args) -> str | None:
    """The password on the first line of standard input (never on the command line, where others see it)."""
    if not getattr(args, "password_stdin", False):
        return None
    return sys.stdin.readline().rstrip("\r\n")


def cmd_backup_now(args, svc) -> int:
    if args.to is None:
        if args.password_stdin:
            print(NEEDS_FOLDER, file=sys.stderr)
            return 2
        print(svc.backups.backup_now())
        return 0
    if not args.password_stdin:
        print(NEEDS_PASSWORD, file=sys.stderr)
        return 2
    print(svc.backups.backup_to(args.to, _password(args)))
    return 0


def cmd_backup_list(args, svc) -> int:
    items = svc.backups.list()
    if args.json:
        emit_json([{"path": str(b.path), "taken_at": b.taken_at} for b in items])
    else:
        emit_table([[b.taken_at.strftime("%d/%m/%Y %H:%M"), str(Path(b.path).name)] for b in items],
                   ["Thời điểm", "Tệp"])
    return 0


def cmd_backup_restore(args, svc) -> int:
    password = _password(args)
    if password is not None:
        safety = svc.backups.restore_sealed(args.file, password)
    else:
        safety = svc.backups.restore(args.file)
    print(f"Đã khôi phục từ {args.file.name}. Dữ liệu trước khi khôi phục được lưu tại {safety}")
    return 0


def restore_unopened_data(args, data_dir: Path) -> int:
    """`backup restore` when the database itself cannot be opened (damaged file): no services needed."""
    from ..services.backups import restore_unopened

    from ..services.errors import ServiceError

    try:
        aside = restore_unopened(args.file, data_dir, _password(args))
    except ServiceError as exc:  # a wrong password, a refused or unreadable file: said, nothing changed
        print(exc.message, file=sys.stderr)
        return 2
    kept = f" Tệp dữ liệu cũ được giữ lại tại {aside}" if aside else ""
    print(f"Đã khôi phục từ {args.file.name}.{kept}")
    return 0
