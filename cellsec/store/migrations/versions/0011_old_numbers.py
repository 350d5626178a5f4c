"""numbers given before the register: the number dialog of earlier versions kept only "the last number
given" per kind of document in local settings (last_number_scores_report = 3, register_last_number = 2…),
with no year and no document. Those numbers may be on paper already, so the register must never hand them
out again: this moves them into one local setting, `numbers_before_register`, {"year": the upgrade's year,
"floors": {type: highest number}}, which services/documents/numbers.py counts as given (1..floor of that
type and year). Kept local, like the settings it comes from: the other laptop has its own, and a synced row
per old number would clash with the numbers that laptop gives meanwhile.

Revision ID: 0011_old_numbers
Revises: 0010_document_numbers
Create Date: 2026-12-04 01:20:00
"""
import datetime as dt
import json

from alembic import op
import sqlalchemy as sa


# A short name: the migration heads travel joined in every synced op (the server keeps them in 100 characters).
revision = '0011_old_numbers'
down_revision = '0010_document_numbers'
branch_labels = None
depends_on = None

KEY = "numbers_before_register"
# The old settings' kinds and the document type each printed ("Số 03-BC/CB"); frozen here, as they were.
OLD_KINDS = {
    "last_number_monthly_report": "BC", "last_number_collective_report": "BC",
    "last_number_scores_report": "BC", "last_number_thematic_plan": "KH", "last_number_resolution": "NQ",
    "last_number_invitation": "GM", "last_number_register": "DS", "register_last_number": "DS",
}
VIETNAM = dt.timezone(dt.timedelta(hours=7))


def upgrade() -> None:
    conn = op.get_bind()
    settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))
    rows = conn.execute(sa.select(settings.c.key, settings.c.value).where(settings.c.key.in_(list(OLD_KINDS))))
    floors: dict[str, int] = {}
    for key, value in rows:
        if (value or "").strip().isdigit() and int(value) > 0:
            doc_type = OLD_KINDS[key]
            floors[doc_type] = max(floors.get(doc_type, 0), int(value))
    if floors:
        year = dt.datetime.now(VIETNAM).year  # the old dialog never reset at a new year: all are this year's
        conn.execute(settings.insert().values(key=KEY, value=json.dumps({"year": year, "floors": floors})))
    conn.execute(settings.delete().where(settings.c.key.in_(list(OLD_KINDS))))


def downgrade() -> None:
    conn = op.get_bind()
    settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))
    row = conn.execute(sa.select(settings.c.value).where(settings.c.key == KEY)).first()
    conn.execute(settings.delete().where(settings.c.key == KEY))
    if row is None:
        return
    # Back to one old key per type (the old dialog proposed the next after it).
    first_key = {}
    for key, doc_type in OLD_KINDS.items():
        first_key.setdefault(doc_type, key)
    for doc_type, floor in json.loads(row[0]).get("floors", {}).items():
        if doc_type in first_key:
            conn.execute(settings.insert().values(key=first_key[doc_type], value=str(floor)))
