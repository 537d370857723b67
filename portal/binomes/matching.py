"""Matching suggestions: for one person, the waiting people who would make a good buddy, best
first, each with the sentences that explain why.

The queue may hold thousands of people, so candidates are read in one query as plain rows (only
the columns scoring needs), what cannot match is left out by the database (no shared slot, a
pace that does not fit, a gender preference not met either way), and what remains is scored
with integer bit operations. Sentences are written only for the few suggestions kept.
"""
import heapq
import math
from dataclasses import dataclass
from functools import lru_cache

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale, format_decimal, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.binomes import queue
from portal.binomes.models import ACTIVITIES, BRISK, GENTLE, LANGUAGES, WAITING, Neighbourhood, NotAgain, Person
from portal.database import db

# What weighs in a score. Slots come first: two people who are never free at the same time
# cannot meet (they are not suggested at all); beyond a few shared slots, more adds little.
SLOT_POINTS, SLOTS_COUNTED = 10, 4
ACTIVITY_POINTS = 8
LANGUAGE_POINTS = 15
# Same neighbourhood: the full points; then fewer with each kilometre between the centres.
NEIGHBOURHOOD_POINTS, POINTS_LOST_PER_KM = 20, 4

SHARED_ACTIVITY = {"marche": _l("tous deux aiment marcher"), "cafe": _l("tous deux aiment prendre un café"),
                   "mediatheque": _l("tous deux aiment aller à la médiathèque"),
                   "autre": _l("tous deux ont envie d'autre chose (à voir avec eux)")}
INCOMPATIBLE_PACE = {GENTLE: BRISK, BRISK: GENTLE}
EARTH_RADIUS_KM = 6371.0
# Activities and languages are scored as bits, in the order of these keys.
ACTIVITY_KEYS, LANGUAGE_KEYS = tuple(ACTIVITIES), tuple(LANGUAGES)
# What scoring reads of each candidate: no more, so that thousands of rows stay cheap.
COLUMNS = (Person.id, Person.availability, Person.activities, Person.languages, Person.neighbourhood_id,
           Person.waiting_since)


@dataclass(frozen=True)
class Suggestion:
    candidate: Person
    score: int
    reasons: list


def suggestions(person, limit=5):
    """The ``limit`` best waiting people for ``person``, best first (the longer-waiting first
    when scores are equal), as ``Suggestion``s with their reasons."""
    points_near = _proximity_points(person.neighbourhood)
    activities, languages = _bits(person.activities, ACTIVITY_KEYS), _bits(person.languages, LANGUAGE_KEYS)
    scored = ((_score(row, person.availability, activities, languages, points_near), row)
              for row in _candidate_rows(person))
    best = heapq.nsmallest(limit, scored, key=lambda item: (-item[0], item[1].waiting_since, item[1].id))
    people = {p.id: p for p in db.session.scalars(sa.select(Person).where(Person.id.in_([row.id for _s, row in best])))}
    return [Suggestion(people[row.id], score, explain(person, people[row.id])) for score, row in best]


def explanation(person, candidate):
    """The reasons kept with a proposed pair, one a line, in the portal's source language like
    every record staff keep (the pair's page marks it as such when read in another language)."""
    with force_locale(current_app.config["PORTAL_LOCALES"][0]):
        return "\n".join(explain(person, candidate))


def explain(person, candidate):
    """The sentences a mediator reads about this pair: what they share, how far apart they
    live, what to keep in mind when choosing where they meet."""
    reasons = [_shared_slots(person.availability & candidate.availability)]
    shared = set(queue.keys_of(person.activities)) & set(queue.keys_of(candidate.activities))
    reasons += [str(SHARED_ACTIVITY[key]) for key in ACTIVITIES if key in shared]
    reasons.append(_languages(set(queue.keys_of(person.languages)) & set(queue.keys_of(candidate.languages))))
    reasons.append(_proximity(person.neighbourhood, candidate.neighbourhood))
    if person.buddy_gender or candidate.buddy_gender:
        reasons.append(_("préférence de genre respectée des deux côtés"))
    reasons += _needs(set(queue.keys_of(person.needs)), set(queue.keys_of(candidate.needs)))
    return reasons


def distance_km(first, second):
    """Distance between two neighbourhoods' centres as the crow flies (haversine formula)."""
    lat1, lat2 = math.radians(first.latitude), math.radians(second.latitude)
    across = math.radians(second.longitude - first.longitude)
    half_chord = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(across / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(half_chord))


# --- choosing -----------------------------------------------------------------------------------

def _candidate_rows(person):
    """Waiting people who could meet ``person`` at all, as rows of ``COLUMNS``."""
    query = sa.select(*COLUMNS).where(
        Person.status == WAITING, Person.id != person.id,
        Person.availability.op("&")(person.availability) != 0,
        Person.id.not_in(_declined_with(person)),
        # Each side's preference about the other's gender, when they have one; an unknown
        # gender never meets a preference.
        Person.buddy_gender.in_(["", person.gender] if person.gender else [""]))
    if person.buddy_gender:
        query = query.where(Person.gender == person.buddy_gender)
    if person.pace in INCOMPATIBLE_PACE:
        query = query.where(Person.pace != INCOMPATIBLE_PACE[person.pace])
    return db.session.execute(query)


def _declined_with(person):
    """The people ``person`` must not be suggested again (one of them declined the other)."""
    return sa.union(sa.select(NotAgain.high_id).where(NotAgain.low_id == person.id),
                    sa.select(NotAgain.low_id).where(NotAgain.high_id == person.id))


def _score(row, availability, activities, languages, points_near):
    score = SLOT_POINTS * min((row.availability & availability).bit_count(), SLOTS_COUNTED)
    score += ACTIVITY_POINTS * (_bits(row.activities, ACTIVITY_KEYS) & activities).bit_count()
    if _bits(row.languages, LANGUAGE_KEYS) & languages:
        score += LANGUAGE_POINTS
    return score + points_near.get(row.neighbourhood_id, 0)


@lru_cache(maxsize=4096)
def _bits(stored, keys):
    """A comma-separated list of keys as bits (the same few lists come back for thousands of
    people, so each is read once)."""
    return sum(1 << keys.index(key) for key in queue.keys_of(stored) if key in keys)


def _proximity_points(neighbourhood):
    """Points for living in each neighbourhood, seen from ``neighbourhood`` (a town has a few
    dozen: they are all measured once per suggestion list, not once per candidate)."""
    if neighbourhood is None:
        return {}
    points = {}
    for other in db.session.scalars(sa.select(Neighbourhood)):
        lost = 0 if other.id == neighbourhood.id else POINTS_LOST_PER_KM * distance_km(neighbourhood, other)
        points[other.id] = max(0, round(NEIGHBOURHOOD_POINTS - lost))
    return points


# --- explaining ---------------------------------------------------------------------------------

def _shared_slots(shared):
    names = [str(queue.slot_label(day, part)) for day, part in queue.slots_of(shared)]
    if not names:
        return _("aucun créneau commun")
    return ngettext("%(num)d créneau commun : %(slots)s", "%(num)d créneaux communs : %(slots)s", len(names),
                    slots=", ".join(names))


def _languages(shared):
    if not shared:
        return _("aucune langue commune indiquée")
    return _("parlent tous deux %(languages)s", languages=", ".join(str(LANGUAGES[key]) for key in LANGUAGES
                                                                      if key in shared))


def _proximity(first, second):
    if first is None or second is None:
        return _("quartier non indiqué")
    if first.id == second.id:
        return _("même quartier")
    return _("quartiers à %(distance)s km", distance=format_decimal(distance_km(first, second), "0.0"))


def _needs(first, second):
    """What the mediator keeps in mind for the meeting place, naming nobody (the sentences are
    kept with the pair's explanation)."""
    either = first | second
    said = []
    if "step_free" in either:
        said.append(_("se rencontrer dans des lieux sans marches"))
    if "hearing" in either:
        said.append(_("les deux entendent mal : choisir un lieu calme") if "hearing" in first & second
                    else _("l'une des deux personnes entend mal : choisir un lieu calme"))
    if "sight" in either:
        said.append(_("les deux voient mal : un lieu de rendez-vous facile à trouver") if "sight" in first & second
                    else _("l'une des deux personnes voit mal : un lieu de rendez-vous facile à trouver"))
    return said
