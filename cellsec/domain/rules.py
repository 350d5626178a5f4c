"""Versioned rule sets: thresholds and templates kept as data (resources/rules/*.json), never as code.

A rule file is one version of one rule set (the convention of resources/rules):

    {"rule_set": "meeting_rules", "version": 1, "effective_from": "2025-10-28",
     "source": "Hướng dẫn 42-HD/BTCTW (28/10/2025)", "values": {...}, "notes": {...}}

Several files may carry the same `rule_set` with different versions; the version in force on a date is
the one with the latest `effective_from` on or before it. A date before every version gets the earliest
version (no older rule set is recorded, and an answer is better than none). The caller may pin a version
(the user chose it in the settings). Pure: the caller passes the folder; nothing here knows where it is.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class RuleSetError(ValueError):
    """A rule file is malformed or a requested rule set/version does not exist."""


@dataclass(frozen=True)
class RuleVersion:
    rule_set: str
    version: int | str
    effective_from: dt.date
    source: str
    values: dict[str, Any]
    data: dict[str, Any] = field(repr=False)  # the whole file, for rule sets with more than `values`
    path: Path | None = None

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


@dataclass(frozen=True)
class RuleSet:
    name: str
    versions: tuple[RuleVersion, ...]  # sorted by effective_from

    def for_date(self, on: dt.date, pinned: int | str | None = None) -> RuleVersion:
        if pinned is not None:
            return self.version(pinned)
        current = self.versions[0]
        for candidate in self.versions:
            if candidate.effective_from <= on:
                current = candidate
        return current

    def version(self, version: int | str) -> RuleVersion:
        for candidate in self.versions:
            if str(candidate.version) == str(version):
                return candidate
        raise RuleSetError(f"rule set {self.name!r} has no version {version!r}")

    @property
    def latest(self) -> RuleVersion:
        return self.versions[-1]


def parse_rule_version(data: dict[str, Any], path: Path | None = None) -> RuleVersion:
    try:
        name = data["rule_set"]
        version = data["version"]
        effective = dt.date.fromisoformat(data["effective_from"])
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleSetError(f"{path or 'rule data'}: needs rule_set, version and an ISO effective_from ({exc})") from exc
    source = data.get("source") or data.get("issuing_document") or ""
    return RuleVersion(rule_set=name, version=version, effective_from=effective, source=source,
                       values=dict(data.get("values") or {}), data=data, path=path)


def load_rule_sets(directory: Path) -> dict[str, RuleSet]:
    """Every rule set in `directory` (*.json), grouped by name; versions sorted by effective date."""
    grouped: dict[str, list[RuleVersion]] = {}
    for path in sorted(Path(directory).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise RuleSetError(f"{path}: not valid JSON ({exc})") from exc
        if not isinstance(data, dict) or "rule_set" not in data:
            continue
        version = parse_rule_version(data, path)
        grouped.setdefault(version.rule_set, []).append(version)
    return {name: RuleSet(name, tuple(sorted(vs, key=lambda v: (v.effective_from, str(v.version)))))
            for name, vs in grouped.items()}


def load_rule_set(name: str, directory: Path) -> RuleSet:
    sets = load_rule_sets(directory)
    if name not in sets:
        raise RuleSetError(f"no rule set {name!r} in {directory}")
    return sets[name]
