"""The SQLAlchemy handle, the declarative base and the column types every domain shares."""
from datetime import datetime, timezone

import sqlalchemy as sa
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    # Named constraints so that Alembic migrations work the same on SQLite and PostgreSQL.
    metadata = sa.MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


db = SQLAlchemy(model_class=Base)

# The largest id a table holds (PostgreSQL's integer): a bigger number, in an address or a form,
# names no record and must not reach the database, which fails on it (a 500).
MAX_ID = 2**31 - 1


def record_id(value):
    """The id of a record a form field carries, or None when it cannot be one (ASCII digits,
    at most ``MAX_ID``: ``int()`` itself refuses more than 4 300 digits)."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 10 and int(value) <= MAX_ID:
        return int(value)
    return None


class UTCDateTime(sa.types.TypeDecorator):
    """An aware datetime stored as UTC: SQLite forgets time zones, so the type restores them."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware one")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=timezone.utc)


def utcnow():
    return datetime.now(timezone.utc)


def hold(model, *ids):
    """Hold these rows until commit, so that reading them again and writing is one step (two
    people at the same moment take turns): PostgreSQL locks the rows, in id order; SQLite has a
    single writer, taken now unless already held. Read the rows again after this."""
    connection = db.session.connection()
    if connection.dialect.name == "sqlite":
        if not connection.connection.driver_connection.in_transaction:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        db.session.execute(sa.select(model.id).where(model.id.in_(ids)).order_by(model.id).with_for_update())


@sa.event.listens_for(sa.Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    # SQLite ignores foreign keys unless asked, and WAL lets readers work during a write.
    # With WAL, synchronous=NORMAL is the setting SQLite recommends: the database cannot be
    # corrupted, and commits no longer wait for the disk (a power cut may lose the last ones).
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
