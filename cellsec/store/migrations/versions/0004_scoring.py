"""scoring: rubrics, meeting scores, 5-good assessments, dues ledger and dues rules

Revision ID: 0004_scoring
Revises: 0001_registry
Create Date: 2026-11-22 10:00:00
"""
from alembic import op
import sqlalchemy as sa
import cellsec.store.base


revision = '0004_scoring'
down_revision = '0001_registry'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dues_rules_versions',
    sa.Column('version', sa.String(length=30), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('dues_rules_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dues_rules_versions_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index('uq_dues_rules_version', ['cell_id', 'version'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'))

    op.create_table('rubrics',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('target', sa.String(length=20), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('meeting_types', sa.String(length=100), nullable=False),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('unverified', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rubrics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rubrics_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index('uq_rubrics_key_version', ['cell_id', 'key', 'version'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'))

    op.create_table('dues_payments',
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('basis', sa.Integer(), nullable=False),
    sa.Column('basis_month', sa.Date(), nullable=True),
    sa.Column('rules_version', sa.String(length=30), nullable=False),
    sa.Column('amount_due', sa.Integer(), nullable=False),
    sa.Column('amount_paid', sa.Integer(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('collector', sa.String(length=200), nullable=False),
    sa.Column('excused_reason', sa.Text(), nullable=False),
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
    with op.batch_alter_table('dues_payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dues_payments_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dues_payments_member_id'), ['member_id'], unique=False)
        batch_op.create_index('uq_dues_member_month', ['cell_id', 'member_id', 'month'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'))

    op.create_table('five_good_assessments',
    sa.Column('subject', sa.String(length=10), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=True),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('rubric_id', sa.String(length=36), nullable=False),
    sa.Column('items', sa.Text(), nullable=False),
    sa.Column('total', sa.Float(), nullable=False),
    sa.Column('max_points', sa.Float(), nullable=False),
    sa.Column('band', sa.String(length=100), nullable=False),
    sa.Column('proposal', sa.String(length=300), nullable=False),
    sa.Column('recognized_title', sa.String(length=300), nullable=False),
    sa.Column('decision_no', sa.String(length=100), nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('decision_org', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], ),
    sa.ForeignKeyConstraint(['rubric_id'], ['rubrics.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('five_good_assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_five_good_assessments_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_five_good_assessments_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_five_good_assessments_rubric_id'), ['rubric_id'], unique=False)
        batch_op.create_index('uq_five_good_cell_year', ['cell_id', 'year'], unique=True, sqlite_where=sa.text('deleted_at IS NULL AND member_id IS NULL'))
        batch_op.create_index('uq_five_good_member_year', ['cell_id', 'member_id', 'year'], unique=True, sqlite_where=sa.text('deleted_at IS NULL AND member_id IS NOT NULL'))

    op.create_table('meeting_scores',
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('rubric_id', sa.String(length=36), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=False),
    sa.Column('meeting_type', sa.String(length=20), nullable=False),
    sa.Column('items', sa.Text(), nullable=False),
    sa.Column('total', sa.Float(), nullable=False),
    sa.Column('max_points', sa.Float(), nullable=False),
    sa.Column('band', sa.String(length=100), nullable=False),
    sa.Column('scored_by', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.ForeignKeyConstraint(['rubric_id'], ['rubrics.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meeting_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_scores_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_scores_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_scores_rubric_id'), ['rubric_id'], unique=False)
        batch_op.create_index('uq_meeting_scores_meeting', ['cell_id', 'meeting_id'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'))



def downgrade() -> None:
    with op.batch_alter_table('meeting_scores', schema=None) as batch_op:
        batch_op.drop_index('uq_meeting_scores_meeting', sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_meeting_scores_rubric_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_scores_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_scores_cell_id'))

    op.drop_table('meeting_scores')
    with op.batch_alter_table('five_good_assessments', schema=None) as batch_op:
        batch_op.drop_index('uq_five_good_member_year', sqlite_where=sa.text('deleted_at IS NULL AND member_id IS NOT NULL'))
        batch_op.drop_index('uq_five_good_cell_year', sqlite_where=sa.text('deleted_at IS NULL AND member_id IS NULL'))
        batch_op.drop_index(batch_op.f('ix_five_good_assessments_rubric_id'))
        batch_op.drop_index(batch_op.f('ix_five_good_assessments_member_id'))
        batch_op.drop_index(batch_op.f('ix_five_good_assessments_cell_id'))

    op.drop_table('five_good_assessments')
    with op.batch_alter_table('dues_payments', schema=None) as batch_op:
        batch_op.drop_index('uq_dues_member_month', sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_dues_payments_member_id'))
        batch_op.drop_index(batch_op.f('ix_dues_payments_cell_id'))

    op.drop_table('dues_payments')
    with op.batch_alter_table('rubrics', schema=None) as batch_op:
        batch_op.drop_index('uq_rubrics_key_version', sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_rubrics_cell_id'))

    op.drop_table('rubrics')
    with op.batch_alter_table('dues_rules_versions', schema=None) as batch_op:
        batch_op.drop_index('uq_dues_rules_version', sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_dues_rules_versions_cell_id'))

    op.drop_table('dues_rules_versions')
