"""Secret links: each opens only its own door (an invitation is no reset link, a buddy's personal
link opens nothing but their own pages), each ends, and none is kept in the clear or compared in
a way whose timing would help guess it.

The expiry of invitations and reset links is tested in test_auth (test_an_expired_invitation_is_refused,
test_the_reset_link_expires); the questionnaire's opening window in test_questionnaire."""
from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta

from portal import clock
from portal.binomes import retention
from portal.binomes.models import PAUSED, TO_CONFIRM
from portal.indicators import questionnaire
from portal.sessions import public
from tests.world import build, snapshot

# Each kind of link: where the world keeps one, and the pages it opens (every other page taking
# a token must answer 404 to it).
KINDS = {
    "invitation": (("forms", "auth.accept_invitation"), {"auth.accept_invitation"}),
    "password reset": (("forms", "auth.reset_password"), {"auth.reset_password"}),
    "place at a session": (("pages", "sessions.my_place"), {"sessions.my_place"}),
    "buddy's personal link": (("pages", "binomes.mine"), {"binomes.mine", "binomes.mine_data", "binomes.mine_leave"}),
    "room feed": (("pages", "rooms.room_feed"), {"rooms.room_feed"}),
    "association feed": (("pages", "rooms.association_feed"), {"rooms.association_feed"}),
    "volunteer's planning feed": (("pages", "volunteers.feed"), {"volunteers.feed"}),
}
# Shown again on their pages (to subscribe a calendar), so kept as they are; they only read dates.
FEEDS = {"room feed", "association feed", "volunteer's planning feed"}


@pytest.fixture
def links(app):
    world = build(app)

    def token_of(kind):
        (where, endpoint), _opens = KINDS[kind]
        values = world.pages[endpoint] if where == "pages" else world.forms[endpoint][0]
        return values["token"]

    return {kind: token_of(kind) for kind in KINDS}


def token_pages(app):
    return sorted(rule.endpoint for rule in app.url_map.iter_rules()
                  if "GET" in rule.methods and rule.arguments == {"token"})


def test_each_link_opens_its_own_pages_and_no_other(app, client, links):
    pages = token_pages(app)
    assert set().union(*(opens for _where, opens in KINDS.values())) == set(pages), "a new page taking a token"
    wrong = []
    for kind, token in links.items():
        for endpoint in pages:
            expected = 200 if endpoint in KINDS[kind][1] else 404
            status = client.get(app.url_for(endpoint, token=token, _external=False)).status_code
            if status != expected:
                wrong.append(f"{kind} at {endpoint}: {status}, not {expected}")
    assert wrong == []


def test_no_personal_link_is_kept_in_the_clear(app, links):
    # Only their digests are stored: a copy of the database opens nobody's account or data.
    everything = str(snapshot())
    kept = [kind for kind, token in links.items() if kind not in FEEDS and token in everything]
    assert kept == []
    assert links["room feed"] in everything  # the check would see a token stored as it is


def test_a_place_link_ends_a_month_after_the_date(app, client, links):
    token = links["place at a session"]
    url = app.url_for("sessions.my_place", token=token, _external=False)
    ended = public.by_token(token).occurrence.ends_at
    public.forget_past_sign_ups(now=ended + public.SIGN_UPS_KEPT - timedelta(hours=1))
    assert client.get(url).status_code == 200
    public.forget_past_sign_ups(now=ended + public.SIGN_UPS_KEPT + timedelta(hours=1))
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("status, silent_for", [
    (PAUSED, lambda app: relativedelta(months=app.config["BINOME_RETENTION_MONTHS"])),
    (TO_CONFIRM, lambda app: timedelta(days=retention.UNCONFIRMED_DAYS)),
])
def test_a_buddy_link_ends_when_the_person_is_erased(app, client, make_buddy, status, silent_for):
    # A person waiting for a buddy keeps their link: it ends when they leave, when a mediator
    # gives a new one (test_binomes_queue), or, as here, when the retention period erases them.
    now = clock.now()
    _person, token = make_buddy(status=status, consents=status != TO_CONFIRM, inactive_since=now, signed_up_at=now)
    url = app.url_for("binomes.mine", token=token, _external=False)
    period = silent_for(app)
    retention.purge(now=now + period - timedelta(days=1))
    assert client.get(url).status_code == 200
    retention.purge(now=now + period + timedelta(days=1))
    assert client.get(url).status_code == 404


def test_the_questionnaire_code_is_compared_in_constant_time(app, client, monkeypatch):
    # Its code is an HMAC of the date, recomputed and compared with hmac.compare_digest: a
    # comparison that stops at the first wrong character would tell, by its timing, how much
    # of a guess is right.
    compared = []
    real = questionnaire.hmac.compare_digest
    monkeypatch.setattr(questionnaire.hmac, "compare_digest", lambda a, b: compared.append(a) or real(a, b))
    wrong = "A" * questionnaire.CODE_LENGTH
    assert client.get(app.url_for("indicators.questionnaire", occurrence_id=1, code=wrong,
                                  _external=False)).status_code == 404
    assert wrong.encode() in compared
