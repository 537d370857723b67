"""place directions translated: "how to get there" moves from places.directions to translated_texts

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 10:00:00

"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa

import portal.database  # custom column types (UTCDateTime)


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

# The directions were written in French, the source language, in the standard register.
SOURCE = ("fr", "standard")

places = sa.table('places', sa.column('id', sa.Integer()), sa.column('directions', sa.Text()))
translated_texts = sa.table(
    'translated_texts', sa.column('key', sa.String()), sa.column('locale', sa.String()),
    sa.column('register', sa.String()), sa.column('body', sa.Text()),
    sa.column('updated_at', portal.database.UTCDateTime()))


def key_of(place_id):
    return f"place:{place_id}:directions"


def upgrade():
    bind = op.get_bind()
    written = bind.execute(sa.select(places.c.id, places.c.directions)).all()
    now = datetime.now(timezone.utc)
    rows = [{"key": key_of(ident), "locale": SOURCE[0], "register": SOURCE[1], "body": directions.strip(),
             "updated_at": now} for ident, directions in written if (directions or "").strip()]
    if rows:
        op.bulk_insert(translated_texts, rows)
    # Not in batch mode: rebuilding places on SQLite would drop its data-version triggers
    # (0003); SQLite 3.35+ drops a column in place.
    op.drop_column('places', 'directions')


def downgrade():
    # NOT NULL needs a default to be added to rows that exist; PostgreSQL then drops it, as 0001
    # had none (SQLite cannot without rebuilding the table, see above).
    op.add_column('places', sa.Column('directions', sa.Text(), nullable=False, server_default=''))
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column('places', 'directions', server_default=None)
    bind = op.get_bind()
    french = sa.and_(translated_texts.c.key.like(key_of("%")), translated_texts.c.locale == SOURCE[0],
                     translated_texts.c.register == SOURCE[1])
    for key, body in bind.execute(sa.select(translated_texts.c.key, translated_texts.c.body).where(french)).all():
        place_id = int(key.split(":")[1])
        bind.execute(places.update().where(places.c.id == place_id).values(directions=body))
    # The French is back in its column; the other variants stay, found again by the next upgrade.
    bind.execute(translated_texts.delete().where(french))
