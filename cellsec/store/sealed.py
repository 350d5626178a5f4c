"""Password-encrypted backup files (`.cellsec-backup`), for a backup kept away from the laptop (a USB stick).

The format is documented in docs/backup-format.md. In short: a fixed 81-byte header (magic, format
version, scrypt parameters and salt, nonce, a password check, the length of what follows), then the
standalone database file sealed with ChaCha20-Poly1305 under a key derived from the password by scrypt,
the whole header being authenticated data. The password check (a hash of a second half of the scrypt
output) tells a wrong password from a damaged file without weakening anything: testing a password still
costs one scrypt run. A file that is cut short or altered fails whole; nothing is ever half-restored.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import os
import struct
from dataclasses import dataclass
from pathlib import Path

from .. import files
from ..domain.messages import Msg

SUFFIX = ".cellsec-backup"
MAGIC = b"CSBACKUP"
VERSION = 1
KDF_SCRYPT = 1
# scrypt cost: N = 2**17, r = 8, p = 1 (128 MB, about a second on a laptop): the interactive minimum that
# OWASP recommends. Stored in each file, so it can be raised later without breaking old files.
SCRYPT_LOG2_N = 17
SCRYPT_R = 8
SCRYPT_P = 1
_HEADER = struct.Struct(">8sBBBBB16s12s32sQ")  # 81 bytes
HEADER_SIZE = _HEADER.size
TAG_SIZE = 16
MIN_PASSWORD = 8
# Largest file accepted on reading (a cell's database is a few MB; this bounds memory on a bad file).
MAX_SEALED_BYTES = 2 * 1024 ** 3

WRONG_PASSWORD = Msg("Mật khẩu không đúng. Dữ liệu hiện tại không bị thay đổi.",
                     "The password is wrong. The current data is unchanged.")
NOT_SEALED = Msg("Tệp {name} không phải bản sao lưu mã hóa của CellSec.", "{name} is not an encrypted CellSec backup.")
TRUNCATED = Msg("Tệp {name} bị thiếu một phần (có thể USB đã bị rút ra khi đang ghi) nên không dùng được. "
                "Dữ liệu hiện tại không bị thay đổi.",
                "{name} is incomplete (the USB stick may have been removed while writing) and cannot be used. "
                "The current data is unchanged.")
DAMAGED = Msg("Tệp {name} đã bị hỏng hoặc bị sửa đổi nên không dùng được. Dữ liệu hiện tại không bị thay đổi.",
              "{name} is damaged or was altered and cannot be used. The current data is unchanged.")
NEWER_FORMAT = Msg("Tệp {name} được tạo bởi phiên bản CellSec mới hơn. Hãy cập nhật chương trình.",
                   "{name} was written by a newer CellSec. Please update the program.")
SHORT_PASSWORD = Msg("Mật khẩu cần ít nhất {n} ký tự.", "The password needs at least {n} characters.")


class SealedError(Exception):
    """A sealed backup cannot be opened; the message is in the user's language."""

    def __init__(self, msg: Msg, **params: object) -> None:
        self.msg = msg
        self.params = params
        super().__init__(msg.format(**params))


@dataclass(frozen=True)
class Header:
    version: int
    kdf: int
    log2_n: int
    r: int
    p: int
    salt: bytes
    nonce: bytes
    check: bytes
    length: int

    def pack(self) -> bytes:
        return _HEADER.pack(MAGIC, self.version, self.kdf, self.log2_n, self.r, self.p, self.salt, self.nonce,
                            self.check, self.length)


def _derive(password: str, header: Header) -> tuple[bytes, bytes]:
    """(encryption key, password check) from one scrypt run."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # loaded only when a backup is sealed

    out = Scrypt(salt=header.salt, length=64, n=2 ** header.log2_n, r=header.r, p=header.p).derive(
        password.encode("utf-8"))
    return out[:32], hashlib.sha256(b"cellsec-backup-check" + out[32:]).digest()


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise SealedError(SHORT_PASSWORD, n=MIN_PASSWORD)


def seal(plain: bytes, password: str) -> bytes:
    check_password(password)
    draft = Header(VERSION, KDF_SCRYPT, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, os.urandom(16), os.urandom(12),
                   b"\0" * 32, len(plain) + TAG_SIZE)
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    key, check = _derive(password, draft)
    header = dataclasses.replace(draft, check=check)
    raw = header.pack()
    return raw + ChaCha20Poly1305(key).encrypt(header.nonce, plain, raw)


def is_sealed(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def read_header(data: bytes, name: str) -> Header:
    if len(data) < HEADER_SIZE:
        if data[: len(MAGIC)] == MAGIC[: len(data)] and data:
            raise SealedError(TRUNCATED, name=name)
        raise SealedError(NOT_SEALED, name=name)
    magic, *fields = _HEADER.unpack(data[:HEADER_SIZE])
    if magic != MAGIC:
        raise SealedError(NOT_SEALED, name=name)
    header = Header(*fields)
    if header.version > VERSION or header.kdf != KDF_SCRYPT:
        raise SealedError(NEWER_FORMAT, name=name)
    if not (10 <= header.log2_n <= 22 and 1 <= header.r <= 32 and 1 <= header.p <= 16):
        raise SealedError(DAMAGED, name=name)  # refuse parameters that would exhaust memory or time
    return header


def unseal(data: bytes, password: str, name: str) -> bytes:
    """The plain bytes, or SealedError: not a sealed backup, cut short, wrong password, damaged."""
    header = read_header(data, name)
    body = data[HEADER_SIZE:]
    if len(body) < header.length:
        raise SealedError(TRUNCATED, name=name)
    if len(body) > header.length:
        raise SealedError(DAMAGED, name=name)
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    key, check = _derive(password, header)
    if not hmac.compare_digest(check, header.check):
        raise SealedError(WRONG_PASSWORD)
    try:
        return ChaCha20Poly1305(key).decrypt(header.nonce, body, data[:HEADER_SIZE])
    except InvalidTag as exc:
        raise SealedError(DAMAGED, name=name) from exc


def write_sealed(plain_file: Path, target: Path, password: str) -> None:
    """Seal `plain_file` into `target` atomically: written as `.part`, synced, then renamed, so a stick
    pulled out or a full disk leaves no file with the final name (and the `.part` is removed)."""
    sealed = seal(Path(plain_file).read_bytes(), password)
    part = Path(str(target) + ".part")
    try:
        with open(part, "wb", opener=files.private_opener) as f:
            f.write(sealed)
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, target)
    except BaseException:
        try:
            part.unlink(missing_ok=True)
        except OSError:
            pass  # the stick is gone: nothing more can be done there
        raise


def read_sealed(path: Path, password: str) -> bytes:
    path = Path(path)
    with open(path, "rb") as f:
        data = f.read(MAX_SEALED_BYTES + 1)
    if len(data) > MAX_SEALED_BYTES:
        raise SealedError(DAMAGED, name=path.name)
    return unseal(data, password, path.name)
