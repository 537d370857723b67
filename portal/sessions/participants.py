"""People taking part in a session's date: a first name or pseudonym, an optional contact, a
place or a rank on the waiting list. Only the hash of their personal link is kept, and no
trace of their device (no IP address, no browser)."""
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.database import UTCDateTime, db, utcnow
from portal.rooms.models import Occurrence

CONFIRMED, WAITING, CANCELLED = "confirmed", "waiting", "cancelled"
STATUS_LABELS = {CONFIRMED: _l("Place confirmée"), WAITING: _l("Sur la liste d'attente"),
                 CANCELLED: _l("Inscription annulée")}


class Participant(db.Model):
    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(sa.ForeignKey("occurrences.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(60))  # a first name or a pseudonym
    # Phone or email, only to say that a place freed up or the date changed; erased on cancelling.
    contact: Mapped[str] = mapped_column(sa.String(120), default="")
    locale: Mapped[str] = mapped_column(sa.String(10))  # the language of messages to them
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    status: Mapped[str] = mapped_column(sa.String(10), default=CONFIRMED)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    promoted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # off the waiting list
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    occurrence: Mapped[Occurrence] = relationship(lazy="joined")

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def email(self):
        return self.contact if "@" in self.contact else ""
