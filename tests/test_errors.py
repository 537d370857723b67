"""Error pages: in the layout, in the person's language, with a way back; fragments for htmx."""
import re
from html import unescape

import pytest
import sqlalchemy as sa
from flask import abort

from portal.associations.models import Association
from portal.database import db
from portal.web import public

TITLES = {
    400: "La demande n'a pas pu être comprise",
    403: "Accès réservé",
    404: "Page introuvable",
    405: "Action impossible ici",
    422: "Informations à corriger",
    429: "Trop d'essais",
    500: "Un problème est survenu de notre côté",
}


def text(response):
    return unescape(response.get_data(as_text=True))


def assert_error_page(response, code, lang="fr"):
    assert response.status_code == code
    page = text(response)
    assert f'<html lang="{lang}"' in page
    assert '<main id="main"' in page and "<nav" in page  # inside the layout
    assert re.search(r'<section class="error-page" role="alert"', page)
    assert page.count('href="/urgence"') >= 2  # the header link, and one in the error itself
    assert 'href="/"' in page  # a way back
    if lang == "fr":
        assert TITLES[code] in page
        assert f"Code de l'erreur : {code}" in page


@pytest.fixture
def error_routes(app):
    """Routes that fail on purpose; added before the application handles its first request."""
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer like production, not raise into the test

    @app.route("/essai/erreur/<int:code>")
    @public
    def fail_with(code):
        abort(code)

    @app.route("/essai/plantage")
    @public
    def crash():
        db.session.add(Association(name="Écrite à moitié", description=""))
        db.session.flush()
        raise RuntimeError("boom")

    return app


def test_404(client):
    assert_error_page(client.get("/nexiste-pas"), 404)


def test_404_for_a_record_that_does_not_exist(client, make_user):
    client.login(make_user(roles=("staff",)))
    assert_error_page(client.get("/associations/999999"), 404)


def test_405(client):
    response = client.get("/deconnexion")
    assert_error_page(response, 405)
    assert "POST" in response.headers["Allow"]


def test_400(client):
    assert_error_page(client.post("/langue", {"locale": "xx"}), 400)


def test_400_for_a_missing_form_token_explains_what_to_do(client):
    response = client.post("/langue", {"locale": "en"}, csrf=False)
    assert_error_page(response, 400)
    assert "Rechargez la page, puis réessayez." in text(response)


def test_403(client, make_user):
    client.login(make_user(roles=("volunteer",)))
    assert_error_page(client.get("/personnes"), 403)


@pytest.mark.parametrize("code", [400, 403, 404, 405, 422, 429, 500])
def test_each_error_page_in_french_and_english(client, error_routes, code):
    assert_error_page(client.get(f"/essai/erreur/{code}"), code)
    english = client.get(f"/essai/erreur/{code}", headers={"Accept-Language": "en"})
    assert_error_page(english, code, lang="en")


def test_the_error_page_follows_the_language_switcher(client):
    client.post("/langue", {"locale": "en"})
    assert_error_page(client.get("/nexiste-pas"), 404, lang="en")


def test_other_error_codes_keep_their_status(client, error_routes):
    gone = client.get("/essai/erreur/410")
    assert gone.status_code == 410
    assert "<html" in gone.get_data(as_text=True)
    unavailable = client.get("/essai/erreur/503")
    assert unavailable.status_code == 503
    assert TITLES[500] in text(unavailable)


def test_the_previous_page_is_offered_as_a_way_back(client):
    response = client.get("/nexiste-pas", headers={"Referer": "http://passerelle.test/lieux?x=1"})
    assert 'href="/lieux?x=1"' in response.get_data(as_text=True)
    assert "Revenir à la page précédente" in text(response)


def test_a_way_back_never_points_to_another_site(client):
    response = client.get("/nexiste-pas", headers={"Referer": "https://evil.example/piege"})
    assert "evil.example" not in response.get_data(as_text=True)


@pytest.mark.parametrize("url, code", [("/nexiste-pas", 404), ("/personnes", 403), ("/deconnexion", 405)])
def test_htmx_requests_get_a_fragment(client, make_user, url, code):
    client.login(make_user(roles=("volunteer",)))
    response = client.get(url, htmx=True)
    assert response.status_code == code
    fragment = text(response)
    assert "<html" not in fragment and "<nav" not in fragment
    assert TITLES[code] in fragment
    assert 'href="/urgence"' in fragment


def test_a_crash_rolls_back_and_shows_the_500_page(client, error_routes):
    response = client.get("/essai/plantage")
    assert_error_page(response, 500)
    assert "Rien n'a été enregistré." in text(response)
    assert "boom" not in text(response)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Association)) == 0


def test_a_crash_in_english(client, error_routes):
    response = client.get("/essai/plantage", headers={"Accept-Language": "en"})
    assert_error_page(response, 500, lang="en")


def test_a_crash_during_htmx_gets_a_fragment(client, error_routes):
    response = client.get("/essai/plantage", htmx=True)
    assert response.status_code == 500
    assert "<html" not in response.get_data(as_text=True)


def test_a_form_with_errors_is_422_inside_the_layout(client):
    response = client.post("/connexion", {"email": "", "password": ""})
    assert response.status_code == 422
    page = text(response)
    assert '<main id="main"' in page and 'href="/urgence"' in page
    assert "Le formulaire n'a pas été enregistré." in page
