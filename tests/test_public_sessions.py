"""The public page of a session, its poster and the directory of upcoming sessions."""
import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from portal import clock
from portal.database import db
from tests import factories

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


@pytest.fixture
def cafe(app):
    fmt = factories.make_format(texts={
        "name": {("fr", "standard"): "Café-échanges", ("en", "standard"): "Conversation café",
                 ("fr", "falc"): "Café pour parler"},
        "purpose": {("fr", "standard"): "Se retrouver autour d'un café pour parler de la vie du quartier.",
                    ("en", "standard"): "Meet over a coffee and talk about the neighbourhood.",
                    ("fr", "falc"): "On boit un café.\nOn parle ensemble."}})
    place = factories.make_place(name="Médiathèque Louise-Michel", address="3 place de la Gare",
                                 directions="Bus 5, arrêt Gare. Entrée par la rue des Lilas.")
    room = factories.make_room(place=place, name="Salle du fond", hearing_loop=True, calm=True, step_free=True)
    return factories.make_public_session(room=room, fmt=fmt, frequency="weekly", count=4,
                                         title="Café-échanges du mardi", objective="10 nouvelles rencontres en 2 mois")


def page(client, session):
    response = client.get(f"/rencontres/{session.id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_page_says_what_when_where_and_how_to_come(client, cafe):
    html = page(client, cafe)
    # what
    for text in ("Café-échanges du mardi", "Café-échanges", "Se retrouver autour d&#39;un café",
                 "10 nouvelles rencontres en 2 mois", cafe.association.name):
        assert text in html
    # when: the series in one sentence, then the dates written in full in the town's time
    first = clock.today() + timedelta(days=7)
    assert f"Toutes les semaines le {WEEKDAYS[first.weekday()]} de 14:00 à 16:00" in html
    with client.raw.application.test_request_context():
        from portal.i18n import local_day
        assert f"{local_day(first)} à 14:00 – 16:00" in html
    # where, how to get there, accessibility in words
    for text in ("Médiathèque Louise-Michel", "3 place de la Gare", "Bus 5, arrêt Gare", "Accès de plain-pied",
                 "Boucle magnétique", "Salle calme", "Pas de toilettes accessibles"):
        assert text in html
    # cost, relative, sign-up, and help
    assert "Gratuit" in html
    assert "Vous pouvez venir avec un proche." in html
    assert "Venez sans inscription" in html
    assert 'name="name"' not in html  # walk-in: no form
    assert 'href="/urgence"' in html


@pytest.mark.parametrize("cost, fee, shown", [("pay_what_you_can", "", "Participation libre"),
                                              ("fee", "2 € le café", "Participation demandée : 2 € le café")])
def test_any_cost_is_stated(client, cost, fee, shown):
    session = factories.make_public_session(cost=cost, fee=fee, with_relative=False)
    html = page(client, session)
    assert shown in html and "Gratuit" not in html
    assert "sans accompagnant" in html


def test_a_session_needing_sign_up_says_so_and_offers_the_form(client):
    session = factories.make_public_session(admission="sign_up", max_participants=8)
    html = page(client, session)
    assert "Inscription nécessaire" in html
    assert "8 places libres" in html
    assert "Un prénom ou un pseudonyme suffit" in html and "Facultatif" in html


@pytest.mark.parametrize("status", ["draft", "ended"])
def test_a_session_not_published_does_not_exist_for_the_public(client, status):
    session = factories.make_public_session()
    session.status = status
    db.session.commit()
    assert client.get(f"/rencontres/{session.id}").status_code == 404
    assert client.get(f"/rencontres/{session.id}/affiche.pdf").status_code == 404
    assert client.get("/rencontres/999999").status_code == 404


def test_easy_to_read_version(client, cafe):
    client.post("/facile-a-lire", {"falc": "on"})
    html = page(client, cafe)
    assert "Café pour parler" in html
    assert "On boit un café." in html
    assert "C&#39;est gratuit." in html
    assert "Vous n&#39;avez pas besoin de vous inscrire." in html


def test_english_version(client, cafe):
    client.post("/langue", {"locale": "en"})
    html = page(client, cafe)
    assert '<html lang="en"' in html
    assert "Conversation café" in html and "Meet over a coffee" in html
    # The title, written by the association in French, is marked as French.
    assert '<h1 lang="fr">Café-échanges du mardi</h1>' in html


def pdf_text(response):
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    return reader, "\n".join(p.extract_text() for p in reader.pages)


def test_the_poster_is_one_a4_page_with_the_facts(app, client, cafe):
    reader, text = pdf_text(client.get(f"/rencontres/{cafe.id}/affiche.pdf"))
    assert len(reader.pages) == 1
    assert round(float(reader.pages[0].mediabox.width)) == 595
    assert "Café-échanges du mardi" in text
    assert app.config["PORTAL_TOWN_NAME"] in text
    assert "Médiathèque Louise-Michel" in text and "Gratuit" in text
    assert f"rencontres/{cafe.id}" in text.replace("\n", "")  # the address the QR code leads to


def test_the_poster_in_english_and_easy_to_read(client, cafe):
    _reader, text = pdf_text(client.get(f"/rencontres/{cafe.id}/affiche.pdf?lang=en&falc=0"))
    assert "Conversation café" in text
    reader, text = pdf_text(client.get(f"/rencontres/{cafe.id}/affiche.pdf?lang=fr&falc=1"))
    assert len(reader.pages) == 1
    assert "Café pour parler" in text and "On boit un café." in text
    assert client.get(f"/rencontres/{cafe.id}/affiche.pdf?lang=xx").status_code == 400


# --- the directory -------------------------------------------------------------------------

@pytest.fixture
def town(app):
    """Two published sessions in different places and days, a draft, and one already past."""
    talk, walk = factories.make_format(), factories.make_format()
    level = factories.make_room(place=factories.make_place(name="Maison de quartier des Tilleuls"), step_free=True)
    stairs = factories.make_room(place=factories.make_place(name="Salle des fêtes"), step_free=False)
    monday = clock.today() + timedelta(days=7 - clock.today().weekday())
    first = factories.make_public_session(room=level, fmt=talk, day=monday, title="Parler le lundi")
    second = factories.make_public_session(room=stairs, fmt=walk, day=monday + timedelta(days=3),
                                           title="Marcher le jeudi")
    draft = factories.make_session(room=level, fmt=talk, title="Brouillon caché")
    factories.make_booking(room=level, association=draft.association, status="approved", session_id=draft.id)
    factories.make_public_session(room=level, fmt=talk, day=clock.today() - timedelta(days=3), title="Déjà passée")
    return first, second, talk, walk, level, stairs


def titles(html):
    return {title for title in ("Parler le lundi", "Marcher le jeudi", "Brouillon caché", "Déjà passée")
            if title in html}


def test_the_directory_lists_upcoming_published_sessions(client, town):
    response = client.get("/rencontres")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert titles(html) == {"Parler le lundi", "Marcher le jeudi"}
    assert "2 rencontres à venir" in html


def test_the_directory_filters(client, town):
    _first, _second, talk, walk, level, stairs = town
    assert titles(client.get(f"/rencontres?format={walk.id}").get_data(as_text=True)) == {"Marcher le jeudi"}
    assert titles(client.get(f"/rencontres?place={level.place_id}").get_data(as_text=True)) == {"Parler le lundi"}
    assert titles(client.get("/rencontres?day=3").get_data(as_text=True)) == {"Marcher le jeudi"}
    assert titles(client.get("/rencontres?day=2").get_data(as_text=True)) == set()
    assert titles(client.get("/rencontres?step_free=y").get_data(as_text=True)) == {"Parler le lundi"}


def test_htmx_gets_only_the_results_announced(client, town):
    response = client.get("/rencontres?day=0", htmx=True)
    fragment = response.get_data(as_text=True)
    assert "<html" not in fragment and "<form" not in fragment
    assert "data-announce" in fragment and "1 rencontre à venir" in fragment
    assert "HX-Request" in response.headers["Vary"]


def test_a_bad_filter_is_explained(client, town):
    response = client.get("/rencontres?day=9")
    assert response.status_code == 422
    assert "Choisissez dans la liste." in response.get_data(as_text=True)


def test_the_poster_stays_on_one_page_with_long_texts(client):
    place = factories.make_place(directions="Depuis la gare, prenez le bus 5 direction Hôpital. " * 12)
    session = factories.make_public_session(room=factories.make_room(place=place), frequency="weekly", count=6,
                                            objective="Créer du lien entre voisins, " * 9)
    for falc in ("0", "1"):
        reader, text = pdf_text(client.get(f"/rencontres/{session.id}/affiche.pdf?falc={falc}"))
        assert len(reader.pages) == 1
        assert "En cas d'urgence" in text
