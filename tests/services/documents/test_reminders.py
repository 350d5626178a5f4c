"""The overview tells the secretary to reprint a document sync renumbered, for a month after it happened."""

from __future__ import annotations

import datetime as dt

from .test_numbers import renumber_mine


def test_a_document_renumbered_by_sync_is_a_reminder_to_reprint_it(services):
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()
    renumber_mine(services)
    texts = [r.text for r in services.overview.reminders(today) if r.kind == "renumbered"]
    assert texts == ["Biên bản sinh hoạt chi bộ ngày 05/09/2025 nay là Số 02-BB/CB (đánh số lại khi đồng bộ): "
                     "hãy in lại. Xem ở Cài đặt → Số văn bản."]
    later = today + dt.timedelta(days=31)
    assert not [r for r in services.overview.reminders(later) if r.kind == "renumbered"]
