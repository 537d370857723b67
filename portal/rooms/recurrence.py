"""Dates of a series, computed in the town's calendar (python-dateutil rrule).

Dates are generated as plain calendar days, then each day gets the wall-clock start and end:
so a weekly café at 18:00 stays at 18:00 after the clocks change.
"""
from datetime import date, datetime

from dateutil.rrule import MONTHLY as RR_MONTHLY
from dateutil.rrule import WEEKLY as RR_WEEKLY
from dateutil.rrule import rrule, weekday

from portal.rooms.models import BIWEEKLY, MONTHLY, ONCE, WEEKLY

# No series runs longer than this: a year of weekly sessions is already a long commitment.
MAX_OCCURRENCES = 60


def nth_weekday(day: date):
    """Which weekday of its month ``day`` is: (weekday, n), n = -1 for the last one."""
    n = (day.day - 1) // 7 + 1
    return day.weekday(), (-1 if n == 5 else n)


def series_dates(first: date, frequency: str, until: date | None = None, count: int | None = None):
    """The calendar days of a series starting on ``first``, ``first`` included."""
    if frequency == ONCE:
        return [first]
    start = datetime.combine(first, datetime.min.time())
    limit = {"count": min(count or MAX_OCCURRENCES, MAX_OCCURRENCES)}
    if until is not None and not count:
        limit["until"] = datetime.combine(until, datetime.min.time())
    if frequency in (WEEKLY, BIWEEKLY):
        rule = rrule(RR_WEEKLY, interval=2 if frequency == BIWEEKLY else 1, dtstart=start, **limit)
    elif frequency == MONTHLY:
        day_of_week, n = nth_weekday(first)
        rule = rrule(RR_MONTHLY, byweekday=weekday(day_of_week, n), dtstart=start, **limit)
    else:
        raise ValueError(f"unknown frequency {frequency!r}")
    return [moment.date() for moment in rule]
