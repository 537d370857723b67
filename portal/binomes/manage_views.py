"""Staff's pages for the binômes: the neighbourhoods and the charter's versions (rules in
``portal.binomes.manage``)."""
from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.binomes import manage, queue
from portal.binomes.manage_forms import CHARTER, NeighbourhoodForm, charter_form
from portal.binomes.models import BuddyCharter, Neighbourhood
from portal.binomes.views import bp
from portal.content import operations as content
from portal.content.forms import bodies_from, editor, reviews_from
from portal.database import db
from portal.errors import Refused
from portal.forms import form_status, submitted
from portal.roles import MANAGERS
from portal.web import allow, owned_or_404, render


# --- pages ---------------------------------------------------------------------------------

def _edit_neighbourhood(neighbourhood, template, **context):
    form = NeighbourhoodForm(obj=neighbourhood)
    if submitted(form, lambda: manage.save_neighbourhood(neighbourhood, form.name.data, form.latitude.data,
                                                  form.longitude.data)):
        flash(_("Le quartier « %(name)s » est enregistré.", name=neighbourhood.name), "success")
        return redirect(url_for("binomes.neighbourhoods", _anchor=f"neighbourhood-{neighbourhood.id}"))
    return render(template, form=form, neighbourhood=neighbourhood, status=form_status(form), **context)


@bp.route("/gestion/quartiers", methods=["GET", "POST"])
@allow(*MANAGERS)
def neighbourhoods():
    return _edit_neighbourhood(Neighbourhood(), "binomes/manage/neighbourhoods.html",
                               neighbourhoods=manage.all_neighbourhoods())


@bp.route("/gestion/quartiers/<int:neighbourhood_id>", methods=["GET", "POST"])
@allow(*MANAGERS)
def edit_neighbourhood(neighbourhood_id):
    found = owned_or_404(db.session.get(Neighbourhood, neighbourhood_id))
    return _edit_neighbourhood(found, "binomes/manage/neighbourhood.html")


@bp.route("/gestion/quartiers/<int:neighbourhood_id>/supprimer", methods=["POST"])
@allow(*MANAGERS)
def delete_neighbourhood(neighbourhood_id):
    found = owned_or_404(db.session.get(Neighbourhood, neighbourhood_id))
    name = found.name
    try:
        manage.remove_neighbourhood(found)
    except Refused as refusal:
        db.session.rollback()
        flash(refusal.message, "error")
        return redirect(url_for("binomes.edit_neighbourhood", neighbourhood_id=neighbourhood_id))
    flash(_("Le quartier « %(name)s » est supprimé.", name=name), "success")
    return redirect(url_for("binomes.neighbourhoods"))


@bp.route("/gestion/binomes/charte", methods=["GET", "POST"])
@allow(*MANAGERS)
def charter():
    current = queue.current_charter()
    form = charter_form(current)
    published = []
    if submitted(form, lambda: published.append(manage.publish_charter(current_user, bodies_from(form, CHARTER),
                                                                reviews_from(form, CHARTER)))):
        flash(_("La version %(version)s de la charte est publiée. Les consentements déjà donnés gardent "
                "la version que les personnes ont lue.", version=published[0].version), "success")
        return redirect(url_for("binomes.charter"))
    return render("binomes/manage/charter.html", form=form, current=current, versions=manage.charter_versions(),
                  columns=editor(form, CHARTER, queue.charter_key(current) if current else None),
                  status=form_status(form))


@bp.route("/gestion/binomes/charte/<int:version>")
@allow(*MANAGERS)
def charter_version(version):
    shown = owned_or_404(db.session.get(BuddyCharter, version))
    texts = content.records(queue.charter_key(shown))
    return render("binomes/manage/charter_version.html", charter=shown, current=queue.current_charter(),
                  texts=[texts[variant] for variant in content.all_variants() if variant in texts])
