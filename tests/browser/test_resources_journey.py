"""As the public, in Chromium: filter the local resources (the results swap in place, the
address follows, the count is announced), open one, print the emergency poster link; axe finds
nothing. As staff: the entries to review come first, and "mark as reviewed" clears the label."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import Scanner, log_in

pytestmark = pytest.mark.browser


def cards(page):
    return page.locator("#resource-results .resource")


def test_the_public_filters_the_directory_and_opens_an_entry(page):
    scanner = Scanner(page)
    page.goto("/")
    page.locator("nav.main-nav").get_by_role("link", name="Ressources locales").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ressources locales")
    expect(cards(page)).to_have_count(20)
    scanner.scan("/ressources")

    page.get_by_label("Domaine").select_option("soins")
    expect(cards(page)).to_have_count(6)
    expect(page.locator("#announcer")).to_have_text("6 ressources trouvées")
    expect(page).to_have_url(re.compile(r"/ressources\?categorie=soins"))
    page.get_by_label("Langue parlée").select_option("ar")
    expect(cards(page)).to_have_count(2)
    page.get_by_label("Accès de plain-pied seulement").check()
    expect(cards(page)).to_have_count(2)
    expect(page).to_have_url(re.compile(r"categorie=soins.*langue=ar.*plain_pied=oui"))
    scanner.scan("/ressources, filtered")

    cards(page).first.get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Maison de santé des Tisserands")
    expect(page.get_by_role("link", name="02 00 10 30 10")).to_have_attribute("href", "tel:0200103010")
    scanner.scan("/ressources/<id>")

    page.goto("/urgence")
    expect(page.get_by_role("heading", name="Numéros de la ville")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Affiche à imprimer"))).to_have_attribute(
        "href", "/urgence/affiche.pdf")
    scanner.scan("/urgence")
    scanner.assert_clean()


def test_staff_review_the_oldest_entries_first(page):
    scanner = Scanner(page)
    log_in(page, "vie-associative@passerelle.example")
    expect(page.locator("main")).to_contain_text("n'ont pas été vérifiées depuis plus d'un an")
    page.goto("/gestion/ressources")
    first = page.locator("tbody tr").first
    expect(first).to_contain_text("France services itinérant")
    expect(first).to_contain_text("À revoir")
    scanner.scan("/gestion/ressources")
    first.get_by_role("button", name=re.compile("Marquer comme vérifiée aujourd'hui")).click()
    expect(page.locator(".flashes")).to_contain_text("marquée comme vérifiée")
    expect(page.locator("tbody tr").first).not_to_contain_text("France services itinérant")

    page.goto("/gestion/ressources/nouvelle")
    page.get_by_role("button", name="Enregistrer la ressource").click()
    expect(page.get_by_role("alert")).to_be_visible()
    scanner.scan("/gestion/ressources/nouvelle, sent empty")
    scanner.assert_clean()
