"""The staff queue: competing requests found for every pending date, in a constant number of
queries whatever the length of the queue (for the function and for the page that shows it)."""
from datetime import time, timedelta

import pytest

from portal import clock
from portal.associations.models import Association
from portal.core.views import HOME_QUEUE_LENGTH
from portal.database import db
from portal.rooms import operations
from portal.rooms.models import Booking, Room


@pytest.fixture
def staff(make_user):
    return make_user(roles=("staff",))


def next_monday(weeks=1):
    today = clock.today()
    return today + timedelta(days=7 * weeks - today.weekday())


def rivals_of(queue, booking):
    """{pending occurrence id: ids of the bookings competing with it} for this booking."""
    item = next(item for item in queue if item.booking.id == booking.id)
    return {occurrence_id: [rival.booking_id for rival in rivals] for occurrence_id, rivals in item.competing.items()}


# --- competitors ---------------------------------------------------------------------------------

def test_overlapping_requests_for_the_same_room_list_each_other(make_room, make_booking, make_association):
    room, other_room = make_room(), make_room()
    day = next_monday()
    first = make_booking(room=room, day=day, start="14:00", end="16:00")
    second = make_booking(room=room, day=day, start="15:00", end="17:00")
    approved = make_booking(room=room, day=day, start="10:00", end="14:30", status="approved")
    make_booking(room=room, day=day, start="14:00", end="16:00", status="declined")
    make_booking(room=room, day=day, start="16:00", end="18:00", status="cancelled")
    elsewhere = make_booking(room=other_room, day=day, start="14:00", end="16:00")
    later = make_booking(room=room, day=day + timedelta(days=1), start="14:00", end="16:00")
    adjacent = make_booking(room=room, day=day, start="17:00", end="18:00")  # touches, does not overlap

    queue = operations.pending_queue()

    assert [item.booking.id for item in queue] == [first.id, second.id, elsewhere.id, later.id, adjacent.id]
    assert rivals_of(queue, first) == {first.occurrences[0].id: [approved.id, second.id]}
    assert rivals_of(queue, second) == {second.occurrences[0].id: [first.id]}
    for alone in (elsewhere, later, adjacent):
        assert rivals_of(queue, alone) == {alone.occurrences[0].id: []}
    item = next(item for item in queue if item.booking.id == first.id)
    assert item.pending == first.occurrences
    assert [rival.status for rival in item.competing[first.occurrences[0].id]] == ["approved", "pending"]


def test_an_occurrence_that_starts_the_day_before_still_competes(make_room, make_booking):
    room = make_room()
    day = next_monday()
    mine = make_booking(room=room, day=day, start="08:00", end="10:00")
    overnight = make_booking(room=room, day=day, start="09:00", end="10:00", status="approved")
    overnight.occurrences[0].starts_at = clock.at(day - timedelta(days=1), time(20))
    overnight.occurrences[0].ends_at = clock.at(day, time(9))
    db.session.commit()
    assert rivals_of(operations.pending_queue(), mine) == {mine.occurrences[0].id: [overnight.id]}


def test_the_dates_of_a_series_do_not_compete_with_each_other(make_room, make_booking):
    room = make_room()
    day = next_monday()
    series = make_booking(room=room, day=day, frequency="weekly", count=3)
    rival = make_booking(room=room, day=day + timedelta(days=7))
    series.occurrences[2].status = "approved"
    db.session.commit()

    item = next(item for item in operations.pending_queue() if item.booking.id == series.id)

    assert item.pending == series.occurrences[:2]
    assert {o: [r.booking_id for r in rivals] for o, rivals in item.competing.items()} == {
        series.occurrences[0].id: [], series.occurrences[1].id: [rival.id]}


# --- a constant number of queries --------------------------------------------------------------

def _fill_queue(rooms, associations, monday, how_many, already=0):
    """``how_many`` pending requests over the rooms of the week, two by two on the same slot
    (half an hour apart), a weekly series of two dates every third one, and an approved date
    overlapping every other pair."""
    from tests.factories import make_booking

    for number in range(already, already + how_many):
        pair = number // 2
        room, day, hour = rooms[pair % len(rooms)], monday + timedelta(days=pair // len(rooms) % 7), 8 + pair // 21
        minutes = 30 if number % 2 else 0
        make_booking(room=room, association=associations[number % len(associations)], day=day,
                     start=f"{hour:02d}:{minutes:02d}", end=f"{hour + 1:02d}:{minutes:02d}",
                     frequency="weekly" if number % 3 == 0 else "once", count=2 if number % 3 == 0 else None)
        if number % 4 == 0:
            make_booking(room=room, association=associations[-1], day=day, start=f"{hour:02d}:15",
                         end=f"{hour:02d}:45", status="approved")


@pytest.fixture
def queue_data(make_place, make_room, make_association):
    place = make_place()
    room_ids = [make_room(place=place).id for _ in range(3)]
    association_ids = [make_association().id for _ in range(4)]

    def fill(how_many, already=0):
        db.session.remove()  # as a new request finds it
        rooms = [db.session.get(Room, i) for i in room_ids]
        associations = [db.session.get(Association, i) for i in association_ids]
        _fill_queue(rooms, associations, next_monday(), how_many, already)
        db.session.remove()

    return fill


def _pending_bookings():
    return db.session.query(Booking).filter(Booking.occurrences.any(status="pending")).count()


def test_the_queue_is_read_with_the_same_number_of_queries_whatever_its_length(queue_data, counted_queries):
    def counted():
        with counted_queries() as statements:
            queue = operations.pending_queue()
            shown = [(item.booking.purpose, item.booking.association.name, item.booking.room.place.name,
                      item.booking.room.name, item.history.get("approved", 0),
                      [(o.starts_at, o.ends_at, [(r.booking_id, r.booking.association.name, r.starts_at,
                                                  r.ends_at, r.status_label) for r in item.competing[o.id]])
                       for o in item.pending])
                     for item in queue]
        db.session.remove()
        return statements, queue, shown

    queue_data(2)
    few, queue, shown = counted()
    assert len(queue) == 2 == _pending_bookings()
    assert all(dates[0][2] for *_, dates in shown)  # each request's first date has its pair
    queue_data(18, already=2)
    many, queue, shown = counted()
    assert len(queue) == 20 == _pending_bookings()
    assert all(dates[0][2] for *_, dates in shown)  # each request's first date has its pair
    assert len(many) == len(few), "\n".join(many)


def test_the_queue_page_answers_with_the_same_number_of_queries_whatever_its_length(
        client, staff, queue_data, counted_queries):
    client.login(staff)

    def counted(url):
        client.get(url)  # warm: the same work on every request after
        db.session.remove()
        with counted_queries() as statements:
            response = client.get(url)
        assert response.status_code == 200
        return statements, response.get_data(as_text=True)

    for url, shown_at_most in (("/demandes", None), ("/", HOME_QUEUE_LENGTH)):
        queue_data(2, already=0 if url == "/demandes" else 20)
        few, page = counted(url)
        assert page.count('class="queue__item"') == min(_pending_bookings(), shown_at_most or 10**6)
        queue_data(18, already=2 if url == "/demandes" else 22)
        many, page = counted(url)
        assert page.count('class="queue__item"') == min(_pending_bookings(), shown_at_most or 10**6)
        assert "Demandes concurrentes" in page
        assert len(many) == len(few), "\n".join(many)


def test_the_home_page_shows_the_oldest_requests_and_leads_to_the_others(client, make_user, make_room,
                                                                          make_booking):
    room = make_room()
    purposes = [f"Demande numéro {n}" for n in range(HOME_QUEUE_LENGTH + 2)]
    for n, purpose in enumerate(purposes):
        make_booking(room=room, purpose=purpose, start=f"{8 + n % 12:02d}:00", end=f"{9 + n % 12:02d}:00")
    client.login(make_user(roles=("staff",)))
    home = client.get("/").get_data(as_text=True)
    shown = [p for p in purposes if f"{p}<" in home]
    assert shown == purposes[:HOME_QUEUE_LENGTH]
    assert f"{len(purposes)} demandes attendent une décision" in home
    assert f'href="/demandes">Voir les {len(purposes)} demandes' in home
    everything = client.get("/demandes").get_data(as_text=True)
    assert all(f"{p}<" in everything for p in purposes)
