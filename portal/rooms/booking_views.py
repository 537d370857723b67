"""Booking requests (associations), the approval queue and decisions (staff), closures."""
from datetime import time, timedelta

from flask import Response, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from portal import audit, clock
from portal.database import db
from portal.errors import Refused
from portal.forms import applied, form_status, submitted
from portal.roles import MANAGERS, Role
from portal.associations.models import Association
from portal.rooms import feeds, operations
from portal.rooms.forms import BookingRequestForm, CancelForm, ClosureForm, DecisionForm, EditSeriesForm, ProposalForm
from portal.rooms.models import PENDING, Booking, Occurrence, Place, Room
from portal.rooms.views import bp
from portal.web import allow, owned_or_404, render


def _booking_for(booking_id):
    """A booking the current person may see: staff, or a member of its association."""
    booking = owned_or_404(db.session.get(Booking, booking_id))
    if not booking.readable_by(current_user):
        abort(404)  # another association's booking does not exist, as far as this person knows
    return booking


def _occurrence_for(occurrence_id):
    occurrence = owned_or_404(db.session.get(Occurrence, occurrence_id))
    _booking_for(occurrence.booking_id)
    return occurrence


# --- associations ask ------------------------------------------------------------------------

def _request_form():
    form = BookingRequestForm(request.form if request.method == "POST" else request.args,
                              meta={"csrf": request.method == "POST"})  # previews are plain GETs
    form.association.choices = [SelectChoice(a.id, a.name) for a in current_user.associations
                                if a.archived_at is None]
    form.room.choices = [SelectChoice(r.id, f"{r.place.name} – {r.name} ({_('%(n)s places', n=r.capacity)})")
                         for r in operations.active_rooms()]
    return form


@bp.route("/reservations/nouvelle", methods=["GET", "POST"])
@allow(Role.ASSOCIATION)
def new_booking():
    """A plain GET shows the form (prefilled from a free slot of the calendar); a GET with
    ``preview`` lists every date with its conflicts; a POST saves the request."""
    form = _request_form()
    planned = booking = None

    def preview():
        nonlocal planned
        planned = operations.plan(db.session.get(Room, form.room.data), form.date.data, form.start.data,
                                  form.end.data, form.frequency.data, form.until.data, form.count.data,
                                  form.expected_attendance.data)

    def send():
        nonlocal booking
        association = next(a for a in current_user.associations if a.id == form.association.data)
        booking = operations.request_booking(
            current_user, association, db.session.get(Room, form.room.data), form.purpose.data,
            form.expected_attendance.data, form.date.data, form.start.data, form.end.data, form.frequency.data,
            form.until.data, form.count.data)
    if request.method == "POST":
        if submitted(form, send):
            flash(_("Votre demande est envoyée au service vie associative."), "success")
            return redirect(url_for("rooms.booking", booking_id=booking.id))
    elif request.method == "GET" and "preview" in request.args and form.validate():
        applied(form, preview)
    return render("rooms/booking_form.html", partial="rooms/_booking_form.html", form=form, planned=planned,
                  status=form_status(form))


@bp.route("/reservations")
@allow(Role.ASSOCIATION, *MANAGERS)
def my_bookings():
    associations = current_user.associations
    return render("rooms/my_bookings.html", bookings=operations.bookings_of(associations),
                  associations=associations)


@bp.route("/reservations/<int:booking_id>")
@allow(Role.ASSOCIATION, *MANAGERS)
def booking(booking_id):
    return _booking_page(_booking_for(booking_id))


@bp.route("/reservations/<int:booking_id>/modifier", methods=["GET", "POST"])
@allow(Role.ASSOCIATION)
def edit_booking(booking_id):
    booking = _booking_for(booking_id)
    if booking.association not in current_user.associations:
        abort(403)
    upcoming = [o for o in booking.occurrences if o.starts_at > clock.now()]
    reference = upcoming[0] if upcoming else booking.occurrences[-1]
    form = EditSeriesForm(obj=booking, start=clock.local(reference.starts_at).time(),
                          end=clock.local(reference.ends_at).time())
    if submitted(form, lambda: operations.edit_series(current_user, booking, form.purpose.data,
                                                      form.expected_attendance.data, form.start.data,
                                                      form.end.data)):
        flash(_("La demande est modifiée pour les dates à venir."), "success")
        return redirect(url_for("rooms.booking", booking_id=booking.id))
    return render("rooms/edit_booking.html", form=form, booking=booking, status=form_status(form))


def _member_action(occurrence_id, action):
    occurrence = _occurrence_for(occurrence_id)
    booking = occurrence.booking
    if not booking.readable_by(current_user):
        abort(403)
    try:
        message = action(occurrence)
    except Refused as refusal:
        db.session.rollback()
        flash(refusal.message, "error")
        return _booking_page(booking, 409)
    flash(message, "success")
    return redirect(url_for("rooms.booking", booking_id=booking.id))


def _booking_page(booking, status=200, decision_form=None):
    return render("rooms/booking.html", booking=booking, cancel_form=CancelForm(),
                  decision_form=decision_form or _decision_form(booking), history=audit.history(booking, *booking.occurrences),
                  may_decide=current_user.has_role(*MANAGERS),
                  may_change=booking.association in current_user.associations, now=clock.now(), status=status)


@bp.route("/occurrences/<int:occurrence_id>/annuler", methods=["POST"])
@allow(Role.ASSOCIATION, *MANAGERS)
def cancel_occurrence(occurrence_id):
    form = CancelForm()
    if not form.validate():
        abort(400)

    def cancel(occurrence):
        cancelled = operations.cancel(current_user, occurrence, form.and_following.data, form.reason.data)
        return _("%(n)s date(s) annulée(s).", n=len(cancelled))
    return _member_action(occurrence_id, cancel)


@bp.route("/occurrences/<int:occurrence_id>/redemander", methods=["POST"])
@allow(Role.ASSOCIATION)
def request_again(occurrence_id):
    def again(occurrence):
        operations.request_again(current_user, occurrence)
        return _("La date est de nouveau demandée.")
    return _member_action(occurrence_id, again)


@bp.route("/occurrences/<int:occurrence_id>/proposition", methods=["POST"])
@allow(Role.ASSOCIATION)
def answer_proposal(occurrence_id):
    accept = request.form.get("answer") == "accept"

    def answer(occurrence):
        operations.answer_proposal(current_user, occurrence, accept)
        return _("Vous avez accepté le créneau proposé.") if accept else _("Vous avez refusé le créneau proposé.")
    return _member_action(occurrence_id, answer)


# --- staff decide ----------------------------------------------------------------------------

def _decision_form(booking, formdata=None):
    form = DecisionForm(formdata=formdata)
    pending = [o for o in booking.occurrences if o.status == PENDING]
    form.occurrences.choices = [SelectChoice(o.id, str(o.id)) for o in pending]
    if formdata is None:
        form.occurrences.data = [o.id for o in pending]
    return form


@bp.route("/demandes")
@allow(*MANAGERS)
def queue():
    queue = operations.pending_queue()
    return render("rooms/queue.html", partial="rooms/_queue.html", queue=queue, waiting=len(queue))


def _tell_unmailed(associations):
    """The decision stands, but its mail did not leave: staff reach these associations otherwise."""
    if associations:
        flash(_("L'e-mail n'a pas pu partir vers : %(names)s. La décision est enregistrée ; prévenez-les "
                "par un autre moyen.", names=", ".join(sorted({a.name for a in associations}))), "error")


@bp.route("/reservations/<int:booking_id>/decision", methods=["POST"])
@allow(*MANAGERS)
def decide(booking_id):
    booking = _booking_for(booking_id)
    form = _decision_form(booking, request.form)
    declining = request.form.get("decision") == "decline"
    mailed = {}

    def apply_decision():
        chosen = [o for o in booking.occurrences if o.id in set(form.occurrences.data)]
        if declining:
            mailed["done"] = operations.decline(current_user, chosen, form.reason.data)
        else:
            mailed["done"] = operations.approve(current_user, chosen)
    if submitted(form, apply_decision):
        if not mailed["done"]:
            flash(_("La demande est refusée.") if declining else _("La demande est approuvée."), "success")
            _tell_unmailed([booking.association])
        elif declining:
            flash(_("La demande est refusée ; l'association est prévenue."), "success")
        else:
            flash(_("La demande est approuvée ; l'association est prévenue."), "success")
        if request.form.get("back") == "queue":
            return redirect(url_for("rooms.queue"))
        return redirect(url_for("rooms.booking", booking_id=booking.id))
    return _booking_page(booking, form_status(form), decision_form=form)


@bp.route("/occurrences/<int:occurrence_id>/proposer", methods=["GET", "POST"])
@allow(*MANAGERS)
def propose(occurrence_id):
    occurrence = _occurrence_for(occurrence_id)
    local_start = clock.local(occurrence.starts_at)
    form = ProposalForm(date=local_start.date(), start=local_start.time(),
                        end=clock.local(occurrence.ends_at).time())
    mailed = {}

    def propose_slot():
        mailed["done"] = operations.propose_slot(current_user, occurrence, form.date.data, form.start.data,
                                                 form.end.data, form.reason.data)
    if submitted(form, propose_slot):
        if mailed["done"]:
            flash(_("La proposition est envoyée à l'association."), "success")
        else:
            flash(_("La proposition est enregistrée : l'association la voit dans son espace."), "success")
            _tell_unmailed([occurrence.booking.association])
        return redirect(url_for("rooms.booking", booking_id=occurrence.booking_id))
    return render("rooms/propose.html", form=form, occurrence=occurrence, status=form_status(form))


# --- closures --------------------------------------------------------------------------------

def _closure_targets():
    choices = []
    for place in db.session.scalars(db.select(Place).where(Place.archived_at.is_(None)).order_by(Place.name)):
        choices.append(SelectChoice(f"place:{place.id}", _("Tout le lieu : %(name)s", name=place.name)))
        choices += [SelectChoice(f"room:{room.id}", f"{place.name} – {room.name}") for room in place.active_rooms]
    return choices


def _target(value):
    kind, _sep, ident = value.partition(":")
    model = {"place": Place, "room": Room}[kind]
    found = owned_or_404(db.session.get(model, int(ident)))
    return {kind: found}


@bp.route("/fermetures", methods=["GET", "POST"])
@allow(*MANAGERS)
def closures():
    form = ClosureForm()
    form.target.choices = _closure_targets()
    affected, untold = None, []

    def close():
        nonlocal affected, untold
        target = _target(form.target.data)
        starts_at = clock.at(form.start_date.data, form.start_time.data or time())
        ends_at = (clock.at(form.end_date.data, form.end_time.data) if form.end_time.data
                   else clock.at(form.end_date.data + timedelta(days=1), time()))
        affected = operations.approved_during(starts_at=starts_at, ends_at=ends_at, **target)
        if affected and not form.confirm.data:
            raise Refused(_("Ces réservations approuvées seraient annulées : cochez la case pour confirmer."),
                          field="confirm")
        _closure, _cancelled, untold = operations.close(current_user, starts_at, ends_at, form.reason.data, **target)
    if submitted(form, close):
        flash(_("La fermeture est enregistrée."), "success")
        _tell_unmailed(untold)
        return redirect(url_for("rooms.closures"))
    upcoming = operations.upcoming_closures()
    return render("rooms/closures.html", form=form, affected=affected, closures=upcoming, status=form_status(form))



@bp.route("/reservations/<int:booking_id>.ics")
@allow(Role.ASSOCIATION, *MANAGERS)
def booking_ics(booking_id):
    booking = _booking_for(booking_id)
    body = feeds.calendar_of(booking.occurrences, booking.purpose)
    return Response(body, mimetype="text/calendar",
                    headers={"Content-Disposition": f'attachment; filename="reservation-{booking.id}.ics"'})


@bp.route("/salles/<int:room_id>/flux", methods=["POST"])
@allow(*MANAGERS)
def renew_room_feed(room_id):
    room = owned_or_404(db.session.get(Room, room_id))
    room.feed_token = feeds.new_token()
    db.session.commit()
    flash(_("Nouvelle adresse d'abonnement créée : l'ancienne ne fonctionne plus."), "success")
    return redirect(url_for("rooms.room", room_id=room.id))


@bp.route("/associations/<int:association_id>/flux", methods=["POST"])
@allow(Role.ASSOCIATION, *MANAGERS)
def renew_association_feed(association_id):
    association = owned_or_404(db.session.get(Association, association_id))
    if association not in current_user.associations and not current_user.has_role(*MANAGERS):
        abort(404)
    association.feed_token = feeds.new_token()
    db.session.commit()
    flash(_("Nouvelle adresse d'abonnement créée : l'ancienne ne fonctionne plus."), "success")
    return redirect(url_for("rooms.my_bookings"))
