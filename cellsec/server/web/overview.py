"""GET /cells: every cell of the committee at a glance. Sorting and filtering are query parameters
(plain links and a GET form, no script); the figures come from the store's cached SQL aggregates."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import Response
from markupsafe import Markup

from cellsec.domain.text import fold

from ..store import overview as figures
from .core import Pages

SORTS = {
    "name": lambda r: r["folded"][0],
    "secretary": lambda r: r["folded"][1],
    "sync": lambda r: r["last_sync"] or dt.datetime.min.replace(tzinfo=dt.timezone.utc),
    "members": lambda r: r["members"]["total"],
    "missing": lambda r: r["missing"],
    "attendance": lambda r: -1 if r["attendance_share"] is None else r["attendance_share"],
    "reviews": lambda r: r["review_done"],
    "five": lambda r: -1 if r["five_good"]["total"] is None else float(r["five_good"]["total"]),
    "dues": lambda r: r["dues"]["paid"],
}
PER_PAGE = 100  # rows per page: a committee of 1,000 cells is read in pages, sorted and filtered as a whole
MONTH_MARKS = {"approved": ("✓", "đã thông qua biên bản"), "held": ("•", "đã họp, biên bản chưa thông qua"),
               "missing": ("✗", "chưa sinh hoạt"), "future": ("", "chưa đến")}
FILTERS = {
    "stale": "Lâu chưa đồng bộ",
    "missing": "Thiếu buổi sinh hoạt",
    "quota": "Vượt tỷ lệ xuất sắc",
    "unapproved": "Có biên bản chưa thông qua",
    "dues_short": "Chưa nộp đủ đảng phí",
}


# One shared, read-only cell per (month, state): the page reads them, nothing writes them. Each also as its
# HTML, so the overview's twelve month marks per row are one string, not 48 template lookups.
MONTH_CELLS = {(m, state): {"month": m, "state": state, "mark": mark or str(m), "title": f"Tháng {m}: {words}",
                            "html": Markup('<span class="m {}" title="{}">{}</span>').format(
                                state, f"Tháng {m}: {words}", mark or str(m))}
               for m in range(1, 13) for state, (mark, words) in MONTH_MARKS.items()}


def month_states(months: dict[str, dict], year: int, today: dt.date) -> list[dict[str, Any]]:
    """Per month: approved (the regular meeting's minutes approved), held (a meeting recorded, minutes not
    approved yet), missing (a past month without a meeting), future."""
    past_months = 12 if year < today.year else (today.month - 1 if year == today.year else 0)
    out = []
    for m in range(1, 13):
        f = months[str(m)]
        if f["regular_approved"]:
            state = "approved"
        elif f["held"]:
            state = "held"
        else:
            state = "missing" if m <= past_months else "future"
        out.append(MONTH_CELLS[(m, state)])
    return out


def _derive(row: dict[str, Any], year: int, today: dt.date) -> dict[str, Any]:
    states = month_states(row["months"], year, today)
    by_status = row["reviews"]["by_status"]
    secretary = row.get("secretary") or ""
    return {
        "month_states": states, "months_html": Markup("").join(m["html"] for m in states),
        "missing": sum(1 for m in states if m["state"] == "missing"),
        "unapproved": sum(1 for m in states if m["state"] == "held"),
        "attendance_share": figures.attendance_share(row),
        "review_done": by_status.get("submitted", 0) + by_status.get("decided", 0),
        "secretary": secretary,
        # Received less than what went up from the months already over (this month's is not due yet).
        "dues_short": row["dues"]["received"] < sum(
            n for m, n in row["dues"]["remit_by_month"].items() if (year, int(m)) < (today.year, today.month)),
        "folded": (fold(row["name"]), fold(secretary), fold(row["local_name"])),
    }


# This process's overview rows per (cell, year): the cached figures with the values derived from them, valid
# while the cell's feed seq, name, last sync, the day and the stale setting are the ones they were made for.
# Rows are shared between requests and never changed, so a request makes no row of its own (1,000 fresh
# dicts a request kept the garbage collector busy: its long pauses were the overview's p99).
_rows: dict[tuple[str, int], tuple[tuple[Any, ...], dict[str, Any]]] = {}


def overview_row(cell: tuple[str, str, Any, int, dict[str, Any]], year: int, today: dt.date,
                 stale_days: int) -> dict[str, Any]:
    """One cell's row from the store's (id, name, last sync, feed seq, figures)."""
    cell_id, name, last_sync, seq, data = cell
    stamp = (seq, name, last_sync, today, stale_days)
    hit = _rows.get((cell_id, year))
    if hit is not None and hit[0] == stamp:
        return hit[1]
    row = {"id": cell_id, "name": name, "last_sync": last_sync, "feed_seq": seq, **data}
    row.update(_derive(row, year, today))
    row["stale_at"] = None if last_sync is None else last_sync + dt.timedelta(days=stale_days)
    if not data.get("pending"):  # figures being recomputed in the background: the next request has them
        _rows[(cell_id, year)] = (stamp, row)
    return row


def is_stale(row: dict[str, Any], now: dt.datetime) -> bool:
    """Not synced for the configured number of days (shown in red)."""
    return row["stale_at"] is None or now >= row["stale_at"]


def rows_of(pages: Pages, cells: list[tuple], year: int, today: dt.date) -> list[dict[str, Any]]:
    return [overview_row(c, year, today, pages.settings.stale_days) for c in cells]


def _keep(row: dict[str, Any], q: str, flags: set[str], now: dt.datetime) -> bool:
    if q and not any(q in text for text in row["folded"]):
        return False
    quota = row["reviews"]["quota"] or {}
    checks = {"stale": is_stale(row, now), "missing": row["missing"] > 0, "quota": bool(quota.get("exceeded")),
              "unapproved": row["unapproved"] > 0, "dues_short": row["dues_short"]}
    return all(checks[f] for f in flags)


def overview_rows(pages: Pages, cells: list[tuple], year: int, params: dict[str, str]) -> list[dict[str, Any]]:
    now = dt.datetime.now(dt.timezone.utc)
    rows = rows_of(pages, cells, year, now.date())
    flags = {f for f in FILTERS if params.get(f) == "1"}
    q = fold(params.get("q", "").strip())
    if q or flags:
        rows = [r for r in rows if _keep(r, q, flags, now)]
    key = SORTS.get(params.get("sort", "name"), SORTS["name"])
    return sorted(rows, key=key, reverse=params.get("dir") == "desc")


def page_link(params: dict[str, str], page: int) -> str:
    return "?" + urlencode({**{k: v for k, v in params.items() if v and k != "page"}, "page": page})


def sort_link(params: dict[str, str], column: str) -> str:
    """The header link: sort by `column`, ascending first, the other way on a second click."""
    same = params.get("sort", "name") == column
    direction = "desc" if same and params.get("dir") != "desc" else "asc"
    kept = {k: v for k, v in params.items() if v and k != "page"}
    return "?" + urlencode({**kept, "sort": column, "dir": direction})


def _year(raw: str | None, today: dt.date) -> int:
    return int(raw) if raw and raw.isdigit() and 2000 <= int(raw) <= today.year + 1 else today.year


def add_routes(app: FastAPI, pages: Pages) -> None:
    @app.get("/cells")
    async def cells(request: Request) -> Response:
        who = await pages.user(request)
        today = dt.date.today()
        params = {k: v[:100] for k, v in request.query_params.items()
                  if k in ("q", "sort", "dir", "year", "page", *FILTERS)}
        year = _year(params.get("year"), today)
        # Many cells out of date at once are recomputed in the background, never in this request.
        cells = await pages.db(figures.cell_figures, who.committee_id, year, pages.refresher.later)
        total = len(cells)
        pending = sum(1 for c in cells if c[4].get("pending"))
        shown = overview_rows(pages, cells, year, params)
        pages_count = max(1, -(-len(shown) // PER_PAGE))
        page = min(max(1, int(params["page"]) if params.get("page", "").isdigit() else 1), pages_count)
        return pages.render(request, "overview.html", who, rows=shown[(page - 1) * PER_PAGE:page * PER_PAGE],
                            matching=len(shown), pending=pending, page=page, pages_count=pages_count,
                            page_link=lambda n: page_link(params, n), total=total, year=year, params=params,
                            filters=FILTERS, sort_link=lambda c: sort_link(params, c),
                            sorted_by=params.get("sort", "name"), sort_dir=params.get("dir", "asc"),
                            years=list(range(today.year, today.year - 5, -1)), is_stale=is_stale,
                            now=dt.datetime.now(dt.timezone.utc))
