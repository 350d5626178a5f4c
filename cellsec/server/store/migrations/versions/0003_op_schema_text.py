"""ops.schema_version as text: a laptop sends its migration heads joined ("0003_reviews+0004_scoring+…"),
one head per feature branch, so the string grows with every feature; 100 characters were reached in
December 2026 and PostgreSQL then refused the whole push.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('ops', schema=None) as batch_op:
        batch_op.alter_column('schema_version', existing_type=sa.String(length=100), type_=sa.Text(),
                              existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('ops', schema=None) as batch_op:
        batch_op.alter_column('schema_version', existing_type=sa.Text(), type_=sa.String(length=100),
                              existing_nullable=False)
