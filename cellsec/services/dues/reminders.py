"""The dues feature's reminders on the overview (last month's unpaid dues), registered with
services/reminders.py."""

from __future__ import annotations

from ..reminders import register
from .service import dues_reminders

register("dues", dues_reminders, order=30)
