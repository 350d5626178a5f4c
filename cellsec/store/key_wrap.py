"""The database key sealed under a passphrase (the optional passphrase for shared laptops).

Without a passphrase the credential store (or the key file) holds the raw database key, and anyone who can
log in as this account opens the data. With one, it holds the key sealed: AES-256-GCM under a key derived
from the passphrase by scrypt (hashlib's, memory-hard: N=2^17, r=8, p=1 takes 128 MB and about 0.5 s on a
laptop, so guessing is slow even with the sealed text in hand). The parameters travel in the sealed text, so
a later version can raise them and still open what an older one sealed.

The database key itself never changes: setting, changing or removing the passphrase rewrites this one short
text, never the database or its backups.

Text form: `cellsec-wrapped-1$scrypt$LOG2N$R$P$SALT$NONCE$SEALED` (hex parts).
"""

from __future__ import annotations

import hashlib
import os
import unicodedata

PREFIX = "cellsec-wrapped-1$"
_AAD = b"CellSec database key"
_LOG2_N, _R, _P = 17, 8, 1
_MAX_LOG2_N = 22  # a damaged or hostile text cannot ask for more memory than a laptop has


class BadPassphrase(Exception):
    """The passphrase does not open the sealed key (or the sealed text is damaged)."""


def is_wrapped(text: str) -> bool:
    return text.strip().startswith(PREFIX)


def normalise(passphrase: str) -> bytes:
    # Telex/VNI keyboards may type the same letters composed or decomposed: one passphrase either way.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    n = 1 << log2_n
    return hashlib.scrypt(normalise(passphrase), salt=salt, n=n, r=r, p=p, dklen=32,
                          maxmem=130 * r * n * p + 16 * 1024 * 1024)


def wrap(key: bytes, passphrase: str) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_derive(passphrase, salt, _LOG2_N, _R, _P)).encrypt(nonce, key, _AAD)
    return PREFIX + "$".join(["scrypt", str(_LOG2_N), str(_R), str(_P), salt.hex(), nonce.hex(), sealed.hex()])


def unwrap(text: str, passphrase: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        kdf, log2_n, r, p, salt, nonce, sealed = text.strip()[len(PREFIX):].split("$")
        params = int(log2_n), int(r), int(p)
        salt_b, nonce_b, sealed_b = bytes.fromhex(salt), bytes.fromhex(nonce), bytes.fromhex(sealed)
    except ValueError as exc:
        raise BadPassphrase("damaged sealed key") from exc
    if kdf != "scrypt" or not (10 <= params[0] <= _MAX_LOG2_N and 1 <= params[1] <= 32 and 1 <= params[2] <= 4):
        raise BadPassphrase("unknown sealing")
    try:
        return AESGCM(_derive(passphrase, salt_b, *params)).decrypt(nonce_b, sealed_b, _AAD)
    except (InvalidTag, ValueError) as exc:
        raise BadPassphrase("wrong passphrase") from exc
