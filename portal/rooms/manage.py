"""Staff manage places and rooms: names, directions, accessibility, opening hours and rules of use.

Every function checks its rules before it touches the session, raises ``Refused`` naming the
form field at fault, and commits once: a place and its translated directions, a room, its
opening hours and its translated rules are written together or not at all.
"""
from contextlib import contextmanager

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from portal import audit
from portal.content import operations as content
from portal.content.forms import field_name
from portal.database import db, utcnow
from portal.errors import Refused
from portal.i18n import wall_time
from portal.rooms import feeds
from portal.rooms.models import PLACE_KINDS, WEEKDAYS, Booking, Closure, OpeningHours, Occurrence, Place, Room

DELETED, ARCHIVED = "deleted", "archived"
RULES = "rules"  # the name of the rules' translated text in the room form
DIRECTIONS = "directions"  # the name of the directions' translated text in the place form


def hours_field(weekday, slot, end):
    """The form field an opening-hours refusal belongs to, e.g. ``hours_0_1_closes``
    (Monday, second interval, closing time). ``end`` is ``opens`` or ``closes``."""
    return f"hours_{weekday}_{slot}_{end}"


def rules_field(locale, register):
    """The form field of one variant of the rules, e.g. ``rules_en_falc``."""
    return field_name(RULES, locale, register)


# --- reading -------------------------------------------------------------------------------

def all_places():
    """Every place, archived ones included, with all their rooms (staff list)."""
    return db.session.scalars(sa.select(Place).order_by(Place.name)).unique().all()


def has_bookings(room):
    """Whether any request, whatever its status, was ever made for the room."""
    return db.session.scalar(sa.select(sa.or_(
        sa.exists().where(Booking.room_id == room.id),
        sa.exists().where(Occurrence.room_id == room.id))))


# --- checks --------------------------------------------------------------------------------

def _clean(text):
    return " ".join((text or "").split())


def _same_name(a, b):
    return a.casefold() == b.casefold()


def _unique_place_name(name, exclude_id=None):
    # Compared in Python: SQLite's lower() ignores accents' case (« Été » ≠ « été »).
    taken = db.session.execute(sa.select(Place.id, Place.name)).all()
    if any(_same_name(other, name) for ident, other in taken if ident != exclude_id):
        raise Refused(_l("Un lieu porte déjà ce nom."), field="name")


def _unique_room_name(place, name, exclude_id=None):
    taken = db.session.execute(sa.select(Room.id, Room.name).where(Room.place_id == place.id)).all()
    if any(_same_name(other, name) for ident, other in taken if ident != exclude_id):
        raise Refused(_l("Une salle de ce lieu porte déjà ce nom."), field="name")


def _day_name(weekday):
    return str(WEEKDAYS[weekday]).capitalize()


def check_hours(hours):
    """Clean opening hours given as {weekday: [(opens, closes), …]}, where a slot left blank is
    (None, None). Returns [(weekday, opens, closes), …]; raises ``Refused`` on the first slot
    that is half filled, closes before it opens, or overlaps another slot of the same day."""
    cleaned = []
    for weekday in sorted(hours):
        if weekday not in range(7):
            raise Refused(_l("Ce jour de la semaine n'existe pas."))
        filled = []
        for slot, (opens, closes) in enumerate(hours[weekday]):
            if opens is None and closes is None:
                continue
            if opens is None or closes is None:
                missing = "opens" if opens is None else "closes"
                raise Refused(_l("%(day)s : indiquez l'heure d'ouverture et l'heure de fermeture.",
                                 day=_day_name(weekday)), field=hours_field(weekday, slot, missing))
            if closes <= opens:
                raise Refused(_l("%(day)s : l'heure de fermeture (%(closes)s) doit être après "
                                 "l'heure d'ouverture (%(opens)s).", day=_day_name(weekday),
                                 opens=wall_time(opens), closes=wall_time(closes)),
                              field=hours_field(weekday, slot, "closes"))
            filled.append((opens, closes, slot))
        filled.sort()
        for (opens, closes, _slot), (later_opens, later_closes, later_slot) in zip(filled, filled[1:]):
            if later_opens < closes:
                raise Refused(_l("%(day)s : les horaires %(first)s et %(second)s se chevauchent. "
                                 "Indiquez des horaires séparés, ou un seul horaire.",
                                 day=_day_name(weekday), first=f"{wall_time(opens)}–{wall_time(closes)}",
                                 second=f"{wall_time(later_opens)}–{wall_time(later_closes)}"),
                              field=hours_field(weekday, later_slot, "opens"))
        cleaned += [(weekday, opens, closes) for opens, closes, _slot in filled]
    return cleaned


@contextmanager
def _name_taken_means(message):
    """The Python checks above can lose a race with another staff member: the database's
    unique constraint has the last word, and is reported the same way."""
    try:
        yield
    except IntegrityError:
        db.session.rollback()
        raise Refused(message, field="name") from None


def _save(actor, record, kind, name_taken, then=None):
    """Write a new or changed place or room (``kind``) with its audit entry, ``place.created``,
    ``room.updated``…, in one commit. ``then()`` runs once the record has its id."""
    action = f"{kind}.created" if record.id is None else f"{kind}.updated"
    with _name_taken_means(name_taken):
        db.session.add(record)
        db.session.flush()
        if then is not None:
            then()
        audit.record(actor, action, record)
        db.session.commit()
    return record


def _save_texts(key, bodies, reviews, actor):
    """Every variant of a translated text, those left out emptied (see ``content.save_variants``)."""
    content.save_variants(key, {variant: bodies.get(variant, "") for variant in content.all_variants()},
                          reviews, by=actor)


# --- places --------------------------------------------------------------------------------

def save_place(actor, place, name, kind, address, neighbourhood="", directions=None, reviews=None):
    """Create (``place`` is a new ``Place()``) or update a place. ``directions``: how to get
    there, {(locale, register): text} as ``save_room`` takes the rules (None leaves them)."""
    name, address = _clean(name), _clean(address)
    if not name:
        raise Refused(_l("Indiquez le nom du lieu."), field="name")
    if kind not in PLACE_KINDS:
        raise Refused(_l("Choisissez un type de lieu dans la liste."), field="kind")
    if not address:
        raise Refused(_l("Indiquez l'adresse du lieu."), field="address")
    _unique_place_name(name, place.id)
    place.name, place.kind, place.address = name, kind, address
    place.neighbourhood = _clean(neighbourhood)
    return _save(actor, place, "place", _l("Un lieu porte déjà ce nom."),
                 then=(lambda: _save_texts(place.directions_key, directions, reviews, actor))  # needs the id
                 if directions is not None else None)


def set_place_archived(actor, place, archived):
    """An archived place is no longer offered, nor are its rooms; nothing is deleted."""
    place.archived_at = (place.archived_at or utcnow()) if archived else None
    audit.record(actor, "place.archived" if archived else "place.unarchived", place)
    db.session.commit()
    return place


# --- rooms ---------------------------------------------------------------------------------

def save_room(actor, room, place, *, name, capacity, step_free=False, accessible_toilets=False,
              hearing_loop=False, calm=False, equipment="", contact="", hours=None, rules=None, reviews=None):
    """Create (``room`` is a new ``Room()``) or update a room of ``place``.

    ``hours``: {weekday: [(opens, closes), …]} (see ``check_hours``); it replaces every
    opening interval, so a weekday left out is closed. ``rules``: {(locale, register): text}
    for the locales of ``PORTAL_LOCALES``; an empty text removes that variant. ``None`` leaves
    the hours or the rules as they are. ``reviews``: {(locale, register): bool}, which variants
    people concerned have read (see ``content.save_variants``)."""
    name = _clean(name)
    if not name:
        raise Refused(_l("Indiquez le nom de la salle."), field="name")
    if capacity is None or capacity < 1:
        raise Refused(_l("Indiquez combien de personnes la salle peut accueillir (au moins une)."),
                      field="capacity")
    intervals = check_hours(hours) if hours is not None else None
    _unique_room_name(place, name, room.id)

    room.place = place
    room.name, room.capacity = name, capacity
    room.step_free, room.accessible_toilets = bool(step_free), bool(accessible_toilets)
    room.hearing_loop, room.calm = bool(hearing_loop), bool(calm)
    room.equipment, room.contact = (equipment or "").strip(), _clean(contact)
    if room.id is None:
        room.feed_token = feeds.new_token()
    if intervals is not None:
        room.opening_hours = [OpeningHours(weekday=weekday, opens=opens, closes=closes)
                              for weekday, opens, closes in intervals]

    return _save(actor, room, "room", _l("Une salle de ce lieu porte déjà ce nom."),
                 then=(lambda: _save_texts(room.rules_key, rules, reviews, actor))  # needs the id
                 if rules is not None else None)


def set_room_archived(actor, room, archived):
    """An archived room leaves the calendar and the request form; its bookings stay readable."""
    room.archived_at = (room.archived_at or utcnow()) if archived else None
    audit.record(actor, "room.archived" if archived else "room.unarchived", room)
    db.session.commit()
    return room


def remove_room(actor, room):
    """Delete a room that was never booked; a room with bookings is archived instead, so that
    their history stays readable. Returns ``DELETED`` or ``ARCHIVED``."""
    if has_bookings(room):
        set_room_archived(actor, room, True)
        return ARCHIVED
    audit.record(actor, "room.deleted", room, f"{room.place.name} – {room.name}")
    content.delete_texts(room.rules_key)
    db.session.execute(sa.delete(Closure).where(Closure.room_id == room.id))
    db.session.delete(room)
    db.session.commit()
    return DELETED
