"""``flask --app portal tick``: the 48-hour reminder to the team, and a week ahead the missing
referent flagged to the association; each sent once, however often tick runs."""
from datetime import timedelta

import pytest

from portal import clock
from portal.volunteers import operations


@pytest.fixture
def cafe(app, make_association, make_session, make_booking, make_user):
    """A café with a date in five days and one in twelve days; Marie welcomes people on every
    date, Paul is the referent on the later date only."""
    association = make_association(name="Lien et Voisinage", email="contact@lien.example")
    session = make_session(association=association, title="Café du mardi")
    soon = make_booking(association=association, status="approved", session_id=session.id,
                        day=clock.today() + timedelta(days=5)).occurrences[0]
    later = make_booking(association=association, status="approved", session_id=session.id,
                         day=clock.today() + timedelta(days=12)).occurrences[0]
    member = make_user(roles=("association",), associations=[association])
    marie = make_user(roles=("volunteer",), associations=[association], name="Marie Martin")
    paul = make_user(roles=("volunteer",), associations=[association], name="Paul Durand")
    operations.answer(marie, operations.invite(member, session, marie, "accueil"), accept=True)
    operations.answer(paul, operations.invite(member, session, paul, "referent", later), accept=True)
    operations.invite(member, session, paul, "animation", soon)  # not accepted: no reminder
    return soon, later, marie, paul


def reminders_to(outbox, who):
    return [subject for to, subject, _body in outbox() if to == who and subject.startswith("Rappel")]


def test_the_48_hour_reminder_goes_once_to_each_accepted_volunteer(cafe, outbox):
    soon, later, marie, paul = cafe
    operations.tick(soon.starts_at - timedelta(hours=49))
    assert reminders_to(outbox, marie.email) == []
    invitations = len(outbox())
    first = operations.tick(soon.starts_at - timedelta(hours=47))
    again = operations.tick(soon.starts_at - timedelta(hours=47))
    later_on = operations.tick(soon.starts_at - timedelta(hours=1))
    assert first[0] == 1 and again[0] == later_on[0] == 0
    [subject] = reminders_to(outbox, marie.email)
    assert "Café du mardi" in subject
    assert reminders_to(outbox, paul.email) == []
    body = [b for to, s, b in outbox()[invitations:] if to == marie.email][0]
    assert "Accueil des participants" in body and soon.booking.room.place.address in body


def test_a_date_without_referent_is_flagged_a_week_ahead_once(cafe, outbox):
    soon, later, _marie, _paul = cafe
    flagged = [s for to, s, _b in outbox() if to == "contact@lien.example"]
    assert flagged == []
    assert operations.tick(soon.starts_at - timedelta(days=8))[1] == 0
    assert operations.tick(soon.starts_at - timedelta(days=6))[1] == 1
    assert operations.tick(soon.starts_at - timedelta(days=6))[1] == 0
    # The later date has an accepted referent: never flagged.
    assert operations.tick(later.starts_at - timedelta(days=6))[1] == 0
    flagged = [s for to, s, _b in outbox() if to == "contact@lien.example"]
    assert len(flagged) == 1 and "Pas de référent" in flagged[0]


def test_a_reminder_the_mail_server_refused_goes_at_the_next_run(app, cafe, outbox, mail_server_down):
    soon, _later, marie, _paul = cafe
    before = soon.starts_at - timedelta(hours=47)
    assert operations.tick(before) == (0, 0)  # nothing left: nothing counted
    app.config["MAIL_SERVER"] = None  # the server is back
    assert operations.tick(before) == (1, 1)
    assert len(reminders_to(outbox, marie.email)) == 1


def test_the_command_prints_a_summary_and_is_safe_twice(cafe, runner, outbox):
    first = runner.invoke(args=["tick", "--url", "https://passerelle.mairie.example"])
    assert first.exit_code == 0, first.output
    assert "1 alerte(s)" in first.output  # the date in five days has no referent
    [body] = [b for to, _s, b in outbox() if to == "contact@lien.example"]
    assert f"/seances/{cafe[0].booking.session_id}/equipe" in body  # where to invite a referent
    again = runner.invoke(args=["tick"])
    assert "0 rappel(s)" in again.output and "0 alerte(s)" in again.output


def test_a_reminder_already_written_by_a_concurrent_run_is_not_sent_again(cafe, outbox):
    from portal.database import db
    from portal.volunteers.models import SentReminder

    soon, _later, marie, _paul = cafe
    # Another run wrote it down first (and is sending it): this one must leave it.
    db.session.add(SentReminder(kind=operations.REMINDER, occurrence_id=soon.id, recipient=f"user:{marie.id}"))
    db.session.commit()
    assert operations.tick(soon.starts_at - timedelta(hours=47))[0] == 0
    assert reminders_to(outbox, marie.email) == []
