"""What a cell's page shows, built from the cell's synced snapshots with the laptop's domain rules
(attendance summaries, the attention list's removal grounds, the dues share and what was remitted, review
levels)."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from cellsec.domain import attention as A
from cellsec.domain import dues as D
from cellsec.domain import meetings as MD
from cellsec.domain.members import ACTIVITY_LABELS, PARTY_STATUS_LABELS
from cellsec.domain.review_rules import LEVEL_SHORT, LEVELS, RuleSetError, parse_rule_set

from .. import documents
from ..store import cell_view
from ..store.overview import shipped_dues_rules
from ..store.remittances import receipts
from .remittance import remittance_view

Snap = dict[str, Any]


def _label(labels: dict, key: Any) -> str:
    return labels[key].vi if key in labels else (key or "")


def members_view(s: Session, cell_id: str) -> tuple[list[Snap], dict[str, str]]:
    """Members in list order with their status history and card numbers; also id -> name."""
    history: dict[str, list[Snap]] = defaultdict(list)
    for change in cell_view.records(s, cell_id, "member_status_changes"):
        history[change.get("member_id")].append(change)
    cards: dict[str, list[Snap]] = defaultdict(list)
    for card in cell_view.records(s, cell_id, "card_numbers"):
        cards[card.get("member_id")].append(card)
    members = cell_view.records(s, cell_id, "members")
    members.sort(key=lambda m: (m.get("list_no") is None, m.get("list_no") or 0, m.get("full_name", "")))
    for m in members:
        m["status_label"] = _label(PARTY_STATUS_LABELS, m.get("status"))
        m["activity_label"] = _label(ACTIVITY_LABELS, m.get("activity_status"))
        m["history"] = sorted(history.get(m["id"], []), key=lambda h: h.get("status_from") or "")
        for h in m["history"]:
            h["label"] = _label(ACTIVITY_LABELS, h.get("activity_status"))
        m["cards"] = sorted(cards.get(m["id"], []), key=lambda c: c.get("valid_from") or "")
    return members, {m["id"]: m.get("full_name", "") for m in members}


def meetings_view(s: Session, cell_id: str, year: int) -> list[Snap]:
    """The year's meetings in date order, each with its attendance summary, resolution, score and comments."""
    meetings = cell_view.records(s, cell_id, "meetings", period_year=str(year))
    meetings.sort(key=lambda m: (m.get("held_on") or "", m.get("revision") or 1))
    ids = {m["id"] for m in meetings}
    attendance: dict[str, list[Snap]] = defaultdict(list)
    for a in cell_view.records(s, cell_id, "meeting_attendance"):
        if a.get("meeting_id") in ids:
            attendance[a["meeting_id"]].append(a)
    resolutions = {r.get("meeting_id"): r for r in cell_view.records(s, cell_id, "resolutions")}
    scores = {sc.get("meeting_id"): sc for sc in cell_view.records(s, cell_id, "meeting_scores")}
    comments: dict[str, list[Snap]] = defaultdict(list)
    for c in cell_view.records(s, cell_id, "committee_comments"):
        comments[c.get("target_id")].append(c)
    superseded = {m.get("amends_id") for m in meetings if m.get("amends_id")}
    prefs = documents.preferences(cell_view.records(s, cell_id, "cell_preferences"))
    for m in meetings:
        record = documents.meeting_record(m, attendance.get(m["id"], []), prefs=prefs)
        m["record"] = record
        m["summary"] = record.summary
        m["attendance_rows"] = record.attendance
        m["resolution"] = resolutions.get(m["id"])
        m["score"] = scores.get(m["id"])
        m["comments"] = sorted(comments.get(m["id"], []), key=lambda c: c.get("created_at") or "")
        m["superseded"] = m["id"] in superseded
        m["kind_label"] = _label(MD.KIND_LABELS, m.get("kind"))
    return meetings


def form_names(review_year: Snap | None) -> dict[str, str]:
    """Form key -> "Mẫu 02A-HD KĐ ..." from the rule set the cell's review year took."""
    try:
        rules = parse_rule_set(json.loads((review_year or {}).get("rules_json") or "{}"))
    except (RuleSetError, ValueError, TypeError, KeyError):
        return {}
    return {f.key: " ".join(x for x in (f.code, f.name) if x) for f in rules.form_types}


def reviews_view(s: Session, cell_id: str, year: int, names: dict[str, str]) -> dict[str, Any]:
    """The summary table: each member's review with the cell's proposal and the committee's decision."""
    decisions = {d.get("review_id"): d for d in cell_view.records(s, cell_id, "classification_decisions")}
    comments: dict[str, list[Snap]] = defaultdict(list)
    for c in cell_view.records(s, cell_id, "committee_comments", target_entity="member_reviews"):
        comments[c.get("target_id")].append(c)
    forms = form_names(next(iter(cell_view.records(s, cell_id, "review_years", year=str(year))), None))
    rows = []
    for r in cell_view.records(s, cell_id, "member_reviews", year=str(year)):
        decided = decisions.get(r["id"])
        form = r.get("form_type", "")
        rows.append({"id": r["id"], "name": names.get(r.get("member_id"), ""), "form": forms.get(form, form),
                     "self": LEVEL_SHORT.get(r.get("self_level") or "", ""), "cell_level": r.get("cell_level"),
                     "cell": LEVEL_SHORT.get(r.get("cell_level") or "", ""), "status": r.get("status", "draft"),
                     "votes": (r.get("votes_for"), r.get("votes_against"), r.get("votes_abstain")),
                     "decided": decided, "decided_short": LEVEL_SHORT.get((decided or {}).get("level") or "", ""),
                     "comments": sorted(comments.get(r["id"], []), key=lambda c: c.get("created_at") or "")})
    rows.sort(key=lambda r: r["name"])
    cell_decision = next((d for d in decisions.values() if d.get("subject") == "cell" and d.get("year") == year), None)
    collective = next(iter(cell_view.records(s, cell_id, "collective_reviews", year=str(year))), None)
    return {"rows": rows, "cell_decision": cell_decision, "collective": collective,
            "levels": [(lv, LEVEL_SHORT[lv]) for lv in LEVELS]}


def five_good_view(s: Session, cell_id: str, year: int) -> dict[str, Any]:
    assessments = cell_view.records(s, cell_id, "five_good_assessments", year=str(year))
    cell = next((a for a in assessments if a.get("subject") == "cell"), None)
    recognition = next(iter(cell_view.records(s, cell_id, "five_good_recognitions", year=str(year))), None)
    return {"cell": cell, "members": len(assessments) - (1 if cell else 0), "recognition": recognition}


def dues_view(s: Session, cell_id: str, year: int, names: dict[str, str], today: dt.date) -> dict[str, Any]:
    """Per month: due, collected, remitted upward (the share of the rules in force); and per member the
    ended months with nothing paid and no valid reason (the attention list's dues ground)."""
    overrides = []
    for r in cell_view.records(s, cell_id, "dues_rules_versions"):
        try:
            overrides.append(D.rules_from_dict(json.loads(r.get("definition") or "{}")))
        except (ValueError, TypeError, KeyError, D.DuesRuleError):
            continue
    versions = list(({r.version: r for r in shipped_dues_rules()} | {r.version: r for r in overrides}).values())
    months: dict[str, dict[str, int]] = {}
    unpaid: dict[str, list[dt.date]] = defaultdict(list)
    for p in cell_view.records(s, cell_id, "dues_payments"):
        month = str(p.get("month") or "")
        if not month.startswith(f"{year}-"):
            continue
        m = months.setdefault(month[:7], {"due": 0, "paid": 0, "count": 0})
        m["due"] += int(p.get("amount_due") or 0)
        m["paid"] += int(p.get("amount_paid") or 0)
        m["count"] += 1
        on = dt.date.fromisoformat(month[:10])
        if not p.get("amount_paid") and p.get("amount_due") and not p.get("excused_reason") \
                and D.month_end(on) < today:
            unpaid[p.get("member_id")].append(on)
    for key, m in months.items():
        rules = D.rules_for_month(versions, dt.date.fromisoformat(f"{key}-01"))
        m["kept"], m["remit"] = D.remittance(m["paid"], Decimal(rules.retained_percent))
    threshold = D.rules_for_month(versions, dt.date(year, 12, 1)).removal_unpaid_months
    items = [A.dues_item(mid, names.get(mid, ""), year, sorted(ms), threshold) for mid, ms in unpaid.items()]
    return {"months": dict(sorted(months.items())), "attention": [i for i in items if i is not None],
            "totals": {k: sum(m[k] for m in months.values()) for k in ("due", "paid", "kept", "remit")}}


def attention_view(meetings: list[Snap], year: int, dues_items: list[Any], pinned: str | None = None) -> list[Any]:
    """Members at risk this year: meetings missed in too many months (rules of the year), and dues."""
    rules = documents.meeting_rules_on(dt.date(year, 12, 31), pinned)
    marks = [MD.AttendanceMark(m["id"], m["record"].content.held_on, year, int(m.get("period_month") or 0),
                               a.member_id, a.full_name, a.status)
             for m in meetings if m.get("status") == "approved" and not m["superseded"] for a in m["attendance_rows"]]
    counted = MD.absent_months(marks, year, rules.removal_absence_statuses)
    items = [A.absent_months_item(mid, name, year, list(months), rules.removal_absent_months)
             for mid, (name, months) in counted.items()]
    return A.sort_items([i for i in items if i is not None] + list(dues_items))


def cell_page(s: Session, cell_id: str, year: int, today: dt.date) -> dict[str, Any]:
    members, names = members_view(s, cell_id)
    meetings = meetings_view(s, cell_id, year)
    dues = dues_view(s, cell_id, year, names, today)
    dues["remittance"] = remittance_view(receipts(s, cell_id, year), dues["months"], year, today)
    local = next(iter(cell_view.records(s, cell_id, "cells")), {})
    return {
        "local": local, "members": members, "meetings": meetings, "reviews": reviews_view(s, cell_id, year, names),
        "five_good": five_good_view(s, cell_id, year), "dues": dues,
        "attention": attention_view(meetings, year, dues["attention"], documents.preferences(
            cell_view.records(s, cell_id, "cell_preferences")).get(documents.RULE_VERSION_KEY)),
        "history": cell_view.sync_history(s, cell_id), "devices": cell_view.devices(s, cell_id),
        "committee_writes": cell_view.committee_writes(s, cell_id),
        "years": sorted(set(cell_view.years(s, cell_id)) | {today.year}, reverse=True),
        "guidance": cell_view.records(s, cell_id, "guidance_documents"),
    }
