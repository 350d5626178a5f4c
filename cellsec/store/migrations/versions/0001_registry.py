"""core tables and member registry

Revision ID: 0001_registry
Revises: 
Create Date: 2026-11-22 09:19:15.249204
"""
from alembic import op
import sqlalchemy as sa
import cellsec.store.base


revision = '0001_registry'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('action', sa.String(length=100), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('undoable', sa.Boolean(), nullable=False),
    sa.Column('undone_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['undone_by'], ['audit_log.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('cells',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('abbreviation', sa.String(length=20), nullable=False),
    sa.Column('place_name', sa.String(length=100), nullable=False),
    sa.Column('secretary_name', sa.String(length=200), nullable=False),
    sa.Column('deputy_name', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cells', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cells_cell_id'), ['cell_id'], unique=False)

    op.create_table('settings',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('change_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('audit_id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=100), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audit_log.id'], ),
    sa.PrimaryKeyConstraint('seq')
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_log_audit_id'), ['audit_id'], unique=False)
        batch_op.create_index('ix_change_log_entity', ['entity', 'entity_id', 'seq'], unique=False)

    op.create_table('committee_names',
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('committee_names', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_committee_names_cell_id'), ['cell_id'], unique=False)

    op.create_table('members',
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('name_folded', sa.String(length=200), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('gender', sa.String(length=10), nullable=False),
    sa.Column('cccd', sa.String(length=12), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('hometown', sa.String(length=200), nullable=False),
    sa.Column('workplace', sa.String(length=200), nullable=False),
    sa.Column('card_no', sa.String(length=30), nullable=True),
    sa.Column('ly_lich_no', sa.String(length=30), nullable=False),
    sa.Column('list_no', sa.Integer(), nullable=True),
    sa.Column('admitted_on', sa.Date(), nullable=True),
    sa.Column('official_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('activity_status', sa.String(length=20), nullable=False),
    sa.Column('status_from', sa.Date(), nullable=True),
    sa.Column('status_to', sa.Date(), nullable=True),
    sa.Column('status_reason', sa.Text(), nullable=False),
    sa.Column('status_decision', sa.String(length=200), nullable=False),
    sa.Column('status_org', sa.String(length=200), nullable=False),
    sa.Column('position_party', sa.String(length=200), nullable=False),
    sa.Column('position_government', sa.String(length=200), nullable=False),
    sa.Column('position_mass_org', sa.String(length=200), nullable=False),
    sa.Column('education', sa.String(length=100), nullable=False),
    sa.Column('professional_level', sa.String(length=100), nullable=False),
    sa.Column('political_theory', sa.String(length=50), nullable=False),
    sa.Column('dues_category', sa.String(length=30), nullable=False),
    sa.Column('dues_basis', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_members_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_members_name_folded'), ['name_folded'], unique=False)
        batch_op.create_index('uq_members_card_no', ['cell_id', 'card_no'], unique=True, sqlite_where=sa.text('deleted_at IS NULL AND card_no IS NOT NULL'))
        batch_op.create_index('uq_members_cccd', ['cell_id', 'cccd'], unique=True, sqlite_where=sa.text('deleted_at IS NULL AND cccd IS NOT NULL'))

    op.create_table('card_numbers',
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('card_no', sa.String(length=30), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('card_numbers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_card_numbers_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_card_numbers_member_id'), ['member_id'], unique=False)

    op.create_table('member_status_changes',
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('activity_status', sa.String(length=20), nullable=False),
    sa.Column('status_from', sa.Date(), nullable=True),
    sa.Column('status_to', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decision', sa.String(length=200), nullable=False),
    sa.Column('org', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('member_status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_status_changes_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_status_changes_member_id'), ['member_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('member_status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_status_changes_member_id'))
        batch_op.drop_index(batch_op.f('ix_member_status_changes_cell_id'))

    op.drop_table('member_status_changes')
    with op.batch_alter_table('card_numbers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_card_numbers_member_id'))
        batch_op.drop_index(batch_op.f('ix_card_numbers_cell_id'))

    op.drop_table('card_numbers')
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_index('uq_members_cccd', sqlite_where=sa.text('deleted_at IS NULL AND cccd IS NOT NULL'))
        batch_op.drop_index('uq_members_card_no', sqlite_where=sa.text('deleted_at IS NULL AND card_no IS NOT NULL'))
        batch_op.drop_index(batch_op.f('ix_members_name_folded'))
        batch_op.drop_index(batch_op.f('ix_members_cell_id'))

    op.drop_table('members')
    with op.batch_alter_table('committee_names', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_committee_names_cell_id'))

    op.drop_table('committee_names')
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index('ix_change_log_entity')
        batch_op.drop_index(batch_op.f('ix_change_log_audit_id'))

    op.drop_table('change_log')
    op.drop_table('settings')
    with op.batch_alter_table('cells', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cells_cell_id'))

    op.drop_table('cells')
    op.drop_table('audit_log')
