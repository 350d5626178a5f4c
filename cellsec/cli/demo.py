"""`cellsec demo`: fill an empty data folder with a realistic demo cell."""

from __future__ import annotations

import argparse
import datetime as dt

from .members import date_arg


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="tạo chi bộ mẫu với dữ liệu minh họa (thư mục dữ liệu phải trống)")
    p.add_argument("--today", type=date_arg, default=None, help="coi ngày này là hôm nay (dd/mm/yyyy)")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args, svc) -> int:
    from ..services.demo.cell import build_demo

    build_demo(svc, args.today or dt.date.today())
    cell = svc.cell.get()
    print(f"Đã tạo {cell.name} với {svc.members.member_count()} đảng viên trong {svc.data_dir}")
    return 0
