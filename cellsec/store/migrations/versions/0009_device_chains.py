"""device_chains: each laptop of a cell keeps its own hash chain of finalised documents (two laptops
finalising offline append to two chains, never one forked chain); existing records belong to this
installation's device

Revision ID: 0009_device_chains
Revises: 0008_cell_preferences, 0002_meetings
Create Date: 2026-12-03 17:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_device_chains'
down_revision = ('0008_cell_preferences', '0002_meetings')  # merges the meetings branch: the table it changes
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('finalised_documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('device_id', sa.String(length=36), nullable=False, server_default=''))
        batch_op.drop_index('uq_finalised_documents_seq')
        batch_op.create_index('uq_finalised_documents_seq', ['cell_id', 'device_id', 'seq'], unique=True)
    op.execute("UPDATE finalised_documents SET device_id = COALESCE("
               "(SELECT value FROM settings WHERE key = 'device_id'), '')")


def downgrade() -> None:
    with op.batch_alter_table('finalised_documents', schema=None) as batch_op:
        batch_op.drop_index('uq_finalised_documents_seq')
        batch_op.create_index('uq_finalised_documents_seq', ['cell_id', 'seq'], unique=True)
        batch_op.drop_column('device_id')
