"""Enrolment without a network (issue 16): the committee's invitation file and the laptop's enrolment file.

1. The committee writes an invitation (`cellsec-server cell invite CELL -o FILE`): the cell, the committee,
   a one-time code and the server's public keys, as canonical JSON signed by the server. It is not
   encrypted — the laptop has no keys yet — so it is exactly as secret as a code on paper: it is handed
   over in person, it expires, and it works once. The signature catches a damaged or edited file; that the
   keys are the committee's own is vouched for by the hand that carries the file.
2. The laptop answers with an enrolment envelope (kind "enrol", the same signed and encrypted envelope as
   every transfer file): the code, its device id and its public keys, encrypted to the server. The manifest
   is signed by the device key inside the payload, which proves the laptop holds that key.
3. The server's import of that envelope enrols the device and writes an ordinary answer file holding
   everything of the cell (a full copy for a second laptop; the committee's records for a first one).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature

from cellsec.domain.messages import Msg

from .envelope import Envelope, Manifest, seal
from .errors import BAD_MANIFEST, ProtocolError
from .keys import KeyPair, PublicKeys, b64d, b64e, load_sign_public

INVITATION_FORMAT = "cellsec-invitation"
INVITATION_VERSION = 1
MAX_INVITATION_BYTES = 64 * 1024

NOT_INVITATION = Msg("Đây không phải tệp mời kết nối của cấp trên (tệp CellSec do cấp ủy cấp trên cấp).",
                     "This is not the committee's invitation file (the CellSec file the committee issues).")
BAD_INVITATION = Msg("Tệp mời kết nối bị hỏng hoặc đã bị sửa (chữ ký không khớp). Hãy xin cấp trên tệp khác.",
                     "The invitation file is damaged or was altered (the signature does not match). Ask the "
                     "committee for another one.")
INVITATION_EXPIRED = Msg("Tệp mời kết nối đã hết hạn ngày {date}. Hãy xin cấp trên tệp mới.",
                         "The invitation file expired on {date}. Ask the committee for a new one.")
D_ENROL = Msg("phần đăng ký máy không đúng cấu trúc", "the device enrolment is malformed")


@dataclass(frozen=True)
class Invitation:
    cell_id: str
    cell_name: str
    committee_id: str
    committee_name: str
    code: str
    expires_at: str  # ISO 8601, UTC
    server_keys: dict[str, str]
    server_url: str = ""  # where the laptop can sync online later, if the committee has an address

    def _body(self) -> dict[str, Any]:
        return {"format": INVITATION_FORMAT, "format_version": INVITATION_VERSION, **asdict(self)}

    def expired(self, now: dt.datetime | None = None) -> bool:
        return dt.datetime.fromisoformat(self.expires_at) <= (now or dt.datetime.now(dt.timezone.utc))


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def invitation_bytes(invitation: Invitation, server_keys: KeyPair) -> bytes:
    body = invitation._body()
    signed = {**body, "signature": b64e(server_keys.sign(_canonical(body)))}
    return json.dumps(signed, ensure_ascii=False, sort_keys=True, indent=1).encode() + b"\n"


def parse_invitation(data: bytes) -> Invitation:
    """The invitation in `data`, its signature checked; ProtocolError when it is not one or was altered."""
    try:
        raw = json.loads(data[:MAX_INVITATION_BYTES + 1].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ProtocolError("not_invitation", NOT_INVITATION) from None
    if len(data) > MAX_INVITATION_BYTES or not isinstance(raw, dict) or raw.get("format") != INVITATION_FORMAT:
        raise ProtocolError("not_invitation", NOT_INVITATION)
    try:
        signature = b64d(raw.pop("signature"))
        body = dict(raw)
        fields = {k: body[k] for k in Invitation.__dataclass_fields__ if k in body}
        invitation = Invitation(**fields)
        keys = PublicKeys.from_dict(invitation.server_keys)
        load_sign_public(keys.sign).verify(signature, _canonical(body))
        dt.datetime.fromisoformat(invitation.expires_at)
        if not all(isinstance(getattr(invitation, f), str) for f in ("cell_id", "code", "expires_at")):
            raise ValueError("types")
    except (KeyError, TypeError, ValueError, InvalidSignature, ProtocolError):
        raise ProtocolError("bad_invitation", BAD_INVITATION) from None
    return invitation


def read_invitation(path: str | os.PathLike) -> Invitation:
    with open(path, "rb") as fh:
        return parse_invitation(fh.read(MAX_INVITATION_BYTES + 1))


def seal_enrolment(invitation: Invitation, *, device_id: str, keys: KeyPair, name: str, app_version: str,
                   has_records: bool) -> Envelope:
    """The laptop's answer to an invitation, encrypted to the server that issued it."""
    request = {"type": "enrol", "code": invitation.code, "device_id": device_id, "keys": keys.public.to_dict(),
               "name": name, "app_version": app_version, "has_records": has_records}
    line = json.dumps(request, ensure_ascii=False, sort_keys=True).encode() + b"\n"
    return seal(line, sender_keys=keys, sender=device_id, recipient_box=invitation.server_keys["box"],
                cell_id=invitation.cell_id, kind="enrol", app_version=app_version)


def open_enrolment(envelope: Envelope, server_keys: KeyPair) -> tuple[Manifest, dict[str, Any]]:
    """(verified manifest, request) of a laptop's enrolment envelope. The payload is decrypted first to learn
    the device's key; the manifest's signature is then checked with it, so a request whose sender does not
    hold the private key it names is refused."""
    claimed = envelope.manifest
    try:
        lines = envelope.decrypt(claimed, server_keys).splitlines()
        request = json.loads(lines[0]) if len(lines) == 1 else None
        if not isinstance(request, dict) or request.get("type") != "enrol":
            raise ValueError("type")
        keys = PublicKeys.from_dict(request.get("keys"))
        if not isinstance(request.get("code"), str) or request.get("device_id") != claimed.sender:
            raise ValueError("fields")
    except (ValueError, IndexError, UnicodeDecodeError, RecursionError):
        raise ProtocolError("bad_manifest", BAD_MANIFEST, detail=D_ENROL.format()) from None
    manifest = envelope.verify(keys.sign)
    return manifest, request

