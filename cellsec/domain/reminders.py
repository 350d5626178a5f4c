"""Reminders on the overview page: one sentence each about what needs the secretary's attention.

Features produce them (services/reminders.py is the registry they register their providers with); the
members at risk come from the one attention list (domain/attention.py, services/attention.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

WARNING, INFO = "warning", "info"


@dataclass
class Reminder:
    kind: str  # e.g. "probation_ending", "exemption_ending", "missing_data", "meeting_missing"
    severity: str  # WARNING | INFO
    text: str  # sentence shown on the overview, in the user's language
    member_id: str | None = None
    due: dt.date | None = None


def sort_reminders(found: list[Reminder]) -> list[Reminder]:
    """Warnings first, each group by due date (undated last); otherwise in the order given."""
    order = {WARNING: 0, INFO: 1}
    return sorted(found, key=lambda r: (order.get(r.severity, 2), r.due is None, r.due or dt.date.max))
