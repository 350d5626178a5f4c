"""The laptop's printed documents, made on the server from the synced snapshots.

The shared renderer (cellsec.reports) builds minutes and resolutions from the meeting service's read models
(MeetingRecord, ResolutionRecord, CellInfo). This adapter builds those same read models from snapshot dicts
— the exact column values the laptop shipped — with the same domain rules (meeting rule version in force on
the date, attendance summary), so the PDF the committee downloads is the laptop's print, word for word.
The cell's document preferences travel as `cell_preferences` records (page layout, a pinned meeting-rule
version): `preferences` reads them from the snapshots, and the layout and rules follow them as on the laptop.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from cellsec.domain import meetings as rules
from cellsec.domain.meetings import AttendanceEntry, MeetingRules, content_from_dict
from cellsec.domain.rules import RuleSet, load_rule_set
from cellsec.paths import resources_dir
from cellsec.services.meetings.records import AttendanceRow, MeetingRecord, ResolutionRecord
from cellsec.services.meetings.rulesets import RULE_VERSION_SETTING as RULE_VERSION_KEY
from cellsec.services.settings.cell import CellInfo

Snap = dict[str, Any]


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _datetime(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(str(value)) if value else None


@lru_cache(maxsize=1)
def _meeting_rule_set() -> RuleSet:
    return load_rule_set("meeting_rules", resources_dir() / "rules")




def preferences(snapshots: list[Snap]) -> dict[str, str]:
    """key -> value of the cell's live preference records, the newest winning (as the laptop reads them)."""
    live = sorted((p for p in snapshots if not p.get("deleted_at")), key=lambda p: p.get("updated_at") or "")
    return {p["key"]: p.get("value") or "" for p in live if p.get("key")}


def layout_of(prefs: dict[str, str]) -> Any:
    """The cell's page layout over the shipped defaults; a damaged value falls back to the defaults."""
    from cellsec.services.settings.layout import SETTING_KEY, layout_from_json

    return layout_from_json(prefs.get(SETTING_KEY))


def meeting_rules_on(on: dt.date, pinned: str | None = None) -> MeetingRules:
    """The meeting rule version in force on `on`, or the version the cell pinned."""
    version = _meeting_rule_set().for_date(on, pinned or None)
    return MeetingRules.from_values(version.values, version=str(version.version), source=version.source)


def cell_info(cell: Snap, committee_names: list[Snap], on: dt.date) -> CellInfo:
    """The cell as printed on a document dated `on`: the committee names in force on that date."""
    names = []
    for level in (1, 2):
        valid = [c for c in committee_names if c.get("level") == level and not c.get("deleted_at")
                 and _date(c.get("valid_from")) and _date(c.get("valid_from")) <= on]
        valid.sort(key=lambda c: (c.get("valid_from") or "", c.get("created_at") or ""), reverse=True)
        names.append(valid[0]["name"] if valid else "")
    return CellInfo(id=cell.get("id", ""), name=cell.get("name", ""), abbreviation=cell.get("abbreviation") or "CB",
                    place_name=cell.get("place_name") or "", secretary_name=cell.get("secretary_name") or "",
                    deputy_name=cell.get("deputy_name") or "", upper_committee=names[0], top_committee=names[1])


def meeting_record(meeting: Snap, attendance: list[Snap], amended: Snap | None = None,
                   superseded_by: str | None = None, has_resolution: bool = False,
                   prefs: dict[str, str] | None = None) -> MeetingRecord:
    """The MeetingRecord the laptop's meeting service returns for this meeting (never its autosaved draft)."""
    content = content_from_dict(json.loads(meeting.get("content") or "{}"))
    rows = [AttendanceRow(a["member_id"], a.get("full_name", ""), a.get("party_status", ""), a.get("status", ""),
                          a.get("reason") or "", a.get("list_no")) for a in attendance if not a.get("deleted_at")]
    rows.sort(key=lambda a: (a.list_no is None, a.list_no or 0, a.full_name))
    held_on = _date(meeting.get("held_on"))
    rule_set = meeting_rules_on(held_on, (prefs or {}).get(RULE_VERSION_KEY))
    entries = [AttendanceEntry(a.member_id, a.full_name, a.party_status, a.status, a.reason, a.list_no) for a in rows]
    summary = rules.summarize_attendance(entries, rule_set)
    return MeetingRecord(
        id=meeting["id"], status=meeting.get("status", "draft"), number=meeting.get("number_text") or "",
        revision=meeting.get("revision") or 1, amends_id=meeting.get("amends_id"),
        amends_number=(amended.get("number_text") or "") if amended else "",
        amends_held_on=_date(amended.get("held_on")) if amended else None, superseded_by=superseded_by,
        approved_at=_datetime(meeting.get("approved_at")), content=content, attendance=rows, summary=summary,
        duration_minutes=rules.duration_minutes(content.start_time, content.end_time),
        flags=rules.meeting_flags(content, summary, rule_set), rules_version=rule_set.version,
        title=rules.meeting_subtitle(content.kind, content.period_month or meeting.get("period_month"),
                                     content.period_year or meeting.get("period_year"), content.topic),
        rev=meeting.get("rev") or 0, has_resolution=has_resolution)


def resolution_record(snap: Snap) -> ResolutionRecord:
    recipients = [line for line in (snap.get("recipients") or "").split("\n") if line.strip()]
    return ResolutionRecord(title=snap.get("title") or "", body=snap.get("body") or "",
                            issued_on=_date(snap.get("issued_on")), signer_name=snap.get("signer_name") or "",
                            signer_role=snap.get("signer_role") or "BÍ THƯ", recipients=recipients,
                            id=snap["id"], meeting_id=snap.get("meeting_id", ""), status=snap.get("status", "draft"),
                            number=snap.get("number_text") or "", approved_at=_datetime(snap.get("approved_at")),
                            amends_id=snap.get("amends_id"))


def minutes_document(cell: Snap, committee_names: list[Snap], record: MeetingRecord, layout: Any = None) -> Any:
    from cellsec.reports.minutes import minutes_document as build

    return build(cell_info(cell, committee_names, record.content.held_on), record, layout or layout_of({}))


def resolution_document(cell: Snap, committee_names: list[Snap], record: MeetingRecord,
                        resolution: ResolutionRecord, layout: Any = None) -> Any:
    from cellsec.reports.minutes import resolution_document as build

    on = resolution.issued_on or record.content.held_on
    return build(cell_info(cell, committee_names, on), record, resolution, layout or layout_of({}))


def pdf_bytes(document: Any, layout: Any = None) -> bytes:
    """Render a PartyDocument (or Book) with the shared renderer to PDF bytes."""
    from cellsec.reports.engine.document import default_layout
    from cellsec.reports.engine.layout import render

    with tempfile.TemporaryDirectory(prefix="cellsec-web-") as folder:
        path = Path(folder) / "document.pdf"
        render(document, path, layout or default_layout())
        return path.read_bytes()


def xlsx_bytes(write: Callable[[Path], Any]) -> bytes:
    with tempfile.TemporaryDirectory(prefix="cellsec-web-") as folder:
        path = Path(folder) / "table.xlsx"
        write(path)
        return path.read_bytes()
