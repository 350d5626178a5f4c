"""`cellsec-server`: administration from the command line and `serve`.

Stable forms (scripts and acceptance checks use exactly these):
    cellsec-server --data-dir DIR committee add NAME --json             -> {"id": ...}
    cellsec-server --data-dir DIR cell add --committee ID NAME --json   -> {"id": ..., "enrollment_code": ...}
    cellsec-server --data-dir DIR serve --host 127.0.0.1 --port P [--database-url URL]
    cellsec-server --data-dir DIR cells list --json                     -> [{id, name, last_sync, entities...}]
    cellsec-server --data-dir DIR rubric publish FILE.json --committee ID
    cellsec-server --data-dir DIR user add LOGIN --committee ID --role officer|admin --password-stdin
    cellsec-server --data-dir DIR receipt add|list|cancel --cell ID ...  (dues remitted to the committee)
The database is the SQLite file in the data folder unless --database-url (or CELLSEC_SERVER_DATABASE_URL)
names another, e.g. postgresql+psycopg://user@host/db. Migrations run on every start.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

from cellsec.domain import messages
from cellsec.domain.messages import Msg

from .errors import ServerError

ENV_URL = "CELLSEC_SERVER_DATABASE_URL"
ENV_DATA = "CELLSEC_SERVER_DATA_DIR"

T_COMMITTEE_ADDED = Msg("Đã tạo cấp ủy \"{name}\" (mã {id}).", "Committee \"{name}\" created (id {id}).")
T_CELL_ADDED = Msg("Đã tạo chi bộ \"{name}\" (mã {id}).\nMã kết nối (dùng một lần, hết hạn sau {days} ngày): {code}",
                   "Cell \"{name}\" created (id {id}).\nEnrollment code (single use, expires in {days} days): {code}")
T_CODE = Msg("Mã kết nối mới (dùng một lần, hết hạn sau {days} ngày): {code}",
             "New enrollment code (single use, expires in {days} days): {code}")
T_REVOKED = Msg("Đã thu hồi quyền đồng bộ của máy {id}.", "Device {id} can no longer sync.")
T_PUBLISHED = Msg("Đã ban hành {n} bộ tiêu chí cho các chi bộ trực thuộc.", "{n} rubric(s) issued to the committee's cells.")
T_RECORDED = Msg("Đã ghi ({id}); chi bộ sẽ nhận được ở lần đồng bộ tới.",
                 "Recorded ({id}); the cell receives it at its next sync.")
T_IMPORTED = Msg("Đã nhập tệp: {applied} thay đổi mới, {duplicate} đã có, {conflict} xung đột, {rejected} bị từ chối. "
                 "Tệp trả lời ({changes} thay đổi gửi xuống chi bộ): {out}",
                 "File imported: {applied} new changes, {duplicate} already known, {conflict} conflicts, "
                 "{rejected} refused. Answer file ({changes} changes for the cell): {out}")
T_ENROLLED = Msg("Đã đăng ký máy của chi bộ bằng tệp. Tệp trả lời (toàn bộ dữ liệu của chi bộ, {changes} bản ghi): {out}",
                 "The cell's laptop is enrolled by file. Answer file (the cell's full copy, {changes} records): {out}")
T_INVITED = Msg("Đã ghi tệp mời kết nối của chi bộ \"{name}\" (dùng một lần, hết hạn sau {days} ngày): {out}\n"
                "Hãy trao tệp này tận tay; chi bộ chạy \"cellsec sync connect-file\" rồi mang tệp đăng ký máy về để nhập.",
                "Invitation file for the cell \"{name}\" written (single use, expires in {days} days): {out}\n"
                "Hand it over in person; the cell runs \"cellsec sync connect-file\" and brings back the enrolment "
                "file to import.")
T_WRITE_FAILED = Msg("Không ghi được tệp {path}: {error}", "Cannot write file {path}: {error}")
T_NEVER = Msg("chưa đồng bộ", "never synced")
T_BAD_FILE = Msg("Không đọc được tệp {path}: {error}", "Cannot read file {path}: {error}")
T_BAD_DATE = Msg("Ngày không hợp lệ: {value} (cần dạng NNNN-TT-NN).", "Invalid date: {value} (expected YYYY-MM-DD).")
T_NO_DB = Msg("Cần --data-dir hoặc --database-url.", "--data-dir or --database-url is needed.")
T_DB_FAILED = Msg("Không mở được cơ sở dữ liệu: {error}", "Cannot open the database: {error}")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(T_BAD_DATE.format(value=value)) from None


def _parser() -> argparse.ArgumentParser:
    # Options also accepted after the command (`cells list --json`), without overriding the ones given before.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="JSON output")
    common.add_argument("--database-url", default=argparse.SUPPRESS)
    common.add_argument("--data-dir", default=argparse.SUPPRESS)

    p = argparse.ArgumentParser(prog="cellsec-server", description="CellSec committee server")
    p.add_argument("--data-dir", default=os.environ.get(ENV_DATA))
    p.add_argument("--database-url", default=os.environ.get(ENV_URL))
    p.add_argument("--json", action="store_true", default=False)
    p.add_argument("--lang", choices=("vi", "en"), default="vi")
    sub = p.add_subparsers(dest="group", required=True)
    _add_committee_and_cell_commands(sub, common)
    _add_device_commands(sub, common)
    _add_record_commands(sub, common)
    _add_receipt_commands(sub, common)
    _add_file_and_log_commands(sub, common)
    _add_user_commands(sub, common)
    _add_serve_command(sub, common)
    return p


def _group(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse._SubParsersAction:
    return sub.add_parser(name, help=help_text).add_subparsers(dest="action", required=True)


def _add_committee_and_cell_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    committee = _group(sub, "committee", "committees (cấp ủy)")
    a = committee.add_parser("add", parents=[common])
    a.add_argument("name")
    committee.add_parser("list", parents=[common])

    cell = _group(sub, "cell", "one cell (chi bộ)")
    a = cell.add_parser("add", parents=[common])
    a.add_argument("--committee", required=True)
    a.add_argument("name")
    a.add_argument("--code-days", type=float, default=7)
    a = cell.add_parser("code", parents=[common], help="a new enrollment code (e.g. a second laptop)")
    a.add_argument("cell_id")
    a.add_argument("--code-days", type=float, default=7)
    a = cell.add_parser("invite", parents=[common],
                        help="an invitation file for a laptop that enrolls without a network (USB stick)")
    a.add_argument("cell_id")
    a.add_argument("-o", "--out", type=Path, required=True)
    a.add_argument("--server-url", default="", help="the address laptops may later sync with online, if any")
    a.add_argument("--code-days", type=float, default=30)

    cells = _group(sub, "cells", "all cells")
    a = cells.add_parser("list", parents=[common])
    a.add_argument("--committee")


def _add_device_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    for name in ("devices", "device"):  # both spellings are accepted
        devices = _group(sub, name, "devices (laptops)")
        a = devices.add_parser("list", parents=[common])
        a.add_argument("--cell")
        a = devices.add_parser("revoke", parents=[common])
        a.add_argument("device_id")


def _add_record_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """What the committee writes for its cells: rubrics, decisions, recognitions, guidance, comments."""
    rubric = _group(sub, "rubric", "rubrics the committee issues")
    a = rubric.add_parser("publish", parents=[common])
    a.add_argument("file", type=Path)
    a.add_argument("--committee", required=True)

    decision = _group(sub, "decision", "classification decisions")
    a = decision.add_parser("add", parents=[common])
    a.add_argument("--cell", required=True)
    target = a.add_mutually_exclusive_group(required=True)
    target.add_argument("--review", help="a member's review id (member_reviews)")
    target.add_argument("--year", type=int, help="the cell's own classification for a year")
    a.add_argument("--level", required=True, help="HTXSNV | HTTNV | HTNV | KHTNV")
    a.add_argument("--number", required=True)
    a.add_argument("--date", type=_date, required=True)
    a.add_argument("--note", default="")

    recognition = _group(sub, "recognition", "'Chi bộ 5 tốt' recognition")
    a = recognition.add_parser("add", parents=[common])
    a.add_argument("--cell", required=True)
    a.add_argument("--year", type=int, required=True)
    a.add_argument("--number", required=True)
    a.add_argument("--date", type=_date, required=True)
    a.add_argument("--note", default="")

    guidance = _group(sub, "guidance", "guidance documents")
    a = guidance.add_parser("add", parents=[common])
    a.add_argument("--committee", required=True)
    a.add_argument("--title", required=True)
    body = a.add_mutually_exclusive_group(required=True)
    body.add_argument("--file", type=Path)
    body.add_argument("--text")
    a.add_argument("--number", default="")
    a.add_argument("--date", type=_date)

    comment = _group(sub, "comment", "comments on a cell's records")
    a = comment.add_parser("add", parents=[common])
    a.add_argument("--cell", required=True)
    a.add_argument("--entity", required=True, help="record type, e.g. meetings")
    a.add_argument("--entity-id", required=True)
    a.add_argument("--text", required=True)
    a.add_argument("--author", default="")


def _add_receipt_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Dues remittance receipts: what the committee received of a cell's dues for a month or a quarter."""
    receipt = _group(sub, "receipt", "dues remittance receipts (đảng phí nộp lên)")
    a = receipt.add_parser("add", parents=[common])
    a.add_argument("--cell", required=True)
    a.add_argument("--period", required=True, help="a month YYYY-MM or a quarter YYYY-Q1..Q4")
    a.add_argument("--amount", required=True, help="whole đồng as people write them: 1.250.000")
    a.add_argument("--date", type=_date, required=True, help="the date received, YYYY-MM-DD")
    a.add_argument("--note", default="")
    a.add_argument("--author", default="", help="who recorded it (shown to the cell)")
    a = receipt.add_parser("list", parents=[common])
    a.add_argument("--cell", required=True)
    a.add_argument("--year", type=int, default=dt.date.today().year)
    a = receipt.add_parser("cancel", parents=[common], help="cancel a receipt recorded by mistake")
    a.add_argument("receipt_id")
    a.add_argument("--cell", required=True)


def _add_file_and_log_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    bundle = _group(sub, "bundle", "transfer files (.cellsec-sync) carried on a USB stick")
    a = bundle.add_parser("import", parents=[common], help="apply a cell's file and write the answer file")
    a.add_argument("file", type=Path)
    a.add_argument("-o", "--out", type=Path, required=True, help="the answer file to give back to the cell")
    # The same as a top-level command, the form the acceptance checks use: import FILE -o ANSWER --json.
    a = sub.add_parser("import", parents=[common], help="apply a cell's transfer file and write the answer file")
    a.add_argument("file", type=Path)
    a.add_argument("-o", "--out", type=Path, required=True, help="the answer file to give back to the cell")
    a.set_defaults(action="file")

    events = _group(sub, "events", "refused requests (security log)")
    a = events.add_parser("list", parents=[common])
    a.add_argument("--limit", type=int, default=100)


def _add_serve_command(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    serve = sub.add_parser("serve", parents=[common], help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1",
                       help="proxies whose X-Forwarded-For is trusted (the TLS reverse proxy)")
    serve.add_argument("--log-level", default="info")
    serve.add_argument("--timeout-keep-alive", type=int, default=30,
                       help="seconds an idle connection stays open (laptops push several batches in a row)")
    serve.add_argument("--worker-healthcheck-timeout", type=int, default=30,
                       help="seconds before a worker that does not answer the supervisor is restarted")


def _out(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=None))
    else:
        print(text)


def _url(args: argparse.Namespace) -> str:
    from .store.db import database_url

    if not args.database_url and not args.data_dir:
        raise ServerError(2, "no_database", T_NO_DB)
    return database_url(args.data_dir, args.database_url)


def _app_factory():
    """For `serve --workers N`: each worker process opens the store from the environment."""
    from .api import create_app
    from .store.db import open_store

    return create_app(open_store(os.environ[ENV_URL]))


def _serve(args: argparse.Namespace, url: str) -> int:
    import uvicorn

    from .api import create_app
    from .store.db import open_store

    store = open_store(url)  # migrate once before any worker starts
    options = dict(host=args.host, port=args.port, log_level=args.log_level, proxy_headers=True,
                   forwarded_allow_ips=args.forwarded_allow_ips, server_header=False,
                   timeout_keep_alive=args.timeout_keep_alive)
    if args.workers > 1:
        store.close()
        # uvicorn restarts a worker that misses its supervisor's ping (5 s by default); a worker busy with
        # large batches on a loaded machine is slow, not hung, and killing it drops every request it holds.
        options["timeout_worker_healthcheck"] = args.worker_healthcheck_timeout
        os.environ[ENV_URL] = url
        uvicorn.run("cellsec.server.cli:_app_factory", factory=True, workers=args.workers, **options)
    else:
        uvicorn.run(create_app(store), **options)
    return 0


# Command handlers: (args, store, session) -> None, each printing its answer with _out. Store modules are imported
# inside them, lazily as elsewhere in this file: parsing the arguments needs no database layer.

def _committee_add(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import admin

    c = admin.add_committee(s, args.name)
    _out(args, {"id": c.id, "name": c.name}, T_COMMITTEE_ADDED.format(name=c.name, id=c.id))


def _committee_list(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import admin

    rows = admin.list_committees(s)
    _out(args, rows, "\n".join(f"{r['id']}  {r['name']}" for r in rows))


def _cell_add(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import admin

    cell, code = admin.add_cell(s, args.committee, args.name, args.code_days)
    _out(args, {"id": cell.id, "name": cell.name, "committee_id": cell.committee_id, "enrollment_code": code},
         T_CELL_ADDED.format(name=cell.name, id=cell.id, code=code, days=f"{args.code_days:g}"))


def _cell_code(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import admin

    code = admin.new_enrollment_code(s, args.cell_id, args.code_days)
    _out(args, {"cell_id": args.cell_id, "enrollment_code": code},
         T_CODE.format(code=code, days=f"{args.code_days:g}"))


def _cell_invite(args: argparse.Namespace, store: Any, s: Any) -> None:
    from cellsec.sync.protocol.envelope import FILE_SUFFIX
    from cellsec.sync.protocol.invitation import invitation_bytes

    from .store import admin

    invitation = admin.invite(s, args.cell_id, store.keys, args.code_days, args.server_url.rstrip("/"))
    out = args.out if args.out.suffix else args.out.with_suffix(FILE_SUFFIX)
    try:
        out.write_bytes(invitation_bytes(invitation, store.keys))
    except OSError as exc:
        raise ServerError(1, "write_failed", T_WRITE_FAILED, path=str(out), error=exc.strerror or str(exc)) from None
    _out(args, {"cell_id": invitation.cell_id, "invitation_file": str(out), "expires_at": invitation.expires_at},
         T_INVITED.format(name=invitation.cell_name, out=out, days=f"{args.code_days:g}"))


def _cells_list(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import admin

    rows = admin.list_cells(s, args.committee)
    _out(args, rows, "\n".join(
        f"{r['id']}  {r['name']}  {r['last_sync'] or T_NEVER.format()}  "
        f"{sum(r['entities'].values())}" for r in rows))


def _devices_list(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import admin

    rows = admin.list_devices(s, args.cell)
    _out(args, rows, "\n".join(
        f"{r['id']}  {r['cell_id']}  {r['name']}  {r['last_seen'] or '-'}"
        f"{'  REVOKED ' + r['revoked_at'] if r['revoked_at'] else ''}" for r in rows))


def _devices_revoke(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import admin

    d = admin.revoke_device(s, args.device_id)
    _out(args, {"id": d.id, "revoked_at": d.revoked_at.isoformat()}, T_REVOKED.format(id=d.id))


def _rubric_publish(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import admin

    ids = admin.publish_rubrics(s, args.committee, _read_rubrics(args.file))
    _out(args, {"ids": ids}, T_PUBLISHED.format(n=len(ids)))


def _decision_add(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import admin

    rid = admin.add_decision(s, args.cell, args.level, args.number, args.date, review_id=args.review,
                             year=args.year, note=args.note)
    _out(args, {"id": rid}, T_RECORDED.format(id=rid))


def _recognition_add(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import admin

    rid = admin.add_recognition(s, args.cell, args.year, args.number, args.date, args.note)
    _out(args, {"id": rid}, T_RECORDED.format(id=rid))


def _guidance_add(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import admin

    body = _read_text(args.file) if args.file else args.text
    rid = admin.add_guidance(s, args.committee, args.title, body, args.number, args.date)
    _out(args, {"id": rid}, T_RECORDED.format(id=rid))


def _comment_add(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import admin

    rid = admin.add_comment(s, args.cell, args.entity, args.entity_id, args.text, args.author)
    _out(args, {"id": rid}, T_RECORDED.format(id=rid))


T_RECEIPT_CANCELLED = Msg("Đã hủy phiếu nhận đảng phí {period} ({amount} đồng); chi bộ sẽ nhận được ở lần đồng bộ tới.",
                         "The receipt for {period} ({amount} đồng) is cancelled; the cell sees it at its next sync.")
T_NO_RECEIPTS = Msg("Chưa ghi nhận khoản đảng phí nộp lên nào của năm {year}.", "No receipt recorded for {year}.")


def _receipt_add(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import remittances as r

    period, amount = r.parse_period(args.period), r.parse_amount(args.amount)
    rid = r.record_receipt(s, args.cell, period, amount, args.date, args.note, args.author)
    _out(args, {"id": rid, "period": period.key, "amount": amount, "received_on": args.date.isoformat()},
         T_RECORDED.format(id=rid))


def _receipt_list(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import admin, remittances as r

    rows = [{k: x.get(k) for k in ("id", "period", "period_label", "amount", "received_on", "note", "recorded_by")}
            for x in r.receipts(s, admin.get_cell(s, args.cell).id, args.year)]
    lines = [f"{x['id']}  {x['period_label']}  {r.money(x['amount'])} đồng  "
             f"{dt.date.fromisoformat(x['received_on']):%d/%m/%Y}  {x['note'] or ''}".rstrip() for x in rows]
    _out(args, rows, "\n".join(lines) or T_NO_RECEIPTS.format(year=args.year))


def _receipt_cancel(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import remittances as r

    fields = r.cancel_receipt(s, args.cell, args.receipt_id)
    _out(args, {"id": args.receipt_id, "cancelled": True, "period": fields.get("period")},
         T_RECEIPT_CANCELLED.format(period=fields.get("period_label", ""), amount=r.money(fields.get("amount") or 0)))


def _bundle_import(args: argparse.Namespace, store: Any, s: Any) -> None:
    from cellsec.sync.protocol.envelope import FILE_SUFFIX, Envelope, write_file
    from cellsec.sync.protocol.errors import ProtocolError
    from .store.bundles import import_bundle

    try:  # import_bundle opens its own transaction on the store
        answer, summary = import_bundle(store, _read_bytes(args.file), client=f"file:{args.file.name}")
    except ProtocolError as exc:
        raise ServerError(1, exc.code, exc.msg, **exc.params) from None
    out = args.out if args.out.suffix else args.out.with_suffix(FILE_SUFFIX)
    write_file(out, Envelope.from_bytes(answer))
    counts = summary["summary"]
    if summary.get("enrolled"):
        _out(args, {**summary, "answer_file": str(out)}, T_ENROLLED.format(changes=summary["changes"], out=out))
        return
    _out(args, {**summary, "answer_file": str(out)},
         T_IMPORTED.format(applied=counts["applied"], duplicate=counts["duplicate"], conflict=counts["conflict"],
                           rejected=counts["rejected"], changes=summary["changes"], out=out))


def _events_list(args: argparse.Namespace, store: Any, s: Any) -> None:
    from sqlalchemy import select

    from .store.models import SecurityEvent

    rows = [{"at": e.at.isoformat(), "kind": e.kind, "device_id": e.device_id, "cell_id": e.cell_id,
             "client": e.client, "detail": e.detail}
            for e in s.scalars(select(SecurityEvent).order_by(SecurityEvent.id.desc()).limit(args.limit))]
    _out(args, rows, "\n".join(f"{r['at']}  {r['kind']}  {r['device_id']}  {r['client']}  {r['detail']}"
                               for r in rows))


def _add_user_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Staff accounts of the web pages: `user add LOGIN --committee ID --role officer|admin --password-stdin`."""
    user = _group(sub, "user", "web page accounts (cán bộ cấp ủy)")
    a = user.add_parser("add", parents=[common])
    a.add_argument("login")
    a.add_argument("--committee", required=True)
    a.add_argument("--role", choices=("officer", "admin"), required=True)
    a.add_argument("--name", default="", help="the name shown on the pages")
    a.add_argument("--password-stdin", action="store_true", required=True,
                   help="read the password from standard input (never from the command line)")


T_USER_ADDED = Msg("Đã tạo tài khoản \"{login}\" ({role}) của cấp ủy {committee}.",
                   "Account \"{login}\" ({role}) created for committee {committee}.")


def _user_add(args: argparse.Namespace, store: Any, s: Any) -> None:
    from .store import users

    password = sys.stdin.readline().rstrip("\r\n")
    u = users.add_user(s, args.login, args.committee, args.role, password, args.name)
    _out(args, {"id": u.id, "login": u.login, "committee_id": u.committee_id, "role": u.role},
         T_USER_ADDED.format(login=u.login, role=u.role, committee=u.committee_id))


_COMMANDS = {
    ("committee", "add"): _committee_add,
    ("committee", "list"): _committee_list,
    ("cell", "add"): _cell_add,
    ("cell", "code"): _cell_code,
    ("cell", "invite"): _cell_invite,
    ("cells", "list"): _cells_list,
    ("devices", "list"): _devices_list,
    ("device", "list"): _devices_list,
    ("devices", "revoke"): _devices_revoke,
    ("device", "revoke"): _devices_revoke,
    ("rubric", "publish"): _rubric_publish,
    ("decision", "add"): _decision_add,
    ("recognition", "add"): _recognition_add,
    ("guidance", "add"): _guidance_add,
    ("comment", "add"): _comment_add,
    ("receipt", "add"): _receipt_add,
    ("receipt", "list"): _receipt_list,
    ("receipt", "cancel"): _receipt_cancel,
    ("bundle", "import"): _bundle_import,
    ("import", "file"): _bundle_import,
    ("events", "list"): _events_list,
    ("user", "add"): _user_add,
}


def _run(args: argparse.Namespace) -> int:
    from .store.db import open_store

    url = _url(args)
    if args.group == "serve":
        return _serve(args, url)
    try:
        store = open_store(url, pool_size=2)
    except Exception as exc:  # the driver's own error text is the useful part here
        raise ServerError(2, "database", T_DB_FAILED, error=str(exc).splitlines()[0]) from None
    try:
        with store.transaction() as s:
            _COMMANDS[(args.group, args.action)](args, store, s)
    finally:
        store.close()
    return 0


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ServerError(2, "bad_file", T_BAD_FILE, path=path, error=exc) from None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ServerError(2, "bad_file", T_BAD_FILE, path=path, error=exc) from None


def _read_rubrics(path: Path):
    from cellsec.domain.rubrics import RubricError, parse_rubric_file, rubric_from_dict

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ServerError(2, "bad_file", T_BAD_FILE, path=path, error=exc) from None
    try:
        try:
            doc = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            doc = None  # parse_rubric_file words the problem
        if isinstance(doc, dict) and "format" not in doc and "key" in doc:
            return [rubric_from_dict(doc)]  # a bare rubric object is accepted too
        return parse_rubric_file(raw)
    except RubricError as exc:
        raise ServerError(2, "bad_rubric", T_BAD_FILE, path=path, error=exc) from None


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.json = getattr(args, "json", False)
    messages.set_language(args.lang)
    try:
        return _run(args)
    except ServerError as exc:
        if args.json:
            print(json.dumps(exc.to_dict(), ensure_ascii=False), file=sys.stderr)
        else:
            print(str(exc), file=sys.stderr)
        return 2 if exc.status == 2 else 1


if __name__ == "__main__":
    sys.exit(main())
