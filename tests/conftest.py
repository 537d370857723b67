"""Shared fixtures: an application on a real database (SQLite, or PostgreSQL when
``TEST_DATABASE_URL`` is set), a test client that fills in CSRF tokens, and factories."""
import os
import re
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade
from jinja2 import BytecodeCache

from portal import create_app
from portal.database import db
from tests import factories

CSRF_IN_PAGE = re.compile(r'name="csrf_token" value="([^"]+)"')


class _CompiledTemplates(BytecodeCache):
    """Templates compiled once per run instead of once per test's application (keyed by
    name and source checksum, so an edited template is compiled again)."""

    def __init__(self):
        self.store = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _CompiledTemplates()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """One database for the whole run, built by the Alembic migrations (so they are tested too)."""
    url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "tests"},
                     instance_path=tmp_path_factory.mktemp("instance"))
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            # A database reused from an earlier run: its migrations' functions and triggers go
            # too, which drop_all does not know of (upgrade() would fail on them).
            db.session.execute(sa.text("DROP SCHEMA public CASCADE"))
            db.session.execute(sa.text("CREATE SCHEMA public"))
        else:
            db.drop_all()
            db.session.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
        upgrade()
        db.engine.dispose()
    return url


def build_app(database_url, folder):
    """The application the tests use, on ``database_url``, its instance and outbox in ``folder``."""
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "tests",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "OUTBOX_PATH": str(folder / "outbox"),
        "RATELIMIT_ENABLED": False,
        "SERVER_NAME": "passerelle.test",
    }, instance_path=folder / "instance")
    app.jinja_env.bytecode_cache = COMPILED_TEMPLATES
    return app


@pytest.fixture
def app(database_url, tmp_path):
    app = build_app(database_url, tmp_path)
    with app.app_context():
        yield app
        db.session.remove()
        # Each test starts from empty tables.
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()
        db.engine.dispose()


class Client:
    """A test client that posts forms the way a browser does, with the page's CSRF token.

    Each request runs in its own application context, as in production: otherwise it would
    reuse the test's context, and with it ``g`` (the signed-in person, the locale) and the
    database session (a view would see the test's uncommitted objects, and its own unsaved
    changes would survive the request). After each request the test's objects are expired,
    so that they show what the request committed.
    """

    def __init__(self, flask_client):
        self.raw = flask_client

    def open(self, method, url, headers=None, **kwargs):
        with self.raw.application.app_context():
            response = self.raw.open(url, method=method, headers=headers or {}, **kwargs)
        db.session.expire_all()
        return response

    def csrf_token(self):
        page = self.open("GET", "/").get_data(as_text=True)
        return CSRF_IN_PAGE.search(page).group(1)

    def get(self, url, htmx=False, headers=None, **kwargs):
        return self.open("GET", url, headers={**_htmx_headers(htmx), **(headers or {})}, **kwargs)

    def post(self, url, data=None, htmx=False, csrf=True, headers=None, **kwargs):
        data = dict(data or {})
        if csrf:
            data.setdefault("csrf_token", self.csrf_token())
        return self.open("POST", url, data=data, headers={**_htmx_headers(htmx), **(headers or {})},
                         **kwargs)

    def login(self, user, password=factories.PASSWORD):
        response = self.post("/connexion", {"email": user.email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)
        return response


def _htmx_headers(htmx):
    return {"HX-Request": "true"} if htmx else {}


@pytest.fixture
def client(app):
    return Client(app.test_client())


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def outbox(app):
    """The mails the portal sent, as (recipient, subject, body), oldest first."""
    from email import message_from_bytes, policy
    from pathlib import Path

    def read():
        folder = Path(app.config["OUTBOX_PATH"])
        files = sorted(folder.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns) if folder.exists() else []
        messages = [message_from_bytes(f.read_bytes(), policy=policy.default) for f in files]
        return [(m["To"], m["Subject"], m.get_content()) for m in messages]

    return read


@pytest.fixture
def mail_server_down(app):
    """An SMTP server that refuses every connection (a free port nobody listens on)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)


@pytest.fixture
def make_user(app):
    return factories.make_user


@pytest.fixture
def make_association(app):
    return factories.make_association


@pytest.fixture
def make_place(app):
    return factories.make_place


@pytest.fixture
def make_room(app):
    return factories.make_room


@pytest.fixture
def make_booking(app):
    return factories.make_booking


@pytest.fixture
def make_format(app):
    return factories.make_format


@pytest.fixture
def make_session(app):
    return factories.make_session


@pytest.fixture
def make_public_session(app):
    return factories.make_public_session


@pytest.fixture
def make_neighbourhood(app):
    return factories.make_neighbourhood


@pytest.fixture
def make_buddy(app):
    return factories.make_buddy


@contextmanager
def _counted_queries():
    statements = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)


@pytest.fixture
def counted_queries(app):
    """``with counted_queries() as statements:`` collects the SQL statements the block runs."""
    return _counted_queries
