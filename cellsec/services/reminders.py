"""The registry of overview reminders: each feature registers its providers here, from its own package.

A provider is `(ctx, today) -> list[Reminder]`. A feature package that has something to remind of holds a
`reminders` module that calls `register(...)` when imported (cellsec/services/meetings/reminders.py, …);
the registry imports those modules the first time reminders are asked for, so the overview imports no
feature itself. Members who need attention (absences, dues, two failed years, probation, exemptions) come
from the one attention list (services/attention.py registers it): features do not report them again, so
nobody is reported twice or by two different rules.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from ..domain.reminders import Reminder, sort_reminders
from .context import Context
from .meetings.reminder_rules import VIETNAM  # noqa: F401 (Vietnam time, imported from here by features)

Provider = Callable[[Context, dt.date], list[Reminder]]

ATTENTION = "attention"  # the name the attention list registers under


@dataclass(frozen=True)
class Registered:
    name: str
    provider: Provider
    order: int


_registry: dict[str, Registered] = {}
_loaded = False


def register(name: str, provider: Provider, *, order: int = 50) -> Provider:
    """Add (or replace) the provider called `name`; lower `order` comes first among equal reminders."""
    _registry[name] = Registered(name, provider, order)
    return provider


def unregister(name: str) -> None:
    _registry.pop(name, None)


def load_features() -> None:
    """Import every `cellsec.services.<feature>.reminders` module (each registers its providers)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    package = importlib.import_module(__package__)
    importlib.import_module(f"{__package__}.attention")
    for info in pkgutil.iter_modules(package.__path__):
        if info.ispkg and importlib.util.find_spec(f"{__package__}.{info.name}.reminders") is not None:
            importlib.import_module(f"{__package__}.{info.name}.reminders")


def providers() -> list[Registered]:
    load_features()
    return sorted(_registry.values(), key=lambda r: (r.order, r.name))


def cell_start(ctx: Context) -> dt.date | None:
    """The day the cell's records start (meetings/reminder_rules.cell_start_from): when the cell was set
    up in the program, or its first recorded meeting if earlier."""
    from sqlalchemy import func, select

    from ..store.models.core import Cell
    from ..store.models.meetings import Meeting
    from .meetings.reminder_rules import cell_start_from

    cell_id = ctx.cell_id_or_none()
    if cell_id is None:
        return None
    with ctx.read() as s:
        created = s.scalar(select(Cell.created_at).where(Cell.id == cell_id))
        first = s.scalar(select(func.min(Meeting.held_on)).where(Meeting.cell_id == cell_id,
                                                                 Meeting.deleted_at.is_(None)))
    return cell_start_from(created, first)


def collect(ctx: Context, today: dt.date) -> list[Reminder]:
    """Every registered provider's reminders: warnings first, each group by due date (undated last)."""
    found: list[Reminder] = []
    for entry in providers():
        found.extend(entry.provider(ctx, today))
    return sort_reminders(found)
