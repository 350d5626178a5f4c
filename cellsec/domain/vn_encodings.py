"""The old Vietnamese 8-bit encodings a member list may still be saved in: Windows-1258 (what Excel on a
Vietnamese Windows writes as "CSV") and TCVN3 (the "ABC" fonts .VnTime/.VnTimeH of TCVN 5712:1993),
recognised from the bytes and decoded to NFC Unicode.

Which one a file is in is told by reading it both ways and keeping the reading whose words look like
Vietnamese syllables (at most one tone mark, no capital inside a word, only Vietnamese letters).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# TCVN 5712:1993, bytes 0x80-0xFF as Unicode code points, from the standard's published table (the same as
# X11's lcUniConv/tcvn.h and glibc's TCVN5712-1). TCVN3 "ABC" is its VN3 level: the lower-case letters and
# Ă Â Ê Ô Ơ Ư Đ at the same places; the capitals with tone marks (0x80-0x9F and the gaps) belong to the
# full level and are kept, since a file using them means them. Bytes below 0x80 are ASCII: the full
# level's capitals in 0x01-0x17 would collide with the tab and line ends a CSV needs.
TCVN3_HIGH = (
    # 0x80
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,
    0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,
    # 0x90
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,
    0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,
    # 0xA0
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
    # 0xB0: five combining tone marks, then letters
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
    # 0xC0
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
    # 0xD0
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
    # 0xE0
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
    # 0xF0
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
)
_TCVN3_TABLE = "".join(map(chr, range(0x80))) + "".join(map(chr, TCVN3_HIGH))
_TCVN3_ENCODE = codecs.charmap_build(_TCVN3_TABLE)
_CODEC = "cellsec-tcvn3"

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_MODIFIERS = frozenset("\u0302\u0306\u031b")  # circumflex, breve, horn: part of the letter
_LETTERS = frozenset("abcdđeghiklmnopqrstuvxyfjwz")
_WORD = re.compile(r"[^\W\d_]+")


class _Tcvn3Codec(codecs.Codec):
    def encode(self, text, errors="strict"):
        return codecs.charmap_encode(text, errors, _TCVN3_ENCODE)

    def decode(self, data, errors="strict"):
        return codecs.charmap_decode(data, errors, _TCVN3_TABLE)


class _Tcvn3Decoder(codecs.IncrementalDecoder):
    def decode(self, data, final=False):
        return codecs.charmap_decode(data, self.errors, _TCVN3_TABLE)[0]


class _Tcvn3Encoder(codecs.IncrementalEncoder):
    def encode(self, text, final=False):
        return codecs.charmap_encode(text, self.errors, _TCVN3_ENCODE)[0]


def _search(name: str):
    if name.replace("_", "-") != _CODEC:
        return None
    return codecs.CodecInfo(name=_CODEC, encode=_Tcvn3Codec().encode, decode=_Tcvn3Codec().decode,
                            incrementalencoder=_Tcvn3Encoder, incrementaldecoder=_Tcvn3Decoder)


codecs.register(_search)


def codec_name(encoding: str) -> str:
    """The Python codec for an encoding key ('cp1258' | 'tcvn3')."""
    return _CODEC if encoding == "tcvn3" else encoding


def encode_tcvn3(text: str) -> bytes:
    """Unicode text as TCVN3 bytes (tests and sample files write old-style files with it)."""
    return unicodedata.normalize("NFC", text).encode(_CODEC)


def decode(data: bytes, encoding: str) -> str:
    """Bytes in 'cp1258' or 'tcvn3' as NFC text (unknown bytes replaced, for a look at a sample)."""
    return fix_text(data.decode(codec_name(encoding), errors="replace"), encoding)


def fix_text(text: str, encoding: str) -> str:
    """NFC, and for TCVN3 the capitals back: the ABC fonts have no capital letters with tone marks, so a
    word typed in capitals (shown with the .VnTimeH font) is stored with small ones ('NGUYễN')."""
    text = unicodedata.normalize("NFC", text)
    if encoding != "tcvn3":
        return text
    return _WORD.sub(lambda m: m.group(0).upper() if _shouted(m.group(0)) else m.group(0), text)


def _shouted(word: str) -> bool:
    return sum(ch.isupper() for ch in word) >= 2 and not any(ch.islower() and ch.isascii() for ch in word)


def _word_penalty(word: str) -> int:
    """0 for a word that could be Vietnamese; more the less it looks like it."""
    penalty = 0
    if any(ch.isupper() for ch in word[1:]) and not word.isupper():
        penalty += 1  # a capital inside a word
    tones = 0
    for ch in unicodedata.normalize("NFD", word.casefold()):
        if ch in _TONES:
            tones += 1
        elif ch not in _MODIFIERS and ch not in _LETTERS:
            penalty += 1
    return penalty + max(0, tones - 1)


def score(text: str) -> tuple[int, int]:
    """(implausible words, words with letters beyond ASCII) of a decoded text."""
    bad = marked = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        marked += 1
        if _word_penalty(word):
            bad += 1
    return bad, marked


def guess(data: bytes) -> str | None:
    """'cp1258' or 'tcvn3' for bytes that are not UTF-8, or None when neither reads as Vietnamese."""
    best: tuple[int, str] | None = None
    for encoding in ("cp1258", "tcvn3"):
        try:
            text = fix_text(data.decode(codec_name(encoding)), encoding)
        except UnicodeDecodeError:
            continue
        bad, marked = score(text)
        if marked and bad * 5 > marked:  # more than one word in five does not look Vietnamese
            continue
        if best is None or bad < best[0]:
            best = (bad, encoding)
    return best[1] if best else None
