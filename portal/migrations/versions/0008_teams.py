"""teams: session team members, notices, reminders sent, planning feeds, checklist ticks

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 23:50:00

"""
from alembic import op
import sqlalchemy as sa

import portal.database  # custom column types (UTCDateTime)

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('team_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('invited_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('answered_at', portal.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['occurrence_id'], ['occurrences.id'], name=op.f('fk_team_members_occurrence_id_occurrences'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_team_members_session_id_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_team_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_members')),
    sa.UniqueConstraint('session_id', 'occurrence_id', 'user_id', 'role', name=op.f('uq_team_members_session_id'))
    )
    op.create_index(op.f('ix_team_members_session_id'), 'team_members', ['session_id'], unique=False)
    op.create_index(op.f('ix_team_members_occurrence_id'), 'team_members', ['occurrence_id'], unique=False)
    op.create_index(op.f('ix_team_members_user_id'), 'team_members', ['user_id'], unique=False)
    op.create_index('uq_team_members_whole_session', 'team_members', ['session_id', 'user_id', 'role'], unique=True,
                    sqlite_where=sa.text('occurrence_id IS NULL'), postgresql_where=sa.text('occurrence_id IS NULL'))

    op.create_table('team_notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=True),
    sa.Column('change', sa.String(length=10), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('dismissed_at', portal.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['occurrence_id'], ['occurrences.id'], name=op.f('fk_team_notices_occurrence_id_occurrences'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_team_notices_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_notices'))
    )
    op.create_index(op.f('ix_team_notices_user_id'), 'team_notices', ['user_id'], unique=False)

    op.create_table('sent_reminders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('recipient', sa.String(length=40), nullable=False),
    sa.Column('sent_at', portal.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['occurrence_id'], ['occurrences.id'], name=op.f('fk_sent_reminders_occurrence_id_occurrences'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sent_reminders')),
    sa.UniqueConstraint('kind', 'occurrence_id', 'recipient', name=op.f('uq_sent_reminders_kind'))
    )

    op.create_table('planning_feeds',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_planning_feeds_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_planning_feeds')),
    sa.UniqueConstraint('token', name=op.f('uq_planning_feeds_token'))
    )

    op.create_table('checklist_ticks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=30), nullable=False),
    sa.Column('ticked_by_id', sa.Integer(), nullable=True),
    sa.Column('ticked_at', portal.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['occurrence_id'], ['occurrences.id'], name=op.f('fk_checklist_ticks_occurrence_id_occurrences'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ticked_by_id'], ['users.id'], name=op.f('fk_checklist_ticks_ticked_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_ticks')),
    sa.UniqueConstraint('occurrence_id', 'item', name=op.f('uq_checklist_ticks_occurrence_id'))
    )
    op.create_index(op.f('ix_checklist_ticks_occurrence_id'), 'checklist_ticks', ['occurrence_id'], unique=False)


def downgrade():
    op.drop_table('checklist_ticks')
    op.drop_table('planning_feeds')
    op.drop_table('sent_reminders')
    op.drop_table('team_notices')
    op.drop_table('team_members')
