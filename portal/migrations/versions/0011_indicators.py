"""indicators: counts per date, anonymous questionnaire answers, follow-up contacts and outcomes

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26 02:10:00

"""
from alembic import op
import sqlalchemy as sa

import portal.database  # custom column types (UTCDateTime)



revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('follow_up_contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('contact', sa.String(length=120), nullable=False),
    sa.Column('locale', sa.String(length=10), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('forget_on', sa.Date(), nullable=False),
    sa.Column('reminded_at', portal.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['occurrence_id'], ['occurrences.id'], name=op.f('fk_follow_up_contacts_occurrence_id_occurrences'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up_contacts'))
    )
    with op.batch_alter_table('follow_up_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_contacts_occurrence_id'), ['occurrence_id'], unique=False)

    op.create_table('follow_up_outcomes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['occurrence_id'], ['occurrences.id'], name=op.f('fk_follow_up_outcomes_occurrence_id_occurrences'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up_outcomes'))
    )
    with op.batch_alter_table('follow_up_outcomes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_outcomes_occurrence_id'), ['occurrence_id'], unique=False)

    op.create_table('occurrence_counts',
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('newcomers', sa.Integer(), nullable=False),
    sa.Column('oriented_care', sa.Integer(), nullable=False),
    sa.Column('oriented_social', sa.Integer(), nullable=False),
    sa.Column('oriented_rights', sa.Integer(), nullable=False),
    sa.Column('oriented_other', sa.Integer(), nullable=False),
    sa.Column('pairs_created', sa.Integer(), nullable=False),
    sa.Column('improvement_note', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', portal.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['occurrence_id'], ['occurrences.id'], name=op.f('fk_occurrence_counts_occurrence_id_occurrences'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_occurrence_counts_recorded_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('occurrence_id', name=op.f('pk_occurrence_counts'))
    )
    op.create_table('questionnaire_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('moment', sa.String(length=5), nullable=False),
    sa.Column('variant', sa.String(length=8), nullable=False),
    sa.Column('isolation', sa.Integer(), nullable=True),
    sa.Column('felt_heard', sa.Integer(), nullable=True),
    sa.Column('frame_respected', sa.Integer(), nullable=True),
    sa.Column('would_return', sa.Integer(), nullable=True),
    sa.Column('helped', sa.String(length=500), nullable=False),
    sa.Column('missing', sa.String(length=500), nullable=False),
    sa.Column('device', sa.String(length=32), nullable=True),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['occurrence_id'], ['occurrences.id'], name=op.f('fk_questionnaire_answers_occurrence_id_occurrences'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_questionnaire_answers'))
    )
    with op.batch_alter_table('questionnaire_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_questionnaire_answers_device'), ['device'], unique=False)
        batch_op.create_index(batch_op.f('ix_questionnaire_answers_occurrence_id'), ['occurrence_id'], unique=False)



def downgrade():
    with op.batch_alter_table('questionnaire_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_questionnaire_answers_occurrence_id'))
        batch_op.drop_index(batch_op.f('ix_questionnaire_answers_device'))

    op.drop_table('questionnaire_answers')
    op.drop_table('occurrence_counts')
    with op.batch_alter_table('follow_up_outcomes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_outcomes_occurrence_id'))

    op.drop_table('follow_up_outcomes')
    with op.batch_alter_table('follow_up_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_contacts_occurrence_id'))

    op.drop_table('follow_up_contacts')
