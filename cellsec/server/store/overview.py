"""The committee's overview of its cells: per cell and year, figures computed by SQL aggregates over the
synced snapshots (JSONB on PostgreSQL, JSON on SQLite), then folded with the same domain rules the laptop
uses (excellent quota of the year's review rules, the dues share kept by the cell).

Figures are cached in `cell_overview` keyed by the cell's `feed_seq`: every push and every committee write
bumps it, so a cached row is exactly current while the seq matches. A request recomputes only the cells
whose seq moved (in chunks, a handful of grouped queries per chunk), so the overview of 1,000 cells reads
1,000 small rows once the figures are warm.

Many cells out of date at once (an upgrade changed the figures' shape, a restored database): the overview
page does not wait for them. It gets `PENDING` figures for those cells and hands them to `later`, the web
process's background refresher (`overview_refresh.py`), which brings them up to date chunk by chunk with
`refresh`; the server also starts one at start-up, so the rebuild is usually over before anyone looks.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache
from collections.abc import Callable
from typing import Any

from sqlalchemy import and_, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from cellsec.domain import dues as D
from cellsec.domain.meetings import REGULAR_KINDS
from cellsec.domain.review_rules import LEVELS, RuleSetError, parse_rule_set
from cellsec.domain.reviews import quota_status

from .models import Cell, Entity, utcnow
from .remittances import received_by_cell
from .web_models import CellOverview

CHUNK = 200
INLINE_LIMIT = 40  # out-of-date cells a request recomputes itself (~20 ms each); more go to the background
REFRESH_LOCK = 0x0CE115EC  # PostgreSQL advisory lock: one worker process computes a chunk, the others find it stored
FIGURES_VERSION = 4  # bumped when the figures' shape changes: cached rows of another version are recomputed
MEMBER_GROUPS = ("chinh_thuc", "du_bi", "exempt", "away")  # official, probationary, exempt, left / temporary


def field(name: str, row: Any = Entity) -> Any:
    """A snapshot field as text (PostgreSQL `snapshot->>'name'`, SQLite `json_extract`)."""
    return row.snapshot[name].as_string()


def number(name: str, row: Any = Entity) -> Any:
    return row.snapshot[name].as_integer()


def live(entity: str, cell_ids: list[str], row: Any = Entity) -> Any:
    return and_(row.entity == entity, row.cell_id.in_(cell_ids), row.deleted.is_(False))


# ---- the aggregates (one grouped query each, over a chunk of cells) --------------------------------------

def _members(s: Session, ids: list[str], out: dict[str, dict]) -> None:
    # Grouped by label: PostgreSQL does not see two bound `->>` keys as the same expression.
    activity, status = field("activity_status").label("activity"), field("status").label("party_status")
    q = (select(Entity.cell_id, activity, status, func.count())
         .where(live("members", ids)).group_by(Entity.cell_id, activity, status))
    for cell_id, activity, status, n in s.execute(q):
        groups = out[cell_id]["members"]
        if activity in (None, "active"):
            key = "du_bi" if status == "du_bi" else "chinh_thuc"
        elif activity == "exempt":
            key = "exempt"
        else:
            key = "away"
        groups[key] += n
        if activity not in ("transferred_out", "removed", "deceased"):
            groups["total"] += n


def _meetings(s: Session, ids: list[str], year: int, out: dict[str, dict]) -> None:
    month, kind = number("period_month").label("month"), field("kind").label("kind")
    status = field("status").label("status")
    q = (select(Entity.cell_id, month, kind, status, func.count())
         .where(live("meetings", ids), field("period_year") == str(year))
         .group_by(Entity.cell_id, month, kind, status))
    for cell_id, m, kind, status, n in s.execute(q):
        if m is None or not 1 <= int(m) <= 12:
            continue
        cell = out[cell_id]["months"][str(int(m))]
        cell["held"] += n
        cell["regular"] += n if kind in REGULAR_KINDS else 0
        cell["approved"] += n if status == "approved" else 0
        cell["regular_approved"] += n if kind in REGULAR_KINDS and status == "approved" else 0


def _attendance(s: Session, ids: list[str], year: int, out: dict[str, dict]) -> None:
    # Two steps rather than a join: a join re-reads each meeting's snapshot (the whole minutes) per attendance row.
    meetings = list(s.scalars(select(Entity.entity_id).where(live("meetings", ids), field("period_year") == str(year),
                                                            field("status") == "approved")))
    if not meetings:
        return
    status = field("status").label("status")
    q = (select(Entity.cell_id, status, func.count())
         .where(live("meeting_attendance", ids), field("meeting_id").in_(meetings))
         .group_by(Entity.cell_id, status))
    for cell_id, status_key, n in s.execute(q):
        figures = out[cell_id]["attendance"]
        if status_key != "exempt":
            figures["expected"] += n
        if status_key == "present":
            figures["present"] += n


def _reviews(s: Session, ids: list[str], year: int, out: dict[str, dict]) -> None:
    status, proposed = field("status").label("status"), field("cell_level").label("proposed")
    decided = field("decided_level").label("decided")
    q = (select(Entity.cell_id, status, proposed, decided, func.count())
         .where(live("member_reviews", ids), field("year") == str(year))
         .group_by(Entity.cell_id, status, proposed, decided))
    for cell_id, status, cell_level, decided_level, n in s.execute(q):
        r = out[cell_id]["reviews"]
        r["total"] += n
        r["by_status"][status or "draft"] = r["by_status"].get(status or "draft", 0) + n
        if cell_level in LEVELS:
            r["proposed"][cell_level] += n
        if decided_level in LEVELS:
            r["decided"][decided_level] += n
    rules = (select(Entity.cell_id, field("rules_json"))
             .where(live("review_years", ids), field("year") == str(year)))
    for cell_id, rules_json in s.execute(rules):
        out[cell_id]["reviews"]["quota"] = _quota(rules_json, out[cell_id]["reviews"]["proposed"])


def _quota(rules_json: str | None, proposed: dict[str, int]) -> dict[str, Any] | None:
    """The excellent quota of the year's own review rules, applied to the levels the cell proposed."""
    try:
        rules = parse_rule_set(json.loads(rules_json or "{}"))
    except (RuleSetError, ValueError, TypeError, KeyError):
        return None
    levels = [level for level, n in proposed.items() for _ in range(n)]
    q = quota_status(rules, levels)
    return {"allowed": q.allowed, "proposed": q.proposed, "exceeded": q.exceeded}


def _five_good(s: Session, ids: list[str], year: int, out: dict[str, dict]) -> None:
    q = (select(Entity.cell_id, Entity.entity, Entity.snapshot)
         .where(Entity.entity.in_(("five_good_assessments", "five_good_recognitions")), Entity.cell_id.in_(ids),
                Entity.deleted.is_(False), field("year") == str(year)))
    for cell_id, entity, snap in s.execute(q):
        snap = snap if isinstance(snap, dict) else json.loads(snap)
        five = out[cell_id]["five_good"]
        if entity == "five_good_recognitions":
            five["recognised"] = snap.get("decision_number") or True
        elif snap.get("subject") == "cell":
            five.update(total=snap.get("total"), max=snap.get("max_points"), band=snap.get("band") or "",
                        proposal=snap.get("proposal") or "")


def _cell_decisions(s: Session, ids: list[str], year: int, out: dict[str, dict]) -> None:
    q = (select(Entity.cell_id, field("level"), field("decision_number"))
         .where(live("classification_decisions", ids), field("subject") == "cell", field("year") == str(year)))
    for cell_id, level, number_text in s.execute(q):
        out[cell_id]["cell_level"] = {"level": level, "number": number_text}


@lru_cache(maxsize=1)
def shipped_dues_rules() -> tuple[D.DuesRules, ...]:
    """The dues rule sets shipped with the program (the laptop's loader: other files named dues_* are not rules)."""
    from cellsec.domain.rules import load_rule_sets
    from cellsec.paths import resources_dir

    sets = load_rule_sets(resources_dir() / "rules")
    return tuple(D.rules_from_dict(v.data) for v in sets["dues"].versions) if "dues" in sets else ()


def _dues(s: Session, ids: list[str], year: int, out: dict[str, dict]) -> None:
    month = func.substr(field("month"), 1, 7).label("month_key")
    q = (select(Entity.cell_id, month, func.sum(number("amount_due")), func.sum(number("amount_paid")))
         .where(live("dues_payments", ids), field("month").like(f"{year}-%"))
         .group_by(Entity.cell_id, month))
    overrides: dict[str, list[D.DuesRules]] = defaultdict(list)
    for cell_id, definition in s.execute(select(Entity.cell_id, field("definition"))
                                         .where(live("dues_rules_versions", ids))):
        try:
            overrides[cell_id].append(D.rules_from_dict(json.loads(definition)))
        except (ValueError, TypeError, KeyError, D.DuesRuleError):
            continue
    for cell_id, month_text, due, paid in s.execute(q):
        on = dt.date.fromisoformat(f"{month_text}-01")
        mine = {r.version: r for r in shipped_dues_rules()} | {r.version: r for r in overrides.get(cell_id, [])}
        rules = D.rules_for_month(mine.values(), on)
        _kept, remitted = D.remittance(int(paid or 0), Decimal(rules.retained_percent))
        figures = out[cell_id]["dues"]
        figures["due"] += int(due or 0)
        figures["paid"] += int(paid or 0)
        figures["remit"] += remitted
        figures["remit_by_month"][month_text[5:7]] = figures["remit_by_month"].get(month_text[5:7], 0) + remitted
    for cell_id, received in received_by_cell(s, ids, year).items():
        out[cell_id]["dues"]["received"] = received


def _cell_info(s: Session, ids: list[str], out: dict[str, dict]) -> None:
    q = select(Entity.cell_id, field("name"), field("secretary_name")).where(live("cells", ids))
    for cell_id, name, secretary in s.execute(q):
        out[cell_id]["local_name"] = name or ""
        out[cell_id]["secretary"] = secretary or ""


def _blank() -> dict[str, Any]:
    return {
        "local_name": "", "secretary": "",
        "members": {"total": 0, **{k: 0 for k in MEMBER_GROUPS}},
        "version": FIGURES_VERSION,
        "months": {str(m): {"held": 0, "regular": 0, "approved": 0, "regular_approved": 0} for m in range(1, 13)},
        "attendance": {"present": 0, "expected": 0},
        "reviews": {"total": 0, "by_status": {}, "proposed": {lv: 0 for lv in LEVELS},
                    "decided": {lv: 0 for lv in LEVELS}, "quota": None},
        "five_good": {"total": None, "max": None, "band": "", "proposal": "", "recognised": None},
        "cell_level": None,
        # remit: expected to go up (by month "01".."12" too); received: the committee's receipts
        "dues": {"due": 0, "paid": 0, "remit": 0, "received": 0, "remit_by_month": {}},
    }


def compute(s: Session, cell_ids: list[str], year: int) -> dict[str, dict[str, Any]]:
    """The figures of `cell_ids` for `year`, fresh from the snapshots."""
    out: dict[str, dict] = {cid: _blank() for cid in cell_ids}
    for i in range(0, len(cell_ids), CHUNK):
        ids = cell_ids[i:i + CHUNK]
        _cell_info(s, ids, out)
        _members(s, ids, out)
        _meetings(s, ids, year, out)
        _attendance(s, ids, year, out)
        _reviews(s, ids, year, out)
        _five_good(s, ids, year, out)
        _cell_decisions(s, ids, year, out)
        _dues(s, ids, year, out)
    return out


def _save(s: Session, figures: dict[str, dict], seqs: dict[str, int], year: int) -> None:
    if not figures:
        return
    now = utcnow()
    # In cell id order: the rows' foreign keys share-lock their cells in that order, the order publishing
    # locks them too, so a background rebuild and a publish to several cells never deadlock.
    rows = [{"cell_id": cid, "year": year, "feed_seq": seqs[cid], "data": figures[cid], "computed_at": now}
            for cid in sorted(figures)]
    make = pg_insert if s.bind.dialect.name == "postgresql" else sqlite_insert
    stmt = make(CellOverview)
    stmt = stmt.on_conflict_do_update(index_elements=["cell_id", "year"],
                                      set_={"feed_seq": stmt.excluded.feed_seq, "data": stmt.excluded.data,
                                            "computed_at": stmt.excluded.computed_at})
    s.execute(stmt, rows)


def _data(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) or value is None else json.loads(value)


# This process's copy of cached figures: (cell id, year) -> (feed seq, figures). Safe with several workers:
# an entry is used only while the cell's feed seq read in the same request still matches it.
_memory: dict[tuple[str, int], tuple[int, dict[str, Any]]] = {}
_memory_lock = threading.Lock()


def _stored(s: Session, wanted: dict[str, int], year: int) -> dict[str, dict[str, Any]]:
    """Figures cached in the database for the cells whose feed seq still matches."""
    found: dict[str, dict[str, Any]] = {}
    ids = list(wanted)
    for i in range(0, len(ids), CHUNK * 5):
        # Rows of another figures version are left in the database: while the background rebuilds them,
        # each overview request would otherwise fetch and parse every one of them.
        q = select(CellOverview.cell_id, CellOverview.feed_seq, CellOverview.data).where(
            CellOverview.year == year, CellOverview.cell_id.in_(ids[i:i + CHUNK * 5]),
            CellOverview.data["version"].as_integer() == FIGURES_VERSION)
        for cell_id, seq, data in s.execute(q):
            figures = _data(data) or {}
            if seq == wanted[cell_id] and figures.get("version") == FIGURES_VERSION:
                found[cell_id] = figures
    return found


PENDING: dict[str, Any] = {**_blank(), "pending": True}  # figures being recomputed (shared, read-only)
Later = Callable[[int, list[str]], None]


def cell_figures(s: Session, committee_id: str, year: int, later: Later | None = None
                 ) -> list[tuple[str, str, Any, int, dict[str, Any]]]:
    """(cell id, name, last sync, feed seq, figures) per cell of the committee, by name. The figures are the
    cache's own dicts, shared between requests: read them, never change them. With `later`, more than
    INLINE_LIMIT out-of-date cells are not computed here: they get PENDING and `later(year, ids)` gets them."""
    rows = s.execute(select(Cell.id, Cell.name, Cell.last_sync, Cell.feed_seq)
                     .where(Cell.committee_id == committee_id).order_by(Cell.name)).all()
    seqs = {r[0]: r[3] for r in rows}
    with _memory_lock:
        known = {cid: hit[1] for cid in seqs if (hit := _memory.get((cid, year))) and hit[0] == seqs[cid]}
    missing = {cid: seq for cid, seq in seqs.items() if cid not in known}
    if missing:
        known.update(_stored(s, missing, year))
        stale = [cid for cid in missing if cid not in known]
        if later is not None and len(stale) > INLINE_LIMIT:
            later(year, stale)
            fresh: dict[str, dict[str, Any]] = {}
        else:
            fresh = compute(s, stale, year) if stale else {}
            _save(s, fresh, seqs, year)
            known.update(fresh)
        with _memory_lock:
            _memory.update({(cid, year): (seqs[cid], known[cid]) for cid in missing if cid in known})
    return [(cell_id, name, last_sync, seq, known.get(cell_id, PENDING)) for cell_id, name, last_sync, seq in rows]


def refresh(s: Session, cell_ids: list[str], year: int) -> int:
    """Bring the cached figures of `cell_ids` up to date (the background refresher's step: one chunk, one
    transaction); how many were computed. Cells another worker process computed meanwhile are only read."""
    if s.bind.dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REFRESH_LOCK})
    seqs = dict(s.execute(select(Cell.id, Cell.feed_seq).where(Cell.id.in_(cell_ids))).all())
    known = _stored(s, seqs, year)
    stale = [cid for cid in seqs if cid not in known]
    fresh = compute(s, stale, year) if stale else {}
    _save(s, fresh, seqs, year)
    known.update(fresh)
    with _memory_lock:
        _memory.update({(cid, year): (seqs[cid], known[cid]) for cid in seqs})
    return len(stale)


def all_cell_ids(s: Session) -> list[str]:
    return list(s.scalars(select(Cell.id).order_by(Cell.id)))


def overview(s: Session, committee_id: str, year: int) -> list[dict[str, Any]]:
    """One row per cell of the committee: the cell row's own columns and the year's figures (cached)."""
    return [{"id": cell_id, "name": name, "last_sync": last_sync, "feed_seq": seq, **data}
            for cell_id, name, last_sync, seq, data in cell_figures(s, committee_id, year)]


def attendance_share(figures: dict[str, Any]) -> float | None:
    a = figures["attendance"]
    return a["present"] / a["expected"] if a["expected"] else None

