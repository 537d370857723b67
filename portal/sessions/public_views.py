"""Public pages of sessions (no account, reached by QR code): the directory of upcoming
sessions, a session's page and its poster, signing up and the personal link to one's place.
Routes on the sessions blueprint, under /rencontres (the planner's pages use /seances)."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from portal.content import operations as content
from portal.database import record_id
from portal.extensions import limiter
from portal.formats import operations as formats
from portal.forms import form_status, required, strip, submitted
from portal.i18n import falc_enabled, supported_locales
from portal.indicators import questionnaire
from portal.kit.views import pdf_in_chosen_language
from portal.rooms import operations as rooms
from portal.rooms.models import WEEKDAYS
from portal.sessions import participants  # the ORM must know the participants table
from portal.sessions import public as taking_part
from portal.sessions import texts as session_texts
from portal.sessions.models import SIGN_UP
from portal.sessions.operations import active_formats
from portal.sessions.public_poster import build as build_poster
from portal.sessions.views import bp
from portal.web import owned_or_404, public, render


def one_of_choices(form, field):
    if field.data not in {str(choice.value) for choice in field.choices}:
        raise ValidationError(_l("Choisissez dans la liste."))


class DirectoryFilters(FlaskForm):
    """Read from the address (a plain GET form), so it carries no CSRF token."""

    class Meta:
        csrf = False

    format = SelectField(_l("Format"), default="", validate_choice=False, validators=[one_of_choices])
    place = SelectField(_l("Lieu"), default="", validate_choice=False, validators=[one_of_choices])
    day = SelectField(_l("Jour"), default="", validate_choice=False, validators=[one_of_choices])
    step_free = BooleanField(_l("Seulement les salles avec un accès de plain-pied"))


class SignUpForm(FlaskForm):
    occurrence = RadioField(_l("Date"), validate_choice=False,
                            validators=[InputRequired(message=_l("Choisissez une date."))])
    name = StringField(_l("Prénom ou pseudonyme"), filters=[strip], validators=[
        required(), Length(max=taking_part.NAME_LENGTH,
                           message=_l("%(n)s caractères au plus.", n=taking_part.NAME_LENGTH))])
    contact = StringField(_l("Téléphone ou adresse e-mail (facultatif)"), filters=[strip], validators=[Optional()])


def _filters():
    filters = DirectoryFilters(request.args)
    found = active_formats()
    names = formats.texts_of(found, *content.shown_as(), ("name",))
    filters.format.choices = [SelectChoice("", _l("Tous les formats"))] + [
        SelectChoice(str(f.id), names[f.id]["name"].body if names[f.id]["name"] else f.slug) for f in found]
    filters.place.choices = [SelectChoice("", _l("Tous les lieux"))] + [
        SelectChoice(str(p.id), p.name) for p in rooms.active_places()]
    filters.day.choices = [SelectChoice("", _l("Tous les jours"))] + [
        SelectChoice(str(index), name.capitalize()) for index, name in enumerate(WEEKDAYS)]
    return filters


@bp.route("/rencontres")
@public
def directory():
    filters = _filters()
    listed = []
    if filters.validate():
        listed = taking_part.directory(format_id=int(filters.format.data or 0), place_id=int(filters.place.data or 0),
                                  weekday=int(filters.day.data) if filters.day.data else None,
                                  step_free=filters.step_free.data)
    texts = taking_part.format_texts([item.session for item in listed], *content.shown_as())
    return render("sessions/public/directory.html", partial="sessions/public/_results.html", filters=filters,
                  listed=listed, texts=texts, written=session_texts.written([item.session for item in listed]),
                  status=422 if filters.errors else 200)


def _page(session, form=None, status=200):
    dates = taking_part.upcoming_dates(session)
    texts = taking_part.format_texts([session], *content.shown_as()).get(session.format_id, {})
    counts = taking_part.confirmed_counts(dates)
    if form is None and session.admission == SIGN_UP:
        form = SignUpForm()
        if len(dates) == 1:
            form.occurrence.data = str(dates[0].id)
    if form is not None:
        form.occurrence.choices = [SelectChoice(str(d.id), str(d.id)) for d in dates]
    room = taking_part.room_of(session, dates)
    directions = content.lookup(room.place.directions_key, *content.shown_as()) if room is not None else None
    return render("sessions/public/page.html", session=session, dates=dates, texts=texts, counts=counts,
                  capacity=taking_part.capacity(session), summary=taking_part.summary(session, dates),
                  room=room, directions=directions, practical=taking_part.practical(session, falc_enabled()),
                  form=form, feedback=questionnaire.open_dates(session), written=session_texts.written_one(session),
                  status=status)


@bp.route("/rencontres/<int:session_id>")
@public
def public_page(session_id):
    return _page(owned_or_404(taking_part.published(session_id)))


@bp.route("/rencontres/<int:session_id>/affiche.pdf")
@public
@limiter.limit("30 per minute")  # a PDF costs a fraction of a second to build
def poster(session_id):
    session = owned_or_404(taking_part.published(session_id))
    return pdf_in_chosen_language(
        lambda locale, falc: build_poster(session, locale, falc), f"affiche-rencontre-{session.id}",
        _("Cette affiche n'existe pas dans cette langue ou cette version. Langues disponibles : %(locales)s.",
          locales=", ".join(supported_locales())))


@bp.route("/rencontres/<int:session_id>/inscription", methods=["POST"])
@public
@limiter.limit("20 per minute")
def sign_up(session_id):
    session = owned_or_404(taking_part.published(session_id))
    if session.admission != SIGN_UP:
        abort(404)
    form = SignUpForm()
    form.occurrence.choices = []  # checked by the operation, with the dates of the moment
    taken = {}

    def save():
        occurrence = form.occurrence.data
        taken["place"] = taking_part.sign_up(session, record_id(occurrence),
                                             form.name.data, form.contact.data, str(get_locale()))

    if submitted(form, save):
        participant, token = taken["place"]
        flash(_("Vous êtes inscrit·e.") if participant.status == participants.CONFIRMED
              else _("La date est complète : vous êtes sur la liste d'attente."), "success")
        return redirect(url_for("sessions.my_place", token=token, nouveau=1))
    return _page(session, form, status=form_status(form))


def _personal(token):
    return owned_or_404(taking_part.by_token(token))


def _no_store(body_status):
    body, status = body_status
    # The address is the key to the person's place: kept out of caches and other sites.
    return body, status, {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


@bp.route("/rencontres/inscription/<token>")
@public
@limiter.limit("30 per minute")  # plenty for a person, too few to try links (as a buddy's link)
def my_place(token):
    participant = _personal(token)
    session = taking_part.session_of(participant)
    rank = taking_part.waiting_rank(participant) if participant.status == participants.WAITING else None
    return _no_store(render("sessions/public/my_place.html", participant=participant, session=session,
                            written=session_texts.written_one(session),
                            room=participant.occurrence.booking.room, rank=rank, token=token,
                            link=url_for("sessions.my_place", token=token, _external=True),
                            fresh=bool(request.args.get("nouveau"))))


@bp.route("/rencontres/inscription/<token>/annuler", methods=["POST"])
@public
@limiter.limit("20 per minute")
def cancel_place(token):
    taking_part.cancel(_personal(token))  # the form's token is checked for every POST (CSRFProtect)
    flash(_("Votre inscription est annulée. Merci d'avoir laissé la place à quelqu'un d'autre."), "success")
    return redirect(url_for("sessions.my_place", token=token))
