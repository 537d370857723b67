"""Session teams: who serves which session (or single date) in which role, what they were
told, the reminders already sent, and the operational checklist ticked per date."""
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.auth.models import User
from portal.database import UTCDateTime, db, utcnow
from portal.formats.models import ROLES
from portal.rooms.models import Occurrence
from portal.sessions.models import Session

INVITED, ACCEPTED, DECLINED = "invited", "accepted", "declined"
STATUS_LABELS = {INVITED: _l("Invitation en attente"), ACCEPTED: _l("Accepté"), DECLINED: _l("Décliné")}

REFERENT = "referent"

# What the team is told about a date it serves.
MOVED, CANCELLED = "moved", "cancelled"


class TeamMember(db.Model):
    """An invitation to serve a session: all its dates (``occurrence_id`` empty) or one date."""

    __tablename__ = "team_members"
    __table_args__ = (
        sa.UniqueConstraint("session_id", "occurrence_id", "user_id", "role"),
        # NULLs never collide in a unique constraint: the whole-session invitations need their own.
        sa.Index("uq_team_members_whole_session", "session_id", "user_id", "role", unique=True,
                 sqlite_where=sa.text("occurrence_id IS NULL"),
                 postgresql_where=sa.text("occurrence_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    occurrence_id: Mapped[int | None] = mapped_column(sa.ForeignKey("occurrences.id", ondelete="CASCADE"),
                                                      index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(sa.String(20))
    status: Mapped[str] = mapped_column(sa.String(10), default=INVITED)
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    session: Mapped[Session] = relationship(lazy="joined")
    occurrence: Mapped[Occurrence | None] = relationship(lazy="joined")
    user: Mapped[User] = relationship(lazy="joined")

    @property
    def role_label(self):
        return ROLES.get(self.role, self.role)

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


class TeamNotice(db.Model):
    """A date a volunteer serves was moved or cancelled: shown on "Mon planning" until dismissed."""

    __tablename__ = "team_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    occurrence_id: Mapped[int | None] = mapped_column(sa.ForeignKey("occurrences.id", ondelete="SET NULL"))
    change: Mapped[str] = mapped_column(sa.String(10))
    # Kept as written then: the date may change again or be deleted.
    title: Mapped[str] = mapped_column(sa.String(200))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    dismissed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SentReminder(db.Model):
    """A reminder written down before it is sent: the unique key makes ``tick`` send it once,
    even when two runs overlap."""

    __tablename__ = "sent_reminders"
    __table_args__ = (sa.UniqueConstraint("kind", "occurrence_id", "recipient"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    occurrence_id: Mapped[int] = mapped_column(sa.ForeignKey("occurrences.id", ondelete="CASCADE"))
    # "user:<id>" or "association:<id>".
    recipient: Mapped[str] = mapped_column(sa.String(40))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PlanningFeed(db.Model):
    """The secret part of a volunteer's calendar subscription URL; regenerating it cuts old
    subscribers."""

    __tablename__ = "planning_feeds"

    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    token: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ChecklistTick(db.Model):
    """One item of the guide's checklist ticked for a date, by whom and when."""

    __tablename__ = "checklist_ticks"
    __table_args__ = (sa.UniqueConstraint("occurrence_id", "item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(sa.ForeignKey("occurrences.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(sa.String(30))
    ticked_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    ticked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    ticked_by: Mapped[User | None] = relationship(lazy="joined")
