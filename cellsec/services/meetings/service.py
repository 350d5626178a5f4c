"""Cell meetings and their minutes: plan, record attendance, write and autosave the minutes, approve and
amend them, the meeting's resolution, the year view and the absence reminders.

How the pieces fit (for the window and the CLI):

* `create(kind, held_on, ...)` makes a draft with the agenda from the template and the attendance list of
  the members in the cell on that date (names and standing frozen in the attendance rows).
* The editor holds a `MinutesContent`. It calls `save_draft(id, content)` every few seconds while the user
  types (cheap, crash-safe, no undo entry), and `save(id, content)` on Ctrl+S, on closing and before
  printing (one undoable mutation). `get(id)` returns the autosaved copy if one is newer than the saved
  minutes (`MeetingRecord.autosaved_at` is then set), so a crash loses at most the last few seconds.
* Attendance: `set_attendance(id, member_id, status, reason)` or `set_attendance_many`.
* `approve(id)` ("Thông qua biên bản") numbers the minutes "Số 07-BB/CB", locks them and appends them to
  the finalised-documents hash chain. A later correction is `amend(id)`: a new draft revision naming the
  one it corrects; it gets its own number when approved (and prints "Sửa đổi, bổ sung Biên bản số ...").
* The resolution: `resolution_defaults`, `save_resolution`, `issue_resolution` (numbered "Số 05-NQ/CB").

Autosave design: autosaves go to `minutes_autosaves` (one row per meeting, overwritten), not to the
meeting row, so they add no audit entry and no change-log snapshot — a snapshot of the whole minutes
every few seconds would add megabytes per meeting to the outbox that sync ships. The next real save (or
approval) folds the copy into the meeting row as one undoable, change-logged mutation and deletes it.

Where things are: `MeetingService` (here: rules and the agenda template) is made of one mixin per part —
minutes.py (create, read, edit, save, approve, amend, delete), attendance.py, resolutions.py, year.py (the
year plan, absences, the minutes book, the overview's reminders). Read models are in records.py, messages
in messages.py, rule versions in rulesets.py, session helpers and the finalised content in queries.py.
Numbering, locking, amendment chains and the hash chain come from services/lifecycle.py.
"""

from __future__ import annotations

import datetime as dt
import json

from ...domain import meetings as rules
from ...domain.meetings import MeetingRules
from ...domain.text import clean_line
from ...domain.messages import Msg
from ..context import Context
from .attendance import AttendanceMixin
from .minutes import MinutesMixin
from .resolutions import ResolutionMixin
from .rulesets import AGENDA_SETTING, RULE_VERSION_SETTING, meeting_rules, rule_set_named
from .year import YearMixin

__all__ = ["MeetingService"]


PIN_RULES = Msg("Chọn phiên bản quy định sinh hoạt áp dụng: {version}", "Meeting rules version in use: {version}")
PIN_BY_DATE = Msg("theo ngày họp", "by the meeting's date")
AGENDA_CHANGED = Msg("Sửa mẫu chương trình họp của chi bộ", "Edit the cell's meeting agenda template")


class MeetingService(MinutesMixin, AttendanceMixin, ResolutionMixin, YearMixin):
    """The meetings use cases; each group of methods lives in its own module of this package."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # ---- rules and templates -----------------------------------------------------------------------
    def rules(self, on: dt.date | None = None) -> MeetingRules:
        return meeting_rules(self.ctx, on or dt.date.today())

    def rule_versions(self) -> list[tuple[str, dt.date, str]]:
        """(version, effective from, source) of every meeting rule version shipped."""
        return [(str(v.version), v.effective_from, v.source) for v in rule_set_named("meeting_rules").versions]

    def pin_rule_version(self, version: str | None) -> None:
        """Use this rule version for every meeting (None: the version in force on each meeting's date)."""
        if version is not None:
            rule_set_named("meeting_rules").version(version)  # raises if unknown
        self.ctx.set_preference(RULE_VERSION_SETTING, version or "", PIN_RULES.format(
            version=version or PIN_BY_DATE.format()))

    def agenda_template(self) -> dict[str, list[str]]:
        """Agenda items per meeting kind: the user's edited template, else the shipped one.
        Items may use {month} {year} {prev_month} {topic}."""
        stored = self.ctx.get_preference(AGENDA_SETTING)
        if stored:
            return json.loads(stored)
        return self.default_agenda_template()

    def default_agenda_template(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in rule_set_named("meeting_agenda_template").latest.values.items()}

    def set_agenda_template(self, template: dict[str, list[str]] | None) -> None:
        """Save the cell's template (None: back to the shipped one); every laptop of the cell uses it."""
        if template is None:
            self.ctx.set_preference(AGENDA_SETTING, "", AGENDA_CHANGED.format())
            return
        cleaned = {kind: [clean_line(x) for x in items if clean_line(x)]
                   for kind, items in template.items() if kind in rules.MEETING_KINDS}
        self.ctx.set_preference(AGENDA_SETTING, json.dumps(cleaned, ensure_ascii=False), AGENDA_CHANGED.format())

    def agenda_for(self, kind: str, month: int, year: int, topic: str = "") -> list[str]:
        return rules.render_agenda(self.agenda_template(), kind, month, year, topic)
