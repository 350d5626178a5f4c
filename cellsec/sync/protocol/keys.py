"""Key pairs of a device or a server: Ed25519 signs, X25519 receives encrypted payloads.

Two separate keys rather than one converted key: `cryptography` has no Ed25519→X25519 conversion, and
keeping signing and encryption keys apart is the usual advice anyway. Public keys travel as unpadded
base64url of their 32 raw bytes; a private key file holds both private keys as JSON (the caller decides
where it lives — on the laptop outside the database file, so a copied database is not a cloned device).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from .errors import BAD_KEY, ProtocolError

_RAW = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)
_RAW_PRIVATE = (serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64d(text: str) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not a string")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def load_sign_public(text: str) -> Ed25519PublicKey:
    try:
        raw = b64d(text)
        if len(raw) != 32:
            raise ValueError("length")
        return Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise ProtocolError("bad_key", BAD_KEY) from None


def load_box_public(text: str) -> X25519PublicKey:
    try:
        raw = b64d(text)
        if len(raw) != 32:
            raise ValueError("length")
        return X25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise ProtocolError("bad_key", BAD_KEY) from None


@dataclass(frozen=True)
class PublicKeys:
    """What a party publishes: its signature-checking key and its encryption key (base64url text)."""

    sign: str
    box: str

    def to_dict(self) -> dict[str, str]:
        return {"sign": self.sign, "box": self.box}

    @classmethod
    def from_dict(cls, data: object) -> PublicKeys:
        if not isinstance(data, dict) or not isinstance(data.get("sign"), str) or not isinstance(data.get("box"), str):
            raise ProtocolError("bad_key", BAD_KEY)
        keys = cls(sign=data["sign"], box=data["box"])
        load_sign_public(keys.sign)
        load_box_public(keys.box)
        return keys


@dataclass(frozen=True)
class KeyPair:
    sign_key: Ed25519PrivateKey
    box_key: X25519PrivateKey

    @classmethod
    def generate(cls) -> KeyPair:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @property
    def public(self) -> PublicKeys:
        return PublicKeys(
            sign=b64e(self.sign_key.public_key().public_bytes(*_RAW)),
            box=b64e(self.box_key.public_key().public_bytes(*_RAW)),
        )

    def sign(self, data: bytes) -> bytes:
        return self.sign_key.sign(data)

    def to_json(self) -> str:
        return json.dumps({
            "format": "cellsec-keys",
            "version": 1,
            "sign": b64e(self.sign_key.private_bytes(*_RAW_PRIVATE)),
            "box": b64e(self.box_key.private_bytes(*_RAW_PRIVATE)),
        })

    @classmethod
    def from_json(cls, text: str) -> KeyPair:
        try:
            data = json.loads(text)
            if data.get("format") != "cellsec-keys":
                raise ValueError("format")
            return cls(Ed25519PrivateKey.from_private_bytes(b64d(data["sign"])),
                       X25519PrivateKey.from_private_bytes(b64d(data["box"])))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise ProtocolError("bad_key", BAD_KEY) from None
