from flask import Blueprint

from portal.rooms import operations
from portal.web import public, render

bp = Blueprint("rooms", __name__)


@bp.route("/lieux")
@public
def places():
    return render("rooms/places.html", places=operations.list_places())
