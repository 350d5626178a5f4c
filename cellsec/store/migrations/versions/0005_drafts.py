"""drafts: autosaved editor state of every kind of editor (local only, never synced)

Revision ID: 0005_drafts
Revises: 0001_registry
Create Date: 2026-12-03 14:40:00
"""
from alembic import op
import sqlalchemy as sa
import cellsec.store.base


revision = '0005_drafts'
down_revision = '0001_registry'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('drafts',
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('base_rev', sa.Integer(), nullable=True),
    sa.Column('saved_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'key')
    )


def downgrade() -> None:
    op.drop_table('drafts')
