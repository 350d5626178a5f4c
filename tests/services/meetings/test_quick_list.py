"""The command line's quick meetings list gives exactly the service's list."""

from cellsec.services.meetings.quick_list import quick_list
from cellsec.store.quick import QuickReader


def test_the_quick_reader_lists_exactly_what_the_service_lists(demo_services):
    meetings = demo_services.meetings
    approved = next(m for m in meetings.list() if m.status == "approved")
    meetings.amend(approved.id)  # a superseded revision is hidden unless every revision is asked for
    with QuickReader(demo_services.data_dir) as reader:
        for year in (None, approved.held_on.year, 1990):
            for every in (False, True):
                assert quick_list(reader, year, include_superseded=every) == meetings.list(year, include_superseded=every)
        assert approved.id not in {m.id for m in quick_list(reader)}
        assert approved.id in {m.id for m in quick_list(reader, include_superseded=True)}
