"""Faults around a real server process: killed mid-push, connection cut mid-pull, the laptop losing the
acknowledgement. Afterwards the laptop's records and the server's agree exactly (rev and snapshot of every
record), with nothing duplicated and nothing lost."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time

import httpx
import pytest
from sqlalchemy import func, select

from cellsec.server.store import admin
from cellsec.server.store.db import open_store
from cellsec.server.store.models import Entity, Op

from ..conftest import free_port
from ..device import Laptop


class ServerProcess:
    def __init__(self, url: str) -> None:
        self.url, self.port, self.proc = url, free_port(), None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "cellsec.server", "--database-url", self.url, "serve",
                                      "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120  # generous: the suite may share a loaded machine
        try:
            while True:
                try:
                    if httpx.get(f"{self.base}/api/v1/health", timeout=10).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                assert self.proc.poll() is None, self.proc.stderr.read().decode()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.05)
        except BaseException:
            self.stop()  # never leave a server process behind a failed start
            raise

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=30)


@pytest.fixture
def server(db_url):
    process = ServerProcess(db_url)
    process.start()
    yield process
    process.stop()


@pytest.fixture
def enrolled(server, db_url):
    store = open_store(db_url, pool_size=1)
    with store.transaction() as s:
        committee = admin.add_committee(s, "Đảng ủy")
        cell, code = admin.add_cell(s, committee.id, "Chi bộ")
    store.close()
    laptop = Laptop(server.base)
    assert laptop.enroll(code).status_code == 201
    yield laptop
    laptop.close()


def year_of_changes(laptop: Laptop, records: int = 400) -> tuple[list, dict]:
    """Inserts then edits, as a laptop's change log; returns the ops and the laptop's own records."""
    ops, local = [], {}
    ids = []
    for i in range(records):
        op = laptop.op("members", full_name=f"Đảng viên số {i}", note="Ghi chú dài " * 30)
        ops.append(op)
        ids.append(op.entity_id)
    for entity_id in ids[::3]:
        ops.append(laptop.op("members", entity_id=entity_id, full_name="Đã sửa", note="Sửa lần hai"))
    for op in ops:
        local[(op.entity, op.entity_id)] = (op.rev, op.snapshot)
    return ops, local


def server_records(url: str) -> tuple[dict, int]:
    store = open_store(url, pool_size=1)
    try:
        with store.transaction() as s:
            rows = {(e.entity, e.entity_id): (e.rev, e.snapshot) for e in s.scalars(select(Entity))}
            ops = s.scalar(select(func.count()).select_from(Op))
        return rows, ops
    finally:
        store.close()


@pytest.mark.parametrize("kill_after", [0.0, 0.15, 0.6])
def test_server_killed_mid_push_then_resend_agrees_exactly(server, enrolled, db_url, kill_after):
    ops, local = year_of_changes(enrolled)
    body = enrolled.envelope(ops)
    outcome: dict = {}

    def send() -> None:
        try:
            outcome["response"] = enrolled.push_bytes(body)
        except httpx.TransportError as exc:
            outcome["error"] = exc

    sender = threading.Thread(target=send)
    sender.start()
    time.sleep(kill_after)
    server.kill()
    sender.join(timeout=60)
    server.start()  # same database, new process
    enrolled.http.close()
    enrolled.http = httpx.Client(base_url=server.base, timeout=30)
    again = enrolled.push_bytes(body)  # the laptop had no acknowledgement: it sends the same ops again
    assert again.status_code == 200, again.text
    statuses = {r["status"] for r in again.json()["results"]}
    assert statuses in ({"applied"}, {"duplicate"}), statuses
    rows, op_count = server_records(db_url)
    assert rows == local
    assert op_count == len(ops)


def test_connection_cut_mid_pull_resumes_from_the_saved_cursor(server, enrolled, db_url):
    ops, local = year_of_changes(enrolled, records=300)
    assert enrolled.push(ops).status_code == 200
    store = open_store(db_url, pool_size=1)
    with store.transaction() as s:
        code = admin.new_enrollment_code(s, enrolled.cell_id)
    store.close()
    second = Laptop(server.base, "Máy phó bí thư")
    try:
        assert second.enroll(code).status_code == 201
        received: dict = {}
        cursor = 0
        # First page: the connection drops after the first bytes, so nothing of it is applied.
        path = f"/api/v1/cells/{second.cell_id}/changes?since={cursor}&limit=100"
        from cellsec.sync.protocol.signing import sign_request
        with second.http.stream("GET", path, headers=sign_request(second.keys, second.device_id, "GET", path)) as r:
            assert r.status_code == 200
            next(r.iter_bytes(1024))
        # Resume: pages are applied with their cursor, as the laptop does in one local transaction.
        pages = 0
        while True:
            page = second.pull(cursor, limit=100)
            assert page.status_code == 200
            data = page.json()
            for change in data["changes"]:
                received[(change["entity"], change["entity_id"])] = (change["rev"], change["snapshot"])
            cursor = data["cursor"]
            pages += 1
            if pages == 2:  # cut again, mid-stream, after two good pages
                path = f"/api/v1/cells/{second.cell_id}/changes?since={cursor}&limit=100"
                with second.http.stream("GET", path,
                                        headers=sign_request(second.keys, second.device_id, "GET", path)) as r:
                    next(r.iter_bytes(512))
            if not data["more"]:
                break
        assert received == local
        assert server_records(db_url)[0] == received
    finally:
        second.close()


def test_laptop_killed_before_recording_the_acknowledgement(server, enrolled, db_url):
    ops, local = year_of_changes(enrolled, records=100)
    first = enrolled.push(ops[:60])
    assert first.status_code == 200
    # The laptop died before writing its watermark: it restarts from the old one and sends 1..N again,
    # this time as one bigger batch with the ops written since.
    again = enrolled.push(ops)
    results = again.json()["results"]
    assert [r["status"] for r in results[:60]] == ["duplicate"] * 60
    assert {r["status"] for r in results[60:]} == {"applied"}
    assert again.json()["acknowledged_seq"] == ops[-1].seq
    rows, op_count = server_records(db_url)
    assert rows == local and op_count == len(ops)
