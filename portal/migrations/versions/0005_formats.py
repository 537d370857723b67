"""formats

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 23:10:00

"""
from alembic import op
import sqlalchemy as sa

import portal.database  # custom column types (UTCDateTime)

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('formats',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('duration', sa.Integer(), nullable=False),
    sa.Column('group_min', sa.Integer(), nullable=False),
    sa.Column('group_max', sa.Integer(), nullable=False),
    sa.Column('needs_calm', sa.Boolean(), nullable=False),
    sa.Column('needs_step_free', sa.Boolean(), nullable=False),
    sa.Column('outdoor_start', sa.Boolean(), nullable=False),
    sa.Column('roles_needed', sa.String(length=200), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('updated_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('archived_at', portal.database.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_formats')),
    sa.UniqueConstraint('slug', name=op.f('uq_formats_slug'))
    )


def downgrade():
    op.drop_table('formats')
