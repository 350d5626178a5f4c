"""Dues remitted to the committee: the receipts the officer records on a cell's page, set against what the
cell is expected to remit (its collected dues less the share its own dues rules keep).

- POST /cells/{id}/remittances                 record a receipt (period, amount, date received, note)
- POST /cells/{id}/remittances/{rid}/cancel    cancel a receipt recorded by mistake
Bad input re-shows the cell's page with the message beside the form and the typed values kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response

from cellsec.domain.messages import Msg

from ..errors import ServerError
from ..store import remittances as R
from .core import Pages, Refused, redirect

BAD_DATE = Msg("Ngày nhận không hợp lệ: \"{value}\".", "Invalid date received: \"{value}\".")
NEED_DATE = Msg("Hãy ghi ngày cấp ủy nhận tiền.", "Enter the date the committee received the money.")
DONE = {"recorded": "Đã ghi nhận đảng phí nộp lên {label}; chi bộ sẽ thấy ở lần đồng bộ tới.",
        "cancelled": "Đã hủy phiếu ghi nhận {label}; chi bộ sẽ thấy ở lần đồng bộ tới."}


def remittance_view(receipts: list[dict[str, Any]], months: dict[str, dict[str, int]], year: int,
                    today: dt.date) -> dict[str, Any]:
    """Per period: expected (the months' remitted share), received, the difference. A month with something to
    remit and no receipt covering it is a row of its own, 'not received'."""
    covered = {m for r in receipts for m in r.get("months") or ()}
    rows = []
    for r in receipts:
        expected = sum(months.get(m, {}).get("remit", 0) for m in r.get("months") or ())
        rows.append({"key": (r.get("months") or [""])[0], "label": _cap(r.get("period_label", "")), "expected": expected,
                     "received": int(r.get("amount") or 0), "receipt": r,
                     "difference": int(r.get("amount") or 0) - expected})
    for month, m in months.items():
        if month not in covered and m.get("remit"):
            period = R.parse_period(month)
            ended = dt.date.fromisoformat(f"{month}-01") <= today.replace(day=1)
            rows.append({"key": month, "label": _cap(period.label), "expected": m["remit"], "received": None,
                         "receipt": None, "difference": -m["remit"], "ended": ended})
    rows.sort(key=lambda row: row["key"])
    expected = sum(m.get("remit", 0) for m in months.values())
    received = sum(int(r.get("amount") or 0) for r in receipts)
    # The form starts on the first month that is over and not received yet (not on January every time).
    due = [row["key"] for row in rows if row["receipt"] is None and row.get("ended")]
    return {"rows": rows, "expected": expected, "received": received, "outstanding": max(0, expected - received),
            "periods": [(p.key, _cap(p.label)) for p in R.periods_of_year(year)], "suggested": due[0] if due else ""}


def _cap(label: str) -> str:
    return label[:1].upper() + label[1:]


def done_notice(done: str, label: str) -> str:
    """The confirmation; the label is shown only if it names a real period (nothing else is echoed)."""
    try:
        period = R.parse_period(label)
    except ServerError:
        return ""
    return DONE[done].format(label=period.label) if done in DONE else ""


def _received_on(text: str) -> dt.date:
    text = (text or "").strip()
    if not text:
        raise ServerError(400, "need_date", NEED_DATE)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ServerError(400, "bad_date", BAD_DATE, value=text[:40]) from None


def add_routes(app: FastAPI, pages: Pages) -> None:
    from .cell import render_cell

    @app.post("/cells/{cell_id}/remittances")
    async def record(request: Request, cell_id: str) -> Response:
        who, cell, form = await pages.cell_form(request, cell_id)
        typed = {k: str(form.get(k, ""))[:500] for k in ("period", "amount", "received_on", "note")}
        year = int(typed["period"][:4]) if typed["period"][:4].isdigit() else dt.date.today().year
        try:
            period = R.parse_period(typed["period"])
            await pages.db(R.record_receipt, cell.id, period, R.parse_amount(typed["amount"]),
                           _received_on(typed["received_on"]), typed["note"], who.display_name)
        except ServerError as exc:
            return await render_cell(pages, request, who, cell, year, status=exc.status if exc.status < 500 else 400,
                                     receipt_error=exc.message("vi"), receipt_form=typed)
        return redirect(f"/cells/{cell.id}?year={period.year}&done=recorded&period={period.key}#nop-dang-phi")

    @app.post("/cells/{cell_id}/remittances/{receipt_id}/cancel")
    async def cancel(request: Request, cell_id: str, receipt_id: str) -> Response:
        _who, cell, _form = await pages.cell_form(request, cell_id)
        try:
            fields = await pages.db(R.cancel_receipt, cell.id, receipt_id)
        except ServerError as exc:
            raise Refused(exc.status, exc.message("vi")) from None
        return redirect(f"/cells/{cell.id}?year={fields['year']}&done=cancelled&period={fields['period']}"
                        "#nop-dang-phi")
