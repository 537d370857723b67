"""Binômes de convivialité: people who wish it, waiting to be paired for a walk, a coffee, a visit
to the médiathèque; the pairs a mediator proposes and both people accept; their consents.

Only what matching needs is kept, nothing is shown to anyone without consent, and leaving erases
the person's row at once (consents, access log and "not again" marks go with it; a pair keeps
no name, only its dates). What indicators count is in ``PairEvent``, which names nobody.
"""
from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.auth.models import User
from portal.database import UTCDateTime, db, utcnow
from portal.rooms.models import Place

# --- what a person tells ---------------------------------------------------------------------

ACTIVITIES = {"marche": _l("Marcher"), "cafe": _l("Prendre un café"), "mediatheque": _l("Aller à la médiathèque"),
              "autre": _l("Autre chose")}
WEEKDAYS = (_l("lundi"), _l("mardi"), _l("mercredi"), _l("jeudi"), _l("vendredi"), _l("samedi"), _l("dimanche"))
DAY_PARTS = (_l("matin"), _l("après-midi"), _l("soir"))
# Availability is a set of (weekday, part of day) slots, kept as bits: slot = weekday * 3 + part.
SLOT_COUNT = len(WEEKDAYS) * len(DAY_PARTS)
NEEDS = {"step_free": _l("Lieux sans marches"), "hearing": _l("Entendre mal"), "sight": _l("Voir mal")}
GENTLE, ANY_PACE, BRISK = "gentle", "any", "brisk"
PACES = {GENTLE: _l("Doux, avec des pauses"), ANY_PACE: _l("Peu importe"), BRISK: _l("Plutôt rapide")}
AGE_BRACKETS = {"18-29": _l("18 à 29 ans"), "30-44": _l("30 à 44 ans"), "45-59": _l("45 à 59 ans"),
                "60-74": _l("60 à 74 ans"), "75+": _l("75 ans et plus")}
WOMAN, MAN = "woman", "man"
GENDERS = {WOMAN: _l("une femme"), MAN: _l("un homme")}
# The languages a person may say they speak (codes), beyond those of the interface.
LANGUAGES = {"fr": _l("français"), "en": _l("anglais"), "ar": _l("arabe"), "es": _l("espagnol"),
             "pt": _l("portugais"), "uk": _l("ukrainien"), "tr": _l("turc"), "ro": _l("roumain"),
             "it": _l("italien"), "de": _l("allemand"), "lsf": _l("langue des signes française")}
PHONE, EMAIL = "phone", "email"

# --- where a person is in the queue ------------------------------------------------------------

TO_CONFIRM, WAITING, PROPOSED, PAIRED, PAUSED = "to_confirm", "waiting", "proposed", "paired", "paused"
STATUSES = {TO_CONFIRM: _l("À confirmer par la personne"), WAITING: _l("En attente d'un binôme"),
            PROPOSED: _l("Binôme proposé"), PAIRED: _l("En binôme"), PAUSED: _l("En pause")}

# --- consents: one unticked box per purpose ----------------------------------------------------

MATCHING, CONTACT, FOLLOW_UP = "matching", "contact", "follow_up"
PURPOSES = {MATCHING: _l("Être mis en binôme avec une autre personne"),
            CONTACT: _l("Être contacté par la personne chargée de la médiation"),
            FOLLOW_UP: _l("Recevoir un appel de suivi")}
# How a consent or a confirmation was given.
ONLINE, BY_LINK, BY_PHONE = "online", "link", "phone"
CHANNELS = {ONLINE: _l("En ligne, par la personne"), BY_LINK: _l("Par son lien personnel"),
            BY_PHONE: _l("Par téléphone, attesté par la médiation")}


class Neighbourhood(db.Model):
    """A neighbourhood of the town with its centre: two people are close when their
    neighbourhoods' centres are."""

    __tablename__ = "neighbourhoods"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(80), unique=True)
    latitude: Mapped[float] = mapped_column(sa.Float)
    longitude: Mapped[float] = mapped_column(sa.Float)


class BuddyCharter(db.Model):
    """A version of the short charter shown at sign-up. Its words are translated texts
    (``binome-charter:<version>``); a consent names the version the person saw."""

    __tablename__ = "buddy_charters"

    version: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))

    @property
    def text_key(self):
        return f"binome-charter:{self.version}"


class Person(db.Model):
    """Someone in the buddy queue: a first name or pseudonym, one contact, and what matching
    needs. No account: they reach their data through a personal link (``token_hash``)."""

    __tablename__ = "buddy_people"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(sa.String(60))
    contact_kind: Mapped[str] = mapped_column(sa.String(10))  # PHONE or EMAIL
    contact: Mapped[str] = mapped_column(sa.String(120))
    locale: Mapped[str] = mapped_column(sa.String(10), default="fr")
    neighbourhood_id: Mapped[int | None] = mapped_column(sa.ForeignKey("neighbourhoods.id", ondelete="SET NULL"))
    activities: Mapped[str] = mapped_column(sa.String(60), default="")  # keys of ACTIVITIES, comma-separated
    availability: Mapped[int] = mapped_column(default=0)  # bits of slots, see SLOT_COUNT
    languages: Mapped[str] = mapped_column(sa.String(60), default="")  # keys of LANGUAGES, comma-separated
    needs: Mapped[str] = mapped_column(sa.String(60), default="")  # keys of NEEDS, comma-separated
    pace: Mapped[str] = mapped_column(sa.String(10), default=ANY_PACE)
    age_bracket: Mapped[str] = mapped_column(sa.String(10), default="")  # optional
    gender: Mapped[str] = mapped_column(sa.String(10), default="")  # optional, only for preferences
    buddy_gender: Mapped[str] = mapped_column(sa.String(10), default="")  # optional preference

    status: Mapped[str] = mapped_column(sa.String(12), default=TO_CONFIRM, index=True)
    signed_up_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    waiting_since: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)  # oldest first in the queue
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Signed up by a volunteer or a mediator on the person's behalf: to be confirmed by the person.
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    # Set when their last pair ended: the purge after the retention period counts from here.
    inactive_since: Mapped[datetime | None] = mapped_column(UTCDateTime)

    neighbourhood: Mapped[Neighbourhood | None] = relationship(lazy="joined")
    recorded_by: Mapped[User | None] = relationship()
    consents: Mapped[list["Consent"]] = relationship(back_populates="person", cascade="all, delete-orphan",
                                                     passive_deletes=True, order_by="Consent.id")

    @property
    def status_label(self):
        return STATUSES[self.status]


class Consent(db.Model):
    """One purpose the person said yes (or no) to, with the charter version they saw, when, how,
    and who recorded it (empty when the person did it themselves)."""

    __tablename__ = "buddy_consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("buddy_people.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(sa.String(12))
    given: Mapped[bool] = mapped_column()
    charter_version: Mapped[int] = mapped_column()
    channel: Mapped[str] = mapped_column(sa.String(10))
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # What the mediator attests of a phone confirmation ("called on 3 March, she agreed").
    attestation: Mapped[str] = mapped_column(sa.String(300), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    person: Mapped[Person] = relationship(back_populates="consents")
    recorded_by: Mapped[User | None] = relationship()


PROPOSAL, ACTIVE, DECLINED, ENDED = "proposed", "active", "declined", "ended"
PAIR_STATUSES = {PROPOSAL: _l("Proposé, en attente des réponses"), ACTIVE: _l("Actif"),
                 DECLINED: _l("Décliné"), ENDED: _l("Terminé")}
CONTINUE, END, SUPPORT = "continue", "end", "support"
OUTCOMES = {CONTINUE: _l("Le binôme continue"), END: _l("Le binôme s'arrête"),
            SUPPORT: _l("Besoin de soutien")}


class Pair(db.Model):
    """Two people a mediator proposed to each other. Active only when both said yes; either
    may end it at any time. When a person leaves, their side becomes empty: the pair keeps no
    name."""

    __tablename__ = "buddy_pairs"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_id: Mapped[int | None] = mapped_column(sa.ForeignKey("buddy_people.id", ondelete="SET NULL"), index=True)
    second_id: Mapped[int | None] = mapped_column(sa.ForeignKey("buddy_people.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(sa.String(10), default=PROPOSAL, index=True)
    # Why it was suggested, as the mediator saw it ("2 créneaux communs : …").
    explanation: Mapped[str] = mapped_column(sa.Text, default="")
    first_answer: Mapped[bool | None] = mapped_column()
    second_answer: Mapped[bool | None] = mapped_column()
    proposed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    activated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The first meeting, in a public place of the places directory.
    meeting_place_id: Mapped[int | None] = mapped_column(sa.ForeignKey("places.id", ondelete="SET NULL"))
    follow_up_on: Mapped[date | None] = mapped_column(sa.Date)  # the guide's 2-week point
    follow_up_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # tick told the mediators
    followed_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(sa.String(10), default="")
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    first: Mapped[Person | None] = relationship(foreign_keys=[first_id])
    second: Mapped[Person | None] = relationship(foreign_keys=[second_id])
    meeting_place: Mapped[Place | None] = relationship()
    proposed_by: Mapped[User | None] = relationship()

    @property
    def status_label(self):
        return PAIR_STATUSES[self.status]


class NotAgain(db.Model):
    """Two people one of whom declined the other: never suggested to each other again. Gone
    with either person."""

    __tablename__ = "buddy_not_again"

    low_id: Mapped[int] = mapped_column(sa.ForeignKey("buddy_people.id", ondelete="CASCADE"), primary_key=True)
    high_id: Mapped[int] = mapped_column(sa.ForeignKey("buddy_people.id", ondelete="CASCADE"), primary_key=True)


class AccessEntry(db.Model):
    """Who looked at a person's record, and when: the mediators see it; it goes with the person."""

    __tablename__ = "buddy_access_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("buddy_people.id", ondelete="CASCADE"), index=True)
    viewer_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    what: Mapped[str] = mapped_column(sa.String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    viewer: Mapped[User | None] = relationship()


# What indicators count, naming nobody: the kind of event, its month, and for a pair formed, how
# many days its people had waited.
SIGNED_UP, PAIR_PROPOSED, PAIR_ACCEPTED, PAIR_DECLINED, PAIR_ENDED, LEFT = (
    "signed_up", "proposed", "accepted", "declined", "ended", "left")


class PairEvent(db.Model):
    __tablename__ = "buddy_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(12), index=True)
    month: Mapped[date] = mapped_column(sa.Date, index=True)  # the first day of the month, no more
    waited_days: Mapped[int | None] = mapped_column()
