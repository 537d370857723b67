"""Booking rules, called directly: requests, series, approvals, closures and the race."""
import threading
from datetime import date, time, timedelta

import pytest
import sqlalchemy as sa

from portal import clock, create_app
from portal.auth.models import User
from portal.database import db
from portal.errors import Refused
from portal.rooms import operations
from portal.rooms.models import Booking, Occurrence


@pytest.fixture
def member(make_user, make_association):
    association = make_association(name="Lien et Voisinage")
    return make_user(roles=("association",), associations=[association])


@pytest.fixture
def staff(make_user):
    return make_user(roles=("staff",))


def next_weekday(weekday, weeks_ahead=1):
    today = clock.today()
    return today + timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks_ahead)


def request(member, room, day, start="14:00", end="16:00", attendance=10, **kwargs):
    return operations.request_booking(member, member.associations[0], room, "Café-échanges", attendance,
                                      day, time.fromisoformat(start), time.fromisoformat(end), **kwargs)


def refusal(callable_, *args, **kwargs):
    with pytest.raises(Refused) as caught:
        callable_(*args, **kwargs)
    return caught.value


def test_a_valid_request_waits_for_staff(member, make_room):
    booking = request(member, make_room(), next_weekday(1))
    assert [o.status for o in booking.occurrences] == ["pending"]
    assert clock.local(booking.occurrences[0].starts_at).time() == time(14, 0)


@pytest.mark.parametrize("start,end,field", [("16:00", "14:00", "end"), ("14:00", "14:00", "end")])
def test_end_must_come_after_start(member, make_room, start, end, field):
    assert refusal(request, member, make_room(), next_weekday(1), start, end).field == field
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Booking)) == 0


def test_past_dates_are_refused(member, make_room):
    assert refusal(request, member, make_room(), clock.today() - timedelta(days=1)).field == "date"


def test_slot_must_fit_the_opening_hours(member, make_room):
    room = make_room(hours={1: [("09:00", "12:00"), ("14:00", "18:00")]})
    problem = refusal(request, member, room, next_weekday(1), "11:00", "15:00")
    assert problem.field == "start"
    assert "09:00–12:00" in str(problem.message) and "14:00–18:00" in str(problem.message)
    assert refusal(request, member, room, next_weekday(2), "10:00", "11:00").field == "date"


def test_attendance_above_capacity_is_refused(member, make_room):
    problem = refusal(request, member, make_room(capacity=8), next_weekday(1), attendance=9)
    assert problem.field == "expected_attendance" and "8" in str(problem.message)


def test_overlap_with_an_approved_booking_names_it(member, make_room, make_booking, make_association):
    room = make_room()
    day = next_weekday(1)
    make_booking(room=room, association=make_association(name="Les Mots Partagés"), day=day,
                 start="15:00", end="17:00", status="approved")
    problem = refusal(request, member, room, day, "14:00", "16:00")
    assert problem.field == "start" and "Les Mots Partagés" in str(problem.message)


def test_overlap_with_a_closure_names_it(member, staff, make_room):
    room = make_room()
    day = next_weekday(1)
    operations.close(staff, clock.at(day, time(0)), clock.at(day + timedelta(days=1), time(0)),
                     "Élections", room=room)
    assert "Élections" in str(refusal(request, member, room, day).message)


def test_competing_pending_requests_are_allowed(member, make_room, make_booking):
    room = make_room()
    day = next_weekday(1)
    make_booking(room=room, day=day, status="pending")
    booking = request(member, room, day)
    assert booking.occurrences[0].status == "pending"
    queue = operations.pending_queue()
    mine = next(item for item in queue if item.booking.id == booking.id)
    assert len(mine.competing[booking.occurrences[0].id]) == 1


def test_a_weekly_series_keeps_its_wall_clock_time_across_dst(member, make_room, app):
    # Europe/Paris switches to summer time on the last Sunday of March.
    first = date(clock.today().year + 1, 3, 16)
    first += timedelta(days=(1 - first.weekday()) % 7)  # a Tuesday before the change
    booking = request(member, make_room(), first, "18:00", "19:30", frequency="weekly", count=4)
    local_starts = [clock.local(o.starts_at) for o in booking.occurrences]
    assert [s.time() for s in local_starts] == [time(18, 0)] * 4
    assert len({s.utcoffset() for s in local_starts}) == 2  # both sides of the change


def test_monthly_series_stays_on_the_nth_weekday(member, make_room):
    first = next_weekday(1, weeks_ahead=1)
    booking = request(member, make_room(), first, frequency="monthly", count=3)
    days = [clock.local(o.starts_at).date() for o in booking.occurrences]
    assert all(d.weekday() == 1 for d in days)
    assert len({(d.day - 1) // 7 for d in days}) == 1 or any((d.day - 1) // 7 == 4 for d in days)


def test_a_series_skips_conflicting_dates_which_can_be_requested_again(member, staff, make_room, make_booking):
    room = make_room()
    first = next_weekday(2)
    blocker = make_booking(room=room, day=first + timedelta(weeks=1), status="approved")
    booking = request(member, room, first, frequency="weekly", count=3)
    assert [o.status for o in booking.occurrences] == ["pending", "skipped", "pending"]
    skipped = booking.occurrences[1]
    assert blocker.association.name in skipped.reason
    assert "chevauche" not in skipped.reason  # it names the conflict, not a generic word
    assert refusal(operations.request_again, member, skipped)
    operations.cancel(staff, blocker.occurrences[0])
    operations.request_again(member, skipped)
    assert skipped.status == "pending"


def test_approval_refuses_an_overlap_and_changes_nothing(member, staff, make_room, make_booking):
    room = make_room()
    day = next_weekday(3)
    make_booking(room=room, day=day, start="15:00", end="17:00", status="approved")
    booking = make_booking(room=room, day=day, start="14:00", end="16:00", status="pending")
    problem = refusal(operations.approve, staff, booking.occurrences)
    assert "chevauche" in str(problem.message)
    db.session.expire_all()
    assert booking.occurrences[0].status == "pending"


def test_approving_part_of_a_series_and_the_association_is_told(member, staff, make_room, outbox):
    booking = request(member, make_room(), next_weekday(4), frequency="weekly", count=3)
    operations.approve(staff, booking.occurrences[:2])
    assert [o.status for o in booking.occurrences] == ["approved", "approved", "pending"]
    to, subject, body = outbox()[-1]
    assert to == member.email and "Café-échanges" in body
    assert [e.action for e in __import__("portal.audit", fromlist=["history"]).history(booking.occurrences[0])] \
        == ["occurrence.approved"]


def test_decline_needs_a_reason_that_the_association_reads(member, staff, make_room, outbox):
    booking = request(member, make_room(), next_weekday(4))
    assert refusal(operations.decline, staff, booking.occurrences, " ").field == "reason"
    operations.decline(staff, booking.occurrences, "La salle est repeinte ce jour-là.")
    assert booking.occurrences[0].status == "declined"
    assert "La salle est repeinte" in outbox()[-1][2]


def test_proposed_slot_accepted_becomes_approved(member, staff, make_room):
    room = make_room()
    day = next_weekday(5)
    booking = request(member, room, day)
    occurrence = booking.occurrences[0]
    operations.propose_slot(staff, occurrence, day, time(10), time(12), "Le matin est plus calme.")
    assert occurrence.status == "proposed"
    operations.answer_proposal(member, occurrence, accept=True)
    assert occurrence.status == "approved"
    assert clock.local(occurrence.starts_at).time() == time(10)


def test_cancelling_this_and_following_never_brings_back_earlier_cancellations(member, staff, make_room):
    booking = request(member, make_room(), next_weekday(0), frequency="weekly", count=5)
    operations.approve(staff, booking.occurrences)
    first, second, third, fourth, fifth = booking.occurrences
    operations.cancel(member, fourth)
    operations.cancel(member, second, and_following=True)
    assert [o.status for o in booking.occurrences] == ["approved"] + ["cancelled"] * 4
    assert refusal(operations.cancel, member, fourth)


def test_editing_a_series_changes_only_future_dates(member, staff, make_room):
    booking = request(member, make_room(), next_weekday(1), frequency="weekly", count=3)
    operations.approve(staff, booking.occurrences)
    first = booking.occurrences[0]
    # The first date is now in the past: move it back as if it had happened.
    first.starts_at -= timedelta(weeks=3)
    first.ends_at -= timedelta(weeks=3)
    operations.cancel(member, booking.occurrences[2])
    db.session.commit()
    moved = operations.edit_series(member, booking, "Café du soir", 12, time(17), time(19))
    assert [o.id for o in moved] == [booking.occurrences[1].id]
    past, future, cancelled = booking.occurrences
    assert clock.local(past.starts_at).time() == time(14) and past.status == "approved"
    assert clock.local(future.starts_at).time() == time(17) and future.status == "pending"
    assert cancelled.status == "cancelled" and clock.local(cancelled.starts_at).time() == time(14)
    assert booking.purpose == "Café du soir"


def test_a_closure_cancels_approved_dates_and_tells_their_association(member, staff, make_room, outbox):
    room = make_room()
    day = next_weekday(2)
    booking = request(member, room, day)
    operations.approve(staff, booking.occurrences)
    closure, affected, untold = operations.close(staff, clock.at(day, time(0)), clock.at(day, time(23)),
                                                 "Travaux de peinture", place=room.place)
    assert affected == booking.occurrences
    assert booking.occurrences[0].status == "cancelled"
    assert "Travaux de peinture" in outbox()[-1][2] and untold == []


def test_the_queue_lists_oldest_requests_first(member, make_room, make_booking):
    room = make_room()
    older = make_booking(room=room)
    newer = make_booking(room=room, day=next_weekday(6, 2))
    newer.created_at = older.created_at + timedelta(minutes=5)
    db.session.commit()
    assert [item.booking.id for item in operations.pending_queue()] == [older.id, newer.id]


def test_twenty_simultaneous_approvals_leave_exactly_one_winner(app, staff, make_room, make_booking,
                                                                  make_association):
    room = make_room()
    day = next_weekday(3)
    ids = [make_booking(room=room, day=day, start="14:00", end=f"{15 + i % 3}:00",
                        association=make_association()).occurrences[0].id for i in range(20)]
    staff_id = staff.id
    # Every racer holds its own connection, so the pool must have one for each.
    racing_app = create_app({**app.config, "SQLALCHEMY_ENGINE_OPTIONS": {"pool_size": len(ids) + 1}},
                            instance_path=app.instance_path)
    barrier = threading.Barrier(len(ids))
    outcomes = []

    def approve(occurrence_id):
        with racing_app.app_context():
            actor = db.session.get(User, staff_id)
            occurrence = db.session.get(Occurrence, occurrence_id)
            barrier.wait(timeout=30)
            try:
                operations.approve(actor, [occurrence])
                outcomes.append("approved")
            except Refused:
                outcomes.append("refused")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=approve, args=(i,)) for i in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with racing_app.app_context():
        db.engine.dispose()
    db.session.expire_all()
    approved = db.session.scalar(sa.select(sa.func.count()).select_from(Occurrence)
                                 .where(Occurrence.status == "approved"))
    assert approved == 1
    assert outcomes.count("approved") == 1 and outcomes.count("refused") == 19
