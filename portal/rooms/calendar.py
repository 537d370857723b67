"""The shared calendar: what happens in which room, and which slots are still free.

Built with a constant number of queries whatever the number of bookings: the rooms, then
one range query for occurrences and one for closures over the displayed window.
"""
import calendar as calendar_module
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from portal import clock
from portal.rooms import operations
from portal.rooms.models import APPROVED, PENDING, PROPOSED

DAY, WEEK, MONTH = "day", "week", "month"
VIEWS = (DAY, WEEK, MONTH)
SHOWN = (PENDING, APPROVED, PROPOSED)
SHORTEST_FREE_SLOT = timedelta(minutes=30)


@dataclass
class Entry:
    kind: str  # "booking", "closure" or "free"
    starts_at: datetime
    ends_at: datetime
    status: str = ""
    occurrence: object = None
    closure: object = None


@dataclass
class Calendar:
    view: str
    anchor: date
    first: date
    last: date
    rooms: list
    days: list
    cells: dict = field(default_factory=dict)  # (room id, day) -> [Entry]

    def entries(self, room, day):
        return self.cells.get((room.id, day), [])

    def day_entries(self, day):
        """Every room's entries of one day (month view), in time order."""
        found = [(entry, room) for room in self.rooms for entry in self.entries(room, day) if entry.kind != "free"]
        return sorted(found, key=lambda pair: pair[0].starts_at)

    @property
    def weeks(self):
        """The month grid: whole weeks, Monday first, covering the month."""
        return [self.days[i:i + 7] for i in range(0, len(self.days), 7)]

    def shift(self, steps):
        if self.view == DAY:
            return self.anchor + timedelta(days=steps)
        if self.view == WEEK:
            return self.anchor + timedelta(weeks=steps)
        month = self.anchor.month - 1 + steps
        year = self.anchor.year + month // 12
        month = month % 12 + 1
        return date(year, month, min(self.anchor.day, calendar_module.monthrange(year, month)[1]))


def period(view, anchor):
    """First and last day shown. A month is shown as whole weeks, Monday to Sunday."""
    if view == DAY:
        return anchor, anchor
    if view == WEEK:
        monday = anchor - timedelta(days=anchor.weekday())
        return monday, monday + timedelta(days=6)
    first_of_month = anchor.replace(day=1)
    last_of_month = anchor.replace(day=calendar_module.monthrange(anchor.year, anchor.month)[1])
    return (first_of_month - timedelta(days=first_of_month.weekday()),
            last_of_month + timedelta(days=6 - last_of_month.weekday()))


def build(view, anchor, rooms):
    first, last = period(view, anchor)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    result = Calendar(view, anchor, first, last, rooms, days)
    if not rooms:
        return result
    window_start, window_end = clock.day_bounds(first, last)
    occurrences = operations.overlapping([r.id for r in rooms], window_start, window_end, statuses=SHOWN)
    closures = operations.closures_over(rooms, window_start, window_end)
    by_room = {room.id: room for room in rooms}
    for occurrence in occurrences:
        day = clock.local(occurrence.starts_at).date()
        result.cells.setdefault((occurrence.room_id, day), []).append(
            Entry("booking", occurrence.starts_at, occurrence.ends_at, occurrence.status, occurrence=occurrence))
    for closure in closures:
        for room in rooms:
            if closure.covers(room):
                for day in days:
                    start, end = clock.day_bounds(day, day)
                    if closure.starts_at < end and closure.ends_at > start:
                        result.cells.setdefault((room.id, day), []).append(
                            Entry("closure", max(closure.starts_at, start), min(closure.ends_at, end),
                                  "closed", closure=closure))
    if view != MONTH:
        now = clock.now()
        for room in by_room.values():
            for day in days:
                cell = result.cells.setdefault((room.id, day), [])
                cell.extend(free_slots(room, day, cell, now))
    for cell in result.cells.values():
        cell.sort(key=lambda entry: (entry.starts_at, entry.kind))
    return result


def free_slots(room, day, taken, now):
    """Parts of the day's opening hours not taken by an approved booking or a closure.
    Pending requests do not take a slot: a competing request is still possible."""
    busy = sorted((e.starts_at, e.ends_at) for e in taken if e.kind == "closure" or e.status == APPROVED)
    slots = []
    for opens, closes in room.hours_on(day.weekday()):
        cursor, end = clock.at(day, opens), clock.at(day, closes)
        cursor = max(cursor, next_quarter(now))
        for busy_start, busy_end in busy:
            if busy_end <= cursor or busy_start >= end:
                continue
            if busy_start - cursor >= SHORTEST_FREE_SLOT:
                slots.append(Entry("free", cursor, busy_start))
            cursor = max(cursor, busy_end)
        if end - cursor >= SHORTEST_FREE_SLOT:
            slots.append(Entry("free", cursor, end))
    return slots


def next_quarter(instant):
    """Free slots start at the next quarter hour: the calendar changes every fifteen minutes."""
    minutes = (instant.minute // 15 + 1) * 15
    return instant.replace(minute=0, second=0, microsecond=0) + timedelta(minutes=minutes)


def viewer(user):
    """What of the person looking changes the calendar drawn: their roles (may they ask for a
    slot, open any booking) and their associations (whose bookings they may open)."""
    return tuple(sorted(user.roles)), tuple(sorted(m.association_id for m in user.memberships))


def wall_clock(instant):
    """Local date and time of an instant, for prefilling a booking request."""
    local = clock.local(instant)
    return local.date(), time(local.hour, local.minute)
