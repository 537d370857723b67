"""The directory of replicable meeting formats (café-échanges, cercle d'écoute…): public
pages, and staff pages to add, change and archive formats."""
from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.content import operations as content
from portal.content.forms import editor
from portal.database import db
from portal.formats import operations
from portal.formats.forms import FilterForm, format_form, texts_from
from portal.formats.models import TEXTS, Format
from portal.forms import form_status, submitted
from portal.roles import MANAGERS
from portal.web import allow, owned_or_404, public, render

bp = Blueprint("formats", __name__)


@bp.app_template_filter("duration")
def duration_label(minutes):
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%(minutes)d min", minutes=rest)
    if not rest:
        return _("%(hours)d h", hours=hours)
    return _("%(hours)d h %(minutes)02d", hours=hours, minutes=rest)


@bp.route("/formats")
@public
def index():
    filters = FilterForm(request.args)
    found = []
    if filters.validate():
        found = operations.public_list(*content.shown_as(), text=filters.q.data or "", duration=filters.duration.data,
                                       people=filters.people.data, kind=filters.kind.data)
    return render("formats/index.html", partial="formats/_results.html", filters=filters, formats=found,
                  status=422 if filters.errors else 200)


@bp.route("/formats/<slug>")
@public
def show(slug):
    fmt = owned_or_404(operations.by_slug(slug))
    return render("formats/show.html", format=fmt, texts=operations.texts_of([fmt], *content.shown_as())[fmt.id],
                  text_headings=TEXTS)


# --- staff ---------------------------------------------------------------------------------

@bp.route("/gestion/formats")
@allow(*MANAGERS)
def manage():
    formats = operations.all_formats()
    return render("formats/manage.html", formats=formats, texts=operations.texts_of(formats, *content.shown_as(), ("name",)))


def _edit(fmt):
    form = format_form(fmt)

    def save():
        texts, reviews = texts_from(form)
        operations.save_format(current_user, fmt, slug=form.slug.data, kind=form.kind.data,
                               duration=form.duration.data, group_min=form.group_min.data,
                               group_max=form.group_max.data, roles=form.roles.data,
                               needs_calm=form.needs_calm.data, needs_step_free=form.needs_step_free.data,
                               outdoor_start=form.outdoor_start.data, texts=texts, reviews=reviews)
    if submitted(form, save):
        flash(_("Le format est enregistré."), "success")
        return redirect(url_for("formats.show", slug=fmt.slug))
    key = fmt.text_key if fmt.id is not None else (lambda _field: None)
    name = operations.texts_of([fmt], *content.shown_as(), ("name",))[fmt.id]["name"] if fmt.id is not None else None
    return render("formats/manage_form.html", form=form, format=fmt, name=name, status=form_status(form),
                  texts=[(heading, editor(form, field, key(field))) for field, heading in TEXTS.items()])


@bp.route("/gestion/formats/nouveau", methods=["GET", "POST"])
@allow(*MANAGERS)
def new():
    return _edit(Format())


@bp.route("/gestion/formats/<int:format_id>/modifier", methods=["GET", "POST"])
@allow(*MANAGERS)
def edit(format_id):
    return _edit(owned_or_404(db.session.get(Format, format_id)))


@bp.route("/gestion/formats/<int:format_id>/archiver", methods=["POST"])
@allow(*MANAGERS)
def archive(format_id):
    fmt = operations.set_archived(current_user, owned_or_404(db.session.get(Format, format_id)), True)
    flash(_("Le format est archivé : il n'apparaît plus dans la liste publique."), "success")
    return redirect(url_for("formats.manage", _anchor=f"format-{fmt.id}"))


@bp.route("/gestion/formats/<int:format_id>/reactiver", methods=["POST"])
@allow(*MANAGERS)
def unarchive(format_id):
    fmt = operations.set_archived(current_user, owned_or_404(db.session.get(Format, format_id)), False)
    flash(_("Le format est de nouveau proposé dans la liste publique."), "success")
    return redirect(url_for("formats.manage", _anchor=f"format-{fmt.id}"))
