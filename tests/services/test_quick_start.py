"""What the window reads before it opens the store (no SQLAlchemy): the language and the overview's figures,
the same as the services give once the store is open."""

from __future__ import annotations

import datetime as dt

from cellsec.services.members.records import MemberInput
from cellsec.services.quick_start import ready_store


def test_the_figures_read_before_opening_are_the_overviews(demo_services):
    ready = ready_store(demo_services.data_dir)
    assert ready is not None and ready.language == "vi"
    cell = demo_services.cell.get()
    assert (ready.figures.name, ready.figures.place_name) == (cell.name, cell.place_name)
    assert ready.figures.counts == demo_services.overview.counts()
    assert ready.figures.counts["total"] > 0 and ready.figures.counts["deceased"] == 1


def test_a_member_added_or_deleted_is_counted_at_the_next_start(services):
    before = ready_store(services.data_dir).figures.counts
    member = services.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam", status="du_bi",
                                              date_of_birth=dt.date(1990, 1, 1), admitted_on=dt.date(2026, 1, 1)))
    after = ready_store(services.data_dir).figures.counts
    assert after["total"] == before["total"] + 1 and after["du_bi"] == before["du_bi"] + 1
    services.members.delete(member.id)
    assert ready_store(services.data_dir).figures.counts == before == services.overview.counts()


def test_a_folder_without_a_store_takes_the_ordinary_way(data_dir):
    data_dir.mkdir(parents=True)
    assert ready_store(data_dir) is None
