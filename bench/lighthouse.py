"""Lighthouse's accessibility and best-practices scores of five pages of the portal.

The pages: the home page, the rooms calendar (signed in as the demo's staff account), the
formats directory, the demo café's public page and its anonymous questionnaire. Target: 100
for both categories on each.

    .venv/bin/python bench/lighthouse.py              # pages in French
    .venv/bin/python bench/lighthouse.py --locale ar  # in Arabic, right to left

What it does, and what it never does:

- Lighthouse comes from the npm registry, installed on first use into ``bench/.lighthouse/``
  (ignored by git), at a version that runs on the Node.js found (``node --version``);
- no browser is downloaded: Lighthouse drives the system Chromium (``CHROME_PATH``, by default
  /usr/bin/chromium), headless, sandbox off, without any of its calls home;
- the portal is served from this process on a free 127.0.0.1 port, on a fresh SQLite database in
  a temporary folder (schema by the migrations, the demo town loaded), all of it removed at the end.

Each figure is one JSON line on standard output, ``{"name": "lighthouse_accessibility_home",
"value": 100, "unit": "score"}``; the table of scores, and the audits that failed on a page
scoring under 100, go to standard error. Exit status 1 when any score is under 100.
"""
import argparse
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import urllib.request

from figures import emit, note

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT_ROOT = os.path.dirname(HERE)

CACHE = os.path.join(HERE, ".lighthouse")
# Lighthouse 13 asks for Node.js 22.19 or later; 12.8 is the last line that runs on Node 18.16 and 20.
LIGHTHOUSE_VERSION, OLDEST_NODE = "12.8.2", (18, 16)
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]
CATEGORIES = {"accessibility": "accessibility", "best-practices": "best_practices"}
STAFF_EMAIL = "vie-associative@passerelle.example"
CSRF_IN_PAGE = re.compile(r'name="csrf_token" value="([^"]+)"')


# --- Lighthouse --------------------------------------------------------------------------------

def check_node():
    try:
        found = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        sys.exit("Node.js is needed (`node --version` failed): install the Debian package `nodejs`.")
    if tuple(int(part) for part in found.lstrip("v").split(".")[:2]) < OLDEST_NODE:
        sys.exit(f"Node.js {found} is too old for lighthouse@{LIGHTHOUSE_VERSION}: "
                 f"{'.'.join(map(str, OLDEST_NODE))} or later is needed.")
    return found


def lighthouse_cli():
    """The CLI's script, installed into bench/.lighthouse/ when missing or of another version."""
    node, version = check_node(), LIGHTHOUSE_VERSION
    package = os.path.join(CACHE, "node_modules", "lighthouse")
    installed = None
    if os.path.exists(os.path.join(package, "package.json")):
        with open(os.path.join(package, "package.json")) as file:
            installed = json.load(file)["version"]
    if installed != version:
        note(f"Installing lighthouse@{version} (Node.js {node}) into {os.path.relpath(CACHE, PROJECT_ROOT)}/ …")
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", CACHE, "--no-audit", "--no-fund", "--loglevel=error",
                        f"lighthouse@{version}"], check=True,
                       env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"})  # never a browser of its own
    return os.path.join(package, "cli", "index.js")


def run_lighthouse(cli, url, headers, chromium, workdir, name):
    report = os.path.join(workdir, f"{name}.json")
    command = ["node", cli, url, "--quiet", "--only-categories=accessibility,best-practices",
               "--output=json", f"--output-path={report}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
               f"--extra-headers={json.dumps(headers)}",
               "--throttling-method=provided"]  # nothing measured here depends on the network's speed
    done = subprocess.run(command, env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True,
                          timeout=300)
    if done.returncode != 0 or not os.path.exists(report):
        raise RuntimeError(f"Lighthouse failed on {url}:\n{done.stderr[-3000:]}")
    with open(report) as file:
        return json.load(file)


def failing_audits(report, category):
    """(title, details) of the scored audits of ``category`` that did not pass."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items") or []
            where = [_describe(item) for item in items[:5]]
            found.append((f"{ref['id']}: {audit['title']}", [w for w in where if w]))
    return found


def _describe(item):
    node = item.get("node") if isinstance(item.get("node"), dict) else None
    if node:
        return f"{node.get('selector', '')} {node.get('snippet', '')}".strip()
    said = [item[key] if isinstance(item[key], str) else json.dumps(item[key])
            for key in ("description", "url", "source", "sourceLocation") if item.get(key)]
    return " · ".join(said)[:300] if said else json.dumps(item)[:300]


# --- the portal ----------------------------------------------------------------------------------

def demo_portal(workdir):
    """The app on a fresh database with the demo town, and the addresses of the five pages."""
    import sqlalchemy as sa
    from flask import url_for
    from flask_migrate import upgrade

    from portal import create_app, demo
    from portal.database import db
    from portal.indicators import questionnaire
    from portal.rooms.models import APPROVED, Booking, Occurrence
    from portal.sessions.models import PUBLISHED, Session

    instance = os.path.join(workdir, "instance")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{os.path.join(workdir, 'lighthouse.sqlite3')}",
                      "SECRET_KEY": "lighthouse", "RATELIMIT_ENABLED": False,
                      "OUTBOX_PATH": os.path.join(instance, "outbox")}, instance_path=instance)
    with app.app_context():
        upgrade()
        demo.load_demo()
    with app.test_request_context():
        # A published session with a date whose questionnaire is open now: its page and that questionnaire.
        dates = db.session.scalars(
            sa.select(Occurrence).join(Booking).join(Session, Booking.session_id == Session.id)
            .where(Session.status == PUBLISHED, Session.questionnaire, Occurrence.status == APPROVED)
            .order_by(Occurrence.starts_at.desc())).all()
        open_now = next((o for o in dates if questionnaire.is_open(o)), None)
        if open_now is None:
            sys.exit("The demo has no published session with a questionnaire open now.")
        pages = {"home": url_for("core.home"), "calendar": url_for("rooms.calendar_view"),
                 "formats": url_for("formats.index"),
                 "session": url_for("sessions.public_page", session_id=open_now.booking.session_id),
                 "questionnaire": questionnaire.link(open_now)}
        db.session.remove()
    return app, pages


class Server:
    """werkzeug serving the app from a thread on a free loopback port."""

    def __init__(self, app):
        from werkzeug.serving import WSGIRequestHandler, make_server

        class Quiet(WSGIRequestHandler):
            def log_request(self, code="-", size="-"):
                if str(code).startswith("5"):
                    super().log_request(code, size)

        self.server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=Quiet)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.thread.join(timeout=10)
        self.server.server_close()


def signed_in_cookie(base, email, locale):
    """The Cookie header of a session signed in through the login form, in ``locale``."""
    from portal.demo import DEMO_PASSWORD

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(path, fields, form_page=None):
        with opener.open(base + (form_page or path)) as page:
            token = CSRF_IN_PAGE.search(page.read().decode()).group(1)
        data = urllib.parse.urlencode({**fields, "csrf_token": token}).encode()
        with opener.open(urllib.request.Request(base + path, data=data)) as answer:
            return answer.geturl()

    if post("/connexion", {"email": email, "password": DEMO_PASSWORD}).endswith("/connexion"):
        sys.exit(f"Could not sign in as {email}.")
    post("/langue", {"locale": locale}, form_page="/")  # a signed-in person's language is their account's
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


# --- the run -------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--locale", default="fr", help="language of the pages (default: fr)")
    args = parser.parse_args()
    chromium = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not os.access(chromium, os.X_OK):
        sys.exit(f"No Chromium at {chromium}: install the Debian package `chromium` (no browser is downloaded).")
    cli = lighthouse_cli()

    workdir = tempfile.mkdtemp(prefix="passerelle-lighthouse-")
    server = None
    try:
        app, pages = demo_portal(workdir)
        if args.locale not in app.config["PORTAL_LOCALES"]:
            sys.exit(f"{args.locale} is not one of the portal's languages: {', '.join(app.config['PORTAL_LOCALES'])}")
        server = Server(app)
        public = {"Accept-Language": args.locale}
        signed_in = {**public, "Cookie": signed_in_cookie(server.url, STAFF_EMAIL, args.locale)}
        scores, failures = {}, {}
        for name, path in pages.items():
            note(f"Lighthouse: {name} ({path}) …")
            report = run_lighthouse(cli, server.url + path, signed_in if name == "calendar" else public,
                                    chromium, workdir, name)
            if report.get("runtimeError"):
                raise RuntimeError(f"Lighthouse could not audit {path}: {report['runtimeError']}")
            final_url = report.get("finalDisplayedUrl") or report.get("finalUrl", "")
            if not final_url.startswith(server.url + path.split("?")[0]):
                raise RuntimeError(f"{path} led to {final_url}: not the page meant")
            for category, label in CATEGORIES.items():
                score = round(report["categories"][category]["score"] * 100)
                scores[name, label] = score
                emit(f"lighthouse_{label}_{name}", score, "score")
                if score < 100:
                    failures[name, label] = failing_audits(report, category)
        version = report["lighthouseVersion"]
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    note(f"\nLighthouse {version}, Chromium at {chromium}, pages in {args.locale}")
    note(f"{'page':<15}{'path':<32}{'accessibility':>14}{'best practices':>16}")
    for name, path in pages.items():
        shown = path if len(path) <= 30 else path[:29] + "…"
        note(f"{name:<15}{shown:<32}{scores[name, 'accessibility']:>14}{scores[name, 'best_practices']:>16}")
    for (name, label), audits in failures.items():
        note(f"\n{name}, {label.replace('_', ' ')}: failed audits")
        for title, where in audits:
            note(f"  - {title}")
            for place in where:
                note(f"      {place[:300]}")
    below = [key for key, score in scores.items() if score < 100]
    note("\nTarget met: 100 everywhere." if not below else f"\nTarget not met on {len(below)} figure(s).")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
