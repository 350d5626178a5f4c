"""Signed HTTP requests: every call to the committee server carries the device's Ed25519 signature over
(method, path with query, device id, time, nonce, SHA-256 of the body).

The signature holds even on plain HTTP (a test loopback); TLS in production adds confidentiality. The
receiver checks the signature, that the time is within a window of its clock, and (its own job, it keeps
the state) that the nonce was not seen before from that device.
"""

from __future__ import annotations

import hashlib
import os
import re
import time as _time
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature

from .errors import BAD_REQUEST_AUTH, BAD_REQUEST_SIGNATURE, CLOCK_SKEW, ProtocolError
from .keys import KeyPair, b64d, b64e, load_sign_public

H_DEVICE = "X-CellSec-Device"
H_TIME = "X-CellSec-Time"
H_NONCE = "X-CellSec-Nonce"
H_SIGNATURE = "X-CellSec-Signature"
TIME_WINDOW_S = 300
_NONCE = re.compile(r"^[A-Za-z0-9_\-]{16,64}$")
_DEVICE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,35}$")


@dataclass(frozen=True)
class SignedHeaders:
    device_id: str
    time: int
    nonce: str
    signature: str

    def to_dict(self) -> dict[str, str]:
        return {H_DEVICE: self.device_id, H_TIME: str(self.time), H_NONCE: self.nonce, H_SIGNATURE: self.signature}


def canonical_request(method: str, path: str, device_id: str, timestamp: int, nonce: str, body: bytes) -> bytes:
    return "\n".join([
        "CELLSEC-REQUEST-1", method.upper(), path, device_id, str(timestamp), nonce,
        hashlib.sha256(body).hexdigest(),
    ]).encode()


def sign_request(keys: KeyPair, device_id: str, method: str, path: str, body: bytes = b"",
                 now: float | None = None, nonce: str | None = None) -> dict[str, str]:
    """The headers to add to a request; `path` includes the query string exactly as sent."""
    timestamp = int(_time.time() if now is None else now)
    nonce = nonce or b64e(os.urandom(18))
    signature = keys.sign(canonical_request(method, path, device_id, timestamp, nonce, body))
    return SignedHeaders(device_id, timestamp, nonce, b64e(signature)).to_dict()


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        value = headers.get(name.lower())
    return value


def parse_headers(headers: Mapping[str, str]) -> SignedHeaders:
    """Read the signing headers (not yet checked: use the device id to find its key, then `verify_request`)."""
    device = _header(headers, H_DEVICE)
    stamp = _header(headers, H_TIME)
    nonce = _header(headers, H_NONCE)
    signature = _header(headers, H_SIGNATURE)
    if (not device or not _DEVICE.match(device) or not stamp or not stamp.isdigit() or len(stamp) > 12
            or not nonce or not _NONCE.match(nonce) or not signature or len(signature) > 200):
        raise ProtocolError("bad_request_auth", BAD_REQUEST_AUTH)
    return SignedHeaders(device, int(stamp), nonce, signature)


def verify_request(signed: SignedHeaders, method: str, path: str, body: bytes, sign_public: str,
                   now: float | None = None, window: int = TIME_WINDOW_S) -> None:
    """Check the signature, then the time window (a wrong clock gets its own message)."""
    try:
        signature = b64d(signed.signature)
        load_sign_public(sign_public).verify(
            signature, canonical_request(method, path, signed.device_id, signed.time, signed.nonce, body))
    except (InvalidSignature, ValueError):
        raise ProtocolError("bad_request_signature", BAD_REQUEST_SIGNATURE) from None
    skew = signed.time - int(_time.time() if now is None else now)
    if abs(skew) > window:
        raise ProtocolError("clock_skew", CLOCK_SKEW, seconds=abs(skew))
