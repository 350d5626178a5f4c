"""members: an index of the live members' list numbers (SĐV) per cell. Saving a member checks that no other
live member of the cell has its list number; without an index that read every member row, a quarter of a
second at 100,000 members on the window's thread, and counting the live members did the same.

Revision ID: 0012_member_list_no_index
Revises: 0001_registry
Create Date: 2026-12-04 01:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0012_member_list_no_index'
down_revision = '0001_registry'  # its own branch: it needs only the members table
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.create_index('ix_members_live_list_no', ['cell_id', 'list_no'], unique=False,
                              sqlite_where=sa.text('deleted_at IS NULL'))


def downgrade() -> None:
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_index('ix_members_live_list_no')
