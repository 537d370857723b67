"""Taking part: signing up with a first name or pseudonym, capacity, the waiting list and its
automatic promotions, the personal link to see or cancel one's place."""
import re
import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal.database import db
from portal.rooms import operations as rooms
from portal.errors import Refused
from portal.sessions import public, texts
from portal.sessions.models import Session
from portal.sessions.participants import CANCELLED, CONFIRMED, WAITING, Participant
from tests import factories

LINK = re.compile(r"/rencontres/inscription/([A-Za-z0-9_-]+)")


@pytest.fixture
def small(app):
    """A session taking sign-ups, two places per date."""
    return factories.make_public_session(admission="sign_up", max_participants=2, title="Atelier tricot")


def date_of(session):
    return public.upcoming_dates(session)[0]


def sign_up(client, session, name="Mina", contact="", occurrence=None):
    occurrence = occurrence or date_of(session)
    return client.post(f"/rencontres/{session.id}/inscription",
                       {"occurrence": str(occurrence.id), "name": name, "contact": contact})


def token_of(response):
    assert response.status_code == 302, response.get_data(as_text=True)
    return LINK.search(response.headers["Location"]).group(1)


def participants():
    return db.session.scalars(sa.select(Participant).order_by(Participant.id)).all()


def test_signing_up_gives_a_place_and_a_personal_link(client, small):
    token = token_of(sign_up(client, small, name="Mina", contact="mina@example.org"))
    page = client.get(f"/rencontres/inscription/{token}?nouveau=1")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Place confirmée" in html and "Atelier tricot" in html and "Mina" in html
    assert f"/rencontres/inscription/{token}" in html  # shown, to be kept
    assert page.headers["Cache-Control"] == "no-store"
    [person] = participants()
    assert person.status == CONFIRMED and person.contact == "mina@example.org"
    assert person.token_hash != token and token not in person.token_hash  # only its hash is kept
    # The minimum: nothing about the device is stored.
    assert not {"ip", "ip_address", "user_agent", "remote_addr"} & set(Participant.__table__.columns.keys())


def test_a_walk_in_session_takes_no_sign_up(client):
    session = factories.make_public_session(admission="walk_in")
    assert sign_up(client, session).status_code == 404
    with pytest.raises(Refused):
        public.sign_up(session, date_of(session).id, "Mina")
    db.session.rollback()
    assert participants() == []


def test_beyond_capacity_people_go_on_the_waiting_list(client, small):
    for name in ("Ana", "Bo", "Cy", "Dee"):
        token_of(sign_up(client, small, name=name))
    assert [(p.name, p.status) for p in participants()] == [
        ("Ana", CONFIRMED), ("Bo", CONFIRMED), ("Cy", WAITING), ("Dee", WAITING)]
    assert "complet : inscription sur liste d'attente" in client.get(f"/rencontres/{small.id}").get_data(as_text=True)


def test_capacity_is_never_exceeded_by_the_operation_either(app, small):
    occurrence = date_of(small)
    for n in range(6):
        with app.test_request_context():
            public.sign_up(small, occurrence.id, f"Personne {n}")
    assert public.confirmed_counts([occurrence])[occurrence.id] == 2
    assert [p.status for p in participants()].count(WAITING) == 4


def test_cancelling_promotes_the_first_waiting_person_and_tells_them(client, small, outbox):
    first = token_of(sign_up(client, small, name="Ana", contact="06 12 34 56 78"))
    token_of(sign_up(client, small, name="Bo"))
    waiting = token_of(sign_up(client, small, name="Cy", contact="cy@example.org"))
    later = token_of(sign_up(client, small, name="Dee", contact="dee@example.org"))
    assert "première personne sur la liste d'attente" in client.get(
        f"/rencontres/inscription/{waiting}").get_data(as_text=True)

    response = client.post(f"/rencontres/inscription/{first}/annuler")
    assert response.status_code == 302
    assert "Inscription annulée" in client.get(f"/rencontres/inscription/{first}").get_data(as_text=True)
    ana, _bo, cy, dee = participants()
    assert ana.status == CANCELLED and ana.contact == ""  # the contact is erased at once
    assert cy.status == CONFIRMED and dee.status == WAITING
    [(to, subject, body)] = outbox()
    assert to == "cy@example.org"
    assert "place" in subject and "Atelier tricot" in body
    assert "Bonne nouvelle" in client.get(f"/rencontres/inscription/{waiting}").get_data(as_text=True)
    assert "première personne sur la liste d'attente" in client.get(
        f"/rencontres/inscription/{later}").get_data(as_text=True)


def test_a_promotion_without_email_shows_on_the_personal_page_only(client, small, outbox):
    first = token_of(sign_up(client, small, name="Ana"))
    token_of(sign_up(client, small, name="Bo"))
    waiting = token_of(sign_up(client, small, name="Cy", contact="06 00 00 00 00"))
    client.post(f"/rencontres/inscription/{first}/annuler")
    assert outbox() == []
    assert "Bonne nouvelle" in client.get(f"/rencontres/inscription/{waiting}").get_data(as_text=True)


def test_a_waiting_person_cancelling_promotes_nobody(client, small):
    for name in ("Ana", "Bo"):
        token_of(sign_up(client, small, name=name))
    waiting = token_of(sign_up(client, small, name="Cy"))
    token_of(sign_up(client, small, name="Dee"))
    client.post(f"/rencontres/inscription/{waiting}/annuler")
    assert [p.status for p in participants()] == [CONFIRMED, CONFIRMED, CANCELLED, WAITING]


def test_a_wrong_token_is_not_found(client, small):
    token_of(sign_up(client, small))
    assert client.get("/rencontres/inscription/pas-le-bon").status_code == 404
    assert client.post("/rencontres/inscription/pas-le-bon/annuler").status_code == 404
    assert [p.status for p in participants()] == [CONFIRMED]


@pytest.mark.parametrize("form, message", [
    ({"name": ""}, "Ce champ est obligatoire."),
    ({"name": "x" * 61}, "60 caractères au plus."),
    ({"contact": "pas un contact"}, "Indiquez un numéro de téléphone"),
    ({"occurrence": ""}, "Choisissez une date."),
    ({"occurrence": "999999"}, "Choisissez une des dates proposées."),
])
def test_bad_input_is_explained_and_nothing_is_saved(client, small, form, message):
    data = {"occurrence": str(date_of(small).id), "name": "Mina", "contact": "", **form}
    response = client.post(f"/rencontres/{small.id}/inscription", data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert participants() == []


def test_a_date_of_another_session_or_not_approved_is_refused(app, small):
    other = factories.make_public_session(admission="sign_up")
    with pytest.raises(Refused):
        public.sign_up(small, date_of(other).id, "Mina")
    db.session.rollback()
    occurrence = date_of(small)
    occurrence.status = "cancelled"
    db.session.commit()
    with pytest.raises(Refused):
        public.sign_up(small, occurrence.id, "Mina")
    db.session.rollback()
    assert participants() == []


def test_simultaneous_sign_ups_never_exceed_capacity(app, small):
    """Several people press "M'inscrire" at the same moment, each in their own request."""
    occurrence_id, session_id = date_of(small).id, small.id
    start = threading.Barrier(6)
    failures = []

    def press(n):
        with app.app_context(), app.test_request_context():
            session = db.session.get(Session, session_id)
            start.wait()
            try:
                public.sign_up(session, occurrence_id, f"Personne {n}")
            except Exception as error:  # noqa: BLE001 (reported below)
                failures.append(repr(error))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=press, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sorted(p.status for p in participants()) == [CONFIRMED] * 2 + [WAITING] * 4


def test_people_who_left_an_email_are_told_when_their_date_is_cancelled(app, client, small, outbox):
    token_of(sign_up(client, small, name="Ana", contact="ana@example.org"))
    token_of(sign_up(client, small, name="Bo", contact="06 12 34 56 78"))
    occurrence = date_of(small)
    with app.test_request_context():  # staff cancel the date in the rooms: those who can be told are
        rooms.cancel(factories.make_user(roles=("staff",)), occurrence)
    [(to, subject, body)] = outbox()
    assert to == "ana@example.org" and "annulée" in subject and "Atelier tricot" in body


def test_contacts_are_erased_once_the_date_is_over(client, small):
    token_of(sign_up(client, small, name="Ana", contact="ana@example.org"))
    assert public.forget_past_contacts() == 0
    occurrence = date_of(small)
    occurrence.starts_at -= timedelta(days=30)
    occurrence.ends_at -= timedelta(days=30)
    db.session.commit()
    assert public.forget_past_contacts() == 1
    [ana] = participants()
    assert ana.contact == "" and ana.name == "Ana"


def test_a_month_after_the_date_the_sign_up_itself_is_gone(client, small):
    token = token_of(sign_up(client, small, name="Ana", contact="ana@example.org"))
    occurrence = date_of(small)
    assert public.forget_past_sign_ups(now=occurrence.ends_at + timedelta(days=29)) == 0
    assert [p.name for p in participants()] == ["Ana"]
    assert public.forget_past_sign_ups(now=occurrence.ends_at + timedelta(days=31)) == 1
    assert participants() == [] and public.by_token(token) is None


def test_the_mails_give_the_session_s_title_in_the_participant_s_language(app, client, small, outbox):
    texts.save_translations(None, small, {("title", "ar"): "ورشة الحياكة"})
    token_of(sign_up(client, small, name="Ana", contact="06 12 34 56 78"))
    token_of(sign_up(client, small, name="Bo", contact="bo@example.org"))
    client.post("/langue", {"locale": "ar"})
    token_of(sign_up(client, small, name="Cy", contact="cy@example.org"))  # waiting, reads Arabic
    client.post("/langue", {"locale": "es"})
    token_of(sign_up(client, small, name="Dee", contact="dee@example.org"))  # waiting, reads Spanish
    public.cancel(participants()[0])  # Ana's place goes to Cy
    [(to, _subject, body)] = outbox()
    assert to == "cy@example.org" and "ورشة الحياكة" in body and "Atelier tricot" not in body
    with app.test_request_context():
        rooms.cancel(factories.make_user(roles=("staff",)), date_of(small))
    told = {to: body for to, _subject, body in outbox()[1:]}
    assert "Atelier tricot" in told["bo@example.org"] and "ورشة الحياكة" not in told["bo@example.org"]
    assert "ورشة الحياكة" in told["cy@example.org"]
    assert "Atelier tricot" in told["dee@example.org"]  # no Spanish title: the French one
