"""The reminder registry: features register providers from their own packages; members who need attention
come from the one attention list only."""

import datetime as dt

import pytest

from cellsec.domain.attention import REMINDER_KINDS
from cellsec.domain.reminders import WARNING, Reminder
from cellsec.services import reminders as registry

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def own_registry(monkeypatch):
    registry.load_features()
    monkeypatch.setattr(registry, "_registry", dict(registry._registry))


def test_features_register_from_their_own_packages(own_registry):
    names = [entry.name for entry in registry.providers()]
    assert names[0] == registry.ATTENTION
    assert {"members.missing_data", "meetings", "dues"} <= set(names)


def test_member_attention_comes_from_the_attention_list_only(demo_services):
    member_kinds = set(REMINDER_KINDS.values())
    for entry in registry.providers():
        if entry.name != registry.ATTENTION:
            kinds = {r.kind for r in entry.provider(demo_services.ctx, TODAY)}
            assert not kinds & member_kinds, f"{entry.name} reports members the attention list reports"


def test_unregister(services, own_registry):
    registry.register("test", lambda ctx, today: [Reminder("test_kind", WARNING, "kept")])
    registry.unregister("test")
    assert all(r.kind != "test_kind" for r in services.overview.reminders(TODAY))


def test_the_demo_names_each_member_at_risk_once(demo_services):
    reminders = [r for r in demo_services.overview.reminders(TODAY) if r.member_id]
    keys = [(r.member_id, r.kind) for r in reminders]
    assert len(keys) == len(set(keys))
    items = demo_services.attention.list(TODAY)
    shown = {(i.member_id, i.kind) for i in items if i.kind != "absent_without_reason"}
    assert len([r for r in reminders if r.kind != "missing_data"]) == len(shown)


def test_reminders_start_from_the_cells_start_date(services):
    """A cell set up today is not told that the months before it had no meeting; once its first recorded
    meeting is earlier, the months from that meeting on count."""
    import datetime as dt

    from cellsec.services.reminders import cell_start

    start = cell_start(services.ctx)
    assert start is not None
    year_end = dt.date(start.year, 12, 31)
    kinds = {r.kind: r for r in services.meetings.reminders(year_end)}
    missing = kinds.get("meeting_missing")
    months = [int(m) for m in missing.text.split("tháng ")[1].split(" năm")[0].split(", ")] if missing else []
    assert all(m >= start.month for m in months), months
    thematic = [r for r in services.meetings.reminders(year_end) if r.kind == "thematic_missing"]
    assert all(r.due >= start for r in thematic)

    services.meetings.create("thuong_ky", dt.date(start.year, 1, 10))
    assert cell_start(services.ctx) == dt.date(start.year, 1, 10)
    if start.month > 2:  # February had no meeting, and now counts
        text = next(r.text for r in services.meetings.reminders(year_end) if r.kind == "meeting_missing")
        assert "tháng 2," in text
