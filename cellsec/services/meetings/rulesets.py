"""Meeting rule versions (resources/rules) and the settings that pin a version or hold the agenda template."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from ...domain.meetings import MeetingRules
from ...domain.rules import RuleSet, load_rule_set
from ...paths import resources_dir

if TYPE_CHECKING:  # the command line's quick reader looks rules up without loading SQLAlchemy
    from sqlalchemy.orm import Session

    from ..context import Context


RULES_DIR_NAME = "rules"
AGENDA_SETTING = "meetings.agenda_template"
RULE_VERSION_SETTING = "rules.meeting_rules.version"


@lru_cache(maxsize=4)
def rule_set_named(name: str) -> RuleSet:
    return load_rule_set(name, resources_dir() / RULES_DIR_NAME)


def pinned_version(ctx: Context, session: Session | None = None) -> str | None:
    """The rule version the user pinned in the settings (None: each meeting's date decides). Read in
    `session` when given, so a use case that already has one opens no other transaction."""
    return ctx.get_preference(RULE_VERSION_SETTING, session) or None


def rules_lookup(ctx: Context, session: Session | None = None) -> Callable[[dt.date], MeetingRules]:
    """date -> the meeting rule version in force on it, or the version the user pinned in the settings
    (read once: lists look rules up for every meeting)."""
    return pinned_rules_lookup(pinned_version(ctx, session))


def pinned_rules_lookup(pinned: str | None) -> Callable[[dt.date], MeetingRules]:
    """date -> the meeting rule version in force on it, or version `pinned` (None: the date decides)."""
    rule_set = rule_set_named("meeting_rules")
    made: dict[str, MeetingRules] = {}

    def lookup(on: dt.date) -> MeetingRules:
        version = rule_set.for_date(on, pinned)
        key = str(version.version)
        if key not in made:
            made[key] = MeetingRules.from_values(version.values, version=key, source=version.source)
        return made[key]

    return lookup


def meeting_rules(ctx: Context, on: dt.date, session: Session | None = None) -> MeetingRules:
    return rules_lookup(ctx, session)(on)
