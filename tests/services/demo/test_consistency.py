"""The demo cell's records agree with each other, as a real cell's would: whoever presents an item was
there, a resolution's body is about its title, the review texts' figures are the records' figures, every
member of the cell on a meeting day is in that meeting's table, nobody pays dues before joining, and the
collector the minutes name is the one on the dues sheet."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from cellsec.domain import dues as D
from cellsec.services.documents.register import register_as_of
from cellsec.services.demo.reviews import attendance_figures

from ...conftest import DEMO_TODAY

YEARS = (DEMO_TODAY.year - 1, DEMO_TODAY.year)


@pytest.fixture(scope="module")
def records(demo_template, tmp_path_factory):
    """Every meeting of the demo (full records), read once for the module's checks."""
    from cellsec.services.facade import Services
    from tests.conftest import copy_demo

    svc = Services.open(copy_demo(demo_template, tmp_path_factory.mktemp("consistency") / "data"))
    meetings = [svc.meetings.get(m.id) for year in YEARS for m in svc.meetings.list(year)]
    yield svc, meetings
    svc.close()


def test_no_absent_member_presents_an_item_or_speaks(records):
    _svc, meetings = records
    for m in meetings:
        present = {a.member_id for a in m.attendance if a.status == "present"}
        for item in m.content.agenda:
            if item.presenter_member_id:
                assert item.presenter_member_id in present, (m.content.held_on, item.title, item.presenter_name)
            for speech in item.speeches:
                if speech.speaker_member_id:
                    assert speech.speaker_member_id in present, (m.content.held_on, item.title, speech.speaker_name)
        for role in (m.content.chair_member_id, m.content.secretary_member_id):
            assert role in present, (m.content.held_on, role)


def test_resolutions_are_about_their_titles(records):
    svc, meetings = records
    checked = 0
    for m in meetings:
        resolution = svc.meetings.get_resolution(m.id)
        if resolution is None:
            continue
        subject = resolution.title.removeprefix("về ").strip().rstrip(".")
        body = " ".join(resolution.body.lower().split())
        month = re.search(r"tháng (\d+) năm (\d+)", subject)
        if month:
            assert f"tháng {month.group(1)} năm {month.group(2)}" in body, (resolution.title, resolution.body)
        else:
            assert subject.lower() in body, (resolution.title, resolution.body)
        checked += 1
    assert checked >= 5


def test_every_member_of_the_cell_that_day_is_in_the_meetings_table(records):
    svc, meetings = records
    for m in meetings:
        in_cell = {r.id for r in register_as_of(svc, m.content.held_on)}
        listed = {a.member_id for a in m.attendance}
        names = {a.member_id: a.full_name for a in m.attendance}
        assert listed == in_cell, (m.content.held_on, [names[i] for i in listed - in_cell],
                                   [r.full_name for r in register_as_of(svc, m.content.held_on) if r.id not in listed])


def test_review_figures_are_computed_from_the_records(records):
    svc, meetings = records
    for year in YEARS:
        figures = attendance_figures(meetings, year)
        collective = svc.reviews.collective(year)
        text = collective.sections.get("party_building", "")
        regular = sum(1 for m in meetings if m.content.held_on.year == year
                      and m.content.kind in ("thuong_ky", "combined") and m.status == "approved"
                      and m.superseded_by is None)
        assert f"{regular:02d} kỳ sinh hoạt thường kỳ" in text, text
        for review in svc.reviews.list_reviews(year):
            commitment = svc.reviews.get_commitment(review.member_id, year)
            notes = " ".join(i.result_note for i in commitment.items if i.result_note) if commitment else ""
            if not notes:
                continue
            attended, held = figures[review.member_id]
            assert f"tham gia {attended}/{held} kỳ sinh hoạt" in notes, (review.member_name, notes)


def test_nobody_pays_dues_before_joining_and_the_minutes_name_the_sheets_collector(records):
    svc, meetings = records
    members = {m.id: m for m in svc.members.list()}
    collectors = {}
    for m in meetings:
        for item in m.content.agenda:
            if item.title.startswith("Thu nộp đảng phí") and m.status == "approved":
                collectors[(m.content.period_year, m.content.period_month)] = item.presenter_name
    month = dt.date(YEARS[0], 1, 1)
    seen = 0
    while month <= D.month_start(DEMO_TODAY):
        for line in svc.dues.sheet(month, today=DEMO_TODAY).lines:
            if line.amount_paid and line.paid_on:
                member = members[line.member_id]
                assert member.admitted_on is None or line.paid_on >= member.admitted_on, (line.full_name, month)
                expected = collectors.get((month.year, month.month))
                if expected and line.paid_on.month == month.month:
                    assert line.collector == expected, (month, line.full_name, line.collector, expected)
                    seen += 1
        month = D.next_month(month)
    assert seen > 100
