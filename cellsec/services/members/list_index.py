"""The member list's in-memory index: the columns a list filters and sorts on, for every live member,
kept across queries and refreshed incrementally (built for 100,000 rows)."""

from __future__ import annotations

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from ...domain import members as rules
from ...domain.members import ACTIVITY_STATUSES, PARTY_STATUSES
from ...store.models.members import Member

class ListIndex:
    """The columns a member list filters and sorts on, for every live member, with sort orders computed
    on first use (Vietnamese name order as the tie-break everywhere)."""

    COLUMNS = (Member.id, Member.full_name, Member.name_folded, Member.cccd, Member.card_no, Member.phone,
               Member.activity_status, Member.status)
    # Sort columns read as stored text: ISO dates and times order correctly as text, and skipping the
    # conversion to date objects halves the load time.
    SORT_COLUMNS = ("list_no", "date_of_birth", "admitted_on", "official_on", "card_no", "created_at", "gender",
                    "position_party")

    def __init__(self, fingerprint: tuple, live: dict[str, tuple], revs: dict[str, int]) -> None:
        self.fingerprint = fingerprint
        self.live = live  # id -> row of COLUMNS + SORT_COLUMNS + (rev, deleted_at)
        self.revs = revs  # id -> rev of every row, tombstones included (checks an incremental refresh)
        rows = list(live.values())
        self.ids = [r[0] for r in rows]
        self.names = [r[1] for r in rows]
        self.folded = [r[2] for r in rows]
        self.digits = [f"{r[3] or ''} {r[4] or ''} {r[5] or ''}" for r in rows]
        self.activity = [r[6] for r in rows]
        self.party = [r[7] for r in rows]
        self.values: dict[str, list] = {name: [r[8 + k] for r in rows] for k, name in enumerate(self.SORT_COLUMNS)}
        self.values["activity_status"] = self.activity
        self.values["status"] = self.party
        self.values["phone"] = [r[5] for r in rows]
        self._orders: dict[str, list[int]] = {}

    @classmethod
    def _select(cls, cell_id: str):
        sort_columns = [type_coerce(getattr(Member, name), String) if name not in ("list_no", "card_no")
                        else getattr(Member, name) for name in cls.SORT_COLUMNS]
        return select(*cls.COLUMNS, *sort_columns, Member.rev, Member.deleted_at).where(Member.cell_id == cell_id)

    @classmethod
    def _fold_in(cls, rows, live: dict[str, tuple], revs: dict[str, int]) -> None:
        rev_at = len(cls.COLUMNS) + len(cls.SORT_COLUMNS)
        for row in rows:
            revs[row[0]] = row[rev_at]
            if row[rev_at + 1] is None:
                live[row[0]] = row
            else:
                live.pop(row[0], None)

    @classmethod
    def load(cls, s: Session, cell_id: str, fingerprint: tuple) -> "ListIndex":
        live: dict[str, tuple] = {}
        revs: dict[str, int] = {}
        # Core execution on the session's connection: the ORM layer would double the load time.
        cls._fold_in(s.connection().execute(cls._select(cell_id)).all(), live, revs)
        return cls(fingerprint, live, revs)

    def refreshed(self, s: Session, cell_id: str, fingerprint: tuple) -> "ListIndex":
        """The index after the rows changed since this one was built (every write stamps updated_at),
        or a full reload when the changed rows do not account for the new count and revision sum
        (e.g. a clock set back, or rows written with older times)."""
        since = self.fingerprint[3]
        if since is None:
            return self.load(s, cell_id, fingerprint)
        changed = s.connection().execute(self._select(cell_id).where(Member.updated_at > since)).all()
        live, revs = dict(self.live), dict(self.revs)
        self._fold_in(changed, live, revs)
        if len(revs) != fingerprint[1] or sum(revs.values()) != (fingerprint[2] or 0):
            return self.load(s, cell_id, fingerprint)
        return ListIndex(fingerprint, live, revs)

    @property
    def by_name(self) -> list[int]:
        if "full_name" not in self._orders:
            keys = [rules.name_sort_key(name) for name in self.names]
            self._orders["full_name"] = sorted(range(len(keys)), key=keys.__getitem__)
        return self._orders["full_name"]

    def order(self, sort: str, descending: bool) -> list[int]:
        """Row positions by `sort`; empty values last in either direction."""
        key = f"{sort}:{descending}"
        if key not in self._orders:
            by_name = self.by_name
            if sort == "full_name":
                self._orders[key] = by_name[::-1] if descending else by_name
            else:
                values = self.values[sort]
                if sort in ("activity_status", "status"):
                    known = {v: n for n, v in enumerate(ACTIVITY_STATUSES if sort == "activity_status" else PARTY_STATUSES)}
                    values = [known.get(v, len(known)) for v in values]
                # Start from name order: the sort is stable (also reversed), so equal values stay in name order.
                present = [i for i in by_name if values[i] is not None and values[i] != ""]
                present.sort(key=values.__getitem__, reverse=descending)
                self._orders[key] = present + [i for i in by_name if values[i] is None or values[i] == ""]
        return self._orders[key]
