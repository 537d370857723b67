"""The door poster of a room's week, as a PDF anyone may open (it is printed for the door)."""
from datetime import datetime

from flask import Response, abort, request

from portal import clock
from portal.database import db
from portal.extensions import limiter
from portal.rooms import poster
from portal.rooms.models import Room
from portal.rooms.views import bp
from portal.web import owned_or_404, public


@bp.route("/salles/<int:room_id>/affiche.pdf")
@public
@limiter.limit("30 per minute")  # a PDF costs a fraction of a second to build
def room_poster(room_id):
    found = owned_or_404(db.session.get(Room, room_id))
    anchor = _date(request.args.get("date")) or clock.today()
    body = poster.build(found, anchor)
    monday = anchor.fromordinal(anchor.toordinal() - anchor.weekday())
    return Response(body, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="affiche-salle-{found.id}-{monday.isoformat()}.pdf"'})


def _date(value):
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        abort(400)
