import datetime as dt

import pytest

from cellsec.domain.messages import Msg
from cellsec.services.errors import ServiceError
from cellsec.services.lifecycle import (
    Numbering,
    chain,
    ensure_editable,
    finalise_document,
    in_same_chain,
    is_finalised,
    next_number,
    number_in_sentence,
    superseded_by,
    superseding_map,
)
from cellsec.store.models.meetings import Meeting, Resolution

from .meeting_data import D, add_members, fill

LOCKED = Msg("Đã khóa.", "Locked.")
SUPERSEDED = Msg("Đã có bản sửa đổi.", "Amended.")


@pytest.fixture
def ids(services):
    return add_members(services)


def _approved(services, ids, on: dt.date) -> str:
    record = services.meetings.create("thuong_ky", on)
    fill(services, record.id, ids)
    services.meetings.approve(record.id)
    return record.id


def test_next_number_counts_per_year_or_continuously(services, ids):
    _approved(services, ids, D(2024, 12, 5))
    _approved(services, ids, D(2025, 1, 5))
    _approved(services, ids, D(2025, 2, 5))
    cell_id = services.ctx.cell_id
    with services.ctx.read() as s:
        assert next_number(s, Meeting, cell_id, 2025, yearly=True) == 3
        assert next_number(s, Meeting, cell_id, 2026, yearly=True) == 1
        assert next_number(s, Meeting, cell_id, 2026, yearly=False) == 3  # highest ever is 2
        assert next_number(s, Resolution, cell_id, 2025, yearly=True) == 1


def test_number_in_sentence():
    assert number_in_sentence("Số 07-BB/CB") == "số 07-BB/CB"
    assert number_in_sentence("") == ""


def test_ensure_editable_refuses_finalised_and_superseded_rows(services, ids):
    draft = services.meetings.create("thuong_ky", D(2025, 3, 5)).id
    approved = _approved(services, ids, D(2025, 4, 5))
    with services.ctx.read() as s:
        ensure_editable(s, s.get(Meeting, draft), locked=LOCKED, superseded=SUPERSEDED)
        with pytest.raises(ServiceError) as err:
            ensure_editable(s, s.get(Meeting, approved), locked=LOCKED, superseded=SUPERSEDED)
        assert str(err.value) == "Đã khóa."
        assert is_finalised(s.get(Meeting, approved)) and not is_finalised(s.get(Meeting, draft))
        # Another status counts as finalised when the kind says so.
        with pytest.raises(ServiceError):
            ensure_editable(s, s.get(Meeting, draft), locked=LOCKED, finalised=("draft",))

    amendment = services.meetings.amend(approved).id
    assert amendment
    unsaved = Meeting(id=approved, status="draft")  # not in the session: only the superseded check applies
    with services.ctx.read() as s:
        with pytest.raises(ServiceError) as err:
            ensure_editable(s, unsaved, locked=LOCKED, superseded=SUPERSEDED)
        assert str(err.value) == "Đã có bản sửa đổi."
        ensure_editable(s, unsaved, locked=LOCKED)  # no superseded message: amendments are not checked


def test_amendment_chain_helpers(services, ids):
    original = _approved(services, ids, D(2025, 5, 5))
    first = services.meetings.amend(original).id
    fill(services, first, ids)
    services.meetings.approve(first)
    second = services.meetings.amend(first).id
    other = services.meetings.create("thuong_ky", D(2025, 6, 5)).id
    with services.ctx.read() as s:
        assert superseded_by(s, Meeting, original) == first
        assert superseded_by(s, Meeting, first) == second
        assert superseded_by(s, Meeting, second) is None
        assert superseding_map(s, Meeting, [original, first, second, other]) == {original: first, first: second}
        assert superseding_map(s, Meeting, []) == {}
        assert [m.id for m in chain(s, s.get(Meeting, first))] == [original, first, second]
        assert [m.id for m in chain(s, s.get(Meeting, other))] == [other]
        assert in_same_chain(s, Meeting, original, second)
        assert not in_same_chain(s, Meeting, other, second)
        assert not in_same_chain(s, Meeting, other, None)


def test_finalise_document_numbers_locks_and_chains_in_the_callers_transaction(services, ids):
    meeting_id = services.meetings.create("thuong_ky", D(2025, 7, 5)).id
    seen = {}

    def content(s, row):
        seen["number"] = row.number_text
        return {"number": row.number_text, "topic": row.topic}

    with services.ctx.mutation("test.finalise", "finalise") as s:
        row = s.get(Meeting, meeting_id)
        record = finalise_document(s, row, kind="minutes", version=1, content=content,
                                   numbering=Numbering("BB", "CB", 2025, yearly=True))
    assert seen["number"] == "Số 01-BB/CB"
    assert record.content == {"number": "Số 01-BB/CB", "topic": ""}
    with services.ctx.read() as s:
        row = s.get(Meeting, meeting_id)
        assert (row.status, row.number_year, row.number_seq, row.number_text) == ("approved", 2025, 1, "Số 01-BB/CB")
        assert row.approved_at is not None
    assert [(r.kind, r.entity_id) for r in services.finalise.records()] == [("minutes", meeting_id)]
    assert services.finalise.verify_chain().checked == 1


def test_finalise_document_without_number_and_rolled_back_with_the_mutation(services, ids):
    meeting_id = services.meetings.create("thuong_ky", D(2025, 8, 5)).id
    with pytest.raises(RuntimeError):
        with services.ctx.mutation("test.finalise", "finalise") as s:
            row = s.get(Meeting, meeting_id)
            finalise_document(s, row, kind="minutes", version=1, content={"x": 1}, stamp=None)
            raise RuntimeError("refused later in the same action")
    with services.ctx.read() as s:
        row = s.get(Meeting, meeting_id)
        assert row.status == "draft" and row.number_text is None
    assert services.finalise.records() == []

    with services.ctx.mutation("test.finalise", "finalise") as s:
        row = s.get(Meeting, meeting_id)
        finalise_document(s, row, kind="minutes", version=1, content={"x": 1}, status="decided", stamp=None)
    with services.ctx.read() as s:
        row = s.get(Meeting, meeting_id)
        assert (row.status, row.number_text, row.approved_at) == ("decided", None, None)
    assert services.finalise.records()[0].content == {"x": 1}
