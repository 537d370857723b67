"""Pairs: a mediator proposes two people to each other; each sees only what they need to answer
(shared moments, activities, languages, the other's neighbourhood, never their first name); the
pair becomes active only when both said yes, and either may end it at any time, for no reason.

A decline costs nobody their place: both go back to the queue as they were, and the two are
never proposed to each other again. People are told by email when they gave one; the others
read it on their personal page (the mediator sends them a text message).
"""
from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from portal import audit, clock, mail
from portal.binomes import queue
from portal.binomes.models import (
    ACTIVE, ACTIVITIES, DECLINED, EMAIL, END, ENDED, LANGUAGES, MATCHING, OUTCOMES, PAIR_ACCEPTED, PAIR_DECLINED,
    PAIR_ENDED, PAIR_PROPOSED, PAIRED, PAUSED, PROPOSAL, PROPOSED, WAITING, NotAgain, Pair, Person)
from portal.database import db, hold
from portal.errors import Refused
from portal.rooms.operations import active_places

STEP_FREE = "step_free"


@dataclass
class Notice:
    """A mail to send once the change is committed."""

    person: Person
    template: str
    context: dict = field(default_factory=dict)


def send(notices):
    """Mail the notices whose person gave an email address."""
    for notice in notices:
        if notice.person.contact_kind == EMAIL:
            mail.send(notice.person.contact, notice.template, locale=notice.person.locale, person=notice.person,
                      **notice.context)


# --- reading ----------------------------------------------------------------------------------

def _of(person):
    return sa.or_(Pair.first_id == person.id, Pair.second_id == person.id)


def current_pair(person):
    """The person's proposal waiting for answers, or their active pair, or None."""
    return db.session.scalar(sa.select(Pair).where(_of(person), Pair.status.in_((PROPOSAL, ACTIVE)))
                             .order_by(Pair.proposed_at.desc(), Pair.id.desc()).limit(1))


def pairs_of(person):
    """Every pair the person was in, oldest first."""
    return db.session.scalars(sa.select(Pair).where(_of(person)).order_by(Pair.proposed_at, Pair.id)).all()


def other(pair, person):
    """The other person of the pair (None once they left)."""
    return pair.second if pair.first_id == person.id else pair.first


def answer_of(pair, person):
    """What the person answered: True, False, or None while they have not."""
    return pair.first_answer if pair.first_id == person.id else pair.second_answer


@dataclass
class Shared:
    """What a person is shown of a proposal: what they have in common with the other person,
    and where the other lives (the neighbourhood only)."""

    slots: list
    activities: list
    languages: list
    neighbourhood: str | None


def shared(pair, person):
    mate = other(pair, person)
    if mate is None:
        return Shared([], [], [], None)
    slots = queue.slots_of(person.availability & mate.availability)
    activities = set(queue.keys_of(person.activities)) & set(queue.keys_of(mate.activities))
    languages = set(queue.keys_of(person.languages)) & set(queue.keys_of(mate.languages))
    return Shared([queue.slot_label(day, part) for day, part in slots],
                  [label for key, label in ACTIVITIES.items() if key in activities],
                  [label for key, label in LANGUAGES.items() if key in languages],
                  mate.neighbourhood.name if mate.neighbourhood else None)


def meeting_place_for(pair):
    """Where the two could meet the first time: a public place of the directory, in one of their
    neighbourhoods, with a step-free room when either needs one (that need comes first: a place
    they cannot enter is no place to meet); else any place in use. None when there is none."""
    people = [p for p in (pair.first, pair.second) if p is not None]
    areas = {p.neighbourhood.name for p in people if p.neighbourhood is not None}
    step_free = any(STEP_FREE in queue.keys_of(p.needs) for p in people)

    def rank(place):
        accessible = any(room.step_free for room in place.active_rooms)
        return step_free and not accessible, place.neighbourhood not in areas

    return min(active_places(), key=rank, default=None)  # the first by name among equals


def follow_ups_due(today):
    """Active pairs whose follow-up point has come and is not yet recorded, the oldest first."""
    return db.session.scalars(sa.select(Pair).where(
        Pair.status == ACTIVE, Pair.follow_up_on <= today, Pair.followed_up_at.is_(None))
        .order_by(Pair.follow_up_on, Pair.id)).all()


# --- proposing and answering ------------------------------------------------------------------

def _not_again(first, second):
    low, high = sorted((first.id, second.id))
    return db.session.get(NotAgain, (low, high)) is not None


def propose(mediator, first, second, explanation=""):
    """Propose two people waiting, who consented to being matched, to each other. Each is told,
    without the other's first name."""
    if first.id == second.id:
        raise Refused(_l("Choisissez deux personnes différentes."))
    hold(Person, first.id, second.id)  # two mediators proposing the same person at once take turns
    for person in (first, second):
        db.session.refresh(person)
        if person.status != WAITING or not queue.consents_to(person, MATCHING):
            raise Refused(_l("Une des deux personnes n'attend plus de binôme : rechargez la page."))
    if _not_again(first, second):
        raise Refused(_l("Une des deux personnes a déjà décliné l'autre : ils ne sont plus proposés ensemble."))
    pair = Pair(first=first, second=second, explanation=explanation or "", proposed_by=mediator,
                proposed_at=clock.now())
    first.status = second.status = PROPOSED
    db.session.add(pair)
    queue.record_event(PAIR_PROPOSED)
    db.session.flush()
    audit.record(mediator, "pair.proposed", pair)
    db.session.commit()
    send([Notice(person, "binome_proposal", {"shared": shared(pair, person)}) for person in (first, second)])
    return pair


def _waiting_for(pair, person):
    if pair is not None:
        hold(Pair, pair.id)
        db.session.refresh(pair)
    if pair is None or pair.status != PROPOSAL or person.id not in (pair.first_id, pair.second_id):
        raise Refused(_l("Cette proposition n'attend plus de réponse."))


def answer(person, pair, accept):
    """The person says yes or no to ``pair`` (None: a proposal that no longer exists). Both yes:
    the pair is active, with a first meeting place and its follow-up point. A no: both go back to
    the queue, no penalty, never proposed together again; the other person is told."""
    _waiting_for(pair, person)
    if pair.first_id == person.id:
        pair.first_answer = bool(accept)
    else:
        pair.second_answer = bool(accept)
    if not accept:
        notices = _decline(pair)
    elif pair.first_answer and pair.second_answer:
        notices = _activate(pair)
    else:
        notices = []
    db.session.commit()
    send(notices)
    return pair


def _decline(pair):
    pair.status, pair.ended_at = DECLINED, clock.now()
    people = [p for p in (pair.first, pair.second) if p is not None]
    for person in people:
        person.status = WAITING  # their waiting_since is untouched: a decline costs nothing
    if len(people) == 2:
        low, high = sorted(p.id for p in people)
        db.session.merge(NotAgain(low_id=low, high_id=high))
    queue.record_event(PAIR_DECLINED)
    # The one who declined knows it; the other is told, neutrally.
    said_no = pair.first if pair.first_answer is False else pair.second
    return [Notice(p, "binome_ended", {"was_proposal": True}) for p in people if p is not said_no]


def _activate(pair):
    now = clock.now()
    pair.status, pair.activated_at = ACTIVE, now
    pair.follow_up_on = clock.today() + timedelta(days=current_app.config["BINOME_FOLLOW_UP_DAYS"])
    pair.meeting_place = meeting_place_for(pair)
    for person in (pair.first, pair.second):
        person.status = PAIRED
        queue.record_event(PAIR_ACCEPTED, waited_days=queue.waited_days(person, now))
    return [Notice(person, "binome_active", {"pair": pair, "mate": other(pair, person)})
            for person in (pair.first, pair.second)]


# --- ending -----------------------------------------------------------------------------------

def _finish(pair, ended_by_person=None):
    """End an active pair: both people pause (coming back to the queue is their choice), the
    waiting clock starts again, and the other person (both, when a mediator ends it) is told."""
    if pair is None or pair.status != ACTIVE or (
            ended_by_person is not None and ended_by_person.id not in (pair.first_id, pair.second_id)):
        raise Refused(_l("Ce binôme n'est plus actif."))
    now = clock.now()
    pair.status, pair.ended_at = ENDED, now
    people = [p for p in (pair.first, pair.second) if p is not None]
    for person in people:
        person.status, person.inactive_since, person.waiting_since = PAUSED, now, now
    queue.record_event(PAIR_ENDED)
    return [Notice(p, "binome_ended", {"was_proposal": False}) for p in people if p is not ended_by_person]


def end(pair, ended_by_person=None, mediator=None):
    """Either person, or a mediator, ends the pair (None: a pair that no longer exists), with no
    reason asked."""
    notices = _finish(pair, ended_by_person)
    if mediator is not None:
        audit.record(mediator, "pair.ended", pair)
    db.session.commit()
    send(notices)
    return pair


def step_out(pair, person):
    """The person leaves the portal: their proposal is declined, or their pair ended. Nothing is
    committed: returns the notices to ``send`` once it is."""
    if pair.status == PROPOSAL:
        if pair.first_id == person.id:
            pair.first_answer = False
        else:
            pair.second_answer = False
        return _decline(pair)
    return _finish(pair, person)


def return_to_queue(person):
    """After a pair ended, the person comes back to the queue when they wish: that is resuming."""
    return queue.resume(person)


def record_follow_up(mediator, pair, outcome):
    """The follow-up point (after two weeks): the pair continues, ends, or needs support."""
    if outcome not in OUTCOMES:
        raise Refused(_l("Choisissez une des suites proposées."), field="outcome")
    if pair.status != ACTIVE:
        raise Refused(_l("Ce binôme n'est plus actif."))
    pair.followed_up_at, pair.outcome = clock.now(), outcome
    audit.record(mediator, "pair.followed_up", pair, outcome)
    if outcome == END:
        return end(pair, mediator=mediator)
    db.session.commit()
    return pair
