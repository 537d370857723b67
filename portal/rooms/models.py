"""Public places of the town where sessions can happen (rooms come with the booking calendar)."""
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from portal.database import UTCDateTime, db, utcnow

PLACE_KINDS = {
    "mairie": _l("Mairie"),
    "ccas": _l("Centre communal d'action sociale (CCAS)"),
    "mediatheque": _l("Médiathèque"),
    "maison_quartier": _l("Maison de quartier"),
    "equipement": _l("Équipement sportif ou culturel"),
    "sante_universitaire": _l("Service de santé universitaire"),
}


class Place(db.Model):
    __tablename__ = "places"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(160), unique=True)
    kind: Mapped[str] = mapped_column(sa.String(30))
    address: Mapped[str] = mapped_column(sa.String(255))
    neighbourhood: Mapped[str] = mapped_column(sa.String(80), default="")
    # How to get there: public transport, entrance, landmarks.
    directions: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def kind_label(self):
        return PLACE_KINDS.get(self.kind, self.kind)
