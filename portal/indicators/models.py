"""Indicators that measure without policing: what a team counts after a date, the anonymous
mini-questionnaire, and the opt-in follow-up, kept apart from the answers.

An answer names no person and no moment finer than its date (the occurrence): no account, no IP
address, no user agent, no time of answering. A start and an end answer given on the same phone
share a random token the phone made up (``device``), so the change can be computed without
knowing who. A follow-up contact is stored in its own table, with nothing that leads to an
answer, and is deleted once used or after ``FOLLOW_UP_KEEP_WEEKS`` weeks.
"""
from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.auth.models import User
from portal.database import UTCDateTime, db, utcnow
from portal.rooms.models import Occurrence

# What a team counts: orientations offered, by kind.
CARE, SOCIAL, RIGHTS, OTHER = "care", "social", "rights", "other"
ORIENTATIONS = {CARE: _l("Soins"), SOCIAL: _l("Social"), RIGHTS: _l("Droits"), OTHER: _l("Autre")}

# The questionnaire: at the start of a date, and at its end.
START, END = "start", "end"
MOMENTS = {START: _l("Au début de la rencontre"), END: _l("À la fin de la rencontre")}
# The cercle d'écoute asks its three questions instead (each on a 0–10 scale).
STANDARD, CIRCLE = "standard", "circle"

# What a follow-up found, and nothing else.
CONTACTED_SERVICE, JOINED_ACTIVITY, NEITHER, NOT_SAID = "service", "activity", "neither", "not_said"
FOLLOW_UP_OUTCOMES = {CONTACTED_SERVICE: _l("A recontacté un service"),
                      JOINED_ACTIVITY: _l("A participé à une autre activité"),
                      NEITHER: _l("Ni l'un ni l'autre"), NOT_SAID: _l("Préfère ne pas le dire")}


class OccurrenceCount(db.Model):
    """What the team counted after a date, in a few taps, and what to improve (internal)."""

    __tablename__ = "occurrence_counts"

    occurrence_id: Mapped[int] = mapped_column(sa.ForeignKey("occurrences.id", ondelete="CASCADE"),
                                               primary_key=True)
    participants: Mapped[int] = mapped_column(default=0)
    newcomers: Mapped[int] = mapped_column(default=0)  # there for the first time
    oriented_care: Mapped[int] = mapped_column(default=0)
    oriented_social: Mapped[int] = mapped_column(default=0)
    oriented_rights: Mapped[int] = mapped_column(default=0)
    oriented_other: Mapped[int] = mapped_column(default=0)
    pairs_created: Mapped[int] = mapped_column(default=0)
    # "What to improve": read by the association and staff, never shown to the public.
    improvement_note: Mapped[str] = mapped_column(sa.Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    occurrence: Mapped[Occurrence] = relationship()
    recorded_by: Mapped[User | None] = relationship()


class Answer(db.Model):
    """One anonymous answer to the mini-questionnaire: its date, the moment, the ratings and the
    open answers. Nothing else."""

    __tablename__ = "questionnaire_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(sa.ForeignKey("occurrences.id", ondelete="CASCADE"), index=True)
    moment: Mapped[str] = mapped_column(sa.String(5))  # START or END
    variant: Mapped[str] = mapped_column(sa.String(8), default=STANDARD)
    # Standard: the isolation felt, 0 (not at all alone) to 10 (very alone), at this moment.
    isolation: Mapped[int | None] = mapped_column()
    # Cercle d'écoute (end only): its three questions, 0–10 each.
    felt_heard: Mapped[int | None] = mapped_column()
    frame_respected: Mapped[int | None] = mapped_column()
    would_return: Mapped[int | None] = mapped_column()
    helped: Mapped[str] = mapped_column(sa.String(500), default="")
    missing: Mapped[str] = mapped_column(sa.String(500), default="")
    # Made up by the phone, kept only there: pairs a start and an end answer, names nobody.
    device: Mapped[str | None] = mapped_column(sa.String(32), index=True)
    # Staff hide an answer whose words could identify someone (it no longer counts or shows).
    hidden: Mapped[bool] = mapped_column(default=False)


class FollowUpContact(db.Model):
    """A phone or an email left at the end of the questionnaire for a call in 2–4 weeks. Kept
    apart from the answers (nothing links them), used once, then deleted."""

    __tablename__ = "follow_up_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(sa.ForeignKey("occurrences.id", ondelete="CASCADE"), index=True)
    contact: Mapped[str] = mapped_column(sa.String(120))
    locale: Mapped[str] = mapped_column(sa.String(10), default="fr")
    due_on: Mapped[date] = mapped_column(sa.Date)  # two weeks after the date
    forget_on: Mapped[date] = mapped_column(sa.Date)  # six weeks after it, whatever happened
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # tick told the team


class FollowUpOutcome(db.Model):
    """What a follow-up found, for the counts: its date's occurrence and one of four words."""

    __tablename__ = "follow_up_outcomes"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(sa.ForeignKey("occurrences.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[str] = mapped_column(sa.String(10))
