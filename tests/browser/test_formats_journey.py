"""As the public, in Chromium: browse the formats, search as one types, read a format in
easy-to-read French and in English; axe finds nothing on the list and on a format's page.
As staff: reach the management pages from the list, archive a format and see it leave the list."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import Scanner, log_in, switch_language

pytestmark = pytest.mark.browser


def cards(page):
    return page.locator("#formats-results .card")


def test_the_public_browses_searches_and_reads_a_format(page):
    scanner = Scanner(page)
    page.goto("/")
    page.locator("nav.main-nav").get_by_role("link", name="Formats de rencontre").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Formats de rencontre")
    expect(cards(page)).to_have_count(8)
    expect(page.get_by_role("link", name="Gérer les formats")).to_have_count(0)
    scanner.scan("/formats")

    # The list narrows as one types, without a page load; the count is announced.
    page.get_by_label("Chercher un format").press_sequentially("bouture", delay=30)
    expect(cards(page)).to_have_count(1)
    expect(cards(page)).to_contain_text("Micro-ateliers « faire ensemble »")
    expect(page.locator("#announcer")).to_have_text("1 format")
    expect(page).to_have_url(re.compile(r"/formats\?q=bouture"))
    page.get_by_label("Chercher un format").fill("")
    page.get_by_label("Type").select_option("do")
    expect(cards(page)).to_have_count(4)
    page.get_by_label("Pour combien de personnes ?").fill("2")
    page.get_by_label("Pour combien de personnes ?").press("Enter")
    expect(cards(page)).to_have_count(1)
    expect(cards(page)).to_contain_text("Binômes de convivialité")
    scanner.scan("/formats, filtered")

    page.get_by_role("link", name="Binômes de convivialité").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Binômes de convivialité")
    expect(page.get_by_role("heading", name="Règles")).to_be_visible()
    expect(page.get_by_role("heading", name="À préparer")).to_be_visible()
    scanner.scan("/formats/binomes-convivialite")

    page.get_by_role("button", name=re.compile("Facile à lire")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rencontres à deux")
    expect(page.locator("main")).to_contain_text("Vous pouvez arrêter quand vous voulez.")
    scanner.scan("/formats/binomes-convivialite, easy to read")

    switch_language(page, "English", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meeting in twos")
    page.get_by_role("button", name=re.compile("Facile à lire|Easy to read")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Friendship pairs")
    scanner.scan("/formats/binomes-convivialite, English")

    page.goto("/formats")
    expect(cards(page)).to_have_count(8)
    expect(cards(page).first).to_contain_text(re.compile("Calm digital|Conversation café"))
    scanner.scan("/formats, English")
    scanner.assert_clean()


def test_staff_manage_formats_from_the_list(page):
    scanner = Scanner(page)
    log_in(page, "vie-associative@passerelle.example")
    page.goto("/formats")
    page.get_by_role("link", name="Gérer les formats").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gérer les formats")
    scanner.scan("/gestion/formats")
    page.get_by_role("link", name="Modifier Marche douce").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Modifier le format « Marche douce »")
    scanner.scan("/gestion/formats/…/modifier")
    page.get_by_role("button", name="Archiver ce format").click()
    expect(page.locator(".flashes")).to_contain_text("Le format est archivé")
    page.goto("/formats")
    expect(cards(page)).to_have_count(7)
    page.goto("/formats/marche-douce")
    expect(page.locator("main")).to_contain_text("Ce format est archivé")
    scanner.assert_clean()
