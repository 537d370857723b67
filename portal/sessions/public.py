"""What the public sees of sessions, and taking part: the directory of upcoming sessions, a
session's dates and facts, signing up for a date, the waiting list and its promotions.

A place is taken or given back while the date is locked (a row lock on PostgreSQL, the single
writer of SQLite taken before counting), so two people signing up together never exceed the
session's capacity.
"""
import re
import secrets
from datetime import timedelta
from dataclasses import dataclass

import sqlalchemy as sa
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal import clock, mail
from portal.security import token_digest
from portal.database import db, hold
from portal.errors import Refused
from portal.formats import operations as formats
from portal.i18n import local_time
from portal.rooms.operations import dates_changed
from portal.rooms.models import APPROVED, BIWEEKLY, MONTHLY, WEEKDAYS, WEEKLY, Booking, Occurrence, Room
from portal.sessions.models import FEE, PAY_WHAT_YOU_CAN, PUBLISHED, SIGN_UP, Session
from portal.sessions.participants import CANCELLED, CONFIRMED, WAITING, Participant
from portal.sessions.texts import written_one

NAME_LENGTH = 60
CONTACT_LENGTH = 120
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[\d\s.\-()]+$")


# --- reading -------------------------------------------------------------------------------

def published(session_id):
    """The session if the public may see it (a draft or an ended session does not exist for them)."""
    session = db.session.get(Session, session_id)
    return session if session is not None and session.status == PUBLISHED else None


def _upcoming():
    """Approved dates of published sessions still to come (or under way), soonest first."""
    return (sa.select(Occurrence).join(Booking, Occurrence.booking_id == Booking.id)
            .join(Session, Booking.session_id == Session.id)
            .where(Session.status == PUBLISHED, Occurrence.status == APPROVED, Occurrence.ends_at > clock.now())
            .order_by(Occurrence.starts_at, Occurrence.id))


def upcoming_dates(session):
    return db.session.scalars(_upcoming().where(Session.id == session.id)).unique().all()


def capacity(session):
    """How many may sign up for one date: the session's maximum, else its room's (None: no limit)."""
    if session.max_participants:
        return session.max_participants
    return session.room.capacity if session.room is not None else None


def confirmed_counts(occurrences):
    """{occurrence id: confirmed places}, in one query."""
    ids = [o.id for o in occurrences]
    counts = dict.fromkeys(ids, 0)
    if ids:
        counts.update(db.session.execute(
            sa.select(Participant.occurrence_id, sa.func.count()).where(
                Participant.occurrence_id.in_(ids), Participant.status == CONFIRMED)
            .group_by(Participant.occurrence_id)).all())
    return counts


def room_of(session, dates):
    """Where it happens: the session's room, else that of its next date."""
    return session.room or (dates[0].booking.room if dates else None)


def summary(session, dates):
    """"Toutes les semaines le mardi de 14:00 à 16:00" for a series, from its next date; None
    for a single date (the date itself says it)."""
    if not dates:
        return None
    first = dates[0]
    when = {"weekday": WEEKDAYS[clock.local(first.starts_at).weekday()], "start": local_time(first.starts_at),
            "end": local_time(first.ends_at)}
    if session.frequency == WEEKLY:
        return _("Toutes les semaines le %(weekday)s de %(start)s à %(end)s", **when)
    if session.frequency == BIWEEKLY:
        return _("Toutes les deux semaines le %(weekday)s de %(start)s à %(end)s", **when)
    if session.frequency == MONTHLY:
        return _("Une fois par mois le %(weekday)s de %(start)s à %(end)s", **when)
    return None


def format_texts(sessions, locale, register):
    """{format id: {"name": Text, "purpose": Text}} of these sessions' formats, in one query."""
    found = {s.format.id: s.format for s in sessions if s.format is not None}
    return formats.texts_of(list(found.values()), locale, register, ("name", "purpose"))


@dataclass
class Listed:
    session: Session
    dates: list  # its upcoming dates matching the filters
    room: Room
    summary: str | None


def directory(format_id=None, place_id=None, weekday=None, step_free=False):
    """Published sessions with dates to come, filtered, soonest first. ``weekday``: 0 = Monday,
    in the town's time."""
    query = _upcoming().join(Room, Occurrence.room_id == Room.id)
    if format_id:
        query = query.where(Session.format_id == format_id)
    if place_id:
        query = query.where(Room.place_id == place_id)
    if step_free:
        query = query.where(Room.step_free.is_(True))
    by_session = {}
    for occurrence in db.session.scalars(query).unique():
        if weekday is None or clock.local(occurrence.starts_at).weekday() == weekday:
            by_session.setdefault(occurrence.booking.session_id, []).append(occurrence)
    sessions = {s.id: s for s in db.session.scalars(sa.select(Session).where(Session.id.in_(by_session)))}
    return [Listed(sessions[session_id], dates, dates[0].booking.room, summary(sessions[session_id], dates))
            for session_id, dates in by_session.items()]


# --- taking part ----------------------------------------------------------------------------


def by_token(raw_token):
    """The sign-up behind a personal link, or None (found by digest: see token_digest)."""
    return db.session.scalar(sa.select(Participant).where(Participant.token_hash == token_digest(raw_token or "")))


def session_of(participant):
    return db.session.get(Session, participant.occurrence.booking.session_id)


def waiting_rank(participant):
    """1 for the first person waiting for that date."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(Participant).where(
        Participant.occurrence_id == participant.occurrence_id, Participant.status == WAITING,
        sa.tuple_(Participant.created_at, Participant.id) <= (participant.created_at, participant.id)))


def _confirmed(occurrence_id):
    return db.session.scalar(sa.select(sa.func.count()).select_from(Participant).where(
        Participant.occurrence_id == occurrence_id, Participant.status == CONFIRMED))


def check_contact(contact):
    """An email address or a phone number as people write it, or nothing."""
    if not contact:
        return
    digits = sum(c.isdigit() for c in contact)
    if len(contact) > CONTACT_LENGTH or not (EMAIL.match(contact) or (PHONE.match(contact) and 6 <= digits <= 15)):
        raise Refused(_l("Indiquez un numéro de téléphone (par exemple 06 12 34 56 78) ou une adresse e-mail, "
                         "ou laissez ce champ vide."), field="contact")


def sign_up(session, occurrence_id, name, contact="", locale="fr"):
    """A place for ``name`` on that date, or a rank on its waiting list when it is full.
    Returns (participant, raw token of their personal link: shown once, never stored)."""
    name, contact = " ".join((name or "").split()), (contact or "").strip()
    if session.status != PUBLISHED or session.admission != SIGN_UP:
        raise Refused(_l("Pas besoin de s'inscrire à cette rencontre : venez directement."))
    if not name:
        raise Refused(_l("Indiquez un prénom ou un pseudonyme."), field="name")
    if len(name) > NAME_LENGTH:
        raise Refused(_l("Un prénom ou un pseudonyme de %(n)s caractères au plus.", n=NAME_LENGTH), field="name")
    check_contact(contact)
    occurrence = None
    if occurrence_id is not None:
        hold(Occurrence, occurrence_id)
        occurrence = db.session.get(Occurrence, occurrence_id, populate_existing=True)
    if (occurrence is None or occurrence.booking.session_id != session.id or occurrence.status != APPROVED
            or occurrence.starts_at <= clock.now()):
        raise Refused(_l("Choisissez une des dates proposées."), field="occurrence")
    limit = capacity(session)
    full = limit is not None and _confirmed(occurrence.id) >= limit
    raw = secrets.token_urlsafe(32)
    participant = Participant(occurrence=occurrence, name=name, contact=contact, locale=locale,
                              token_hash=token_digest(raw), status=WAITING if full else CONFIRMED)
    db.session.add(participant)
    db.session.commit()
    return participant, raw


def cancel(participant):
    """Give the place back (the contact is erased at once); the first people waiting for that
    date take the places freed, and are told. Returns those promoted."""
    if participant.status == CANCELLED:
        return []
    hold(Occurrence, participant.occurrence_id)
    db.session.refresh(participant)
    freed = participant.status == CONFIRMED
    participant.status, participant.contact, participant.cancelled_at = CANCELLED, "", clock.now()
    db.session.flush()
    promoted = _promote(participant.occurrence) if freed else []
    db.session.commit()
    for person in promoted:
        _tell_promoted(person)
    return promoted


def _promote(occurrence):
    session = db.session.get(Session, occurrence.booking.session_id)
    limit = capacity(session)
    free = None if limit is None else limit - _confirmed(occurrence.id)
    waiting = sa.select(Participant).where(Participant.occurrence_id == occurrence.id, Participant.status == WAITING)
    if free is not None:
        if free <= 0:
            return []
        waiting = waiting.limit(free)
    promoted = db.session.scalars(waiting.order_by(Participant.created_at, Participant.id)).all()
    for person in promoted:
        person.status, person.promoted_at = CONFIRMED, clock.now()
    return promoted


def _tell_promoted(participant):
    """By email if they left one; otherwise their personal page shows it."""
    if participant.email:
        session = session_of(participant)
        mail.send(participant.email, "participant_promoted", locale=participant.locale, participant=participant,
                  title=written_one(session, participant.locale).title.text, room=participant.occurrence.booking.room,
                  page=url_for("sessions.public_page", session_id=session.id, _external=True))


def practical(session, falc=False):
    """(heading, sentence) pairs: cost, coming with a relative, signing up — the same words on
    the page and on the poster, in simple sentences when easy-to-read is asked."""
    if session.cost == FEE and session.fee:
        cost = (_("Il faut payer : %(fee)s.", fee=session.fee) if falc
                else _("Participation demandée : %(fee)s", fee=session.fee))
    elif session.cost == PAY_WHAT_YOU_CAN:
        cost = (_("Vous donnez de l'argent si vous voulez.\nVous pouvez aussi ne rien donner.") if falc
                else _("Participation libre : vous donnez ce que vous voulez, ou rien."))
    else:
        cost = _("C'est gratuit.") if falc else _("Gratuit")
    if session.with_relative:
        relative = (_("Vous pouvez venir avec une personne de votre famille ou un ami.") if falc
                    else _("Vous pouvez venir avec un proche."))
    else:
        relative = (_("Vous venez seul.\nLes proches ne viennent pas à cette rencontre.") if falc
                    else _("Cette rencontre se vit sans accompagnant."))
    if session.admission == SIGN_UP:
        admission = (_("Vous devez vous inscrire avant de venir.\nVotre prénom suffit.") if falc
                     else _("Inscription nécessaire, avec un simple prénom ou pseudonyme."))
    else:
        admission = (_("Vous n'avez pas besoin de vous inscrire.\nVous venez directement.") if falc
                     else _("Venez sans inscription : l'entrée est libre."))
    return [(_("Prix"), cost), (_("Venir avec un proche"), relative), (_("Inscription"), admission)]


def tell_participants(occurrences, change):
    """Email the people signed up for these dates, or waiting, who left an email address, that
    a date was moved or cancelled (``change``: "moved" or "cancelled"); the others see it on
    their personal page. Call it after the change is committed. Returns those told."""
    assert change in ("moved", "cancelled")
    people = db.session.scalars(sa.select(Participant).where(
        Participant.occurrence_id.in_([o.id for o in occurrences]),
        Participant.status.in_((CONFIRMED, WAITING)), Participant.contact.contains("@"))).all()
    for person in people:
        session = session_of(person)
        mail.send(person.email, "participant_changed", locale=person.locale, participant=person,
                  title=written_one(session, person.locale).title.text, change=change,
                  page=url_for("sessions.public_page", session_id=session.id, _external=True))
    return people


def forget_past_contacts():
    """A contact only serves to tell someone about their date: once the date is over, it is
    erased (meant for the scheduled ``tick``). Returns how many were erased."""
    ended = sa.select(Occurrence.id).where(Occurrence.ends_at < clock.now())
    erased = db.session.execute(sa.update(Participant).where(
        Participant.occurrence_id.in_(ended), Participant.contact != "").values(contact="")).rowcount
    db.session.commit()
    return erased


# After a date, a sign-up serves nothing more: a month later (time to see one's link answer "this
# date is over"), the first name or pseudonym goes too, with the whole row.
SIGN_UPS_KEPT = timedelta(days=30)


def forget_past_sign_ups(now=None):
    """Delete the sign-ups of dates that ended more than ``SIGN_UPS_KEPT`` ago (meant for the
    scheduled ``tick``). Returns how many were deleted."""
    now = clock.now() if now is None else now
    long_over = sa.select(Occurrence.id).where(Occurrence.ends_at < now - SIGN_UPS_KEPT)
    deleted = db.session.execute(sa.delete(Participant).where(Participant.occurrence_id.in_(long_over))).rowcount
    db.session.commit()
    return deleted


@dates_changed.connect
def _tell_participants_of_changed_dates(_sender, occurrences, change):
    tell_participants(occurrences, change)
