"""binomes: the buddy queue, consents, pairs, access log, anonymous events, neighbourhoods, charter versions

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 01:25:00

"""
from alembic import op
import sqlalchemy as sa

import portal.database  # custom column types (UTCDateTime)



revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('buddy_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('waited_days', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_buddy_events'))
    )
    with op.batch_alter_table('buddy_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_buddy_events_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_buddy_events_month'), ['month'], unique=False)

    op.create_table('neighbourhoods',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=False),
    sa.Column('longitude', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_neighbourhoods')),
    sa.UniqueConstraint('name', name=op.f('uq_neighbourhoods_name'))
    )
    op.create_table('buddy_charters',
    sa.Column('version', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('published_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['published_by_id'], ['users.id'], name=op.f('fk_buddy_charters_published_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('version', name=op.f('pk_buddy_charters'))
    )
    op.create_table('buddy_people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('first_name', sa.String(length=60), nullable=False),
    sa.Column('contact_kind', sa.String(length=10), nullable=False),
    sa.Column('contact', sa.String(length=120), nullable=False),
    sa.Column('locale', sa.String(length=10), nullable=False),
    sa.Column('neighbourhood_id', sa.Integer(), nullable=True),
    sa.Column('activities', sa.String(length=60), nullable=False),
    sa.Column('availability', sa.Integer(), nullable=False),
    sa.Column('languages', sa.String(length=60), nullable=False),
    sa.Column('needs', sa.String(length=60), nullable=False),
    sa.Column('pace', sa.String(length=10), nullable=False),
    sa.Column('age_bracket', sa.String(length=10), nullable=False),
    sa.Column('gender', sa.String(length=10), nullable=False),
    sa.Column('buddy_gender', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('signed_up_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('waiting_since', portal.database.UTCDateTime(), nullable=False),
    sa.Column('confirmed_at', portal.database.UTCDateTime(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('inactive_since', portal.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['neighbourhood_id'], ['neighbourhoods.id'], name=op.f('fk_buddy_people_neighbourhood_id_neighbourhoods'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_buddy_people_recorded_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_buddy_people')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_buddy_people_token_hash'))
    )
    with op.batch_alter_table('buddy_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_buddy_people_status'), ['status'], unique=False)

    op.create_table('buddy_access_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('viewer_id', sa.Integer(), nullable=True),
    sa.Column('what', sa.String(length=40), nullable=False),
    sa.Column('at', portal.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['buddy_people.id'], name=op.f('fk_buddy_access_log_person_id_buddy_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['viewer_id'], ['users.id'], name=op.f('fk_buddy_access_log_viewer_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_buddy_access_log'))
    )
    with op.batch_alter_table('buddy_access_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_buddy_access_log_person_id'), ['person_id'], unique=False)

    op.create_table('buddy_consents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=12), nullable=False),
    sa.Column('given', sa.Boolean(), nullable=False),
    sa.Column('charter_version', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('attestation', sa.String(length=300), nullable=False),
    sa.Column('at', portal.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['buddy_people.id'], name=op.f('fk_buddy_consents_person_id_buddy_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_buddy_consents_recorded_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_buddy_consents'))
    )
    with op.batch_alter_table('buddy_consents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_buddy_consents_person_id'), ['person_id'], unique=False)

    op.create_table('buddy_not_again',
    sa.Column('low_id', sa.Integer(), nullable=False),
    sa.Column('high_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['high_id'], ['buddy_people.id'], name=op.f('fk_buddy_not_again_high_id_buddy_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['low_id'], ['buddy_people.id'], name=op.f('fk_buddy_not_again_low_id_buddy_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('low_id', 'high_id', name=op.f('pk_buddy_not_again'))
    )
    op.create_table('buddy_pairs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('first_id', sa.Integer(), nullable=True),
    sa.Column('second_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.Column('first_answer', sa.Boolean(), nullable=True),
    sa.Column('second_answer', sa.Boolean(), nullable=True),
    sa.Column('proposed_by_id', sa.Integer(), nullable=True),
    sa.Column('proposed_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('activated_at', portal.database.UTCDateTime(), nullable=True),
    sa.Column('meeting_place_id', sa.Integer(), nullable=True),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('follow_up_reminded_at', portal.database.UTCDateTime(), nullable=True),
    sa.Column('followed_up_at', portal.database.UTCDateTime(), nullable=True),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('ended_at', portal.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['first_id'], ['buddy_people.id'], name=op.f('fk_buddy_pairs_first_id_buddy_people'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_place_id'], ['places.id'], name=op.f('fk_buddy_pairs_meeting_place_id_places'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['proposed_by_id'], ['users.id'], name=op.f('fk_buddy_pairs_proposed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['second_id'], ['buddy_people.id'], name=op.f('fk_buddy_pairs_second_id_buddy_people'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_buddy_pairs'))
    )
    with op.batch_alter_table('buddy_pairs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_buddy_pairs_first_id'), ['first_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_buddy_pairs_second_id'), ['second_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_buddy_pairs_status'), ['status'], unique=False)



def downgrade():
    with op.batch_alter_table('buddy_pairs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_buddy_pairs_status'))
        batch_op.drop_index(batch_op.f('ix_buddy_pairs_second_id'))
        batch_op.drop_index(batch_op.f('ix_buddy_pairs_first_id'))

    op.drop_table('buddy_pairs')
    op.drop_table('buddy_not_again')
    with op.batch_alter_table('buddy_consents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_buddy_consents_person_id'))

    op.drop_table('buddy_consents')
    with op.batch_alter_table('buddy_access_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_buddy_access_log_person_id'))

    op.drop_table('buddy_access_log')
    with op.batch_alter_table('buddy_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_buddy_people_status'))

    op.drop_table('buddy_people')
    op.drop_table('buddy_charters')
    op.drop_table('neighbourhoods')
    with op.batch_alter_table('buddy_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_buddy_events_month'))
        batch_op.drop_index(batch_op.f('ix_buddy_events_kind'))

    op.drop_table('buddy_events')
