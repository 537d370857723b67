"""Fresh, empty databases of the run's kind (SQLite, or PostgreSQL when ``TEST_DATABASE_URL``
names one: a scratch database on that server, dropped afterwards), and what they contain."""
import os
import uuid
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from portal import config, create_app
from portal.database import db


@contextmanager
def fresh_database(tmp_path):
    """The URL of a database that does not exist yet (SQLite) or is empty (PostgreSQL)."""
    server = os.environ.get("TEST_DATABASE_URL", "")
    name = f"scratch_{uuid.uuid4().hex[:12]}"
    if not server.startswith("postgres"):
        yield f"sqlite:///{tmp_path / f'{name}.sqlite3'}"
        return
    url = make_url(config.psycopg_url(server))
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def app_on(url, instance):
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "tests", "RATELIMIT_ENABLED": False},
                      instance_path=instance)


def contents(engine=None):
    """{table: its rows ordered by primary key} for every table of the database."""
    found = {}
    with (engine or db.engine).connect() as connection:
        inspector = sa.inspect(connection)
        for table in inspector.get_table_names():
            keys = inspector.get_pk_constraint(table)["constrained_columns"]
            order = ", ".join(f'"{key}"' for key in keys)
            found[table] = connection.execute(sa.text(f'SELECT * FROM "{table}" ORDER BY {order}')).all()
    return found
