"""The demo volunteer in the team of the demo café: referent on every date (accepted), and
invited to welcome people on the next one; a few items of its checklist ticked. Loading twice
changes nothing; the caller commits."""
import sqlalchemy as sa

from portal import clock
from portal.associations.models import Association
from portal.auth.models import User
from portal.database import db
from portal.formats.models import Format
from portal.sessions.models import Session
from portal.volunteers import operations
from portal.volunteers.models import ACCEPTED, INVITED, ChecklistTick, TeamMember

VOLUNTEER = "benevole@passerelle.example"


def _demo_cafe():
    return db.session.scalar(
        sa.select(Session).join(Association).join(Format)
        .where(Association.name == "Lien et Voisinage", Format.slug == "cafe-echanges").order_by(Session.id))


def _add_once(session, user, role, status, occurrence=None):
    on_dates = TeamMember.occurrence_id == occurrence.id if occurrence else TeamMember.occurrence_id.is_(None)
    found = db.session.scalar(sa.select(TeamMember).where(
        TeamMember.session_id == session.id, TeamMember.user_id == user.id, TeamMember.role == role, on_dates))
    if found is None:
        db.session.add(TeamMember(session=session, user=user, role=role, status=status, occurrence=occurrence,
                                  answered_at=clock.now() if status == ACCEPTED else None))


def load():
    session, volunteer = _demo_cafe(), db.session.scalar(sa.select(User).filter_by(email=VOLUNTEER))
    if session is None or volunteer is None:  # the sessions' demo is not loaded
        return
    _add_once(session, volunteer, "referent", ACCEPTED)
    coming = operations.occurrences_of(session, after=clock.now())
    if not coming:
        return
    _add_once(session, volunteer, "accueil", INVITED, coming[0])
    for item in ("room_booked", "referent_named", "charter_printed"):
        if item not in operations.ticks_of(coming[0]):
            db.session.add(ChecklistTick(occurrence_id=coming[0].id, item=item, ticked_by_id=volunteer.id))
    db.session.flush()
