"""Pages everyone shares: home, emergency numbers, health check, language and FALC, places."""
import re
from html import unescape

import pytest

from portal import create_app
from portal.auth.models import User
from portal.database import db, utcnow


def test_home_page_offers_emergency_link_and_login(client):
    page = client.get("/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'href="/urgence"' in html
    assert "Se connecter" in html


def test_healthz_reports_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def text(response):
    return unescape(response.get_data(as_text=True))


# --- emergency numbers ----------------------------------------------------------------------

@pytest.mark.parametrize("number", ["15", "17", "18", "112", "114", "3114", "119", "115", "3919",
                                    "0972394050", "0800474788"])
def test_the_emergency_page_lists_every_number_as_a_phone_link(client, number):
    page = text(client.get("/urgence"))
    assert f'href="tel:{number}"' in page


def test_the_emergency_page_names_each_line_and_what_it_is_for(client):
    response = client.get("/urgence")
    assert response.status_code == 200
    page = text(response)
    for words in ("SAMU", "Pompiers", "Numéro d'urgence européen", "Prévention du suicide",
                  "Enfance en danger", "SAMU social", "Violences femmes info", "SOS Amitié",
                  "Solitud'écoute", "09 72 39 40 50", "0 800 47 47 88", "plus de 50 ans",
                  "Mieux vaut appeler pour rien que trop tard."):
        assert words in page, words


def test_114_can_be_reached_by_sms(client):
    page = text(client.get("/urgence"))
    assert 'href="sms:114"' in page
    assert len(re.findall(r'href="sms:', page)) == 1


def test_the_emergency_page_needs_no_account_and_is_linked_from_every_page(client, make_user):
    assert client.get("/urgence").status_code == 200
    for url in ("/", "/lieux", "/connexion", "/nexiste-pas"):
        assert 'href="/urgence"' in client.get(url).get_data(as_text=True), url


def test_solitudecoute_hours_come_from_the_configuration(app, client):
    assert "horaires à vérifier" in text(client.get("/urgence"))
    app.config["SOLITUDECOUTE_HOURS"] = "Tous les jours de 15 h à 20 h"
    page = text(client.get("/urgence"))
    assert "Tous les jours de 15 h à 20 h" in page
    assert "horaires à vérifier" not in page


# --- health check ---------------------------------------------------------------------------

@pytest.mark.parametrize("unreachable", [
    "sqlite:////nonexistent-folder/for/passerelle.sqlite3",
    "postgresql://postgres@127.0.0.1:1/passerelle?connect_timeout=3",
])
def test_healthz_says_when_the_database_is_unreachable(tmp_path, unreachable):
    broken = create_app({"TESTING": True, "SECRET_KEY": "tests", "SQLALCHEMY_DATABASE_URI": unreachable,
                         "RATELIMIT_ENABLED": False}, instance_path=tmp_path / "broken")
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "error", "database": "error"}


def test_healthz_is_json_and_public(client, make_user):
    response = client.get("/healthz")
    assert response.mimetype == "application/json"
    client.login(make_user())
    assert client.get("/healthz").json == {"status": "ok", "database": "ok"}


# --- language -------------------------------------------------------------------------------

def lang_of(response):
    return re.search(r'<html lang="([^"]+)" dir="([^"]+)"', response.get_data(as_text=True)).groups()


def test_french_is_the_default(client):
    assert lang_of(client.get("/")) == ("fr", "ltr")


def test_the_browser_language_is_used_when_nothing_was_chosen(client):
    assert lang_of(client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"})) == ("en", "ltr")
    assert lang_of(client.get("/", headers={"Accept-Language": "de, en;q=0.5"})) == ("en", "ltr")
    assert lang_of(client.get("/", headers={"Accept-Language": "de"})) == ("fr", "ltr")


def test_the_language_switcher_remembers_the_choice(client):
    response = client.post("/langue", {"locale": "en", "next": "/lieux"})
    assert response.status_code == 302
    assert response.location == "/lieux"
    with client.raw.session_transaction() as session:
        assert session["locale"] == "en"
    # The choice beats the browser's language.
    assert lang_of(client.get("/", headers={"Accept-Language": "fr"})) == ("en", "ltr")
    client.post("/langue", {"locale": "fr"})
    assert lang_of(client.get("/", headers={"Accept-Language": "en"})) == ("fr", "ltr")


def test_the_switcher_offers_each_language_in_its_own_name(client):
    page = client.get("/").get_data(as_text=True)
    for code, name in (("en", "English"), ("fr", "Français")):
        button = re.search(rf'<button(?=[^>]*name="locale")(?=[^>]*value="{code}")[^>]*>\s*([^<]*)<', page)
        assert button, code
        assert f'lang="{code}"' in button.group(0) and button.group(1).strip() == name


def test_the_switcher_never_sends_to_another_site(client):
    response = client.post("/langue", {"locale": "en", "next": "https://evil.example/"})
    assert response.location == "/"


def test_an_unknown_language_is_refused(client):
    response = client.post("/langue", {"locale": "xx"})
    assert response.status_code == 400
    page = text(response)
    assert '<html lang="fr"' in page
    assert "La demande n'a pas pu être comprise" in page
    with client.raw.session_transaction() as session:
        assert "locale" not in session


def test_a_signed_in_persons_choice_is_kept_in_their_account(client, make_user):
    user = make_user(locale=None)
    client.login(user)
    client.post("/langue", {"locale": "en"})
    assert user.locale == "en"
    # Another browser, another day: the account's language wins over the browser's.
    elsewhere = type(client)(client.raw.application.test_client())
    elsewhere.login(user)
    assert lang_of(elsewhere.get("/", headers={"Accept-Language": "fr"})) == ("en", "ltr")


def test_the_account_language_beats_the_session_and_the_browser(client, make_user):
    client.post("/langue", {"locale": "fr"})
    client.login(make_user(locale="en"))
    assert lang_of(client.get("/", headers={"Accept-Language": "fr"})) == ("en", "ltr")


def test_an_account_without_language_follows_the_session_then_the_browser(client, make_user):
    client.login(make_user(locale=None))
    assert lang_of(client.get("/", headers={"Accept-Language": "en"})) == ("en", "ltr")


def test_right_to_left_languages_turn_the_page(app, client):
    # No right-to-left catalogue yet: the layout must still announce the direction.
    app.config["PORTAL_LOCALES"] = ("fr", "en", "ar")
    client.post("/langue", {"locale": "ar"})
    assert lang_of(client.get("/")) == ("ar", "rtl")


# --- easy to read (FALC) --------------------------------------------------------------------

def falc_state(response):
    page = response.get_data(as_text=True)
    pressed = re.search(r'class="falc-switch".*?aria-pressed="(true|false)"', page, re.S).group(1)
    return pressed == "true"


def test_the_easy_to_read_switch_is_remembered(client):
    assert not falc_state(client.get("/"))
    response = client.post("/facile-a-lire", {"falc": "on", "next": "/urgence"})
    assert response.status_code == 302
    assert response.location == "/urgence"
    assert client.raw.get_cookie("falc", domain="passerelle.test").value == "1"  # a cookie of its own
    assert falc_state(client.get("/lieux"))
    client.post("/facile-a-lire", {"falc": "off"})
    assert not falc_state(client.get("/lieux"))


def test_the_easy_to_read_switch_survives_signing_in(client, make_user):
    client.post("/facile-a-lire", {"falc": "on"})
    client.login(make_user())
    assert falc_state(client.get("/"))


# --- places ---------------------------------------------------------------------------------

def test_the_places_page_lists_the_places(client, make_place):
    make_place(name="Médiathèque Louise-Michel", kind="mediatheque", address="4 allée des Lilas",
               neighbourhood="Les Prés", directions="Tram A, arrêt Les Prés.")
    make_place(name="CCAS – Espace solidarités", kind="ccas")
    make_place(name="Ancienne salle", archived_at=utcnow())
    response = client.get("/lieux")
    assert response.status_code == 200
    page = text(response)
    assert "Médiathèque Louise-Michel" in page
    assert "4 allée des Lilas" in page and "Quartier : Les Prés" in page
    assert "Tram A, arrêt Les Prés." in page
    assert "Centre communal d'action sociale (CCAS)" in page
    assert "Ancienne salle" not in page


def test_the_places_page_without_places(client):
    assert "Aucun lieu n'est encore publié." in text(client.get("/lieux"))


def test_the_home_page_greets_a_signed_in_person_with_their_roles(client, make_user):
    client.login(make_user(roles=("volunteer", "mediator"), name="Inès Moreau"))
    page = text(client.get("/"))
    assert "Bonjour Inès Moreau" in page
    assert "Bénévole" in page and "Médiation des binômes" in page
    assert "Se déconnecter" in page
    assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 1
