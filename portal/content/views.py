"""The easy-to-read checker staff use while writing, and what templates need to show texts."""
from flask import Blueprint, request
from flask_babel import format_number
from flask_babel import gettext as _

from portal.content import operations as content
from portal.content.easy_read import report
from portal.content.forms import variant_of_field
from portal.i18n import supported_locales, text_direction
from portal.roles import MANAGERS
from portal.web import allow, render

bp = Blueprint("content", __name__)

# Far more than any text the editors take (5 000 characters): the check stays quick.
MAX_CHECKED = 20_000


@bp.route("/gestion/lisibilite", methods=["POST"])
@allow(*MANAGERS)
def easy_read():
    """Hints on the text posted in the field named by ``field`` (``text`` by default): the
    panel's fragment for htmx, a page for the « Vérifier la lisibilité » button without it."""
    field = request.form.get("field") or "text"
    text = request.form.get(field, "")
    locale = request.form.get("locale") or (variant_of_field(field) or (content.source_locale(),))[0]
    if locale not in supported_locales():
        locale = content.source_locale()
    error, status = None, 200
    if len(text) > MAX_CHECKED:
        error, status = _("Ce texte est trop long pour être vérifié : %(max)s caractères au plus.",
                          max=format_number(MAX_CHECKED)), 422
        text = ""
    return render("content/easy_read.html", partial="content/_easy_read_hints.html", status=status,
                  report=report(text, locale), error=error)


@bp.app_template_global()
def variant_name(locale, register):
    return content.variant_name(locale, register)


@bp.app_template_global()
def direction_of(locale):
    return text_direction(locale)
