"""The directory of local help (care, social, rights, listening lines, town hall contacts)."""
from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.content import forms as texts
from portal.content import operations as content
from portal.database import db
from portal.forms import form_status, submitted
from portal.resources import operations
from portal.resources.forms import DESCRIPTION, PURPOSE, help_number_form, resource_form
from portal.resources.models import (CATEGORIES, LANGUAGES, LocalHelpNumber, Resource, language_label,
                                     language_names)
from portal.roles import MANAGERS
from portal.web import allow, owned_or_404, public, render

bp = Blueprint("resources", __name__)


def descriptions_of(resources):
    """{id: the entry's description in the reader's language and register, or None}."""
    found = content.lookup_many([r.description_key for r in resources], *content.shown_as())
    return {r.id: found[r.description_key] for r in resources}


bp.add_app_template_global(language_label)
bp.add_app_template_global(language_names, "spoken_language")


@bp.route("/ressources")
@public
def index():
    # Unknown filter values (an old link, a hand-typed address) are ignored, never an error.
    neighbourhoods, languages = operations.filter_choices()
    category = request.args.get("categorie", "")
    category = category if category in CATEGORIES else ""
    neighbourhood = request.args.get("quartier", "")[:80]
    neighbourhood = neighbourhood if neighbourhood in neighbourhoods else ""
    language = request.args.get("langue", "")
    language = language if language in LANGUAGES else ""
    step_free = request.args.get("plain_pied") == "oui"
    found = operations.search(category, neighbourhood, language, step_free)
    filtered = bool(category or neighbourhood or language or step_free)
    return render("resources/index.html", partial="resources/_results.html",
                  resources=found, descriptions=descriptions_of(found),
                  categories=CATEGORIES, neighbourhoods=neighbourhoods, languages=languages,
                  chosen={"category": category, "neighbourhood": neighbourhood, "language": language,
                          "step_free": step_free}, filtered=filtered)


@bp.route("/ressources/<int:resource_id>")
@public
def show(resource_id):
    found = db.session.get(Resource, resource_id)
    staff = current_user.is_authenticated and current_user.has_role(*MANAGERS)
    if found is None or (found.archived_at is not None and not staff):
        abort(404)
    return render("resources/show.html", resource=found,
                  description=found.description(*content.shown_as()),
                  stale=staff and operations.is_stale(found))


# --- staff: resources ----------------------------------------------------------------------

@bp.route("/gestion/ressources")
@allow(*MANAGERS)
def manage():
    return render("resources/manage.html", resources=operations.staff_list(), is_stale=operations.is_stale,
                  stale=operations.stale_count(), help_numbers=operations.all_help_numbers())


def _edit_resource(resource):
    form = resource_form(resource)
    if submitted(form, lambda: operations.save_resource(
            current_user, resource, name=form.name.data, kind=form.kind.data, address=form.address.data,
            neighbourhood=form.neighbourhood.data, hours=form.hours.data, phone=form.phone.data,
            email=form.email.data, website=form.website.data, step_free=form.step_free.data,
            accessible_toilets=form.accessible_toilets.data, hearing_loop=form.hearing_loop.data,
            sign_language=form.sign_language.data, accessibility_notes=form.accessibility_notes.data,
            languages=form.languages.data, in_kit=form.in_kit.data,
            descriptions=texts.bodies_from(form, DESCRIPTION), reviews=texts.reviews_from(form, DESCRIPTION))):
        flash(_("La ressource « %(name)s » est enregistrée.", name=resource.name), "success")
        return redirect(url_for("resources.manage", _anchor=f"resource-{resource.id}"))
    return render("resources/edit.html", form=form, resource=resource,
                  description=texts.editor(form, DESCRIPTION, resource.description_key if resource.id else None),
                  status=form_status(form))


@bp.route("/gestion/ressources/nouvelle", methods=["GET", "POST"])
@allow(*MANAGERS)
def new_resource():
    return _edit_resource(Resource())


@bp.route("/gestion/ressources/<int:resource_id>/modifier", methods=["GET", "POST"])
@allow(*MANAGERS)
def edit_resource(resource_id):
    return _edit_resource(owned_or_404(db.session.get(Resource, resource_id)))


@bp.route("/gestion/ressources/<int:resource_id>/relue", methods=["POST"])
@allow(*MANAGERS)
def mark_reviewed(resource_id):
    resource = operations.mark_reviewed(current_user, owned_or_404(db.session.get(Resource, resource_id)))
    flash(_("La ressource « %(name)s » est marquée comme vérifiée aujourd'hui.", name=resource.name), "success")
    return redirect(url_for("resources.manage", _anchor=f"resource-{resource.id}"))


def _archive(model, ident, archived, message, anchor):
    """Archive (or bring back) a resource or a help number, then back to the staff list."""
    record = operations.set_archived(current_user, owned_or_404(db.session.get(model, ident)), archived)
    flash(message % {"name": record.name}, "success")
    return redirect(url_for("resources.manage", _anchor=anchor or f"resource-{record.id}"))


@bp.route("/gestion/ressources/<int:resource_id>/archiver", methods=["POST"])
@allow(*MANAGERS)
def archive_resource(resource_id):
    return _archive(Resource, resource_id, True,
                    _("La ressource « %(name)s » est archivée : le public ne la voit plus."), None)


@bp.route("/gestion/ressources/<int:resource_id>/reactiver", methods=["POST"])
@allow(*MANAGERS)
def unarchive_resource(resource_id):
    return _archive(Resource, resource_id, False, _("La ressource « %(name)s » est de nouveau publiée."), None)


# --- staff: the town's help numbers --------------------------------------------------------

def _edit_help_number(line):
    form = help_number_form(line)
    if submitted(form, lambda: operations.save_help_number(
            current_user, line, name=form.name.data, number=form.number.data, hours=form.hours.data,
            free=form.free.data, position=form.position.data, purposes=texts.bodies_from(form, PURPOSE),
            reviews=texts.reviews_from(form, PURPOSE))):
        flash(_("Le numéro « %(name)s » est enregistré.", name=line.name), "success")
        return redirect(url_for("resources.manage", _anchor="help-numbers"))
    return render("resources/edit_help_number.html", form=form, line=line,
                  purpose=texts.editor(form, PURPOSE, line.purpose_key if line.id else None),
                  status=form_status(form))


@bp.route("/gestion/numeros-locaux/nouveau", methods=["GET", "POST"])
@allow(*MANAGERS)
def new_help_number():
    return _edit_help_number(LocalHelpNumber())


@bp.route("/gestion/numeros-locaux/<int:line_id>/modifier", methods=["GET", "POST"])
@allow(*MANAGERS)
def edit_help_number(line_id):
    return _edit_help_number(owned_or_404(db.session.get(LocalHelpNumber, line_id)))


@bp.route("/gestion/numeros-locaux/<int:line_id>/archiver", methods=["POST"])
@allow(*MANAGERS)
def archive_help_number(line_id):
    return _archive(LocalHelpNumber, line_id, True, _("Le numéro « %(name)s » n'est plus affiché."),
                    "help-numbers")


@bp.route("/gestion/numeros-locaux/<int:line_id>/reactiver", methods=["POST"])
@allow(*MANAGERS)
def unarchive_help_number(line_id):
    return _archive(LocalHelpNumber, line_id, False, _("Le numéro « %(name)s » est de nouveau affiché."),
                    "help-numbers")
