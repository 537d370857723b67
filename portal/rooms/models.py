"""Places, rooms, bookings (one row per occurrence) and closures.

An approved occurrence never overlaps another approved occurrence of the same room: the
database enforces it (see the migration ``0002``), not only the Python checks.
"""
from datetime import datetime, time

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.associations.models import Association
from portal.auth.models import User
from portal.database import UTCDateTime, db, utcnow
from portal.roles import MANAGERS

PLACE_KINDS = {
    "mairie": _l("Mairie"),
    "ccas": _l("Centre communal d'action sociale (CCAS)"),
    "mediatheque": _l("Médiathèque"),
    "maison_quartier": _l("Maison de quartier"),
    "equipement": _l("Équipement sportif ou culturel"),
    "sante_universitaire": _l("Service de santé universitaire"),
}


WEEKDAYS = (_l("lundi"), _l("mardi"), _l("mercredi"), _l("jeudi"), _l("vendredi"), _l("samedi"), _l("dimanche"))


class Place(db.Model):
    __tablename__ = "places"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(160), unique=True)
    kind: Mapped[str] = mapped_column(sa.String(30))
    address: Mapped[str] = mapped_column(sa.String(255))
    neighbourhood: Mapped[str] = mapped_column(sa.String(80), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    rooms: Mapped[list["Room"]] = relationship(back_populates="place", order_by="Room.name", lazy="selectin")

    @property
    def kind_label(self):
        return PLACE_KINDS.get(self.kind, self.kind)

    @property
    def directions_key(self):
        """How to get there (public transport, entrance, landmarks): a translated text."""
        return f"place:{self.id}:directions"

    @property
    def active_rooms(self):
        return [room for room in self.rooms if room.archived_at is None]


class Room(db.Model):
    __tablename__ = "rooms"
    __table_args__ = (sa.UniqueConstraint("place_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    place_id: Mapped[int] = mapped_column(sa.ForeignKey("places.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    capacity: Mapped[int] = mapped_column()
    step_free: Mapped[bool] = mapped_column(default=False)
    accessible_toilets: Mapped[bool] = mapped_column(default=False)
    hearing_loop: Mapped[bool] = mapped_column(default=False)
    calm: Mapped[bool] = mapped_column(default=False)
    equipment: Mapped[str] = mapped_column(sa.Text, default="")
    contact: Mapped[str] = mapped_column(sa.String(255), default="")
    # Secret part of the room's calendar subscription URL; regenerating it cuts old subscribers.
    feed_token: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Archived instead of deleted once it has bookings: their history stays readable.
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    place: Mapped[Place] = relationship(back_populates="rooms", lazy="joined")
    opening_hours: Mapped[list["OpeningHours"]] = relationship(
        back_populates="room", cascade="all, delete-orphan", lazy="selectin",
        order_by="(OpeningHours.weekday, OpeningHours.opens)")

    @property
    def rules_key(self):
        return f"room:{self.id}:rules"

    def hours_on(self, weekday):
        return [(h.opens, h.closes) for h in self.opening_hours if h.weekday == weekday]


class OpeningHours(db.Model):
    """One opening interval of a room on a weekday (0 = Monday); a day may have several."""

    __tablename__ = "opening_hours"
    __table_args__ = (sa.CheckConstraint("opens < closes", name="opens_before_closes"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(sa.ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column()
    opens: Mapped[time] = mapped_column(sa.Time)
    closes: Mapped[time] = mapped_column(sa.Time)

    room: Mapped[Room] = relationship(back_populates="opening_hours")


# Occurrence statuses. "skipped" marks a date of a series left out for a conflict; it can be
# requested again later. "proposed" carries another slot offered by staff.
PENDING, APPROVED, DECLINED, CANCELLED, SKIPPED, PROPOSED = (
    "pending", "approved", "declined", "cancelled", "skipped", "proposed")
STATUS_LABELS = {
    PENDING: _l("En attente"),
    APPROVED: _l("Approuvée"),
    DECLINED: _l("Refusée"),
    CANCELLED: _l("Annulée"),
    SKIPPED: _l("Non demandée (conflit)"),
    PROPOSED: _l("Autre créneau proposé"),
}

# Repetition of a series.
ONCE, WEEKLY, BIWEEKLY, MONTHLY = "once", "weekly", "biweekly", "monthly"
FREQUENCY_LABELS = {
    ONCE: _l("Une seule fois"),
    WEEKLY: _l("Chaque semaine"),
    BIWEEKLY: _l("Toutes les deux semaines"),
    MONTHLY: _l("Chaque mois, le même jour de la semaine (ex. : le 2e mardi)"),
}


class Booking(db.Model):
    """A request for a room by an association: one date, or a series of dates."""

    __tablename__ = "bookings"

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(sa.ForeignKey("rooms.id"), index=True)
    association_id: Mapped[int] = mapped_column(sa.ForeignKey("associations.id"), index=True)
    requested_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # The session these dates are for, when an association's planner asked for them.
    session_id: Mapped[int | None] = mapped_column(sa.ForeignKey("sessions.id", ondelete="SET NULL"), index=True)
    purpose: Mapped[str] = mapped_column(sa.String(200))
    expected_attendance: Mapped[int] = mapped_column()
    frequency: Mapped[str] = mapped_column(sa.String(10), default=ONCE)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    room: Mapped[Room] = relationship(lazy="joined")
    association: Mapped[Association] = relationship(lazy="joined")
    requested_by: Mapped[User | None] = relationship()
    occurrences: Mapped[list["Occurrence"]] = relationship(
        back_populates="booking", cascade="all, delete-orphan", order_by="Occurrence.starts_at")

    @property
    def is_series(self):
        return self.frequency != ONCE

    def readable_by(self, user):
        """Staff read every booking; an association member reads their association's."""
        return user.has_role(*MANAGERS) or any(m.association_id == self.association_id for m in user.memberships)


class Occurrence(db.Model):
    __tablename__ = "occurrences"
    __table_args__ = (
        sa.CheckConstraint("starts_at < ends_at", name="starts_before_ends"),
        # The calendar and the overlap checks read "a room, a time window".
        sa.Index("ix_occurrences_room_start", "room_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(sa.ForeignKey("bookings.id", ondelete="CASCADE"), index=True)
    # Copied from the booking so that the database can refuse overlaps room by room.
    room_id: Mapped[int] = mapped_column(sa.ForeignKey("rooms.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(sa.String(10), default=PENDING)
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    proposed_starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    proposed_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    booking: Mapped[Booking] = relationship(back_populates="occurrences", lazy="joined")

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


class Closure(db.Model):
    """A room, or a whole place, closed for a while (holidays, elections, works)."""

    __tablename__ = "closures"
    __table_args__ = (
        sa.CheckConstraint("starts_at < ends_at", name="starts_before_ends"),
        sa.CheckConstraint("(room_id IS NULL) <> (place_id IS NULL)", name="room_or_place"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int | None] = mapped_column(sa.ForeignKey("rooms.id"), index=True)
    place_id: Mapped[int | None] = mapped_column(sa.ForeignKey("places.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(sa.String(200))
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    room: Mapped[Room | None] = relationship(lazy="joined")
    place: Mapped[Place | None] = relationship(lazy="joined")

    def covers(self, room):
        return self.room_id == room.id or self.place_id == room.place_id
