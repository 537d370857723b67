"""The mediators' side of the binômes: the queue, a person's record with suggestions, proposing
a pair, the follow-up point. (The public side is in ``public_views``, staff's in ``manage_views``.)

Every record a mediator opens is written in its access log, which the record shows."""
from flask import Blueprint, current_app, flash, make_response, redirect, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import clock
from portal.binomes import matching, mediation, models, pairs, queue
from portal.binomes.forms import ButtonForm
from portal.binomes.mediation_forms import FollowUpForm, PhoneConfirmationForm, ProposeForm, queue_filters
from portal.binomes.models import ACTIVE, SUPPORT, TO_CONFIRM, WAITING, Pair, Person
from portal.database import db, record_id
from portal.errors import Refused
from portal.forms import form_status, submitted
from portal.roles import Role
from portal.web import allow, owned_or_404, render

bp = Blueprint("binomes", __name__)

# A new personal link is shown once, then forgotten: the page that shows it is kept out of caches.
PRIVATE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


# --- the queue --------------------------------------------------------------------------------

@bp.route("/mediation", endpoint="queue")
@allow(Role.MEDIATOR)
def queue_view():
    filters = queue_filters(request.args, queue.neighbourhoods())
    entries, total = [], 0
    if filters.validate():
        chosen = {"status": filters.status.data, "activity": filters.activity.data, "language": filters.language.data,
                  "neighbourhood_id": int(filters.neighbourhood.data) if filters.neighbourhood.data else None}
        entries, total = mediation.queue(**chosen), mediation.queue_size(**chosen)
    return render("binomes/mediation/queue.html", partial="binomes/mediation/_queue_results.html",
                  status=422 if filters.errors else 200, filters=filters, entries=entries, total=total,
                  long_waits=mediation.long_waits(), wait_weeks=current_app.config["BINOME_WAIT_WEEKS"],
                  follow_ups=pairs.follow_ups_due(clock.today()), proposals=mediation.proposals_waiting())


# --- a person's record ------------------------------------------------------------------------

def _person(person_id):
    return owned_or_404(db.session.get(Person, person_id))


def _record(person, status=200, confirmation=None, **shown):
    """The person's record; opening it is written in the access log, which it then shows."""
    queue.log_access(current_user, person, mediation.RECORD)
    return render("binomes/mediation/person.html", status=status, person=person, told=queue.told(person),
                  current=pairs.current_pair(person), pairs=pairs.pairs_of(person),
                  suggestions=matching.suggestions(person) if person.status == WAITING else [],
                  confirmation=confirmation or (PhoneConfirmationForm(formdata=None)
                                                if person.status == TO_CONFIRM else None),
                  log=mediation.access_log(person), what_label=mediation.what_label,
                  channels=models.CHANNELS, purposes=models.PURPOSES, **shown)


@bp.route("/mediation/personnes/<int:person_id>")
@allow(Role.MEDIATOR)
def person(person_id):
    return _record(_person(person_id))


@bp.route("/mediation/personnes/<int:person_id>/proposer", methods=["POST"])
@allow(Role.MEDIATOR)
def propose(person_id):
    person = _person(person_id)
    form = ProposeForm()
    made = {}

    def operation():
        candidate_id = record_id(form.candidate_id.data)
        candidate = db.session.get(Person, candidate_id) if candidate_id is not None else None
        if candidate is None:
            raise Refused(_l("Cette personne n'est plus dans la file d'attente : rechargez la page."))
        made["pair"] = pairs.propose(current_user, person, candidate, matching.explanation(person, candidate))

    if submitted(form, operation):
        flash(_("Binôme proposé : chacune des deux personnes doit maintenant accepter."), "success")
        return redirect(url_for("binomes.pair", pair_id=made["pair"].id))
    for message in [*form.form_errors, *form.candidate_id.errors]:
        flash(message, "error")
    return redirect(url_for("binomes.person", person_id=person.id))


@bp.route("/mediation/personnes/<int:person_id>/confirmer", methods=["POST"])
@allow(Role.MEDIATOR)
def confirm_by_phone(person_id):
    person = _person(person_id)
    form = PhoneConfirmationForm()
    if submitted(form, lambda: queue.confirm_by_phone(current_user, person, form.consents(), form.attestation.data)):
        flash(_("Confirmation enregistrée : la personne est dans la file d'attente."), "success")
        return redirect(url_for("binomes.person", person_id=person.id))
    return _record(person, status=form_status(form), confirmation=form)


@bp.route("/mediation/personnes/<int:person_id>/lien", methods=["POST"])
@allow(Role.MEDIATOR)
def new_link(person_id):
    person = _person(person_id)
    if not ButtonForm().validate_on_submit():
        return redirect(url_for("binomes.person", person_id=person.id))
    link = url_for("binomes.mine", token=queue.new_link(current_user, person), _external=True)
    response = make_response(_record(person, new_link=link, sms=_link_sms(person, link)))
    response.headers.update(PRIVATE)
    return response


def _link_sms(person, link):
    """The text message the mediator sends the person with their new link, in their language."""
    with force_locale(person.locale):
        return _("Bonjour %(name)s, voici votre nouveau lien personnel pour les binômes de %(town)s (l'ancien ne "
                 "marche plus) : %(link)s", name=person.first_name, town=current_app.config["PORTAL_TOWN_NAME"],
                 link=link)


# --- a pair -----------------------------------------------------------------------------------

def _pair(pair_id):
    return owned_or_404(db.session.get(Pair, pair_id))


def _pair_page(pair, follow_up=None, status=200):
    return render("binomes/mediation/pair.html", status=status, pair=pair,
                  follow_up=follow_up or FollowUpForm(formdata=None), ACTIVE=ACTIVE, SUPPORT=SUPPORT,
                  outcomes=models.OUTCOMES)


@bp.route("/mediation/binomes/<int:pair_id>")
@allow(Role.MEDIATOR)
def pair(pair_id):
    return _pair_page(_pair(pair_id))


@bp.route("/mediation/binomes/<int:pair_id>/suivi", methods=["POST"])
@allow(Role.MEDIATOR)
def follow_up(pair_id):
    pair = _pair(pair_id)
    form = FollowUpForm()
    if submitted(form, lambda: pairs.record_follow_up(current_user, pair, form.outcome.data)):
        flash(_("Point de suivi enregistré."), "success")
        return redirect(url_for("binomes.pair", pair_id=pair.id))
    return _pair_page(pair, follow_up=form, status=form_status(form))


@bp.route("/mediation/binomes/<int:pair_id>/arreter", methods=["POST"])
@allow(Role.MEDIATOR)
def stop_pair(pair_id):
    pair = _pair(pair_id)
    form = ButtonForm()
    if submitted(form, lambda: pairs.end(pair, mediator=current_user)):
        flash(_("Le binôme est terminé. Les deux personnes sont en pause et ont été prévenues."), "success")
    else:
        for message in form.form_errors:
            flash(message, "error")
    return redirect(url_for("binomes.pair", pair_id=pair.id))
