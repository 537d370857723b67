"""Session teams: invitations and answers, gaps, "Mon planning", its feed, changes told."""
from datetime import timedelta

import pytest
import sqlalchemy as sa
from icalendar import Calendar

from portal import clock
from portal.database import db
from portal.errors import Refused
from portal.rooms import feeds
from portal.rooms import operations as rooms
from portal.sessions import texts
from portal.volunteers import operations
from portal.volunteers.models import ACCEPTED, CANCELLED, DECLINED, MOVED, PlanningFeed, TeamMember, TeamNotice
from tests import factories


@pytest.fixture
def cafe(app, make_association, make_format, make_session, make_booking, make_user):
    """A weekly café of an association (three approved dates from next week), one of its
    members, and two of its volunteers."""
    association = make_association(name="Lien et Voisinage")
    fmt = make_format(roles=("accueil", "animation"), slug="cafe-echanges")
    session = make_session(association=association, fmt=fmt, title="Café du mardi")
    booking = make_booking(association=association, status="approved", frequency="weekly", count=3,
                           session_id=session.id)
    member = make_user(roles=("association",), associations=[association], name="Awa Diallo")
    marie = make_user(roles=("volunteer",), associations=[association], name="Marie Martin")
    paul = make_user(roles=("volunteer",), associations=[association], name="Paul Durand")
    return session, booking.occurrences, member, marie, paul


def sign_in(client, user):
    client.post("/deconnexion")
    client.login(user)


def team_url(session):
    return f"/seances/{session.id}/equipe"


def test_a_member_invites_a_volunteer_and_the_volunteer_is_told(client, cafe, outbox):
    session, _dates, member, marie, _paul = cafe
    sign_in(client, member)
    response = client.post(team_url(session), {"user_id": marie.id, "role": "referent", "occurrence_id": 0})
    assert response.status_code == 302
    invited = db.session.query(TeamMember).one()
    assert (invited.user_id, invited.role, invited.occurrence_id, invited.status) == (marie.id, "referent", None, "invited")
    [(to, subject, body)] = outbox()
    assert to == marie.email and "Café du mardi" in subject and "/mon-planning" in body
    page = client.get(team_url(session)).get_data(as_text=True)
    assert "Marie Martin" in page and "Invitation en attente" in page


def test_the_same_invitation_twice_is_refused_next_to_the_field(client, cafe):
    session, _dates, member, marie, _paul = cafe
    sign_in(client, member)
    client.post(team_url(session), {"user_id": marie.id, "role": "accueil", "occurrence_id": 0})
    response = client.post(team_url(session), {"user_id": marie.id, "role": "accueil", "occurrence_id": 0},
                           htmx=True)
    assert response.status_code == 422
    assert "déjà invitée à ce rôle" in response.get_data(as_text=True)
    assert db.session.query(TeamMember).count() == 1


def test_a_single_date_and_another_role_can_be_added(cafe):
    session, dates, member, marie, _paul = cafe
    operations.invite(member, session, marie, "accueil")
    operations.invite(member, session, marie, "accueil", dates[1])
    operations.invite(member, session, marie, "animation")
    assert db.session.query(TeamMember).count() == 3


def test_only_the_association_s_volunteers_can_be_invited(cafe, make_user, make_session):
    session, _dates, member, _marie, _paul = cafe
    outsider = make_user(roles=("volunteer",), name="Hors Association")
    not_volunteer = make_user(roles=("association",), associations=[session.association])
    for user in (outsider, not_volunteer):
        with pytest.raises(Refused):
            operations.invite(member, session, user, "accueil")
    with pytest.raises(Refused):
        operations.invite(member, session, _marie, "chef")
    other = make_session()
    other_date = factories.make_booking(association=other.association, session_id=other.id).occurrences[0]
    with pytest.raises(Refused):
        operations.invite(member, session, _marie, "accueil", other_date)


def test_strangers_get_404_and_staff_only_read(client, cafe, make_user, make_association):
    session, _dates, _member, marie, _paul = cafe
    stranger = make_user(roles=("association",), associations=[make_association()])
    sign_in(client, stranger)
    assert client.get(team_url(session)).status_code == 404
    assert client.post(team_url(session), {"user_id": marie.id, "role": "accueil",
                                           "occurrence_id": 0}).status_code == 404
    staff = make_user(roles=("staff",))
    sign_in(client, staff)
    page = client.get(team_url(session))
    assert page.status_code == 200 and "Inviter" not in page.get_data(as_text=True)
    assert client.post(team_url(session), {"user_id": marie.id, "role": "accueil",
                                           "occurrence_id": 0}).status_code == 403
    assert db.session.query(TeamMember).count() == 0


def test_gaps_list_missing_roles_and_always_a_referent(client, cafe):
    session, dates, member, marie, paul = cafe
    operations.answer(marie, operations.invite(member, session, marie, "accueil"), accept=True)
    operations.answer(paul, operations.invite(member, session, paul, "animation"), accept=True)
    referent = operations.invite(member, session, paul, "referent", dates[0])
    assert [g.missing for g in operations.gaps(session)] == [["referent"]] * 3
    operations.answer(paul, referent, accept=True)
    assert [g.occurrence for g in operations.gaps(session)] == dates[1:]
    sign_in(client, member)
    page = client.get(team_url(session)).get_data(as_text=True)
    assert "pas de référent" in page
    assert clock.local(dates[1].starts_at).strftime("%Y") in page


def test_the_volunteer_accepts_inline_and_someone_else_cannot(client, cafe, make_user):
    session, dates, member, marie, paul = cafe
    invitation = operations.invite(member, session, marie, "referent")
    sign_in(client, paul)
    url = f"/mon-planning/invitations/{invitation.id}"
    assert client.post(url, {"decision": "accept"}).status_code == 404
    sign_in(client, marie)
    page = client.get("/mon-planning").get_data(as_text=True)
    assert "Personne référente" in page and "Accepter" in page
    fragment = client.post(url, {"decision": "accept"}, htmx=True)
    assert fragment.status_code == 200
    text = fragment.get_data(as_text=True)
    assert "<html" not in text and "Accepté" in text and "Décliner" in text
    assert invitation.status == ACCEPTED and invitation.answered_at is not None
    assert client.post(url, {"decision": "decline"}).status_code == 302
    assert invitation.status == DECLINED
    assert client.post(url, {"decision": "peut-être"}).status_code == 302
    assert invitation.status == DECLINED


def test_mon_planning_shows_what_a_volunteer_needs(client, cafe):
    session, dates, member, marie, paul = cafe
    operations.answer(marie, operations.invite(member, session, marie, "referent"), accept=True)
    operations.answer(paul, operations.invite(member, session, paul, "accueil", dates[1]), accept=True)
    operations.invite(member, session, paul, "animation", dates[2])  # not accepted: not a mate
    sign_in(client, marie)
    page = client.get("/mon-planning").get_data(as_text=True)
    room = dates[0].booking.room
    assert page.count('class="card planned-date"') == 3
    assert room.place.address in page and "plain-pied" in page
    assert "Personne référente" in page
    assert page.count("Paul") == 1  # his first name, on the one date he serves
    assert "Durand" not in page
    assert "/formats/cafe-echanges/kit/charte.pdf" in page
    assert "Liste à cocher" in page
    assert clock.local(dates[0].starts_at).strftime("%H:%M") in page.replace(" h ", ":")


def test_dates_not_yet_approved_or_past_are_not_in_mon_planning(client, cafe, make_booking):
    session, dates, member, marie, _paul = cafe
    operations.answer(marie, operations.invite(member, session, marie, "accueil"), accept=True)
    make_booking(association=session.association, status="pending", session_id=session.id,
                 day=clock.today() + timedelta(days=30))
    make_booking(association=session.association, status="approved", session_id=session.id,
                 day=clock.today() - timedelta(days=3))
    assert [d.occurrence for d in operations.planning(marie)] == dates


def test_the_feed_is_valid_icalendar_and_a_new_address_cuts_the_old(client, cafe):
    session, dates, member, marie, _paul = cafe
    operations.answer(marie, operations.invite(member, session, marie, "accueil"), accept=True)
    sign_in(client, marie)
    client.get("/mon-planning")
    old = operations.feed_token(marie)
    response = client.get(f"/flux/planning/{old}.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    events = Calendar.from_ical(response.data).walk("VEVENT")
    assert len(events) == 3
    assert client.post("/mon-planning/flux").status_code == 302
    new = operations.feed_token(marie)
    assert new != old
    assert client.get(f"/flux/planning/{old}.ics").status_code == 404
    assert client.get(f"/flux/planning/{new}.ics").status_code == 200


def test_two_first_visits_at_once_share_one_feed(app, make_user, monkeypatch):
    # Found by bench/load.py: two "Mon planning" pages opened together both made the feed, and
    # the second one's insert failed (500).
    marie = make_user(roles=("volunteer",), name="Marie Martin")
    made_by_the_other_visit = feeds.new_token()
    real_new_token = feeds.new_token

    def other_visit_commits_first():
        with db.engine.begin() as other:
            other.execute(sa.insert(PlanningFeed.__table__).values(
                user_id=marie.id, token=made_by_the_other_visit, created_at=clock.now()))
        return real_new_token()

    monkeypatch.setattr(feeds, "new_token", other_visit_commits_first)
    assert operations.feed_token(marie) == made_by_the_other_visit
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PlanningFeed)) == 1


def test_a_cancelled_or_moved_date_is_told_by_mail_and_on_mon_planning(client, cafe, make_user, outbox):
    session, dates, member, marie, paul = cafe
    operations.answer(marie, operations.invite(member, session, marie, "accueil"), accept=True)
    operations.invite(member, session, paul, "animation")  # never answered: not told
    staff = make_user(roles=("staff",))
    rooms.cancel(staff, dates[1])  # the rooms say so themselves: the team is told at once
    operations.tell_team([dates[2]], MOVED)
    mails = outbox()[-2:]
    assert [to for to, _s, _b in mails] == [marie.email, marie.email]
    assert "annulée" in mails[0][1] and "déplacée" in mails[1][1]
    sign_in(client, marie)
    page = client.get("/mon-planning").get_data(as_text=True)
    assert "est annulée" in page and "a été déplacée" in page
    notice = db.session.query(TeamNotice).filter_by(change=CANCELLED).one()
    assert client.post(f"/mon-planning/messages/{notice.id}/masquer", htmx=True).status_code == 200
    page = client.get("/mon-planning").get_data(as_text=True)
    assert "est annulée" not in page and "a été déplacée" in page
    sign_in(client, paul)
    assert client.post(f"/mon-planning/messages/{notice.id}/masquer").status_code == 404


def test_the_team_ticks_the_checklist_and_readiness_follows(client, cafe, make_user):
    session, dates, member, marie, paul = cafe
    operations.answer(marie, operations.invite(member, session, marie, "referent"), accept=True)
    date = dates[0]
    assert not operations.readiness(date).ready
    sign_in(client, marie)
    url = f"/dates/{date.id}/liste"
    for item in ("rules_posted", "charter_printed", "resources_printed"):
        response = client.post(url, {"item": item, "done": "1"}, htmx=True)
        assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "fait par Marie" in text and "Décocher" in text
    assert operations.readiness(date).ready
    client.post(url, {"item": "rules_posted", "done": "0"})
    assert not operations.readiness(date).rules_posted
    assert client.post(url, {"item": "inconnu", "done": "1"}).status_code == 400
    sign_in(client, paul)  # not in this date's team
    assert client.post(url, {"item": "rules_posted", "done": "1"}).status_code == 404
    sign_in(client, member)
    page = client.get(team_url(session)).get_data(as_text=True)
    assert "Référent confirmé : oui" in page and "Règles affichées : non" in page
    # The association ticks too, from its team page.
    assert client.post(url, {"item": "rules_posted", "done": "1", "next": team_url(session)}).location == team_url(session)
    assert operations.readiness(date).rules_posted


def test_an_htmx_invitation_answers_with_the_team_fragment(client, cafe):
    session, _dates, member, marie, _paul = cafe
    sign_in(client, member)
    response = client.post(team_url(session), {"user_id": marie.id, "role": "accueil", "occurrence_id": 0},
                           htmx=True)
    assert response.status_code == 200
    fragment = response.get_data(as_text=True)
    assert "<html" not in fragment and "Marie Martin" in fragment and "Invitation en attente" in fragment


def test_the_demo_team_loads_twice_without_change(cafe, make_user):
    from portal.volunteers import demo
    from portal.volunteers.models import ChecklistTick

    session, dates, _member, _marie, _paul = cafe
    make_user(roles=("volunteer",), associations=[session.association], email=demo.VOLUNTEER)
    for _ in range(2):
        demo.load()
        db.session.commit()
    members = db.session.query(TeamMember).order_by(TeamMember.role).all()
    assert [(m.role, m.status, m.occurrence_id) for m in members] == [
        ("accueil", "invited", dates[0].id), ("referent", "accepted", None)]
    assert db.session.query(ChecklistTick).count() == 3


# --- long series: the next dates first, every date on demand ----------------------------------------

@pytest.fixture
def long_series(cafe, make_booking):
    """The café's three dates and three more a month later: six coming dates, none with a referent."""
    session, dates, member, marie, paul = cafe
    later = make_booking(association=session.association, status="approved", frequency="weekly", count=3,
                         session_id=session.id, day=clock.today() + timedelta(days=35)).occurrences
    return session, [*dates, *later], member, marie, paul


def test_mon_planning_shows_the_next_dates_and_every_date_on_demand(client, long_series):
    session, dates, member, marie, _paul = long_series
    operations.answer(marie, operations.invite(member, session, marie, "accueil"), accept=True)
    sign_in(client, marie)
    page = client.get("/mon-planning").get_data(as_text=True)
    shown = [d for d in dates if f'id="date-{d.id}"' in page]
    assert shown == dates[:operations.SHOWN_DATES] == dates[:4]
    assert 'href="/mon-planning?toutes=1#dates-title"' in page and "Voir toutes les dates (6)" in page
    page = client.get("/mon-planning?toutes=1").get_data(as_text=True)
    assert all(f'id="date-{d.id}"' in page for d in dates)
    assert "Voir toutes les dates" not in page
    # Ticking a later date without JavaScript comes back to every date.
    assert 'name="next" value="/mon-planning?toutes=1"' in page


def test_the_team_page_shows_the_next_dates_and_gaps_and_every_date_on_demand(app, client, long_series):
    session, dates, member, _marie, _paul = long_series
    sign_in(client, member)
    with app.test_request_context():
        from portal.i18n import local_datetime
        gap_lines = [f"Le {local_datetime(d.starts_at)} :" for d in dates]
    page = client.get(team_url(session)).get_data(as_text=True)
    assert [line in page for line in gap_lines] == [True] * 4 + [False] * 2
    assert [f"/dates/{d.id}/liste" in page for d in dates] == [True] * 4 + [False] * 2
    assert page.count('aria-label="Préparation"') == 4
    assert "Voir toutes les dates à compléter (6)" in page and "Voir toutes les dates (6)" in page
    assert f'href="{team_url(session)}?toutes=1#readiness-title"' in page
    # The invitation still offers every date.
    assert all(f'<option value="{d.id}"' in page for d in dates)
    page = client.get(f"{team_url(session)}?toutes=1").get_data(as_text=True)
    assert all(line in page for line in gap_lines)
    assert page.count('aria-label="Préparation"') == 6
    assert "Voir toutes les dates" not in page


def test_an_invitation_sent_while_every_date_is_shown_keeps_them_shown(client, long_series):
    session, dates, member, marie, _paul = long_series
    sign_in(client, member)
    url = f"{team_url(session)}?toutes=1"
    assert f'action="{url}"' in client.get(url).get_data(as_text=True)
    fragment = client.post(url, {"user_id": marie.id, "role": "accueil", "occurrence_id": 0}, htmx=True)
    assert fragment.get_data(as_text=True).count('aria-label="Préparation"') == 6
    response = client.post(url, {"user_id": marie.id, "role": "animation", "occurrence_id": 0})
    assert response.location == url


def test_after_a_date_its_team_finds_the_counts_and_follow_ups_for_two_weeks(client, cafe, make_booking):
    session, _dates, member, marie, _paul = cafe
    last_week = make_booking(association=session.association, status="approved", session_id=session.id,
                             day=clock.today() - timedelta(days=6)).occurrences[0]
    long_ago = make_booking(association=session.association, status="approved", session_id=session.id,
                            day=clock.today() - timedelta(days=20)).occurrences[0]
    operations.answer(marie, operations.invite(member, session, marie, "accueil"), accept=True)
    sign_in(client, marie)
    page = client.get("/mon-planning").get_data(as_text=True)
    assert f"/dates/{last_week.id}/bilan" in page and f"/dates/{last_week.id}/suivis" in page
    assert f"/dates/{long_ago.id}/bilan" not in page
    sign_in(client, member)
    page = client.get(team_url(session)).get_data(as_text=True)
    assert f"/dates/{last_week.id}/bilan" in page and f"/dates/{long_ago.id}/bilan" not in page


def test_mon_planning_and_the_team_page_give_the_title_in_the_reader_s_language(client, cafe):
    session, dates, member, marie, _paul = cafe
    other = factories.make_session(association=session.association, title="Lecture partagée")
    factories.make_booking(association=session.association, status="approved", session_id=other.id)
    texts.save_translations(None, session, {("title", "ar"): "مقهى يوم الثلاثاء"})
    operations.answer(marie, operations.invite(member, session, marie, "referent"), accept=True)
    operations.answer(marie, operations.invite(member, other, marie, "accueil"), accept=True)
    sign_in(client, marie)
    client.post("/langue", {"locale": "ar"})
    statements = []

    def record(_connection, _cursor, statement, *_args):
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        page = client.get("/mon-planning").get_data(as_text=True)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)
    # Every title of the page in one look-up, whatever the number of dates and invitations.
    assert sum("FROM translated_texts" in statement for statement in statements) == 1
    assert page.count("<span>مقهى يوم الثلاثاء</span>") == 4  # its invitation and its three dates
    assert "Café du mardi" not in page
    assert page.count('<span lang="fr" dir="ltr">Lecture partagée</span>') == 2  # no Arabic: the French, marked
    invitation = db.session.query(TeamMember).filter_by(session_id=session.id).one()
    fragment = client.post(f"/mon-planning/invitations/{invitation.id}", {"decision": "decline"}, htmx=True)
    assert "<span>مقهى يوم الثلاثاء</span>" in fragment.get_data(as_text=True)

    sign_in(client, member)
    client.post("/langue", {"locale": "ar"})
    page = client.get(team_url(session)).get_data(as_text=True)
    assert "<span>مقهى يوم الثلاثاء</span>" in page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert "<title>" in page and "مقهى يوم الثلاثاء" in page.split("<title>", 1)[1].split("</title>", 1)[0]
    client.post("/langue", {"locale": "es"})
    page = client.get(team_url(session)).get_data(as_text=True)
    assert '<span lang="fr">Café du mardi</span>' in page.split("<h1>", 1)[1].split("</h1>", 1)[0]
