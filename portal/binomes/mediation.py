"""What the mediators see of the binômes: the queue oldest first with who has waited too long,
the proposals waiting for answers, a person's pairs and who looked at their record."""
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from portal import clock
from portal.binomes.models import PAIRED, PAUSED, PROPOSAL, WAITING, AccessEntry, Pair, Person
from portal.database import db

# What a mediator looked at, as the access log says it (``AccessEntry.what``).
RECORD = "record"
ACCESS_WHAT = {RECORD: _l("Fiche consultée")}
# Beyond this, the list asks to filter: a town's queue is a few dozen people, rarely hundreds.
SHOWN_AT_MOST = 200


@dataclass(frozen=True)
class QueueEntry:
    person: Person
    waited: timedelta | None  # None for people who are not waiting (in a pair, paused)
    flagged: bool  # waiting longer than BINOME_WAIT_WEEKS

    @property
    def waited_label(self):
        return waiting_time(self.waited) if self.waited is not None else ""


def queue(status="", neighbourhood_id=None, activity="", language="", now=None, limit=SHOWN_AT_MOST):
    """People of the queue matching the filters, oldest first, at most ``limit``."""
    now = now or clock.now()
    query = _filtered(status, neighbourhood_id, activity, language).order_by(Person.waiting_since, Person.id)
    return [_entry(person, now) for person in db.session.scalars(query.limit(limit))]


def queue_size(status="", neighbourhood_id=None, activity="", language=""):
    query = _filtered(status, neighbourhood_id, activity, language)
    return db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))


def long_waits(now=None):
    """How many people have waited for a buddy longer than BINOME_WAIT_WEEKS."""
    return db.session.scalar(sa.select(sa.func.count(Person.id)).where(
        Person.status == WAITING, Person.waiting_since < (now or clock.now()) - _too_long()))


def waiting_time(waited):
    """"3 semaines", "5 jours": how long, in words."""
    if waited.days >= 7:
        return ngettext("%(num)d semaine", "%(num)d semaines", waited.days // 7)
    return ngettext("%(num)d jour", "%(num)d jours", waited.days)


def proposals_waiting():
    """Pairs proposed and not yet answered by both, oldest first."""
    return db.session.scalars(sa.select(Pair).where(Pair.status == PROPOSAL).order_by(Pair.proposed_at, Pair.id)).all()


def access_log(person):
    """Who looked at the person's record, newest first."""
    return db.session.scalars(sa.select(AccessEntry).where(AccessEntry.person_id == person.id)
                              .order_by(AccessEntry.at.desc(), AccessEntry.id.desc())).all()


def what_label(entry):
    return ACCESS_WHAT.get(entry.what, entry.what)


def _filtered(status, neighbourhood_id, activity, language):
    query = sa.select(Person)
    if status:
        query = query.where(Person.status == status)
    if neighbourhood_id:
        query = query.where(Person.neighbourhood_id == neighbourhood_id)
    if activity:
        query = query.where(_holds(Person.activities, activity))
    if language:
        query = query.where(_holds(Person.languages, language))
    return query


def _holds(column, key):
    """A comma-separated column that lists ``key`` (commas added around both, so that one key
    never matches inside another)."""
    return ("," + column + ",").contains(f",{key},", autoescape=True)


def _entry(person, now):
    if person.status in (PAIRED, PAUSED):
        return QueueEntry(person, None, False)
    waited = now - person.waiting_since
    return QueueEntry(person, waited, person.status == WAITING and waited > _too_long())


def _too_long():
    return timedelta(weeks=current_app.config["BINOME_WAIT_WEEKS"])
