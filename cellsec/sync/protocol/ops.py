"""One op: a change-log row of the sender plus its base revision and schema version.

The laptop's `change_log` rows (cellsec/store/models/core.py ChangeLog: seq, entity = table name,
entity_id, cell_id, rev, op, snapshot JSON, device_id, at) are what is shipped; the op id is
(device_id, seq). `base_rev` is the revision the change was made on (the laptop bumps rev by one per
change, so it defaults to rev - 1), which is how the receiver detects two laptops editing one row.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cellsec.domain.messages import Msg

from .errors import BAD_OP, ProtocolError

OPS = ("insert", "update", "delete")
MAX_ID = 36
MAX_SNAPSHOT_BYTES = 1_000_000
_ENTITY = re.compile(r"^[a-z][a-z0-9_]{0,99}$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,35}$")

D_FIELD = Msg("trường '{field}' thiếu hoặc sai kiểu", "field '{field}' is missing or of the wrong type")
D_VALUE = Msg("trường '{field}' có giá trị không hợp lệ", "field '{field}' has an invalid value")
D_REV = Msg("rev phải lớn hơn base_rev", "rev must be greater than base_rev")
D_SNAPSHOT_ID = Msg("bản ghi trong snapshot không khớp '{field}' của thay đổi",
                    "the snapshot's record does not match the change's '{field}'")
D_SNAPSHOT_SIZE = Msg("snapshot quá lớn", "the snapshot is too large")
D_JSON = Msg("không đọc được JSON", "unreadable JSON")


@dataclass(frozen=True)
class Op:
    device_id: str
    seq: int
    entity: str
    entity_id: str
    cell_id: str
    rev: int
    base_rev: int
    op: str
    snapshot: dict[str, Any] = field(default_factory=dict)
    at: str = ""
    schema_version: str = ""

    @property
    def op_id(self) -> tuple[str, int]:
        return (self.device_id, self.seq)

    def to_dict(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id, "seq": self.seq, "entity": self.entity, "entity_id": self.entity_id,
            "cell_id": self.cell_id, "rev": self.rev, "base_rev": self.base_rev, "op": self.op,
            "snapshot": self.snapshot, "at": self.at, "schema_version": self.schema_version,
        }

    def canonical(self) -> bytes:
        """Stable bytes of the op: the receiver compares them to tell a resend from a different op."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()

    @classmethod
    def from_dict(cls, data: object, n: int = 1) -> Op:
        def bad(detail: Msg, **params: object) -> ProtocolError:
            return ProtocolError("bad_op", BAD_OP, n=n, detail=detail.format(**params))

        if not isinstance(data, dict):
            raise bad(D_FIELD, field="op")

        def text(key: str, pattern: re.Pattern | None = None, allow_empty: bool = False) -> str:
            value = data.get(key, "" if allow_empty else None)
            if not isinstance(value, str):
                raise bad(D_FIELD, field=key)
            if value == "" and allow_empty:
                return value
            if pattern is not None and not pattern.match(value):
                raise bad(D_VALUE, field=key)
            return value

        def integer(key: str, minimum: int) -> int:
            value = data.get(key)
            if isinstance(value, bool) or not isinstance(value, int):
                raise bad(D_FIELD, field=key)
            if value < minimum or value > 2**62:
                raise bad(D_VALUE, field=key)
            return value

        op = cls(
            device_id=text("device_id", _ID), seq=integer("seq", 1), entity=text("entity", _ENTITY),
            entity_id=text("entity_id", _ID), cell_id=text("cell_id", _ID), rev=integer("rev", 1),
            base_rev=integer("base_rev", 0), op=text("op"), snapshot=data.get("snapshot"),
            at=text("at", allow_empty=True), schema_version=text("schema_version", allow_empty=True),
        )
        if op.op not in OPS:
            raise bad(D_VALUE, field="op")
        if op.base_rev >= op.rev:
            raise bad(D_REV)
        if not isinstance(op.snapshot, dict):
            raise bad(D_FIELD, field="snapshot")
        if "id" in op.snapshot and op.snapshot["id"] != op.entity_id:
            raise bad(D_SNAPSHOT_ID, field="entity_id")
        if "cell_id" in op.snapshot and op.snapshot["cell_id"] != op.cell_id:
            raise bad(D_SNAPSHOT_ID, field="cell_id")
        if op.at:
            try:
                dt.datetime.fromisoformat(op.at)
            except ValueError:
                raise bad(D_VALUE, field="at") from None
        return op

    @classmethod
    def from_change_log(cls, row: Any, schema_version: str, base_rev: int | None = None) -> Op:
        """Build the op of one laptop change-log row (any object with the ChangeLog attributes)."""
        snapshot = row.snapshot if isinstance(row.snapshot, dict) else json.loads(row.snapshot)
        at = row.at.isoformat() if isinstance(row.at, dt.datetime) else str(row.at or "")
        return cls(
            device_id=row.device_id, seq=row.seq, entity=row.entity, entity_id=row.entity_id,
            cell_id=row.cell_id, rev=row.rev, base_rev=row.rev - 1 if base_rev is None else base_rev,
            op=row.op, snapshot=snapshot, at=at, schema_version=schema_version,
        )


def encode_ops(ops: Iterable[Op]) -> bytes:
    """JSON lines, one op per line, UTF-8."""
    return b"".join(op.canonical() + b"\n" for op in ops)


def decode_ops(data: bytes, limit: int = 100_000) -> list[Op]:
    out: list[Op] = []
    for n, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        if len(out) >= limit:
            raise ProtocolError("bad_op", BAD_OP, n=n, detail=D_VALUE.format(field="count"))
        if len(line) > MAX_SNAPSHOT_BYTES:
            raise ProtocolError("bad_op", BAD_OP, n=n, detail=D_SNAPSHOT_SIZE.format())
        try:
            raw = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise ProtocolError("bad_op", BAD_OP, n=n, detail=D_JSON.format()) from None
        out.append(Op.from_dict(raw, n))
    return out
