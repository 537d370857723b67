"""The public side of the binômes, without an account: signing up, and the personal link where a
person sees what is kept, changes it, answers a proposal, ends a pair or leaves."""
import functools
import json

from flask import Response, current_app, flash, make_response, redirect, url_for
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from flask_login import current_user

from portal import mail
from portal.binomes import pairs, queue
from portal.binomes.forms import (
    AnswerForm, AvailabilityForm, ButtonForm, ConsentForm, SignUpForSomeoneForm, SignUpForm, slot_value)
from portal.binomes.models import (
    ACTIVE, CHANNELS, DAY_PARTS, EMAIL, PROPOSAL, PURPOSES, TO_CONFIRM, WEEKDAYS, Pair)
from portal.binomes.views import bp
from portal.content import operations as content
from portal.database import db, record_id
from portal.extensions import limiter
from portal.forms import form_status, submitted
from portal.roles import Role
from portal.web import allow, owned_or_404, public, render

# The personal link is the key to the person's data: kept out of caches and other sites.
PRIVATE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
PERSONAL_LIMIT = "30 per minute"  # plenty for a person, too few to guess links


def _private(response):
    response = make_response(response)
    response.headers.update(PRIVATE)
    return response


def _charter():
    """(current charter, its text in the reader's language and register), or (None, None)."""
    charter = queue.current_charter()
    if charter is None:
        return None, None
    return charter, content.lookup(queue.charter_key(charter), *content.shown_as())


# What the availability table needs: its days, its parts of the day, how a box is sent.
GRID = {"weekdays": WEEKDAYS, "day_parts": DAY_PARTS, "slot_value": slot_value, "slot_label": queue.slot_label}


@bp.route("/binomes")
@public
def home():
    charter, charter_text = _charter()
    return render("binomes/public/home.html", charter=charter, charter_text=charter_text)


# --- signing up -------------------------------------------------------------------------------

def _sign_up_page(form, for_someone, status=200):
    charter, charter_text = _charter()
    return render("binomes/public/sign_up.html", form=form, for_someone=for_someone, charter=charter,
                  charter_text=charter_text, chosen=form.chosen_slots(), status=status, **GRID)


@bp.route("/binomes/inscription", methods=["GET", "POST"])
@public
@limiter.limit("10 per minute", methods=["POST"])
def sign_up():
    form = SignUpForm().fill_neighbourhoods()
    signed = {}

    def save():
        signed["up"] = queue.sign_up(**form.person_values(), consents=form.consents(), locale=str(get_locale()))

    if not submitted(form, save):
        return _sign_up_page(form, for_someone=False, status=form_status(form))
    person, token = signed["up"]
    link = url_for("binomes.mine", token=token, _external=True)
    mailed = person.contact_kind == EMAIL and mail.send(
        person.contact, "binome_link", locale=person.locale, person=person, link=link)
    return _private(render("binomes/public/thanks.html", person=person, link=link, mailed=mailed))


@bp.route("/binomes/inscrire-quelqu-un", methods=["GET", "POST"])
@allow(Role.VOLUNTEER, Role.MEDIATOR)
@limiter.limit("20 per minute", methods=["POST"])
def sign_up_for_someone():
    form = SignUpForSomeoneForm().fill_neighbourhoods().fill_locales()
    form.locale.data = form.locale.data or str(get_locale())
    signed = {}

    def save():
        signed["up"] = queue.sign_up(**form.person_values(), locale=form.locale.data, recorded_by=current_user)

    if not submitted(form, save):
        return _sign_up_page(form, for_someone=True, status=form_status(form))
    person, token = signed["up"]
    link = url_for("binomes.mine", token=token, _external=True)
    sms, mailed = None, False
    if person.contact_kind == EMAIL:
        mailed = mail.send(person.contact, "binome_confirm", locale=person.locale, person=person, link=link)
    else:
        sms = _confirmation_sms(person, link)
    return _private(render("binomes/public/someone_done.html", person=person, link=link, sms=sms, mailed=mailed))


def _confirmation_sms(person, link):
    """The text message the volunteer sends the person, in the person's language."""
    with force_locale(person.locale):
        return _("Bonjour %(name)s, vous êtes inscrit·e aux binômes de %(town)s. Pour confirmer, ou pour tout "
                 "effacer, ouvrez votre lien personnel : %(link)s", name=person.first_name,
                 town=current_app.config["PORTAL_TOWN_NAME"], link=link)


# --- the personal link ------------------------------------------------------------------------

def personal_page(rule, **options):
    """A page of the personal link, open without an account (the token is the key) but
    rate-limited: the person is found from the token (else a 404), and the answer, whatever it
    is, is kept private."""

    def register(view):
        @functools.wraps(view)
        def wrapped(token, **values):
            person = owned_or_404(queue.by_token(token))
            return _private(view(person, token, **values))

        return bp.route(rule, **options)(public(limiter.limit(PERSONAL_LIMIT)(wrapped)))

    return register


def _mine_page(person, token, status=200, availability=None, confirm=None, refused=None):
    """The person's page; a form sent back with its errors replaces the blank one."""
    pair = pairs.current_pair(person)
    context = {"person": person, "token": token, "pair": pair, "told": queue.told(person),
               "consents": queue.latest_consents(person), "purposes": PURPOSES, "channels": CHANNELS,
               "availability": availability or AvailabilityForm(formdata=None), "refused": refused,
               "chosen": availability.chosen_slots() if availability else queue.slots_of(person)}
    if person.status == TO_CONFIRM:
        context["charter"], context["charter_text"] = _charter()
        context["confirm"] = confirm or ConsentForm(formdata=None)
    if pair is not None and pair.status in (PROPOSAL, ACTIVE):
        context["shared"] = pairs.shared(pair, person)
    if pair is not None and pair.status == PROPOSAL:
        context["my_answer"] = pairs.answer_of(pair, person)
    if pair is not None and pair.status == ACTIVE:
        context["mate"] = pairs.other(pair, person)
    return render("binomes/public/mine.html", status=status, **context, **GRID)


def _back(token, message):
    flash(message, "success")
    return redirect(url_for("binomes.mine", token=token))


@personal_page("/binomes/moi/<token>")
def mine(person, token):
    return _mine_page(person, token)


@personal_page("/binomes/moi/<token>/confirmer", methods=["POST"])
def mine_confirm(person, token):
    form = ConsentForm()
    if submitted(form, lambda: queue.confirm_by_link(person, form.consents(), str(get_locale()))):
        return _back(token, _("Merci, votre inscription est confirmée. Vous êtes dans la file d'attente."))
    return _mine_page(person, token, status=form_status(form), confirm=form)


@personal_page("/binomes/moi/<token>/disponibilites", methods=["POST"])
def mine_availability(person, token):
    form = AvailabilityForm()
    if submitted(form, lambda: queue.change_availability(person, form.chosen_slots())):
        return _back(token, _("Vos disponibilités sont enregistrées."))
    return _mine_page(person, token, status=form_status(form), availability=form)


@personal_page("/binomes/moi/<token>/reponse", methods=["POST"])
def mine_answer(person, token):
    form = AnswerForm()
    accept = form.decision.data == "accept"

    def save():
        pair_id = record_id(form.pair.data)
        pair = db.session.get(Pair, pair_id) if pair_id is not None else None
        pairs.answer(person, pair, accept)

    if submitted(form, save):
        return _back(token, _("Merci, votre réponse est enregistrée.") if accept
                     else _("C'est noté. Vous restez dans la file d'attente, à la même place."))
    return _mine_page(person, token, status=form_status(form), refused=form)


def _button(person, token, operation, message):
    """A button that changes where the person is: done, or the rule's refusal shown on the page."""
    form = ButtonForm()
    if submitted(form, lambda: operation(person)):
        return _back(token, message)
    return _mine_page(person, token, status=form_status(form), refused=form)


@personal_page("/binomes/moi/<token>/pause", methods=["POST"])
def mine_pause(person, token):
    return _button(person, token, queue.pause,
                   _("Vous êtes en pause : personne ne vous sera proposé. Revenez quand vous voulez."))


@personal_page("/binomes/moi/<token>/reprendre", methods=["POST"])
def mine_resume(person, token):
    return _button(person, token, pairs.return_to_queue, _("Vous êtes de nouveau dans la file d'attente."))


def _end_current_pair(person):
    pairs.end(pairs.current_pair(person), ended_by_person=person)  # a proposal is answered, not ended


@personal_page("/binomes/moi/<token>/arreter", methods=["POST"])
def mine_end_pair(person, token):
    return _button(person, token, _end_current_pair,
                   _("Votre binôme est terminé. Merci pour ce temps partagé. Vous êtes en pause : vous pouvez "
                     "revenir dans la file d'attente quand vous voulez."))


@personal_page("/binomes/moi/<token>/donnees.json")
def mine_data(person, token):
    body = json.dumps(queue.export(person), ensure_ascii=False, indent=2)
    return Response(body, mimetype="application/json",
                    headers={"Content-Disposition": "attachment; filename=binome-mes-donnees.json"})


@personal_page("/binomes/moi/<token>/partir", methods=["GET", "POST"])
def mine_leave(person, token):
    form = ButtonForm()
    if form.validate_on_submit():
        queue.leave(person)
        return redirect(url_for("binomes.left"))  # a page whose address no longer holds the dead link
    return render("binomes/public/leave.html", person=person, token=token, form=form)


@bp.route("/binomes/au-revoir")
@public
def left():
    return render("binomes/public/left.html")
