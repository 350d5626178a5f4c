"""The meetings feature's reminders on the overview (missing and draft minutes, thematic meetings, the last
meeting's absentees), registered with services/reminders.py."""

from __future__ import annotations

from ..reminders import register
from .year import meeting_reminders

register("meetings", meeting_reminders, order=40)
