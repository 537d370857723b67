"""content reviews: a text variant marked as read by people concerned, by whom and when

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 23:10:00

"""
from alembic import op
import sqlalchemy as sa

import portal.database  # custom column types (UTCDateTime)

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('translated_texts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reviewed_at', portal.database.UTCDateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_translated_texts_reviewed_by_id_users'), 'users',
                                    ['reviewed_by_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('translated_texts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_translated_texts_reviewed_by_id_users'), type_='foreignkey')
        batch_op.drop_column('reviewed_at')
        batch_op.drop_column('reviewed_by_id')
