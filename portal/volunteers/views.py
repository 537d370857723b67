"""Volunteers: session teams and their roles, "Mon planning", reminders."""
from flask import Blueprint, Response, abort, flash, redirect, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from portal import clock
from portal.auth.models import User
from portal.database import db
from portal.forms import form_status, submitted
from portal.i18n import local_datetime
from portal.roles import MANAGERS, Role
from portal.rooms.models import Occurrence
from portal.sessions import operations as sessions
from portal.sessions import texts as session_texts
from portal.sessions.models import Session
from portal.volunteers import operations
from portal.volunteers.forms import ALL_DATES, AnswerForm, ConfirmForm, InviteForm, TickForm
from portal.volunteers.models import TeamMember, TeamNotice
from portal.web import allow, owned_or_404, public, redirect_back, render

bp = Blueprint("volunteers", __name__)


# --- the team of a session (its association; staff read it) -------------------------------------

def _readable_session(session_id):
    """Strangers to the session get a 404: they do not learn that it exists."""
    session = owned_or_404(db.session.get(Session, session_id))
    if not sessions.readable_by(session, current_user):
        abort(404)
    return session


def _invite_form(session):
    form = InviteForm()
    form.user_id.choices = [SelectChoice(u.id, u.name) for u in operations.volunteers_of(session.association_id)]
    form.occurrence_id.choices = [SelectChoice(ALL_DATES, _("Toutes les dates"))] + [
        SelectChoice(o.id, local_datetime(o.starts_at)) for o in operations.occurrences_of(session, after=clock.now())]
    return form


def _title(session):
    """The session's title in the reader's language (the page marks ``lang`` when it is the
    French), or its number when it has none yet."""
    shown = session_texts.written_one(session).title
    return shown if shown.text else session_texts.Shown(str(operations.title_of(session)), str(get_locale()))


def _show_all():
    """``?toutes=1``: every date of a long series, not only the next few."""
    return request.args.get("toutes") == "1"


def _team_page(session, form, status=200):
    show_all = _show_all()
    outlook = operations.outlook(session, show_all)
    return render("volunteers/team.html", "volunteers/_team.html", status=status, session=session, form=form,
                  members=outlook.members, gaps=outlook.gaps, dates=outlook.dates, readiness=outlook.readiness,
                  ticks=outlook.ticks, checklist=operations.CHECKLIST, show_all=show_all,
                  recent=operations.recent_occurrences(session),
                  may_manage=operations.manages(current_user, session), confirm=ConfirmForm(),
                  title=_title(session))


@bp.route("/seances/<int:session_id>/equipe")
@allow(Role.ASSOCIATION, *MANAGERS)
def team(session_id):
    session = _readable_session(session_id)
    return _team_page(session, _invite_form(session))


@bp.route("/seances/<int:session_id>/equipe", methods=["POST"])
@allow(Role.ASSOCIATION)
def invite(session_id):
    session = _readable_session(session_id)
    form = _invite_form(session)

    def operation():
        occurrence = db.session.get(Occurrence, form.occurrence_id.data) if form.occurrence_id.data else None
        operations.invite(current_user, session, db.session.get(User, form.user_id.data),
                          form.role.data, occurrence)

    if submitted(form, operation):
        if not request.htmx:
            flash(_("Invitation envoyée."), "success")
            return redirect(url_for("volunteers.team", session_id=session.id, toutes=1 if _show_all() else None))
        form = _invite_form(session)
    return _team_page(session, form, form_status(form))


@bp.route("/equipe/<int:member_id>/retirer", methods=["POST"])
@allow(Role.ASSOCIATION)
def withdraw(member_id):
    member = owned_or_404(db.session.get(TeamMember, member_id))
    session = _readable_session(member.session_id)
    if submitted(ConfirmForm(), lambda: operations.withdraw(current_user, member)):
        flash(_("Invitation retirée."), "success")
    return redirect(url_for("volunteers.team", session_id=session.id))


# --- "Mon planning" ----------------------------------------------------------------------------------

def _mine(model, object_id):
    """Someone else's invitation or notice is a 404, as if it did not exist."""
    found = owned_or_404(db.session.get(model, object_id))
    if found.user_id != current_user.id:
        abort(404)
    return found


@bp.route("/mon-planning")
@allow(Role.VOLUNTEER)
def planning():
    coming, recent = operations.dates_around(current_user)
    dates = operations.trimmed(coming, _show_all())
    memberships = operations.memberships_of(current_user)
    shown = {d.session for d in dates.items + recent} | {m.session for m in memberships}
    return render("volunteers/planning.html", dates=dates, memberships=memberships,
                  written=session_texts.written(list(shown)),
                  notices=operations.active_notices(current_user), recent=recent,
                  feed_token=operations.feed_token(current_user),
                  ticks=operations.ticks_by_date([d.occurrence for d in dates.items]),
                  checklist=operations.CHECKLIST, answer=AnswerForm(), confirm=ConfirmForm())


@bp.route("/mon-planning/invitations/<int:member_id>", methods=["POST"])
@allow(Role.VOLUNTEER)
def answer(member_id):
    member = _mine(TeamMember, member_id)
    form = AnswerForm()
    if submitted(form, lambda: operations.answer(current_user, member, form.decision.data == "accept")):
        if not request.htmx:
            flash(_("Réponse enregistrée."), "success")
            return redirect(url_for("volunteers.planning"))
    elif not request.htmx:
        flash(_("Choisissez d'accepter ou de décliner."), "error")
        return redirect(url_for("volunteers.planning"))
    return render("volunteers/_membership.html", member=member, answer=form, status=form_status(form),
                  written=session_texts.written([member.session]))


@bp.route("/mon-planning/messages/<int:notice_id>/masquer", methods=["POST"])
@allow(Role.VOLUNTEER)
def dismiss(notice_id):
    notice = _mine(TeamNotice, notice_id)
    if ConfirmForm().validate_on_submit():
        operations.dismiss(current_user, notice)
    if request.htmx:
        return ""
    return redirect(url_for("volunteers.planning"))


@bp.route("/mon-planning/flux", methods=["POST"])
@allow(Role.VOLUNTEER)
def renew_feed():
    if ConfirmForm().validate_on_submit():
        operations.feed_token(current_user, renew=True)
        flash(_("Nouvelle adresse d'abonnement créée : l'ancienne ne fonctionne plus."), "success")
    return redirect(url_for("volunteers.planning"))


@bp.route("/flux/planning/<token>.ics")
@public
def feed(token):
    user = owned_or_404(operations.user_of_feed(token))
    return Response(operations.feed_of(user), mimetype="text/calendar",
                    headers={"Content-Disposition": 'attachment; filename="mon-planning.ics"'})


# --- the checklist of a date ------------------------------------------------------------------------

@bp.route("/dates/<int:occurrence_id>/liste", methods=["POST"])
@allow(Role.VOLUNTEER, Role.ASSOCIATION)
def tick(occurrence_id):
    occurrence = owned_or_404(db.session.get(Occurrence, occurrence_id))
    if not operations.may_tick(current_user, occurrence):
        abort(404)
    form = TickForm()
    if not submitted(form, lambda: operations.tick_item(current_user, occurrence, form.item.data,
                                                        form.done.data == "1")):
        abort(400)
    if not request.htmx:
        return redirect_back("volunteers.planning")
    ticks = operations.ticks_of(occurrence)
    return render("volunteers/_checklist.html", occurrence=occurrence, ticks=ticks,
                  checklist=operations.CHECKLIST, confirm=ConfirmForm())
