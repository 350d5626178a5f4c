import datetime as dt
import json
from types import SimpleNamespace

import pytest

from cellsec.sync.protocol.errors import ProtocolError
from cellsec.sync.protocol.ops import Op, decode_ops, encode_ops


def op(**kw):
    base = dict(device_id="dev-1", seq=1, entity="members", entity_id="m-1", cell_id="c-1", rev=1, base_rev=0,
                op="insert", snapshot={"id": "m-1", "cell_id": "c-1", "full_name": "Nguyễn Văn Ánh"},
                at="2026-01-02T03:04:05+00:00", schema_version="0001")
    base.update(kw)
    return Op(**base)


def test_change_log_row_becomes_op_with_base_rev():
    row = SimpleNamespace(seq=7, entity="members", entity_id="m-1", cell_id="c-1", rev=3, op="update",
                          snapshot=json.dumps({"id": "m-1", "cell_id": "c-1"}), device_id="dev-1",
                          at=dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc))
    made = Op.from_change_log(row, schema_version="abc")
    assert (made.seq, made.rev, made.base_rev, made.schema_version) == (7, 3, 2, "abc")
    assert made.snapshot == {"id": "m-1", "cell_id": "c-1"}
    assert made.at.startswith("2026-01-02T00:00:00")


def test_json_lines_round_trip_keeps_vietnamese_text():
    ops = [op(), op(seq=2, rev=2, base_rev=1, op="update")]
    data = encode_ops(ops)
    assert data.count(b"\n") == 2 and "Ánh".encode() in data
    assert decode_ops(data) == ops


@pytest.mark.parametrize("change", [
    {"rev": 1, "base_rev": 1},
    {"op": "merge"},
    {"entity": "Members; DROP"},
    {"snapshot": {"id": "other"}},
    {"snapshot": {"cell_id": "other-cell"}},
    {"seq": 0},
    {"seq": True},
    {"at": "yesterday"},
])
def test_invalid_ops_are_refused(change):
    data = op().to_dict()
    data.update(change)
    with pytest.raises(ProtocolError) as err:
        Op.from_dict(data, n=3)
    assert err.value.code == "bad_op"
    assert "số 3" in str(err.value)


def test_garbage_line_is_refused():
    with pytest.raises(ProtocolError):
        decode_ops(b'{"seq": \n')
