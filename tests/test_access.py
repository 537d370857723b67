"""Who may open which page: every view states it, and anything not stated is refused."""
import re
from urllib.parse import unquote

import pytest

from portal import create_app, web
from portal.database import db

ROLES = ("admin", "staff", "association", "volunteer", "mediator")
WHO = ("anonymous", *ROLES)

OK, LOGIN, FORBIDDEN, HOME = 200, "login", 403, "home"
EVERYONE_OK = dict.fromkeys(WHO, OK)
SIGNED_IN_OK = {"anonymous": LOGIN, **dict.fromkeys(ROLES, OK)}
MANAGERS_ONLY = {"anonymous": LOGIN, "admin": OK, "staff": OK,
                 "association": FORBIDDEN, "volunteer": FORBIDDEN, "mediator": FORBIDDEN}

# Every GET page without URL parameters, and what each kind of person gets.
EXPECTED = {
    "core.home": EVERYONE_OK,
    "core.emergency": EVERYONE_OK,
    "core.healthz": EVERYONE_OK,
    "core.emergency_poster": EVERYONE_OK,
    "resources.index": EVERYONE_OK,
    "resources.manage": MANAGERS_ONLY,
    "resources.new_resource": MANAGERS_ONLY,
    "resources.new_help_number": MANAGERS_ONLY,
    "formats.index": EVERYONE_OK,
    "formats.manage": MANAGERS_ONLY,
    "formats.new": MANAGERS_ONLY,
    "rooms.places": EVERYONE_OK,
    "auth.login": {"anonymous": OK, **dict.fromkeys(ROLES, HOME)},  # already signed in: go home
    "auth.forgotten_password": EVERYONE_OK,
    "auth.account": SIGNED_IN_OK,
    "auth.export_account": SIGNED_IN_OK,
    "associations.mine": SIGNED_IN_OK,
    "auth.people": MANAGERS_ONLY,
    "auth.invite_person": MANAGERS_ONLY,
    "associations.index": MANAGERS_ONLY,
    "associations.create": MANAGERS_ONLY,
    "rooms.calendar_view": SIGNED_IN_OK,
    "rooms.queue": MANAGERS_ONLY,
    "rooms.closures": MANAGERS_ONLY,
    "rooms.manage_places": MANAGERS_ONLY,
    "rooms.new_place": MANAGERS_ONLY,
    "rooms.my_bookings": {**MANAGERS_ONLY, "association": OK},
    "rooms.new_booking": {**MANAGERS_ONLY, "admin": FORBIDDEN, "staff": FORBIDDEN, "association": OK},
    "sessions.directory": EVERYONE_OK,
    "sessions.new": {**MANAGERS_ONLY, "admin": FORBIDDEN, "staff": FORBIDDEN, "association": OK},
    "sessions.mine": {**MANAGERS_ONLY, "association": OK},
    "volunteers.planning": {"anonymous": LOGIN, **dict.fromkeys(ROLES, FORBIDDEN), "volunteer": OK},
    "binomes.home": EVERYONE_OK,
    "binomes.sign_up": EVERYONE_OK,
    "binomes.left": EVERYONE_OK,
    "binomes.sign_up_for_someone": {"anonymous": LOGIN, **dict.fromkeys(ROLES, FORBIDDEN), "volunteer": OK,
                                    "mediator": OK},
    # Personal data of the queue: mediators only, not even staff.
    "binomes.queue": {"anonymous": LOGIN, **dict.fromkeys(ROLES, FORBIDDEN), "mediator": OK},
    "binomes.neighbourhoods": MANAGERS_ONLY,
    "binomes.charter": MANAGERS_ONLY,
    "indicators.privacy": EVERYONE_OK,
    "accessibility.statement": EVERYONE_OK,
    "indicators.answers": MANAGERS_ONLY,
    "indicators.dashboard": {**MANAGERS_ONLY, "association": OK},
    "indicators.export_csv": {**MANAGERS_ONLY, "association": OK},
}


def get_endpoints_without_parameters(app):
    return sorted(rule.endpoint for rule in app.url_map.iter_rules()
                  if "GET" in rule.methods and not rule.arguments)


def test_every_endpoint_declares_who_may_use_it(app):
    with app.test_request_context():
        undeclared = [rule.endpoint for rule in app.url_map.iter_rules()
                      if web.access_rule(rule.endpoint) is None]
    assert undeclared == []


def test_the_table_below_covers_every_page_without_parameters(app):
    # A new page must say here who may open it.
    assert get_endpoints_without_parameters(app) == sorted(EXPECTED)


@pytest.fixture
def person(make_user, make_association):
    """Sign the client in as someone holding ``role`` (nobody for "anonymous")."""

    def sign_in(client, who):
        if who == "anonymous":
            return None
        associations = [make_association()] if who == "association" else []
        user = make_user(roles=(who,), associations=associations)
        client.login(user)
        return user

    return sign_in


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("endpoint", sorted(EXPECTED))
def test_each_page_answers_each_person_as_expected(app, client, person, endpoint, who):
    person(client, who)
    url = app.url_for(endpoint, _external=False)
    response = client.get(url)
    expected = EXPECTED[endpoint][who]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.location.startswith("/connexion?next=")
        assert url in response.location.replace("%2F", "/")
    elif expected == HOME:
        assert response.status_code == 302
        assert response.location == "/"
    else:
        assert response.status_code == expected, response.get_data(as_text=True)[:500]
    if expected == FORBIDDEN:
        page = response.get_data(as_text=True)
        assert '<html lang="fr"' in page
        assert "Accès réservé" in page


def test_signing_in_after_a_refusal_leads_back_to_the_page(client, make_user):
    staff = make_user(roles=("staff",))
    response = client.get("/personnes")
    assert response.status_code == 302
    login_page = client.get(response.location)
    assert "Connectez-vous pour ouvrir cette page." in login_page.get_data(as_text=True)
    target = client.post(response.location, {"email": staff.email, "password": "un mot de passe de test"})
    assert target.status_code == 302
    assert target.location == "/personnes"


@pytest.mark.parametrize("who", ROLES)
def test_the_menu_offers_only_pages_the_person_may_open(client, person, who):
    person(client, who)
    page = client.get("/").get_data(as_text=True)
    nav = re.search(r'<nav class="main-nav".*?</nav>', page, re.S).group(0)
    links = set(re.findall(r'<a href="(/[^"]*)"', nav))
    assert links
    for link in links:
        assert client.get(link).status_code == 200, link
    managers_see = {"/personnes", "/associations"}
    if who in ("admin", "staff"):
        assert managers_see <= links
    else:
        assert not managers_see & links
    assert ("/mes-associations" in links) == (who == "association")


def test_the_403_page_is_in_the_persons_language(client, make_user):
    volunteer = make_user(roles=("volunteer",))
    client.login(volunteer)
    french = client.get("/personnes")
    assert french.status_code == 403
    assert '<html lang="fr"' in french.get_data(as_text=True)
    english = client.get("/personnes", headers={"Accept-Language": "en"})
    assert english.status_code == 403
    assert '<html lang="en"' in english.get_data(as_text=True)


def test_the_account_language_wins_on_the_403_page(client, make_user):
    volunteer = make_user(roles=("volunteer",), locale="en")
    client.login(volunteer)
    response = client.get("/personnes", headers={"Accept-Language": "fr"})
    assert response.status_code == 403
    assert '<html lang="en"' in response.get_data(as_text=True)


def test_a_view_that_states_no_rule_is_refused_to_everyone(database_url, tmp_path, make_user):
    app = create_app({"TESTING": True, "SECRET_KEY": "tests", "SQLALCHEMY_DATABASE_URI": database_url,
                      "RATELIMIT_ENABLED": False}, instance_path=tmp_path / "undeclared")

    @app.route("/oubliee")
    def forgotten_rule():
        return "secret"

    admin = make_user(roles=("admin",))
    try:
        client = app.test_client()
        anonymous = client.get("/oubliee")
        assert anonymous.status_code == 403
        assert "secret" not in anonymous.get_data(as_text=True)
        with app.app_context():
            token = re.search(r'name="csrf_token" value="([^"]+)"',
                              client.get("/connexion").get_data(as_text=True)).group(1)
        assert client.post("/connexion", data={"email": admin.email, "password": "un mot de passe de test",
                                               "csrf_token": token}).status_code == 302
        as_admin = client.get("/oubliee")
        assert as_admin.status_code == 403
        assert "secret" not in as_admin.get_data(as_text=True)
    finally:
        with app.app_context():
            db.engine.dispose()


def test_an_htmx_request_without_session_sends_the_browser_to_the_login_page(client):
    # Swapping the whole login page into a search result would nest a page in a page.
    response = client.get("/personnes?q=awa", htmx=True)
    assert response.status_code == 204
    assert response.headers["HX-Redirect"] == "/connexion?next=%2Fpersonnes%3Fq%3Dawa"
    assert response.get_data() == b""


def test_a_form_sent_after_the_session_ended_leads_back_to_its_page(client, make_user):
    # Signed out elsewhere (password changed), the person sends the account form they had open.
    user = make_user(name="Awa")
    client.login(user)
    token = client.csrf_token()
    user.session_version += 1
    db.session.commit()
    response = client.post("/compte", {"name": "Autre", "locale": "", "csrf_token": token},
                           headers={"Referer": "http://passerelle.test/compte"})
    assert response.status_code == 302
    assert unquote(response.location) == "/connexion?next=/compte"
    assert "Connectez-vous pour ouvrir cette page." in client.get(response.location).get_data(as_text=True)
    assert user.name == "Awa"
    # Signing in leads to the page, not to an address that only takes forms.
    back = client.post(response.location, {"email": user.email, "password": "un mot de passe de test"})
    assert back.location == "/compte"


def test_a_form_sent_from_nowhere_after_the_session_ended_leads_to_the_login_page(client, make_user):
    user = make_user()
    client.login(user)
    token = client.csrf_token()
    user.session_version += 1
    db.session.commit()
    response = client.post("/deconnexion", {"csrf_token": token})
    assert response.location == "/connexion"
