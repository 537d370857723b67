"""Issue 5's journey in Chromium: an association member plans a weekly café-échanges through the
guide's six steps (each step swapped in place, focus on its heading) and is told what is missing
to publish; staff approve the series; a volunteer finds it in "Mon planning", accepts the
referent role and ticks the checklist; once published, the public page and its poster say it in
French, easy-to-read French and English; ``tick`` sends the 48-hour reminder once though run
twice. axe finds nothing on any page on the way."""
import io
import re
from datetime import time, timedelta
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from portal import clock
from tests.browser.support import Scanner, log_in, switch_language

pytestmark = pytest.mark.browser


def next_step(page, number, scanner):
    page.get_by_role("button", name="Enregistrer et continuer").click()
    heading = page.locator("#step-heading")
    expect(heading).to_contain_text(f"Étape {number} sur 6")
    expect(heading).to_be_focused()
    scanner.scan(page.url)


def test_a_weekly_cafe_goes_from_the_planner_to_its_public_page_and_reminders(page, browser, live_server,
                                                                               monkeypatch):
    with live_server.app.app_context():
        today = clock.today()
    next_monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
    scanner = Scanner(page)

    log_in(page, "association@passerelle.example")
    page.goto("/seances/nouvelle")
    scanner.scan("/seances/nouvelle")
    page.get_by_label("Café-échanges", exact=True).check()
    page.get_by_role("button", name="Créer le brouillon").click()
    expect(page.locator("#step-heading")).to_contain_text("Étape 1 sur 6")
    scanner.scan(page.url)

    page.get_by_label("Maison de quartier des Tisserands – Grande salle").check()
    next_step(page, 2, scanner)
    expect(page.locator("#planner")).to_contain_text("salle calme")  # the format asks for calm: a warning

    page.get_by_label("Titre de la rencontre").fill("Café du lundi")
    page.get_by_label("Objectif concret").fill("10 nouvelles rencontres en 2 mois")
    page.get_by_label("Nombre maximum de participants").fill("20")
    page.get_by_label("Date (ou première date d'une série)").fill(next_monday.isoformat())
    page.get_by_label("Heure de début").fill("18:00")
    page.get_by_label("Répétition").select_option("weekly")
    page.get_by_label("Ou nombre de dates").fill("3")
    page.get_by_label("Participation libre").check()
    page.get_by_role("button", name="Enregistrer et continuer").click()
    expect(page.locator("#max_participants-error")).to_contain_text("12 personnes au plus")
    expect(page.get_by_role("alert")).to_be_focused()
    scanner.scan("step 2 with an error")
    page.get_by_label("Nombre maximum de participants").fill("10")
    page.get_by_role("button", name="Voir les dates et les conflits").click()
    expect(page.locator(".preview")).to_contain_text("3 dates demandées")
    expect(page.locator(".preview")).to_be_focused()
    next_step(page, 3, scanner)

    page.get_by_label("Charte acceptée", exact=False).check()
    next_step(page, 4, scanner)
    expect(page.get_by_label("Texte d'ouverture (2 minutes)")).to_contain_text("Bonjour et bienvenue")
    page.get_by_label("Consignes de clôture").fill("Remercier, annoncer la date suivante.")
    next_step(page, 5, scanner)
    page.get_by_label("Nom de la personne référente").fill("Louis Martin")
    page.get_by_label("Son téléphone, joignable pendant la rencontre").fill("06 12 34 56 78")
    page.get_by_label("Les numéros d'aide seront affichés dans la salle").check()
    next_step(page, 6, scanner)

    # Back to step 3 through the steps list, then on to the end.
    page.get_by_role("navigation", name="Étapes de la préparation").get_by_role("link", name="3. La charte").click()
    expect(page.locator("#step-heading")).to_contain_text("Étape 3 sur 6")
    page.goto(page.url.replace("/charte", "/orienter"))
    page.get_by_role("button", name="Enregistrer et terminer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Café du lundi")
    scanner.scan(page.url)

    page.get_by_role("button", name="Publier la rencontre").click()
    expect(page.get_by_role("alert")).to_contain_text("date approuvée")
    scanner.scan("publication refused")
    page.goto("/mon-association/seances")
    expect(page.locator("main")).to_contain_text("Café du lundi")
    expect(page.locator("main")).to_contain_text("En attente")
    scanner.scan("/mon-association/seances")

    # The team: Inès is invited as referent on every date.
    page.get_by_role("link", name="Café du lundi", exact=True).click()
    page.get_by_role("link", name=re.compile("L'équipe")).click()
    page.get_by_label("Bénévole", exact=True).select_option(label="Inès Moreau")
    page.get_by_label("Rôle", exact=True).select_option(label="Personne référente")
    page.get_by_role("button", name="Inviter").click()
    expect(page.get_by_role("table")).to_contain_text("Inès Moreau")
    expect(page.locator("main")).to_contain_text("pas de référent")  # invited is not accepted
    scanner.scan("team page")
    session_page = page.url.removesuffix("/equipe")

    approve_the_series(browser, live_server, scanner)
    accept_the_referent_role_and_tick(browser, live_server, scanner, first_date=next_monday)

    page.goto(session_page)
    page.get_by_role("button", name="Publier la rencontre").click()
    expect(page.locator(".flashes")).to_contain_text("La rencontre est publiée")
    page.get_by_role("link", name=re.compile("La page publique")).click()
    read_the_public_page_and_posters(page, scanner)

    remind_once_though_tick_runs_twice(live_server, monkeypatch, next_monday)
    scanner.assert_clean()


def other_person(browser, live_server, email):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(10_000)
    person = context.new_page()
    log_in(person, email)
    return context, person


def approve_the_series(browser, live_server, scanner):
    context, staff = other_person(browser, live_server, "vie-associative@passerelle.example")
    item = staff.locator(".queue__item", has_text="Café du lundi")
    item.get_by_role("button", name="Approuver les 3 dates").click()
    expect(staff.locator(".flashes")).to_contain_text("La demande est approuvée")
    scanner.scan("staff queue after approval")
    context.close()


def accept_the_referent_role_and_tick(browser, live_server, scanner, first_date):
    context, volunteer = other_person(browser, live_server, "benevole@passerelle.example")
    volunteer.goto("/mon-planning")
    invitation = volunteer.locator(".memberships li", has_text="Café du lundi")
    invitation.get_by_role("button", name="Accepter : Personne référente").click()
    expect(volunteer.locator(".memberships li", has_text="Café du lundi")).to_contain_text("Accepté")
    expect(volunteer.locator(".memberships li", has_text="Café du lundi")).to_be_focused()
    scanner.scan("/mon-planning after accepting")

    volunteer.reload()  # the accepted role brings the approved dates into the schedule
    date = volunteer.locator(".planned-date", has_text="Café du lundi").first
    expect(date).to_contain_text("Personne référente")
    expect(date).to_contain_text(f"{first_date.day}")
    date.get_by_text("Liste à cocher de cette date").click()
    date.get_by_role("button", name="Cocher : Règles affichées").click()
    expect(date.locator(".checklist")).to_contain_text("fait par Inès")
    expect(date.get_by_role("button", name="Décocher : Règles affichées")).to_be_focused()
    scanner.scan("/mon-planning checklist ticked")
    context.close()


def pdf_text(page, href):
    response = page.request.get(href)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)


def read_the_public_page_and_posters(page, scanner):
    main = page.locator("main")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Café du lundi")
    expect(main).to_contain_text("Participation libre")
    expect(main).to_contain_text("Maison de quartier des Tisserands")
    scanner.scan("public page [fr]")
    posters = page.get_by_role("region", name="Affiche à imprimer")
    assert "Café du lundi" in pdf_text(page, posters.get_by_role("link", name="Français (PDF)").get_attribute("href"))

    page.get_by_role("button", name=re.compile("Facile à lire")).click()
    expect(main).to_contain_text("Vous donnez de l'argent si vous voulez.")
    scanner.scan("public page [fr, FALC]")
    falc_poster = pdf_text(page, page.get_by_role("region", name="Affiche à imprimer")
                           .get_by_role("link", name="Facile à lire (PDF)").get_attribute("href"))
    assert "Café du lundi" in falc_poster and "si vous voulez" in falc_poster
    page.get_by_role("button", name=re.compile("Facile à lire")).click()

    switch_language(page, "English", "en")
    expect(main).to_contain_text("Pay what you can")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Café du lundi")  # the name stays as written
    scanner.scan("public page [en]")
    english_poster = pdf_text(page, page.get_by_role("region", name="Poster to print")
                              .get_by_role("link", name="English (PDF)").get_attribute("href"))
    assert "Café du lundi" in english_poster and "Pay what you can" in english_poster


def remind_once_though_tick_runs_twice(live_server, monkeypatch, first_date):
    with live_server.app.app_context():
        first = clock.at(first_date, time(18, 0))
    outbox = Path(live_server.app.config["OUTBOX_PATH"])

    def reminders():
        mails = [message_from_bytes(f.read_bytes(), policy=policy.default) for f in outbox.glob("*.eml")]
        return [m for m in mails if m["To"] == "benevole@passerelle.example"
                and m["Subject"].startswith("Rappel") and "Café du lundi" in m["Subject"] + m.get_content()]

    monkeypatch.setattr(clock, "now", lambda: first - timedelta(hours=47))
    runner = live_server.app.test_cli_runner()
    for _run in range(2):
        result = runner.invoke(args=["tick"])
        assert result.exit_code == 0, result.output
    assert len(reminders()) == 1
