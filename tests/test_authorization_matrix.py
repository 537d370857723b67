"""Who may do what, route by route: every route of the portal (with or without parameters,
each method it takes) against every kind of person, on one shared world (tests/world.py).

The table below states the answer for each (endpoint, method, person); a route missing from it
fails the first test, so a new route cannot escape. Objects of an association are out of reach
of the members of another one through a guessed address (403 or 404), and a refused form writes
nothing. Each request runs in a savepoint that is rolled back afterwards, so the world is built
once for the whole module and every case starts from it.
"""
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from html import unescape

import pytest
import sqlalchemy as sa

from portal.database import db
from tests.conftest import Client, build_app
from tests.world import build, snapshot

WHO = ("anonymous", "volunteer", "other", "member", "mediator", "staff", "admin")
# volunteer: a volunteer of the association, in the team of its sessions; member: a member of
# the association (the association role); other: a member of another association.

OK, DENIED, HIDDEN = 200, 403, 404
LOGIN = "login"  # sent to the login page, and back here afterwards
HOME = "home"  # already signed in: sent to the home page
REDIRECT = "redirect"  # elsewhere in the portal, not to the login page
DONE = "done"  # a form from someone allowed: accepted or answered, never refused nor an error
REFUSED = "refused"  # the form names what is not theirs: a 4xx, and nothing written


def answers(signed_in=DENIED, anonymous=LOGIN, **people):
    """What each person gets: ``signed_in`` for everyone with an account unless named."""
    return {"anonymous": anonymous, **dict.fromkeys(WHO[1:], signed_in), **people}


EVERYONE_OK, EVERYONE_DONE = answers(OK, OK), answers(DONE, DONE)
SIGNED_IN_OK, SIGNED_IN_DONE = answers(OK), answers(DONE)
MANAGERS_OK, MANAGERS_DONE = answers(staff=OK, admin=OK), answers(staff=DONE, admin=DONE)
MEDIATOR_OK, MEDIATOR_DONE = answers(mediator=OK), answers(mediator=DONE)
VOLUNTEER_OK, VOLUNTEER_DONE = answers(volunteer=OK), answers(volunteer=DONE)
# The association's own things: its members and staff read them; another association's members
# do not learn that they exist.
ITS_OWN_AND_MANAGERS_OK = answers(member=OK, other=HIDDEN, staff=OK, admin=OK)
ITS_MEMBERS_OK, ITS_MEMBERS_DONE = answers(member=OK, other=HIDDEN), answers(member=DONE, other=HIDDEN)
# A date's team: its volunteers and the association's members.
ITS_TEAM_OK, ITS_TEAM_DONE = (answers(volunteer=OK, member=OK, other=HIDDEN),
                              answers(volunteer=DONE, member=DONE, other=HIDDEN))
# Members of any association, each for their own association, and staff for all.
MEMBERS_AND_MANAGERS_OK = answers(other=OK, member=OK, staff=OK, admin=OK)

EXPECTED = {
    ("accessibility.statement", "GET"): EVERYONE_OK,
    ("associations.archive", "POST"): MANAGERS_DONE,
    ("associations.create", "GET"): MANAGERS_OK,
    ("associations.create", "POST"): MANAGERS_DONE,
    ("associations.edit", "GET"): MANAGERS_OK,
    ("associations.edit", "POST"): MANAGERS_DONE,
    ("associations.index", "GET"): MANAGERS_OK,
    ("associations.mine", "GET"): SIGNED_IN_OK,
    # Any member sees their association's page (a volunteer member too); nobody else but staff.
    ("associations.show", "GET"): answers(volunteer=OK, member=OK, staff=OK, admin=OK),
    ("auth.accept_invitation", "GET"): EVERYONE_OK,
    ("auth.accept_invitation", "POST"): EVERYONE_DONE,
    ("auth.account", "GET"): SIGNED_IN_OK,
    ("auth.account", "POST"): SIGNED_IN_DONE,
    ("auth.change_password", "POST"): SIGNED_IN_DONE,
    ("auth.delete_person", "POST"): MANAGERS_DONE,
    ("auth.export_account", "GET"): SIGNED_IN_OK,
    ("auth.forgotten_password", "GET"): EVERYONE_OK,
    ("auth.forgotten_password", "POST"): EVERYONE_DONE,
    ("auth.invite_person", "GET"): MANAGERS_OK,
    ("auth.invite_person", "POST"): MANAGERS_DONE,
    ("auth.login", "GET"): answers(HOME, OK),
    ("auth.login", "POST"): answers(HOME, DONE),
    ("auth.logout", "POST"): SIGNED_IN_DONE,
    ("auth.people", "GET"): MANAGERS_OK,
    ("auth.person", "GET"): MANAGERS_OK,
    ("auth.resend_invitation", "POST"): MANAGERS_DONE,
    ("auth.reset_password", "GET"): EVERYONE_OK,
    ("auth.reset_password", "POST"): EVERYONE_DONE,
    ("auth.update_person", "POST"): MANAGERS_DONE,
    ("binomes.charter", "GET"): MANAGERS_OK,
    ("binomes.charter", "POST"): MANAGERS_DONE,
    ("binomes.charter_version", "GET"): MANAGERS_OK,
    ("binomes.confirm_by_phone", "POST"): MEDIATOR_DONE,
    ("binomes.delete_neighbourhood", "POST"): MANAGERS_DONE,
    ("binomes.edit_neighbourhood", "GET"): MANAGERS_OK,
    ("binomes.edit_neighbourhood", "POST"): MANAGERS_DONE,
    ("binomes.follow_up", "POST"): MEDIATOR_DONE,
    ("binomes.home", "GET"): EVERYONE_OK,
    ("binomes.left", "GET"): EVERYONE_OK,
    # A buddy's personal link is the key to their page, whoever holds it.
    ("binomes.mine", "GET"): EVERYONE_OK,
    ("binomes.mine_answer", "POST"): EVERYONE_DONE,
    ("binomes.mine_availability", "POST"): EVERYONE_DONE,
    ("binomes.mine_confirm", "POST"): EVERYONE_DONE,
    ("binomes.mine_data", "GET"): EVERYONE_OK,
    ("binomes.mine_end_pair", "POST"): EVERYONE_DONE,
    ("binomes.mine_leave", "GET"): EVERYONE_OK,
    ("binomes.mine_leave", "POST"): EVERYONE_DONE,
    ("binomes.mine_pause", "POST"): EVERYONE_DONE,
    ("binomes.mine_resume", "POST"): EVERYONE_DONE,
    ("binomes.neighbourhoods", "GET"): MANAGERS_OK,
    ("binomes.neighbourhoods", "POST"): MANAGERS_DONE,
    ("binomes.new_link", "POST"): MEDIATOR_DONE,
    # The queue's personal data: mediators only, not even staff.
    ("binomes.pair", "GET"): MEDIATOR_OK,
    ("binomes.person", "GET"): MEDIATOR_OK,
    ("binomes.propose", "POST"): MEDIATOR_DONE,
    ("binomes.queue", "GET"): MEDIATOR_OK,
    ("binomes.sign_up", "GET"): EVERYONE_OK,
    ("binomes.sign_up", "POST"): EVERYONE_DONE,
    ("binomes.sign_up_for_someone", "GET"): answers(volunteer=OK, mediator=OK),
    ("binomes.sign_up_for_someone", "POST"): answers(volunteer=DONE, mediator=DONE),
    ("binomes.stop_pair", "POST"): MEDIATOR_DONE,
    ("content.easy_read", "POST"): MANAGERS_DONE,
    ("core.emergency", "GET"): EVERYONE_OK,
    ("core.emergency_poster", "GET"): EVERYONE_OK,
    ("core.healthz", "GET"): EVERYONE_OK,
    ("core.home", "GET"): EVERYONE_OK,
    ("core.set_language", "POST"): EVERYONE_DONE,
    ("core.toggle_easy_read", "POST"): EVERYONE_DONE,
    ("formats.archive", "POST"): MANAGERS_DONE,
    ("formats.edit", "GET"): MANAGERS_OK,
    ("formats.edit", "POST"): MANAGERS_DONE,
    ("formats.index", "GET"): EVERYONE_OK,
    ("formats.manage", "GET"): MANAGERS_OK,
    ("formats.new", "GET"): MANAGERS_OK,
    ("formats.new", "POST"): MANAGERS_DONE,
    ("formats.show", "GET"): EVERYONE_OK,
    ("formats.unarchive", "POST"): MANAGERS_DONE,
    ("indicators.answers", "GET"): MANAGERS_OK,
    # The questionnaire's card of a date: its team, its association, staff.
    ("indicators.card", "GET"): answers(volunteer=OK, member=OK, other=HIDDEN, staff=OK, admin=OK),
    # Each member sees their own association's figures (see the dashboard test below).
    ("indicators.dashboard", "GET"): MEMBERS_AND_MANAGERS_OK,
    ("indicators.export_csv", "GET"): MEMBERS_AND_MANAGERS_OK,
    # The contacts left after a date: its team only, not even staff.
    ("indicators.follow_ups", "GET"): ITS_TEAM_OK,
    ("indicators.hide_answer", "POST"): MANAGERS_DONE,
    ("indicators.leave_contact", "POST"): EVERYONE_DONE,
    ("indicators.note_follow_up", "POST"): ITS_TEAM_DONE,
    # Staff read a date's count, its team records it.
    ("indicators.occurrence_count", "GET"): answers(volunteer=OK, member=OK, other=HIDDEN, staff=OK, admin=OK),
    ("indicators.privacy", "GET"): EVERYONE_OK,
    ("indicators.quarter_summary", "GET"): MEMBERS_AND_MANAGERS_OK,
    ("indicators.questionnaire", "GET"): EVERYONE_OK,
    ("indicators.questionnaire", "POST"): EVERYONE_DONE,
    ("indicators.record_count", "POST"): ITS_TEAM_DONE,
    ("kit.format_choice", "GET"): answers(REDIRECT, REDIRECT),  # off to the document chosen
    ("kit.format_document", "GET"): EVERYONE_OK,
    ("resources.archive_help_number", "POST"): MANAGERS_DONE,
    ("resources.archive_resource", "POST"): MANAGERS_DONE,
    ("resources.edit_help_number", "GET"): MANAGERS_OK,
    ("resources.edit_help_number", "POST"): MANAGERS_DONE,
    ("resources.edit_resource", "GET"): MANAGERS_OK,
    ("resources.edit_resource", "POST"): MANAGERS_DONE,
    ("resources.index", "GET"): EVERYONE_OK,
    ("resources.manage", "GET"): MANAGERS_OK,
    ("resources.mark_reviewed", "POST"): MANAGERS_DONE,
    ("resources.new_help_number", "GET"): MANAGERS_OK,
    ("resources.new_help_number", "POST"): MANAGERS_DONE,
    ("resources.new_resource", "GET"): MANAGERS_OK,
    ("resources.new_resource", "POST"): MANAGERS_DONE,
    ("resources.show", "GET"): EVERYONE_OK,
    ("resources.unarchive_help_number", "POST"): MANAGERS_DONE,
    ("resources.unarchive_resource", "POST"): MANAGERS_DONE,
    ("rooms.answer_proposal", "POST"): ITS_MEMBERS_DONE,
    ("rooms.archive_place", "POST"): MANAGERS_DONE,
    ("rooms.archive_room", "POST"): MANAGERS_DONE,
    # A calendar feed's address is its key, whoever holds it.
    ("rooms.association_feed", "GET"): EVERYONE_OK,
    ("rooms.booking", "GET"): ITS_OWN_AND_MANAGERS_OK,
    ("rooms.booking_ics", "GET"): ITS_OWN_AND_MANAGERS_OK,
    ("rooms.calendar_view", "GET"): SIGNED_IN_OK,
    ("rooms.cancel_occurrence", "POST"): answers(member=DONE, other=HIDDEN, staff=DONE, admin=DONE),
    ("rooms.closures", "GET"): MANAGERS_OK,
    ("rooms.closures", "POST"): MANAGERS_DONE,
    ("rooms.decide", "POST"): MANAGERS_DONE,
    ("rooms.delete_room", "POST"): MANAGERS_DONE,
    ("rooms.edit_booking", "GET"): ITS_MEMBERS_OK,
    ("rooms.edit_booking", "POST"): ITS_MEMBERS_DONE,
    ("rooms.edit_place", "GET"): MANAGERS_OK,
    ("rooms.edit_place", "POST"): MANAGERS_DONE,
    ("rooms.edit_room", "GET"): MANAGERS_OK,
    ("rooms.edit_room", "POST"): MANAGERS_DONE,
    ("rooms.manage_places", "GET"): MANAGERS_OK,
    ("rooms.my_bookings", "GET"): MEMBERS_AND_MANAGERS_OK,
    # Staff decide on requests, they do not make them.
    ("rooms.new_booking", "GET"): answers(other=OK, member=OK),
    ("rooms.new_booking", "POST"): answers(other=REFUSED, member=DONE),  # for the association of the form
    ("rooms.new_place", "GET"): MANAGERS_OK,
    ("rooms.new_place", "POST"): MANAGERS_DONE,
    ("rooms.new_room", "GET"): MANAGERS_OK,
    ("rooms.new_room", "POST"): MANAGERS_DONE,
    ("rooms.place", "GET"): EVERYONE_OK,
    ("rooms.places", "GET"): EVERYONE_OK,
    ("rooms.propose", "GET"): MANAGERS_OK,
    ("rooms.propose", "POST"): MANAGERS_DONE,
    ("rooms.queue", "GET"): MANAGERS_OK,
    ("rooms.renew_association_feed", "POST"): answers(member=DONE, other=HIDDEN, staff=DONE, admin=DONE),
    ("rooms.renew_room_feed", "POST"): MANAGERS_DONE,
    ("rooms.request_again", "POST"): ITS_MEMBERS_DONE,
    ("rooms.room", "GET"): EVERYONE_OK,
    ("rooms.room_feed", "GET"): EVERYONE_OK,
    ("rooms.room_poster", "GET"): EVERYONE_OK,
    ("rooms.unarchive_place", "POST"): MANAGERS_DONE,
    ("rooms.unarchive_room", "POST"): MANAGERS_DONE,
    ("sessions.cancel_place", "POST"): EVERYONE_DONE,  # the participant's personal link
    ("sessions.directory", "GET"): EVERYONE_OK,
    ("sessions.mine", "GET"): MEMBERS_AND_MANAGERS_OK,
    ("sessions.my_place", "GET"): EVERYONE_OK,
    ("sessions.new", "GET"): answers(other=OK, member=OK),
    ("sessions.new", "POST"): answers(other=REFUSED, member=DONE),  # for the association of the form
    ("sessions.poster", "GET"): EVERYONE_OK,
    ("sessions.public_page", "GET"): EVERYONE_OK,
    ("sessions.publish", "POST"): ITS_MEMBERS_DONE,
    ("sessions.show", "GET"): ITS_OWN_AND_MANAGERS_OK,
    ("sessions.sign_up", "POST"): EVERYONE_DONE,
    # Staff read the planner, only the association's members change it.
    ("sessions.step", "GET"): ITS_OWN_AND_MANAGERS_OK,
    ("sessions.step", "POST"): answers(member=DONE, other=HIDDEN),
    ("sessions.translations", "GET"): ITS_MEMBERS_OK,
    ("sessions.translations", "POST"): ITS_MEMBERS_DONE,
    ("static", "GET"): EVERYONE_OK,
    ("volunteers.answer", "POST"): VOLUNTEER_DONE,  # their own invitation
    ("volunteers.dismiss", "POST"): VOLUNTEER_DONE,  # their own notice
    ("volunteers.feed", "GET"): EVERYONE_OK,
    ("volunteers.invite", "POST"): ITS_MEMBERS_DONE,
    ("volunteers.planning", "GET"): VOLUNTEER_OK,
    ("volunteers.renew_feed", "POST"): VOLUNTEER_DONE,
    ("volunteers.team", "GET"): ITS_OWN_AND_MANAGERS_OK,
    ("volunteers.tick", "POST"): ITS_TEAM_DONE,
    ("volunteers.withdraw", "POST"): ITS_MEMBERS_DONE,
}

# Routes whose address names one of the association's own objects (its page, a booking, a date,
# a session, its team, a team member, its feed): the member of another association guessing the
# address is told 403 or 404, never shown or changing anything.
ITS_OBJECTS = {
    "associations.show", "indicators.card", "indicators.follow_ups", "indicators.note_follow_up",
    "indicators.occurrence_count", "indicators.record_count", "rooms.answer_proposal", "rooms.booking",
    "rooms.booking_ics", "rooms.cancel_occurrence", "rooms.edit_booking", "rooms.renew_association_feed",
    "rooms.request_again", "sessions.publish", "sessions.show", "sessions.step", "sessions.translations",
    "volunteers.invite", "volunteers.team", "volunteers.tick", "volunteers.withdraw",
}


def routes(app):
    """Every (endpoint, method) of the URL map; HEAD and OPTIONS are answered by Flask itself."""
    return sorted({(rule.endpoint, method) for rule in app.url_map.iter_rules()
                   for method in rule.methods - {"HEAD", "OPTIONS"}})


# --- one application and one world for the module, each case rolled back --------------------

def person_of(world, who):
    return {"volunteer": world.volunteer, "other": world.stranger, "member": world.member,
            "mediator": world.mediator, "staff": world.staff, "admin": world.admin}.get(who)


@dataclass
class Matrix:
    app: object
    connection: object
    world: object
    cookies: dict  # person -> their signed-in session cookie
    tokens: dict  # person -> the CSRF token of that session

    @cached_property
    def keyed(self):
        """Endpoints whose address holds a personal key: whoever has the address is its owner."""
        return {rule.endpoint for rule in self.app.url_map.iter_rules() if "token" in rule.arguments}

    def client(self, who):
        """A browser holding ``who``'s session, and nothing from earlier cases."""
        client = Client(self.app.test_client())
        client.raw.set_cookie("session", self.cookies[who], domain="passerelle.test")
        return client

    def url(self, endpoint):
        with self.app.test_request_context():
            return self.app.url_for(endpoint, _external=False, **self.world.values(endpoint))

    @contextmanager
    def undone(self):
        """Whatever the block writes is rolled back (the requests' own commits included)."""
        db.session.rollback()  # the test's session holds no savepoint across cases
        case = self.connection.begin_nested()
        try:
            yield
        finally:
            db.session.rollback()
            case.rollback()


def _savepoints_on_sqlite(engine):
    """pysqlite starts and ends transactions on its own, which breaks SAVEPOINT; SQLAlchemy's
    documented recipe hands them back to SQLAlchemy."""
    if engine.dialect.name != "sqlite":
        return

    @sa.event.listens_for(engine, "connect")
    def driver_leaves_transactions_alone(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @sa.event.listens_for(engine, "begin")
    def begin(connection):
        connection.exec_driver_sql("BEGIN")

    engine.dispose()  # no connection made before the recipe


@pytest.fixture(scope="module")
def matrix(database_url, tmp_path_factory):
    app = build_app(database_url, tmp_path_factory.mktemp("matrix"))
    factory = db.session.session_factory  # shared by every application of the run: put back below
    previous_mode = factory.kw.get("join_transaction_mode")
    with app.app_context():
        engine = db.engine
        _savepoints_on_sqlite(engine)
        connection = engine.connect()
        outer = connection.begin()
        # Every session of this application works in ``outer`` (a commit releases a savepoint),
        # rolled back at the end: the module leaves the database as it found it.
        db.engines[None] = connection
        factory.configure(join_transaction_mode="create_savepoint")
        try:
            world = build(app)
            cookies, tokens = {}, {}
            for who in WHO:
                client = Client(app.test_client())
                user = person_of(world, who)
                if user is not None:
                    client.login(user)
                tokens[who] = client.csrf_token()
                cookies[who] = client.raw.get_cookie("session", domain="passerelle.test").value
            yield Matrix(app, connection, world, cookies, tokens)
        finally:
            db.session.remove()
            if previous_mode is None:
                factory.kw.pop("join_transaction_mode")
            else:
                factory.configure(join_transaction_mode=previous_mode)
            db.engines[None] = engine
            outer.rollback()
            connection.close()
            engine.dispose()


# --- the table covers every route --------------------------------------------------------------

def test_the_table_covers_every_route_and_method(matrix):
    assert routes(matrix.app) == sorted(EXPECTED)
    assert all(sorted(expected) == sorted(WHO) for expected in EXPECTED.values())


def test_the_world_has_an_address_for_every_route_with_parameters(matrix):
    world = matrix.world
    missing = sorted(rule.endpoint for rule in matrix.app.url_map.iter_rules()
                     if rule.arguments and rule.endpoint not in world.pages and rule.endpoint not in world.forms)
    assert missing == []


def test_another_associations_objects_are_out_of_reach_by_their_address():
    # Guards the table itself: relaxing one of these rows is a decision, not a slip.
    assert {endpoint: answer["other"] for (endpoint, _method), answer in EXPECTED.items()
            if endpoint in ITS_OBJECTS and answer["other"] not in (DENIED, HIDDEN)} == {}


# --- each route, each person, each method ----------------------------------------------------

CSRF_REFUSED = "Le formulaire a expiré"
REFUSALS = (LOGIN, HOME, DENIED, HIDDEN, REFUSED)
# People who are neither in the association nor staff: its private texts never reach them (but
# for pages whose address is someone's personal key: a participant's place, a calendar feed).
STRANGERS = ("anonymous", "other", "mediator")


def _check(response, text, expected):
    status, where = response.status_code, response.location or ""
    shown = (status, where, text[:300])
    if expected == LOGIN:
        assert status == 302 and where.startswith("/connexion?next="), shown
    elif expected == HOME:
        assert status == 302 and where == "/", shown
    elif expected == REDIRECT:
        assert status == 302 and not where.startswith("/connexion?next="), shown
    elif expected == DONE:
        assert status < 500 and status not in (DENIED, HIDDEN), shown
        assert not where.startswith("/connexion?next="), shown
        assert CSRF_REFUSED not in unescape(text), "the CSRF token was refused"
    elif expected == REFUSED:
        assert 400 <= status < 500 and status not in (DENIED, HIDDEN), shown
    else:
        assert status == expected, shown


CASES = [(endpoint, method, who) for endpoint, method in sorted(EXPECTED) for who in WHO]


@pytest.mark.parametrize(("endpoint", "method", "who"), CASES, ids=["-".join(case) for case in CASES])
def test_each_route_answers_each_person_as_expected(matrix, endpoint, method, who):
    expected = EXPECTED[(endpoint, method)][who]
    url = matrix.url(endpoint)
    client = matrix.client(who)
    # As a browser does: a form sent after the session ended leads back to its page once signed in.
    from_page = {"Referer": f"http://passerelle.test{url}"}
    with matrix.undone():
        if method == "GET":
            response = client.get(url)
        else:
            form = {**matrix.world.forms[endpoint][1], "csrf_token": matrix.tokens[who]}
            before = snapshot() if expected in REFUSALS else None
            response = client.post(url, form, csrf=False, headers=from_page)  # the token is in the form
            if before is not None:
                assert snapshot() == before, "a refused form wrote to the database"
    text = response.get_data().decode("utf-8", "replace")
    response.close()  # static files are streamed
    _check(response, text, expected)
    if who in STRANGERS and endpoint not in matrix.keyed:
        assert [name for name, private in matrix.world.private.items() if private in text] == []


# --- the dashboard's rows ----------------------------------------------------------------------

def test_the_dashboard_shows_a_member_their_associations_rows_only(matrix):
    world = matrix.world
    ours, theirs = world.association.name, world.other_association.name
    with matrix.undone():
        for who, own, foreign in (("member", ours, theirs), ("other", theirs, ours)):
            client = matrix.client(who)
            page = unescape(client.get("/indicateurs?dimension=association").get_data(as_text=True))
            assert own in page and foreign not in page, who
            rows = client.get("/indicateurs/export.csv?dimension=association").get_data(as_text=True)
            assert own in rows and foreign not in rows, who
        # A guessed association in the filters shows nothing of it.
        guessed = matrix.client("member").get(
            f"/indicateurs?dimension=association&association={world.other_association.id}")
        assert guessed.status_code == 422
        assert theirs not in unescape(guessed.get_data(as_text=True))
        everything = unescape(matrix.client("staff").get("/indicateurs?dimension=association").get_data(as_text=True))
        assert ours in everything and theirs in everything


def test_the_associations_private_texts_are_on_its_own_pages(matrix):
    # Else the check that strangers never see them would prove nothing.
    world = matrix.world
    shown_on = {
        "booking": ("member", "rooms.booking"),
        "draft session": ("member", "sessions.show"),
        "participant": ("anonymous", "sessions.my_place"),  # the participant's own link
        "association feed": ("member", "rooms.my_bookings"),
        "planning feed": ("volunteer", "volunteers.planning"),
    }
    assert sorted(shown_on) == sorted(world.private)
    with matrix.undone():
        for name, (who, endpoint) in shown_on.items():
            page = matrix.client(who).get(matrix.url(endpoint)).get_data(as_text=True)
            assert world.private[name] in page, name
