"""What the browser tests share: logging in like a person does and switching language; the axe-core
scan and the crawler are the accessibility audit's own (portal/accessibility/audit.py)."""
from playwright.sync_api import expect

from portal.accessibility import audit
from portal.accessibility.audit import (DEMO_PASSWORD, Scanner, axe_violations, page_kind,  # noqa: F401 (shared)
                                        switch_language)


def main_nav(page):
    return page.locator("nav.main-nav")


def log_in(page, email, password=DEMO_PASSWORD, via_menu=False):
    audit.log_in(page, email, password, via_menu)
    expect(page.locator(".flashes")).to_contain_text("vous êtes connecté")
