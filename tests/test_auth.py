"""Signing in and out, links sent by mail (invitation, password reset) and the account page."""
import json
import re
from html import unescape
from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal import create_app
from portal.auth import operations
from portal.auth.models import User
from portal.database import db, utcnow
from portal.extensions import limiter
from tests.conftest import Client
from tests.factories import PASSWORD

REFUSED = "Adresse e-mail ou mot de passe incorrect."
NEW_PASSWORD = "une toute nouvelle phrase"
LINK = re.compile(r"https?://passerelle\.test(/\S+)")


def is_signed_in(client):
    return client.get("/compte").status_code == 200


def session_of(client):
    with client.raw.session_transaction() as session:
        return dict(session)


def link_in(mail):
    return LINK.search(mail[2]).group(1)


# --- signing in -----------------------------------------------------------------------------

def test_the_login_page_shows_a_form(client):
    page = client.get("/connexion")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'name="email"' in html and 'name="password"' in html
    assert 'autocomplete="current-password"' in html


def test_signing_in_with_the_right_password(client, make_user):
    user = make_user(name="Awa Diallo")
    response = client.post("/connexion", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.location == "/"
    home = client.get("/").get_data(as_text=True)
    assert "Bonjour Awa Diallo" in home
    assert user.last_login_at is not None


def test_the_email_is_not_case_sensitive(client, make_user):
    make_user(email="awa@passerelle.example")
    response = client.post("/connexion", {"email": "  AWA@Passerelle.example ", "password": PASSWORD})
    assert response.status_code == 302
    assert is_signed_in(client)


@pytest.mark.parametrize("case", ["wrong password", "unknown email", "inactive", "invitation pending"])
def test_every_refusal_says_the_same_thing(client, make_user, case):
    email, password = "awa@passerelle.example", PASSWORD
    if case == "wrong password":
        make_user(email=email)
        password = "pas le bon mot de passe"
    elif case == "inactive":
        make_user(email=email, active=False)
    elif case == "invitation pending":
        make_user(email=email, password=None)
    response = client.post("/connexion", {"email": email, "password": password})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert REFUSED in html
    # The email stays in the field, the password never comes back.
    assert f'value="{email}"' in html
    assert password not in html
    assert "_user_id" not in session_of(client)
    assert not is_signed_in(client)


def test_an_empty_form_is_refused_with_messages_next_to_the_fields(client):
    response = client.post("/connexion", {"email": "", "password": ""})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="email-error"' in html and 'id="password-error"' in html
    assert "Ce champ est obligatoire." in html


def test_a_signed_in_person_opening_the_login_page_goes_home(client, make_user):
    client.login(make_user())
    response = client.get("/connexion")
    assert response.status_code == 302
    assert response.location == "/"


@pytest.mark.parametrize("target", ["/associations?x=1", "/compte"])
def test_next_leads_to_a_page_of_the_portal(client, make_user, target):
    user = make_user(roles=("staff",))
    response = client.post(f"/connexion?next={target}", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.location == target


@pytest.mark.parametrize("target", [
    "//evil.example", "https://evil.example/", "http://evil.example", "/\\evil.example",
    "\\\\evil.example", "/\t/evil.example", "javascript:alert(1)", "evil.example",
])
def test_next_never_leads_to_another_site(client, make_user, target):
    user = make_user()
    response = client.post("/connexion", {"email": user.email, "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert response.location == "/"


def test_next_given_in_the_form_is_also_checked(client, make_user):
    user = make_user()
    response = client.post("/connexion?next=//evil.example", {"email": user.email, "password": PASSWORD})
    assert response.location == "/"


# --- signing out ----------------------------------------------------------------------------

def test_signing_out_needs_a_post(client, make_user):
    client.login(make_user())
    assert client.get("/deconnexion").status_code == 405
    assert is_signed_in(client)


def test_signing_out_without_the_form_token_is_refused(client, make_user):
    client.login(make_user())
    response = client.post("/deconnexion", csrf=False)
    assert response.status_code == 400
    assert is_signed_in(client)


def test_signing_out(client, make_user):
    client.login(make_user())
    response = client.post("/deconnexion")
    assert response.status_code == 302
    assert response.location == "/"
    assert "Vous êtes déconnecté·e." in client.get("/").get_data(as_text=True)
    assert not is_signed_in(client)
    assert "_user_id" not in session_of(client)


# --- rate limiting --------------------------------------------------------------------------

@pytest.fixture
def limited_client(app, database_url, tmp_path):
    """A client of an application that limits login attempts to 3 a minute.

    The limiter is a module-level object whose on/off switch follows the last application
    created: this one must be created after ``app`` (hence the dependency). Its counters and
    switch are reset afterwards so that no other test inherits them.
    """
    limited = create_app({
        "TESTING": True, "SECRET_KEY": "tests", "SQLALCHEMY_DATABASE_URI": database_url,
        "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://",
        "LOGIN_RATE_LIMIT": "3 per minute", "SERVER_NAME": "passerelle.test",
    }, instance_path=tmp_path / "limited")
    try:
        yield Client(limited.test_client())
    finally:
        limiter.reset()
        limiter.enabled = False
        with limited.app_context():
            db.engine.dispose()


def test_login_attempts_are_limited(limited_client, make_user):
    user = make_user()
    for _ in range(3):
        response = limited_client.post("/connexion", {"email": user.email, "password": "mauvais"})
        assert response.status_code == 422
    blocked = limited_client.post("/connexion", {"email": user.email, "password": PASSWORD})
    assert blocked.status_code == 429
    html = unescape(blocked.get_data(as_text=True))
    assert '<html lang="fr"' in html
    assert "Trop d'essais" in html
    assert 'href="/urgence"' in html
    assert "Retry-After" in blocked.headers
    # Even the right password does not get through while the limit holds.
    assert not is_signed_in(limited_client)
    # Reading pages is not limited.
    assert limited_client.get("/connexion").status_code == 200


def test_the_429_page_speaks_the_browser_language(limited_client, make_user):
    for _ in range(3):
        limited_client.post("/connexion", {"email": "x@passerelle.example", "password": "mauvais"})
    blocked = limited_client.post("/connexion", {"email": "x@passerelle.example", "password": "mauvais"},
                                  headers={"Accept-Language": "en"})
    assert blocked.status_code == 429
    assert '<html lang="en"' in blocked.get_data(as_text=True)


def test_password_reset_requests_are_limited_too(limited_client, outbox):
    for _ in range(3):
        assert limited_client.post("/mot-de-passe-oublie", {"email": "x@passerelle.example"}).status_code == 302
    assert limited_client.post("/mot-de-passe-oublie", {"email": "x@passerelle.example"}).status_code == 429


def test_other_tests_are_not_limited(client, make_user):
    # Runs after the limited tests in this file: the default test app has no limit.
    user = make_user()
    for _ in range(12):
        assert client.post("/connexion", {"email": user.email, "password": "mauvais"}).status_code == 422


# --- password reset -------------------------------------------------------------------------

SAME_ANSWER = "Si un compte existe avec cette adresse, un lien pour choisir un nouveau mot de passe"


@pytest.mark.parametrize("case", ["active", "unknown", "inactive", "invitation pending"])
def test_a_reset_request_always_gets_the_same_answer(client, make_user, outbox, case):
    email = "awa@passerelle.example"
    if case == "active":
        make_user(email=email)
    elif case == "inactive":
        make_user(email=email, active=False)
    elif case == "invitation pending":
        make_user(email=email, password=None)
    response = client.post("/mot-de-passe-oublie", {"email": email}, follow_redirects=True)
    assert response.status_code == 200
    assert SAME_ANSWER in response.get_data(as_text=True)
    sent = outbox()
    if case == "active":
        assert [to for to, _subject, _body in sent] == [email]
    else:
        assert sent == []


def test_a_reset_request_the_mail_server_refused_gets_the_same_answer(client, make_user, mail_server_down):
    # Saying the mail failed would say that the address has an account.
    response = client.post("/mot-de-passe-oublie", {"email": make_user().email}, follow_redirects=True)
    assert response.status_code == 200 and SAME_ANSWER in response.get_data(as_text=True)


def test_a_reset_request_with_a_malformed_email_is_refused(client, outbox):
    response = client.post("/mot-de-passe-oublie", {"email": "pas une adresse"})
    assert response.status_code == 422
    assert "Cette adresse e-mail n'est pas valable." in unescape(response.get_data(as_text=True))
    assert outbox() == []


def request_reset(client, outbox, user):
    client.post("/mot-de-passe-oublie", {"email": user.email})
    return link_in(outbox()[-1])


def test_the_reset_link_works_once(client, make_user, outbox):
    user = make_user()
    link = request_reset(client, outbox, user)
    assert client.get(link).status_code == 200
    response = client.post(link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    assert is_signed_in(client)

    assert client.get(link).status_code == 404
    assert client.post(link, {"password": "encore une autre phrase", "confirm": "encore une autre phrase"}
                       ).status_code == 404

    other = Client(client.raw.application.test_client())
    assert other.post("/connexion", {"email": user.email, "password": PASSWORD}).status_code == 422
    assert other.post("/connexion", {"email": user.email, "password": NEW_PASSWORD}).status_code == 302


def test_the_reset_link_expires(client, make_user, outbox, monkeypatch, app):
    user = make_user()
    link = request_reset(client, outbox, user)
    hours = app.config["PASSWORD_RESET_HOURS"]
    now = utcnow()
    monkeypatch.setattr(operations, "utcnow", lambda: now + timedelta(hours=hours, minutes=-1))
    assert client.get(link).status_code == 200
    monkeypatch.setattr(operations, "utcnow", lambda: now + timedelta(hours=hours, minutes=1))
    assert client.get(link).status_code == 404
    assert client.post(link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 404
    assert client.post("/connexion", {"email": user.email, "password": PASSWORD}).status_code == 302


def test_a_newer_reset_link_replaces_the_older_one(client, make_user, outbox):
    user = make_user()
    first = request_reset(client, outbox, user)
    second = request_reset(client, outbox, user)
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200


def test_a_reset_needs_matching_and_long_enough_passwords(client, make_user, outbox):
    user = make_user()
    link = request_reset(client, outbox, user)
    mismatch = client.post(link, {"password": NEW_PASSWORD, "confirm": "autre chose encore"})
    assert mismatch.status_code == 422
    assert "Les deux mots de passe ne sont pas identiques." in mismatch.get_data(as_text=True)
    short = client.post(link, {"password": "court", "confirm": "court"})
    assert short.status_code == 422
    assert "au moins 10 caractères" in short.get_data(as_text=True)
    # The link still works after a mistake.
    assert client.post(link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302


def test_an_invented_link_is_404(client):
    assert client.get("/mot-de-passe/nimporte-quoi").status_code == 404
    assert client.get("/invitation/nimporte-quoi").status_code == 404


def test_a_reset_link_does_not_open_an_invitation(client, make_user, outbox):
    user = make_user()
    link = request_reset(client, outbox, user)
    assert client.get(link.replace("/mot-de-passe/", "/invitation/")).status_code == 404


# --- invitations ----------------------------------------------------------------------------

def invite(client, **fields):
    data = {"email": "nouvelle@passerelle.example", "name": "Awa Diallo", "locale": "",
            "roles": ["volunteer"]}
    data.update(fields)
    return client.post("/personnes/inviter", data)


@pytest.fixture
def staff_client(client, make_user):
    client.login(make_user(roles=("staff",), name="Nadia Benali"))
    return client


def test_staff_invite_and_the_person_gets_a_link(staff_client, outbox):
    response = invite(staff_client)
    assert response.status_code == 302
    invited = db.session.scalar(sa.select(User).where(User.email == "nouvelle@passerelle.example"))
    assert response.location == f"/personnes/{invited.id}"
    assert invited.password_hash is None
    assert invited.roles == {"volunteer"}
    [(to, subject, body)] = outbox()
    assert to == "nouvelle@passerelle.example"
    assert subject == "Votre invitation sur Passerelle"
    assert "Nadia Benali vous invite" in body
    assert "/invitation/" in body


def test_accepting_an_invitation(staff_client, outbox, make_user):
    invite(staff_client)
    link = link_in(outbox()[0])
    visitor = Client(staff_client.raw.application.test_client())
    page = visitor.get(link)
    assert page.status_code == 200
    assert "nouvelle@passerelle.example" in page.get_data(as_text=True)
    response = visitor.post(link, {"name": "Awa D.", "locale": "en",
                                   "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    assert response.location == "/"
    account = visitor.get("/compte")
    assert account.status_code == 200
    assert '<html lang="en"' in account.get_data(as_text=True)
    invited = db.session.scalar(sa.select(User).where(User.email == "nouvelle@passerelle.example"))
    assert (invited.name, invited.locale) == ("Awa D.", "en")
    # The link works once.
    assert visitor.get(link).status_code == 404
    assert Client(visitor.raw.application.test_client()).get(link).status_code == 404
    # The new password opens the account.
    fresh = Client(visitor.raw.application.test_client())
    assert fresh.post("/connexion", {"email": invited.email, "password": NEW_PASSWORD}).status_code == 302


def test_accepting_with_a_short_password_changes_nothing(staff_client, outbox):
    invite(staff_client)
    link = link_in(outbox()[0])
    visitor = Client(staff_client.raw.application.test_client())
    response = visitor.post(link, {"name": "Autre nom", "locale": "en",
                                   "password": "court", "confirm": "court"})
    assert response.status_code == 422
    invited = db.session.scalar(sa.select(User).where(User.email == "nouvelle@passerelle.example"))
    assert (invited.name, invited.locale, invited.password_hash) == ("Awa Diallo", None, None)
    assert visitor.get(link).status_code == 200


def test_an_expired_invitation_is_refused(staff_client, outbox, monkeypatch, app):
    invite(staff_client)
    link = link_in(outbox()[0])
    later = utcnow() + timedelta(days=app.config["INVITATION_DAYS"], minutes=1)
    monkeypatch.setattr(operations, "utcnow", lambda: later)
    visitor = Client(staff_client.raw.application.test_client())
    assert visitor.get(link).status_code == 404
    assert visitor.post(link, {"name": "Awa", "locale": "", "password": NEW_PASSWORD,
                               "confirm": NEW_PASSWORD}).status_code == 404


def test_a_newer_invitation_replaces_the_older_link(staff_client, outbox):
    invite(staff_client)
    invited = db.session.scalar(sa.select(User).where(User.email == "nouvelle@passerelle.example"))
    first = link_in(outbox()[0])
    response = staff_client.post(f"/personnes/{invited.id}/invitation")
    assert response.status_code == 302
    second = link_in(outbox()[-1])
    assert first != second
    assert staff_client.get(first).status_code == 404
    assert staff_client.get(second).status_code == 200


def test_an_accepted_invitation_cannot_be_resent(staff_client, make_user, outbox):
    person = make_user()
    response = staff_client.post(f"/personnes/{person.id}/invitation")
    assert response.status_code == 422
    assert "déjà accepté son invitation" in response.get_data(as_text=True)
    assert outbox() == []


def test_the_invitation_mail_is_in_the_invited_persons_language(client, make_user, outbox):
    # The inviter reads the portal in English; the invited person asked for French.
    client.login(make_user(roles=("staff",), locale="en"))
    invite(client, locale="fr")
    [(_to, subject, body)] = outbox()
    assert subject == "Votre invitation sur Passerelle"
    assert "Bonjour Awa Diallo," in body


def test_accepting_signs_out_whoever_was_signed_in(staff_client, outbox):
    invite(staff_client)
    link = link_in(outbox()[0])
    # The staff member opens the link in their own browser by mistake: they become the new person.
    staff_client.post(link, {"name": "Awa", "locale": "", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert "nouvelle@passerelle.example" in staff_client.get("/compte").get_data(as_text=True)


# --- the account page -----------------------------------------------------------------------

def test_changing_name_and_language(client, make_user):
    user = make_user(name="Awa")
    client.login(user)
    response = client.post("/compte", {"name": "Awa Diallo", "locale": "en"})
    assert response.status_code == 302
    assert (user.name, user.locale) == ("Awa Diallo", "en")
    assert '<html lang="en"' in client.get("/compte").get_data(as_text=True)
    # Back to "the browser's language".
    client.post("/compte", {"name": "Awa Diallo", "locale": ""})
    assert user.locale is None
    assert '<html lang="fr"' in client.get("/compte").get_data(as_text=True)


def test_the_account_form_refuses_an_empty_name_or_an_unknown_language(client, make_user):
    user = make_user(name="Awa")
    client.login(user)
    empty = client.post("/compte", {"name": " ", "locale": ""})
    assert empty.status_code == 422
    unknown = client.post("/compte", {"name": "Awa", "locale": "xx"})
    assert unknown.status_code == 422
    assert (user.name, user.locale) == ("Awa", None)


def test_changing_the_password_needs_the_current_one(client, make_user):
    user = make_user()
    client.login(user)
    response = client.post("/compte/mot-de-passe", {"pw-current_password": "pas le bon",
                                                    "pw-password": NEW_PASSWORD, "pw-confirm": NEW_PASSWORD})
    assert response.status_code == 422
    assert "Le mot de passe actuel n'est pas le bon." in unescape(response.get_data(as_text=True))
    other = Client(client.raw.application.test_client())
    assert other.post("/connexion", {"email": user.email, "password": PASSWORD}).status_code == 302


def test_changing_the_password_signs_out_other_sessions(client, make_user):
    user = make_user()
    client.login(user)
    elsewhere = Client(client.raw.application.test_client())
    elsewhere.login(user)
    response = client.post("/compte/mot-de-passe", {"pw-current_password": PASSWORD,
                                                    "pw-password": NEW_PASSWORD, "pw-confirm": NEW_PASSWORD})
    assert response.status_code == 302
    assert is_signed_in(client)
    assert not is_signed_in(elsewhere)
    fresh = Client(client.raw.application.test_client())
    assert fresh.post("/connexion", {"email": user.email, "password": PASSWORD}).status_code == 422
    assert fresh.post("/connexion", {"email": user.email, "password": NEW_PASSWORD}).status_code == 302


def test_a_deactivated_person_is_signed_out_at_once(client, make_user):
    user = make_user()
    client.login(user)
    user.active = False
    db.session.commit()
    assert not is_signed_in(client)


def test_a_deleted_person_is_signed_out_at_once(client, make_user):
    user = make_user()
    client.login(user)
    db.session.delete(user)
    db.session.commit()
    assert not is_signed_in(client)
    assert client.get("/").status_code == 200


def test_the_export_holds_my_data_and_nothing_of_others(client, make_user, make_association):
    mine = make_association(name="Lien et Voisinage")
    theirs = make_association(name="Les Mots Partagés")
    me = make_user(roles=("association", "volunteer"), associations=[mine], name="Awa Diallo")
    make_user(associations=[theirs], name="Quelqu'un d'autre", email="autre@passerelle.example")
    client.login(me)
    response = client.get("/compte/export")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["email"] == me.email
    assert data["name"] == "Awa Diallo"
    assert data["roles"] == ["association", "volunteer"]
    assert data["associations"] == ["Lien et Voisinage"]
    text = response.get_data(as_text=True)
    assert "autre@passerelle.example" not in text
    assert "Les Mots Partagés" not in text
    assert "password" not in text and "hash" not in text


def test_account_pages_need_signing_in(client):
    for url in ("/compte", "/compte/export"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.location.startswith("/connexion")
    assert client.post("/compte/mot-de-passe", {}).status_code == 302


def test_links_stop_working_when_the_account_is_deactivated(staff_client, make_user, outbox):
    invite(staff_client)
    invitation = link_in(outbox()[-1])
    person = make_user()
    reset = request_reset(staff_client, outbox, person)
    for email in ("nouvelle@passerelle.example", person.email):
        user = db.session.scalar(sa.select(User).where(User.email == email))
        user.active = False
    db.session.commit()
    visitor = Client(staff_client.raw.application.test_client())
    assert visitor.get(invitation).status_code == 404
    assert visitor.post(reset, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 404
    assert not is_signed_in(visitor)


def test_a_password_reset_signs_out_other_sessions(client, make_user, outbox):
    user = make_user()
    left_open = Client(client.raw.application.test_client())
    left_open.login(user)
    link = request_reset(client, outbox, user)
    assert client.post(link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    assert is_signed_in(client)
    assert not is_signed_in(left_open)
