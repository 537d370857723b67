"""Easy to read (FALC) everywhere, and remembered: with the « Facile à lire » switch on, every
public page opens on its explanation in short sentences, one idea per line (marked data-falc),
and the choice is kept in a cookie of its own that outlives closing the browser, while the
login session does not."""
from datetime import timedelta
import re
from html.parser import HTMLParser

import pytest
import sqlalchemy as sa

from portal import clock, demo, web
from portal.auth import operations as accounts
from portal.auth.models import AccountToken
from portal.binomes import pairs
from portal.binomes.models import PAUSED, TO_CONFIRM, BuddyCharter
from portal.content import easy_read
from portal.content import operations as content
from portal.content.models import FALC, TranslatedText
from portal.database import db
from portal.i18n import FALC_COOKIE
from portal.indicators import questionnaire
from portal.rooms.models import Booking, Occurrence
from tests import factories
from tests.conftest import Client

HOST = "passerelle.test"  # the tests' SERVER_NAME, where the cookies are kept
ONE_YEAR = 365 * 24 * 3600
NOT_CHECKED = (easy_read.LONG_SENTENCE, easy_read.ABBREVIATION)
DEVICE = re.compile(r'name="device" value="([0-9a-f]{32})"')  # the phone's token, pairing its two answers

# Public GET addresses that answer something else than a page to read.
NOT_PAGES = {
    "static": "files", "core.healthz": "JSON for the monitoring",
    "core.emergency_poster": "PDF", "rooms.room_poster": "PDF", "sessions.poster": "PDF",
    "kit.format_document": "PDF", "kit.format_choice": "sends to a PDF",
    "binomes.mine_data": "JSON download",
    "rooms.room_feed": "iCalendar", "rooms.association_feed": "iCalendar", "volunteers.feed": "iCalendar",
    # Its easy-to-read summary is the accessibility statement's own: see the last test.
    "accessibility.statement": "checked below",
}


class EasyTexts(HTMLParser):
    """The texts of the elements marked data-falc in a page, a line per paragraph or item."""

    VOID = {"br", "hr", "img", "input", "link", "meta", "wbr"}
    BLOCKS = {"p", "li", "div", "dt", "dd", "br", "h2", "h3", "ul", "ol"}

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # elements open inside a data-falc element; 0 outside
        self.texts, self.parts = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.parts.append("\n" if tag in self.BLOCKS else "")
            self.depth += tag not in self.VOID
        elif "data-falc" in dict(attrs):
            self.depth, self.parts = 1, []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if not self.depth:
                self.texts.append("".join(self.parts).strip())

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def date_of(session):
    return db.session.scalar(sa.select(Occurrence).join(Booking).where(Booking.session_id == session.id))


def under_way(occurrence):
    """The date moved to have started half an hour ago: its questionnaire is open."""
    occurrence.starts_at = clock.now() - timedelta(minutes=30)
    occurrence.ends_at = occurrence.starts_at + timedelta(hours=2)
    db.session.commit()
    return occurrence


def easy_texts(response):
    return EasyTexts(response.get_data(as_text=True)).texts


def hints(text):
    return [(hint.kind, hint.excerpt) for hint in easy_read.check(text, "fr") if hint.kind in NOT_CHECKED]


def with_falc(client):
    client.raw.set_cookie(FALC_COOKIE, "1", domain=HOST)
    return client


@pytest.fixture
def pages(app, client, make_user):
    """(what, endpoint, address) of every public page, in each state that has its own wording."""
    room = factories.make_room()
    fmt = factories.make_format()
    session = factories.make_public_session(room=room, fmt=fmt, admission="sign_up", title="Café du jeudi")
    occurrence = date_of(session)
    resource = factories.make_resource()
    signed_up = client.post(f"/rencontres/{session.id}/inscription", {"occurrence": str(occurrence.id), "name": "Mina"})
    my_place = signed_up.location.split("?")[0]

    mediator = make_user(roles=("mediator",))
    _waiting, waiting = factories.make_buddy()
    _paused, paused = factories.make_buddy(status=PAUSED)
    _confirming, confirming = factories.make_buddy(status=TO_CONFIRM, consents=False)
    (asked, to_answer), (other, said_yes) = factories.make_buddy(), factories.make_buddy()
    pairs.answer(other, pairs.propose(mediator, asked, other, ""), True)
    (first, paired), (second, _token) = factories.make_buddy(), factories.make_buddy()
    both = pairs.propose(mediator, first, second, "")
    pairs.answer(first, both, True)
    pairs.answer(second, both, True)

    reset = accounts.issue_token(make_user(), AccountToken.PASSWORD_RESET)
    invitation = accounts.issue_token(make_user(password=None), AccountToken.INVITATION)
    db.session.commit()

    with app.test_request_context():
        not_yet = questionnaire.link(date_of(factories.make_public_session(fmt=fmt)))  # next week
        answering = questionnaire.link(under_way(occurrence))
    return [
        ("home", "core.home", "/"),
        ("emergency", "core.emergency", "/urgence"),
        ("places", "rooms.places", "/lieux"),
        ("place", "rooms.place", f"/lieux/{room.place.id}"),
        ("room", "rooms.room", f"/salles/{room.id}"),
        ("formats", "formats.index", "/formats"),
        ("format", "formats.show", f"/formats/{fmt.slug}"),
        ("sessions", "sessions.directory", "/rencontres"),
        ("session", "sessions.public_page", f"/rencontres/{session.id}"),
        ("my place", "sessions.my_place", my_place),
        ("my place, just signed up", "sessions.my_place", f"{my_place}?nouveau=1"),
        ("resources", "resources.index", "/ressources"),
        ("resource", "resources.show", f"/ressources/{resource.id}"),
        ("binômes", "binomes.home", "/binomes"),
        ("binômes sign-up", "binomes.sign_up", "/binomes/inscription"),
        ("binômes, waiting", "binomes.mine", f"/binomes/moi/{waiting}"),
        ("binômes, paused", "binomes.mine", f"/binomes/moi/{paused}"),
        ("binômes, to confirm", "binomes.mine", f"/binomes/moi/{confirming}"),
        ("binômes, a proposal", "binomes.mine", f"/binomes/moi/{to_answer}"),
        ("binômes, said yes", "binomes.mine", f"/binomes/moi/{said_yes}"),
        ("binômes, paired", "binomes.mine", f"/binomes/moi/{paired}"),
        ("binômes, leaving", "binomes.mine_leave", f"/binomes/moi/{waiting}/partir"),
        ("binômes, left", "binomes.left", "/binomes/au-revoir"),
        ("questionnaire", "indicators.questionnaire", answering),
        ("questionnaire, not open yet", "indicators.questionnaire", not_yet),
        ("privacy", "indicators.privacy", "/donnees-personnelles"),
        ("login", "auth.login", "/connexion"),
        ("forgotten password", "auth.forgotten_password", "/mot-de-passe-oublie"),
        ("new password", "auth.reset_password", f"/mot-de-passe/{reset}"),
        ("invitation", "auth.accept_invitation", f"/invitation/{invitation}"),
    ]


@pytest.fixture
def after_forms(app, client, make_neighbourhood):
    """(what, response) of the pages that answer a public form: the thanks of the binômes and of
    the questionnaire (at the start, and at the end with its offer of a call)."""
    charter = BuddyCharter(version=1)
    db.session.add(charter)
    content.save_variants(charter.text_key, {("fr", "standard"): "Chacun peut arrêter quand il veut."})
    db.session.commit()
    with_falc(client)
    signed_up = client.post("/binomes/inscription", {
        "first_name": "Awa", "contact": "awa@exemple.fr", "neighbourhood": str(make_neighbourhood().id),
        "activities": ["marche"], "slots": ["1-0"], "languages": ["fr"], "pace": "any", "consent_matching": "y"})
    with app.test_request_context():
        address = questionnaire.link(under_way(date_of(factories.make_public_session())))
    device = {"device": DEVICE.search(client.get(address).get_data(as_text=True)).group(1)}
    start = client.post(address, {"moment": "start", "isolation": "8", **device})
    end = client.post(address, {"moment": "end", "isolation": "4", **device})
    return [("binômes, thanks", signed_up), ("questionnaire, start", start), ("questionnaire, end", end)]


def test_every_public_page_is_listed_here(app, pages):
    # A new public page must come with its easy-to-read version, and be listed above.
    with app.test_request_context():
        public = {rule.endpoint for rule in app.url_map.iter_rules()
                  if "GET" in rule.methods and web.access_rule(rule.endpoint) == web.EVERYONE}
    assert public == {endpoint for _what, endpoint, _url in pages} | set(NOT_PAGES)


def test_every_public_page_has_its_easy_to_read_version(client, pages):
    with_falc(client)
    missing = []
    for what, _endpoint, url in pages:
        response = client.get(url)
        if response.status_code != 200 or not easy_texts(response):
            missing.append((what, url, response.status_code))
    assert missing == []


def test_without_the_switch_no_easy_to_read_text_is_shown(client, pages):
    shown = [what for what, _endpoint, url in pages if easy_texts(client.get(url))]
    assert shown == []


def test_every_easy_to_read_text_has_short_sentences_and_no_abbreviation(client, pages):
    with_falc(client)
    found = [(what, hint) for what, _endpoint, url in pages
             for text in easy_texts(client.get(url)) for hint in hints(text)]
    assert found == []


def test_the_pages_after_a_public_form_have_their_easy_to_read_version_too(after_forms):
    assert [(what, response.status_code) for what, response in after_forms] == [
        (what, 200) for what, _response in after_forms]
    assert [what for what, response in after_forms if not easy_texts(response)] == []
    assert [(what, hint) for what, response in after_forms
            for text in easy_texts(response) for hint in hints(text)] == []


def test_the_accessibility_statement_marks_its_easy_to_read_summary(client):
    response = with_falc(client).get("/accessibilite")
    assert response.status_code == 200
    texts = easy_texts(response)
    assert texts
    assert [hint for text in texts for hint in hints(text)] == []


# --- remembered ------------------------------------------------------------------------------

def set_cookie(response, name):
    [header] = [h for h in response.headers.getlist("Set-Cookie") if h.startswith(f"{name}=")]
    return [part.strip().lower() for part in header.split(";")]


def falc_state(response):
    page = response.get_data(as_text=True)
    return 'class="falc"' in page and '<button type="submit" aria-pressed="true">' in page


def test_the_switch_is_a_cookie_of_its_own_for_a_year(client):
    response = client.post("/facile-a-lire", {"falc": "on", "next": "/lieux"})
    assert response.location == "/lieux"
    attributes = set_cookie(response, FALC_COOKIE)
    assert attributes[0] == "falc=1"
    assert {"httponly", "samesite=lax", "path=/", f"max-age={ONE_YEAR}"} <= set(attributes)
    assert "secure" not in attributes  # plain http, as in development
    with client.raw.session_transaction() as session:
        assert "falc" not in session


@pytest.mark.parametrize("setting, base_url", [(True, "http://passerelle.test"), (False, "https://passerelle.test")])
def test_the_cookie_is_secure_like_the_session_cookie(app, client, setting, base_url):
    app.config["SESSION_COOKIE_SECURE"] = setting
    response = client.post("/facile-a-lire", {"falc": "on"}, base_url=base_url,
                           headers={"Referer": f"{base_url}/"})  # as browsers send it, and Flask-WTF wants it over HTTPS
    assert "secure" in set_cookie(response, FALC_COOKIE)


def test_the_switch_outlives_the_browser_but_the_login_session_does_not(app, client, make_user):
    client.login(make_user())
    client.post("/facile-a-lire", {"falc": "on"})
    kept, session = client.raw.get_cookie(FALC_COOKIE, domain=HOST), client.raw.get_cookie("session", domain=HOST)
    assert kept.expires is not None and kept.expires > clock.now().replace(tzinfo=kept.expires.tzinfo) + timedelta(days=360)
    assert session.expires is None  # gone when the browser closes

    # The browser opened again: only the cookies with a date are left.
    reopened = Client(app.test_client())
    reopened.raw.set_cookie(FALC_COOKIE, kept.value, domain=HOST)
    page = reopened.get("/lieux")
    assert falc_state(page)
    assert easy_texts(page)

    # Turned off, the cookie goes.
    response = reopened.post("/facile-a-lire", {"falc": "off"})
    assert set_cookie(response, FALC_COOKIE)[0] == "falc="
    assert "max-age=0" in set_cookie(response, FALC_COOKIE)
    assert reopened.raw.get_cookie(FALC_COOKIE, domain=HOST) is None
    assert not falc_state(reopened.get("/lieux"))


def test_the_privacy_page_lists_the_cookie(client):
    cookies = client.get("/donnees-personnelles").get_data(as_text=True).split('id="privacy-cookies"')[1]
    assert "deux cookies" in cookies and "« falc »" in cookies and "pendant un an" in cookies


def test_only_the_cookie_turns_it_on(client):
    client.raw.set_cookie(FALC_COOKIE, "oui", domain=HOST)
    assert not falc_state(client.get("/"))


# --- the demo's stored texts -------------------------------------------------------------------

def test_every_easy_to_read_text_of_the_demo_has_short_sentences_and_no_abbreviation(app, outbox):
    demo.load_demo()
    texts = db.session.scalars(sa.select(TranslatedText).where(TranslatedText.register == FALC)).all()
    assert texts
    found = [(text.key, text.locale, hint) for text in texts
             for hint in easy_read.check(text.body, text.locale) if hint.kind in NOT_CHECKED]
    assert found == []
    assert outbox() == []
