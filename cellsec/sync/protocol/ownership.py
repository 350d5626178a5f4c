"""Who writes which entity type (SYNC.md "Who owns what"): exactly one side per type.

Entity types are the laptop's table names. Cell-owned types are written on the laptop and only stored on
the server; committee-owned types are written on the server and only shown on the laptop. Local-only
tables never travel. A type in none of the lists is refused by the receiver (it may come from a newer
program; the sender keeps it and sends it again after the receiver is updated).
"""

from __future__ import annotations

CELL_OWNED = frozenset({
    "cells", "committee_names",
    "members", "card_numbers", "member_status_changes",
    "meetings", "meeting_attendance", "resolutions", "finalised_documents",
    "review_rule_sets", "review_years", "member_reviews", "review_commitments", "collective_reviews",
    "rubrics", "meeting_scores", "five_good_assessments",
    "dues_payments", "dues_rules_versions",
    "cell_preferences", "document_numbers",
})

COMMITTEE_OWNED = frozenset({
    "classification_decisions",    # member or cell level decided by the committee (number and date)
    "five_good_recognitions",      # recognition of "Chi bộ 5 tốt"
    "committee_rubrics",           # rubrics the committee issues
    "committee_rule_sets",         # review rule sets the committee issues
    "guidance_documents",
    "committee_comments",          # comments on one of the cell's records
    "dues_remittance_receipts",
})

LOCAL_ONLY = frozenset({
    "settings", "audit_log", "change_log", "minutes_autosaves", "drafts", "search_docs",
    "sync_state", "sync_conflicts", "sync_bases", "committee_records",
})


def owner(entity: str) -> str | None:
    """"cell", "committee", or None for a type that does not travel or is unknown."""
    if entity in CELL_OWNED:
        return "cell"
    if entity in COMMITTEE_OWNED:
        return "committee"
    return None
