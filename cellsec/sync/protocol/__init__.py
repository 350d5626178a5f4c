"""The sync wire format shared by the laptop and the committee server.

- `keys`: device and server key pairs (Ed25519 for signatures, X25519 for encryption).
- `ops`: one change (a change-log row plus base rev and schema version) and its JSON-lines payload.
- `envelope`: manifest + compressed, encrypted payload + signature, as one byte string
  (the HTTP body of a push and the `.cellsec-sync` file of a USB transfer).
- `signing`: signed HTTP requests (method, path, time, nonce, body digest).
- `ownership`: which side writes which entity type.

Nothing here imports Qt or SQLAlchemy; errors carry Vietnamese and English messages (`ProtocolError`).
"""

from .envelope import Envelope, Manifest, open_envelope, seal
from .errors import ProtocolError
from .keys import KeyPair, PublicKeys
from .ops import Op
from .signing import SignedHeaders, sign_request, verify_request

__all__ = [
    "Envelope", "KeyPair", "Manifest", "Op", "ProtocolError", "PublicKeys", "SignedHeaders",
    "open_envelope", "seal", "sign_request", "verify_request",
]
