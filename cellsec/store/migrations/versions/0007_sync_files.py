"""sync_files: the enrolled cell's id in the sync bookkeeping (a laptop enrolled by file knows its cell
before the cell's records have arrived)

Revision ID: 0007_sync_files
Revises: 0006_sync
Create Date: 2026-12-03 17:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007_sync_files'
down_revision = '0006_sync'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_state') as batch:
        batch.add_column(sa.Column('cell_id', sa.String(length=36), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('sync_state') as batch:
        batch.drop_column('cell_id')
