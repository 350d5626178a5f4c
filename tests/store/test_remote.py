"""Rows from elsewhere: written as they were on their origin, never put back in the outbox."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select

from cellsec.store.models.core import ChangeLog
from cellsec.store.models.members import Member
from cellsec.store.remote import RemoteRow, apply_rows
from cellsec.services.members.service import MemberInput


def _member_snapshot(services) -> tuple[str, dict]:
    member = services.members.add(MemberInput(
        full_name="Hoàng Văn Nam", date_of_birth=dt.date(1979, 4, 2), gender="nam", admitted_on=dt.date(2004, 2, 3),
        official_on=dt.date(2005, 2, 3), status="chinh_thuc", card_no="79012345"))
    with services.ctx.read() as s:
        row = s.scalars(select(ChangeLog).where(ChangeLog.entity_id == member.id)).one()
        return member.id, json.loads(row.snapshot)


def _log_size(services) -> int:
    with services.ctx.read() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog))


def test_a_pulled_row_keeps_its_rev_and_writes_no_outbox_row(services):
    member_id, snap = _member_snapshot(services)
    newer = dict(snap, full_name="Hoàng Văn Nam (sửa ở máy phó bí thư)", updated_at="2026-11-30T03:00:00+00:00")
    before = _log_size(services)
    with services.ctx.store.sessions.begin() as s:
        written = apply_rows(s, [RemoteRow("members", member_id, 5, newer)])
    assert len(written) == 1 and _log_size(services) == before
    with services.ctx.read() as s:
        m = s.get(Member, member_id)
        assert (m.full_name, m.rev) == ("Hoàng Văn Nam (sửa ở máy phó bí thư)", 5)
        assert m.updated_at == dt.datetime(2026, 11, 30, 3, tzinfo=dt.timezone.utc)

    # The same page delivered again (or an older revision) changes nothing.
    with services.ctx.store.sessions.begin() as s:
        assert apply_rows(s, [RemoteRow("members", member_id, 5, snap), RemoteRow("members", member_id, 4, snap)]) == []


def test_a_new_row_arrives_before_the_row_it_refers_to(services):
    # A card number and its member in the wrong order: applied in dependency order, keys checked at commit.
    member_id, snap = _member_snapshot(services)
    with services.ctx.read() as s:
        status = s.scalars(select(ChangeLog).where(ChangeLog.entity == "card_numbers")).first()
    assert status is not None
    new_member = dict(snap, id="m-remote", cccd="", card_no="79099999", full_name="Đinh Thị Lan")
    card_snap = dict(json.loads(status.snapshot), id="c-remote", member_id="m-remote", card_no="79099999")
    with services.ctx.store.sessions.begin() as s:
        apply_rows(s, [RemoteRow("card_numbers", "c-remote", 1, card_snap),
                       RemoteRow("members", "m-remote", 1, new_member)])
    with services.ctx.read() as s:
        assert s.get(Member, "m-remote").full_name == "Đinh Thị Lan"


def test_the_change_log_names_its_schema(services):
    _member_snapshot(services)
    with services.ctx.read() as s:
        versions = set(s.scalars(select(ChangeLog.schema_version)))
    # The migration heads the store is at (a receiver compares them with its own).
    from cellsec.store.migrate import head_revisions

    assert versions == {"+".join(sorted(head_revisions()))}
