from flask import Blueprint, Response, current_app, abort, flash, json, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from portal.auth import operations
from portal.auth.forms import (AccountForm, InvitationAcceptForm, LoginForm, NewPasswordForm,
                               PasswordChangeForm, PasswordResetRequestForm, locale_choices)
from portal.auth.models import AccountToken
from portal.extensions import limiter, login_manager
from portal.forms import form_status, submitted
from portal.i18n import LOCALE_NAMES, supported_locales
from portal.web import public, redirect_back, render, signed_in

bp = Blueprint("auth", __name__)


@login_manager.user_loader
def load_user(session_id):
    return operations.load_session_user(session_id)


login_manager.login_view = "auth.login"
login_manager.login_message = _l("Connectez-vous pour ouvrir cette page.")
login_manager.login_message_category = "info"


def _locale_choices():
    return locale_choices({code: LOCALE_NAMES[code] for code in supported_locales()})


def _login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/connexion", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("core.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = operations.authenticate(form.email.data, form.password.data)
        if user is not None:
            login_user(user)
            flash(_("Bonjour %(name)s, vous êtes connecté·e.", name=user.name), "success")
            return redirect_back()
        form.form_errors.append(_("Adresse e-mail ou mot de passe incorrect."))
    return render("auth/login.html", form=form, next=request.args.get("next", ""), status=form_status(form))


@bp.route("/deconnexion", methods=["POST"])
@signed_in
def logout():
    operations.sign_out(current_user)
    logout_user()
    flash(_("Vous êtes déconnecté·e. À bientôt."), "success")
    return redirect(url_for("core.home"))


@bp.route("/mot-de-passe-oublie", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@public
def forgotten_password():
    form = PasswordResetRequestForm()
    if submitted(form, lambda: operations.request_password_reset(form.email.data)):
        flash(_("Si un compte existe avec cette adresse, un lien pour choisir un nouveau mot de passe "
                "vient d'y être envoyé."), "success")
        return redirect(url_for("auth.login"))
    return render("auth/forgotten_password.html", form=form, status=form_status(form))


def _valid_token_or_404(raw, purpose):
    token = operations.find_token(raw, purpose)
    if token is None:
        abort(404)
    return token


@bp.route("/mot-de-passe/<token>", methods=["GET", "POST"])
@public
def reset_password(token):
    found = _valid_token_or_404(token, AccountToken.PASSWORD_RESET)
    form = NewPasswordForm()
    if submitted(form, lambda: operations.reset_password(found, form.password.data)):
        login_user(found.user)
        flash(_("Votre nouveau mot de passe est enregistré."), "success")
        return redirect(url_for("core.home"))
    return render("auth/reset_password.html", form=form, status=form_status(form))


@bp.route("/invitation/<token>", methods=["GET", "POST"])
@public
def accept_invitation(token):
    found = _valid_token_or_404(token, AccountToken.INVITATION)
    form = InvitationAcceptForm(name=found.user.name, locale=found.user.locale or "")
    form.locale.choices = _locale_choices()
    # A refusal rolls back the name and the language too.
    if submitted(form, lambda: operations.accept_invitation(found, form.name.data, form.password.data,
                                                            form.locale.data)):
        logout_user()
        login_user(found.user)
        flash(_("Bienvenue sur Passerelle, votre compte est prêt."), "success")
        return redirect(url_for("core.home"))
    return render("auth/accept_invitation.html", form=form, invited=found.user, status=form_status(form))


@bp.route("/compte", methods=["GET", "POST"])
@signed_in
def account():
    form = AccountForm(obj=current_user, locale=current_user.locale or "")
    form.locale.choices = _locale_choices()
    password_form = PasswordChangeForm(prefix="pw")
    if submitted(form, lambda: operations.update_account(current_user, form.name.data, form.locale.data)):
        flash(_("Vos informations sont enregistrées."), "success")
        return redirect(url_for("auth.account"))
    return render("auth/account.html", form=form, password_form=password_form, status=form_status(form))


@bp.route("/compte/mot-de-passe", methods=["POST"])
@signed_in
def change_password():
    password_form = PasswordChangeForm(prefix="pw")
    # The person itself, not the ``current_user`` proxy: once handed to login_user, the
    # proxy would point at itself and every later access would recurse until Python crashes.
    user = current_user._get_current_object()
    if submitted(password_form, lambda: operations.change_password(user, password_form.current_password.data,
                                                                   password_form.password.data)):
        login_user(user)  # keep this session, the others are signed out
        flash(_("Votre mot de passe est changé. Vos autres sessions sont fermées."), "success")
        return redirect(url_for("auth.account"))
    form = AccountForm(obj=current_user, locale=current_user.locale or "", formdata=None)
    form.locale.choices = _locale_choices()
    return render("auth/account.html", form=form, password_form=password_form,
                  status=form_status(password_form))


@bp.route("/compte/export")
@signed_in
def export_account():
    body = json.dumps(operations.export_account(current_user), ensure_ascii=False, indent=2)
    return Response(body, mimetype="application/json",
                    headers={"Content-Disposition": "attachment; filename=passerelle-mes-donnees.json"})


