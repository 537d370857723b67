"""data versions: what the cached calendar depends on, bumped by triggers

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 22:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

CALENDAR = "calendar"
# The tables the rooms calendar shows: a write to any of them changes what it would draw.
CALENDAR_TABLES = ("places", "rooms", "opening_hours", "associations", "bookings", "occurrences", "closures")

# An upsert, so a version row deleted by hand (or by a test emptying tables) comes back.
BUMP = ("INSERT INTO data_versions (name, value) VALUES ('{name}', 1) "
        "ON CONFLICT (name) DO UPDATE SET value = data_versions.value + 1")

POSTGRESQL_FUNCTION = """
CREATE FUNCTION bump_{name}_version() RETURNS trigger AS $$
BEGIN
  {bump};
  RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""


def upgrade():
    op.create_table('data_versions',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_data_versions'))
    )
    bump = BUMP.format(name=CALENDAR)
    if op.get_bind().dialect.name == "postgresql":
        # One bump per statement: a bulk write costs one row update, not one per row.
        op.execute(POSTGRESQL_FUNCTION.format(name=CALENDAR, bump=bump))
        for table in CALENDAR_TABLES:
            op.execute(f"CREATE TRIGGER {table}_bump_{CALENDAR} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                       f"FOR EACH STATEMENT EXECUTE FUNCTION bump_{CALENDAR}_version()")
    else:  # SQLite has row triggers only
        for table in CALENDAR_TABLES:
            for event in ("INSERT", "UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_bump_{CALENDAR}_{event.lower()} AFTER {event} ON {table} "
                           f"BEGIN {bump}; END")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for table in CALENDAR_TABLES:
            op.execute(f"DROP TRIGGER {table}_bump_{CALENDAR} ON {table}")
        op.execute(f"DROP FUNCTION bump_{CALENDAR}_version()")
    else:
        for table in CALENDAR_TABLES:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER {table}_bump_{CALENDAR}_{event}")
    op.drop_table('data_versions')
