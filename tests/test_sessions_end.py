"""A session ends for good: a copy of the session cookie taken before signing out, or before the
password changes, signs nobody in afterwards (the cookie is the whole session, so the copy
would otherwise live on). A remember-me cookie, should one ever be set, ends the same way."""
import pytest
from flask_login.config import COOKIE_NAME
from flask_login.utils import encode_cookie

from tests.conftest import Client
from tests.factories import PASSWORD
from tests.test_auth import NEW_PASSWORD, is_signed_in, link_in

HOST = "passerelle.test"  # the tests' SERVER_NAME, where the cookies are kept


def copy_of_session(client):
    """Another browser holding a copy of ``client``'s session cookie, as a thief would."""
    thief = Client(client.raw.application.test_client())
    thief.raw.set_cookie("session", client.raw.get_cookie("session", domain=HOST).value, domain=HOST)
    return thief


def change_password(client):
    return client.post("/compte/mot-de-passe", {"pw-current_password": PASSWORD, "pw-password": NEW_PASSWORD,
                                                "pw-confirm": NEW_PASSWORD})


def reset_password(client, outbox, user):
    client.post("/mot-de-passe-oublie", {"email": user.email})
    link = link_in(outbox()[-1])
    return client.post(link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})


@pytest.fixture
def signed_in(client, make_user):
    client.user = make_user()
    client.login(client.user)
    return client


def test_a_copy_of_the_cookie_signs_in_until_the_person_signs_out(signed_in):
    copy = copy_of_session(signed_in)
    assert is_signed_in(copy)  # the copy is a working one: what follows proves something
    assert signed_in.post("/deconnexion").status_code == 302
    assert not is_signed_in(copy)
    assert not is_signed_in(signed_in)
    # Signing in again is a new session, which works.
    signed_in.login(signed_in.user)
    assert is_signed_in(signed_in) and not is_signed_in(copy)


def test_signing_out_ends_the_persons_sessions_in_other_browsers_too(signed_in):
    elsewhere = Client(signed_in.raw.application.test_client())
    elsewhere.login(signed_in.user)
    signed_in.post("/deconnexion")
    assert not is_signed_in(elsewhere)


@pytest.mark.parametrize("change", ["on the account page", "through a reset link"])
def test_a_copy_of_the_cookie_stops_working_when_the_password_changes(signed_in, outbox, change):
    copy = copy_of_session(signed_in)
    assert is_signed_in(copy)
    if change == "on the account page":
        assert change_password(signed_in).status_code == 302
        assert is_signed_in(signed_in)  # the session that changed it goes on
    else:
        assert reset_password(Client(signed_in.raw.application.test_client()), outbox,
                              signed_in.user).status_code == 302
    assert not is_signed_in(copy)


def test_the_cookie_written_after_a_password_change_holds_no_secret(signed_in):
    response = change_password(signed_in)
    cookies = " ".join(response.headers.getlist("Set-Cookie"))
    assert NEW_PASSWORD not in cookies and PASSWORD not in cookies


def test_signing_in_sets_no_remember_me_cookie(client, make_user):
    response = client.login(make_user())
    assert not [c for c in response.headers.getlist("Set-Cookie") if c.startswith(f"{COOKIE_NAME}=")]


def browser_remembered_by(app, cookie):
    """A browser holding only a remember-me cookie."""
    browser = Client(app.test_client())
    browser.raw.set_cookie(COOKIE_NAME, cookie, domain=HOST)  # Flask-Login's default name, kept by config.py
    return browser


@pytest.mark.parametrize("end", ["sign out", "password change"])
def test_a_remember_me_cookie_would_end_with_the_session(app, signed_in, end):
    # None is set today (previous test); were one added, Flask-Login would write the person's
    # get_id(), which carries the session version, and read it back through the same loader.
    cookie = encode_cookie(signed_in.user.get_id())
    assert is_signed_in(browser_remembered_by(app, cookie))
    if end == "sign out":
        signed_in.post("/deconnexion")
    else:
        change_password(signed_in)
    assert not is_signed_in(browser_remembered_by(app, cookie))
