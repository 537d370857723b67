"""Browser fixtures: the portal served on 127.0.0.1 from a thread, the system Chromium driven by
Playwright, and the demo town loaded before each test and removed after it.

Nothing is downloaded: the browser is the Debian ``chromium`` package. When it is missing the
browser tests are skipped, except under ``CI=true`` where they fail, so that a CI image without
Chromium cannot pass silently.
"""
import functools
import os
import shutil
import threading
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from playwright.sync_api import sync_playwright
from werkzeug.security import generate_password_hash
from werkzeug.serving import WSGIRequestHandler, make_server

from portal import create_app, demo
from portal.accessibility.audit import CHROMIUM_ARGS
from portal.database import db

ROOT = Path(__file__).resolve().parents[2]
HTMX = ROOT / "static" / "vendor" / "htmx.min.js"
# Subresources that must load; a failed one is a broken page even if the page answered 200.
SUBRESOURCES = {"stylesheet", "script", "image", "font"}
# Requests made by htmx; these may answer 4xx on purpose (422 for a form to correct), never 5xx.
FRAGMENTS = {"xhr", "fetch"}


def find_chromium():
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium_path():
    path = find_chromium()
    if path is None:
        message = ("Chromium not found (neither /usr/bin/chromium nor `chromium` on PATH). Install the "
                   "Debian package `chromium`; these tests never download a browser.")
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} CI=true: the browser tests are required here.", pytrace=False)
        pytest.skip(message)
    if not HTMX.exists():
        pytest.fail(f"{HTMX.relative_to(ROOT)} is missing: run `make vendor`.", pytrace=False)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _compile_catalogues_if_stale():
    """`make test` compiles the catalogues; a plain `pytest` run may follow an edit of a .po file."""
    for po in (ROOT / "translations").glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            CommandLineInterface().run(["pybabel", "-q", "compile", "-d", str(ROOT / "translations")])
            return


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, code="-", size="-"):
        if str(code).startswith("5"):
            super().log_request(code, size)


class LiveServer:
    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="live-server", daemon=True)

    def empty_tables(self):
        with self.app.app_context():
            db.session.remove()
            for table in reversed(db.metadata.sorted_tables):
                db.session.execute(table.delete())
            db.session.commit()
            db.session.remove()

    def load_demo_town(self):
        self.empty_tables()
        with self.app.app_context(), pytest.MonkeyPatch.context() as patch:
            # Loaded before every test: hash the one demo password once, not every time.
            patch.setattr(demo, "generate_password_hash", _hash_once)
            demo.load_demo()
            db.session.remove()

    def stop(self):
        self.server.shutdown()
        self.thread.join(timeout=10)
        self.server.server_close()
        self.empty_tables()
        with self.app.app_context():
            db.engine.dispose()


@functools.lru_cache
def _hash_once(password):
    return generate_password_hash(password)


@pytest.fixture(scope="session")
def live_server(chromium_path, database_url, tmp_path_factory):
    _compile_catalogues_if_stale()
    instance = tmp_path_factory.mktemp("browser-instance")
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "browser-tests",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "RATELIMIT_ENABLED": False,
        "OUTBOX_PATH": str(instance / "outbox"),
        "SEND_FILE_MAX_AGE_DEFAULT": 3600,  # no revalidation of the stylesheet on every page
        # The audit's result goes where `make run` reads it (tests/browser/test_journeys.py).
        "ACCESSIBILITY_AUDIT_PATH": os.environ.get("ACCESSIBILITY_AUDIT_PATH",
                                                   str(ROOT / "instance" / "accessibility-audit.json")),
    }, instance_path=instance)
    server = LiveServer(app)
    server.thread.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def demo_town(live_server):
    """Each browser test starts from the demo town and leaves empty tables, as the other tests do
    (their ``app`` fixture empties every table after each test, in whatever order they run)."""
    live_server.load_demo_town()
    yield
    live_server.empty_tables()
    with live_server.app.app_context():
        db.engine.dispose()  # no idle connection left open while other tests run


class BrowserProblems(list):
    """Console errors (CSP refusals, script errors) and subresources that failed to load."""

    def watch(self, page):
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.append(f"uncaught script error: {error}"))
        page.on("response", self._on_response)

    def _on_console(self, message):
        # A page answering 404 or 422 on purpose logs "Failed to load resource"; subresources
        # are checked from their responses instead.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.append(f"console error on {message.page.url if message.page else '?'}: {message.text}")

    def _on_response(self, response):
        kind, status = response.request.resource_type, response.status
        if (kind in SUBRESOURCES and status >= 400) or (kind in FRAGMENTS and status >= 500):
            self.append(f"{kind} {response.url} answered {response.status}")


@pytest.fixture
def browser_problems():
    return BrowserProblems()


@pytest.fixture
def page(browser, live_server, browser_problems):
    """A page in a fresh browser context (its own cookies: one person), in French to begin with.
    After the test, no console error and no broken subresource may have been seen."""
    context = browser.new_context(base_url=live_server.url, locale="fr-FR",
                                  viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    browser_problems.watch(page)
    yield page
    context.close()
    assert not browser_problems, "The browser reported problems:\n" + "\n".join(browser_problems)
