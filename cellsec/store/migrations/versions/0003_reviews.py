"""annual reviews, commitments and collective reviews

Revision ID: 0003_reviews
Revises: 0001_registry
Create Date: 2026-11-22 09:26:47.486948
"""
from alembic import op
import sqlalchemy as sa
import cellsec.store.base


revision = '0003_reviews'
down_revision = '0001_registry'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('review_rule_sets',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('issuing_document', sa.Text(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('based_on', sa.String(length=60), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('review_rule_sets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_rule_sets_cell_id'), ['cell_id'], unique=False)

    op.create_table('review_years',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('rule_set_id', sa.String(length=60), nullable=False),
    sa.Column('rule_set_version', sa.Integer(), nullable=False),
    sa.Column('rules_json', sa.Text(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('summary_status', sa.String(length=20), nullable=False),
    sa.Column('summary_submitted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('quota_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('review_years', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_years_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index('uq_review_years_year', ['cell_id', 'year'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'))

    op.create_table('collective_reviews',
    sa.Column('year_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('sections', sa.Text(), nullable=False),
    sa.Column('scores', sa.Text(), nullable=False),
    sa.Column('grades', sa.Text(), nullable=False),
    sa.Column('conditions', sa.Text(), nullable=False),
    sa.Column('disqualifiers', sa.Text(), nullable=False),
    sa.Column('self_level', sa.String(length=10), nullable=True),
    sa.Column('decided_level', sa.String(length=10), nullable=True),
    sa.Column('decision_no', sa.String(length=100), nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('submitted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.ForeignKeyConstraint(['year_id'], ['review_years.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('collective_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_collective_reviews_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_collective_reviews_year_id'), ['year_id'], unique=False)
        batch_op.create_index('uq_collective_reviews_year', ['cell_id', 'year'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'))

    op.create_table('member_reviews',
    sa.Column('year_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('form_type', sa.String(length=40), nullable=False),
    sa.Column('sections', sa.Text(), nullable=False),
    sa.Column('scores', sa.Text(), nullable=False),
    sa.Column('grades', sa.Text(), nullable=False),
    sa.Column('conditions', sa.Text(), nullable=False),
    sa.Column('disqualifiers', sa.Text(), nullable=False),
    sa.Column('self_level', sa.String(length=10), nullable=True),
    sa.Column('cell_comment', sa.Text(), nullable=False),
    sa.Column('cell_level', sa.String(length=10), nullable=True),
    sa.Column('votes_for', sa.Integer(), nullable=True),
    sa.Column('votes_against', sa.Integer(), nullable=True),
    sa.Column('votes_abstain', sa.Integer(), nullable=True),
    sa.Column('decided_level', sa.String(length=10), nullable=True),
    sa.Column('decision_no', sa.String(length=100), nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('submitted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], ),
    sa.ForeignKeyConstraint(['year_id'], ['review_years.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('member_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_reviews_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_reviews_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_reviews_year_id'), ['year_id'], unique=False)
        batch_op.create_index('uq_member_reviews_member_year', ['cell_id', 'year', 'member_id'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'))

    op.create_table('review_commitments',
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('items', sa.Text(), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('midyear_check', sa.Text(), nullable=False),
    sa.Column('midyear_on', sa.Date(), nullable=True),
    sa.Column('yearend_result', sa.Text(), nullable=False),
    sa.Column('yearend_on', sa.Date(), nullable=True),
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
    with op.batch_alter_table('review_commitments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_commitments_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_commitments_member_id'), ['member_id'], unique=False)
        batch_op.create_index('uq_review_commitments_member_year', ['cell_id', 'member_id', 'year'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'))



def downgrade() -> None:
    with op.batch_alter_table('review_commitments', schema=None) as batch_op:
        batch_op.drop_index('uq_review_commitments_member_year', sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_review_commitments_member_id'))
        batch_op.drop_index(batch_op.f('ix_review_commitments_cell_id'))

    op.drop_table('review_commitments')
    with op.batch_alter_table('member_reviews', schema=None) as batch_op:
        batch_op.drop_index('uq_member_reviews_member_year', sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_member_reviews_year_id'))
        batch_op.drop_index(batch_op.f('ix_member_reviews_member_id'))
        batch_op.drop_index(batch_op.f('ix_member_reviews_cell_id'))

    op.drop_table('member_reviews')
    with op.batch_alter_table('collective_reviews', schema=None) as batch_op:
        batch_op.drop_index('uq_collective_reviews_year', sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_collective_reviews_year_id'))
        batch_op.drop_index(batch_op.f('ix_collective_reviews_cell_id'))

    op.drop_table('collective_reviews')
    with op.batch_alter_table('review_years', schema=None) as batch_op:
        batch_op.drop_index('uq_review_years_year', sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_review_years_cell_id'))

    op.drop_table('review_years')
    with op.batch_alter_table('review_rule_sets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_rule_sets_cell_id'))

    op.drop_table('review_rule_sets')
