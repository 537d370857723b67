"""The opt-in follow-up: a contact left after the end questionnaire, with a form of its own and
in a table of its own; ``tick`` tells the date's team once when it is due and forgets it after
FOLLOW_UP_KEEP_WEEKS weeks; the team notes one of four outcomes, which deletes the contact."""
import re
from datetime import time, timedelta

import pytest
import sqlalchemy as sa

from portal import clock
from portal.database import db
from portal.errors import Refused
from portal.indicators import follow_up, questionnaire
from portal.indicators.models import Answer, FollowUpContact, FollowUpOutcome
from portal.rooms.models import Booking, Occurrence
from portal.volunteers import operations as teams
from tests.factories import make_public_session


def date_of(session):
    return db.session.scalar(sa.select(Occurrence).join(Booking).where(Booking.session_id == session.id))


def under_way(occurrence, started=timedelta(minutes=30)):
    occurrence.starts_at = clock.now() - started
    occurrence.ends_at = occurrence.starts_at + timedelta(hours=2)
    db.session.commit()
    return occurrence


@pytest.fixture
def cafe(app, make_association):
    """A date of a published café under way, whose association has an address."""
    association = make_association(email="contact@voisins.example")
    return under_way(date_of(make_public_session(association=association, title="Café des voisins")))


@pytest.fixture
def team(app, cafe, make_user):
    """The association's member, and Marie who accepted to welcome people on every date."""
    session = questionnaire.session_of(cafe)
    member = make_user(roles=("association",), associations=[session.association])
    marie = make_user(roles=("volunteer",), associations=[session.association], email="marie@voisins.example")
    teams.answer(marie, teams.invite(member, session, marie, "accueil"), accept=True)
    return member, marie


def follow_up_mails(outbox):
    return [(to, subject, body) for to, subject, body in outbox() if subject.startswith("Suivi à faire")]


def contacts():
    return db.session.scalars(sa.select(FollowUpContact).order_by(FollowUpContact.id)).all()


def link(app, occurrence, *parts):
    with app.test_request_context():
        return questionnaire.link(occurrence) + "".join(parts)


def the_day(occurrence):
    return clock.local(occurrence.starts_at).date()


def at(day):
    """An instant of ``day`` in the town (noon, away from any midnight)."""
    return clock.at(day, time(12))


# --- leaving a contact ------------------------------------------------------------------------------

def test_the_end_thanks_page_offers_the_follow_up_in_a_form_of_its_own(app, client, cafe):
    page = client.post(link(app, cafe), {"moment": "end", "isolation": "3", "device": "ab" * 16})
    text = page.get_data(as_text=True)
    assert "Voulez-vous qu'on vous rappelle dans 2 à 4 semaines ?" in text
    form = re.search(r'<form method="post" action="[^"]*/rappel".*?</form>', text, re.DOTALL).group(0)
    assert 'name="contact"' in form and "ab" * 16 not in form and 'name="device"' not in form
    start = client.post(link(app, cafe), {"moment": "start", "isolation": "3"}).get_data(as_text=True)
    assert "/rappel" not in start  # offered at the end only


def test_a_contact_is_kept_apart_with_its_dates_and_nothing_of_the_answer(app, client, cafe):
    client.post(link(app, cafe), {"moment": "end", "isolation": "3", "helped": "Le thé"})
    response = client.post(link(app, cafe, "/rappel"), {"contact": " 06 12 34 56 78 "})
    assert response.status_code == 200 and "C'est noté, merci" in response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    [left] = contacts()
    day = the_day(cafe)
    assert (left.occurrence_id, left.contact, left.locale) == (cafe.id, "06 12 34 56 78", "fr")
    assert (left.due_on, left.forget_on, left.reminded_at) == (day + timedelta(days=14), day + timedelta(weeks=6), None)
    [answer] = db.session.scalars(sa.select(Answer)).all()
    assert answer.helped == "Le thé" and answer.device is None  # the contact changed nothing there


@pytest.mark.parametrize("contact", ["", "pas un numéro", "12", "a@b"])
def test_a_contact_that_is_not_a_phone_or_an_email_is_refused_with_a_message(app, client, cafe, contact):
    response = client.post(link(app, cafe, "/rappel"), {"contact": contact})
    assert response.status_code == 422
    assert 'id="contact-error"' in response.get_data(as_text=True)
    assert contacts() == []


def test_no_contact_is_taken_outside_the_questionnaire_window_or_without_the_form_token(app, client, cafe):
    assert client.post(link(app, cafe, "/rappel"), {"contact": "a@exemple.fr"}, csrf=False).status_code == 400
    with pytest.raises(Refused):
        follow_up.leave(cafe, "a@exemple.fr", now=cafe.ends_at + timedelta(days=8))
    under_way(cafe, started=timedelta(days=9))
    assert client.post(link(app, cafe, "/rappel"), {"contact": "a@exemple.fr"}).status_code == 410
    assert contacts() == []


# --- what tick does ----------------------------------------------------------------------------------

def test_the_team_is_told_once_when_the_follow_up_is_due(app, cafe, team, outbox):
    follow_up.leave(cafe, "06 12 34 56 78")
    follow_up.leave(cafe, "voisine@exemple.fr")
    due = the_day(cafe) + timedelta(days=14)
    assert follow_up.remind(now=at(due - timedelta(days=1))) == 0
    with app.test_request_context():
        assert follow_up.remind(now=at(due)) == 2
        assert follow_up.remind(now=at(due)) == 0  # tick runs again: nothing more
    [(to, subject, body)] = follow_up_mails(outbox)
    assert to == "marie@voisins.example" and "Café des voisins" in subject
    assert f"/dates/{cafe.id}/suivis" in body and "2 personnes" in body
    assert "06 12" not in body and "voisine@" not in body  # the message names nobody
    assert all(c.reminded_at is not None for c in contacts())


def test_without_a_team_the_association_is_told(app, cafe, outbox):
    follow_up.leave(cafe, "06 12 34 56 78")
    with app.test_request_context():
        assert follow_up.remind(now=at(the_day(cafe) + timedelta(days=15))) == 1
    assert [to for to, _s, _b in follow_up_mails(outbox)] == ["contact@voisins.example"]


def test_with_nobody_to_tell_the_reminder_waits(app, cafe, outbox):
    questionnaire.session_of(cafe).association.email = None
    db.session.commit()
    follow_up.leave(cafe, "06 12 34 56 78")
    assert follow_up.remind(now=at(the_day(cafe) + timedelta(days=15))) == 0
    assert outbox() == [] and contacts()[0].reminded_at is None


def test_when_the_mail_server_refuses_the_reminder_waits_for_the_next_run(app, cafe, outbox, mail_server_down):
    follow_up.leave(cafe, "06 12 34 56 78")
    due = at(the_day(cafe) + timedelta(days=15))
    with app.test_request_context():
        assert follow_up.remind(now=due) == 0
        assert contacts()[0].reminded_at is None
        app.config["MAIL_SERVER"] = None  # the server is back
        assert follow_up.remind(now=due) == 1
    assert len(follow_up_mails(outbox)) == 1


def test_a_contact_is_forgotten_after_six_weeks_used_or_not(app, cafe):
    follow_up.leave(cafe, "06 12 34 56 78")
    day = the_day(cafe)
    assert follow_up.forget(now=at(day + timedelta(weeks=6, days=-1))) == 0
    assert follow_up.forget(now=at(day + timedelta(weeks=6))) == 1
    assert contacts() == []


def test_tick_says_what_it_did_for_the_follow_ups(app, runner, cafe, team, outbox):
    left = follow_up.leave(cafe, "06 12 34 56 78")
    left.due_on = clock.today()
    stale = follow_up.leave(cafe, "voisin@exemple.fr")
    stale.forget_on = clock.today()
    db.session.commit()
    result = runner.invoke(args=["tick", "--url", "https://passerelle.mairie.example"])
    assert result.exit_code == 0, result.output
    assert "1 suivi(s) après questionnaire signalé(s) aux équipes" in result.output
    assert "1 contact(s) de suivi effacé(s)" in result.output
    [(_to, _subject, body)] = follow_up_mails(outbox)
    assert f"/dates/{cafe.id}/suivis" in body  # (SERVER_NAME, set in tests, wins over --url)


# --- the team notes the outcome ------------------------------------------------------------------

@pytest.fixture
def due_contact(app, cafe):
    left = follow_up.leave(cafe, "06 12 34 56 78")
    left.due_on = clock.today()
    db.session.commit()
    return left


def test_the_team_sees_the_due_contacts_and_only_counts_the_others(app, client, cafe, team, due_contact):
    follow_up.leave(cafe, "plus-tard@exemple.fr")  # due in two weeks
    client.login(team[1])
    page = client.get(f"/dates/{cafe.id}/suivis")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "06 12 34 56 78" in text and 'href="tel:0612345678"' in text
    assert "plus-tard@exemple.fr" not in text and "1 autre personne sera à rappeler plus tard" in text
    assert text.count('name="outcome"') == 4


def test_noting_the_outcome_keeps_one_word_and_deletes_the_contact(app, client, cafe, team, due_contact):
    client.login(team[0])
    noted = f"/dates/{cafe.id}/suivis/{due_contact.id}"
    response = client.post(noted, {"outcome": "activity"}, htmx=True)
    assert response.status_code == 200 and "Suivi noté" in response.get_data(as_text=True)
    assert contacts() == []
    assert [(o.occurrence_id, o.outcome) for o in db.session.scalars(sa.select(FollowUpOutcome))] == [
        (cafe.id, "activity")]
    again = client.post(noted, {"outcome": "neither"}, htmx=True)
    assert again.status_code == 422 and "déjà noté" in again.get_data(as_text=True)
    assert len(db.session.scalars(sa.select(FollowUpOutcome)).all()) == 1


def test_an_unknown_outcome_is_refused_and_the_contact_kept(app, client, cafe, team, due_contact):
    client.login(team[1])
    response = client.post(f"/dates/{cafe.id}/suivis/{due_contact.id}", {"outcome": "moved_away"})
    assert response.status_code == 422 and "Choisissez une des réponses proposées." in response.get_data(as_text=True)
    assert contacts() == [due_contact] and db.session.scalars(sa.select(FollowUpOutcome)).all() == []


def test_only_the_dates_team_and_association_reach_its_follow_ups(app, client, cafe, due_contact, make_user):
    client.login(make_user(roles=("volunteer", "association")))  # of another association
    assert client.get(f"/dates/{cafe.id}/suivis").status_code == 404
    assert client.post(f"/dates/{cafe.id}/suivis/{due_contact.id}", {"outcome": "neither"}).status_code == 404
    client.post("/deconnexion")
    client.login(make_user(roles=("staff",)))
    assert client.get(f"/dates/{cafe.id}/suivis").status_code == 403
    assert contacts() == [due_contact]


def test_noting_without_the_form_token_is_refused(app, client, cafe, team, due_contact):
    client.login(team[1])
    response = client.post(f"/dates/{cafe.id}/suivis/{due_contact.id}", {"outcome": "neither"}, csrf=False)
    assert response.status_code == 400 and contacts() == [due_contact]


def test_the_rule_refuses_someone_outside_the_team(app, cafe, due_contact, make_user):
    with pytest.raises(Refused):
        follow_up.note_outcome(make_user(roles=("volunteer",)), cafe, due_contact.id, "neither")
    assert contacts() == [due_contact]

