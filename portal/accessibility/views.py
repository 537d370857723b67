"""The public accessibility statement, and the status the footer of every page states."""
from flask import Blueprint

from portal.accessibility import statement as declaration
from portal.web import public, render

bp = Blueprint("accessibility", __name__)


@bp.route("/accessibilite")
@public
def statement():
    return render("accessibility/statement.html", statement=declaration.build())


@bp.app_template_global()
def accessibility_status():
    """« non conforme », « partiellement conforme » or « totalement conforme »: RGAA asks the
    footer's link to the statement to say it on every page."""
    return declaration.current().label
