"""``flask --app portal accessibility audit``: serves the demo town from a temporary database,
walks it in Chromium and saves the result the statement reads. The walk itself is the one
tests/browser/test_journeys.py runs in full; here it is cut short to the home page, to check
what the command adds around it."""
import threading
from datetime import datetime, timezone

import pytest

from portal.accessibility import audit, results

pytestmark = pytest.mark.browser


def short_walk(found_violations):
    def run(app, origin, browser, translations):
        context = browser.new_context(base_url=origin, locale="fr-FR")
        page = context.new_page()
        crawl = audit.Crawl(page, origin, "fr")
        facts = crawl.visit("/")
        assert facts is not None and "Passerelle" in facts["text"]  # the demo town answered
        axe = audit.axe_facts(page)
        context.close()
        found = [("/ [fr]", found_violations)]
        return audit.result(found, roles=["visitor"], languages=["fr"], pages=["/"], axe=axe,
                            browser_version=browser.version, finished_at=datetime.now(timezone.utc)), []
    return run


def invoke(runner, *args):
    """Run the command as from a shell. In its own thread: Playwright's synchronous API runs
    one event loop per thread, and the browser fixture of this test session may hold this one."""
    done = {}
    worker = threading.Thread(target=lambda: done.update(outcome=runner.invoke(args=list(args))))
    worker.start()
    worker.join()
    return done["outcome"]


def test_the_command_saves_a_clean_result_where_the_statement_reads_it(app, runner, monkeypatch, tmp_path,
                                                                       chromium_path):
    app.config["ACCESSIBILITY_AUDIT_PATH"] = str(tmp_path / "audit.json")
    monkeypatch.setattr(audit, "run", short_walk([]))

    outcome = invoke(runner, "accessibility", "audit", "--chromium", chromium_path)

    assert outcome.exit_code == 0, outcome.output
    assert "0 rule(s) violated" in outcome.output
    saved = results.latest()
    assert saved["pages"] == ["/"] and saved["violations"] == [] and saved["tool"].startswith("axe-core 4.")
    assert "3.2" in saved["criteria_checked"]  # contrast: an RGAA criterion axe checks


def test_the_command_fails_and_says_what_it_found(app, runner, monkeypatch, tmp_path, chromium_path):
    app.config["ACCESSIBILITY_AUDIT_PATH"] = str(tmp_path / "audit.json")
    violation = {"id": "color-contrast", "impact": "serious", "help": "Elements must meet contrast",
                 "tags": ["wcag2aa", "wcag143", "RGAA-3.2.1"], "nodes": [{"target": ["p"]}]}
    monkeypatch.setattr(audit, "run", short_walk([violation]))

    outcome = invoke(runner, "accessibility", "audit", "--chromium", chromium_path)

    assert outcome.exit_code == 1
    assert "color-contrast (serious): / [fr]" in outcome.output
    assert results.latest()["violations"][0]["criteria"] == ["3.2"]
