"""One search over minutes, resolutions and member names, insensitive to case, tone marks, đ/d and
NFC/NFD ("kiem diem dang vien" finds "Kiểm điểm đảng viên"). See cellsec.store.search for the index."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ..domain.search import fts_phrase, fts_query, make_snippet, match_spans, query_tokens
from ..store import search as index
from ..store.models.meetings import Meeting, Resolution
from .context import Context


@dataclass(frozen=True)
class SearchHit:
    kind: str  # meeting | resolution | member
    id: str  # the record: meeting id, resolution id or member id
    date: dt.date | None
    title: str  # "Sinh hoạt chi bộ thường kỳ tháng 9 năm 2025", "Nghị quyết về ...", the member's name
    number: str  # "Số 07-BB/CB" for approved minutes / an issued resolution, else ""
    snippet: str  # a window of the original text around the first match
    spans: tuple[tuple[int, int], ...]  # the matches in `snippet` (start, end), to highlight
    title_spans: tuple[tuple[int, int], ...]  # the matches in `title`
    marked: str  # the snippet with matches in [brackets], for the terminal
    meeting_id: str | None  # the meeting to open (for a resolution: its meeting); None for a member


class SearchService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def search(self, query: str, limit: int = 50, kinds: tuple[str, ...] = index.KINDS) -> list[SearchHit]:
        """Every word must occur (in any order); the last also as the start of a word (search as you
        type). Records holding the words as a phrase come first, then the others; within each, newest
        first, member names before them (see cellsec.store.search)."""
        tokens = query_tokens(query)
        if not tokens:
            return []
        cell_id = self.ctx.cell_id
        with self.ctx.read() as s:
            raw = index.query(s, cell_id, fts_phrase(tokens), limit, kinds) if len(tokens) > 1 else []
            seen = {(h.kind, h.entity_id) for h in raw}
            raw += [h for h in index.query(s, cell_id, fts_query(tokens), limit, kinds)
                    if (h.kind, h.entity_id) not in seen][:limit - len(raw)]
            meeting_ids = [h.entity_id for h in raw if h.kind == "meeting"]
            resolution_ids = [h.entity_id for h in raw if h.kind == "resolution"]
            numbers = dict(s.execute(select(Meeting.id, Meeting.number_text).where(Meeting.id.in_(meeting_ids))).all())
            resolutions = {rid: (number, mid) for rid, number, mid in s.execute(
                select(Resolution.id, Resolution.number_text, Resolution.meeting_id)
                .where(Resolution.id.in_(resolution_ids))).all()}
        hits = []
        for h in raw:
            snippet = make_snippet(h.body, tokens)
            if h.kind == "meeting":
                number, meeting_id = numbers.get(h.entity_id) or "", h.entity_id
            elif h.kind == "resolution":
                number, meeting_id = resolutions.get(h.entity_id, ("", None))
                number = number or ""
            else:
                number, meeting_id = "", None
            hits.append(SearchHit(h.kind, h.entity_id, h.day, h.title, number, snippet.text, snippet.spans,
                                  tuple(match_spans(h.title, tokens)), snippet.marked(), meeting_id))
        return hits

    def rebuild_index(self) -> int:
        """Index every member, meeting and resolution again (after a restore, or if search misbehaves).
        Derived data only: no undo entry, no change log. Returns the number of records indexed."""
        with self.ctx.store.sessions.begin() as s:
            return index.rebuild(s)
