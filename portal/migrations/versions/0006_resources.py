"""resources

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 23:10:00

"""
from alembic import op
import sqlalchemy as sa

import portal.database  # custom column types (UTCDateTime)

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('resources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('address', sa.String(length=255), nullable=False),
    sa.Column('neighbourhood', sa.String(length=80), nullable=False),
    sa.Column('hours', sa.Text(), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('website', sa.String(length=255), nullable=False),
    sa.Column('step_free', sa.Boolean(), nullable=False),
    sa.Column('accessible_toilets', sa.Boolean(), nullable=False),
    sa.Column('hearing_loop', sa.Boolean(), nullable=False),
    sa.Column('sign_language', sa.Boolean(), nullable=False),
    sa.Column('accessibility_notes', sa.Text(), nullable=False),
    sa.Column('in_kit', sa.Boolean(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('archived_at', portal.database.UTCDateTime(), nullable=True),
    sa.Column('reviewed_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['users.id'], name=op.f('fk_resources_reviewed_by_id_users'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resources'))
    )
    with op.batch_alter_table('resources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resources_kind'), ['kind'], unique=False)

    op.create_table('resource_languages',
    sa.Column('resource_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.ForeignKeyConstraint(['resource_id'], ['resources.id'],
                            name=op.f('fk_resource_languages_resource_id_resources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('resource_id', 'code', name=op.f('pk_resource_languages'))
    )

    op.create_table('local_help_numbers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('hours', sa.String(length=160), nullable=False),
    sa.Column('free', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('archived_at', portal.database.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_local_help_numbers'))
    )


def downgrade():
    op.drop_table('local_help_numbers')
    op.drop_table('resource_languages')
    with op.batch_alter_table('resources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resources_kind'))
    op.drop_table('resources')
