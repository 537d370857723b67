"""Booking rules: what may be requested, approved, moved, cancelled or closed, and by whom.

One overlap query (``overlapping``) serves the request form, the approval queue and the
calendar. The database has the last word on double bookings: an approval that loses a race
fails on its constraint and is reported as a refusal.
"""
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from blinker import Namespace
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload

from portal import audit, clock, mail
from portal.database import db
from portal.errors import Refused
from portal.i18n import local_datetime, local_day, local_time, wall_time
from portal.rooms.models import (APPROVED, CANCELLED, DECLINED, ONCE, PENDING, PROPOSED, SKIPPED,
                                 Booking, Closure, Occurrence, Place, Room)
from portal.rooms.recurrence import series_dates

# An occurrence never spans more than a day: this bounds every range query from below,
# so the (room_id, starts_at) index is read over a window, never from the beginning of time.
LONGEST_OCCURRENCE = timedelta(days=1)
BUSY = (APPROVED,)

# Sent after a commit that moved or cancelled dates (``change``: "moved" or "cancelled"), so
# that the domains built on rooms (a session's team, the people signed up) can tell their own
# people, without rooms knowing about them.
dates_changed = Namespace().signal("dates-changed")


# --- reading -------------------------------------------------------------------------------

def active_places():
    """Places in use and their rooms, to be listed or chosen from: the rooms' opening hours
    are left unloaded (they would be read for every room of the town on every calendar page)."""
    return db.session.scalars(sa.select(Place).where(Place.archived_at.is_(None))
                              .options(selectinload(Place.rooms).lazyload(Room.opening_hours))
                              .order_by(Place.name)).unique().all()


def active_rooms(place_id=None, min_capacity=None, step_free=False, room_id=None):
    query = (sa.select(Room).join(Room.place)
             .where(Room.archived_at.is_(None), Place.archived_at.is_(None))
             .order_by(Place.name, Room.name))
    if room_id:
        query = query.where(Room.id == room_id)
    if place_id:
        query = query.where(Room.place_id == place_id)
    if min_capacity:
        query = query.where(Room.capacity >= min_capacity)
    if step_free:
        query = query.where(Room.step_free.is_(True))
    return db.session.scalars(query).unique().all()


def overlapping(room_ids, starts_at, ends_at, statuses=BUSY, exclude_id=None):
    """Occurrences of these rooms that overlap [starts_at, ends_at), in one indexed query."""
    # Booking.room is not joined again on every row: the caller holds these rooms, so it is
    # read from the session (a many-to-one by primary key), and the rooms' opening hours are
    # not reloaded either.
    query = (sa.select(Occurrence)
             .options(joinedload(Occurrence.booking).lazyload(Booking.room))
             .where(Occurrence.room_id.in_(list(room_ids)),
                    Occurrence.starts_at > starts_at - LONGEST_OCCURRENCE,
                    Occurrence.starts_at < ends_at,
                    Occurrence.ends_at > starts_at,
                    Occurrence.status.in_(statuses))
             .order_by(Occurrence.starts_at))
    if exclude_id is not None:
        query = query.where(Occurrence.id != exclude_id)
    return db.session.scalars(query).unique().all()


def closures_over(rooms, starts_at, ends_at):
    """Closures of these rooms, or of their places, that overlap the window."""
    room_ids = [room.id for room in rooms]
    place_ids = list({room.place_id for room in rooms})
    return db.session.scalars(
        sa.select(Closure).where(
            sa.or_(Closure.room_id.in_(room_ids), Closure.place_id.in_(place_ids)),
            Closure.starts_at < ends_at, Closure.ends_at > starts_at)
        .order_by(Closure.starts_at)).unique().all()


def describe(occurrence_or_closure):
    """How a conflict is named to the person: which booking or which closure, and when."""
    start, end = occurrence_or_closure.starts_at, occurrence_or_closure.ends_at
    if isinstance(occurrence_or_closure, Closure):
        return _l("fermeture « %(reason)s » (du %(start)s au %(end)s)", reason=occurrence_or_closure.reason,
                  start=local_datetime(start), end=local_datetime(end))
    when = _l("%(day)s de %(start)s à %(end)s", day=local_day(start), start=local_time(start), end=local_time(end))
    return _l("réservation approuvée de %(association)s (%(when)s)",
              association=occurrence_or_closure.booking.association.name, when=when)


def conflicts(room, starts_at, ends_at, exclude_id=None):
    """Why a room is not free over a window: approved bookings and closures, described."""
    found = overlapping([room.id], starts_at, ends_at, exclude_id=exclude_id)
    return [describe(o) for o in found] + [describe(c) for c in closures_over([room], starts_at, ends_at)]


# --- requesting ----------------------------------------------------------------------------

@dataclass
class PlannedDate:
    day: date
    starts_at: datetime
    ends_at: datetime
    conflicts: list = field(default_factory=list)


def check_slot(room, day, start, end, attendance=None):
    """The rules every requested date obeys. Raises ``Refused`` naming the field at fault."""
    if end <= start:
        raise Refused(_l("L'heure de fin doit être après l'heure de début."), field="end")
    starts_at = clock.at(day, start)
    if starts_at <= clock.now():
        raise Refused(_l("Cette date est passée : choisissez une date à venir."), field="date")
    if not any(opens <= start and end <= closes for opens, closes in room.hours_on(day.weekday())):
        hours = ", ".join(f"{wall_time(o)}–{wall_time(c)}" for o, c in room.hours_on(day.weekday()))
        if hours:
            raise Refused(_l("La salle est ouverte ce jour-là de %(hours)s : le créneau doit tenir dans ces horaires.",
                             hours=hours), field="start")
        raise Refused(_l("La salle est fermée ce jour de la semaine."), field="date")
    if attendance is not None and attendance > room.capacity:
        raise Refused(_l("La salle accueille au plus %(n)s personnes.", n=room.capacity),
                      field="expected_attendance")


def plan(room, first_day, start, end, frequency=ONCE, until=None, count=None, attendance=None):
    """Every date a request would create, with its conflicts, before anything is saved."""
    check_slot(room, first_day, start, end, attendance)
    if frequency != ONCE and not until and not count:
        raise Refused(_l("Indiquez jusqu'à quelle date, ou combien de fois."), field="until")
    if until is not None and until < first_day:
        raise Refused(_l("La date de fin de la série doit être après la première date."), field="until")
    planned = []
    for day in series_dates(first_day, frequency, until, count):
        starts_at, ends_at = clock.at(day, start), clock.at(day, end)
        planned.append(PlannedDate(day, starts_at, ends_at, conflicts(room, starts_at, ends_at)))
    return planned


def request_booking(actor, association, room, purpose, attendance, first_day, start, end,
                    frequency=ONCE, until=None, count=None, session=None):
    """Save a request. A single date that conflicts is refused; in a series, conflicting
    dates are kept as "skipped" (they can be requested again later) and the rest wait.
    ``session``: the planned session these dates are for (its dates are this booking's)."""
    if not actor.has_role("association") or association not in actor.associations:
        raise Refused(_l("Vous ne pouvez demander une salle que pour une association dont vous êtes membre."),
                      field="association")
    planned = plan(room, first_day, start, end, frequency, until, count, attendance)
    if frequency == ONCE and planned[0].conflicts:
        raise Refused(_l("Ce créneau chevauche : %(what)s.", what="; ".join(map(str, planned[0].conflicts))),
                      field="start")
    if all(p.conflicts for p in planned):
        raise Refused(_l("Toutes les dates de la série sont en conflit."), field="start")
    booking = Booking(room=room, association=association, requested_by=actor, purpose=purpose.strip(),
                      expected_attendance=attendance, frequency=frequency,
                      session_id=session.id if session is not None else None)
    for p in planned:
        booking.occurrences.append(Occurrence(
            room_id=room.id, starts_at=p.starts_at, ends_at=p.ends_at,
            status=SKIPPED if p.conflicts else PENDING,
            reason="; ".join(map(str, p.conflicts))))
    db.session.add(booking)
    db.session.flush()
    audit.record(actor, "booking.requested", booking)
    db.session.commit()
    return booking


# --- deciding ------------------------------------------------------------------------------

def _decide(actor, occurrences, status, action, reason=""):
    now = clock.now()
    for occurrence in occurrences:
        occurrence.status = status
        occurrence.reason = reason
        occurrence.decided_at = now
        audit.record(actor, action, occurrence, reason)


def _commit_or_refuse_overlap():
    """Commit; if the database refuses a double booking (a concurrent approval won), say so."""
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Refused(_l("Une autre réservation vient d'être approuvée sur ce créneau : rien n'a été modifié."))


def approve(actor, occurrences):
    """Approve chosen pending dates, all or nothing, refusing any that is no longer free.
    Whether the association was mailed (see ``notify_decision``), as for every decision."""
    if not occurrences:
        raise Refused(_l("Choisissez au moins une date à approuver."), field="occurrences")
    ids = {o.id for o in occurrences}
    for occurrence in occurrences:
        if occurrence.status != PENDING:
            raise Refused(_l("Seule une demande en attente peut être approuvée."))
        found = [o for o in overlapping([occurrence.room_id], occurrence.starts_at, occurrence.ends_at)
                 if o.id not in ids]
        found += closures_over([occurrence.booking.room], occurrence.starts_at, occurrence.ends_at)
        found += [o for o in occurrences if o.id != occurrence.id and o.room_id == occurrence.room_id
                  and o.starts_at < occurrence.ends_at and o.ends_at > occurrence.starts_at]
        if found:
            raise Refused(_l("Impossible d'approuver : le créneau chevauche %(what)s.",
                             what="; ".join(str(describe(f)) for f in found[:3])))
    _decide(actor, occurrences, APPROVED, "occurrence.approved")
    _commit_or_refuse_overlap()
    return notify_decision(occurrences[0].booking, "approved", occurrences)


def decline(actor, occurrences, reason):
    if not reason or not reason.strip():
        raise Refused(_l("Expliquez en une phrase pourquoi la demande est refusée."), field="reason")
    for occurrence in occurrences:
        if occurrence.status not in (PENDING, PROPOSED):
            raise Refused(_l("Seule une demande en attente peut être refusée."))
    _decide(actor, occurrences, DECLINED, "occurrence.declined", reason.strip())
    db.session.commit()
    return notify_decision(occurrences[0].booking, "declined", occurrences, reason.strip())


def propose_slot(actor, occurrence, day, start, end, reason=""):
    """Offer the association another slot for one pending date; it accepts or not. Whether the
    association was mailed."""
    if occurrence.status != PENDING:
        raise Refused(_l("Seule une demande en attente peut recevoir une autre proposition."))
    room = occurrence.booking.room
    check_slot(room, day, start, end)
    starts_at, ends_at = clock.at(day, start), clock.at(day, end)
    found = conflicts(room, starts_at, ends_at)
    if found:
        raise Refused(_l("Ce créneau chevauche : %(what)s.", what="; ".join(map(str, found))), field="start")
    occurrence.proposed_starts_at, occurrence.proposed_ends_at = starts_at, ends_at
    _decide(actor, [occurrence], PROPOSED, "occurrence.proposed", (reason or "").strip())
    db.session.commit()
    return notify_decision(occurrence.booking, "proposed", [occurrence], (reason or "").strip())


def answer_proposal(actor, occurrence, accept):
    """The association takes the slot staff offered (it is then approved) or turns it down."""
    if occurrence.status != PROPOSED:
        raise Refused(_l("Il n'y a pas de proposition en cours pour cette date."))
    if not accept:
        _decide(actor, [occurrence], CANCELLED, "occurrence.proposal_declined")
        db.session.commit()
        return
    found = conflicts(occurrence.booking.room, occurrence.proposed_starts_at, occurrence.proposed_ends_at,
                      exclude_id=occurrence.id)
    if found:
        raise Refused(_l("Ce créneau n'est plus libre : %(what)s.", what="; ".join(map(str, found))))
    occurrence.starts_at, occurrence.ends_at = occurrence.proposed_starts_at, occurrence.proposed_ends_at
    occurrence.proposed_starts_at = occurrence.proposed_ends_at = None
    _decide(actor, [occurrence], APPROVED, "occurrence.proposal_accepted")
    _commit_or_refuse_overlap()
    dates_changed.send(None, occurrences=[occurrence], change="moved")


# --- changing a request ----------------------------------------------------------------------

def cancel(actor, occurrence, and_following=False, reason=""):
    """Cancel one date, or this date and the following ones of its series.

    Dates cancelled earlier stay cancelled: nothing here ever brings a date back."""
    targets = [occurrence]
    if and_following:
        targets = [o for o in occurrence.booking.occurrences if o.starts_at >= occurrence.starts_at]
    targets = [o for o in targets if o.status in (PENDING, APPROVED, PROPOSED, SKIPPED)]
    if not targets:
        raise Refused(_l("Ces dates sont déjà annulées ou refusées."))
    _decide(actor, targets, CANCELLED, "occurrence.cancelled", (reason or "").strip())
    db.session.commit()
    dates_changed.send(None, occurrences=targets, change="cancelled")
    return targets


def request_again(actor, occurrence):
    """Ask again for a date of a series that was left out for a conflict."""
    if occurrence.status != SKIPPED:
        raise Refused(_l("Seule une date laissée de côté pour un conflit peut être redemandée."))
    if occurrence.starts_at <= clock.now():
        raise Refused(_l("Cette date est passée : choisissez une date à venir."))
    found = conflicts(occurrence.booking.room, occurrence.starts_at, occurrence.ends_at)
    if found:
        raise Refused(_l("Ce créneau est toujours pris : %(what)s.", what="; ".join(map(str, found))))
    occurrence.status, occurrence.reason = PENDING, ""
    audit.record(actor, "occurrence.requested_again", occurrence)
    db.session.commit()


def edit_series(actor, booking, purpose, attendance, start: time, end: time):
    """Change a request from now on. Past dates and dates already cancelled or declined keep
    their history; future dates whose time changes go back to staff for approval."""
    room = booking.room
    if attendance > room.capacity:
        raise Refused(_l("La salle accueille au plus %(n)s personnes.", n=room.capacity),
                      field="expected_attendance")
    now = clock.now()
    future = [o for o in booking.occurrences
              if o.starts_at > now and o.status in (PENDING, APPROVED, PROPOSED, SKIPPED)]
    if not future:
        raise Refused(_l("Cette demande n'a plus de date à venir à modifier."))
    moved = []
    for occurrence in future:
        day = clock.local(occurrence.starts_at).date()
        current = (clock.local(occurrence.starts_at).time(), clock.local(occurrence.ends_at).time())
        if current == (start, end):
            continue
        check_slot(room, day, start, end)
        moved.append((occurrence, clock.at(day, start), clock.at(day, end)))
    booking.purpose = purpose.strip()
    booking.expected_attendance = attendance
    for occurrence, starts_at, ends_at in moved:
        occurrence.starts_at, occurrence.ends_at = starts_at, ends_at
        found = conflicts(room, starts_at, ends_at, exclude_id=occurrence.id)
        occurrence.status = SKIPPED if found else PENDING
        occurrence.reason = "; ".join(map(str, found))
    audit.record(actor, "booking.edited", booking)
    db.session.commit()
    dates_changed.send(None, occurrences=[o for o, _, _ in moved], change="moved")
    return [o for o, _, _ in moved]


# --- closures ------------------------------------------------------------------------------

def approved_during(room=None, place=None, starts_at=None, ends_at=None):
    rooms = [room] if room else place.active_rooms
    return overlapping([r.id for r in rooms], starts_at, ends_at) if rooms else []


def upcoming_closures():
    return db.session.scalars(sa.select(Closure).where(Closure.ends_at > clock.now())
                              .order_by(Closure.starts_at)).unique().all()


def close(actor, starts_at, ends_at, reason, room=None, place=None):
    """Close a room or a place. Approved dates inside are cancelled and their associations told:
    (the closure, the dates cancelled, the associations the mail did not reach)."""
    if ends_at <= starts_at:
        raise Refused(_l("La fin de la fermeture doit être après son début."), field="end")
    if not reason or not reason.strip():
        raise Refused(_l("Indiquez la raison de la fermeture (congés, élections, travaux…)."), field="reason")
    closure = Closure(room=room, place=place, starts_at=starts_at, ends_at=ends_at,
                      reason=reason.strip(), created_by_id=actor.id)
    db.session.add(closure)
    affected = approved_during(room, place, starts_at, ends_at)
    _decide(actor, affected, CANCELLED, "occurrence.cancelled_by_closure", reason.strip())
    db.session.flush()
    audit.record(actor, "closure.created", closure, reason.strip())
    db.session.commit()
    dates_changed.send(None, occurrences=affected, change="cancelled")
    by_booking = {}
    for occurrence in affected:
        by_booking.setdefault(occurrence.booking, []).append(occurrence)
    untold = [booking.association for booking, occurrences in by_booking.items()
              if not notify_decision(booking, "closed", occurrences, reason.strip())]
    return closure, affected, untold


# --- the staff queue -----------------------------------------------------------------------

@dataclass
class QueueItem:
    booking: Booking
    pending: list
    competing: dict  # occurrence id -> other pending or approved occurrences on the same slot
    history: dict    # status -> number of dates, for the requesting association


def pending_count():
    return db.session.scalar(sa.select(sa.func.count()).select_from(Booking)
                             .where(Booking.occurrences.any(Occurrence.status == PENDING)))


def pending_queue(limit=None):
    """Requests waiting for a decision, oldest first (the ``limit`` oldest), with competitors
    and history.

    A constant number of queries whatever the length of the queue: the bookings with their
    dates, rooms and associations; the competitors of every pending date at once; the history.
    """
    bookings = db.session.scalars(
        sa.select(Booking).where(Booking.occurrences.any(Occurrence.status == PENDING))
        .options(selectinload(Booking.occurrences).lazyload(Occurrence.booking),  # in the session already
                 joinedload(Booking.room).lazyload(Room.opening_hours))
        .order_by(Booking.created_at, Booking.id).limit(limit)).unique().all()
    histories = association_history([b.association_id for b in bookings])
    competing = {o.id: [] for b in bookings for o in b.occurrences if o.status == PENDING}
    for occurrence_id, rival in _competitors_of_pending([b.id for b in bookings]):
        if occurrence_id in competing:  # a date that became pending since the bookings were read
            competing[occurrence_id].append(rival)
    items = []
    for booking in bookings:
        pending = [o for o in booking.occurrences if o.status == PENDING]
        items.append(QueueItem(booking, pending, {o.id: competing[o.id] for o in pending},
                               histories.get(booking.association_id, {})))
    return items


def _competitors_of_pending(booking_ids):
    """(pending occurrence id, rival) for every pending or approved occurrence of another booking
    that overlaps a pending occurrence of ``booking_ids`` in the same room, in one query: each pending date reads
    the (room_id, starts_at) index over a window bounded from below, as ``overlapping`` does."""
    mine, rival = sa.orm.aliased(Occurrence), sa.orm.aliased(Occurrence)
    if db.session.get_bind().dialect.name == "sqlite":  # no interval arithmetic on SQLite's text dates
        earliest = sa.func.datetime(mine.starts_at, f"-{LONGEST_OCCURRENCE.total_seconds():g} seconds")
    else:
        earliest = mine.starts_at - sa.literal(LONGEST_OCCURRENCE, sa.Interval())
    return db.session.execute(
        sa.select(mine.id, rival)
        .join(rival, sa.and_(rival.room_id == mine.room_id,
                             rival.starts_at > earliest,
                             rival.starts_at < mine.ends_at,
                             rival.ends_at > mine.starts_at,
                             rival.booking_id != mine.booking_id,
                             rival.status.in_((PENDING, APPROVED))))
        .options(joinedload(rival.booking).lazyload(Booking.room))
        .where(mine.status == PENDING, mine.booking_id.in_(booking_ids))
        .order_by(mine.id, rival.starts_at, rival.id)).all()


def association_history(association_ids):
    rows = db.session.execute(
        sa.select(Booking.association_id, Occurrence.status, sa.func.count())
        .join(Occurrence.booking).where(Booking.association_id.in_(association_ids))
        .group_by(Booking.association_id, Occurrence.status)).all()
    history = {}
    for association_id, status, count in rows:
        history.setdefault(association_id, {})[status] = count
    return history


def occurrences_of(association, starts_at, ends_at, statuses):
    return db.session.scalars(
        sa.select(Occurrence).join(Occurrence.booking)
        .where(Booking.association_id == association.id, Occurrence.starts_at >= starts_at - LONGEST_OCCURRENCE,
               Occurrence.starts_at < ends_at, Occurrence.status.in_(statuses))
        .order_by(Occurrence.starts_at)).unique().all()


def bookings_of(associations):
    return db.session.scalars(
        sa.select(Booking).where(Booking.association_id.in_([a.id for a in associations]))
        .order_by(Booking.created_at.desc())).unique().all()


# --- telling the association -------------------------------------------------------------------

def notify_decision(booking, decision, occurrences, reason=""):
    """Mail the decision to who asked (or the association): False when the mail could not leave,
    so that staff are told to reach the association another way (the decision stands)."""
    recipient = booking.requested_by
    to = recipient.email if recipient and recipient.active else booking.association.email
    if not to:
        return True  # nobody to mail: the association sees it in its space, nothing failed
    return mail.send(to, f"booking_{decision}", locale=recipient.locale if recipient else None,
                     booking=booking, occurrences=occurrences, reason=reason)
