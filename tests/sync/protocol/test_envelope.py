import hashlib
import json

import pytest

from cellsec.sync.protocol.envelope import (
    Envelope, Manifest, open_envelope, open_ops, read_file, seal, seal_ops, write_file,
)
from cellsec.sync.protocol.errors import ProtocolError
from cellsec.sync.protocol.keys import KeyPair
from cellsec.sync.protocol.ops import Op


def ops(n=3, device="dev-1", cell="c-1"):
    return [Op(device_id=device, seq=i, entity="members", entity_id=f"m-{i}", cell_id=cell, rev=1, base_rev=0,
               op="insert", snapshot={"id": f"m-{i}", "ghi_chu": "Đảng viên mới " * 20}, schema_version="s1")
            for i in range(1, n + 1)]


@pytest.fixture
def parties():
    return KeyPair.generate(), KeyPair.generate()


def test_push_round_trip(parties):
    device, server = parties
    env = seal_ops(ops(), sender_keys=device, device_id="dev-1", recipient_box=server.public.box, cell_id="c-1",
                   cursor=42, app_version="0.1.0", schema_version="s1")
    again = Envelope.from_bytes(env.to_bytes())
    assert again.manifest.sender == "dev-1"
    manifest = again.verify(device.public.sign)
    assert (manifest.seq_first, manifest.seq_last, manifest.cursor, manifest.op_count) == (1, 3, 42, 3)
    assert manifest.payload_sha256 == hashlib.sha256(again.payload).hexdigest()
    assert open_ops(again, manifest, server) == ops()


def test_payload_is_compressed_and_encrypted(parties):
    device, server = parties
    env = seal_ops(ops(50), sender_keys=device, device_id="dev-1", recipient_box=server.public.box, cell_id="c-1")
    plain = b"".join(o.canonical() for o in ops(50))
    assert len(env.payload) < len(plain) / 5
    assert "Đảng".encode() not in env.to_bytes() and b"m-1" not in env.payload


def test_manifest_is_json_with_the_documented_fields(parties):
    device, server = parties
    env = seal_ops(ops(), sender_keys=device, device_id="dev-1", recipient_box=server.public.box, cell_id="c-1")
    data = json.loads(env.manifest_bytes)
    assert data["format"] == "cellsec-sync" and data["format_version"] == 1
    assert set(data) >= {"batch_id", "from", "cell_id", "seq", "cursor", "app_version", "schema_version",
                         "created_at", "payload"}
    assert data["payload"]["encryption"]["algorithm"].startswith("X25519")


def flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 1]) + data[index + 1:]


def test_tampered_manifest_payload_or_truncation_is_refused_with_a_reason(parties):
    device, server = parties
    data = seal_ops(ops(), sender_keys=device, device_id="dev-1", recipient_box=server.public.box,
                    cell_id="c-1").to_bytes()
    manifest_at = data.index(b'"batch_id"') + 14
    with pytest.raises(ProtocolError) as err:
        open_envelope(flip(data, manifest_at), device.public.sign, server)
    assert err.value.code in ("bad_signature", "bad_manifest")
    with pytest.raises(ProtocolError) as err:
        open_envelope(flip(data, len(data) - 5), device.public.sign, server)
    assert err.value.code == "bad_digest"
    with pytest.raises(ProtocolError) as err:
        open_envelope(data[:-10], device.public.sign, server)
    assert err.value.code == "truncated" and "10 byte" in str(err.value)
    with pytest.raises(ProtocolError) as err:
        open_envelope(data + b"x", device.public.sign, server)
    assert err.value.code == "trailing_data"
    with pytest.raises(ProtocolError) as err:
        open_envelope(b"PK\x03\x04 a zip file", device.public.sign, server)
    assert err.value.code == "not_sync_file"


def test_foreign_sender_or_recipient_is_refused(parties):
    device, server = parties
    data = seal_ops(ops(), sender_keys=device, device_id="dev-1", recipient_box=server.public.box,
                    cell_id="c-1").to_bytes()
    with pytest.raises(ProtocolError) as err:
        open_envelope(data, KeyPair.generate().public.sign, server)
    assert err.value.code == "bad_signature"
    with pytest.raises(ProtocolError) as err:
        open_envelope(data, device.public.sign, KeyPair.generate())
    assert err.value.code == "wrong_recipient"


def test_forged_ciphertext_with_matching_digest_fails_authentication(parties):
    """Re-signing a manifest needs the device key; an attacker who has it still cannot change the payload
    without the AEAD tag failing (here: a payload sealed for another batch id)."""
    device, server = parties
    env = seal_ops(ops(), sender_keys=device, device_id="dev-1", recipient_box=server.public.box, cell_id="c-1")
    other = seal_ops(ops(), sender_keys=device, device_id="dev-1", recipient_box=server.public.box, cell_id="c-1")
    manifest = Manifest.from_bytes(env.manifest_bytes)
    swapped = json.loads(other.manifest_bytes)
    swapped["batch_id"] = manifest.batch_id
    forged_bytes = json.dumps(swapped, sort_keys=True, separators=(",", ":")).encode()
    forged = Envelope(forged_bytes, device.sign(forged_bytes), other.payload)
    with pytest.raises(ProtocolError) as err:
        open_ops(forged, forged.verify(device.public.sign), server)
    assert err.value.code == "decrypt_failed"


def test_ops_outside_the_declared_range_or_cell_are_refused(parties):
    device, server = parties
    from cellsec.sync.protocol.ops import encode_ops
    env = seal(encode_ops(ops(cell="c-2")), sender_keys=device, sender="dev-1", recipient_box=server.public.box,
               cell_id="c-1", seq_first=1, seq_last=3, op_count=3)
    with pytest.raises(ProtocolError) as err:
        open_ops(env, env.verify(device.public.sign), server)
    assert err.value.code == "bad_manifest"


def test_newer_format_is_refused_with_update_advice(parties):
    device, server = parties
    env = seal_ops(ops(), sender_keys=device, device_id="dev-1", recipient_box=server.public.box, cell_id="c-1")
    data = json.loads(env.manifest_bytes)
    data["format_version"] = 9
    raw = json.dumps(data).encode()
    with pytest.raises(ProtocolError) as err:
        Envelope(raw, device.sign(raw), env.payload).verify(device.public.sign)
    assert err.value.code == "newer_format" and "cập nhật" in str(err.value)


def test_usb_file_is_the_same_envelope(parties, tmp_path):
    device, server = parties
    env = seal_ops(ops(), sender_keys=device, device_id="dev-1", recipient_box=server.public.box, cell_id="c-1")
    path = tmp_path / "chi-bo.cellsec-sync"
    write_file(path, env)
    assert path.read_bytes() == env.to_bytes()
    assert not (tmp_path / "chi-bo.cellsec-sync.part").exists()
    back = read_file(path)
    assert open_ops(back, back.verify(device.public.sign), server) == ops()


def test_answer_round_trip_and_shape_checks(parties):
    from cellsec.sync.protocol.envelope import open_answer, seal_answer
    device, server = parties
    changes = [{"seq": 1, "entity": "classification_decisions", "entity_id": "d-1", "rev": 1,
                "snapshot": {"level": "htt", "decision_number": "12-QĐ/ĐU"}}]
    env = seal_answer({"summary": {"applied": 3}}, changes, server_keys=server, recipient_box=device.public.box,
                      cell_id="c-1", cursor=7)
    back = Envelope.from_bytes(env.to_bytes())
    manifest = back.verify(server.public.sign)
    assert (manifest.kind, manifest.sender, manifest.cursor) == ("answer", "server", 7)
    answer, got = open_answer(back, manifest, device)
    assert answer["summary"] == {"applied": 3} and got[0]["snapshot"]["decision_number"] == "12-QĐ/ĐU"
    push = seal_ops(ops(), sender_keys=device, device_id="dev-1", recipient_box=server.public.box, cell_id="c-1")
    with pytest.raises(ProtocolError):
        open_answer(push, push.verify(device.public.sign), server)
