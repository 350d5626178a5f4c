"""document_numbers: the cell's register of outgoing document numbers (reports, plans, invitations, lists,
resolutions on a member), one sequence per year and type

Revision ID: 0010_document_numbers
Revises: 0001_registry
Create Date: 2026-12-03 22:45:00
"""
from alembic import op
import sqlalchemy as sa
import cellsec.store.base


revision = '0010_document_numbers'
down_revision = '0001_registry'  # its own branch: it needs only the cells table
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('document_numbers',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('doc_type', sa.String(length=10), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('number_text', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', cellsec.store.base.UtcDateTime(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('deleted_at', cellsec.store.base.UtcDateTime(), nullable=True),
    sa.Column('cell_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['cells.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('document_numbers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_numbers_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index('ix_document_numbers_subject', ['cell_id', 'kind', 'subject'], unique=False)
        batch_op.create_index('uq_document_numbers_seq', ['cell_id', 'year', 'doc_type', 'seq'], unique=True,
                              sqlite_where=sa.text('deleted_at IS NULL'))


def downgrade() -> None:
    with op.batch_alter_table('document_numbers', schema=None) as batch_op:
        batch_op.drop_index('uq_document_numbers_seq', sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_document_numbers_subject')
        batch_op.drop_index(batch_op.f('ix_document_numbers_cell_id'))
    op.drop_table('document_numbers')
