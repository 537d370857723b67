"""The session planner (association members; staff read) and the association space."""
from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from portal import clock
from portal.content import operations as content
from portal.core.help_numbers import poster_numbers
from portal.database import db
from portal.errors import Refused
from portal.formats import operations as formats
from portal.forms import applied, form_status, submitted
from portal.resources import operations as resources
from portal.roles import MANAGERS, Role
from portal.rooms import operations as rooms
from portal.rooms.models import Room
from portal.sessions import models, operations, texts
from portal.sessions.forms import FORMS, OPENING_SUGGESTION, StartForm, field_of, translations_form
from portal.sessions.models import STEPS
from portal.volunteers import operations as volunteers
from portal.web import allow, owned_or_404, render, wants_fragment

bp = Blueprint("sessions", __name__)


def _session_for(session_id):
    return owned_or_404(operations.readable(session_id, current_user))


def _my_associations():
    return [a for a in current_user.associations if a.archived_at is None]


@bp.route("/seances/nouvelle", methods=["GET", "POST"])
@allow(Role.ASSOCIATION)
def new():
    form = StartForm()
    associations = _my_associations()
    form.association.choices = [SelectChoice(a.id, a.name) for a in associations]
    found = operations.active_formats()
    names = formats.texts_of(found, *content.shown_as(), fields=("name", "purpose"))
    form.format.choices = [SelectChoice(f.id, names[f.id]["name"].body if names[f.id]["name"] else f.slug)
                           for f in found]
    if len(associations) == 1 and request.method == "GET":
        form.association.data = associations[0].id
    created = None

    def create():
        nonlocal created
        association = next(a for a in associations if a.id == form.association.data)
        created = operations.start(current_user, association, next(f for f in found if f.id == form.format.data))
    if submitted(form, create):
        flash(_("Le brouillon est créé. Étape 1 : choisissez le lieu."), "success")
        return redirect(url_for("sessions.step", session_id=created.id, step=STEPS[0]))
    return render("sessions/new.html", form=form, formats=found, names=names, status=form_status(form))


# --- the six steps -------------------------------------------------------------------------

def _initial(session, step):
    """What a step's form shows before anything is sent: the draft as saved."""
    if step == "lieu":
        return {"room": session.room_id}
    if step == "definir":
        return {"title": session.title, "objective": session.objective, "max_participants": session.max_participants,
                "duration": session.duration, "date": session.first_day, "start": session.start_time,
                "frequency": session.frequency, "until": session.until, "count": session.count,
                "admission": session.admission, "cost": session.cost, "fee": session.fee,
                "with_relative": session.with_relative}
    if step == "charte":
        return {"additions": session.charter_additions, "accepted": session.charter_accepted}
    if step == "preparer":
        return {"opening_script": session.opening_script or str(OPENING_SUGGESTION),
                "closing_instructions": session.closing_instructions}
    if step == "prevenir":
        return {"referent_name": session.referent_name, "referent_phone": session.referent_phone,
                "escalation_additions": session.escalation_additions, "numbers_posted": session.numbers_posted}
    return {"resources": [r.id for r in session.resources], "courtesy_call": session.courtesy_call,
            "questionnaire": session.questionnaire}


def _form(session, step, formdata=None, csrf=True):
    form = FORMS[step](formdata=formdata, data=_initial(session, step), meta={"csrf": csrf})
    if step == "lieu":
        form.room.choices = [SelectChoice(r.id, f"{r.place.name} – {r.name}") for r in rooms.active_rooms()]
    elif step == "orienter":
        form.resources.choices = [SelectChoice(r.id, r.name) for r in resources.search()]
    return form


def _save(session, step, form):
    """Apply a validated step."""
    actor, data = current_user, form.data
    if step == "lieu":
        operations.save_place(actor, session, db.session.get(Room, form.room.data))
    elif step == "definir":
        operations.save_definition(
            actor, session, title=data["title"], objective=data["objective"],
            max_participants=data["max_participants"], duration=data["duration"], first_day=data["date"],
            start_time=data["start"], frequency=data["frequency"], until=data["until"], count=data["count"],
            admission=data["admission"], cost=data["cost"], fee=data["fee"] or "", with_relative=data["with_relative"])
    elif step == "charte":
        operations.save_charter(actor, session, additions=data["additions"] or "", accepted=data["accepted"])
    elif step == "preparer":
        operations.save_preparation(actor, session, opening_script=data["opening_script"],
                                    closing_instructions=data["closing_instructions"])
    elif step == "prevenir":
        operations.save_prevention(actor, session, referent_name=data["referent_name"],
                                   referent_phone=data["referent_phone"],
                                   escalation_additions=data["escalation_additions"] or "",
                                   numbers_posted=data["numbers_posted"])
    else:
        operations.save_orientation(actor, session, resource_ids=data["resources"] or [],
                                    courtesy_call=data["courtesy_call"], questionnaire=data["questionnaire"])


def _step_context(session, step):
    """What a step shows besides its form: rooms and their facts, the format's texts, the kit."""
    context = {}
    if step == "lieu":
        context["rooms"] = {r.id: r for r in rooms.active_rooms()}
    if step in ("lieu", "definir"):  # what the chosen room lacks, said again where the dates are set
        context["warnings"] = operations.room_warnings(session.format, session.room) if session.room else []
    if step in ("charte", "preparer", "prevenir") and session.format is not None:
        context["texts"] = formats.texts_of([session.format], *content.shown_as(),
                                            fields=("name", "rules", "team", "preparation"))[session.format.id]
    if step == "prevenir":
        context["numbers"] = poster_numbers()
    if step == "definir":
        context["bookings"] = operations.bookings_of(session)
    return context


@bp.route("/seances/<int:session_id>/etape/<step>", methods=["GET", "POST"])
@allow(Role.ASSOCIATION, *MANAGERS)
def step(session_id, step):
    """One step of the planner. A POST saves it and goes on to the next step; a GET with
    ``preview`` (step 2) lists the dates that would be asked for, with their conflicts."""
    session = _session_for(session_id)
    if step not in STEPS:
        abort(404)
    if not operations.reachable(session, step):
        return redirect(url_for("sessions.step", session_id=session.id, step=STEPS[session.step - 1]))
    may_edit = operations.editable_by(session, current_user)
    planned = None
    if request.method == "POST":
        if not may_edit:
            abort(403)
        form = _form(session, step, request.form)
        if submitted(form, lambda: _save(session, step, form)):
            flash(_("Étape enregistrée."), "success")
            index = STEPS.index(step)
            if index + 1 < len(STEPS):
                return redirect(url_for("sessions.step", session_id=session.id, step=STEPS[index + 1]))
            return redirect(url_for("sessions.show", session_id=session.id))
    elif step == "definir" and "preview" in request.args:
        form = _form(session, step, request.args, csrf=False)
        if form.validate():
            def preview():
                nonlocal planned
                data = form.data
                planned = operations.preview(session, data["max_participants"], data["duration"], data["date"],
                                             data["start"], data["frequency"], data["until"], data["count"])
            applied(form, preview)
    else:
        form = _form(session, step)
    body, status = render("sessions/step.html", partial="sessions/_step.html", session=session, step=step,
                          form=form, may_edit=may_edit, planned=planned, steps=STEPS,
                          step_titles=operations.STEP_TITLES, status=form_status(form),
                          **_step_context(session, step))
    headers = {}
    if wants_fragment() and request.method == "GET" and "preview" not in request.args:
        headers["HX-Push-Url"] = request.full_path.rstrip("?")  # the step's own address, to come back to
    return body, status, headers


# --- the whole session, publishing -----------------------------------------------------------

def _show(session, status=200, refusal=None):
    return render("sessions/show.html", session=session, bookings=operations.bookings_of(session),
                  missing=operations.missing(session), may_edit=operations.editable_by(session, current_user),
                  steps=STEPS, step_titles=operations.STEP_TITLES, refusal=refusal, status=status)


@bp.route("/seances/<int:session_id>")
@allow(Role.ASSOCIATION, *MANAGERS)
def show(session_id):
    return _show(_session_for(session_id))


@bp.route("/seances/<int:session_id>/publier", methods=["POST"])
@allow(Role.ASSOCIATION)
def publish(session_id):
    session = _session_for(session_id)
    if not operations.editable_by(session, current_user):
        abort(403)
    try:
        operations.publish(current_user, session)
    except Refused as refusal:
        db.session.rollback()
        return _show(session, 422, refusal.message)
    flash(_("La rencontre est publiée."), "success")
    return redirect(url_for("sessions.show", session_id=session.id))


# --- the public page in other languages -----------------------------------------------------

@bp.route("/seances/<int:session_id>/traductions", methods=["GET", "POST"])
@allow(Role.ASSOCIATION)
def translations(session_id):
    """The title and objective of the public page in each language but French, written by
    the association's members (who edit the planner)."""
    session = _session_for(session_id)
    if not operations.editable_by(session, current_user):
        abort(403)
    locales = texts.target_locales()
    if request.method == "POST":
        form = translations_form()()
    else:
        form = translations_form()(data={field_of(field, locale): body
                                         for (field, locale), body in texts.stored(session).items()})

    def save():
        texts.save_translations(current_user, session, {(field, locale): form[field_of(field, locale)].data
                                                        for field in texts.FIELDS for locale in locales})
    if submitted(form, save):
        flash(_("Traductions enregistrées."), "success")
        return redirect(url_for("sessions.translations", session_id=session.id))
    languages = [(locale, form[field_of("title", locale)], form[field_of("objective", locale)]) for locale in locales]
    return render("sessions/translations.html", session=session, form=form, languages=languages,
                  page_title=texts.PAGE_TITLE, source_locale=content.source_locale(), status=form_status(form))


# --- the association space ------------------------------------------------------------------

@bp.route("/mon-association/seances")
@allow(Role.ASSOCIATION, *MANAGERS)
def mine():
    """Members see their associations' sessions; staff, every association's."""
    associations = None if current_user.has_role(*MANAGERS) else _my_associations()
    found = operations.sessions_of(associations)
    return render("sessions/mine.html", sessions=found,
                  bookings={s.id: operations.bookings_of(s) for s in found},
                  missing={s.id: operations.missing(s) for s in found},
                  outlooks={s.id: volunteers.outlook(s) for s in found},
                  associations=associations or [], statuses=models.STATUS_LABELS, now=clock.now())
