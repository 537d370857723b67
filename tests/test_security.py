"""CSRF on every state change, security headers, cookies."""
import json
import re
from html import unescape

import pytest

from tests.conftest import Client
from tests.factories import PASSWORD
from tests.world import build, snapshot


@pytest.fixture
def world(app):
    """One of everything a POST route may need, and a valid form for each route (tests/world.py)."""
    built = build(app)
    return built.admin, built.forms


def post_endpoints(app):
    return sorted({rule.endpoint for rule in app.url_map.iter_rules() if "POST" in rule.methods})


def test_every_state_changing_route_is_listed_here(app, world):
    _admin, forms = world
    assert post_endpoints(app) == sorted(forms)


def test_every_post_without_the_form_token_is_refused_and_writes_nothing(app, client, world, outbox):
    admin, forms = world
    client.login(admin)
    before, mails_before = snapshot(), outbox()  # the world's own set-up sends a few
    refused = []
    for endpoint, (values, form) in forms.items():
        with app.test_request_context():
            url = app.url_for(endpoint, _external=False, **values)
        response = client.post(url, form, csrf=False)
        page = unescape(response.get_data(as_text=True))
        if response.status_code != 400 or "Le formulaire a expiré" not in page or '<html lang="fr"' not in page:
            refused.append(f"{endpoint}: {response.status_code}")
    assert refused == []
    assert snapshot() == before
    assert outbox() == mails_before
    # Still signed in, still in French, easy-to-read still off.
    page = client.get("/compte").get_data(as_text=True)
    assert '<html lang="fr"' in page
    assert 'aria-pressed="false"' in page


def test_a_wrong_token_is_refused_too(client, make_user):
    response = client.post("/langue", {"locale": "en", "csrf_token": "pas-le-bon"}, csrf=False)
    assert response.status_code == 400
    assert '<html lang="fr"' in client.get("/").get_data(as_text=True)


def test_a_token_from_another_session_is_refused(app, client):
    stranger = Client(app.test_client())
    response = client.post("/langue", {"locale": "en", "csrf_token": stranger.csrf_token()}, csrf=False)
    assert response.status_code == 400


def body_token(client):
    page = client.get("/").get_data(as_text=True)
    headers = unescape(re.search(r"<body[^>]*hx-headers='([^']+)'", page).group(1))
    return json.loads(headers)["X-CSRFToken"]


def test_htmx_sends_the_token_in_a_header(client):
    token = body_token(client)
    response = client.post("/facile-a-lire", {"falc": "on"}, htmx=True, csrf=False,
                           headers={"X-CSRFToken": token})
    assert response.status_code == 302
    assert client.raw.get_cookie("falc", domain="passerelle.test").value == "1"


def test_an_htmx_post_without_the_header_gets_an_error_fragment(client):
    response = client.post("/facile-a-lire", {"falc": "on"}, htmx=True, csrf=False)
    assert response.status_code == 400
    fragment = response.get_data(as_text=True)
    assert "<html" not in fragment
    assert 'role="alert"' in fragment


# --- headers --------------------------------------------------------------------------------

def csp_of(response):
    policy = {}
    for directive in response.headers["Content-Security-Policy"].split(";"):
        name, *values = directive.split()
        policy[name] = values
    return policy


@pytest.mark.parametrize("url", ["/", "/connexion", "/healthz", "/nexiste-pas", "/personnes",
                                 "/static/css/portal.css"])
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    response.close()  # static files are streamed from disk
    policy = csp_of(response)
    script_src = policy.get("script-src", policy.get("default-src"))
    assert script_src == ["'self'"]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in {"same-origin", "strict-origin-when-cross-origin",
                                                   "no-referrer"}


@pytest.mark.parametrize("url", ["/", "/urgence", "/lieux", "/connexion", "/mot-de-passe-oublie",
                                 "/compte", "/personnes", "/personnes/inviter", "/associations",
                                 "/associations/nouvelle", "/mes-associations", "/nexiste-pas",
                                 "/formats", "/gestion/formats", "/gestion/formats/nouveau"])
def test_pages_have_no_inline_script_the_policy_would_block(client, make_user, url):
    client.login(make_user(roles=("admin",)))
    page = client.get(url).get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "inline <script>"
    assert not re.search(r"\son[a-z]+\s*=", page), "inline event handler"
    assert "hx-on" not in page and "javascript:" not in page


# --- cookies --------------------------------------------------------------------------------

def session_cookie(response):
    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert cookies, "no session cookie"
    return [part.strip().lower() for part in cookies[-1].split(";")]


def test_the_session_cookie_is_httponly_and_samesite_lax_over_http(client):
    attributes = session_cookie(client.get("/"))
    assert "httponly" in attributes
    assert "samesite=lax" in attributes
    assert "secure" not in attributes  # or nobody could sign in on http://127.0.0.1


def test_the_session_cookie_is_secure_over_https(app, make_user):
    browser = app.test_client()
    page = browser.get("/connexion", base_url="https://passerelle.test")
    attributes = session_cookie(page)
    assert "secure" in attributes and "httponly" in attributes and "samesite=lax" in attributes
    # Signing in over HTTPS works (the browser sends its Referer, as Flask-WTF requires there).
    user = make_user()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    response = browser.post("/connexion", base_url="https://passerelle.test",
                            headers={"Referer": "https://passerelle.test/connexion"},
                            data={"email": user.email, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    assert "secure" in session_cookie(response)


def test_an_https_post_from_another_site_is_refused(app, make_user):
    browser = app.test_client()
    page = browser.get("/connexion", base_url="https://passerelle.test")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    response = browser.post("/langue", base_url="https://passerelle.test",
                            headers={"Referer": "https://evil.example/"},
                            data={"locale": "en", "csrf_token": token})
    assert response.status_code == 400


def test_the_session_cookie_never_holds_the_password(client, make_user):
    user = make_user()
    response = client.login(user)
    cookie = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")][0]
    assert PASSWORD not in cookie


# --- what people type is shown, never run ---------------------------------------------------

def test_names_are_escaped_everywhere_they_appear(client, make_user, make_association):
    evil = '<script>alert("x")</script>'
    association = make_association(name=f"Asso {evil}", description=evil)
    staff = make_user(roles=("staff",), name=f"Nadia {evil}", associations=[association])
    client.login(staff)
    for url in ("/", "/personnes", f"/personnes/{staff.id}", "/associations", f"/associations/{association.id}",
                "/mes-associations", "/compte"):
        page = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in page, url
        assert "&lt;script&gt;" in page, url
    # Flash messages too.
    response = client.post(f"/associations/{association.id}/archiver", follow_redirects=True)
    assert "<script>alert" not in response.get_data(as_text=True)
