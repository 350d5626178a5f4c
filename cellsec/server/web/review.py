"""GET /cells/{id}/reviews/{review_id}: one member's self-review as the cell sent it up (the form's parts in
the order of the year's review rules), the cell's assessment and vote, the committee's decision, and every
comment the committee wrote on it (who, when), with the form to write another. The summary table on the
cell's page links each member here."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response

from cellsec.domain.messages import Msg
from cellsec.domain.review_rules import LEVEL_SHORT, RuleSetError, parse_rule_set
from cellsec.domain.reviews import numbered_sections

from ..store import cell_view
from .cell_model import form_names
from .core import Pages, Refused

NO_REVIEW = Msg("Không tìm thấy bản kiểm điểm này của chi bộ.", "No such review of the cell.")
STATUS = {"draft": "Đang làm", "submitted": "Đã nộp", "decided": "Đã quyết định"}


def _json(text: Any, empty: Any) -> Any:
    try:
        return json.loads(text) if isinstance(text, str) and text else empty
    except ValueError:
        return empty


def _sections(review: dict[str, Any], rules_json: str | None) -> list[dict[str, Any]]:
    """The self-review's texts under the form's numbered parts; sections the rules do not name come last."""
    texts = _json(review.get("sections"), {})
    texts = texts if isinstance(texts, dict) else {}
    try:
        rules = parse_rule_set(json.loads(rules_json or "{}"))
        form = next((f for f in rules.form_types if f.key == review.get("form_type")), None)
    except (RuleSetError, ValueError, TypeError, KeyError):
        form = None
    out, named = [], set()
    for s in numbered_sections(form) if form else []:
        named.add(s.key)
        heading = f"{s.part_number}. {s.part_title}" if s.first_in_part else ""
        out.append({"heading": heading, "title": f"{s.number}. {s.title}" if s.number else s.title,
                    "text": str(texts.get(s.key) or "")})
    out += [{"heading": "", "title": key, "text": str(text or "")} for key, text in texts.items() if key not in named]
    return out


def review_page(s: Any, cell_id: str, review_id: str) -> dict[str, Any] | None:
    review = cell_view.record(s, cell_id, "member_reviews", review_id)
    if review is None:
        return None
    member = cell_view.record(s, cell_id, "members", review.get("member_id") or "") or {}
    year = next(iter(cell_view.records(s, cell_id, "review_years", id=review.get("year_id") or "")), None)
    decision = next(iter(cell_view.records(s, cell_id, "classification_decisions", review_id=review_id)), None)
    comments = cell_view.records(s, cell_id, "committee_comments", target_entity="member_reviews",
                                 target_id=review_id)
    forms = form_names(year)
    return {
        "review": review, "member": member, "decision": decision,
        "form": forms.get(review.get("form_type", ""), review.get("form_type", "")),
        "sections": _sections(review, (year or {}).get("rules_json")),
        "levels": {k: LEVEL_SHORT.get(review.get(k) or "", "") for k in ("self_level", "cell_level")},
        "decided": LEVEL_SHORT.get((decision or {}).get("level") or "", ""),
        "status_label": STATUS.get(review.get("status", "draft"), review.get("status", "")),
        "comments": sorted(comments, key=lambda c: c.get("created_at") or ""),
    }


def add_routes(app: FastAPI, pages: Pages) -> None:
    @app.get("/cells/{cell_id}/reviews/{review_id}")
    async def review(request: Request, cell_id: str, review_id: str, done: str = "") -> Response:
        who = await pages.user(request)
        cell = await pages.cell(who, cell_id)
        data = await pages.db(review_page, cell.id, review_id)
        if data is None:
            raise Refused(404, NO_REVIEW.format())
        notice = "Đã gửi ý kiến; bí thư chi bộ sẽ thấy ở lần đồng bộ tới." if done == "comment" else ""
        return pages.render(request, "review.html", who, cell=cell, notice=notice, **data)
