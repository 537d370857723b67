"""Factories: each makes one valid record; tests override only what they care about."""
import itertools

from werkzeug.security import generate_password_hash

from portal.associations.models import Association, Membership
from portal.auth.models import RoleGrant, User
from portal.database import db
from portal.rooms.models import Place
from portal.security import token_digest

PASSWORD = "un mot de passe de test"


def _cheap_hash(password):
    # The portal's own hashes are slow on purpose (scrypt); checking a factory's password at
    # every test login would dominate the run. A one-round hash is still verified by the same
    # check_password_hash, so signing in goes through the real code path.
    return generate_password_hash(password, method="pbkdf2:sha256:1")


_PASSWORD_HASH = _cheap_hash(PASSWORD)
_numbers = itertools.count(1)


def make_association(**overrides):
    n = next(_numbers)
    values = {"name": f"Association n°{n}", "description": "Des rencontres près de chez vous.",
              "email": f"contact{n}@association.example"}
    values.update(overrides)
    association = Association(**values)
    db.session.add(association)
    db.session.commit()
    return association


def make_user(roles=("volunteer",), associations=(), password=PASSWORD, **overrides):
    n = next(_numbers)
    values = {"email": f"personne{n}@passerelle.example", "name": f"Personne {n}",
              "password_hash": _PASSWORD_HASH if password == PASSWORD else
              (_cheap_hash(password) if password else None)}
    values.update(overrides)
    user = User(**values)
    user.role_grants = [RoleGrant(role=str(role)) for role in roles]
    user.memberships = [Membership(association=a) for a in associations]
    db.session.add(user)
    db.session.commit()
    return user


def make_place(directions=None, **overrides):
    """``directions``, how to get there: the French text, or {(locale, register): text}; none by
    default (a translated text, which tests counting texts would otherwise find)."""
    from portal.content import operations as content

    n = next(_numbers)
    values = {"name": f"Lieu n°{n}", "kind": "mediatheque", "address": f"{n} rue des Écoles",
              "neighbourhood": "Centre"}
    values.update(overrides)
    place = Place(**values)
    db.session.add(place)
    if directions:
        db.session.flush()
        content.save_variants(place.directions_key,
                              directions if isinstance(directions, dict) else {("fr", "standard"): directions})
    db.session.commit()
    return place


def make_room(place=None, hours=None, **overrides):
    """A room open every day from 08:00 to 22:00 unless ``hours`` says otherwise:
    {weekday: [(opens, closes), …]} with times as "HH:MM"."""
    import secrets
    from datetime import time

    from portal.rooms.models import OpeningHours, Room

    n = next(_numbers)
    values = {"name": f"Salle n°{n}", "capacity": 20, "step_free": True,
              "feed_token": secrets.token_urlsafe(16)}
    values.update(overrides)
    room = Room(place=place or make_place(), **values)
    hours = hours if hours is not None else {day: [("08:00", "22:00")] for day in range(7)}
    room.opening_hours = [OpeningHours(weekday=day, opens=time.fromisoformat(o), closes=time.fromisoformat(c))
                          for day, intervals in hours.items() for o, c in intervals]
    db.session.add(room)
    db.session.commit()
    return room


def make_booking(room=None, association=None, requester=None, day=None, start="14:00", end="16:00",
                 status="pending", frequency="once", count=None, **overrides):
    """A booking with its occurrence(s), written directly (the rules are tested elsewhere)."""
    from datetime import time, timedelta

    from portal import clock
    from portal.rooms.models import Booking, Occurrence
    from portal.rooms.recurrence import series_dates

    room = room or make_room()
    association = association or make_association()
    day = day or clock.today() + timedelta(days=7)
    values = {"purpose": "Café-échanges", "expected_attendance": 10}
    values.update(overrides)
    booking = Booking(room=room, association=association, requested_by=requester, frequency=frequency, **values)
    for d in series_dates(day, frequency, count=count):
        booking.occurrences.append(Occurrence(room_id=room.id, starts_at=clock.at(d, time.fromisoformat(start)),
                                              ends_at=clock.at(d, time.fromisoformat(end)), status=status))
    db.session.add(booking)
    db.session.commit()
    return booking


def make_resource(languages=("fr",), descriptions=None, reviewed_months_ago=0, **overrides):
    """A local resource (active, reviewed today unless ``reviewed_months_ago`` says otherwise);
    ``descriptions``: {(locale, register): text}."""
    from dateutil.relativedelta import relativedelta

    from portal import clock
    from portal.content import operations as content
    from portal.resources.models import Resource, ResourceLanguage

    n = next(_numbers)
    values = {"name": f"Ressource n°{n}", "kind": "ccas", "address": f"{n} rue des Tilleuls",
              "neighbourhood": "Centre", "hours": "Du lundi au vendredi, 9 h – 17 h", "phone": "02 00 00 00 10",
              "reviewed_at": clock.now() - relativedelta(months=reviewed_months_ago)}
    values.update(overrides)
    resource = Resource(language_rows=[ResourceLanguage(code=code) for code in languages], **values)
    db.session.add(resource)
    db.session.flush()
    content.save_variants(resource.description_key, descriptions or {})
    db.session.commit()
    return resource


def make_help_number(purposes=None, **overrides):
    """One of the town's help numbers; ``purposes``: {(locale, register): text}."""
    from portal.content import operations as content
    from portal.resources.models import LocalHelpNumber

    n = next(_numbers)
    values = {"name": f"Permanence n°{n}", "number": f"02 00 00 01 {n % 100:02d}", "hours": "En semaine"}
    values.update(overrides)
    line = LocalHelpNumber(**values)
    db.session.add(line)
    db.session.flush()
    content.save_variants(line.purpose_key, purposes or {("fr", "standard"): "Une urgence sociale."})
    db.session.commit()
    return line


def make_format(texts=None, roles=("accueil", "animation"), **overrides):
    """A format offered to the public. ``texts``: {field: {(locale, register): body}}; by
    default a French standard name and purpose."""
    from portal.content import operations as content
    from portal.formats.models import Format

    n = next(_numbers)
    values = {"slug": f"format-{n}", "kind": "talk", "duration": 90, "group_min": 4, "group_max": 12}
    values.update(overrides)
    fmt = Format(**values)
    fmt.roles = roles
    db.session.add(fmt)
    db.session.flush()
    texts = texts if texts is not None else {"name": {("fr", "standard"): f"Format n°{n}"},
                                             "purpose": {("fr", "standard"): "Se retrouver pour parler."}}
    for field, bodies in texts.items():
        content.save_variants(fmt.text_key(field), bodies)
    db.session.commit()
    return fmt


def make_text(key="test:1:text", locale="fr", register="standard", body="Un texte.", reviewed_by=None):
    """One variant of a translated text, marked as read by people concerned when ``reviewed_by``."""
    from portal.content.models import TranslatedText

    text = TranslatedText(key=key, locale=locale, register=register, body=body)
    if reviewed_by is not None:
        text.mark_reviewed(reviewed_by)
    db.session.add(text)
    db.session.commit()
    return text


def make_session(association=None, fmt=None, room=None, status="draft", step=1, **overrides):
    """A session of the planner, written directly (the rules are tested in test_sessions*).
    Publishing needs more: see ``portal.sessions.operations.missing``."""
    from portal.sessions.models import Session

    association = association or make_association()
    fmt = fmt or make_format()
    values = {"title": "Café-échanges du mardi", "duration": fmt.duration, "max_participants": fmt.group_max}
    values.update(overrides)
    session = Session(association=association, format=fmt, room=room, status=status, step=step, **values)
    db.session.add(session)
    db.session.commit()
    return session


def make_public_session(room=None, frequency="once", count=None, day=None, start="14:00", end="16:00", **overrides):
    """A published session (see ``make_session``) with approved dates in ``room``: the public sees it."""
    room = room or make_room()
    session = make_session(room=room, status="published", step=6, frequency=frequency, **overrides)
    make_booking(room=room, association=session.association, status="approved", frequency=frequency, count=count,
                 day=day, start=start, end=end, session_id=session.id)
    return session


def make_neighbourhood(**overrides):
    from portal.binomes.models import Neighbourhood

    n = next(_numbers)
    values = {"name": f"Quartier n°{n}", "latitude": 47.39 + n / 1000, "longitude": 0.69 + n / 1000}
    values.update(overrides)
    neighbourhood = Neighbourhood(**values)
    db.session.add(neighbourhood)
    db.session.commit()
    return neighbourhood


def make_buddy(neighbourhood=None, slots=((1, 0), (4, 1)), consents=True, **overrides):
    """A person of the buddy queue, waiting (confirmed), with the given (weekday, part of day)
    slots; ``consents`` gives the three consents on the current charter version. Written
    directly: the sign-up rules are tested in test_binomes_*. Returns (person, raw token)."""
    import secrets

    from portal.binomes.models import ONLINE, PURPOSES, WAITING, BuddyCharter, Consent, Person

    n = next(_numbers)
    token = secrets.token_urlsafe(24)
    values = {"first_name": f"Prénom{n}", "contact_kind": "email", "contact": f"binome{n}@exemple.fr",
              "neighbourhood": neighbourhood or make_neighbourhood(), "activities": "marche,cafe",
              "availability": sum(1 << (day * 3 + part) for day, part in slots), "languages": "fr",
              "status": WAITING, "token_hash": token_digest(token)}
    values.update(overrides)
    person = Person(**values)
    db.session.add(person)
    if consents:
        charter = db.session.get(BuddyCharter, 1) or BuddyCharter(version=1)
        db.session.add(charter)
        person.consents = [Consent(purpose=p, given=True, charter_version=1, channel=ONLINE) for p in PURPOSES]
    db.session.commit()
    return person, token


def make_answer(occurrence, moment="end", **overrides):
    """An anonymous answer to the questionnaire, for ``occurrence`` (written directly)."""
    from portal.indicators.models import Answer

    values = {"isolation": 5}
    values.update(overrides)
    answer = Answer(occurrence_id=occurrence.id, moment=moment, **values)
    db.session.add(answer)
    db.session.commit()
    return answer


def make_count(occurrence, **overrides):
    """What a team counted after ``occurrence`` (written directly)."""
    from portal.indicators.models import OccurrenceCount

    values = {"participants": 8, "newcomers": 2}
    values.update(overrides)
    count = OccurrenceCount(occurrence_id=occurrence.id, **values)
    db.session.add(count)
    db.session.commit()
    return count
