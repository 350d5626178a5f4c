"""The minutes book reports its progress meeting by meeting and stops between meetings leaving no file."""

import pytest

from cellsec.domain.progress import Cancelled
from cellsec.reports.minutes import write_minutes_book

from ..services.meeting_data import D, add_members, fill


@pytest.fixture
def year_of_three(services):
    ids = add_members(services)
    for held in (D(2025, 9, 5), D(2025, 10, 5), D(2025, 11, 5)):
        record = services.meetings.create("thuong_ky", held)
        fill(services, record.id, ids)
        services.meetings.approve(record.id)
    return 2025


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_progress_follows_the_meetings_to_the_end(services, year_of_three, tmp_path, suffix):
    seen = []
    path = write_minutes_book(services, year_of_three, tmp_path / f"so{suffix}",
                              progress=lambda done, total, text: seen.append((done, total, text)))
    assert path.exists()
    assert seen[0][:2] == (0, 6) and seen[-1][:2] == (6, 6)
    done = [d for d, _, _ in seen]
    assert done == sorted(done) and len(set(done)) >= 4  # it moves, and never backwards
    assert "Dàn trang biên bản 1/3" in [t for _, _, t in seen]
    assert "Dàn trang biên bản 3/3" in [t for _, _, t in seen]


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_stopping_between_meetings_writes_nothing(services, year_of_three, tmp_path, suffix):
    seen = []
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        write_minutes_book(services, year_of_three, out / f"so{suffix}",
                           progress=lambda done, total, text: seen.append(done), cancel=lambda: len(seen) >= 3)
    assert len(seen) == 3  # stopped at the second meeting, not at the end
    assert list(out.iterdir()) == []  # neither the book nor a temporary file
