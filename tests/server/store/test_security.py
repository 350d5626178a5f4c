import datetime as dt

import pytest
from sqlalchemy import select

from cellsec.server.errors import ServerError
from cellsec.server.store import admin
from cellsec.server.store.models import SecurityEvent
from cellsec.server.store.security import authenticate, check_cell
from cellsec.sync.protocol.signing import sign_request

PATH = "/api/v1/cells/c/changes?since=0"


def events(store):
    with store.transaction() as s:
        return [e.kind for e in s.scalars(select(SecurityEvent).order_by(SecurityEvent.id))]


@pytest.fixture
def device(make_cell, enroll):
    cell_id, code = make_cell()
    device_id, keys = enroll(code)
    return cell_id, device_id, keys


def test_signed_request_passes_once_then_is_a_replay(store, device):
    cell_id, device_id, keys = device
    headers = sign_request(keys, device_id, "GET", PATH)
    assert authenticate(store, "GET", PATH, headers, b"", "127.0.0.1").cell_id == cell_id
    with pytest.raises(ServerError) as err:
        authenticate(store, "GET", PATH, headers, b"", "127.0.0.1")
    assert err.value.code == "replay"
    assert events(store) == ["replay"]


def test_signature_body_clock_and_unknown_device(store, device):
    _, device_id, keys = device
    headers = sign_request(keys, device_id, "POST", PATH, b"body")
    with pytest.raises(ServerError) as err:
        authenticate(store, "POST", PATH, headers, b"b0dy", "127.0.0.1")
    assert err.value.code == "bad_request_signature" and err.value.status == 401
    old = sign_request(keys, device_id, "GET", PATH, now=dt.datetime.now().timestamp() - 3600)
    with pytest.raises(ServerError) as err:
        authenticate(store, "GET", PATH, old, b"", "127.0.0.1")
    assert err.value.code == "clock_skew" and "đồng hồ" in str(err.value).lower()
    with pytest.raises(ServerError) as err:
        authenticate(store, "GET", PATH, sign_request(keys, "someone-else", "GET", PATH), b"", "127.0.0.1")
    assert err.value.code == "unknown_device"
    with pytest.raises(ServerError) as err:
        authenticate(store, "GET", PATH, {}, b"", "127.0.0.1")
    assert err.value.code == "bad_request_auth"
    assert events(store) == ["bad_request_signature", "clock_skew", "unknown_device", "bad_request_auth"]


def test_revoked_device_is_refused(store, device):
    _, device_id, keys = device
    with store.transaction() as s:
        admin.revoke_device(s, device_id)
    with pytest.raises(ServerError) as err:
        authenticate(store, "GET", PATH, sign_request(keys, device_id, "GET", PATH), b"", "127.0.0.1")
    assert err.value.code == "revoked" and err.value.status == 403 and "thu hồi" in str(err.value)


def test_other_cell_is_403_and_logged(store, device, make_cell):
    cell_id, device_id, keys = device
    other, _ = make_cell("Chi bộ khác")
    me = authenticate(store, "GET", PATH, sign_request(keys, device_id, "GET", PATH), b"", "127.0.0.1")
    check_cell(store, me, cell_id, "127.0.0.1", "pull")
    with pytest.raises(ServerError) as err:
        check_cell(store, me, other, "127.0.0.1", "pull")
    assert err.value.status == 403 and err.value.code == "other_cell"
    with store.transaction() as s:
        event = s.scalars(select(SecurityEvent)).one()
        assert (event.kind, event.device_id, event.cell_id) == ("other_cell", device_id, other)
