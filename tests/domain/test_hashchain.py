import unicodedata

from cellsec.domain.hashchain import GENESIS, canonical_json, chain_hash


def test_canonical_json_sorts_keys_and_normalises_to_nfc():
    nfd = unicodedata.normalize("NFD", "Kiểm điểm")
    assert canonical_json({"b": 1, "a": [nfd, 2]}) == '{"a":["Kiểm điểm",2],"b":1}'


def test_hash_covers_content_order_and_link():
    base = chain_hash("minutes", "id1", 1, "2026-01-05T12:00:00+00:00", {"text": "Kiểm điểm"}, GENESIS)
    assert len(base) == 64
    nfd = chain_hash("minutes", "id1", 1, "2026-01-05T12:00:00+00:00",
                     {"text": unicodedata.normalize("NFD", "Kiểm điểm")}, GENESIS)
    assert nfd == base
    assert chain_hash("minutes", "id1", 1, "2026-01-05T12:00:00+00:00", {"text": "Kiem diem"}, GENESIS) != base
    assert chain_hash("minutes", "id1", 2, "2026-01-05T12:00:00+00:00", {"text": "Kiểm điểm"}, GENESIS) != base
    assert chain_hash("minutes", "id1", 1, "2026-01-05T12:00:00+00:00", {"text": "Kiểm điểm"}, "1" * 64) != base
