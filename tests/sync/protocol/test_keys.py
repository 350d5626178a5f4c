import pytest

from cellsec.sync.protocol.errors import ProtocolError
from cellsec.sync.protocol.keys import KeyPair, PublicKeys, load_sign_public


def test_key_file_round_trip_keeps_both_keys():
    keys = KeyPair.generate()
    again = KeyPair.from_json(keys.to_json())
    assert again.public == keys.public
    load_sign_public(keys.public.sign).verify(again.sign(b"x"), b"x")


def test_public_keys_are_checked():
    keys = KeyPair.generate().public
    assert PublicKeys.from_dict(keys.to_dict()) == keys
    with pytest.raises(ProtocolError) as err:
        PublicKeys.from_dict({"sign": "abc", "box": keys.box})
    assert err.value.code == "bad_key"
    with pytest.raises(ProtocolError):
        KeyPair.from_json('{"format": "other"}')
