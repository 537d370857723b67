"""A season of indicators for the demo town, so the dashboard has something to show, some of it
too small to be shown: what the teams counted after each past date, and the anonymous answers
to the questionnaire.

Two sessions take part: Lien et Voisinage's weekly café (médiathèque), and a cercle d'écoute of
Les Mots Partagés every other Monday at the CCAS, added here with eight dates already past. The
first month of each is deliberately thin (two people answered: the questionnaire was new), so
the month × format view has cells under the threshold next to cells over it.

Everything is drawn from ``random.Random`` seeded by the session and the date's rank, so a date
always gets the same figures. A date already counted is left alone: loading twice adds nothing.
Run after the sessions and volunteers; the caller commits.
"""
import random
from datetime import time, timedelta

import sqlalchemy as sa

from portal import clock
from portal.associations.models import Association
from portal.auth.models import User
from portal.database import db
from portal.formats import operations as formats
from portal.indicators.models import CIRCLE, END, STANDARD, START, Answer, OccurrenceCount
from portal.indicators.questionnaire import CIRCLE_FORMAT, variant_of
from portal.rooms.models import APPROVED, BIWEEKLY, Booking, Occurrence, Place, Room
from portal.rooms.recurrence import series_dates
from portal.sessions.demo import CAFE
from portal.sessions.demo import add_session
from portal.sessions.models import PUBLISHED, Session

SEED = "passerelle-indicateurs"
CERCLE = "Cercle d'écoute « dire et être entendu »"
CERCLE_DATES = 8
VOLUNTEER = "benevole@passerelle.example"  # member of both associations: she counts after the dates

# How many people answered on a date: few in a session's first month, more once it is known.
FIRST_MONTH_ANSWERS = 2
USUAL_ANSWERS = (3, 6)
LEFT_BEFORE_THE_END = 0.1  # share of people who answered at the start only

# Open answers, by questionnaire: what people write, naming nobody.
HELPED = {STANDARD: ("Le café chaud et les sourires.", "Parler de ma semaine à quelqu'un.",
                     "Savoir que je peux revenir mardi prochain.", "On m'a parlé du CCAS, je vais appeler."),
          CIRCLE: ("Être écouté sans être coupé.", "Pouvoir passer mon tour.", "Le calme de la salle.")}
MISSING = {STANDARD: ("Un peu plus de temps à la fin.", "Des informations sur les bus du soir.",
                      "Plus de monde, c'était un peu vide."),
           CIRCLE: ("Un deuxième tour de parole.", "Un verre d'eau sur la table.")}
NOTES = ("Prévoir plus de chaises près de la fenêtre.", "Rappeler les règles plus lentement au début.",
         "Afficher les numéros d'écoute plus près de la porte.", "")


def load():
    cafe = db.session.scalar(sa.select(Session).filter_by(title=CAFE).order_by(Session.id))
    sessions = [s for s in (cafe, _cercle()) if s is not None]
    counter = db.session.scalar(sa.select(User).filter_by(email=VOLUNTEER))
    for session in sessions:
        dates = _past_dates(session)
        first_month = _month(dates[0]) if dates else None
        for rank, occurrence in enumerate(dates):
            if db.session.get(OccurrenceCount, occurrence.id) is not None:
                continue
            rng = random.Random(f"{SEED}:{session.title}:{rank}")
            _count(occurrence, rng, counter)
            if _month(occurrence) == first_month:
                people = FIRST_MONTH_ANSWERS if rank == 0 else 0
            else:
                people = rng.randint(*USUAL_ANSWERS)
            for _ in range(people):
                _answer(occurrence, rng)
    db.session.flush()


def _cercle():
    """The cercle d'écoute's season at the CCAS: eight dates every other Monday, the last one
    last week. Added once, with its booking."""
    association = db.session.scalar(sa.select(Association).filter_by(name="Les Mots Partagés"))
    room = db.session.scalar(sa.select(Room).join(Place).where(Place.name == "CCAS – Espace solidarités",
                                                               Room.name == "Salle d'accueil"))
    found = db.session.scalar(sa.select(Session).filter_by(title=CERCLE).order_by(Session.id))
    if found is not None or association is None or room is None or formats.by_slug(CIRCLE_FORMAT) is None:
        return found
    today = clock.today()
    last = today - timedelta(days=today.weekday() + 7)  # Monday of last week: always past
    first = last - timedelta(weeks=2 * (CERCLE_DATES - 1))
    booking = Booking(room=room, association=association, purpose=CERCLE, expected_attendance=8, frequency=BIWEEKLY,
                      requested_by=db.session.scalar(sa.select(User).filter_by(email=VOLUNTEER)))
    for day in series_dates(first, BIWEEKLY, count=CERCLE_DATES):
        booking.occurrences.append(Occurrence(room_id=room.id, starts_at=clock.at(day, time(14)),
                                              ends_at=clock.at(day, time(15)), status=APPROVED,
                                              decided_at=clock.at(day - timedelta(weeks=3), time(10))))
    db.session.add(booking)
    db.session.flush()
    return add_session("Les Mots Partagés", CIRCLE_FORMAT, CERCLE, status=PUBLISHED, step=6,
                       objective="Un temps d'écoute régulier pour les personnes qui se sentent seules",
                       charter_accepted=True, referent_name="Inès Moreau", referent_phone="02 00 00 00 02",
                       numbers_posted=True, questionnaire=True, published_at=clock.at(first - timedelta(weeks=2),
                                                                                      time(10)))


def _past_dates(session):
    return db.session.scalars(
        sa.select(Occurrence).join(Booking, Occurrence.booking_id == Booking.id)
        .where(Booking.session_id == session.id, Occurrence.status == APPROVED, Occurrence.ends_at < clock.now())
        .order_by(Occurrence.starts_at)).all()


def _month(occurrence):
    return clock.local(occurrence.starts_at).date().replace(day=1)


def _count(occurrence, rng, counter):
    participants = rng.randint(4, 12)
    db.session.add(OccurrenceCount(
        occurrence_id=occurrence.id, participants=participants, newcomers=rng.randint(0, min(3, participants)),
        oriented_care=rng.randint(0, 2), oriented_social=rng.randint(0, 2), oriented_rights=rng.randint(0, 1),
        oriented_other=rng.randint(0, 1), pairs_created=rng.choice((0, 0, 1)), improvement_note=rng.choice(NOTES),
        recorded_by_id=counter.id if counter else None))


def _answer(occurrence, rng):
    """One person's answers: at the start, and (unless they left early) at the end, on the same
    phone. Isolation goes down a little on average; the cercle asks its three questions at the end."""
    device = f"{rng.getrandbits(128):032x}"
    variant = variant_of(occurrence)
    start = rng.randint(3, 9)
    db.session.add(Answer(occurrence_id=occurrence.id, moment=START, variant=variant, isolation=start, device=device))
    if rng.random() < LEFT_BEFORE_THE_END:
        return
    texts = {"helped": rng.choice(HELPED[variant] + ("",)), "missing": rng.choice(MISSING[variant] + ("", ""))}
    if variant == CIRCLE:
        ratings = {"felt_heard": rng.randint(6, 10), "frame_respected": rng.randint(7, 10),
                   "would_return": rng.randint(5, 10)}
    else:
        ratings = {"isolation": max(0, min(10, start - rng.choice((-1, 0, 1, 1, 2, 2, 3))))}
    db.session.add(Answer(occurrence_id=occurrence.id, moment=END, variant=variant, device=device, **ratings,
                          **texts))
