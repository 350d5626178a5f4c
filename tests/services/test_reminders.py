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
