from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.associations import operations
from portal.associations.forms import AssociationForm
from portal.associations.models import Association
from portal.database import db
from portal.forms import form_status, submitted
from portal.roles import MANAGERS
from portal.web import allow, owned_or_404, render, signed_in

bp = Blueprint("associations", __name__)


@bp.route("/associations")
@allow(*MANAGERS)
def index():
    return render("associations/index.html", associations=operations.list_associations(include_archived=True))


@bp.route("/mes-associations")
@signed_in
def mine():
    return render("associations/mine.html", associations=current_user.associations)


@bp.route("/associations/<int:association_id>")
@signed_in
def show(association_id):
    association = owned_or_404(db.session.get(Association, association_id))
    if not operations.may_see(current_user, association):
        abort(403)
    return render("associations/show.html", association=association)


def _edit(association):
    form = AssociationForm(obj=association)
    if submitted(form, lambda: operations.save_association(association, form.name.data, form.description.data,
                                                           form.email.data, form.phone.data)):
        flash(_("L'association « %(name)s » est enregistrée.", name=association.name), "success")
        return redirect(url_for("associations.show", association_id=association.id))
    return render("associations/edit.html", form=form, association=association, status=form_status(form))


@bp.route("/associations/nouvelle", methods=["GET", "POST"])
@allow(*MANAGERS)
def create():
    return _edit(Association())


@bp.route("/associations/<int:association_id>/modifier", methods=["GET", "POST"])
@allow(*MANAGERS)
def edit(association_id):
    return _edit(owned_or_404(db.session.get(Association, association_id)))


@bp.route("/associations/<int:association_id>/archiver", methods=["POST"])
@allow(*MANAGERS)
def archive(association_id):
    association = owned_or_404(db.session.get(Association, association_id))
    operations.set_archived(association, association.archived_at is None)
    if association.archived_at:
        flash(_("L'association « %(name)s » est archivée.", name=association.name), "success")
    else:
        flash(_("L'association « %(name)s » est de nouveau active.", name=association.name), "success")
    return redirect(url_for("associations.show", association_id=association.id))
