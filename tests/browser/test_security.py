"""The Content-Security-Policy is sent, and the pages work under it: nothing is refused."""
import pytest
from playwright.sync_api import expect

from tests.browser.support import log_in

pytestmark = pytest.mark.browser


def test_pages_carry_a_strict_content_security_policy(page):
    response = page.goto("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_a_refused_inline_script_would_be_caught(page, browser_problems):
    """Proof that the console watch every browser test relies on does see CSP refusals."""
    page.goto("/")
    with page.expect_console_message(lambda m: m.type == "error"):
        page.evaluate("""() => {
            const script = document.createElement("script");
            script.textContent = "document.body.dataset.inlineRan = 'yes'";
            document.body.append(script);
        }""")
    expect(page.locator("body")).not_to_have_attribute("data-inline-ran", "yes")
    assert any("Content Security Policy" in problem for problem in browser_problems), browser_problems
    browser_problems.clear()  # caused on purpose


def test_htmx_and_the_portal_script_run_under_the_policy(page):
    log_in(page, "admin@passerelle.example")
    page.goto("/personnes")
    assert page.evaluate("typeof htmx") == "object", "htmx did not load (run `make vendor`?)"
    assert page.evaluate("htmx.config.allowEval") is False
