import sqlalchemy as sa
from flask import Blueprint, Response, abort, jsonify, request, session
from flask_login import current_user

from portal.auth import operations as accounts
from portal.core import poster
from portal.core.help_numbers import help_number_groups
from portal.extensions import limiter
from portal.database import db
from portal.i18n import remember_falc, supported_locales
from portal.roles import MANAGERS
from portal.resources import operations as resources
from portal.rooms import operations as rooms
from portal.web import public, redirect_back, render

bp = Blueprint("core", __name__)

HOME_QUEUE_LENGTH = 10


@bp.route("/")
@public
def home():
    # Staff see the requests waiting for them first thing: the oldest, the rest one click away.
    if current_user.is_authenticated and current_user.has_role(*MANAGERS):
        return render("core/home.html", queue=rooms.pending_queue(limit=HOME_QUEUE_LENGTH),
                      waiting=rooms.pending_count(), stale_resources=resources.stale_count())
    return render("core/home.html")


@bp.route("/urgence")
@public
def emergency():
    return render("core/emergency.html", groups=help_number_groups())


@bp.route("/urgence/affiche.pdf")
@public
@limiter.limit("30 per minute")  # a PDF costs a fraction of a second to build
def emergency_poster():
    return Response(poster.build(), mimetype="application/pdf",
                    headers={"Content-Disposition": 'inline; filename="urgence.pdf"'})


@bp.route("/healthz")
@public
def healthz():
    try:
        db.session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="error"), 503
    return jsonify(status="ok", database="ok")


@bp.route("/langue", methods=["POST"])
@public
def set_language():
    locale = request.form.get("locale", "")
    if locale not in supported_locales():
        abort(400)
    session["locale"] = locale
    if current_user.is_authenticated:
        accounts.update_account(current_user, current_user.name, locale)
    return redirect_back()


@bp.route("/facile-a-lire", methods=["POST"])
@public
def toggle_easy_read():
    return remember_falc(redirect_back(), request.form.get("falc") == "on")
