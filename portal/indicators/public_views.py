"""The public side of the indicators, without an account: the anonymous mini-questionnaire and
the follow-up contact left at its end.

Nothing here writes to the session (the cookie holds only what the CSRF protection and the
language switch already put there): the thank-you pages are answered directly, not through a
redirect and a flashed message. The phone's pairing token travels in the form, in the link to
the end questionnaire, and in the phone's own storage (static/js/questionnaire.js)."""
import secrets

from flask import request
from flask_babel import get_locale

from portal import clock
from portal.extensions import limiter
from portal.forms import form_status, submitted
from portal.indicators import follow_up, questionnaire
from portal.indicators.models import END, MOMENTS, START
from portal.indicators.questionnaire_forms import WORDINGS, AnswerForm, FollowUpForm
from portal.indicators.views import bp
from portal.volunteers.operations import title_of
from portal.web import owned_or_404, public, render

# The moment as the address says it (?moment=debut or fin).
MOMENT_SLUGS = {"debut": START, "fin": END}
SLUGS = {moment: slug for slug, moment in MOMENT_SLUGS.items()}
# These pages may carry the pairing token in their address: kept out of caches and other sites.
PRIVATE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}

bp.add_app_template_global(questionnaire.link, "questionnaire_link")


def _private(body_status):
    body, status = body_status
    return body, status, PRIVATE


def _date(occurrence_id, code):
    return owned_or_404(questionnaire.found(occurrence_id, code))


def _context(occurrence):
    session = questionnaire.session_of(occurrence)
    return {"occurrence": occurrence, "session": session, "title": title_of(session), "moments": MOMENTS,
            "slugs": SLUGS, "code": questionnaire.code_of(occurrence.id)}


def _closed(occurrence):
    """A kind word instead of the form, before the questionnaire opens or after it closes."""
    opens = occurrence.starts_at - questionnaire.OPENS_BEFORE
    return _private(render("indicators/questionnaire/closed.html", opens=opens, not_yet=clock.now() < opens,
                           closes=occurrence.ends_at + questionnaire.CLOSES_AFTER,
                           status=200 if request.method == "GET" else 410, **_context(occurrence)))


def _form_page(occurrence, form, moment, fresh=False, status=200):
    """``fresh``: the token was just made here, so the phone may put back the one it keeps."""
    until = occurrence.ends_at + questionnaire.CLOSES_AFTER
    return _private(render(
        "indicators/questionnaire/page.html", form=form, moment=moment, wordings=WORDINGS, fresh=fresh,
        ratings=questionnaire.ratings_asked(moment, questionnaire.variant_of(occurrence)),
        device_until=int(until.timestamp() * 1000), status=status, **_context(occurrence)))


def _thanks(occurrence, answer=None, follow_up_form=None, status=200):
    """After the start: the link to the end questionnaire, with the token. After the end: the
    offer of a follow-up, a form of its own that carries nothing of the answer."""
    moment = answer.moment if answer is not None else END
    end_link = (questionnaire.link(occurrence, moment=SLUGS[END], device=answer.device)
                if moment == START else None)
    return _private(render("indicators/questionnaire/thanks.html", moment=moment, end_link=end_link,
                           follow_up_form=follow_up_form or (FollowUpForm(formdata=None) if moment == END else None),
                           forget_on=follow_up.keep_until(occurrence), status=status, **_context(occurrence)))


@bp.route("/avis/<int:occurrence_id>-<code>", methods=["GET", "POST"], endpoint="questionnaire")
@public
@limiter.limit("20 per minute", methods=["POST"])
def answer(occurrence_id, code):
    occurrence = _date(occurrence_id, code)
    if not questionnaire.is_open(occurrence):
        return _closed(occurrence)
    form = AnswerForm()
    if request.method == "GET":
        moment = MOMENT_SLUGS.get(request.args.get("moment")) or questionnaire.default_moment(occurrence)
        # Only the end questionnaire takes the token back: every start answer gets a new one.
        given = questionnaire.checked_device(request.args.get("device")) if moment == END else None
        form.moment.data, form.device.data = moment, given or secrets.token_hex(16)
        return _form_page(occurrence, form, moment, fresh=given is None)

    kept = {}

    def save():
        kept["answer"] = questionnaire.record(occurrence, form.moment.data, form.ratings(), form.helped.data,
                                              form.missing.data, form.device.data)

    if submitted(form, save):
        return _thanks(occurrence, kept["answer"])
    moment = form.moment.data if form.moment.data in MOMENTS else questionnaire.default_moment(occurrence)
    form.device.data = questionnaire.checked_device(form.device.data) or secrets.token_hex(16)
    return _form_page(occurrence, form, moment, status=form_status(form))


@bp.route("/avis/<int:occurrence_id>-<code>/rappel", methods=["POST"])
@public
@limiter.limit("10 per minute")
def leave_contact(occurrence_id, code):
    occurrence = _date(occurrence_id, code)
    if not questionnaire.is_open(occurrence):
        return _closed(occurrence)
    form = FollowUpForm()
    left = {}

    def save():
        left["contact"] = follow_up.leave(occurrence, form.contact.data, str(get_locale()))

    if submitted(form, save):
        contact = left["contact"]
        return _private(render("indicators/follow_up/left.html", due_on=contact.due_on,
                               due_until=contact.due_on + follow_up.DUE_AFTER, forget_on=contact.forget_on,
                               **_context(occurrence)))
    return _thanks(occurrence, follow_up_form=form, status=form_status(form))
