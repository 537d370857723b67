import sqlalchemy as sa

from portal.database import db
from portal.rooms.models import Place


def list_places():
    return db.session.scalars(
        sa.select(Place).where(Place.archived_at.is_(None)).order_by(Place.kind, Place.name)).all()
