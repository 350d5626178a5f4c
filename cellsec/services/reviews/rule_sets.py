"""Review rule sets: the shipped read-only sets and the user's editable copies."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from ...domain.review_rules import RuleSet, RuleSetError, parse_rule_set
from ...domain.text import clean_line
from ...store.base import utcnow
from ...store.models.reviews import ReviewRuleSet
from ...store.models.sync import CommitteeRecord
from ..errors import NotFound, ServiceError, ValidationFailed
from .common import ReviewsPart, dumps_json, rules_from_json, shipped_texts
from .messages import (
    RULE_SET_IN_USE,
    SHIPPED_READ_ONLY,
    SHIPPED_RULE_SETS,
    S_COPY,
    S_DELETE,
    S_UPDATE,
    WHAT_RULE_SET,
)
from .records import RuleSetInfo


COMMITTEE_PREFIX = "committee:"  # the id of a rule set the committee above issued (read-only, like a shipped one)


class RuleSetsPart(ReviewsPart):
    @staticmethod
    def _shipped() -> dict[str, tuple[dict, RuleSet]]:
        return {key: (json.loads(text), rules_from_json(text)) for key, text in shipped_texts().items()}

    def _issued(self) -> dict[str, tuple[dict, RuleSet]]:
        """The review rule sets the committee issued, as received by sync (sync/effects.py names the kind);
        one this version cannot read is left out."""
        with self.ctx.read() as s:
            records = s.scalars(select(CommitteeRecord).where(CommitteeRecord.entity == "committee_rule_sets",
                                                              CommitteeRecord.deleted.is_(False))).all()
            found = {}
            for record in records:
                try:
                    data = json.loads(json.loads(record.snapshot)["content"])
                    found[COMMITTEE_PREFIX + record.entity_id] = (data, parse_rule_set(data))
                except (KeyError, TypeError, ValueError, RuleSetError):
                    continue
            return found

    def _builtin(self) -> dict[str, tuple[dict, RuleSet]]:
        return self._shipped() | self._issued()

    def list_rule_sets(self) -> list[RuleSetInfo]:
        """Shipped sets first (newest first), then the user's copies (newest effective date first)."""
        infos = [RuleSetInfo(key, rs.key, rs.name, rs.issuing_document, rs.effective_from, rs.version, True,
                             scoring=rs.scoring, issued=key.startswith(COMMITTEE_PREFIX))
                 for key, (_, rs) in self._builtin().items()]
        infos.sort(key=lambda i: i.effective_from, reverse=True)
        with self.ctx.read() as s:
            rows = s.scalars(select(ReviewRuleSet).where(ReviewRuleSet.cell_id == self.ctx.cell_id,
                                                         ReviewRuleSet.deleted_at.is_(None))).all()
            copies = [self._copy_info(r) for r in rows]
        copies.sort(key=lambda i: (i.effective_from, i.name), reverse=True)
        return infos + copies

    @staticmethod
    def _copy_info(row: ReviewRuleSet) -> RuleSetInfo:
        scoring = json.loads(row.content).get("scoring", "points")
        return RuleSetInfo(row.id, row.key, row.name, row.issuing_document, row.effective_from, row.version, False,
                           row.based_on, scoring)

    def _rule_content(self, rule_set_id: str) -> tuple[dict, RuleSetInfo]:
        builtin = self._issued() if rule_set_id.startswith(COMMITTEE_PREFIX) else self._shipped()
        if rule_set_id in builtin:
            data, rs = builtin[rule_set_id]
            return data, RuleSetInfo(rule_set_id, rs.key, rs.name, rs.issuing_document, rs.effective_from,
                                     rs.version, True, scoring=rs.scoring,
                                     issued=rule_set_id.startswith(COMMITTEE_PREFIX))
        with self.ctx.read() as s:
            row = s.get(ReviewRuleSet, rule_set_id)
            if row is None or row.deleted_at is not None or row.cell_id != self.ctx.cell_id:
                raise NotFound(WHAT_RULE_SET.format())
            return json.loads(row.content), self._copy_info(row)

    def rule_set_info(self, rule_set_id: str) -> RuleSetInfo:
        return self._rule_content(rule_set_id)[1]

    def rule_set(self, rule_set_id: str) -> RuleSet:
        return parse_rule_set(self._rule_content(rule_set_id)[0])

    def rule_set_content(self, rule_set_id: str) -> dict:
        """The rule set as JSON data (for an editor: change values, then `update_rule_set`)."""
        return json.loads(json.dumps(self._rule_content(rule_set_id)[0]))

    def rule_set_for_year(self, year: int) -> RuleSetInfo:
        """The set in force for a year's review: the latest effective date on or before 31/12 of the year
        (a user's copy wins over the shipped set it shares the date with); before every set, the oldest."""
        sets = self.list_rule_sets()
        end = dt.date(year, 12, 31)
        eligible = [i for i in sets if i.effective_from <= end]
        if not eligible:
            return min(sets, key=lambda i: i.effective_from)
        return max(eligible, key=lambda i: (i.effective_from, not i.builtin, i.version))

    def copy_rule_set(self, rule_set_id: str, name: str | None = None) -> RuleSetInfo:
        data, info = self._rule_content(rule_set_id)
        data = dict(data)
        data["name"] = clean_line(name) or f"{info.name} (bản sao)"
        data["version"] = 1
        data["based_on"] = rule_set_id
        rs = self._parse(data)
        with self.ctx.mutation("reviews.rules.copy", S_COPY.format(name=info.name)) as s:
            row = ReviewRuleSet(cell_id=self.ctx.cell_id, key=rs.key, name=rs.name,
                       issuing_document=rs.issuing_document, effective_from=rs.effective_from,
                       version=1, based_on=rule_set_id, content=dumps_json(data))
            s.add(row)
            s.flush()
            return self._copy_info(row)

    @staticmethod
    def _parse(data: dict) -> RuleSet:
        try:
            return parse_rule_set(data)
        except RuleSetError as exc:
            raise ValidationFailed({"content": str(exc)}) from exc

    def update_rule_set(self, rule_set_id: str, content: dict) -> RuleSetInfo:
        """Replace a copy's content (validated); the version goes up by one. Years already opened keep
        the snapshot they took (see `set_year_rule_set` to apply the edit to a year)."""
        if rule_set_id in SHIPPED_RULE_SETS or rule_set_id.startswith(COMMITTEE_PREFIX):
            raise ServiceError(SHIPPED_READ_ONLY, name=self.rule_set_info(rule_set_id).name)
        _, info = self._rule_content(rule_set_id)
        data = dict(content)
        data["version"] = info.version + 1
        data.setdefault("based_on", info.based_on)
        rs = self._parse(data)
        with self.ctx.mutation("reviews.rules.update", S_UPDATE.format(name=rs.name)) as s:
            row = s.get(ReviewRuleSet, rule_set_id)
            row.key, row.name, row.issuing_document = rs.key, rs.name, rs.issuing_document
            row.effective_from, row.version, row.content = rs.effective_from, rs.version, dumps_json(data)
            s.flush()
            return self._copy_info(row)

    def delete_rule_set(self, rule_set_id: str) -> None:
        if rule_set_id in SHIPPED_RULE_SETS or rule_set_id.startswith(COMMITTEE_PREFIX):
            raise ServiceError(SHIPPED_READ_ONLY, name=self.rule_set_info(rule_set_id).name)
        info = self.rule_set_info(rule_set_id)
        years = [y.year for y in self.list_years() if y.rule_set_id == rule_set_id]
        if years:
            raise ServiceError(RULE_SET_IN_USE, name=info.name, years=", ".join(map(str, years)))
        with self.ctx.mutation("reviews.rules.delete", S_DELETE.format(name=info.name)) as s:
            s.get(ReviewRuleSet, rule_set_id).deleted_at = utcnow()
