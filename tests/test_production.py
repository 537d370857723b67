"""The production set-up of docs/deploy.md: gunicorn's settings and access log, the reverse proxy's
headers believed only when configured, and login limits shared by the workers through Redis."""
import datetime
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from flask import request, url_for
from gunicorn.app.base import Application

from portal import config, create_app
from portal.database import db
from portal.web import public

PROJECT_ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONF = PROJECT_ROOT / "gunicorn.conf.py"
# Any database number will do: the test's keys carry a prefix of their own.
REDIS_URL = "redis://127.0.0.1:6379/9"
SETTINGS = ("WEB_CONCURRENCY", "GUNICORN_BIND", "GUNICORN_ACCESS_LOG", "PROXY_FIX_X_FOR", "PROXY_FIX_X_PROTO",
            "PROXY_FIX_X_HOST", "SESSION_COOKIE_SECURE", "RATELIMIT_STORAGE_URI", "LOGIN_RATE_LIMIT")


@pytest.fixture
def environment(monkeypatch):
    """The environment without the settings these tests give, whatever the developer's shell has."""
    for variable in SETTINGS:
        monkeypatch.delenv(variable, raising=False)
    return monkeypatch


class _Settings(Application):
    """gunicorn's settings as `gunicorn` in the project folder reads them, without serving."""

    def load_config(self):
        self.load_config_from_file(str(GUNICORN_CONF))

    def load(self):
        raise AssertionError("only the settings are read")


# --- gunicorn ------------------------------------------------------------------------------------

def test_gunicorn_runs_several_workers_on_the_loopback_by_default(environment):
    settings = _Settings().cfg
    assert settings.workers > 1
    assert settings.bind == ["127.0.0.1:8000"]
    assert settings.wsgi_app == "wsgi:app"
    assert not settings.preload_app
    # X-Forwarded-Proto is left to ProxyFix, which believes it only when configured.
    assert settings.secure_scheme_headers == {}


def test_gunicorn_takes_workers_and_address_from_the_environment(environment):
    environment.setenv("WEB_CONCURRENCY", "3")
    environment.setenv("GUNICORN_BIND", "unix:/run/passerelle/gunicorn.sock")
    settings = _Settings().cfg
    assert settings.workers == 3
    assert settings.bind == ["unix:/run/passerelle/gunicorn.sock"]


@pytest.fixture
def gunicorn_logs(environment, tmp_path):
    """gunicorn's logger as configured, writing to files; its handlers closed afterwards."""
    access, errors = tmp_path / "access.log", tmp_path / "error.log"
    settings = _Settings().cfg
    settings.set("accesslog", str(access))
    settings.set("errorlog", str(errors))
    logger = settings.logger_class(settings)
    try:
        yield logger, access, errors
    finally:
        for log in (logger.access_log, logger.error_log):
            for handler in list(log.handlers):
                log.removeHandler(handler)
                handler.close()


class _Response:
    status = "200 OK"
    headers = [("Content-Type", "text/html")]
    sent = 1234


class _Request:
    def __init__(self, referrer):
        self.headers = [("REFERER", referrer), ("USER-AGENT", "Téléphone")]


def _log_request(logger, path, query, referrer="-"):
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": f"{path}?{query}", "PATH_INFO": path, "QUERY_STRING": query,
               "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "203.0.113.7", "HTTP_REFERER": referrer,
               "HTTP_USER_AGENT": "Téléphone"}
    logger.access(_Response(), _Request(referrer), environ, datetime.timedelta(milliseconds=12))


def test_the_access_log_never_holds_the_questionnaires_query_string(gunicorn_logs):
    logger, access, errors = gunicorn_logs
    device = "0f" * 16
    end_link = f"moment=fin&device={device}"
    _log_request(logger, "/avis/12-Ab3dE", end_link, referrer=f"https://passerelle.example/avis/12-Ab3dE?{end_link}")
    _log_request(logger, "/calendrier", "semaine=2026-11-23")
    # gunicorn's own error lines name the address too.
    logger.exception("Error handling request %s", f"/avis/12-Ab3dE?{end_link}")

    lines = access.read_text().splitlines()
    assert device not in access.read_text() and device not in errors.read_text()
    assert '"GET /avis/12-Ab3dE HTTP/1.1" 200 1234 "https://passerelle.example/avis/12-Ab3dE"' in lines[0]
    assert lines[0].startswith("203.0.113.7 ")
    # Elsewhere the query string stays: it is what tells one calendar page from another.
    assert '"GET /calendrier?semaine=2026-11-23 HTTP/1.1"' in lines[1]
    assert "Error handling request /avis/12-Ab3dE" in errors.read_text()


# --- reverse proxy -------------------------------------------------------------------------------

FORWARDED = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "passerelle.example"}


@pytest.fixture
def proxied_app(database_url, tmp_path):
    """An application built as in production (settings from the environment) with a page that
    says what the request looks like to the portal."""
    built = []

    def build():
        application = create_app({"TESTING": True, "SECRET_KEY": "tests", "SQLALCHEMY_DATABASE_URI": database_url,
                                  "RATELIMIT_ENABLED": False}, instance_path=tmp_path / f"instance{len(built)}")
        application.add_url_rule("/sonde", "probe", public(lambda: {
            "home": url_for("core.home", _external=True), "client": request.remote_addr}))
        built.append(application)
        return application

    yield build
    for application in built:
        with application.app_context():
            db.engine.dispose()


def _probe(application):
    with application.app_context():
        client = application.test_client()
        seen = client.get("/sonde", headers=FORWARDED).get_json()
        cookie = client.get("/", headers=FORWARDED).headers["Set-Cookie"]
    return seen, cookie


def test_forwarded_headers_are_ignored_unless_configured(environment, proxied_app):
    seen, cookie = _probe(proxied_app())
    # Anyone can send these headers: a client could pass for another address and dodge the limits.
    assert seen == {"home": "http://localhost/", "client": "127.0.0.1"}
    assert "Secure" not in cookie


def test_the_configured_proxy_gives_the_visitors_address_and_https(environment, proxied_app):
    for variable in ("PROXY_FIX_X_FOR", "PROXY_FIX_X_PROTO", "PROXY_FIX_X_HOST"):
        environment.setenv(variable, "1")
    seen, cookie = _probe(proxied_app())
    assert seen == {"home": "https://passerelle.example/", "client": "203.0.113.7"}
    assert "Secure" in cookie


def test_the_secure_cookie_can_be_forced(environment, proxied_app):
    environment.setenv("SESSION_COOKIE_SECURE", "true")
    seen, cookie = _probe(proxied_app())
    assert seen["home"].startswith("http://")
    assert "Secure" in cookie


# --- login limits shared by the workers ----------------------------------------------------------

# One gunicorn worker: its own process, so its own module-level limiter and its own application,
# configured from the environment. Each line read asks for that many failed logins; it answers
# with their status codes.
WORKER = """
import json, sys
from portal import config, create_app
app = create_app({"RATELIMIT_KEY_PREFIX": sys.argv[1], "WTF_CSRF_ENABLED": False}, instance_path=sys.argv[2])
client = app.test_client()
for line in sys.stdin:
    attempts = [client.post("/connexion", data={"email": "personne@passerelle.example", "password": "mauvais"})
                for _ in range(int(line))]
    print(json.dumps([response.status_code for response in attempts]), flush=True)
"""


@pytest.fixture
def redis_prefix():
    """A key prefix of this test's own in Redis, and its keys removed afterwards."""
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.ping()
    except redis.ConnectionError:
        message = f"Redis does not answer at {REDIS_URL}: start redis-server to check shared limits."
        if os.environ.get("CI") == "true":  # as the browser tests: required in CI, never skipped
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    prefix = f"passerelle-test-{uuid.uuid4().hex}"
    yield prefix
    for key in server.scan_iter(match=f"*{prefix}*"):
        server.delete(key)
    server.close()


def test_workers_share_the_login_limit_through_redis(database_url, redis_prefix, tmp_path):
    environment = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "tests", "LOGIN_RATE_LIMIT": "3 per minute"}

    def start(name, storage):
        return subprocess.Popen([sys.executable, "-c", WORKER, redis_prefix, str(tmp_path / name)], cwd=PROJECT_ROOT,
                                env={**environment, "RATELIMIT_STORAGE_URI": storage}, text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def attempts(worker, count):
        worker.stdin.write(f"{count}\n")
        worker.stdin.flush()
        return json.loads(worker.stdout.readline())

    # All start together (most of the time is the import), then answer in turn.
    workers = [start("first", REDIS_URL), start("second", REDIS_URL), start("cut-off", "redis://127.0.0.1:1/0")]
    try:
        first, second, cut_off = workers
        assert attempts(first, 3) == [422, 422, 422]
        # The other worker has seen none of these attempts, and still refuses the next one.
        assert attempts(second, 1) == [429]
        assert attempts(first, 1) == [429]
        # Without Redis, logins still work, limited by each worker on its own.
        assert attempts(cut_off, 4) == [422, 422, 422, 429]
    finally:
        for worker in workers:
            worker.stdin.close()
            worker.wait(timeout=30)
            worker.stdout.close()


# --- the guide ------------------------------------------------------------------------------------

def test_the_deployment_guide_explains_every_environment_variable():
    guide = (PROJECT_ROOT / "docs" / "deploy.md").read_text()
    assert [variable for variable in config.ENVIRONMENT_KEYS if f"| `{variable}` |" not in guide] == []
