"""Meeting rule versions: the version in force on a date, the one the user pins, read in the caller's
session when there is one (no transaction of its own)."""

from cellsec.services.meetings.rulesets import RULE_VERSION_SETTING, meeting_rules, pinned_version, rules_lookup

from ..meeting_data import D, SqlCount


def test_pinned_version_is_read_in_the_callers_session(services):
    assert pinned_version(services.ctx) is None
    services.meetings.pin_rule_version("1")
    assert services.ctx.get_preference(RULE_VERSION_SETTING) == "1"
    with SqlCount(services.ctx.store.engine) as sql:
        with services.ctx.read() as s:
            assert pinned_version(services.ctx, s) == "1"
            rules = meeting_rules(services.ctx, D(2025, 9, 5), session=s)
    assert len(sql.transactions) == 1, str(sql)
    assert rules.version == "1" and rules == meeting_rules(services.ctx, D(2025, 9, 5))
    services.meetings.pin_rule_version(None)
    assert pinned_version(services.ctx) is None


def test_lookup_makes_each_version_once(services):
    lookup = rules_lookup(services.ctx)
    assert lookup(D(2025, 1, 5)) is lookup(D(2026, 1, 5))  # one version shipped: the same object
    assert lookup(D(2025, 1, 5)).numbering_restarts_yearly
