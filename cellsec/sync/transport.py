"""Signed HTTP calls to the committee server (standard library urllib: no extra dependency on the laptop).

Every request is signed by the device key (cellsec/sync/protocol/signing.py); a refusal comes back as the
server's own Vietnamese message, a missing network as NO_NETWORK.
"""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from typing import Any

from .errors import BAD_ANSWER, BAD_URL, NO_NETWORK, REFUSED, SyncError
from .protocol.keys import KeyPair
from .protocol.signing import sign_request

TIMEOUT_S = 30


class HttpTransport:
    def __init__(self, base_url: str, device_id: str, keys: KeyPair) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise SyncError(BAD_URL)
        self.base = base_url.rstrip("/")
        self.device_id = device_id
        self.keys = keys

    def call(self, method: str, path: str, body: bytes = b"", content_type: str = "application/json") -> Any:
        headers = dict(sign_request(self.keys, self.device_id, method, path, body))
        if body:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(self.base + path, data=body or None, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise self._refusal(exc) from None
        except (urllib.error.URLError, socket.timeout, ConnectionError, OSError):
            raise SyncError(NO_NETWORK, server=self.base) from None
        try:
            return json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise SyncError(BAD_ANSWER) from None

    @staticmethod
    def _refusal(exc: urllib.error.HTTPError) -> SyncError:
        try:
            data = json.loads(exc.read())
            code, reason = str(data.get("error", "")), str(data.get("message") or data.get("error"))
        except (json.JSONDecodeError, UnicodeDecodeError, AttributeError, OSError):
            return SyncError(BAD_ANSWER)
        return SyncError(REFUSED, code=code, reason=reason)

    def enroll(self, code: str, name: str, app_version: str, has_records: bool = False) -> dict[str, Any]:
        body = json.dumps({"code": code, "device_id": self.device_id, "keys": self.keys.public.to_dict(),
                           "name": name, "app_version": app_version, "has_records": has_records}).encode("utf-8")
        return self.call("POST", "/api/v1/enroll", body)

    def push(self, cell_id: str, envelope: bytes) -> dict[str, Any]:
        return self.call("POST", f"/api/v1/cells/{cell_id}/batches", envelope, "application/vnd.cellsec-sync")

    def pull(self, cell_id: str, since: int, limit: int) -> dict[str, Any]:
        return self.call("GET", f"/api/v1/cells/{cell_id}/changes?since={since}&limit={limit}")
