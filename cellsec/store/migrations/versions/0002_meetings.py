"""meetings, minutes, attendance, resolutions, finalised documents and the search index

Revision ID: 0002_meetings
Revises: 0001_registry
Create Date: 2026-11-22 09:40:00

The FTS5 table is created with op.execute (Alembic has no virtual tables); members registered before
this revision are indexed here so member names are searchable at once.
"""
import datetime

from alembic import op
import sqlalchemy as sa
import cellsec.store.base


revision = '0002_meetings'
down_revision = '0001_registry'
branch_labels = None
depends_on = None

# Frozen copy of cellsec.store.search.FTS_DDL at this revision.
FTS_DDL = ("CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
           "folded, content='', tokenize='unicode61 remove_diacritics 2')")


def upgrade() -> None:
    op.create_table('search_docs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('search_docs', schema=None) as batch_op:
        batch_op.create_index('uq_search_docs_entity', ['kind', 'entity_id'], unique=True)

    op.create_table('finalised_documents',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('content_json', sa.Text(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('finalised_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('finalised_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_finalised_documents_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index('ix_finalised_documents_entity', ['kind', 'entity_id'], unique=False)
        batch_op.create_index('uq_finalised_documents_seq', ['cell_id', 'seq'], unique=True)

    op.create_table('meetings',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('period_year', sa.Integer(), nullable=False),
    sa.Column('period_month', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=500), nullable=False),
    sa.Column('start_time', sa.String(length=5), nullable=True),
    sa.Column('end_time', sa.String(length=5), nullable=True),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('chair_member_id', sa.String(length=36), nullable=True),
    sa.Column('secretary_member_id', sa.String(length=36), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('number_year', sa.Integer(), nullable=True),
    sa.Column('number_seq', sa.Integer(), nullable=True),
    sa.Column('number_text', sa.String(length=40), nullable=True),
    sa.Column('approved_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('amends_id', sa.String(length=36), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['amends_id'], ['meetings.id'], ),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.ForeignKeyConstraint(['chair_member_id'], ['members.id'], ),
    sa.ForeignKeyConstraint(['secretary_member_id'], ['members.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_amends_id'), ['amends_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index('ix_meetings_period', ['cell_id', 'period_year', 'period_month'], unique=False)
        batch_op.create_index('uq_meetings_number', ['cell_id', 'number_year', 'number_seq'], unique=True, sqlite_where=sa.text('deleted_at IS NULL AND number_seq IS NOT NULL'))

    op.create_table('meeting_attendance',
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('party_status', sa.String(length=20), nullable=False),
    sa.Column('list_no', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meeting_attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_attendance_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_attendance_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_attendance_member_id'), ['member_id'], unique=False)
        batch_op.create_index('uq_meeting_attendance_member', ['meeting_id', 'member_id'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'))

    op.create_table('minutes_autosaves',
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('base_rev', sa.Integer(), nullable=False),
    sa.Column('saved_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ),
    sa.PrimaryKeyConstraint('meeting_id')
    )
    op.create_table('resolutions',
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('signer_name', sa.String(length=200), nullable=False),
    sa.Column('signer_role', sa.String(length=50), nullable=False),
    sa.Column('recipients', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('number_year', sa.Integer(), nullable=True),
    sa.Column('number_seq', sa.Integer(), nullable=True),
    sa.Column('number_text', sa.String(length=40), nullable=True),
    sa.Column('approved_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('amends_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['amends_id'], ['resolutions.id'], ),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('resolutions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resolutions_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_resolutions_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index('uq_resolutions_number', ['cell_id', 'number_year', 'number_seq'], unique=True, sqlite_where=sa.text('deleted_at IS NULL AND number_seq IS NOT NULL'))
    op.execute(FTS_DDL)
    _index_existing_members()


def _index_existing_members() -> None:
    from cellsec.domain.text import fold

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, cell_id, full_name, alias FROM members WHERE deleted_at IS NULL")).all()
    # Undated records (members) take ids above every date: results are listed newest first, members first.
    first = datetime.date.max.toordinal() << 22
    for i, row in enumerate(rows, start=first):
        body = "\n".join(x for x in (row.full_name, row.alias) if x)
        conn.execute(sa.text("INSERT INTO search_docs (id, cell_id, kind, entity_id, day, title, body) "
                             "VALUES (:id, :c, 'member', :e, NULL, :t, :b)"),
                     {"id": i, "c": row.cell_id, "e": row.id, "t": row.full_name, "b": body})
        conn.execute(sa.text("INSERT INTO search_fts (rowid, folded) VALUES (:id, :f)"),
                     {"id": i, "f": fold(f"{row.full_name}\n{body}")})


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_fts")

    with op.batch_alter_table('resolutions', schema=None) as batch_op:
        batch_op.drop_index('uq_resolutions_number', sqlite_where=sa.text('deleted_at IS NULL AND number_seq IS NOT NULL'))
        batch_op.drop_index(batch_op.f('ix_resolutions_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_resolutions_cell_id'))

    op.drop_table('resolutions')
    op.drop_table('minutes_autosaves')
    with op.batch_alter_table('meeting_attendance', schema=None) as batch_op:
        batch_op.drop_index('uq_meeting_attendance_member', sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_meeting_attendance_member_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_attendance_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_attendance_cell_id'))

    op.drop_table('meeting_attendance')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index('uq_meetings_number', sqlite_where=sa.text('deleted_at IS NULL AND number_seq IS NOT NULL'))
        batch_op.drop_index('ix_meetings_period')
        batch_op.drop_index(batch_op.f('ix_meetings_cell_id'))
        batch_op.drop_index(batch_op.f('ix_meetings_amends_id'))

    op.drop_table('meetings')
    with op.batch_alter_table('finalised_documents', schema=None) as batch_op:
        batch_op.drop_index('uq_finalised_documents_seq')
        batch_op.drop_index('ix_finalised_documents_entity')
        batch_op.drop_index(batch_op.f('ix_finalised_documents_cell_id'))

    op.drop_table('finalised_documents')
    with op.batch_alter_table('search_docs', schema=None) as batch_op:
        batch_op.drop_index('uq_search_docs_entity')

    op.drop_table('search_docs')
