"""axe-core finds nothing on pages that show form errors or an error, and would find a fault.

Every page each person reaches by following links is scanned in ``test_journeys.py``."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import Scanner, axe_violations, log_in, switch_language

pytestmark = pytest.mark.browser


def test_forms_showing_errors_have_no_axe_violation(page):
    scanner = Scanner(page)
    page.goto("/connexion")
    page.get_by_role("button", name="Se connecter").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Le formulaire n'a pas été enregistré.")
    expect(summary).to_be_focused()  # heard first, and Tab goes on to the fields
    email = page.get_by_label("Adresse e-mail")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description("Erreur : Ce champ est obligatoire.")
    scanner.scan("/connexion, sent empty")

    page.get_by_label("Adresse e-mail").fill("personne@passerelle.example")
    page.get_by_label("Mot de passe", exact=True).fill("pas le bon")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("alert")).to_contain_text("Adresse e-mail ou mot de passe incorrect.")
    scanner.scan("/connexion, wrong password")

    page.goto("/mot-de-passe-oublie")
    page.get_by_label("Adresse e-mail").fill("pas une adresse")
    page.get_by_role("button", name="Recevoir le lien").click()
    expect(page.locator(".field--error")).to_have_count(1)
    scanner.scan("/mot-de-passe-oublie, invalid address")

    log_in(page, "vie-associative@passerelle.example")
    page.goto("/personnes/inviter")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_role("group", name="Associations")).to_have_accessible_description(
        re.compile("Obligatoire pour un membre d'association"))
    scanner.scan("/personnes/inviter, sent empty")

    page.goto("/associations/nouvelle")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("alert")).to_be_visible()
    scanner.scan("/associations/nouvelle, sent empty")

    page.goto("/compte")
    password_form = page.locator("form[action$='/compte/mot-de-passe']")
    password_form.get_by_role("button").click()
    expect(page.get_by_role("alert")).to_be_visible()
    scanner.scan("/compte, password form sent empty")

    # Switching language here comes back to the account page, not to the address the form
    # was sent to (which takes forms only).
    switch_language(page, "English", "en")
    expect(page).to_have_url(re.compile(r"/compte$"))
    password_form.get_by_role("button").click()
    expect(page.get_by_role("alert")).to_be_visible()
    scanner.scan("/compte, password form sent empty [en]")
    scanner.assert_clean()


def test_error_pages_have_no_axe_violation(page):
    scanner = Scanner(page)
    response = page.goto("/cette-page-n-existe-pas")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page introuvable")
    expect(page.get_by_role("link", name="Aller à l'accueil")).to_be_visible()
    scanner.scan("404")

    switch_language(page, "English", "en")
    scanner.scan("404 [en]")

    page.context.clear_cookies()  # back to a French visitor
    log_in(page, "benevole@passerelle.example")
    response = page.goto("/personnes")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Accès réservé")
    scanner.scan("403")
    scanner.assert_clean()


def test_the_scan_reports_a_fault_added_to_a_page(page):
    """Proof that a clean report means something: an image without a text alternative and a field
    without a label, added to a clean page, are both reported."""
    page.goto("/lieux")
    page.evaluate("""() => {
        const main = document.querySelector("main");
        const image = document.createElement("img");
        image.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
        const field = document.createElement("input");
        main.append(image, field);
    }""")
    found = {violation["id"] for violation in axe_violations(page)}
    assert {"image-alt", "label"} <= found, found
