"""Sync commands: connect this laptop to the committee's server, sync now, status, conflicts; and without a
network, transfer files on a USB stick (export, import the answer)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.dates import format_date
from .output import emit_json, emit_table


def register(sub: argparse._SubParsersAction) -> None:
    sync = sub.add_parser("sync", help="đồng bộ với máy chủ của cấp ủy cấp trên")
    ssub = sync.add_subparsers(dest="sync_command", required=True, metavar="LỆNH")
    p = ssub.add_parser("connect", help="kết nối máy này với cấp trên bằng mã do cấp trên cấp")
    p.add_argument("url", help="địa chỉ máy chủ, ví dụ https://dangbo.example.vn")
    p.add_argument("code", help="mã kết nối (dùng một lần)")
    p.add_argument("--name", default="", help="tên máy này (hiện ở cấp trên)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_connect)
    p = ssub.add_parser("connect-file", help="kết nối không qua mạng: đọc tệp mời của cấp trên, ghi tệp đăng ký máy "
                                             "để mang lên cấp trên")
    p.add_argument("file", type=Path, help="tệp mời kết nối do cấp trên cấp")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp đăng ký máy sẽ ghi (ví dụ trên USB)")
    p.add_argument("--name", default="", help="tên máy này (hiện ở cấp trên)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_connect_file)
    p = ssub.add_parser("now", help="gửi các thay đổi đang chờ và nhận những gì mới từ cấp trên")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_now)
    p = ssub.add_parser("status", help="đã kết nối với đâu, lần đồng bộ gần nhất, số thay đổi đang chờ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)
    p = ssub.add_parser("export", help="ghi các thay đổi chưa gửi ra tệp (.cellsec-sync) để mang lên cấp trên")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="tệp hoặc thư mục (USB) để ghi; mặc định: tên chi bộ và ngày, ở thư mục hiện tại")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_export)
    p = ssub.add_parser("import", help="nhận tệp trả lời của cấp trên (.cellsec-sync)")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)
    p = ssub.add_parser("conflicts", help="các bản ghi bị sửa ở cả hai máy, cần chọn giữ bản nào")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts)
    p = ssub.add_parser("resolve", help="giải quyết một xung đột: giữ bản của máy này hoặc bản trên máy chủ")
    p.add_argument("conflict_id", type=int)
    p.add_argument("keep", choices=("mine", "theirs"))
    p.set_defaults(func=cmd_resolve)


def _print_status(status) -> None:
    if not status.connected:
        print("Chưa kết nối với cấp trên.")
        return
    last = format_date(status.last_sync.date()) if status.last_sync else "chưa lần nào"
    print(f"Máy chủ: {status.server}\nLần đồng bộ gần nhất: {last}\nThay đổi đang chờ gửi: {status.pending}"
          f"\nXung đột cần giải quyết: {status.conflicts}")


def cmd_connect(args, svc) -> int:
    status = svc.sync.connect(args.url, args.code, args.name)
    if args.json:
        emit_json(status.to_json())
    else:
        print("Đã kết nối với cấp trên.")
        _print_status(status)
    return 0


def cmd_connect_file(args, svc) -> int:
    target = args.output / svc.sync.default_file_name("dang-ky-may") if args.output.is_dir() else args.output
    status = svc.sync.connect_file(args.file, target, args.name)
    if args.json:
        emit_json({**status.to_json(), "enrolment_file": str(target)})
    else:
        print(f"Đã ghi tệp đăng ký máy: {target}\nHãy mang tệp này lên cấp trên để nhập; tệp trả lời của cấp trên "
              "được nhận bằng \"cellsec sync import\". Có thể xuất luôn các thay đổi (\"cellsec sync export\") để "
              "mang đi cùng chuyến.")
    return 0


def cmd_now(args, svc) -> int:
    def progress(stage: str, done: int, total: int) -> None:
        if not args.json:
            print(f"{'Gửi' if stage == 'push' else 'Nhận'}: {done}" + (f"/{total}" if total else ""), file=sys.stderr)

    result = svc.sync.sync_now(progress)
    if args.json:
        emit_json(result.to_json())
    else:
        print(f"Đã gửi {result.pushed}, đã nhận {result.pulled}, xung đột {result.conflicts}, "
              f"tự gộp {result.merged}, bị từ chối {result.rejected}.")
        _print_numbers(result)
    return 0


def _print_numbers(result) -> None:
    """Documents renumbered because the cell's other laptop gave out the same number (sync/numbers.py), and
    records held back because one here has the same natural key."""
    for sentence in (*result.renumbered, *result.clashes, *result.warnings):
        print(sentence)
    if result.held:
        print(f"{result.held} văn bản của máy khác trùng số với văn bản được thông qua trước trên máy này; chúng sẽ "
              "về sau khi máy kia đồng bộ và tự đánh số lại.")


def cmd_export(args, svc) -> int:
    target = args.output or Path(svc.sync.default_file_name())
    if target.is_dir():
        target = target / svc.sync.default_file_name()
    result = svc.sync.export_file(target)
    if args.json:
        emit_json({"file": str(result.path), "ops": result.ops, "seq_last": result.seq_last})
    else:
        print(f"Đã ghi {result.ops} thay đổi vào {result.path}. Hãy mang tệp này lên cấp trên; "
              "các thay đổi được đánh dấu đã gửi khi đồng chí nhận tệp trả lời.")
    return 0


def cmd_import(args, svc) -> int:
    result = svc.sync.import_file(args.file)
    if args.json:
        emit_json(result.to_json())
    else:
        print(f"Cấp trên đã nhận {result.pushed} thay đổi; đã nhận về {result.pulled}; xung đột {result.conflicts}.")
        _print_numbers(result)
    return 0


def cmd_status(args, svc) -> int:
    status = svc.sync.status()
    emit_json(status.to_json()) if args.json else _print_status(status)
    return 0


def cmd_conflicts(args, svc) -> int:
    conflicts = svc.sync.conflicts()
    if args.json:
        emit_json([{"id": c.id, "entity": c.entity, "entity_id": c.entity_id, "mine": c.mine, "theirs": c.theirs,
                    "detected_at": c.detected_at} for c in conflicts])
        return 0
    changed = lambda c: ", ".join(k for k in c.mine if c.theirs and c.mine.get(k) != c.theirs.get(k)  # noqa: E731
                                  and k not in ("rev", "updated_at"))
    emit_table([[str(c.id), c.entity, c.entity_id, changed(c)] for c in conflicts],
               ["Số", "Loại", "Mã bản ghi", "Trường khác nhau"])
    return 0


def cmd_resolve(args, svc) -> int:
    svc.sync.resolve(args.conflict_id, args.keep)
    print("Đã giải quyết xung đột.")
    return 0
