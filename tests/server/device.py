"""A simulated laptop for the tests: its keys, an outbox of ops, signed HTTP calls with httpx."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import httpx

from cellsec.sync.protocol.envelope import seal_ops
from cellsec.sync.protocol.keys import KeyPair
from cellsec.sync.protocol.ops import Op
from cellsec.sync.protocol.signing import sign_request


class Laptop:
    def __init__(self, base_url: str, name: str = "Máy bí thư") -> None:
        self.base = base_url
        self.keys = KeyPair.generate()
        self.device_id = str(uuid.uuid4())
        self.name = name
        self.cell_id = ""
        self.server_box = ""
        self.seq = 0
        self.revs: dict[tuple[str, str], int] = {}
        self.http = httpx.Client(base_url=base_url, timeout=120)

    def close(self) -> None:
        self.http.close()

    def signed(self, method: str, path: str, body: bytes = b"", **headers: str) -> httpx.Response:
        all_headers = {**sign_request(self.keys, self.device_id, method, path, body), **headers}
        return self.http.request(method, path, content=body, headers=all_headers)

    def enroll(self, code: str) -> httpx.Response:
        body = json.dumps({"code": code, "device_id": self.device_id, "keys": self.keys.public.to_dict(),
                           "name": self.name, "app_version": "0.1.0"}).encode()
        response = self.signed("POST", "/api/v1/enroll", body, **{"Content-Type": "application/json"})
        if response.status_code == 201:
            data = response.json()
            self.cell_id = data["cell_id"]
            self.server_box = data["server_keys"]["box"]
        return response

    def op(self, entity: str, entity_id: str | None = None, cell_id: str | None = None, op: str | None = None,
           base_rev: int | None = None, **fields: Any) -> Op:
        """The next change-log row of this laptop for a record (rev bumps locally by one)."""
        entity_id = entity_id or str(uuid.uuid4())
        cell = cell_id or self.cell_id
        rev = self.revs.get((entity, entity_id), 0) + 1
        self.revs[(entity, entity_id)] = rev
        self.seq += 1
        kind = op or ("insert" if rev == 1 else "update")
        snapshot = {"id": entity_id, "cell_id": cell, "rev": rev, **fields}
        return Op(device_id=self.device_id, seq=self.seq, entity=entity, entity_id=entity_id, cell_id=cell,
                  rev=rev, base_rev=rev - 1 if base_rev is None else base_rev, op=kind, snapshot=snapshot,
                  at=dt.datetime.now(dt.timezone.utc).isoformat(), schema_version="test-1")

    def envelope(self, ops: list[Op], cell_id: str | None = None) -> bytes:
        return seal_ops(ops, sender_keys=self.keys, device_id=self.device_id, recipient_box=self.server_box,
                        cell_id=cell_id or self.cell_id, schema_version="test-1").to_bytes()

    def push_bytes(self, body: bytes, cell_id: str | None = None) -> httpx.Response:
        return self.signed("POST", f"/api/v1/cells/{cell_id or self.cell_id}/batches", body,
                           **{"Content-Type": "application/vnd.cellsec-sync"})

    def push(self, ops: list[Op]) -> httpx.Response:
        return self.push_bytes(self.envelope(ops))

    def pull(self, since: int = 0, limit: int = 1000, cell_id: str | None = None) -> httpx.Response:
        return self.signed("GET", f"/api/v1/cells/{cell_id or self.cell_id}/changes?since={since}&limit={limit}")

    def pull_all(self, since: int = 0, limit: int = 1000) -> tuple[list[dict], int]:
        changes: list[dict] = []
        while True:
            page = self.pull(since, limit)
            page.raise_for_status()
            data = page.json()
            changes += data["changes"]
            since = data["cursor"]
            if not data["more"]:
                return changes, since
