"""iCalendar (RFC 5545) feeds: a room's, an association's, and one booking's dates."""
import secrets

from flask import current_app, url_for
from icalendar import Calendar, Event, vText

from portal import clock
from portal.rooms.models import APPROVED, CANCELLED

# What a subscriber sees: approved dates, and cancelled ones marked so calendars drop them.
ICAL_STATUS = {APPROVED: "CONFIRMED", CANCELLED: "CANCELLED"}
SHOWN = tuple(ICAL_STATUS)


def new_token():
    return secrets.token_urlsafe(24)


def calendar_of(occurrences, name):
    cal = Calendar()
    cal.add("prodid", "-//Passerelle//Calendrier des salles//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # As text, escaped like SUMMARY: an X- property is written raw otherwise, and a name with a
    # comma, a semicolon or a line break would break (or add) lines of the feed.
    cal.add("x-wr-calname", vText(str(name)))
    cal.add("x-wr-timezone", current_app.config["PORTAL_TIMEZONE"])
    for occurrence in occurrences:
        if occurrence.status not in ICAL_STATUS:
            continue
        booking = occurrence.booking
        event = Event()
        # Stable across edits and across servers: the same occurrence keeps the same UID.
        event.add("uid", f"occurrence-{occurrence.id}@passerelle")
        event.add("dtstamp", occurrence.decided_at or booking.created_at)
        event.add("dtstart", clock.local(occurrence.starts_at))
        event.add("dtend", clock.local(occurrence.ends_at))
        event.add("summary", f"{booking.purpose} – {booking.association.name}")
        event.add("location", f"{booking.room.name}, {booking.room.place.name}, {booking.room.place.address}")
        event.add("status", ICAL_STATUS[occurrence.status])
        event.add("url", url_for("rooms.booking", booking_id=booking.id, _external=True))
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
