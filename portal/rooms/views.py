from datetime import timedelta

import sqlalchemy as sa
from flask import Blueprint, Response, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from wtforms.fields.choices import SelectChoice

from portal import clock, page_cache
from portal.associations.models import Association
from portal.content import operations as content
from portal.database import db
from portal.i18n import falc_enabled
from portal.rooms import calendar, feeds, operations
from portal.rooms.forms import CalendarFilterForm
from portal.rooms.models import WEEKDAYS, Place, Room
from portal.web import may_use, owned_or_404, public, render, signed_in, wants_fragment

bp = Blueprint("rooms", __name__)


@bp.route("/lieux")
@public
def places():
    found = operations.active_places()
    directions = content.lookup_many([p.directions_key for p in found], *content.shown_as())
    return render("rooms/places.html", places=found, directions=directions)


@bp.route("/lieux/<int:place_id>")
@public
def place(place_id):
    found = owned_or_404(db.session.get(Place, place_id))
    return render("rooms/place.html", place=found,
                  directions=content.lookup(found.directions_key, *content.shown_as()))


@bp.route("/salles/<int:room_id>")
@public
def room(room_id):
    found = owned_or_404(db.session.get(Room, room_id))
    rules = content.lookup(found.rules_key, *content.shown_as())
    return render("rooms/room.html", room=found, rules=rules, weekdays=WEEKDAYS)


@bp.route("/calendrier")
@signed_in
def calendar_view():
    # The calendar is the portal's busiest page: it is rendered once per data version, filters,
    # language and kind of viewer, then served from the page cache (portal/page_cache.py).
    fragment = wants_fragment()
    key = (fragment, tuple(sorted(request.args.items(multi=True))), str(get_locale()), falc_enabled(),
           calendar.viewer(current_user), calendar.next_quarter(clock.now()))
    body, status = page_cache.remember(page_cache.CALENDAR, key, lambda: _calendar_body(fragment))
    if fragment:
        return body, status
    return render_template("rooms/calendar.html", body=Markup(body)), status  # nosec B704  # rendered by Jinja, escaped


def _calendar_body(fragment):
    form = CalendarFilterForm(request.args)
    places = operations.active_places()
    # "" and not None for "all": None would be written value="None", which the filters refuse once sent back.
    form.place.choices = [SelectChoice("", _("Tous les lieux"))] + [SelectChoice(p.id, p.name) for p in places]
    form.room.choices = [SelectChoice("", _("Toutes les salles"))] + [
        SelectChoice(r.id, f"{r.place.name} – {r.name}") for p in places for r in p.active_rooms]
    valid = form.validate()
    view = form.view.data if valid and form.view.data in calendar.VIEWS else calendar.WEEK
    anchor = (form.date.data if valid else None) or clock.today()
    if valid:
        form.date.data = anchor  # the filters keep the period shown when they change
    rooms = operations.active_rooms(place_id=form.place.data, room_id=form.room.data,
                                    min_capacity=form.capacity.data, step_free=form.step_free.data) if valid else []
    shown = calendar.build(view, anchor, rooms)
    template = "rooms/_calendar.html" if fragment else "rooms/_calendar_page.html"
    return render_template(template, form=form, cal=shown, today=clock.today(),
                           may_request=may_use("rooms.new_booking")), 200 if valid else 400


# --- calendar feeds ----------------------------------------------------------------------------

def _ics(body, filename):
    return Response(body, mimetype="text/calendar",
                    headers={"Content-Disposition": f'inline; filename="{filename}"'})


def _feed_window():
    today = clock.today()
    return clock.day_bounds(today - timedelta(days=90), today + timedelta(days=365))


@bp.route("/flux/salles/<token>.ics")
@public
def room_feed(token):
    found = owned_or_404(db.session.scalar(sa.select(Room).where(Room.feed_token == token)))
    occurrences = operations.overlapping([found.id], *_feed_window(), statuses=feeds.SHOWN)
    return _ics(feeds.calendar_of(occurrences, f"{found.place.name} – {found.name}"), f"salle-{found.id}.ics")


@bp.route("/flux/associations/<token>.ics")
@public
def association_feed(token):
    association = owned_or_404(db.session.scalar(sa.select(Association).where(Association.feed_token == token)))
    occurrences = operations.occurrences_of(association, *_feed_window(), statuses=feeds.SHOWN)
    return _ics(feeds.calendar_of(occurrences, association.name), f"association-{association.id}.ics")
