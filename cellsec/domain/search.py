"""Search queries and snippets over folded text (DESIGN.md "Search").

The index holds `fold(text)`; a query is folded the same way, so case, tone marks, đ/d and NFC/NFD do
not matter. `fold` maps one NFC character to one character, so a match found in the folded text is at
the same offsets in the NFC original: snippets and highlights are cut from the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import fold, nfc

_WORD = re.compile(r"\w+")
# A one-letter prefix query would match most of the index; only longer last words match as prefixes.
MIN_PREFIX = 2


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """Folded letter -> every Latin letter (Vietnamese included) folding to it: 'd' -> 'dDđĐ', 'e' -> 'eèéẹ…'."""
    out: dict[str, str] = {}
    for lo, hi in ((0x41, 0x5A), (0xC0, 0x24F), (0x1E00, 0x1EFF)):
        for code in range(lo, hi + 1):
            ch = chr(code)
            folded = fold(ch)
            if len(folded) == 1 and folded != ch:
                out[folded] = out.get(folded, "") + ch
    return out


def query_tokens(query: str) -> list[str]:
    """The folded words of a query ("Kiểm điểm" -> ["kiem", "diem"])."""
    return _WORD.findall(fold(query or ""))


def fts_query(tokens: list[str]) -> str:
    """An FTS5 MATCH expression: every word must occur; the last one may be the start of a word (the
    user may still be typing it). Words are quoted, so FTS5 operators typed by the user are inert."""
    parts = [f'"{t}"' for t in tokens]
    if tokens and len(tokens[-1]) >= MIN_PREFIX:
        parts[-1] += "*"
    return " ".join(parts)


def fts_phrase(tokens: list[str]) -> str:
    """An FTS5 MATCH expression for the words next to each other, in order (the exact phrase)."""
    return '"' + " ".join(tokens) + '"'


def _word_pattern(token: str) -> str:
    variants = _variants()
    return "".join(f"[{re.escape(c + variants[c])}]" if c in variants else re.escape(c) for c in token)


@lru_cache(maxsize=64)
def _pattern(tokens: tuple[str, ...]) -> re.Pattern[str]:
    """A regex over the ORIGINAL text matching what the folded query words match in the folded text
    (each letter as a class of its accented and upper-case forms): no need to fold long texts."""
    *whole, last = tokens
    alternatives = []
    if whole:
        words = sorted(set(whole), key=len, reverse=True)
        alternatives.append("(?:" + "|".join(_word_pattern(t) for t in words) + r")(?!\w)")
    # The last word: whole, or as the start of a longer word (only the typed part is highlighted).
    alternatives.append(_word_pattern(last) + ("" if len(last) >= MIN_PREFIX else r"(?!\w)"))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")")


def match_spans(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) in `text` (NFC) of every word a query word matches (whole word; the last query word
    also as a prefix), merged when only spaces separate two matches: "[kiểm điểm đảng viên]"."""
    if not tokens or not text:
        return []
    merged: list[tuple[int, int]] = []
    for m in _pattern(tuple(tokens)).finditer(text):
        start, end = m.span()
        if merged and text[merged[-1][1]:start].strip() == "":
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class Snippet:
    text: str  # a window of the original text, '…' where cut
    spans: tuple[tuple[int, int], ...]  # matches, as offsets into `text`

    def marked(self, open_mark: str = "[", close_mark: str = "]") -> str:
        """The snippet with every match wrapped: 'Chi bộ [kiểm điểm] đảng viên…'."""
        out, pos = [], 0
        for start, end in self.spans:
            out += [self.text[pos:start], open_mark, self.text[start:end], close_mark]
            pos = end
        out.append(self.text[pos:])
        return "".join(out)


def make_snippet(text: str, tokens: list[str], width: int = 160) -> Snippet:
    """About `width` characters of `text` around its first match (or its start), on word boundaries,
    newlines shown as ' / ', with the matches inside the window."""
    text = nfc(text or "") or ""
    spans = match_spans(text, tokens)
    if len(text) <= width:
        start, end = 0, len(text)
    else:
        # Centre on the longest run of matched words (the phrase itself if it occurs).
        first = max(spans, key=lambda sp: text.count(" ", sp[0], sp[1]))[0] if spans else 0
        start = max(0, first - width // 4)
        if start > 0:
            space = text.rfind(" ", 0, start)
            start = space + 1 if space >= 0 and start - space < 20 else start
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start + width // 2 else end
    window = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start)
    shown = (prefix + window + suffix).replace("\n", " / ")
    # ' / ' is 3 characters for 1: move the spans along.
    if "\n" in window:
        inside = tuple((_moved(prefix + window, s), _moved(prefix + window, e)) for s, e in inside)
    return Snippet(shown, inside)


def _moved(original: str, offset: int) -> int:
    return offset + 2 * original.count("\n", 0, offset)
