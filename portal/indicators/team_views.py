"""The questionnaire and the follow-up behind an account: the follow-ups a date's team has to
make, the card the team prints with the questionnaire's QR code, and the open answers staff
read to hide those that could identify someone."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.database import db
from portal.extensions import limiter
from portal.forms import submitted
from portal.i18n import supported_locales
from portal.indicators import card as questionnaire_card
from portal.indicators import follow_up, questionnaire
from portal.indicators.models import FOLLOW_UP_OUTCOMES, MOMENTS, Answer
from portal.indicators.questionnaire_forms import HideForm, OutcomeForm
from portal.indicators.views import bp
from portal.kit.views import pdf_in_chosen_language
from portal.roles import MANAGERS, Role
from portal.rooms.models import Occurrence
from portal.volunteers.operations import may_tick, title_of
from portal.web import allow, owned_or_404, redirect_back, render

ANSWERS_PER_PAGE = 50


def _team_date(occurrence_id):
    """The date, for its team and its association's members only (others: not found)."""
    occurrence = owned_or_404(db.session.get(Occurrence, occurrence_id))
    if not may_tick(current_user, occurrence):
        abort(404)
    return occurrence


# --- the follow-ups of a date -------------------------------------------------------------------

def _follow_ups_page(occurrence, noted=None, refused=None, status=200):
    session = questionnaire.session_of(occurrence)
    return render("indicators/follow_up/team.html", partial="indicators/follow_up/_contacts.html",
                  occurrence=occurrence, title=title_of(session) if session else occurrence.booking.purpose,
                  contacts=follow_up.due_for(occurrence), coming=follow_up.coming_for(occurrence),
                  forget_on=follow_up.keep_until(occurrence), outcomes=FOLLOW_UP_OUTCOMES,
                  noted=noted, refused=refused, status=status)


@bp.route("/dates/<int:occurrence_id>/suivis")
@allow(Role.VOLUNTEER, Role.ASSOCIATION)
def follow_ups(occurrence_id):
    return _follow_ups_page(_team_date(occurrence_id))


@bp.route("/dates/<int:occurrence_id>/suivis/<int:contact_id>", methods=["POST"])
@allow(Role.VOLUNTEER, Role.ASSOCIATION)
def note_follow_up(occurrence_id, contact_id):
    occurrence = _team_date(occurrence_id)
    form = OutcomeForm()
    if submitted(form, lambda: follow_up.note_outcome(current_user, occurrence, contact_id, form.outcome.data)):
        noted = _("Suivi noté : le contact est effacé.")
        if not request.htmx:
            flash(noted, "success")
            return redirect(url_for("indicators.follow_ups", occurrence_id=occurrence.id))
        return _follow_ups_page(occurrence, noted=noted)
    refused = " ".join(str(m) for m in [*form.form_errors, *form.outcome.errors])
    return _follow_ups_page(occurrence, refused=refused, status=422)


# --- the card to print --------------------------------------------------------------------------

@bp.route("/dates/<int:occurrence_id>/carte-avis.pdf")
@allow(Role.VOLUNTEER, Role.ASSOCIATION, *MANAGERS)
@limiter.limit("30 per minute")  # a PDF costs a fraction of a second to build
def card(occurrence_id):
    occurrence = owned_or_404(db.session.get(Occurrence, occurrence_id))
    allowed = current_user.has_role(*MANAGERS) or may_tick(current_user, occurrence)
    if not allowed or not questionnaire.has_questionnaire(occurrence):
        abort(404)
    return pdf_in_chosen_language(
        lambda locale, falc: questionnaire_card.build(occurrence, locale, falc), f"carte-avis-{occurrence.id}",
        _("Cette carte n'existe pas dans cette langue ou cette version. Langues disponibles : %(locales)s.",
          locales=", ".join(supported_locales())))


# --- staff: the open answers, and hiding one ---------------------------------------------------

@bp.route("/gestion/avis")
@allow(*MANAGERS)
def answers():
    page = questionnaire.with_words(request.args.get("page", 1, type=int), ANSWERS_PER_PAGE)
    return render("indicators/questionnaire/manage.html", page=page, dates=questionnaire.dates_of(page.items),
                  moments=MOMENTS)


@bp.route("/gestion/avis/<int:answer_id>", methods=["POST"])
@allow(*MANAGERS)
def hide_answer(answer_id):
    answer = owned_or_404(db.session.get(Answer, answer_id))
    form = HideForm()
    if not form.validate_on_submit():
        abort(400)
    questionnaire.set_hidden(current_user, answer, form.hidden.data == "1")
    if not request.htmx:
        return redirect_back("indicators.answers")
    return render("indicators/questionnaire/_answer.html", answer=answer, dates=questionnaire.dates_of([answer]),
                  moments=MOMENTS, swapped=True)
