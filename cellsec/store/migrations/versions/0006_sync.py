"""sync: the change log's schema version, the laptop's sync bookkeeping (server, watermark, cursor),
conflict copies and the committee's records as pulled

Revision ID: 0006_sync
Revises: 0001_registry
Create Date: 2026-12-03 15:30:00
"""
from alembic import op
import sqlalchemy as sa
import cellsec.store.base


revision = '0006_sync'
down_revision = '0001_registry'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('change_log') as batch:
        batch.add_column(sa.Column('schema_version', sa.String(length=200), nullable=False, server_default=''))
    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('server_url', sa.String(length=500), nullable=False),
    sa.Column('server_keys', sa.Text(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('acked_seq', sa.Integer(), nullable=False),
    sa.Column('pull_cursor', sa.Integer(), nullable=False),
    sa.Column('last_sync_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('sync_conflicts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=100), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('local_snapshot', sa.Text(), nullable=False),
    sa.Column('server_rev', sa.Integer(), nullable=False),
    sa.Column('detected_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('resolved_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('resolution', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('committee_records',
    sa.Column('entity', sa.String(length=100), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('received_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'entity_id')
    )
    op.create_table('sync_bases',
    sa.Column('entity', sa.String(length=100), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'entity_id')
    )


def downgrade() -> None:
    op.drop_table('sync_bases')
    op.drop_table('committee_records')
    op.drop_table('sync_conflicts')
    op.drop_table('sync_state')
    with op.batch_alter_table('change_log') as batch:
        batch.drop_column('schema_version')
