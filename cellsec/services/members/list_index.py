"""The member list's in-memory index: the columns a list filters and sorts on, for every live member,
kept across queries and refreshed incrementally (built for 100,000 rows)."""

from __future__ import annotations

import datetime as dt
import itertools
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from ...domain import members as rules
from ...domain.members import ACTIVITY_STATUSES, PARTY_STATUSES
from ...domain.text import clean_line, fold
from ...store.members_order import MemberOrders
from .records import DATE_FIELDS, RECORD_COLUMNS, MemberQuery, MemberRecord, member_record

if TYPE_CHECKING:  # SQLAlchemy is loaded only to read through a session (the quick reader needs none)
    from sqlalchemy.orm import Session

    from ...store.quick import QuickReader

class ListIndex:
    """The columns a member list filters and sorts on, for every member of the cell, by position, with
    sort orders computed on first use (Vietnamese name order as the tie-break everywhere).

    An edit changes the index in place: the rows that changed are rewritten at their positions (a
    tombstoned row keeps its position, marked dead) and each cached order moves just those positions by a
    binary search, so the first query after an edit costs about as much as any other."""

    COLUMNS = ("id", "full_name", "name_folded", "cccd", "card_no", "phone", "activity_status", "status")
    # Sort columns read as stored text: ISO dates and times order correctly as text, and skipping the
    # conversion to date objects halves the load time.
    SORT_COLUMNS = ("list_no", "date_of_birth", "admitted_on", "official_on", "card_no", "created_at", "gender",
                    "position_party")
    # Every column the index reads, in the order of its rows.
    ROW_COLUMNS = (*COLUMNS, *SORT_COLUMNS, "rev", "deleted_at")
    # The columns a list sorts by, besides the name (MemberOrders' columns).
    _ORDERED = (*SORT_COLUMNS, "phone", "activity_status", "status")
    _RANKS = {"activity_status": {v: n for n, v in enumerate(ACTIVITY_STATUSES)},
              "status": {v: n for n, v in enumerate(PARTY_STATUSES)}}

    def __init__(self, fingerprint: tuple = ()) -> None:
        self.fingerprint = fingerprint
        self.pos: dict[str, int] = {}  # id -> position in the columns below
        self.revs: dict[str, int] = {}  # id -> rev of every row seen, tombstones included
        self.dead: set[int] = set()  # positions of rows tombstoned since the index was built
        # The columns searched and filtered on (_PER_ROW): tuples, made anew when an edit changes a value.
        # What a list sorts by (names, dates, numbers…) is held only by the sorter, in SQLite.
        self.ids: Sequence[str] = []
        self.folded: Sequence[str] = []
        self.digits: Sequence[str] = []
        self.activity: Sequence[str] = []
        self.party: Sequence[str] = []
        # Orders are arrays of positions and the ids in each order a tuple of strings: Python's collector
        # looks through neither (a list of 100,000 costs each collection a millisecond or more, on the UI
        # thread, and an array takes a ninth of the memory of a list of ints).
        self._orders: dict[str, array] = {}
        self._id_orders: dict[str, tuple[str, ...]] = {}  # the ids in each order (read in sequence)
        self._last_match: tuple | None = None  # ((statuses, party), words, positions) of the last search
        self.sorter = MemberOrders(self._ORDERED)  # the sort keys of the live rows, in SQLite

    @classmethod
    def _select(cls, cell_id: str):
        from sqlalchemy import String, select, type_coerce

        from ...store.models.members import Member

        sort_columns = [type_coerce(getattr(Member, name), String) if name not in ("list_no", "card_no")
                        else getattr(Member, name) for name in cls.SORT_COLUMNS]
        return select(*(getattr(Member, name) for name in cls.COLUMNS), *sort_columns, Member.rev,
                      Member.deleted_at).where(Member.cell_id == cell_id)

    @classmethod
    def from_rows(cls, rows, fingerprint: tuple = ()) -> "ListIndex":
        """An index of rows of ROW_COLUMNS (sort columns as stored text), tombstones included, one per member."""
        index = cls(fingerprint)
        at_rev = len(cls.COLUMNS) + len(cls.SORT_COLUMNS)
        rows = iter(rows)
        # A slice at a time, column by column in comprehensions: row by row would take several times longer,
        # and holding all 100,000 rows at once makes Python's collector sweep the whole heap (a pause of a
        # tenth of a second or more, the window's too).
        while chunk := list(itertools.islice(rows, 2000)):
            index.revs.update((r[0], r[at_rev]) for r in chunk)
            live = [r for r in chunk if r[at_rev + 1] is None]
            index.sorter.put(cls._sort_rows(range(len(index.ids), len(index.ids) + len(live)), live))
            index.ids += [r[0] for r in live]
            index.folded += [r[2] for r in live]
            index.digits += [f"{r[3] or ''} {r[4] or ''} {r[5] or ''}" for r in live]
            # Statuses are a few words: one string object each, not one per member (less for the collector).
            index.activity += [_word(r[6]) for r in live]
            index.party += [_word(r[7]) for r in live]
        index.pos = {member_id: n for n, member_id in enumerate(index.ids)}
        for name in cls._PER_ROW:
            setattr(index, name, tuple(getattr(index, name)))
        return index

    @classmethod
    def _sort_rows(cls, positions: Iterable[int], rows: list[tuple]) -> Iterator[tuple]:
        """MemberOrders' rows for index rows at `positions`: the Vietnamese name key, then a value per column
        of _ORDERED — None for an empty one, statuses as their rank in their list (unknown ones last)."""
        columns: list[list] = [[rules.name_sort_key(r[1]) for r in rows]]
        for k in range(len(cls.SORT_COLUMNS)):
            columns.append([None if r[8 + k] == "" else r[8 + k] for r in rows])
        columns.append([None if r[5] == "" else r[5] for r in rows])  # phone
        for at, name in ((6, "activity_status"), (7, "status")):
            ranks = cls._RANKS[name]
            columns.append([ranks.get(r[at], len(ranks)) for r in rows])
        return zip(positions, *columns)

    @classmethod
    def load(cls, s: Session, cell_id: str, fingerprint: tuple) -> "ListIndex":
        return cls.from_rows(_driver_rows(s, cls._select(cell_id)), fingerprint)

    def rows_of(self, s: Session, cell_id: str, ids: list[str]) -> list:
        """The index rows of the members `ids` (read to apply an edit)."""
        from ...store.models.members import Member

        out: list = []
        for start in range(0, len(ids), 500):
            out += s.connection().execute(self._select(cell_id).where(Member.id.in_(ids[start:start + 500]))).all()
        return out

    # The columns held per position, as tuples: Python's collector (on the UI thread) stops looking through
    # a tuple of strings once it has seen it, while it reads every item of a list at each collection — 17
    # lists of 100,000 made one collection 40 ms longer. Each new tuple is read once by the collector, so
    # they are few (what a list sorts by is in the sorter only) and an edit makes anew only those it changes.
    _PER_ROW = ("ids", "folded", "digits", "activity", "party")

    def apply(self, rows) -> int:
        """Write `rows` (ROW_COLUMNS) into the index and move them in the cached orders; returns how many
        rows it had not seen before."""
        at_rev = len(self.COLUMNS) + len(self.SORT_COLUMNS)
        changed: list[int] = []
        written: dict[int, tuple] = {}
        new = grown = 0
        for row in rows:
            member_id = row[0]
            new += member_id not in self.revs
            self.revs[member_id] = row[at_rev]
            position = self.pos.get(member_id)
            if row[at_rev + 1] is not None:  # tombstoned
                if position is not None and position not in self.dead:
                    self.dead.add(position)
                    changed.append(position)
                continue
            if position is None:
                position = self.pos[member_id] = len(self.ids) + grown
                grown += 1
            self.dead.discard(position)
            written[position] = row
            changed.append(position)
        if written or grown:
            self._write(written, grown)
        if changed:
            self._last_match = None
            live = {i: row for i, row in written.items() if i not in self.dead}
            self.sorter.drop(i for i in changed if i in self.dead)
            self.sorter.put(self._sort_rows(live, list(live.values())))
        if changed and self._orders:
            self._move(changed)
        return new

    # How each searched column's value comes from an index row.
    _VALUES = (("ids", lambda r: r[0]), ("folded", lambda r: r[2]),
               ("digits", lambda r: f"{r[3] or ''} {r[4] or ''} {r[5] or ''}"),
               ("activity", lambda r: _word(r[6])), ("party", lambda r: _word(r[7])))

    def _write(self, written: dict[int, tuple], grown: int) -> None:
        """Write the rows at their positions, `grown` of them past the end: a column is made anew only when
        a value in it changes (a new column costs the collector a read of all of it, a few milliseconds)."""
        for name, value_of in self._VALUES:
            column = getattr(self, name)
            values = {i: value_of(row) for i, row in written.items()}
            if not grown and all(column[i] == value for i, value in values.items()):
                continue
            out = list(column)
            out += [None] * grown
            for i, value in values.items():
                out[i] = value
            setattr(self, name, tuple(out))

    @property
    def live_count(self) -> int:
        return len(self.ids) - len(self.dead)

    @property
    def by_name(self) -> array:
        if "full_name" not in self._orders:
            self._orders["full_name"] = self.sorter.by_name()
        return self._orders["full_name"]

    def order(self, sort: str, descending: bool) -> array:
        """Row positions by `sort`; empty values last in either direction; equal values in name order."""
        key = f"{sort}:{descending}"
        if key not in self._orders:
            if sort == "full_name":
                self._orders[key] = self.by_name[::-1] if descending else self.by_name[:]
            else:
                self._orders[key] = self.sorter.by(sort, descending)
        return self._orders[key]

    @staticmethod
    def _before(sort: str, descending: bool, a: tuple, b: tuple) -> bool:
        """Whether the row of sort keys `a` comes before `b` in the order `sort` (the rule `order` sorts by);
        keys are (name key, value, position), as MemberOrders.keys gives them."""
        (name_a, va, pa), (name_b, vb, pb) = a, b
        if sort == "full_name":
            return (name_a, pa) > (name_b, pb) if descending else (name_a, pa) < (name_b, pb)
        if (va is None) != (vb is None):
            return vb is None
        if va is not None and va != vb:
            return va > vb if descending else va < vb
        return (name_a, pa) < (name_b, pb)

    def _move(self, changed: list[int]) -> None:
        """Take the changed positions out of every cached order and put the live ones back where they now
        belong; the ids in each order are read afresh at the next query."""
        moved = sorted(set(changed))
        self._id_orders.clear()
        if len(moved) * len(self._orders) > MOVES_KEPT:
            # Many rows (an import, a sync): the orders are computed again when asked for, a tenth of a second
            # each in SQLite without the interpreter lock, where moving every row (about 20 reads of the
            # sorter each per order) would hold it for seconds.
            self._orders.clear()
            return
        for key, order in self._orders.items():
            sort, descending = (key.split(":") + ["False"])[:2]
            for i in moved:
                at = _find(order, i)
                if at >= 0:  # else a new row, or one tombstoned before
                    del order[at]
            column = None if sort == "full_name" else sort
            for i in moved:
                if i in self.dead:
                    continue
                keys = self.sorter.keys(i, column)
                lo, hi = 0, len(order)
                while lo < hi:
                    mid = (lo + hi) // 2
                    if self._before(sort, descending == "True", self.sorter.keys(order[mid], column), keys):
                        lo = mid + 1
                    else:
                        hi = mid
                order.insert(lo, i)

    def _matches(self, statuses: frozenset[str], party: str | None, tokens: tuple[str, ...]) -> array | range:
        """Positions passing the status filters whose name (or, for digits, CCCD, card or phone) holds
        every word. While the user types, each search narrows the previous one's matches instead of
        scanning every member again."""
        last = self._last_match
        if last is not None and last[0] == (statuses, party) and _narrows(last[1], tokens):
            candidates, todo = last[2], tokens[max(len(last[1]) - 1, 0):]
        else:
            candidates, todo = range(len(self.ids)), tokens
            if statuses:
                candidates = [i for i in candidates if self.activity[i] in statuses]
            if party is not None:
                candidates = [i for i in candidates if self.party[i] == party]
        folded, digits = self.folded, self.digits
        for token in todo:  # each word narrows the previous matches
            if token.isdigit():
                candidates = [i for i in candidates if token in folded[i] or token in digits[i]]
            else:
                candidates = [i for i in candidates if token in folded[i]]
        if not isinstance(candidates, range):
            candidates = array("i", candidates)  # kept: nothing for the collector to look through
        self._last_match = ((statuses, party), tokens, candidates)
        return candidates

    def query(self, q: MemberQuery) -> list[str]:
        """Ids of the live members matching `q`, in its order."""
        if q.sort not in rules.MEMBER_SORTS:
            raise ValueError(f"unknown sort {q.sort!r}")
        order = self.order(q.sort, q.descending)
        key = f"{q.sort}:{q.descending}"
        if key not in self._id_orders:
            self._id_orders[key] = tuple([self.ids[i] for i in order])
        in_order = self._id_orders[key]
        candidates = self._matches(frozenset(q.activity_statuses), q.party_status,
                                   tuple(fold(clean_line(q.text)).split()))
        if isinstance(candidates, range):
            return list(in_order)
        keep = bytearray(len(self.ids))
        for i in candidates:
            keep[i] = 1
        return [member_id for i, member_id in zip(order, in_order) if keep[i]]


# Rows times cached orders up to which an edit moves its rows within each order (about 1.5 ms per 22);
# beyond, the cached orders are dropped.
MOVES_KEPT = 300
_WORDS: dict[str, str] = {}


def _word(text: str | None) -> str | None:
    """One string object for each distinct status word."""
    return text if text is None else _WORDS.setdefault(text, text)


def _find(order: array, i: int) -> int:
    """Where `i` is in `order`, or -1: `order.index(i)` at the speed of a byte search (array.index makes an
    int object of every item it passes: a millisecond or more per order, with the interpreter lock held)."""
    data, wanted, size = order.tobytes(), array(order.typecode, [i]).tobytes(), order.itemsize
    at = data.find(wanted)
    while at >= 0 and at % size:  # a match across two items
        at = data.find(wanted, at + 1)
    return at // size if at >= 0 else -1


def _narrows(before: tuple[str, ...], now: tuple[str, ...]) -> bool:
    """Whether every match of the words `now` is a match of `before`: the same words, the last one
    grown (typing more letters), perhaps more words after it."""
    if not before:
        return True
    n = len(before)
    return len(now) >= n and now[:n - 1] == before[:-1] and before[-1] in now[n - 1]


def _driver_rows(s: Session, stmt) -> Iterator[tuple]:
    """The rows of a Core select, read through the driver's own cursor a few thousand at a time. Lists are
    read on a worker thread: SQLAlchemy's row processing of 100,000 rows holds the interpreter lock for a
    quarter of a second at a time (the window could not paint meanwhile) and takes twice as long; the
    driver lets go of the lock at every row. The values are as SQLite stores them (dates as ISO text)."""
    connection = s.connection()
    compiled = stmt.compile(dialect=connection.dialect)
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        cursor.execute(compiled.string, [compiled.params[name] for name in compiled.positiontup])
        while chunk := cursor.fetchmany(2000):
            yield from chunk
    finally:
        cursor.close()


def fingerprint(s: Session, cell_id: str) -> tuple:
    """What tells, in well under a millisecond, whether the members may have changed since an index was
    read: the last change-log entry (every edit writes one, in any process), how many member rows there
    are (rows written without one, e.g. a bulk load), the last user action (one that wrote rows without
    change-log entries, e.g. a raw repair), and the sync state and conflicts (pulled rows and
    rows taken from the server write no change-log entry)."""
    from sqlalchemy import func, select

    from ...store.models.core import Audit, ChangeLog
    from ...store.models.members import Member
    from ...store.models.sync import SyncConflict, SyncState

    seq = s.scalar(select(func.max(ChangeLog.seq)))
    audit = s.scalar(select(func.max(Audit.id)))
    count = s.scalar(select(func.count()).select_from(Member))
    sync = tuple(s.execute(select(SyncState.acked_seq, SyncState.pull_cursor, SyncState.last_sync_at)).all())
    conflicts = tuple(s.execute(select(func.count(), func.count(SyncConflict.resolved_at))).one())
    return cell_id, seq, count, sync, conflicts, audit


def current(index: ListIndex | None, s: Session, cell_id: str) -> ListIndex:
    """`index` brought up to date: unchanged, the rows edited since applied in place (the usual case), or
    read afresh (another cell, a sync, a restored backup, rows written without a change-log entry)."""
    from sqlalchemy import select

    from ...store.models.core import Audit, ChangeLog

    now = fingerprint(s, cell_id)
    if index is not None and index.fingerprint == now:
        return index
    before = index.fingerprint if index is not None else None
    if before is None or before[0] != cell_id or before[3:5] != now[3:5] or before[1] is None or now[1] is None \
            or now[1] < before[1] or (now[5] or 0) < (before[5] or 0):
        return ListIndex.load(s, cell_id, now)
    if now[5] != before[5] and s.scalar(select(Audit.id).where(  # an action that wrote no change-log entry
            Audit.id > (before[5] or 0), ~select(ChangeLog.seq).where(ChangeLog.audit_id == Audit.id).exists()).limit(1)):
        return ListIndex.load(s, cell_id, now)
    edited = list(s.scalars(select(ChangeLog.entity_id).where(ChangeLog.seq > before[1], ChangeLog.entity == "members")
                            .distinct()))
    new = index.apply(index.rows_of(s, cell_id, edited)) if edited else 0
    if now[2] - before[2] != new:  # rows came or went without a change-log entry: read everything again
        return ListIndex.load(s, cell_id, now)
    index.fingerprint = now
    return index


def quick_list(reader: "QuickReader", q: MemberQuery | None = None) -> list[MemberRecord]:
    """`MemberService.list` through the store's quick reader (no SQLAlchemy): the same index, the same
    order and the same records, for a command-line listing that starts in a fraction of the time."""
    index = ListIndex.from_rows(reader.rows("members", ListIndex.ROW_COLUMNS, live=False))
    ids = index.query(q or MemberQuery())
    at_id = RECORD_COLUMNS.index("id")
    rows = {row[at_id]: row for row in reader.rows("members", RECORD_COLUMNS)}
    card_from: dict[tuple[str, str], dt.date | None] = {}
    for member_id, card_no, valid_from in reader.rows("card_numbers", ("member_id", "card_no", "valid_from"),
                                                      order_by=("created_at",)):
        card_from[(member_id, card_no)] = _date(valid_from)  # the latest entry wins
    out = []
    for member_id in ids:
        values = {name: _date(value) if name in DATE_FIELDS else value
                  for name, value in zip(RECORD_COLUMNS, rows[member_id])}
        out.append(member_record(values, card_from.get((member_id, values["card_no"])) if values["card_no"] else None))
    return out


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None
