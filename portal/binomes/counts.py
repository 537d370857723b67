"""The binômes' anonymous counts, for indicators: sign-ups, pairs proposed, accepted, declined,
ended, people who left, and the median wait before a pair. Read from ``PairEvent`` (a kind, a
month, a number of days: nobody named) and, for the pairs active now, from the pairs' status.

A period is given by two days: the months from ``start``'s to ``end``'s, both included (events
only know their month).
"""
import statistics
from datetime import date

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta

from portal.binomes.models import (ACTIVE, LEFT, PAIR_ACCEPTED, PAIR_DECLINED, PAIR_ENDED, PAIR_PROPOSED,
                                   SIGNED_UP, Pair, PairEvent)
from portal.database import db

# Each event kind counted, under its own name ("proposed", "accepted"…).
KINDS = (SIGNED_UP, PAIR_PROPOSED, PAIR_ACCEPTED, PAIR_DECLINED, PAIR_ENDED, LEFT)
# A pair formed is written once per person, with the days that person waited (``pairs._activate``),
# in the same month: the pairs are half the events.
EVENTS_PER_PAIR_FORMED = 2


def month_of(day: date):
    return day.replace(day=1)


def _in_period(query, start, end):
    if start is not None:
        query = query.where(PairEvent.month >= month_of(start))
    if end is not None:
        query = query.where(PairEvent.month <= month_of(end))
    return query


def _median(days):
    return statistics.median(days) if days else None


def _counts(kinds, waits):
    """{kind: how many, …, "median_wait_days": the median of the days each person of a pair
    formed had waited, or None}."""
    counts = {kind: kinds.get(kind, 0) for kind in KINDS}
    counts[PAIR_ACCEPTED] //= EVENTS_PER_PAIR_FORMED
    counts["median_wait_days"] = _median(waits)
    return counts


def _events(start, end):
    """({(month, kind): how many}, {month: [days waited by each person of a pair formed]})."""
    by_kind = db.session.execute(_in_period(
        sa.select(PairEvent.month, PairEvent.kind, sa.func.count()).group_by(PairEvent.month, PairEvent.kind),
        start, end)).all()
    waits = {}
    for month, days in db.session.execute(_in_period(sa.select(PairEvent.month, PairEvent.waited_days).where(
            PairEvent.kind == PAIR_ACCEPTED, PairEvent.waited_days.is_not(None)), start, end)):
        waits.setdefault(month, []).append(days)
    return {(month, kind): count for month, kind, count in by_kind}, waits


def active_pairs():
    """How many pairs are active now."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(Pair).where(Pair.status == ACTIVE))


def pair_counts(start=None, end=None):
    """The counts over a period (the whole history when a bound is left out), and the pairs
    active now: {"signed_up", "proposed", "accepted", "declined", "ended", "left", "active",
    "median_wait_days"}."""
    by_kind, waits = _events(start, end)
    totals = {}
    for (_month, kind), count in by_kind.items():
        totals[kind] = totals.get(kind, 0) + count
    counts = _counts(totals, [days for month_waits in waits.values() for days in month_waits])
    counts["active"] = active_pairs()
    return counts


def by_month(start, end):
    """[(first day of the month, its counts)] for every month of the period, empty ones
    included, oldest first. (Pairs active now are a count of today, not of a month.)"""
    by_kind, waits = _events(start, end)
    months, month, last = [], month_of(start), month_of(end)
    while month <= last:
        months.append((month, _counts({kind: count for (m, kind), count in by_kind.items() if m == month},
                                      waits.get(month, []))))
        month += relativedelta(months=1)
    return months
