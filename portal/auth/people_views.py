"""Staff manage the people who use the portal: invite, change roles, deactivate, erase."""
import sqlalchemy as sa
from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from portal.associations.models import Association
from portal.auth import operations
from portal.auth.forms import EditPersonForm, InvitePersonForm, locale_choices
from portal.auth.models import User
from portal.auth.views import bp
from portal.database import db
from portal.errors import Refused
from portal.forms import attach_refusal, form_status, submitted
from portal.i18n import LOCALE_NAMES, supported_locales
from portal.roles import MANAGERS, Role
from portal.web import allow, owned_or_404, render


def _association_choices():
    associations = db.session.scalars(
        sa.select(Association).where(Association.archived_at.is_(None)).order_by(Association.name)).all()
    return [SelectChoice(a.id, a.name) for a in associations]


@bp.route("/personnes")
@allow(*MANAGERS)
def people():
    text = request.args.get("q", "")[:100]
    role = request.args.get("role", "")
    role = role if role in {r.value for r in Role} else ""
    found = operations.search_people(text, role)
    return render("auth/people.html", partial="auth/_people_results.html",
                  people=found, q=text, role=role, roles=list(Role))


@bp.route("/personnes/inviter", methods=["GET", "POST"])
@allow(*MANAGERS)
def invite_person():
    form = InvitePersonForm()
    form.associations.choices = _association_choices()
    form.locale.choices = locale_choices({c: LOCALE_NAMES[c] for c in supported_locales()})
    invited = None

    def invite():  # a refusal rolls the half-made account back
        nonlocal invited
        invited = operations.invite_person(current_user, form.email.data, form.name.data,
                                           form.roles.data, form.associations.data, form.locale.data)
    if submitted(form, invite):
        user, mailed = invited
        if mailed:
            flash(_("Invitation envoyée à %(email)s.", email=user.email), "success")
        else:
            flash(_("Le compte de %(email)s est créé, mais l'e-mail d'invitation n'a pas pu partir. "
                    "Réessayez plus tard avec « Renvoyer l'invitation ».", email=user.email), "error")
        return redirect(url_for("auth.person", user_id=user.id))
    return render("auth/invite_person.html", form=form, status=form_status(form))


def _person_page(user, form=None, refusal=None, status=200):
    form = form or EditPersonForm(obj=user, formdata=None, data={
        "roles": sorted(user.roles), "associations": [a.id for a in user.associations]})
    form.associations.choices = _association_choices()
    if refusal is not None:
        attach_refusal(form, refusal)
        status = 422
    return render("auth/person.html", form=form, person=user, status=status)


@bp.route("/personnes/<int:user_id>")
@allow(*MANAGERS)
def person(user_id):
    return _person_page(owned_or_404(db.session.get(User, user_id)))


@bp.route("/personnes/<int:user_id>", methods=["POST"])
@allow(*MANAGERS)
def update_person(user_id):
    user = owned_or_404(db.session.get(User, user_id))
    form = EditPersonForm()
    form.associations.choices = _association_choices()
    if submitted(form, lambda: operations.update_person(current_user, user, form.name.data, form.roles.data,
                                                        form.associations.data, form.active.data)):
        flash(_("Les informations de %(name)s sont enregistrées.", name=user.name), "success")
        return redirect(url_for("auth.person", user_id=user.id))
    return _person_page(user, form, status=form_status(form))


@bp.route("/personnes/<int:user_id>/invitation", methods=["POST"])
@allow(*MANAGERS)
def resend_invitation(user_id):
    user = owned_or_404(db.session.get(User, user_id))
    try:
        mailed = operations.resend_invitation(current_user, user)
    except Refused as refusal:
        return _person_page(user, refusal=refusal)
    if mailed:
        flash(_("Une nouvelle invitation est envoyée à %(email)s.", email=user.email), "success")
    else:
        flash(_("L'e-mail d'invitation à %(email)s n'a pas pu partir. Réessayez plus tard.", email=user.email),
              "error")
    return redirect(url_for("auth.person", user_id=user.id))


@bp.route("/personnes/<int:user_id>/supprimer", methods=["POST"])
@allow(*MANAGERS)
def delete_person(user_id):
    user = owned_or_404(db.session.get(User, user_id))
    name = user.name
    try:
        operations.delete_person(current_user, user)
    except Refused as refusal:
        return _person_page(user, refusal=refusal)
    flash(_("Le compte de %(name)s et ses données personnelles sont supprimés.", name=name), "success")
    return redirect(url_for("auth.people"))
