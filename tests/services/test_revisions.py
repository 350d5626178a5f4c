"""Edits carry the revision they started from (services/revisions.py, issue 15), through the services that
check it: a record created, changed or deleted by a second Services on the same store file since the
revision an edit started from is refused (ChangedMeanwhile), nothing is written; callers that track no
revision (scripts, the command line) save as before."""

from __future__ import annotations

import pytest

from cellsec.services.dues.service import LinesChangedMeanwhile, PaymentEntry
from cellsec.services.facade import Services
from cellsec.services.revisions import NEW, ChangedMeanwhile
from cellsec.services.reviews.records import CommitmentInput

from .scoring_data import TODAY, D, add_members, meeting


@pytest.fixture
def cell(services):
    return add_members(services)


@pytest.fixture
def other(data_dir, services):
    second = Services.open(data_dir)  # a second window or process on the same file
    yield second
    second.close()


def test_a_record_created_elsewhere_since_new_is_refused(services, other, cell):
    member = cell["Nguyễn Văn An"]
    assert services.reviews.commitment_revision(member, 2026) == NEW
    other.reviews.save_commitment(member, 2026, CommitmentInput(midyear_check="Của họ"), today=TODAY)
    with pytest.raises(ChangedMeanwhile) as refused:
        services.reviews.save_commitment(member, 2026, CommitmentInput(midyear_check="Của tôi"), today=TODAY,
                                         base_rev=NEW)
    assert "Kiểm tra giữa năm" in refused.value.message and refused.value.current_rev == 1
    assert services.reviews.get_commitment(member, 2026).midyear_check == "Của họ"
    services.reviews.save_commitment(member, 2026, CommitmentInput(midyear_check="Kịch bản"), today=TODAY)
    assert services.reviews.get_commitment(member, 2026).midyear_check == "Kịch bản"  # no revision: as before


def test_a_meeting_score_changed_or_deleted_elsewhere_is_refused(services, other, cell):
    mid = meeting(services, cell, D(2026, 4, 5))
    sheet = services.scoring.save_meeting_score(mid, {}, note="Lần đầu")
    assert services.scoring.sheet_revision("meeting", 2026, meeting_id=sheet.meeting_id) == sheet.rev > NEW
    other.scoring.save_meeting_score(mid, {}, note="Của họ")
    with pytest.raises(ChangedMeanwhile) as refused:
        services.scoring.save_meeting_score(mid, {}, note="Của tôi", base_rev=sheet.rev)
    assert "Ghi chú" in refused.value.message and services.scoring.meeting_sheet(mid).note == "Của họ"

    now = services.scoring.meeting_sheet(mid).rev
    other.scoring.delete_meeting_score(mid)
    with pytest.raises(ChangedMeanwhile) as refused:
        services.scoring.save_meeting_score(mid, {}, note="Của tôi", base_rev=now)
    assert "vừa bị xoá" in refused.value.message and refused.value.current_rev == NEW
    assert not services.scoring.meeting_sheet(mid).saved  # still deleted
    services.scoring.save_meeting_score(mid, {}, note="Của tôi", base_rev=NEW)  # "keep mine": written anew
    assert services.scoring.meeting_sheet(mid).note == "Của tôi"


def test_only_the_dues_lines_changed_elsewhere_refuse_the_month(services, other, cell):
    an, binh = cell["Nguyễn Văn An"], cell["Trần Thị Bình"]
    month = D(2026, 10, 1)
    lines = {line.member_id: line for line in services.dues.sheet(month, today=TODAY).lines}
    other.dues.record(month, [PaymentEntry(an, 30_000)], today=TODAY)
    mine = [PaymentEntry(an, 50_000, base_rev=lines[an].rev), PaymentEntry(binh, 20_000, base_rev=lines[binh].rev)]
    with pytest.raises(LinesChangedMeanwhile) as refused:
        services.dues.record(month, mine, today=TODAY)
    assert set(refused.value.revisions) == {an} and "Nguyễn Văn An" in refused.value.message
    assert services.dues.month_revisions(month) == {an: refused.value.revisions[an]}  # Bình not written either
    mine[0].base_rev = refused.value.revisions[an]  # keep mine over theirs
    recorded = {line.member_id: line for line in services.dues.record(month, mine, today=TODAY).lines}
    assert recorded[an].amount_paid == 50_000 and recorded[binh].amount_paid == 20_000
    assert recorded[an].rev == services.dues.month_revisions(month)[an]
