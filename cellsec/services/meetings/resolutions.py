"""The resolution (nghị quyết) a meeting adopts: defaults, save, issue (numbered, chained), delete.
Part of MeetingService (services/meetings/service.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ...domain import meetings as rules
from ...domain.documents import TYPE_RESOLUTION, resolution_body
from ...domain.messages import Msg
from ...domain.text import clean_line, clean_text
from ...store.base import utcnow
from ...store.models.core import Audit, Cell
from ...store.models.meetings import Meeting, Resolution
from ..context import Context
from ..errors import ServiceError, ValidationFailed
from ..lifecycle import Numbering, finalise_document, number_in_sentence, superseded_by
from ..revisions import ensure_revision, live_revision
from .messages import (
    NO_RESOLUTION,
    RESOLUTION_DELETE_SUMMARY,
    RESOLUTION_EMPTY,
    RESOLUTION_ISSUE_SUMMARY,
    RESOLUTION_LOCKED,
    RESOLUTION_SAVE_SUMMARY,
    SUPERSEDED,
)
from .queries import current_resolution, load_meeting, resolution_content_of, resolution_record
from .records import ResolutionInput, ResolutionRecord
from .rulesets import meeting_rules

# How "changed meanwhile" names the resolution's columns (services/revisions.py).
RESOLUTION_FIELDS = {
    "title": Msg("Trích yếu", "Title"), "body": Msg("Nội dung nghị quyết", "Resolution text"),
    "issued_on": Msg("Ngày ban hành", "Date"), "signer_name": Msg("Người ký", "Signer"),
    "signer_role": Msg("Chức vụ người ký", "Signer's role"), "recipients": Msg("Nơi nhận", "Recipients"),
    "status": Msg("Trạng thái", "Status"),
}


class ResolutionMixin:
    ctx: Context

    # ---- resolution --------------------------------------------------------------------------------
    def resolution_defaults(self, meeting_id: str) -> ResolutionInput:
        """A starting point for the resolution form: the meeting's conclusion as body, the secretary as
        signer, the usual recipients."""
        record = self.get(meeting_id)
        c = record.content
        cell = self._cell_on(c.held_on)
        month, year = c.period_month or c.held_on.month, c.period_year or c.held_on.year
        if c.kind == "thuong_ky":
            next_month, next_year = (1, year + 1) if month == 12 else (month + 1, year)
            title = f"về lãnh đạo thực hiện nhiệm vụ tháng {next_month} năm {next_year}" \
                if c.held_on.day > 20 else f"về lãnh đạo thực hiện nhiệm vụ tháng {month} năm {year}"
        elif c.topic:
            title = f"về {c.topic[:1].lower()}{c.topic[1:]}"
        else:
            title = ""
        recipients = [f"{cell.upper_committee} (để báo cáo)" if cell.upper_committee else "",
                      "Các đảng viên trong chi bộ (để thực hiện)", "Lưu chi bộ"]
        return ResolutionInput(title=title, body=resolution_body(c.resolution_text), issued_on=c.held_on,
                               signer_name=cell.secretary_name, signer_role="BÍ THƯ",
                               recipients=[r for r in recipients if r])

    def _cell_on(self, on: dt.date):
        return self.ctx.services.cell.get(on)

    def get_resolution(self, meeting_id: str) -> ResolutionRecord | None:
        with self.ctx.read() as s:
            r = current_resolution(s, meeting_id)
            return resolution_record(r) if r else None

    def resolution_revision(self, meeting_id: str) -> int:
        """The stored revision of the meeting's resolution now (NEW: none yet): the editor's `base_rev`."""
        with self.ctx.read() as s:
            return live_revision(current_resolution(s, meeting_id))

    def save_resolution(self, meeting_id: str, data: ResolutionInput, *,
                        base_rev: int | None = None) -> ResolutionRecord:
        """Create or edit the meeting's resolution (draft only). `base_rev`: the revision the editor loaded
        (`resolution_revision`); a resolution saved, created or deleted elsewhere since raises
        ChangedMeanwhile and nothing is written."""
        cleaned = ResolutionInput(title=clean_line(data.title), body=clean_text(data.body), issued_on=data.issued_on,
                                  signer_name=clean_line(data.signer_name),
                                  signer_role=clean_line(data.signer_role) or "BÍ THƯ",
                                  recipients=[clean_line(x) for x in data.recipients if clean_line(x)])
        with self.ctx.read() as s:
            m = load_meeting(s, meeting_id)
            if superseded_by(s, Meeting, m.id):
                raise ServiceError(SUPERSEDED)
            r = current_resolution(s, meeting_id)
            if r is not None and r.status == "approved":
                raise ServiceError(RESOLUTION_LOCKED)
            held_on = m.held_on
        with self.ctx.mutation("resolution.save", RESOLUTION_SAVE_SUMMARY.format(title=cleaned.title)) as s:
            r = current_resolution(s, meeting_id)
            ensure_revision(s, r, base_rev, RESOLUTION_FIELDS)
            if r is not None and r.status == "approved":  # issued elsewhere since the check above
                raise ServiceError(RESOLUTION_LOCKED)
            if r is None:
                r = Resolution(cell_id=self.ctx.cell_id, meeting_id=meeting_id)
                s.add(r)
            r.title, r.body, r.issued_on = cleaned.title, cleaned.body, cleaned.issued_on or held_on
            r.signer_name, r.signer_role = cleaned.signer_name, cleaned.signer_role
            r.recipients = "\n".join(cleaned.recipients)
        return self.get_resolution(meeting_id)

    def issue_problems(self, meeting_id: str) -> dict[str, str]:
        """What keeps the saved resolution from being issued, by field ({} when it can be): the checks
        `issue_resolution` makes, without writing — the dialog shows them before asking to confirm."""
        with self.ctx.read() as s:
            _m, r = _issuable(s, meeting_id)
            return _issue_errors(r)

    def issue_resolution(self, meeting_id: str) -> ResolutionRecord:
        """Number the resolution ("Số 05-NQ/CB", next of the year), lock it, add it to the hash chain.
        One transaction: the checks, the write and the record returned (ValidationFailed rolls it back)."""
        with self.ctx.mutation("resolution.issue", RESOLUTION_ISSUE_SUMMARY.format(number=""), undoable=False) as s:
            m, r = _issuable(s, meeting_id)
            errors = _issue_errors(r)
            if errors:
                raise ValidationFailed(errors)
            issued_on = r.issued_on or m.held_on
            yearly = meeting_rules(self.ctx, issued_on, session=s).numbering_restarts_yearly
            abbreviation = s.get(Cell, m.cell_id).abbreviation
            r.issued_on = issued_on
            finalise_document(s, r, kind="resolution", version=1 if r.amends_id is None else 2,
                              content=lambda _s, row: resolution_content_of(row),
                              numbering=Numbering(TYPE_RESOLUTION, abbreviation, issued_on.year, yearly))
            number = number_in_sentence(r.number_text)
            s.get(Audit, s.info["audit_id"]).summary = RESOLUTION_ISSUE_SUMMARY.format(number=number)
            record = resolution_record(r)
        return record

    def delete_resolution(self, meeting_id: str) -> None:
        with self.ctx.read() as s:
            r = current_resolution(s, meeting_id)
            if r is None:
                raise ServiceError(NO_RESOLUTION)
            if r.status == "approved":
                raise ServiceError(RESOLUTION_LOCKED)
            title = r.title
        with self.ctx.mutation("resolution.delete", RESOLUTION_DELETE_SUMMARY.format(title=title)) as s:
            current_resolution(s, meeting_id).deleted_at = utcnow()


def _issuable(s: Session, meeting_id: str) -> tuple[Meeting, Resolution]:
    """The meeting and its draft resolution; ServiceError when there is none to issue."""
    m = load_meeting(s, meeting_id)
    if superseded_by(s, Meeting, m.id):
        raise ServiceError(SUPERSEDED)
    r = current_resolution(s, meeting_id)
    if r is None:
        raise ServiceError(NO_RESOLUTION)
    if r.status == "approved":
        raise ServiceError(RESOLUTION_LOCKED)
    return m, r


def _issue_errors(r: Resolution) -> dict[str, str]:
    errors = {}
    if not r.body.strip():
        errors["body"] = RESOLUTION_EMPTY.format()
    if not r.signer_name:
        errors["signer_name"] = rules.REQUIRED.format()
    return errors
