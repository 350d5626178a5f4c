"""The minutes of a meeting: create, read, list, edit and autosave, save, delete, approve and amend.
Part of MeetingService (services/meetings/service.py)."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import meetings as rules
from ...domain.dates import format_date
from ...domain.documents import TYPE_MINUTES, document_number
from ...domain.meetings import AgendaItem, AttendanceEntry, MinutesContent, content_from_dict, content_to_dict
from ...domain.text import fold
from ...store.base import utcnow
from ...store.ids import new_id
from ...store.models.core import Audit, Cell
from ...store.models.meetings import Meeting, MeetingAttendance, MinutesAutosave, Resolution
from ...store.models.members import Member
from ..context import Context
from ..errors import ServiceError, ValidationFailed
from ..lifecycle import (
    Numbering,
    chain,
    ensure_editable,
    finalise_document,
    in_same_chain,
    next_number,
    number_in_sentence,
    superseded_by,
    superseding_map,
)
from ..revisions import ensure_revision, revision_of
from .messages import (
    ALREADY_AMENDED,
    ALREADY_APPROVED,
    AMEND_SUMMARY,
    APPROVE_SUMMARY,
    CANNOT_DELETE_APPROVED,
    CANNOT_DELETE_ISSUED,
    CREATE_SUMMARY,
    DELETE_SUMMARY,
    LOCKED,
    MINUTES_FIELDS,
    NOT_APPROVED,
    PERIOD_TAKEN,
    SAVE_SUMMARY,
    SUPERSEDED,
)
from .queries import (
    apply_content,
    attendance_entry,
    attendance_for,
    attendance_row,
    attendance_rows,
    cell_roster,
    drop_autosave,
    load_meeting,
    meeting_label,
    meeting_title,
    minutes_content_of,
)
from .records import MeetingRecord, MeetingSummary, meeting_summary
from .rulesets import meeting_rules, rules_lookup


class MinutesMixin:
    ctx: Context

    # ---- create ------------------------------------------------------------------------------------
    def create(self, kind: str, held_on: dt.date, *, topic: str = "", period_month: int | None = None,
               period_year: int | None = None, start_time: dt.time | None = None,
               end_time: dt.time | None = None, location: str = "") -> MeetingRecord:
        """A new draft: agenda from the template, attendance list = members in the cell on `held_on`,
        chair = the cell's secretary, recorder and place as at the previous meeting."""
        content = MinutesContent(kind=kind, held_on=held_on, topic=topic, period_month=period_month,
                                 period_year=period_year, start_time=start_time, end_time=end_time,
                                 location=location)
        content = rules.clean_content(content)
        errors, _ = rules.check_content(content, rules=self.rules(held_on))
        if errors:
            raise ValidationFailed(errors)
        cell_id = self.ctx.cell_id
        content.agenda = [AgendaItem(title=t) for t in
                          self.agenda_for(kind, content.period_month, content.period_year, content.topic)]
        with self.ctx.read() as s:
            self._check_period_free(s, cell_id, content, None)
            roster = cell_roster(s, cell_id, held_on)
            cell = s.get(Cell, cell_id)
            previous = s.scalars(select(Meeting).where(Meeting.cell_id == cell_id, Meeting.deleted_at.is_(None),
                                                       Meeting.held_on <= held_on)
                                 .order_by(Meeting.held_on.desc()).limit(1)).first()
            prev_content = content_from_dict(json.loads(previous.content)) if previous else None
        in_roster = {r.member_id: r for r in roster}
        chair = next((r for r in roster if cell.secretary_name and fold(r.full_name) == fold(cell.secretary_name)),
                     None)
        if chair is not None:
            content.chair_member_id, content.chair_name = chair.member_id, chair.full_name
        if prev_content is not None:
            content.location = content.location or prev_content.location
            recorder = in_roster.get(prev_content.secretary_member_id or "")
            if recorder is not None:
                content.secretary_member_id, content.secretary_name = recorder.member_id, recorder.full_name
        title = meeting_title(kind, content.period_month, content.period_year, content.topic)
        meeting_id = new_id()
        with self.ctx.mutation("meeting.create", CREATE_SUMMARY.format(title=title)) as s:
            m = Meeting(id=meeting_id, cell_id=cell_id)
            apply_content(m, content)
            s.add(m)
            s.flush()
            for r in roster:
                s.add(MeetingAttendance(cell_id=cell_id, meeting_id=meeting_id, member_id=r.member_id,
                                        full_name=r.full_name, party_status=r.party_status, list_no=r.list_no,
                                        status=r.status))
        return self.get(meeting_id)

    def _check_period_free(self, s: Session, cell_id: str, content: MinutesContent, meeting_id: str | None) -> None:
        if content.kind not in rules.REGULAR_KINDS:
            return
        q = select(Meeting).where(Meeting.cell_id == cell_id, Meeting.deleted_at.is_(None),
                                  Meeting.period_year == content.period_year,
                                  Meeting.period_month == content.period_month,
                                  Meeting.kind.in_(rules.REGULAR_KINDS))
        for other in s.scalars(q):
            if other.id == meeting_id or in_same_chain(s, Meeting, other.id, meeting_id):
                continue
            raise ValidationFailed({"period_month": PERIOD_TAKEN.format(
                month=content.period_month, year=content.period_year, date=format_date(other.held_on))})

    # ---- read --------------------------------------------------------------------------------------
    def revision(self, meeting_id: str) -> int | None:
        """The minutes' stored revision now (one indexed read): the editor tells a change made elsewhere."""
        with self.ctx.read() as s:
            return revision_of(s, Meeting, meeting_id)

    def get(self, meeting_id: str) -> MeetingRecord:
        with self.ctx.read() as s:
            m = load_meeting(s, meeting_id)
            return self._record(s, m)

    def _record(self, s: Session, m: Meeting, *, use_autosave: bool = True) -> MeetingRecord:
        content = content_from_dict(json.loads(m.content))
        autosaved_at = None
        if use_autosave and m.status == "draft":
            auto = s.get(MinutesAutosave, m.id)
            if auto is not None and auto.base_rev == m.rev:
                content, autosaved_at = content_from_dict(json.loads(auto.content)), auto.saved_at
        attendance = [attendance_row(a) for a in attendance_rows(s, m.id)]
        attendance.sort(key=lambda a: (a.list_no is None, a.list_no or 0, a.full_name))
        rule_set = meeting_rules(self.ctx, m.held_on, session=s)
        summary = rules.summarize_attendance([attendance_entry(a) for a in attendance], rule_set)
        superseded = superseded_by(s, Meeting, m.id)
        amended = s.get(Meeting, m.amends_id) if m.amends_id else None
        has_resolution = s.scalars(select(Resolution.id).where(Resolution.meeting_id == m.id,
                                                               Resolution.deleted_at.is_(None)).limit(1)).first()
        return MeetingRecord(
            id=m.id, status=m.status, number=m.number_text or "", revision=m.revision, amends_id=m.amends_id,
            amends_number=(amended.number_text or "") if amended else "",
            amends_held_on=amended.held_on if amended else None,
            superseded_by=superseded, approved_at=m.approved_at, content=content, attendance=attendance,
            summary=summary, duration_minutes=rules.duration_minutes(content.start_time, content.end_time),
            flags=rules.meeting_flags(content, summary, rule_set), rules_version=rule_set.version,
            title=meeting_title(content.kind, content.period_month or m.period_month, content.period_year or m.period_year,
                         content.topic),
            autosaved_at=autosaved_at, rev=m.rev, has_resolution=has_resolution is not None,
        )

    def list(self, year: int | None = None, *, include_superseded: bool = False) -> list[MeetingSummary]:
        """Meetings in date order (of `year`, or all). Amended minutes show their latest revision only,
        unless `include_superseded`."""
        with self.ctx.read() as s:
            q = select(Meeting).where(Meeting.cell_id == self.ctx.cell_id, Meeting.deleted_at.is_(None))
            if year is not None:
                q = q.where(Meeting.period_year == year)
            meetings = list(s.scalars(q.order_by(Meeting.held_on, Meeting.revision)))
            return self._summaries(s, meetings, include_superseded)

    def _summaries(self, s: Session, meetings: list[Meeting], include_superseded: bool) -> list[MeetingSummary]:
        ids = [m.id for m in meetings]
        superseding = superseding_map(s, Meeting, ids)
        attendance: dict[str, list[AttendanceEntry]] = {}
        for a in attendance_for(s, ids):
            attendance.setdefault(a.meeting_id, []).append(attendance_entry(attendance_row(a)))
        resolutions = dict(s.execute(select(Resolution.meeting_id, Resolution.status)
                                     .where(Resolution.meeting_id.in_(ids), Resolution.deleted_at.is_(None))).all()) \
            if ids else {}
        out = []
        rules_on = rules_lookup(self.ctx, s)
        for m in meetings:
            if m.id in superseding and not include_superseded:
                continue
            out.append(meeting_summary(m, attendance.get(m.id, []), superseding.get(m.id), resolutions.get(m.id),
                                       rules_on(m.held_on)))
        return out

    def revisions(self, meeting_id: str) -> list[MeetingSummary]:
        """Every revision of these minutes, the original first."""
        with self.ctx.read() as s:
            return self._summaries(s, chain(s, load_meeting(s, meeting_id)), include_superseded=True)

    def years(self) -> list[int]:
        """Years that have meetings (newest first), plus the current year."""
        with self.ctx.read() as s:
            found = set(s.scalars(select(Meeting.period_year).where(Meeting.cell_id == self.ctx.cell_id,
                                                                    Meeting.deleted_at.is_(None)).distinct()))
        found.add(dt.date.today().year)
        return sorted(found, reverse=True)

    # ---- edit the minutes ----------------------------------------------------------------------------
    def check(self, meeting_id: str, content: MinutesContent) -> tuple[dict[str, str], dict[str, str]]:
        """(errors, warnings) by field for the editor to show as the user types. Fields: kind, held_on,
        period_month, topic, start_time, end_time, location, chair_name, secretary_name, agenda,
        'agenda.<i>.vote', resolution_vote, checklist.materials_shared_on."""
        record = self.get(meeting_id)
        content = rules.clean_content(content)
        on = content.held_on or record.content.held_on
        return rules.check_content(content, record.summary.present, self.rules(on))

    def save_draft(self, meeting_id: str, content: MinutesContent) -> dt.datetime:
        """Autosave: keep the editor's content as a crash-recovery copy. One small transaction, no undo
        entry, no change-log snapshot; safe to call every few seconds. Returns the time saved."""
        data = unicodedata.normalize("NFC", json.dumps(content_to_dict(content), ensure_ascii=False))
        now = utcnow()
        with self.ctx.store.sessions.begin() as s:
            m = load_meeting(s, meeting_id)
            ensure_editable(s, m, locked=LOCKED, superseded=SUPERSEDED)
            auto = s.get(MinutesAutosave, meeting_id)
            if auto is None:
                s.add(MinutesAutosave(meeting_id=meeting_id, content=data, base_rev=m.rev, saved_at=now))
            else:
                auto.content, auto.base_rev, auto.saved_at = data, m.rev, now
        return now

    def discard_autosave(self, meeting_id: str) -> None:
        """Drop the autosaved copy (the user chose to keep the last saved minutes)."""
        with self.ctx.store.sessions.begin() as s:
            auto = s.get(MinutesAutosave, meeting_id)
            if auto is not None:
                s.delete(auto)

    def save(self, meeting_id: str, content: MinutesContent | None = None, *,
             base_rev: int | None = None) -> MeetingRecord:
        """Save the minutes (Ctrl+S, closing the editor): one undoable mutation. Without `content`,
        the autosaved copy (if any) is saved. Errors raise ValidationFailed; warnings do not block.
        `base_rev`: the revision the editor opened; saving over a newer one raises ChangedMeanwhile."""
        with self.ctx.read() as s:
            m = load_meeting(s, meeting_id)
            ensure_editable(s, m, locked=LOCKED, superseded=SUPERSEDED)
            if content is None:
                auto = s.get(MinutesAutosave, meeting_id)
                if auto is None or auto.base_rev != m.rev:  # none, or edited from an older revision
                    return self._record(s, m, use_autosave=False)
                content = content_from_dict(json.loads(auto.content))
            content = self._prepared(s, m, content)
            unchanged = json.dumps(content_to_dict(content), ensure_ascii=False, sort_keys=True) == \
                json.dumps(json.loads(m.content), ensure_ascii=False, sort_keys=True)
            has_autosave = s.get(MinutesAutosave, meeting_id) is not None
        if unchanged:
            if has_autosave:
                self.discard_autosave(meeting_id)
            return self.get(meeting_id)
        title = meeting_title(content.kind, content.period_month, content.period_year, content.topic)
        with self.ctx.mutation("meeting.save", SAVE_SUMMARY.format(title=title)) as s:
            m = load_meeting(s, meeting_id)
            ensure_revision(s, m, base_rev, MINUTES_FIELDS)
            apply_content(m, content)
            drop_autosave(s, meeting_id)
        return self.get(meeting_id)

    def _prepared(self, s: Session, m: Meeting, content: MinutesContent) -> MinutesContent:
        """Clean, validate (errors raise) and fill member names from the frozen attendance list."""
        content = rules.clean_content(content)
        present = sum(1 for a in attendance_rows(s, m.id) if a.status == "present")
        errors, _ = rules.check_content(content, present,
                                         meeting_rules(self.ctx, content.held_on or m.held_on, session=s))
        if errors:
            raise ValidationFailed(errors)
        self._check_period_free(s, m.cell_id, content, m.id)
        names = {a.member_id: a.full_name for a in attendance_rows(s, m.id)}

        def name_of(member_id: str | None, given: str) -> str:
            if member_id and member_id in names:
                return names[member_id]
            if member_id:
                member = s.get(Member, member_id)
                if member is not None:
                    return member.full_name
            return given

        content.chair_name = name_of(content.chair_member_id, content.chair_name)
        content.secretary_name = name_of(content.secretary_member_id, content.secretary_name)
        for item in content.agenda:
            item.presenter_name = name_of(item.presenter_member_id, item.presenter_name)
            for sp in item.speeches:
                sp.speaker_name = name_of(sp.speaker_member_id, sp.speaker_name)
        return content

    def delete(self, meeting_id: str) -> None:
        """Delete a draft (tombstone, undoable). Approved minutes are kept for good."""
        with self.ctx.read() as s:
            m = load_meeting(s, meeting_id)
            if m.status == "approved":
                raise ServiceError(CANNOT_DELETE_APPROVED)
            issued = s.scalars(select(Resolution.id).where(Resolution.meeting_id == m.id,
                                                           Resolution.status == "approved",
                                                           Resolution.deleted_at.is_(None))).first()
            if issued:
                raise ServiceError(CANNOT_DELETE_ISSUED)
            label = meeting_label(m)
        with self.ctx.mutation("meeting.delete", DELETE_SUMMARY.format(title=label)) as s:
            now = utcnow()
            m = load_meeting(s, meeting_id)
            m.deleted_at = now
            for a in attendance_rows(s, meeting_id):
                a.deleted_at = now
            for r in s.scalars(select(Resolution).where(Resolution.meeting_id == meeting_id,
                                                        Resolution.deleted_at.is_(None))):
                r.deleted_at = now
            drop_autosave(s, meeting_id)

    # ---- approve, amend ------------------------------------------------------------------------------
    def approval_problems(self, meeting_id: str, content: MinutesContent | None = None) -> dict[str, str]:
        """What keeps these minutes from being approved now, by field ({} when they can be): the checks
        `approve` makes, without writing anything — the editor shows them before asking to confirm."""
        with self.ctx.read() as s:
            m = load_meeting(s, meeting_id)
            ensure_editable(s, m, locked=LOCKED, superseded=SUPERSEDED)
            content = self._content_or_autosave(s, m, content)
            try:
                content = self._prepared(s, m, content)
            except ValidationFailed as exc:
                return {**rules.approval_errors(rules.clean_content(content)), **exc.errors}
            return rules.approval_errors(content)

    def approve(self, meeting_id: str, content: MinutesContent | None = None) -> MeetingRecord:
        """"Thông qua biên bản": save `content` (or the autosaved copy), number the minutes (next number
        of the year: "Số 07-BB/CB"), lock them and add them to the finalised hash chain. Not undoable.
        One transaction: the checks, the write and the record returned (ValidationFailed rolls it back)."""
        title = meeting_title(content.kind, content.period_month, content.period_year, content.topic) \
            if content is not None and content.period_month else ""
        with self.ctx.mutation("meeting.approve", APPROVE_SUMMARY.format(number="", title=title),
                               undoable=False) as s:
            m = load_meeting(s, meeting_id)
            if m.status == "approved":  # approved by another window or process since this one looked
                raise ServiceError(ALREADY_APPROVED, number=number_in_sentence(m.number_text or ""))
            ensure_editable(s, m, locked=LOCKED, superseded=SUPERSEDED)
            content = self._prepared(s, m, self._content_or_autosave(s, m, content))
            content.read_back = True  # approving is the cell adopting the minutes read back to it
            errors = rules.approval_errors(content)
            if errors:
                raise ValidationFailed(errors)
            yearly = meeting_rules(self.ctx, content.held_on, session=s).numbering_restarts_yearly
            abbreviation = s.get(Cell, m.cell_id).abbreviation
            drop_autosave(s, meeting_id)
            apply_content(m, content)  # written with the number, in one UPDATE (see finalise_document)
            finalise_document(s, m, kind="minutes", version=m.revision, content=minutes_content_of,
                              numbering=Numbering(TYPE_MINUTES, abbreviation, content.held_on.year, yearly))
            s.get(Audit, s.info["audit_id"]).summary = APPROVE_SUMMARY.format(
                number=number_in_sentence(m.number_text),
                title=meeting_title(m.kind, m.period_month, m.period_year, m.topic))
            record = self._record(s, m, use_autosave=False)
        return record

    def next_number_text(self, meeting_id: str, held_on: dt.date | None = None) -> str:
        """The number approving these minutes now would give them ("Số 07-BB/CB", the cell's own
        abbreviation and sequence), for the confirmation question; nothing is reserved."""
        with self.ctx.read() as s:
            m = load_meeting(s, meeting_id)
            held_on = held_on or m.held_on
            yearly = meeting_rules(self.ctx, held_on, session=s).numbering_restarts_yearly
            seq = next_number(s, Meeting, m.cell_id, held_on.year, yearly)
            return document_number(seq, TYPE_MINUTES, s.get(Cell, m.cell_id).abbreviation)

    @staticmethod
    def _content_or_autosave(s: Session, m: Meeting, content: MinutesContent | None) -> MinutesContent:
        """`content`, else the autosaved copy taken from the current revision, else the saved minutes."""
        if content is not None:
            return content
        auto = s.get(MinutesAutosave, m.id)
        return content_from_dict(json.loads(auto.content if auto and auto.base_rev == m.rev else m.content))

    def amend(self, meeting_id: str) -> MeetingRecord:
        """Start a correction of approved minutes: a new draft revision (same content and attendance)
        that names the minutes it corrects. The original stays as approved, readable and printable."""
        with self.ctx.read() as s:
            m = load_meeting(s, meeting_id)
            if m.status != "approved":
                raise ServiceError(NOT_APPROVED)
            if superseded_by(s, Meeting, m.id):
                raise ServiceError(ALREADY_AMENDED)
            number = m.number_text
        new_id_ = new_id()
        with self.ctx.mutation("meeting.amend", AMEND_SUMMARY.format(number=number_in_sentence(number))) as s:
            m = load_meeting(s, meeting_id)
            copy = Meeting(id=new_id_, cell_id=m.cell_id, kind=m.kind, held_on=m.held_on, period_year=m.period_year,
                           period_month=m.period_month, topic=m.topic, start_time=m.start_time, end_time=m.end_time,
                           location=m.location, chair_member_id=m.chair_member_id,
                           secretary_member_id=m.secretary_member_id, content=m.content, status="draft",
                           amends_id=m.id, revision=m.revision + 1)
            s.add(copy)
            s.flush()
            for a in attendance_rows(s, m.id):
                s.add(MeetingAttendance(cell_id=a.cell_id, meeting_id=new_id_, member_id=a.member_id,
                                        full_name=a.full_name, party_status=a.party_status, list_no=a.list_no,
                                        status=a.status, reason=a.reason))
            for r in s.scalars(select(Resolution).where(Resolution.meeting_id == m.id,
                                                        Resolution.deleted_at.is_(None))):
                s.add(Resolution(cell_id=r.cell_id, meeting_id=new_id_, title=r.title, body=r.body,
                                 issued_on=r.issued_on, signer_name=r.signer_name, signer_role=r.signer_role,
                                 recipients=r.recipients, status="draft",
                                 amends_id=r.id if r.status == "approved" else r.amends_id))
                if r.status != "approved":
                    r.deleted_at = utcnow()  # an unissued draft moves to the new revision
        return self.get(new_id_)
