"""Store-level test helpers: a laptop's change log (Outbox) and applying a batch without HTTP."""

from __future__ import annotations

import uuid

from cellsec.server.store import batches
from cellsec.sync.protocol.envelope import Manifest
from cellsec.sync.protocol.ops import Op as WireOp


class Outbox:
    """A laptop's change log for store-level tests."""

    def __init__(self, device_id, cell_id):
        self.device_id, self.cell_id, self.seq, self.revs = device_id, cell_id, 0, {}

    def op(self, entity="members", entity_id=None, cell_id=None, base_rev=None, **fields):
        entity_id = entity_id or str(uuid.uuid4())
        rev = self.revs.get((entity, entity_id), 0) + 1
        self.revs[(entity, entity_id)] = rev
        self.seq += 1
        cell = cell_id or self.cell_id
        return WireOp(device_id=self.device_id, seq=self.seq, entity=entity, entity_id=entity_id, cell_id=cell,
                      rev=rev, base_rev=rev - 1 if base_rev is None else base_rev,
                      op="insert" if rev == 1 else "update", snapshot={"id": entity_id, "cell_id": cell, **fields})


def manifest(ops, batch_id=None):
    return Manifest(batch_id=batch_id or str(uuid.uuid4()), kind="ops", sender=ops[0].device_id if ops else "d",
                    cell_id=ops[0].cell_id if ops else "c", seq_first=min(o.seq for o in ops) if ops else None,
                    seq_last=max(o.seq for o in ops) if ops else None, cursor=0, app_version="", schema_version="",
                    created_at="", op_count=len(ops), payload_sha256="", payload_size=0, recipient="", ephemeral="",
                    nonce="")


def apply(store, device_id, ops, batch_id=None):
    with store.transaction() as s:
        return batches.apply_batch(s, device_id, manifest(ops, batch_id), ops)
