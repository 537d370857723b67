"""The buddy queue, from the person's side: signing up (alone, or by a volunteer or a mediator on
the person's behalf, then to be confirmed by the person), consents, the personal link, changing
availability, pausing, and leaving, which erases the person at once.

Only what matching needs is asked; every list is checked against the known keys, so that nothing
else can be stored. A consent is recorded per purpose, yes or no, with the charter version the
person saw, when, how (``CHANNELS``) and who recorded it.
"""
import secrets
from datetime import timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from portal import audit, clock
from portal.binomes import pairs
from portal.binomes.models import (
    ACTIVITIES, AGE_BRACKETS, ANY_PACE, BY_LINK, BY_PHONE, DAY_PARTS, EMAIL, GENDERS, LANGUAGES, LEFT, MATCHING,
    NEEDS, ONLINE, PACES, PAUSED, PHONE, PURPOSES, SIGNED_UP, SLOT_COUNT, TO_CONFIRM, WAITING, WEEKDAYS,
    AccessEntry, BuddyCharter, Consent, Neighbourhood, Pair, PairEvent, Person)
from portal.security import token_digest
from portal.database import db
from portal.errors import Refused
from portal.i18n import supported_locales
from portal.sessions.public import EMAIL as EMAIL_ADDRESS
from portal.sessions.public import PHONE as PHONE_NUMBER

NAME_LENGTH = 60
CONTACT_LENGTH = 120
ATTESTATION_LENGTH = 300
# In the downloaded data, slots are written out in words any reader understands.
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_PART_KEYS = ("morning", "afternoon", "evening")


# --- the charter ------------------------------------------------------------------------------

def current_charter():
    """The charter shown at sign-up: its latest version, or None before any is published."""
    return db.session.scalar(sa.select(BuddyCharter).order_by(BuddyCharter.version.desc()).limit(1))


def charter_key(charter):
    """The key of the charter's translated texts (``portal.content``)."""
    return charter.text_key


def _charter_version():
    charter = current_charter()
    if charter is None:
        raise Refused(_l("Les inscriptions ne sont pas encore ouvertes : la charte des binômes n'est pas "
                         "encore publiée."))
    return charter.version


# --- availability slots -----------------------------------------------------------------------

def slot_bits(slots):
    """The ``Person.availability`` integer of (weekday, part of day) pairs."""
    return sum(1 << (weekday * len(DAY_PARTS) + part) for weekday, part in set(slots))


def slots_of(person_or_bits):
    """(weekday, part of day) pairs, Monday morning first."""
    bits = person_or_bits if isinstance(person_or_bits, int) else person_or_bits.availability
    return [divmod(slot, len(DAY_PARTS)) for slot in range(SLOT_COUNT) if bits >> slot & 1]


def slot_label(weekday, part):
    """« mardi matin »."""
    return _l("%(weekday)s %(part)s", weekday=WEEKDAYS[weekday], part=DAY_PARTS[part])


def keys_of(text):
    """The keys of a comma-separated column (activities, languages, needs)."""
    return [key for key in text.split(",") if key]


def told(person):
    """What the person told, in words (their own page and the mediators' record say it alike)."""

    def named(keys, labels):
        return [labels[key] for key in keys_of(keys) if key in labels]

    return {"activities": named(person.activities, ACTIVITIES), "languages": named(person.languages, LANGUAGES),
            "needs": named(person.needs, NEEDS), "pace": PACES.get(person.pace),
            "age_bracket": AGE_BRACKETS.get(person.age_bracket), "gender": GENDERS.get(person.gender),
            "buddy_gender": GENDERS.get(person.buddy_gender),
            "slots": [slot_label(day, part) for day, part in slots_of(person)]}


def _known_slots(slots):
    slots = list(slots or [])
    if not slots:
        raise Refused(_l("Cochez au moins un moment où vous êtes disponible."), field="slots")
    if not all(isinstance(d, int) and isinstance(p, int) and 0 <= d < len(WEEKDAYS) and 0 <= p < len(DAY_PARTS)
               for d, p in slots):
        raise Refused(_l("Choisissez les moments dans le tableau des disponibilités."), field="slots")
    return slot_bits(slots)


# --- checking what a person tells -------------------------------------------------------------

def _first_name(first_name):
    first_name = " ".join((first_name or "").split())
    if not first_name:
        raise Refused(_l("Indiquez un prénom ou un pseudonyme."), field="first_name")
    if len(first_name) > NAME_LENGTH:
        raise Refused(_l("Un prénom ou un pseudonyme de %(n)s caractères au plus.", n=NAME_LENGTH),
                      field="first_name")
    return first_name


def contact_kind_of(contact):
    """How a contact as typed reaches the person: an address with @ is an email, else a phone."""
    return EMAIL if "@" in (contact or "") else PHONE


def _contact(kind, contact):
    contact = (contact or "").strip()
    if kind not in (PHONE, EMAIL):
        raise Refused(_l("Indiquez un numéro de téléphone ou une adresse e-mail."), field="contact")
    if not contact:
        raise Refused(_l("Indiquez un numéro de téléphone ou une adresse e-mail : c'est le seul moyen de "
                         "vous prévenir."), field="contact")
    if kind == EMAIL:
        if len(contact) > CONTACT_LENGTH or not EMAIL_ADDRESS.match(contact):
            raise Refused(_l("Cette adresse e-mail semble incomplète. Exemple : prenom@exemple.fr"), field="contact")
        return contact.lower()
    digits = sum(c.isdigit() for c in contact)
    if len(contact) > CONTACT_LENGTH or not PHONE_NUMBER.match(contact) or not 6 <= digits <= 15:
        raise Refused(_l("Indiquez un numéro de téléphone de 6 à 15 chiffres. Exemple : 06 12 34 56 78"),
                      field="contact")
    return " ".join(contact.split())


def _neighbourhood(neighbourhood_id):
    found = db.session.get(Neighbourhood, neighbourhood_id) if isinstance(neighbourhood_id, int) else None
    if found is None:
        raise Refused(_l("Choisissez votre quartier dans la liste."), field="neighbourhood")
    return found


def _keys(values, known, field, required_message=None):
    """``values`` as a comma-separated column, in the order of ``known``; refused when a value is
    unknown, or when none is given and ``required_message`` says one is needed."""
    values = set(values or [])
    if values - set(known):
        raise Refused(_l("Choisissez seulement dans la liste proposée."), field=field)
    if not values and required_message:
        raise Refused(required_message, field=field)
    return ",".join(key for key in known if key in values)


def _one_of(value, known, field, optional=True):
    value = value or ""
    if (value or not optional) and value not in known:
        raise Refused(_l("Choisissez seulement dans la liste proposée."), field=field)
    return value


def _locale(locale):
    return locale if locale in supported_locales() else supported_locales()[0]


def _needs_consent_to_matching(consents):
    if not consents.get(MATCHING):
        raise Refused(_l("Cochez la case « %(purpose)s » : sans votre accord, personne ne peut vous proposer "
                         "de binôme.", purpose=PURPOSES[MATCHING]), field=f"consent_{MATCHING}")


def _record_consents(person, consents, channel, version, recorded_by=None, attestation="", now=None):
    """One row per purpose, given or not: what the person said, on which charter, how, when."""
    for purpose in PURPOSES:
        person.consents.append(Consent(purpose=purpose, given=bool(consents.get(purpose)), charter_version=version,
                                       channel=channel, recorded_by=recorded_by, attestation=attestation,
                                       at=now or clock.now()))



# --- signing up and confirming ----------------------------------------------------------------

def sign_up(*, first_name, contact_kind, contact, neighbourhood_id, activities, slots, languages, needs, pace,
            age_bracket="", gender="", buddy_gender="", consents=None, locale="fr", recorded_by=None):
    """A person joins the queue. Alone (``recorded_by`` None), they must consent to being matched
    and wait from now on; signed up by a volunteer or a mediator, they are to be confirmed by the
    person, with no consent recorded until then. Returns (person, raw token of their personal
    link: shown once, never stored)."""
    consents = consents or {}
    version = _charter_version()
    person = Person(
        first_name=_first_name(first_name),
        contact_kind=contact_kind,
        contact=_contact(contact_kind, contact),
        neighbourhood=_neighbourhood(neighbourhood_id),
        activities=_keys(activities, ACTIVITIES, "activities", _l("Cochez au moins une activité.")),
        availability=_known_slots(slots),
        languages=_keys(languages, LANGUAGES, "languages", _l("Cochez au moins une langue que vous parlez.")),
        needs=_keys(needs, NEEDS, "needs"),
        pace=_one_of(pace or ANY_PACE, PACES, "pace", optional=False),
        age_bracket=_one_of(age_bracket, AGE_BRACKETS, "age_bracket"),
        gender=_one_of(gender, GENDERS, "gender"),
        buddy_gender=_one_of(buddy_gender, GENDERS, "buddy_gender"),
        locale=_locale(locale),
        recorded_by=recorded_by,
    )
    now = clock.now()
    person.signed_up_at = person.waiting_since = now
    if recorded_by is None:
        _needs_consent_to_matching(consents)
        _record_consents(person, consents, ONLINE, version, now=now)
        person.status, person.confirmed_at = WAITING, now
    else:
        person.status = TO_CONFIRM
    raw = secrets.token_urlsafe(32)
    person.token_hash = token_digest(raw)
    db.session.add(person)
    record_event(SIGNED_UP)
    db.session.commit()
    return person, raw


def _confirm(person, consents, channel, recorded_by=None, attestation=""):
    if person.status != TO_CONFIRM:
        raise Refused(_l("Cette inscription est déjà confirmée."))
    _needs_consent_to_matching(consents)
    now = clock.now()
    _record_consents(person, consents, channel, _charter_version(), recorded_by, attestation, now)
    # Waiting counts from the confirmation: before it, nobody could be proposed to them.
    person.status, person.confirmed_at, person.waiting_since = WAITING, now, now


def confirm_by_link(person, consents, locale=None):
    """The person confirms, through their personal link, a sign-up made on their behalf."""
    _confirm(person, consents, BY_LINK)
    if locale:
        person.locale = _locale(locale)
    db.session.commit()
    return person


def confirm_by_phone(mediator, person, consents, attestation):
    """The mediator records a confirmation the person gave on the phone, and attests it."""
    attestation = " ".join((attestation or "").split())
    if not attestation:
        raise Refused(_l("Écrivez ce que la personne a dit, et quand : par exemple « Appelée le 3 mars, elle "
                         "est d'accord »."), field="attestation")
    if len(attestation) > ATTESTATION_LENGTH:
        raise Refused(_l("%(n)s caractères au plus.", n=ATTESTATION_LENGTH), field="attestation")
    _confirm(person, consents, BY_PHONE, recorded_by=mediator, attestation=attestation)
    audit.record(mediator, "buddy.confirmed_by_phone", person)
    db.session.commit()
    return person


def latest_consents(person):
    """{purpose: the last Consent recorded for it}, in the order of ``PURPOSES``."""
    found = {consent.purpose: consent for consent in person.consents}
    return {purpose: found[purpose] for purpose in PURPOSES if purpose in found}


def consents_to(person, purpose):
    consent = latest_consents(person).get(purpose)
    return consent is not None and consent.given


# --- the personal link ------------------------------------------------------------------------

def by_token(raw):
    """The person behind a personal link, or None (found by digest: see token_digest)."""
    return db.session.scalar(sa.select(Person).where(Person.token_hash == token_digest(raw or "")))


def new_link(actor, person):
    """A new personal link for someone who lost theirs; the old one stops working. Returns the
    raw token."""
    raw = secrets.token_urlsafe(32)
    person.token_hash = token_digest(raw)
    audit.record(actor, "buddy.new_link", person)
    db.session.commit()
    return raw


# --- what the person changes ------------------------------------------------------------------

def change_availability(person, slots):
    person.availability = _known_slots(slots)
    db.session.commit()
    return person


def pause(person, now=None):
    """Nobody is proposed to a person on pause. Only someone waiting pauses: a proposal is
    answered, a pair ended, first."""
    if person.status == PAUSED:
        return person
    if person.status != WAITING:
        raise Refused(_l("Vous pouvez faire une pause seulement quand vous attendez un binôme."))
    person.status, person.inactive_since = PAUSED, now or clock.now()
    db.session.commit()
    return person


def resume(person, now=None):
    """Back in the queue after a pause, or after a pair ended. The time paused does not count as
    waiting (after a pair, waiting starts again from zero: see ``pairs.end``)."""
    if person.status == WAITING:
        return person
    if person.status != PAUSED:
        raise Refused(_l("Vous êtes déjà dans la file d'attente ou en binôme."))
    now = now or clock.now()
    person.waiting_since += now - (person.inactive_since or now)
    person.status, person.inactive_since = WAITING, None
    db.session.commit()
    return person


def leave(person):
    """Erase the person now: any proposal is declined and any pair ended (the other person is
    told, neutrally), their pairs forget why they were suggested, and their row goes, with their
    consents, access log and "not again" marks. Only an anonymous count of leaving remains."""
    notices = []
    pair = pairs.current_pair(person)
    if pair is not None:
        notices = pairs.step_out(pair, person)
    for old in db.session.scalars(sa.select(Pair).where(sa.or_(Pair.first_id == person.id,
                                                               Pair.second_id == person.id))):
        old.explanation = ""  # it described the two people
    record_event(LEFT)
    db.session.delete(person)
    db.session.commit()
    pairs.send(notices)


# --- what is kept, as the person may download it ----------------------------------------------

def _iso(moment):
    return moment.isoformat() if moment is not None else None


def export(person):
    """Everything stored about the person, and their pairs without anything of the other person."""
    return {
        "first_name": person.first_name,
        "contact_kind": person.contact_kind,
        "contact": person.contact,
        "locale": person.locale,
        "neighbourhood": person.neighbourhood.name if person.neighbourhood else None,
        "activities": keys_of(person.activities),
        "availability": [{"weekday": WEEKDAY_KEYS[day], "part_of_day": DAY_PART_KEYS[part]}
                         for day, part in slots_of(person)],
        "languages": keys_of(person.languages),
        "needs": keys_of(person.needs),
        "pace": person.pace,
        "age_bracket": person.age_bracket or None,
        "gender": person.gender or None,
        "buddy_gender": person.buddy_gender or None,
        "status": person.status,
        "signed_up_at": _iso(person.signed_up_at),
        "signed_up_on_your_behalf": person.recorded_by_id is not None,
        "confirmed_at": _iso(person.confirmed_at),
        "waiting_since": _iso(person.waiting_since),
        "inactive_since": _iso(person.inactive_since),
        "consents": [{"purpose": c.purpose, "given": c.given, "charter_version": c.charter_version,
                      "channel": c.channel, "recorded_by_mediation": c.recorded_by_id is not None,
                      "attestation": c.attestation or None, "at": _iso(c.at)} for c in person.consents],
        "pairs": [_exported_pair(pair, person) for pair in pairs.pairs_of(person)],
        "record_viewed": [{"what": entry.what, "at": _iso(entry.at)} for entry in db.session.scalars(
            sa.select(AccessEntry).where(AccessEntry.person_id == person.id).order_by(AccessEntry.at))],
    }


def _exported_pair(pair, person):
    answer = pair.first_answer if pair.first_id == person.id else pair.second_answer
    return {"status": pair.status, "proposed_at": _iso(pair.proposed_at), "your_answer": answer,
            "activated_at": _iso(pair.activated_at),
            "meeting_place": pair.meeting_place.name if pair.meeting_place else None,
            "follow_up_on": _iso(pair.follow_up_on), "ended_at": _iso(pair.ended_at)}


# --- for the mediators and the counts ---------------------------------------------------------

def neighbourhoods():
    return db.session.scalars(sa.select(Neighbourhood).order_by(Neighbourhood.name)).all()


def log_access(viewer, person, what):
    """Note that ``viewer`` looked at the person's record (written at once, even for a page that
    only reads)."""
    entry = AccessEntry(person_id=person.id, viewer=viewer, what=what, at=clock.now())
    db.session.add(entry)
    db.session.commit()
    return entry


def record_event(kind, waited_days=None):
    """An anonymous count: its kind and month only. The caller commits, with what it counts."""
    event = PairEvent(kind=kind, month=clock.today().replace(day=1), waited_days=waited_days)
    db.session.add(event)
    return event


def waited_days(person, now):
    return max((now - person.waiting_since) // timedelta(days=1), 0)
