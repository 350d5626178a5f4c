from __future__ import annotations

import uuid

import pytest

from cellsec.server.store import admin, enrollment
from cellsec.sync.protocol.keys import KeyPair

from .outbox import Outbox


@pytest.fixture
def committee(store):
    with store.transaction() as s:
        return admin.add_committee(s, "Đảng ủy Khối cơ quan").id


@pytest.fixture
def make_cell(store, committee):
    def make(name: str = "Chi bộ Kỹ thuật") -> tuple[str, str]:
        with store.transaction() as s:
            cell, code = admin.add_cell(s, committee, name)
            return cell.id, code
    return make


@pytest.fixture
def enroll(store):
    def do(code: str, client: str = "10.0.0.1") -> tuple[str, KeyPair]:
        keys = KeyPair.generate()
        device_id = str(uuid.uuid4())
        with store.transaction() as s:
            answer, error = enrollment.enroll(s, store.keys, enrollment.EnrollRequest(code, device_id, keys.public),
                                              client)
        assert error is None, error
        return device_id, keys
    return do


@pytest.fixture
def laptops(make_cell, enroll, store):
    cell_id, code = make_cell()
    a, _ = enroll(code)
    with store.transaction() as s:
        code2 = admin.new_enrollment_code(s, cell_id)
    b, _ = enroll(code2)
    return cell_id, Outbox(a, cell_id), Outbox(b, cell_id)
