"""``flask --app portal accessibility audit``: the audit the test suite runs, on demand.

It audits the software, not this database: the demo town is loaded into a temporary SQLite
database, served on a loopback port from a thread, and walked in the system Chromium by each
role in every language; the result replaces the one the accessibility statement shows."""
import shutil
import tempfile
import threading
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

accessibility = AppGroup("accessibility", help="The automated accessibility audit.")

ROOT = Path(__file__).resolve().parents[2]


@accessibility.command("audit")
@click.option("--chromium", default=lambda: shutil.which("chromium") or "/usr/bin/chromium", show_default="chromium",
              help="The browser to drive (never downloaded: Debian's `chromium` package).")
@with_appcontext
def audit_command(chromium):
    """Walk every page as every role in every language; save and print the result."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as missing:
        raise click.ClickException("Playwright is a test dependency: pip install -e '.[test]'") from missing
    from flask_migrate import upgrade
    from werkzeug.serving import make_server

    from portal import create_app, demo
    from portal.accessibility import audit, results

    with tempfile.TemporaryDirectory(prefix="passerelle-audit-") as folder:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/audit.sqlite3", "RATELIMIT_ENABLED": False,
                          "OUTBOX_PATH": f"{folder}/outbox", "SECRET_KEY": "accessibility-audit",
                          "ACCESSIBILITY_AUDIT_PATH": current_app.config["ACCESSIBILITY_AUDIT_PATH"]},
                         instance_path=folder)
        with app.app_context():
            upgrade()
            demo.load_demo()
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=audit.CHROMIUM_ARGS)
                result, problems = audit.run(app, f"http://127.0.0.1:{server.server_port}", browser,
                                             ROOT / "translations")
                browser.close()
        finally:
            server.shutdown()
    results.save(result)
    click.echo(f"{len(result['pages'])} page kinds, {len(result['roles'])} roles, "
               f"{len(result['languages'])} languages; {len(result['criteria_checked'])} RGAA criteria checked; "
               f"{len(result['violations'])} rule(s) violated. Saved to {results.path()}.")
    for violation in result["violations"]:
        click.echo(f"  {violation['rule']} ({violation['impact']}): {', '.join(violation['pages'][:5])}")
    for problem in problems:
        click.echo(f"  {problem}")
    if result["violations"] or problems:
        raise SystemExit(1)
