"""What the scheduled ``tick`` does for the binômes: tell the mediators when a pair reaches its
follow-up point, and erase the people the queue no longer serves.

A reminder names no one (the mediators open the pair's record, which logs who looked). A person
leaves no trace when erased: their consents, access log and "not again" marks go with their row,
their pairs keep only their dates, and what indicators count is already in ``PairEvent``.
"""
from datetime import timedelta

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from flask import current_app

from portal import clock, mail
from portal.auth.operations import search_people
from portal.binomes import pairs
from portal.binomes.models import PAUSED, TO_CONFIRM, Pair, Person
from portal.database import db
from portal.roles import Role

# A person signed up by a volunteer or a mediator who has not confirmed within this many days
# never said yes themselves: what was written about them goes.
UNCONFIRMED_DAYS = 30


def mediators():
    return [user for user in search_people(role=Role.MEDIATOR) if user.active]


def _claim(pair, now):
    """Write down the reminder before sending it; False when another run (earlier, or at the
    same moment) already did."""
    claimed = db.session.execute(sa.update(Pair).where(Pair.id == pair.id, Pair.follow_up_reminded_at.is_(None))
                                 .values(follow_up_reminded_at=now)).rowcount
    db.session.commit()
    return claimed == 1


def remind_follow_ups(now=None):
    """Tell every mediator about each active pair whose follow-up point has come, once per pair
    however often (and however concurrently) this runs. Returns how many pairs were signalled.
    With no mediator to tell, nothing is written down: the reminder waits for one (and for the
    next run when every mail failed)."""
    now = clock.now() if now is None else now
    told = mediators()
    if not told:
        return 0
    signalled = 0
    for pair in pairs.follow_ups_due(clock.local(now).date()):
        if not _claim(pair, now):
            continue
        sent = [mail.send(mediator.email, "binome_follow_up_due", locale=mediator.locale, pair=pair)
                for mediator in told]
        if any(sent):
            signalled += 1
        else:
            db.session.execute(sa.update(Pair).where(Pair.id == pair.id).values(follow_up_reminded_at=None))
            db.session.commit()
    return signalled


def purge(now=None):
    """Erase the people whose pair ended or who paused, without news for BINOME_RETENTION_MONTHS
    months, and those signed up on their behalf who never confirmed within UNCONFIRMED_DAYS.
    Returns how many people were erased."""
    now = clock.now() if now is None else now
    silent_since = now - relativedelta(months=current_app.config["BINOME_RETENTION_MONTHS"])
    unconfirmed_since = now - timedelta(days=UNCONFIRMED_DAYS)
    stale = sa.or_(sa.and_(Person.status == PAUSED, Person.inactive_since < silent_since),
                   sa.and_(Person.status == TO_CONFIRM, Person.signed_up_at < unconfirmed_since))
    going = sa.select(Person.id).where(stale)
    # Why a pair was suggested described its two people (``queue.leave`` forgets it too).
    db.session.execute(sa.update(Pair).where(sa.or_(Pair.first_id.in_(going), Pair.second_id.in_(going)))
                       .values(explanation=""), execution_options={"synchronize_session": False})
    # The database removes what hangs on a person (consents, access log, "not again") and
    # empties their side of a pair (foreign keys' ON DELETE).
    erased = db.session.execute(sa.delete(Person).where(stale),
                                execution_options={"synchronize_session": False}).rowcount
    db.session.commit()
    return erased
