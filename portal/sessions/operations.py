"""The planner's rules: an association turns a format into a session, step by step (the guide's
six steps), asks for its room through the rooms' approval, and publishes it once it is safe.

Each step saves the draft in one commit with its audit entry; a refusal names its field and
leaves nothing written (the view rolls back).
"""
import re
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from portal import audit, clock
from portal.database import db
from portal.errors import Refused
from portal.formats.models import Format
from portal.resources.models import Resource
from portal.roles import MANAGERS, Role
from portal.rooms import operations as rooms
from portal.rooms.models import APPROVED, CANCELLED, ONCE, PENDING, PROPOSED, SKIPPED, Booking, Occurrence
from portal.sessions.models import ADMISSION_LABELS, COST_LABELS, DRAFT, FEE, FREE, PUBLISHED, STEPS, WALK_IN, Session

STEP_TITLES = {
    "lieu": _l("Choisir le lieu"),
    "definir": _l("Définir la rencontre"),
    "charte": _l("La charte"),
    "preparer": _l("Préparer l'équipe"),
    "prevenir": _l("Prévenir les risques"),
    "orienter": _l("Orienter et suivre"),
}
# A phone number as people write it: digits with spaces, dots, dashes, brackets, a leading +.
PHONE = re.compile(r"^\+?[\d\s.\-()]+$")
STILL_ON = (PENDING, APPROVED, PROPOSED, SKIPPED)


# --- reading -------------------------------------------------------------------------------

def readable_by(session, user):
    """Staff read every session; an association member reads their association's."""
    return user.has_role(*MANAGERS) or any(m.association_id == session.association_id for m in user.memberships)


def readable(session_id, user):
    """The session if ``user`` may read it, else None: to strangers it does not exist."""
    session = db.session.get(Session, session_id)
    return session if session is not None and readable_by(session, user) else None


def editable_by(session, user):
    return user.has_role(Role.ASSOCIATION) and any(m.association_id == session.association_id
                                                   for m in user.memberships)


def sessions_of(associations=None):
    """Sessions of these associations (every association's when None), newest first, with
    their bookings and dates loaded for the association space."""
    query = (sa.select(Session).order_by(Session.created_at.desc(), Session.id.desc()))
    if associations is not None:
        query = query.where(Session.association_id.in_([a.id for a in associations]))
    return db.session.scalars(query).unique().all()


def bookings_of(session):
    return db.session.scalars(sa.select(Booking).where(Booking.session_id == session.id)
                              .options(selectinload(Booking.occurrences))
                              .order_by(Booking.created_at, Booking.id)).unique().all()


def has_approved_date(session):
    return db.session.scalar(sa.select(sa.func.count()).select_from(Occurrence).join(Occurrence.booking)
                             .where(Booking.session_id == session.id, Occurrence.status == APPROVED)) > 0


def active_formats():
    return db.session.scalars(sa.select(Format).where(Format.archived_at.is_(None)).order_by(Format.slug)).all()


def step_number(step):
    return STEPS.index(step) + 1


def reachable(session, step):
    """One may open any step up to the furthest reached, never skip ahead."""
    return step_number(step) <= session.step


def room_warnings(fmt, room):
    """What the room lacks for the format: said, never blocking (the association knows its
    public; a plain warning lets it look for better)."""
    warnings = []
    if fmt is not None and fmt.needs_calm and not room.calm:
        warnings.append(_l("Ce format demande une salle calme : celle-ci n'est pas signalée comme calme."))
    if fmt is not None and fmt.needs_step_free and not room.step_free:
        warnings.append(_l("Ce format demande un accès de plain-pied : cette salle n'en a pas."))
    if fmt is not None and room.capacity < fmt.group_min:
        warnings.append(_l("La salle accueille %(n)s personnes, moins que le groupe minimum du format (%(min)s).",
                           n=room.capacity, min=fmt.group_min))
    return warnings


def missing(session):
    """What still prevents publication, in the person's words (empty: it may be published)."""
    reasons = []
    if not (session.referent_name and session.referent_phone):
        reasons.append(_l("une personne référente joignable par téléphone (étape 5)"))
    if not session.charter_accepted:
        reasons.append(_l("la charte acceptée (étape 3)"))
    if session.step < step_number("orienter") or not session.numbers_posted:
        reasons.append(_l("le plan en cas de détresse, avec les numéros d'aide affichés (étape 5)"))
    if not has_approved_date(session):
        reasons.append(_l("au moins une date approuvée par le service vie associative"))
    return reasons


# --- changing ------------------------------------------------------------------------------

def _reached(actor, session, step):
    """The step is saved: the next one opens, and the change is kept in the audit log."""
    session.step = max(session.step, min(step_number(step) + 1, len(STEPS)))
    audit.record(actor, "session.updated", session, str(STEP_TITLES[step]))


def start(actor, association, fmt):
    """A new draft of ``fmt`` for ``association``, prefilled from the format."""
    if not actor.has_role(Role.ASSOCIATION) or association not in actor.associations:
        raise Refused(_l("Vous ne pouvez préparer une rencontre que pour une association dont vous êtes membre."),
                      field="association")
    session = Session(association=association, format=fmt, duration=fmt.duration, max_participants=fmt.group_max,
                      status=DRAFT, step=1)
    db.session.add(session)
    db.session.flush()
    audit.record(actor, "session.created", session)
    db.session.commit()
    return session


def save_place(actor, session, room):
    session.room = room
    _reached(actor, session, "lieu")
    db.session.commit()


def _check_group(session, max_participants):
    if session.room is None:
        raise Refused(_l("Choisissez d'abord un lieu (étape 1)."))
    fmt = session.format
    if fmt is not None and max_participants > fmt.group_max:
        raise Refused(_l("Ce format se vit à %(max)s personnes au plus : réduisez le groupe.", max=fmt.group_max),
                      field="max_participants")
    if max_participants > session.room.capacity:
        raise Refused(_l("La salle choisie accueille au plus %(n)s personnes.", n=session.room.capacity),
                      field="max_participants")


def _end_of(day, start, duration):
    end = (datetime.combine(day, start) + timedelta(minutes=duration))
    if end.date() != day:
        raise Refused(_l("La rencontre doit finir le même jour : réduisez la durée."), field="duration")
    return end.time()


# The rooms' rules name their own fields; the planner's form calls two of them differently.
FIELDS_OF_ROOMS = {"expected_attendance": "max_participants", "end": "duration"}


def _as_planner_refusal(refusal):
    return Refused(refusal.message, field=FIELDS_OF_ROOMS.get(refusal.field, refusal.field))


def preview(session, max_participants, duration, first_day, start_time, frequency, until=None, count=None):
    """Every date the step would request, with its conflicts, before anything is sent."""
    _check_group(session, max_participants)
    try:
        return rooms.plan(session.room, first_day, start_time, _end_of(first_day, start_time, duration), frequency,
                          until, count, max_participants)
    except Refused as refusal:
        raise _as_planner_refusal(refusal) from None


def _schedule(session):
    return (session.room_id, session.first_day, session.start_time, session.duration, session.frequency,
            session.until, session.count)


def _check_coming(admission, cost, fee):
    """How one comes (walk-in or sign-up) and what it costs, as the public page will say it."""
    if admission not in ADMISSION_LABELS:
        raise Refused(_l("Choisissez : sans inscription ou sur inscription."), field="admission")
    if cost not in COST_LABELS:
        raise Refused(_l("Choisissez un prix dans la liste."), field="cost")
    if cost == FEE and not fee.strip():
        raise Refused(_l("Indiquez le montant demandé, par exemple « 2 € »."), field="fee")


def save_definition(actor, session, *, title, objective, max_participants, duration, first_day, start_time,
                    frequency=ONCE, until=None, count=None, admission=WALK_IN, cost=FREE, fee="",
                    with_relative=True):
    """Step 2. Sending new dates asks for the room (staff approve it); dates already asked
    for this session that are still on are cancelled first, so a session never holds two
    competing series. Unchanged dates ask nothing again."""
    _check_group(session, max_participants)
    _check_coming(admission, cost, fee)
    end = _end_of(first_day, start_time, duration)
    session.admission, session.cost, session.with_relative = admission, cost, with_relative
    session.fee = fee.strip() if cost == FEE else ""
    before = _schedule(session)
    session.title, session.objective = title.strip(), objective.strip()
    session.max_participants, session.duration = max_participants, duration
    session.first_day, session.start_time, session.frequency = first_day, start_time, frequency
    session.until, session.count = (until, count) if frequency != ONCE else (None, None)
    previous = bookings_of(session)
    asked = any(o.status in STILL_ON for b in previous for o in b.occurrences)
    if asked and before == _schedule(session):
        for booking in previous:  # the booking's purpose and size follow the session
            booking.purpose, booking.expected_attendance = session.title[:200], max_participants
        _reached(actor, session, "definir")
        db.session.commit()
        return None
    now = clock.now()
    for booking in previous:
        for occurrence in booking.occurrences:
            if occurrence.status in STILL_ON and occurrence.starts_at > now:
                occurrence.status, occurrence.reason, occurrence.decided_at = (
                    CANCELLED, str(_l("remplacée par une nouvelle demande")), now)
                audit.record(actor, "occurrence.cancelled", occurrence)
    _reached(actor, session, "definir")
    try:  # commits the request together with the draft and the cancellations
        return rooms.request_booking(actor, session.association, session.room, session.title, max_participants,
                                     first_day, start_time, end, frequency, session.until, session.count,
                                     session=session)
    except Refused as refusal:
        raise _as_planner_refusal(refusal) from None


def save_charter(actor, session, *, additions, accepted):
    if not accepted:
        raise Refused(_l("Cochez la case pour accepter la charte : elle protège les participants."),
                      field="accepted")
    session.charter_additions, session.charter_accepted = additions.strip(), True
    _reached(actor, session, "charte")
    db.session.commit()


def save_preparation(actor, session, *, opening_script, closing_instructions):
    session.opening_script, session.closing_instructions = opening_script.strip(), closing_instructions.strip()
    _reached(actor, session, "preparer")
    db.session.commit()


def check_phone(phone):
    """Loosely: what people write (« 06 12 34 56 78 », « +33 6… »), 6 to 15 digits."""
    digits = sum(c.isdigit() for c in phone)
    if not PHONE.match(phone) or not 6 <= digits <= 15:
        raise Refused(_l("Indiquez un numéro de téléphone, par exemple 06 12 34 56 78."), field="referent_phone")


def save_prevention(actor, session, *, referent_name, referent_phone, escalation_additions, numbers_posted):
    referent_name, referent_phone = referent_name.strip(), referent_phone.strip()
    check_phone(referent_phone)
    session.referent_name, session.referent_phone = referent_name, referent_phone
    session.escalation_additions, session.numbers_posted = escalation_additions.strip(), numbers_posted
    _reached(actor, session, "prevenir")
    db.session.commit()


def save_orientation(actor, session, *, resource_ids, courtesy_call, questionnaire):
    chosen = set(resource_ids)
    session.resources = [r for r in db.session.scalars(sa.select(Resource).where(Resource.id.in_(chosen)))]
    session.courtesy_call, session.questionnaire = courtesy_call, questionnaire
    _reached(actor, session, "orienter")
    db.session.commit()


def publish(actor, session):
    if session.status == PUBLISHED:
        raise Refused(_l("Cette rencontre est déjà publiée."))
    reasons = missing(session)
    if reasons:
        raise Refused(_l("Il manque encore : %(what)s.", what="; ".join(map(str, reasons))))
    session.status, session.published_at = PUBLISHED, clock.now()
    audit.record(actor, "session.published", session)
    db.session.commit()
