"""Staff pages to manage places and rooms. The rules live in ``portal.rooms.manage``."""
from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.database import db
from portal.forms import form_status, submitted
from portal.roles import MANAGERS
from portal.rooms import manage
from portal.content.forms import bodies_from, editor, reviews_from
from portal.rooms.manage_forms import hours_fields, hours_from, place_form, room_form
from portal.rooms.models import WEEKDAYS, Place, Room
from portal.rooms.views import bp
from portal.web import allow, owned_or_404, render


@bp.route("/gestion/lieux")
@allow(*MANAGERS)
def manage_places():
    return render("rooms/manage_places.html", places=manage.all_places())


# --- places --------------------------------------------------------------------------------

def _edit_place(place):
    form = place_form(place)
    if submitted(form, lambda: manage.save_place(
            current_user, place, form.name.data, form.kind.data, form.address.data, form.neighbourhood.data,
            directions=bodies_from(form, manage.DIRECTIONS), reviews=reviews_from(form, manage.DIRECTIONS))):
        flash(_("Le lieu « %(name)s » est enregistré.", name=place.name), "success")
        return redirect(url_for("rooms.manage_places", _anchor=f"place-{place.id}"))
    return render("rooms/manage_place_form.html", form=form, place=place, status=form_status(form),
                  directions=editor(form, manage.DIRECTIONS, place.directions_key if place.id else None))


@bp.route("/gestion/lieux/nouveau", methods=["GET", "POST"])
@allow(*MANAGERS)
def new_place():
    return _edit_place(Place())


@bp.route("/gestion/lieux/<int:place_id>/modifier", methods=["GET", "POST"])
@allow(*MANAGERS)
def edit_place(place_id):
    return _edit_place(owned_or_404(db.session.get(Place, place_id)))


@bp.route("/gestion/lieux/<int:place_id>/archiver", methods=["POST"])
@allow(*MANAGERS)
def archive_place(place_id):
    place = manage.set_place_archived(current_user, owned_or_404(db.session.get(Place, place_id)), True)
    flash(_("Le lieu « %(name)s » est archivé : ni lui ni ses salles ne sont plus proposés.", name=place.name),
          "success")
    return redirect(url_for("rooms.manage_places", _anchor=f"place-{place.id}"))


@bp.route("/gestion/lieux/<int:place_id>/reactiver", methods=["POST"])
@allow(*MANAGERS)
def unarchive_place(place_id):
    place = manage.set_place_archived(current_user, owned_or_404(db.session.get(Place, place_id)), False)
    flash(_("Le lieu « %(name)s » est de nouveau proposé.", name=place.name), "success")
    return redirect(url_for("rooms.manage_places", _anchor=f"place-{place.id}"))


# --- rooms ---------------------------------------------------------------------------------

def _edit_room(room, place):
    form = room_form(room)
    if submitted(form, lambda: manage.save_room(
            current_user, room, place, name=form.name.data, capacity=form.capacity.data,
            step_free=form.step_free.data, accessible_toilets=form.accessible_toilets.data,
            hearing_loop=form.hearing_loop.data, calm=form.calm.data, equipment=form.equipment.data,
            contact=form.contact.data, hours=hours_from(form), rules=bodies_from(form, manage.RULES),
            reviews=reviews_from(form, manage.RULES))):
        flash(_("La salle « %(name)s » est enregistrée.", name=room.name), "success")
        return redirect(url_for("rooms.room", room_id=room.id))
    return render("rooms/manage_room_form.html", form=form, room=room, place=place, weekdays=WEEKDAYS,
                  day_fields=[hours_fields(form, day) for day in range(7)],
                  rules=editor(form, manage.RULES, room.rules_key if room.id else None),
                  booked=room.id is not None and manage.has_bookings(room), status=form_status(form))


@bp.route("/gestion/lieux/<int:place_id>/salles/nouvelle", methods=["GET", "POST"])
@allow(*MANAGERS)
def new_room(place_id):
    return _edit_room(Room(), owned_or_404(db.session.get(Place, place_id)))


@bp.route("/gestion/salles/<int:room_id>/modifier", methods=["GET", "POST"])
@allow(*MANAGERS)
def edit_room(room_id):
    room = owned_or_404(db.session.get(Room, room_id))
    return _edit_room(room, room.place)


@bp.route("/gestion/salles/<int:room_id>/archiver", methods=["POST"])
@allow(*MANAGERS)
def archive_room(room_id):
    room = manage.set_room_archived(current_user, owned_or_404(db.session.get(Room, room_id)), True)
    flash(_("La salle « %(name)s » est archivée : elle n'est plus proposée, ses réservations restent lisibles.",
            name=room.name), "success")
    return redirect(url_for("rooms.manage_places", _anchor=f"place-{room.place_id}"))


@bp.route("/gestion/salles/<int:room_id>/reactiver", methods=["POST"])
@allow(*MANAGERS)
def unarchive_room(room_id):
    room = manage.set_room_archived(current_user, owned_or_404(db.session.get(Room, room_id)), False)
    flash(_("La salle « %(name)s » est de nouveau proposée.", name=room.name), "success")
    return redirect(url_for("rooms.manage_places", _anchor=f"place-{room.place_id}"))


@bp.route("/gestion/salles/<int:room_id>/supprimer", methods=["POST"])
@allow(*MANAGERS)
def delete_room(room_id):
    room = owned_or_404(db.session.get(Room, room_id))
    name, place_id = room.name, room.place_id
    if manage.remove_room(current_user, room) == manage.ARCHIVED:
        flash(_("La salle « %(name)s » a des réservations : elle ne peut pas être supprimée. "
                "Elle est archivée à la place.", name=name), "success")
    else:
        flash(_("La salle « %(name)s » est supprimée.", name=name), "success")
    return redirect(url_for("rooms.manage_places", _anchor=f"place-{place_id}"))
