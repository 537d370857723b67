"""Staff write a room's easy-to-read rules in Chromium: the checker's hints appear as they type,
without taking the focus, and the page stays clean for axe; without JavaScript, a button shows
the same hints on a page; Enter in a field still saves the room. A person who turns « Facile à
lire » on finds it on again after closing the browser, on pages still clean for axe."""
import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from portal.database import db
from portal.rooms.models import Room
from tests.browser.support import axe_violations, log_in

pytestmark = pytest.mark.browser
STAFF = "vie-associative@passerelle.example"
LONG = ("Les personnes qui souhaitent venir peuvent se présenter à l'accueil de la maison de quartier "
        "le mardi matin avant dix heures")
FALC_LABEL = "Français, facile à lire et à comprendre (FALC)"


def edit_url(live_server, name="Grande salle"):
    with live_server.app.app_context():
        room_id = db.session.scalar(sa.select(Room.id).where(Room.name == name))
        db.session.remove()
    return f"/gestion/salles/{room_id}/modifier"


def test_hints_appear_as_staff_type_an_easy_read_text(page, live_server):
    log_in(page, STAFF)
    page.goto(edit_url(live_server))
    text_area = page.get_by_label(FALC_LABEL)
    panel = page.locator("#rules_fr_falc-easy-read")
    text_area.fill("")
    text_area.press_sequentially(LONG + ".")

    expect(panel).to_contain_text("Phrase longue")
    expect(panel.locator("mark").first).to_have_text(LONG + ".")
    expect(panel).to_contain_text("Score de lisibilité (Kandel et Moles)")
    expect(page.locator("#announcer")).to_contain_text("conseil")  # said politely
    expect(text_area).to_be_focused()  # typing goes on where it was

    # Cut in two, the hint goes.
    text_area.fill("Venez le mardi matin.\nL'accueil est à la maison de quartier.")
    text_area.press("End")
    text_area.press_sequentially(" ")
    expect(panel).to_contain_text("Aucun conseil")
    expect(panel.locator("mark")).to_have_count(0)

    violations = axe_violations(page)
    assert violations == [], violations

    # The button shows the same check on a page of its own.
    page.get_by_role("button", name="Vérifier la lisibilité").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lisibilité du texte")
    expect(page.get_by_label("Texte à vérifier")).to_have_value(re.compile("^Venez le mardi matin."))
    violations = axe_violations(page)
    assert violations == [], violations


def test_without_javascript_a_button_shows_the_hints_and_enter_still_saves(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, STAFF)
        page.goto(edit_url(live_server))
        page.get_by_label(FALC_LABEL).fill("Le CCAS vous aide.")
        page.locator("button[value='rules_fr_falc']").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Lisibilité du texte")
        expect(page.locator("mark")).to_have_text("CCAS")

        page.goto(edit_url(live_server))
        name = page.get_by_label("Nom de la salle")
        name.fill("Grande salle du centre")
        name.press("Enter")  # the form's first submit button: saving, not checking
        expect(page.locator(".flashes")).to_contain_text("est enregistrée")
        expect(page).to_have_url(re.compile(r"/salles/\d+$"))
    finally:
        context.close()


def test_the_easy_to_read_switch_outlives_the_browser_on_pages_clean_for_axe(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto("/lieux")
        page.get_by_role("button", name="Facile à lire").click()
        expect(page.get_by_role("button", name="Facile à lire")).to_have_attribute("aria-pressed", "true")
        expect(page.locator("[data-falc]")).to_contain_text("Voici les lieux où se passent les rencontres.")
        # Closing the browser keeps only the cookies that have a date: the switch's, not the session's.
        kept = [cookie for cookie in context.cookies() if cookie["expires"] != -1]
        assert [cookie["name"] for cookie in kept] == ["falc"]
    finally:
        context.close()

    reopened = browser.new_context(base_url=live_server.url, locale="fr-FR")
    try:
        reopened.add_cookies(kept)
        page = reopened.new_page()
        for url in ("/", "/urgence", "/rencontres", "/binomes", "/connexion"):
            page.goto(url)
            expect(page.locator("body")).to_have_class("falc")
            expect(page.locator("[data-falc]").first).to_be_visible()
            violations = axe_violations(page)
            assert violations == [], (url, violations)
    finally:
        reopened.close()
