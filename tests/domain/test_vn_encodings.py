"""Windows-1258 and TCVN3 (ABC): recognised from the bytes and decoded to NFC Unicode."""

import unicodedata

import pytest

from cellsec.domain import vn_encodings

NAMES = "Nguyễn Văn Đức, Trần Thị Hồng, Lê Văn Dũng, Phạm Thị Ngọc Ánh, Hồ Sỹ Nam, Đậu Thị Lực, Vũ Hữu Ước"


def test_tcvn3_table_places_the_letters_where_the_standard_puts_them():
    # Spot checks against TCVN 5712:1993 VN3 (the ABC keyboard's output in .VnTime fonts).
    assert bytes([0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE]).decode("cellsec-tcvn3") == "ăâêôơưđ"
    assert bytes([0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7]).decode("cellsec-tcvn3") == "ĂÂÊÔƠƯĐ"
    assert bytes([0xB5, 0xB6, 0xB7, 0xB8, 0xB9]).decode("cellsec-tcvn3") == "àảãáạ"
    assert bytes([0xD4, 0xE7, 0xF9, 0xFE]).decode("cellsec-tcvn3") == "ễỗựỵ"
    assert b"Nguy\xd4n V\xa8n \xa7\xf8c".decode("cellsec-tcvn3") == "Nguyễn Văn Đức"
    assert len(vn_encodings.TCVN3_HIGH) == 128 and len(set(vn_encodings.TCVN3_HIGH)) == 128


def test_capitals_typed_with_the_vntimeh_font_come_back_as_capitals():
    # .VnTimeH shows the small letters' codes as capitals: "NGUYỄN" is stored as N G U Y ễ N.
    data = b"NGUY\xd4N V\xa8N \xa7\xf8C, Nguy\xd4n"
    assert vn_encodings.decode(data, "tcvn3") == "NGUYỄN VĂN ĐỨC, Nguyễn"


@pytest.mark.parametrize("encoding", ["cp1258", "tcvn3"])
def test_each_encoding_is_told_apart_from_the_other(encoding):
    if encoding == "tcvn3":
        data = vn_encodings.encode_tcvn3(NAMES)
    else:  # Windows-1258 keeps the tone marks as combining characters
        data = _cp1258(NAMES)
    assert vn_encodings.guess(data) == encoding
    text = vn_encodings.decode(data, encoding)
    assert text == NAMES and unicodedata.is_normalized("NFC", text)


def _cp1258(text):
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", parts[0] + "".join(c for c in parts[1:] if c in "\u0302\u0306\u031b"))
        out.append(base + "".join(c for c in parts[1:] if c not in "\u0302\u0306\u031b"))
    return "".join(out).encode("cp1258")


def test_bytes_that_are_no_vietnamese_are_not_guessed():
    assert vn_encodings.guess("Müller, Łódź, Ørsted, Ærø".encode("cp1250", errors="replace")) is None
    assert vn_encodings.guess(bytes(range(0x80, 0x100)) * 4) is None
