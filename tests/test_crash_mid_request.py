"""A crash in the middle of a request leaves nothing half-written: each change that writes many
rows is made to fail after its first rows reached the database (flushed, inside the request's
transaction), and afterwards the person sees the 500 page and the database is exactly as before."""
from datetime import timedelta
from html import unescape

import pytest
import sqlalchemy as sa

from portal import audit, clock
from portal.binomes import queue
from portal.binomes.models import BuddyCharter, Consent, Person
from portal.database import db
from portal.rooms.models import Occurrence
from tests.databases import contents


@pytest.fixture
def crash(app, monkeypatch):
    """``crash(module, name, when, written)``: ``module.name`` raises when called with arguments
    that ``when`` accepts, once what ``written()`` counts is in the database, and keeps that count."""
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer like production, not raise into the test
    seen = []

    def arm(module, name, when, written):
        original = getattr(module, name)

        def crashing(*args, **kwargs):
            if not when(*args, **kwargs):
                return original(*args, **kwargs)
            db.session.flush()
            seen.append(written())
            raise RuntimeError("panne en plein milieu de la demande")

        monkeypatch.setattr(module, name, crashing)
        return seen

    return arm


def count(model, *where):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def assert_nothing_written(response, before):
    assert response.status_code == 500
    assert "Rien n'a été enregistré." in unescape(response.get_data(as_text=True))
    db.session.close()
    assert contents() == before


def on(action):
    return lambda _actor, name, *_args, **_kwargs: name == action


def next_tuesday():
    today = clock.today()
    return today + timedelta(days=(1 - today.weekday()) % 7 + 7)


def test_a_weekly_series_is_requested_whole_or_not_at_all(client, crash, make_user, make_association, make_room):
    association = make_association()
    member = make_user(roles=("association",), associations=[association])
    room = make_room()
    client.login(member)
    seen = crash(audit, "record", on("booking.requested"), lambda: count(Occurrence))
    before = contents()
    response = client.post("/reservations/nouvelle", {
        "association": association.id, "room": room.id, "date": next_tuesday().isoformat(), "start": "18:00",
        "end": "19:30", "purpose": "Café-échanges", "expected_attendance": "10", "frequency": "weekly",
        "count": "12"})
    assert seen == [12]  # the twelve dates were written when it failed
    assert_nothing_written(response, before)


def test_new_dates_for_a_session_replace_the_old_ones_whole_or_not_at_all(client, crash, make_user, make_association,
                                                                          make_room, make_format, make_session):
    association = make_association()
    member = make_user(roles=("association",), associations=[association])
    session = make_session(association=association, fmt=make_format(group_max=12), room=make_room(), step=2)
    client.login(member)
    dates = {"title": "Café du mardi", "objective": "Se rencontrer", "max_participants": "8", "duration": "90",
             "date": next_tuesday().isoformat(), "start": "18:00", "frequency": "weekly", "count": "6",
             "admission": "walk_in", "cost": "free", "with_relative": "y"}
    assert client.post(f"/seances/{session.id}/etape/definir", dates).status_code == 302
    # Moving the time cancels the six dates asked for and asks for six new ones.
    seen = crash(audit, "record", on("booking.requested"),
                 lambda: (count(Occurrence, Occurrence.status == "cancelled"), count(Occurrence)))
    before = contents()
    response = client.post(f"/seances/{session.id}/etape/definir", {**dates, "start": "10:00", "title": "Café"})
    assert seen == [(6, 12)]
    assert_nothing_written(response, before)  # the old dates still on, the title unchanged


def test_a_binome_sign_up_is_saved_with_its_consents_or_not_at_all(client, crash, make_neighbourhood, outbox):
    db.session.add(BuddyCharter(version=1))
    db.session.commit()
    quartier = make_neighbourhood()
    seen = crash(queue, "record_event", lambda kind, **_: True, lambda: (count(Person), count(Consent)))
    before = contents()
    response = client.post("/binomes/inscription", {
        "first_name": "Zéphyrine", "contact": "zephyrine@exemple.fr", "neighbourhood": str(quartier.id),
        "activities": ["marche", "cafe"], "slots": ["1-0", "4-2"], "languages": ["fr"], "pace": "any",
        "consent_matching": "y", "consent_follow_up": "y"})
    assert seen == [(1, 3)]  # the person and a consent per purpose were written when it failed
    assert_nothing_written(response, before)
    assert outbox() == []
