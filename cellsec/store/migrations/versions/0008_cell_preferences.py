"""cell_preferences: the cell's document preferences (agenda template, pinned rule version, layout) as synced
cell data instead of local settings

Revision ID: 0008_cell_preferences
Revises: 0007_sync_files
Create Date: 2026-12-03 17:20:00
"""
from alembic import op
import sqlalchemy as sa
import cellsec.store.base


revision = '0008_cell_preferences'
down_revision = '0007_sync_files'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cell_preferences',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cell_preferences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cell_preferences_cell_id'), ['cell_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('cell_preferences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cell_preferences_cell_id'))
    op.drop_table('cell_preferences')
