"""Issue 6's journey in Chromium: Zélie signs up alone; a volunteer signs Joaquim up, who confirms
through his link; the mediator finds him among Zélie's suggestions, with why, and proposes; each
answers through their own link and sees the other's first name only once both said yes; Zélie
ends the pair and leaves, and nothing of her is left in any table. axe finds nothing on these
pages, in French, easy-to-read French and English."""
import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from portal.security import token_digest
from portal.database import db
from tests.browser.support import Scanner, log_in, switch_language

pytestmark = pytest.mark.browser

# Rare moments and every activity: the two of them fit each other better than anyone in the demo queue.
SLOTS = ("Samedi soir", "Dimanche matin", "Dimanche après-midi", "Dimanche soir")
ACTIVITIES = ("Marcher", "Prendre un café", "Aller à la médiathèque", "Autre chose")
NEIGHBOURHOOD = "Tisserands"


def fill_in_who(page, first_name, contact):
    page.get_by_label("Prénom ou pseudonyme").fill(first_name)
    page.get_by_label("Téléphone ou adresse e-mail").fill(contact)
    page.get_by_label("Quartier").select_option(label=NEIGHBOURHOOD)
    for activity in ACTIVITIES:
        page.get_by_label(activity, exact=True).check()
    for slot in SLOTS:
        page.get_by_label(slot.lower(), exact=True).check()
    for language in ("français", "portugais"):
        page.get_by_label(language, exact=True).check()


def new_person(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(10_000)
    return context, context.new_page()


def zelie_signs_up_alone(page, scanner):
    page.goto("/binomes")
    scanner.scan("/binomes [fr]")
    page.get_by_role("link", name="Je m'inscris").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("S'inscrire aux binômes")
    scanner.scan("/binomes/inscription [fr]")
    fill_in_who(page, "Zélie", "zelie@exemple.fr")
    page.get_by_role("button", name="M'inscrire").click()
    # Nobody is matched without saying yes to it: the box was left unticked.
    expect(page.get_by_role("alert")).to_be_visible()
    page.get_by_label("Être mis en binôme avec une autre personne").check()
    page.get_by_role("button", name="M'inscrire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Merci, vous êtes inscrit·e")
    scanner.scan("thanks page")
    return page.locator(".personal-link a").inner_text().strip()


def a_volunteer_signs_joaquim_up(browser, live_server, scanner):
    context, volunteer = new_person(browser, live_server)
    log_in(volunteer, "benevole@passerelle.example")
    volunteer.goto("/binomes/inscrire-quelqu-un")
    scanner.scan("/binomes/inscrire-quelqu-un")
    fill_in_who(volunteer, "Joaquim", "joaquim@exemple.fr")
    volunteer.get_by_label(re.compile("La personne m'a demandé de l'inscrire")).check()
    volunteer.get_by_role("button", name="Inscrire la personne").click()
    expect(volunteer.get_by_role("heading", level=1)).to_have_text("Inscription à faire confirmer")
    scanner.scan("signed up for someone")
    link = volunteer.locator(".personal-link").inner_text().strip()
    context.close()
    return link


def confirm_through_the_link(page, link, scanner):
    page.goto(link)
    expect(page.locator("main")).to_contain_text("À confirmer par la personne")
    scanner.scan("personal page, to confirm")
    page.get_by_label("Être mis en binôme avec une autre personne").check()
    page.get_by_role("button", name="Je confirme mon inscription").click()
    expect(page.locator("main")).to_contain_text("En attente d'un binôme")


def the_mediator_proposes(browser, live_server, scanner):
    context, mediator = new_person(browser, live_server)
    log_in(mediator, "mediation@passerelle.example")
    mediator.goto("/mediation")
    scanner.scan("/mediation")
    mediator.get_by_role("link", name="Zélie", exact=True).click()
    suggestion = mediator.locator("li, article, section").filter(
        has=mediator.get_by_role("heading", name="Joaquim")).last
    expect(suggestion).to_contain_text("4 créneaux communs")
    expect(suggestion).to_contain_text("portugais")
    scanner.scan("a record with its suggestions")
    suggestion.get_by_role("button", name=re.compile("Proposer ce binôme")).click()
    expect(mediator.locator("main")).to_contain_text("Proposé, en attente des réponses")
    scanner.scan("the pair, proposed")
    context.close()


def answer_yes(page, link, other_name):
    page.goto(link)
    proposal = page.get_by_role("region", name="Une proposition de binôme")
    expect(proposal).to_be_visible()
    expect(page.locator("main")).not_to_contain_text(other_name)  # not before both said yes
    page.get_by_role("button", name="Oui, j'accepte").click()


def test_two_people_are_paired_only_once_both_said_yes_and_one_leaves_without_a_trace(
        page, browser, live_server):
    scanner = Scanner(page)
    zelie_link = zelie_signs_up_alone(page, scanner)
    joaquim_link = a_volunteer_signs_joaquim_up(browser, live_server, scanner)
    joaquim_context, joaquim = new_person(browser, live_server)
    confirm_through_the_link(joaquim, joaquim_link, scanner)

    the_mediator_proposes(browser, live_server, scanner)

    answer_yes(page, zelie_link, "Joaquim")
    expect(page.locator("main")).to_contain_text("Nous attendons la réponse de l'autre personne")
    expect(page.locator("main")).not_to_contain_text("Joaquim")
    scanner.scan("personal page, proposal answered")
    answer_yes(joaquim, joaquim_link, "Zélie")
    expect(joaquim.locator("main")).to_contain_text("Votre binôme s'appelle Zélie.")
    page.reload()
    expect(page.locator("main")).to_contain_text("Votre binôme s'appelle Joaquim.")
    expect(page.get_by_role("region", name="Votre binôme")).to_contain_text("Première rencontre proposée")
    scanner.scan("personal page, active pair [fr]")

    page.get_by_role("button", name=re.compile("Facile à lire")).click()
    scanner.scan("personal page, active pair [FALC]")
    page.goto("/binomes/inscription")
    scanner.scan("/binomes/inscription [FALC]")
    page.goto(zelie_link)
    page.get_by_role("button", name=re.compile("Facile à lire")).click()
    switch_language(page, "English", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("My buddy page")
    scanner.scan("personal page, active pair [en]")
    page.goto("/binomes")
    scanner.scan("/binomes [en]")
    page.goto("/binomes/inscription")
    scanner.scan("/binomes/inscription [en]")
    switch_language(page, "Français", "fr")

    page.goto(zelie_link)
    page.get_by_role("button", name="Arrêter le binôme").click()
    expect(page.locator("main")).to_contain_text("Revenir dans la file d'attente")
    page.get_by_role("link", name="Partir et effacer mes données").click()
    scanner.scan("leave page")
    page.get_by_role("button", name="Oui, tout effacer").click()
    expect(page.locator("main")).to_contain_text("effacé")
    scanner.scan("after leaving")
    assert page.goto(zelie_link).status == 404

    joaquim.goto(joaquim_link)
    expect(joaquim.locator("main")).not_to_contain_text("Zélie")
    joaquim_context.close()

    traces = ("Zélie", "zelie@exemple.fr", token_digest(zelie_link.rsplit("/", 1)[1]))
    with live_server.app.app_context():
        left_behind = []
        for table in db.metadata.sorted_tables:
            for row in db.session.execute(sa.select(table)).all():
                if any(isinstance(v, str) and any(trace in v for trace in traces) for v in row):
                    left_behind.append(table.name)
        db.session.remove()
    assert left_behind == []
    scanner.assert_clean()
