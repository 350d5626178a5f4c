"""The sync envelope: one byte string for an HTTP push body and for a `.cellsec-sync` USB file.

Layout (all integers big-endian):

    MAGIC (13 bytes "CELLSEC-SYNC\\n") | container version (1 byte)
    | manifest length (4) | manifest (canonical JSON, UTF-8)
    | signature length (2) | Ed25519 signature of the manifest bytes
    | payload length (8) | payload

The payload is JSON lines (ops), zlib-compressed, then encrypted to the recipient's X25519 key:
an ephemeral X25519 key agreement, HKDF-SHA256 to a 256-bit key, ChaCha20-Poly1305 (authenticated
encryption; the associated data binds batch, cell and sender). The manifest names the ephemeral key, the
nonce, the recipient key and the SHA-256 of the encrypted payload, and the manifest is signed, so a
changed byte anywhere is caught: in the manifest by the signature, in the payload by the digest (before
any decryption is tried), and a file cut short by the lengths. zlib rather than zstd: it is in the
standard library and the payload is small text, so one dependency fewer for the desktop build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import struct
import uuid
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from cellsec.domain.messages import Msg
from cellsec.files import private_opener

from .errors import (
    BAD_DIGEST, BAD_MANIFEST, BAD_SIGNATURE, DECRYPT_FAILED, NEWER_FORMAT, NOT_SYNC_FILE, TOO_LARGE, TRAILING,
    TRUNCATED, WRONG_RECIPIENT, ProtocolError,
)
from .keys import KeyPair, b64d, b64e, load_box_public, load_sign_public
from .ops import Op, decode_ops, encode_ops

MAGIC = b"CELLSEC-SYNC\n"
CONTAINER_VERSION = 1
FORMAT = "cellsec-sync"
FORMAT_VERSION = 1
FILE_SUFFIX = ".cellsec-sync"
ALGORITHM = "X25519-HKDF-SHA256/ChaCha20-Poly1305"
COMPRESSION = "zlib"
KINDS = ("ops", "answer", "enrol")  # enrol: a laptop answering an invitation file (invitation.py)
MAX_ENVELOPE_BYTES = 64 * 1024 * 1024
MAX_PLAINTEXT_BYTES = 256 * 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024
_HEAD = struct.Struct(">13sBI")

D_FIELD = Msg("trường '{field}' thiếu hoặc sai kiểu", "field '{field}' is missing or of the wrong type")
D_JSON = Msg("không đọc được JSON", "unreadable JSON")
D_OPS = Msg("thay đổi không thuộc máy gửi, chi bộ hoặc khoảng số thứ tự đã khai",
            "a change does not belong to the declared device, cell or sequence range")


@dataclass(frozen=True)
class Manifest:
    batch_id: str
    kind: str                 # "ops": a sender's changes; "answer": results + changes going back; "enrol"
    sender: str               # device id, or "server" for the committee server
    cell_id: str
    seq_first: int | None
    seq_last: int | None
    cursor: int               # the sender's pull cursor when it built the batch
    app_version: str
    schema_version: str
    created_at: str
    op_count: int
    payload_sha256: str
    payload_size: int
    recipient: str            # base64url X25519 public key the payload is encrypted to
    ephemeral: str
    nonce: str
    compression: str = COMPRESSION
    algorithm: str = ALGORITHM
    format_version: int = FORMAT_VERSION
    # The head of the sender's finalised-document chain, {"device", "count", "head"} (optional; receivers
    # that do not know it ignore it): the server can tell a chain cut short or recomputed on the laptop.
    chain: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return ({"chain": self.chain} if self.chain else {}) | {
            "format": FORMAT, "format_version": self.format_version, "kind": self.kind,
            "batch_id": self.batch_id, "from": self.sender, "cell_id": self.cell_id,
            "seq": {"first": self.seq_first, "last": self.seq_last}, "cursor": self.cursor,
            "app_version": self.app_version, "schema_version": self.schema_version,
            "created_at": self.created_at, "op_count": self.op_count,
            "payload": {
                "sha256": self.payload_sha256, "size": self.payload_size, "compression": self.compression,
                "encryption": {"algorithm": self.algorithm, "recipient": self.recipient,
                               "ephemeral": self.ephemeral, "nonce": self.nonce},
            },
        }

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> Manifest:
        def bad(detail: Msg, **params: object) -> ProtocolError:
            return ProtocolError("bad_manifest", BAD_MANIFEST, detail=detail.format(**params))

        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise bad(D_JSON) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ProtocolError("not_sync_file", NOT_SYNC_FILE)
        version = data.get("format_version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise bad(D_FIELD, field="format_version")
        if version > FORMAT_VERSION:
            raise ProtocolError("newer_format", NEWER_FORMAT, version=version)

        def get(path: str, kinds: type | tuple[type, ...]) -> Any:
            node: Any = data
            for part in path.split("."):
                node = node.get(part) if isinstance(node, dict) else None
            if isinstance(node, bool) and bool not in (kinds if isinstance(kinds, tuple) else (kinds,)):
                raise bad(D_FIELD, field=path)
            if not isinstance(node, kinds):
                raise bad(D_FIELD, field=path)
            return node

        kind = get("kind", str)
        if kind not in KINDS:
            raise bad(D_FIELD, field="kind")
        encryption = "payload.encryption"
        manifest = cls(
            batch_id=get("batch_id", str), kind=kind, sender=get("from", str), cell_id=get("cell_id", str),
            seq_first=get("seq.first", (int, type(None))), seq_last=get("seq.last", (int, type(None))),
            cursor=get("cursor", int), app_version=get("app_version", str),
            schema_version=get("schema_version", str), created_at=get("created_at", str),
            op_count=get("op_count", int), payload_sha256=get("payload.sha256", str),
            payload_size=get("payload.size", int), compression=get("payload.compression", str),
            algorithm=get(f"{encryption}.algorithm", str), recipient=get(f"{encryption}.recipient", str),
            ephemeral=get(f"{encryption}.ephemeral", str), nonce=get(f"{encryption}.nonce", str),
            format_version=version, chain=_chain_of(data.get("chain"), bad),
        )
        if manifest.compression != COMPRESSION:
            raise bad(D_FIELD, field="payload.compression")
        if manifest.algorithm != ALGORITHM:
            raise bad(D_FIELD, field=f"{encryption}.algorithm")
        return manifest


def _chain_of(value: Any, bad) -> dict[str, Any] | None:
    if value is None:
        return None
    if (not isinstance(value, dict) or not isinstance(value.get("device"), str)
            or isinstance(value.get("count"), bool) or not isinstance(value.get("count"), int)
            or not isinstance(value.get("head"), str)):
        raise bad(D_FIELD, field="chain")
    return {"device": value["device"][:36], "count": value["count"], "head": value["head"][:64]}


def _aad(manifest_batch: str, cell_id: str, sender: str) -> bytes:
    return f"{FORMAT}/{FORMAT_VERSION}|{manifest_batch}|{cell_id}|{sender}".encode()


def _key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient,
                info=b"cellsec-sync/1 payload").derive(shared)


@dataclass(frozen=True)
class Envelope:
    manifest_bytes: bytes
    signature: bytes
    payload: bytes

    @property
    def manifest(self) -> Manifest:
        """The manifest as received, NOT yet verified: use it only to find the sender's key."""
        return Manifest.from_bytes(self.manifest_bytes)

    def to_bytes(self) -> bytes:
        return b"".join([
            _HEAD.pack(MAGIC, CONTAINER_VERSION, len(self.manifest_bytes)), self.manifest_bytes,
            struct.pack(">H", len(self.signature)), self.signature,
            struct.pack(">Q", len(self.payload)), self.payload,
        ])

    @classmethod
    def from_bytes(cls, data: bytes) -> Envelope:
        if len(data) > MAX_ENVELOPE_BYTES:
            raise ProtocolError("too_large", TOO_LARGE, size=len(data), limit=MAX_ENVELOPE_BYTES)
        if len(data) < len(MAGIC) or not data.startswith(MAGIC):
            raise ProtocolError("not_sync_file", NOT_SYNC_FILE)
        pos = 0

        def take(n: int) -> bytes:
            nonlocal pos
            if pos + n > len(data):
                raise ProtocolError("truncated", TRUNCATED, missing=pos + n - len(data))
            chunk = data[pos:pos + n]
            pos += n
            return chunk

        _, container, manifest_len = _HEAD.unpack(take(_HEAD.size))
        if container > CONTAINER_VERSION:
            raise ProtocolError("newer_format", NEWER_FORMAT, version=container)
        if manifest_len > MAX_MANIFEST_BYTES:
            raise ProtocolError("too_large", TOO_LARGE, size=manifest_len, limit=MAX_MANIFEST_BYTES)
        manifest_bytes = take(manifest_len)
        (sig_len,) = struct.unpack(">H", take(2))
        signature = take(sig_len)
        (payload_len,) = struct.unpack(">Q", take(8))
        payload = take(payload_len)
        if pos != len(data):
            raise ProtocolError("trailing_data", TRAILING)
        return cls(manifest_bytes, signature, payload)

    def verify(self, sender_sign_public: str | Ed25519PublicKey) -> Manifest:
        """Check the signature and the payload digest; returns the manifest, now trustworthy."""
        key = load_sign_public(sender_sign_public) if isinstance(sender_sign_public, str) else sender_sign_public
        try:
            key.verify(self.signature, self.manifest_bytes)
        except InvalidSignature:
            raise ProtocolError("bad_signature", BAD_SIGNATURE) from None
        manifest = Manifest.from_bytes(self.manifest_bytes)
        if (hashlib.sha256(self.payload).hexdigest() != manifest.payload_sha256
                or len(self.payload) != manifest.payload_size):
            raise ProtocolError("bad_digest", BAD_DIGEST)
        return manifest

    def decrypt(self, manifest: Manifest, recipient: KeyPair) -> bytes:
        """The plaintext JSON lines (call `verify` first and pass the manifest it returned)."""
        if manifest.recipient != recipient.public.box:
            raise ProtocolError("wrong_recipient", WRONG_RECIPIENT)
        try:
            ephemeral = b64d(manifest.ephemeral)
            nonce = b64d(manifest.nonce)
            shared = recipient.box_key.exchange(load_box_public(manifest.ephemeral))
            key = _key(shared, ephemeral, b64d(manifest.recipient))
            compressed = ChaCha20Poly1305(key).decrypt(
                nonce, self.payload, _aad(manifest.batch_id, manifest.cell_id, manifest.sender))
            inflater = zlib.decompressobj()
            plain = inflater.decompress(compressed, MAX_PLAINTEXT_BYTES)
            if inflater.unconsumed_tail or not inflater.eof:
                raise ValueError("payload too large or incomplete")
        except (InvalidTag, ValueError, zlib.error, ProtocolError):
            raise ProtocolError("decrypt_failed", DECRYPT_FAILED) from None
        return plain


def seal(lines: bytes, *, sender_keys: KeyPair, sender: str, recipient_box: str, cell_id: str,
         kind: str = "ops", seq_first: int | None = None, seq_last: int | None = None, cursor: int = 0,
         op_count: int = 0, app_version: str = "", schema_version: str = "", batch_id: str | None = None,
         created_at: dt.datetime | None = None, chain: dict[str, Any] | None = None) -> Envelope:
    """Compress, encrypt to `recipient_box` and sign a payload of JSON lines."""
    recipient_raw = b64d(recipient_box)
    recipient_key = load_box_public(recipient_box)
    ephemeral_key = X25519PrivateKey.generate()
    ephemeral_raw = ephemeral_key.public_key().public_bytes(serialization.Encoding.Raw,
                                                            serialization.PublicFormat.Raw)
    nonce = os.urandom(12)
    batch_id = batch_id or str(uuid.uuid4())
    key = _key(ephemeral_key.exchange(recipient_key), ephemeral_raw, recipient_raw)
    payload = ChaCha20Poly1305(key).encrypt(nonce, zlib.compress(lines, 6), _aad(batch_id, cell_id, sender))
    created = (created_at or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds")
    manifest = Manifest(
        batch_id=batch_id, kind=kind, sender=sender, cell_id=cell_id, seq_first=seq_first, seq_last=seq_last,
        cursor=cursor, app_version=app_version, schema_version=schema_version, created_at=created,
        op_count=op_count, payload_sha256=hashlib.sha256(payload).hexdigest(), payload_size=len(payload),
        recipient=recipient_box, ephemeral=b64e(ephemeral_raw), nonce=b64e(nonce), chain=chain,
    )
    manifest_bytes = manifest.to_bytes()
    return Envelope(manifest_bytes, sender_keys.sign(manifest_bytes), payload)


def seal_ops(ops: Iterable[Op], *, sender_keys: KeyPair, device_id: str, recipient_box: str, cell_id: str,
             cursor: int = 0, app_version: str = "", schema_version: str = "",
             batch_id: str | None = None, chain: dict[str, Any] | None = None) -> Envelope:
    """The envelope of a push: the device's ops, which must all be its own and of its cell."""
    ops = list(ops)
    seqs = [op.seq for op in ops]
    return seal(encode_ops(ops), sender_keys=sender_keys, sender=device_id, recipient_box=recipient_box,
                cell_id=cell_id, kind="ops", seq_first=min(seqs) if seqs else None,
                seq_last=max(seqs) if seqs else None, cursor=cursor, op_count=len(ops),
                app_version=app_version, schema_version=schema_version, batch_id=batch_id, chain=chain)


def open_ops(envelope: Envelope, manifest: Manifest, recipient: KeyPair) -> list[Op]:
    """Decrypt a verified push and check every op belongs to the declared device, cell and seq range."""
    ops = decode_ops(envelope.decrypt(manifest, recipient))
    if len(ops) != manifest.op_count:
        raise ProtocolError("bad_manifest", BAD_MANIFEST, detail=D_FIELD.format(field="op_count"))
    for op in ops:
        if (op.device_id != manifest.sender or op.cell_id != manifest.cell_id
                or manifest.seq_first is None or manifest.seq_last is None
                or not manifest.seq_first <= op.seq <= manifest.seq_last):
            raise ProtocolError("bad_manifest", BAD_MANIFEST, detail=D_OPS.format())
    return ops


def open_envelope(data: bytes, sender_sign_public: str, recipient: KeyPair) -> tuple[Manifest, bytes]:
    """Parse, verify and decrypt in one step: (manifest, plaintext JSON lines)."""
    envelope = Envelope.from_bytes(data)
    manifest = envelope.verify(sender_sign_public)
    return manifest, envelope.decrypt(manifest, recipient)


D_ANSWER = Msg("phần trả lời của cấp trên không đúng cấu trúc", "the committee's answer is malformed")


def seal_answer(answer: dict[str, Any], changes: list[dict[str, Any]], *, server_keys: KeyPair, recipient_box: str,
                cell_id: str, cursor: int, batch_id: str | None = None) -> Envelope:
    """The committee's answer to a transfer file: the per-op results of the imported batch, then every
    change for the cell since the sender's cursor, sealed to the device and signed by the server."""
    lines = [json.dumps({"type": "answer", **answer}, ensure_ascii=False, sort_keys=True).encode()]
    lines += [json.dumps({"type": "change", **c}, ensure_ascii=False, sort_keys=True).encode() for c in changes]
    return seal(b"\n".join(lines) + b"\n", sender_keys=server_keys, sender="server", recipient_box=recipient_box,
                cell_id=cell_id, kind="answer", cursor=cursor, op_count=len(changes), batch_id=batch_id)


def open_answer(envelope: Envelope, manifest: Manifest, recipient: KeyPair) -> tuple[dict[str, Any], list[dict]]:
    """(answer, changes) of a verified answer envelope; `manifest.cursor` is the new pull cursor."""
    if manifest.kind != "answer":
        raise ProtocolError("bad_manifest", BAD_MANIFEST, detail=D_ANSWER.format())
    try:
        records = [json.loads(line) for line in envelope.decrypt(manifest, recipient).splitlines() if line.strip()]
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        raise ProtocolError("bad_manifest", BAD_MANIFEST, detail=D_ANSWER.format()) from None
    if (not records or not all(isinstance(r, dict) for r in records) or records[0].get("type") != "answer"
            or any(r.get("type") != "change" for r in records[1:]) or len(records) - 1 != manifest.op_count):
        raise ProtocolError("bad_manifest", BAD_MANIFEST, detail=D_ANSWER.format())
    return records[0], records[1:]


def write_file(path: str | os.PathLike, envelope: Envelope) -> None:
    """Write a `.cellsec-sync` transfer file atomically (a half-written file never has the final name)."""
    target = os.fspath(path)
    temp = target + ".part"
    with open(temp, "wb", opener=private_opener) as fh:  # the user's alone (0600), like the database
        fh.write(envelope.to_bytes())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temp, target)


def read_file(path: str | os.PathLike) -> Envelope:
    with open(path, "rb") as fh:
        data = fh.read(MAX_ENVELOPE_BYTES + 1)
    return Envelope.from_bytes(data)
