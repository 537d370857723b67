"""Booking requests, decisions and feeds through the pages, as people use them."""
from datetime import timedelta

import re

import pytest
import sqlalchemy as sa
from icalendar import Calendar

from portal import clock
from portal.database import db
from portal.rooms.models import Booking, Occurrence


@pytest.fixture
def association(make_association):
    return make_association(name="Lien et Voisinage", email="contact@lien.example")


@pytest.fixture
def member(make_user, association):
    return make_user(roles=("association",), associations=[association], email="louis@lien.example")


@pytest.fixture
def staff(make_user):
    return make_user(roles=("staff",))


def next_tuesday(weeks=1):
    today = clock.today()
    return today + timedelta(days=(1 - today.weekday()) % 7 + 7 * weeks)


def form(room, association, day, start="18:00", end="19:30", **extra):
    values = {"association": association.id, "room": room.id, "date": day.isoformat(), "start": start,
              "end": end, "purpose": "Café-échanges", "expected_attendance": "10", "frequency": "once"}
    values.update(extra)
    return values


def test_member_requests_a_weekly_series_previews_a_conflict_then_submits(client, member, association,
                                                                          make_room, make_booking, outbox):
    room = make_room()
    first = next_tuesday()
    make_booking(room=room, day=first + timedelta(weeks=1), start="18:30", end="20:00", status="approved")
    client.login(member)
    preview = client.get("/reservations/nouvelle", query_string={
        **form(room, association, first, frequency="weekly", count="3"), "preview": "1"}, htmx=True)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "<html" not in html
    assert html.count("Conflit") == 1 and "3 dates demandées" in html
    response = client.post("/reservations/nouvelle", form(room, association, first, frequency="weekly", count="3"))
    assert response.status_code == 302
    booking = db.session.scalar(sa.select(Booking).order_by(Booking.id.desc()).limit(1))
    assert [o.status for o in booking.occurrences] == ["pending", "skipped", "pending"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Non demandée (conflit)" in page and "Redemander cette date" in page


@pytest.mark.parametrize("changes,field,message", [
    ({"end": "17:00"}, "end", "heure de fin doit être après"),
    ({"expected_attendance": "99"}, "expected_attendance", "au plus 20 personnes"),
    ({"start": "06:00", "end": "07:00"}, "start", "08:00–22:00"),
    ({"date": "2020-01-07"}, "date", "Cette date est passée"),
    ({"date": "pas une date"}, "date", "Indiquez une date valable"),
])
def test_a_refused_request_says_why_next_to_the_field_and_saves_nothing(client, member, association, make_room,
                                                                        changes, field, message):
    room = make_room()
    client.login(member)
    response = client.post("/reservations/nouvelle", form(room, association, next_tuesday(), **changes))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'id="{field}-error"' in html and message in html, re.findall(r'class="error".*?</p>', html, re.S)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Booking)) == 0


def test_overlap_with_an_approved_booking_is_refused_naming_it(client, member, association, make_room,
                                                               make_booking, make_association):
    room = make_room()
    day = next_tuesday()
    make_booking(room=room, association=make_association(name="Les Mots Partagés"), day=day,
                 start="18:00", end="19:00", status="approved")
    client.login(member)
    response = client.post("/reservations/nouvelle", form(room, association, day))
    assert response.status_code == 422 and "Les Mots Partagés" in response.get_data(as_text=True)


def test_only_association_members_request_and_only_for_their_association(client, make_user, make_room,
                                                                          make_association, member):
    room = make_room()
    other = make_association(name="Autre association")
    volunteer = make_user(roles=("volunteer",))
    client.login(volunteer)
    assert client.get("/reservations/nouvelle").status_code == 403
    client.post("/deconnexion")
    client.login(member)
    response = client.post("/reservations/nouvelle", form(room, other, next_tuesday()))
    assert response.status_code == 422  # not one of the choices offered


def test_staff_approve_from_the_queue_and_the_association_is_told(client, staff, member, association,
                                                                   make_room, make_booking, outbox):
    room = make_room(name="Salle du conte")
    booking = make_booking(room=room, association=association, requester=member, day=next_tuesday())
    client.login(staff)
    home = client.get("/").get_data(as_text=True)
    assert "Demandes de salles en attente" in home and "Lien et Voisinage" in home
    response = client.post(f"/reservations/{booking.id}/decision",
                           {"decision": "approve", "occurrences": str(booking.occurrences[0].id), "back": "queue"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/demandes")
    db.session.expire_all()
    assert booking.occurrences[0].status == "approved"
    to, subject, body = outbox()[-1]
    assert to == member.email and "approuvée" in subject


def test_a_decision_the_mail_server_refused_stands_and_staff_are_told_to_call(client, staff, member, association,
                                                                             make_booking, mail_server_down):
    booking = make_booking(association=association, requester=member, day=next_tuesday())
    client.login(staff)
    response = client.post(f"/reservations/{booking.id}/decision",
                           {"decision": "approve", "occurrences": str(booking.occurrences[0].id)},
                           follow_redirects=True)
    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 200 and "La demande est approuvée." in page
    assert "l'association est prévenue" not in page
    assert "L'e-mail n'a pas pu partir vers : Lien et Voisinage." in page
    db.session.expire_all()
    assert booking.occurrences[0].status == "approved"


def test_decline_without_a_reason_is_refused(client, staff, make_booking):
    booking = make_booking(day=next_tuesday())
    client.login(staff)
    response = client.post(f"/reservations/{booking.id}/decision",
                           {"decision": "decline", "occurrences": str(booking.occurrences[0].id), "reason": ""})
    assert response.status_code == 422 and "Expliquez en une phrase" in response.get_data(as_text=True)
    db.session.expire_all()
    assert booking.occurrences[0].status == "pending"


def test_another_associations_booking_cannot_be_read_or_changed(client, member, make_booking, make_association):
    foreign = make_booking(association=make_association(name="Voisins d'en face"), day=next_tuesday())
    client.login(member)
    assert client.get(f"/reservations/{foreign.id}").status_code == 404
    assert client.get(f"/reservations/{foreign.id}.ics").status_code == 404
    response = client.post(f"/occurrences/{foreign.occurrences[0].id}/annuler", {})
    assert response.status_code == 404
    db.session.expire_all()
    assert foreign.occurrences[0].status == "pending"


def test_members_cancel_this_and_following_dates(client, member, association, make_room, make_booking):
    booking = make_booking(room=make_room(), association=association, day=next_tuesday(), frequency="weekly",
                           count=3, status="approved")
    client.login(member)
    second = booking.occurrences[1]
    response = client.post(f"/occurrences/{second.id}/annuler", {"and_following": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    assert [o.status for o in booking.occurrences] == ["approved", "cancelled", "cancelled"]


def test_the_association_feed_shows_approved_dates_and_marks_cancelled_ones(client, member, association,
                                                                            make_room, make_booking):
    booking = make_booking(room=make_room(), association=association, day=next_tuesday(), frequency="weekly",
                           count=2, status="approved")
    client.login(member)
    client.post(f"/associations/{association.id}/flux", {})
    db.session.expire_all()
    token = association.feed_token
    assert token and token in client.get("/reservations").get_data(as_text=True)
    client.post(f"/occurrences/{booking.occurrences[1].id}/annuler", {})
    client.post("/deconnexion")
    feed = client.get(f"/flux/associations/{token}.ics")
    assert feed.status_code == 200 and feed.mimetype == "text/calendar"
    events = [c for c in Calendar.from_ical(feed.data).walk("VEVENT")]
    assert [str(e["STATUS"]) for e in events] == ["CONFIRMED", "CANCELLED"]
    assert events[0]["DTSTART"].dt.tzinfo is not None
    assert str(events[0]["UID"]) == f"occurrence-{booking.occurrences[0].id}@passerelle"
    client.login(member)
    client.post(f"/associations/{association.id}/flux", {})
    assert client.get(f"/flux/associations/{token}.ics").status_code == 404


def test_a_room_page_advertises_its_feed_to_staff(client, staff, make_room, make_booking):
    room = make_room()
    make_booking(room=room, day=next_tuesday(), status="approved")
    client.login(staff)
    page = client.get(f"/salles/{room.id}").get_data(as_text=True)
    assert 'rel="alternate" type="text/calendar"' in page and room.feed_token in page
    feed = client.get(f"/flux/salles/{room.feed_token}.ics")
    start = Calendar.from_ical(feed.data).walk("VEVENT")[0]["DTSTART"].dt
    assert (start.hour, start.minute) == (14, 0)


def test_a_closure_over_approved_bookings_asks_confirmation_then_cancels_and_tells(client, staff, association,
                                                                                 make_room, make_booking, outbox):
    room = make_room()
    day = next_tuesday()
    booking = make_booking(room=room, association=association, day=day, status="approved")
    client.login(staff)
    values = {"target": f"place:{room.place_id}", "start_date": day.isoformat(), "end_date": day.isoformat(),
              "reason": "Élections"}
    first = client.post("/fermetures", values)
    assert first.status_code == 422 and "Lien et Voisinage" in first.get_data(as_text=True)
    db.session.expire_all()
    assert booking.occurrences[0].status == "approved"
    second = client.post("/fermetures", {**values, "confirm": "y"})
    assert second.status_code == 302
    db.session.expire_all()
    assert booking.occurrences[0].status == "cancelled"
    assert outbox()[-1][0] == "contact@lien.example"
    calendar = client.get("/calendrier", query_string={"date": day.isoformat(), "view": "day"})
    assert "Élections" in calendar.get_data(as_text=True)


def test_a_closure_names_the_associations_its_mail_did_not_reach(client, staff, association, make_room,
                                                                  make_booking, mail_server_down):
    room = make_room()
    day = next_tuesday()
    booking = make_booking(room=room, association=association, day=day, status="approved")
    client.login(staff)
    response = client.post("/fermetures", {"target": f"room:{room.id}", "start_date": day.isoformat(),
                                           "end_date": day.isoformat(), "reason": "Travaux", "confirm": "y"},
                           follow_redirects=True)
    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert "La fermeture est enregistrée." in page and "L'e-mail n'a pas pu partir vers : Lien et Voisinage." in page
    db.session.expire_all()
    assert booking.occurrences[0].status == "cancelled"


def test_staff_propose_another_slot_and_the_member_accepts(client, staff, member, association, make_room,
                                                          make_booking):
    booking = make_booking(room=make_room(), association=association, requester=member, day=next_tuesday())
    occurrence = booking.occurrences[0]
    client.login(staff)
    response = client.post(f"/occurrences/{occurrence.id}/proposer",
                           {"date": next_tuesday().isoformat(), "start": "10:00", "end": "11:30", "reason": "Le matin"})
    assert response.status_code == 302
    client.post("/deconnexion")
    client.login(member)
    page = client.get(f"/reservations/{booking.id}").get_data(as_text=True)
    assert "Accepter le créneau proposé" in page
    client.post(f"/occurrences/{occurrence.id}/proposition", {"answer": "accept"})
    db.session.expire_all()
    assert occurrence.status == "approved" and clock.local(occurrence.starts_at).hour == 10
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Occurrence)) == 1
