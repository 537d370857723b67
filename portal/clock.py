"""Time in the town: everything is stored in UTC and shown, entered and repeated in the
town's zone (``PORTAL_TIMEZONE``), so a weekly 18:00 stays 18:00 across DST changes."""
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from flask import current_app


def town_zone():
    return ZoneInfo(current_app.config["PORTAL_TIMEZONE"])


def now():
    return datetime.now(timezone.utc)


def today():
    return now().astimezone(town_zone()).date()


def at(day: date, moment: time):
    """The instant (UTC) when the town's clocks show ``moment`` on ``day``."""
    return datetime.combine(day, moment, tzinfo=town_zone()).astimezone(timezone.utc)


def local(instant: datetime):
    return instant.astimezone(town_zone())


def day_bounds(first: date, last: date):
    """UTC instants of the town's midnight starting ``first`` and ending ``last``."""
    return at(first, time()), at(last + timedelta(days=1), time())
