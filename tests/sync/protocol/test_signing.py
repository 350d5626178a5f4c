import pytest

from cellsec.domain import messages
from cellsec.sync.protocol.errors import ProtocolError
from cellsec.sync.protocol.keys import KeyPair
from cellsec.sync.protocol.signing import parse_headers, sign_request, verify_request

NOW = 1_800_000_000


def signed(keys, body=b'{"a":1}', **kw):
    headers = sign_request(keys, "dev-1", "POST", "/api/v1/cells/c/batches?x=1", body, now=NOW, **kw)
    return parse_headers({k.lower(): v for k, v in headers.items()})


def test_signed_request_verifies():
    keys = KeyPair.generate()
    verify_request(signed(keys), "POST", "/api/v1/cells/c/batches?x=1", b'{"a":1}', keys.public.sign, now=NOW + 10)


@pytest.mark.parametrize("method,path,body", [
    ("GET", "/api/v1/cells/c/batches?x=1", b'{"a":1}'),
    ("POST", "/api/v1/cells/other/batches?x=1", b'{"a":1}'),
    ("POST", "/api/v1/cells/c/batches?x=2", b'{"a":1}'),
    ("POST", "/api/v1/cells/c/batches?x=1", b'{"a":2}'),
])
def test_any_change_breaks_the_signature(method, path, body):
    keys = KeyPair.generate()
    with pytest.raises(ProtocolError) as err:
        verify_request(signed(keys), method, path, body, keys.public.sign, now=NOW)
    assert err.value.code == "bad_request_signature"


def test_other_key_is_refused():
    with pytest.raises(ProtocolError):
        verify_request(signed(KeyPair.generate()), "POST", "/api/v1/cells/c/batches?x=1", b'{"a":1}',
                       KeyPair.generate().public.sign, now=NOW)


def test_clock_far_off_says_how_far_in_both_languages():
    keys = KeyPair.generate()
    with pytest.raises(ProtocolError) as err:
        verify_request(signed(keys), "POST", "/api/v1/cells/c/batches?x=1", b'{"a":1}', keys.public.sign,
                       now=NOW + 3600)
    assert err.value.code == "clock_skew"
    assert "3600 giây" in str(err.value)
    assert "3600 seconds" in err.value.message("en")
    messages.set_language("en")
    assert "clock" in str(err.value)


@pytest.mark.parametrize("headers", [
    {},
    {"X-CellSec-Device": "dev", "X-CellSec-Time": "abc", "X-CellSec-Nonce": "n" * 20, "X-CellSec-Signature": "s"},
    {"X-CellSec-Device": "dev", "X-CellSec-Time": "1", "X-CellSec-Nonce": "short", "X-CellSec-Signature": "s"},
])
def test_missing_or_malformed_headers(headers):
    with pytest.raises(ProtocolError) as err:
        parse_headers(headers)
    assert err.value.code == "bad_request_auth"
