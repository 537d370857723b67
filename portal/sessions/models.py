"""A session is a format run by an association in a room, once or as a series.

Its dates are the occurrences of the room bookings it requested (``Booking.session_id``): a
session never bypasses the approval of the rooms. The planner fills it step by step (the
guide's six steps); it can be published only once it has a referent, a charter, an
escalation plan and an approved room.
"""
from datetime import date, datetime, time

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.associations.models import Association
from portal.database import UTCDateTime, db, utcnow
from portal.formats.models import Format
from portal.rooms.models import Room

DRAFT, PUBLISHED, ENDED = "draft", "published", "ended"
STATUS_LABELS = {DRAFT: _l("Brouillon"), PUBLISHED: _l("Publiée"), ENDED: _l("Terminée")}

# The guide's six steps, in order: map, define, charter, prepare, prevent risks, orient.
STEPS = ("lieu", "definir", "charte", "preparer", "prevenir", "orienter")

WALK_IN, SIGN_UP = "walk_in", "sign_up"
ADMISSION_LABELS = {WALK_IN: _l("Sans inscription : on vient directement"),
                    SIGN_UP: _l("Sur inscription, avec un prénom ou un pseudonyme")}
FREE, PAY_WHAT_YOU_CAN, FEE = "free", "pay_what_you_can", "fee"
COST_LABELS = {FREE: _l("Gratuit"), PAY_WHAT_YOU_CAN: _l("Participation libre"), FEE: _l("Payant")}

session_resources = sa.Table(
    "session_resources", db.metadata,
    sa.Column("session_id", sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("resource_id", sa.ForeignKey("resources.id", ondelete="CASCADE"), primary_key=True),
)


class Session(db.Model):
    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(sa.ForeignKey("associations.id"), index=True)
    format_id: Mapped[int | None] = mapped_column(sa.ForeignKey("formats.id"))
    room_id: Mapped[int | None] = mapped_column(sa.ForeignKey("rooms.id"))
    status: Mapped[str] = mapped_column(sa.String(12), default=DRAFT, index=True)
    step: Mapped[int] = mapped_column(default=1)  # the furthest step reached (1–6)
    # 2 define
    title: Mapped[str] = mapped_column(sa.String(120), default="")
    objective: Mapped[str] = mapped_column(sa.String(300), default="")
    max_participants: Mapped[int | None] = mapped_column()
    duration: Mapped[int | None] = mapped_column()  # minutes
    frequency: Mapped[str] = mapped_column(sa.String(10), default="once")
    first_day: Mapped[date | None] = mapped_column(sa.Date)
    start_time: Mapped[time | None] = mapped_column(sa.Time)
    until: Mapped[date | None] = mapped_column(sa.Date)
    count: Mapped[int | None] = mapped_column()
    # 3 charter: the format's charter plus these local additions
    charter_additions: Mapped[str] = mapped_column(sa.Text, default="")
    charter_accepted: Mapped[bool] = mapped_column(default=False)
    # 4 prepare
    opening_script: Mapped[str] = mapped_column(sa.Text, default="")
    closing_instructions: Mapped[str] = mapped_column(sa.Text, default="")
    # 5 prevent risks
    referent_name: Mapped[str] = mapped_column(sa.String(120), default="")
    referent_phone: Mapped[str] = mapped_column(sa.String(40), default="")
    escalation_additions: Mapped[str] = mapped_column(sa.Text, default="")
    numbers_posted: Mapped[bool] = mapped_column(default=False)
    # 6 orient and follow up
    courtesy_call: Mapped[bool] = mapped_column(default=False)
    questionnaire: Mapped[bool] = mapped_column(default=True)
    # the public page
    admission: Mapped[str] = mapped_column(sa.String(10), default=WALK_IN)
    cost: Mapped[str] = mapped_column(sa.String(20), default=FREE)
    fee: Mapped[str] = mapped_column(sa.String(60), default="")
    with_relative: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    association: Mapped[Association] = relationship(lazy="joined")
    format: Mapped[Format | None] = relationship(lazy="joined")
    room: Mapped[Room | None] = relationship(lazy="joined")
    resources: Mapped[list["Resource"]] = relationship(secondary=session_resources)  # noqa: F821

    def text_key(self, name):
        """Key of a translated text of this session (e.g. its public description)."""
        return f"session:{self.id}:{name}"

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


from portal.resources.models import Resource  # noqa: E402 (the relationship's target)
