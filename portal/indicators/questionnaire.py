"""The anonymous mini-questionnaire of a date: its address, when it is open, what it asks, and
keeping an answer that names nobody.

The address carries a code made from the date's id with the portal's secret key: nobody can
reach the questionnaire of a date they were not shown, and nothing is stored to check it. An
answer keeps its date, the moment, the ratings, the open answers and, to pair a start and an
end answer given on the same phone, a random token the phone carries (``device``). No account,
address, browser or time of answering: the model has no column for them.
"""
import base64
import hashlib
import hmac
import re
import unicodedata
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app, url_for
from flask_babel import lazy_gettext as _l

from portal import audit, clock
from portal.database import db
from portal.errors import Refused
from portal.indicators.models import CIRCLE, END, MOMENTS, STANDARD, START, Answer
from portal.rooms.models import APPROVED, Booking, Occurrence
from portal.sessions.models import PUBLISHED, Session

CIRCLE_FORMAT = "cercle-ecoute"  # the cercle d'écoute asks its own three questions at the end
CODE_LENGTH = 10
# Open a little before the date (people arrive early) and for a week after it.
OPENS_BEFORE = timedelta(hours=1)
CLOSES_AFTER = timedelta(days=7)
SCALE = range(11)
OPEN_ANSWER_LENGTH = 500
DEVICE = re.compile(r"[0-9a-f]{32}")

# The ratings each moment asks (0–10 each), by variant; the open answers come at the end only.
RATINGS = {
    (START, STANDARD): ("isolation",),
    (START, CIRCLE): ("isolation",),
    (END, STANDARD): ("isolation",),
    (END, CIRCLE): ("felt_heard", "frame_respected", "would_return"),
}
ALL_RATINGS = ("isolation", "felt_heard", "frame_respected", "would_return")
# Invisible characters that would make an answer read differently to staff than it was written.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# --- the address ------------------------------------------------------------------------------

def code_of(occurrence_id):
    """The date's code: its id signed with the secret key, so it cannot be guessed."""
    key = current_app.config["SECRET_KEY"]
    key = key.encode() if isinstance(key, str) else key
    digest = hmac.new(key, f"questionnaire:{occurrence_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode()[:CODE_LENGTH]


def link(occurrence, _external=False, **query):
    """The questionnaire's address (what the QR code of the card and the session's page lead to)."""
    return url_for("indicators.questionnaire", occurrence_id=occurrence.id, code=code_of(occurrence.id),
                   _external=_external, **query)


def session_of(occurrence):
    session_id = occurrence.booking.session_id
    return db.session.get(Session, session_id) if session_id is not None else None


def has_questionnaire(occurrence):
    """An approved date of a published session that offers the questionnaire (the planner's choice)."""
    session = session_of(occurrence)
    return (occurrence.status == APPROVED and session is not None and session.status == PUBLISHED
            and session.questionnaire)


def found(occurrence_id, code):
    """The date a questionnaire's address leads to, or None (a wrong code, or no questionnaire)."""
    if not hmac.compare_digest(code.encode(), code_of(occurrence_id).encode()):
        return None
    occurrence = db.session.get(Occurrence, occurrence_id)
    return occurrence if occurrence is not None and has_questionnaire(occurrence) else None


# --- when, and what it asks ------------------------------------------------------------------

def is_open(occurrence, now=None):
    """From an hour before the date starts until a week after it ends."""
    now = clock.now() if now is None else now
    return occurrence.starts_at - OPENS_BEFORE <= now < occurrence.ends_at + CLOSES_AFTER


def default_moment(occurrence, now=None):
    """The start questionnaire until the middle of the date, the end one after."""
    now = clock.now() if now is None else now
    return START if now < occurrence.starts_at + (occurrence.ends_at - occurrence.starts_at) / 2 else END


def variant_of(occurrence):
    session = session_of(occurrence)
    return CIRCLE if session is not None and session.format and session.format.slug == CIRCLE_FORMAT else STANDARD


def ratings_asked(moment, variant):
    return RATINGS[moment, variant]


def open_dates(session, now=None):
    """The session's dates whose questionnaire is open at ``now``, soonest first (for its page)."""
    now = clock.now() if now is None else now
    if not session.questionnaire:
        return []
    return db.session.scalars(
        sa.select(Occurrence).join(Booking, Occurrence.booking_id == Booking.id)
        .where(Booking.session_id == session.id, Occurrence.status == APPROVED,
               Occurrence.starts_at <= now + OPENS_BEFORE, Occurrence.ends_at > now - CLOSES_AFTER)
        .order_by(Occurrence.starts_at)).unique().all()


# --- answering ---------------------------------------------------------------------------------

def clean(text):
    """An open answer as kept: line breaks kept, other control characters dropped, trimmed."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(char for char in text if char == "\n" or (
        unicodedata.category(char) != "Cc" and char not in BIDI_CONTROLS)).strip()


def checked_device(device):
    """The phone's pairing token if it is one (32 hexadecimal characters), else None."""
    return device if isinstance(device, str) and DEVICE.fullmatch(device) else None


def record(occurrence, moment, ratings, helped="", missing="", device=None, now=None):
    """Keep one anonymous answer. ``ratings``: {question: 0–10} for the questions the moment asks
    (see ``RATINGS``; others are not kept); the open answers are kept at the end only. The same
    phone answering the same moment again corrects its answer rather than counting twice.
    Returns the answer."""
    if not is_open(occurrence, now):
        raise Refused(_l("Ce questionnaire est fermé."))
    if moment not in MOMENTS:
        raise Refused(_l("Choisissez le moment : au début ou à la fin de la rencontre."))
    variant = variant_of(occurrence)
    values = {}
    for question in ratings_asked(moment, variant):
        value = ratings.get(question)
        if not isinstance(value, int) or value not in SCALE:
            raise Refused(_l("Choisissez un chiffre de 0 à 10."), field=question)
        values[question] = value
    texts = {name: clean(text) if moment == END else "" for name, text in (("helped", helped), ("missing", missing))}
    for name, text in texts.items():
        if len(text) > OPEN_ANSWER_LENGTH:
            raise Refused(_l("%(max)s caractères au plus : votre réponse en compte %(count)s.",
                             max=OPEN_ANSWER_LENGTH, count=len(text)), field=name)
    device = checked_device(device)
    answer = None
    if device is not None:
        answer = db.session.scalar(sa.select(Answer).where(
            Answer.occurrence_id == occurrence.id, Answer.moment == moment, Answer.device == device))
    if answer is None:
        answer = Answer(occurrence_id=occurrence.id, moment=moment, device=device)
        db.session.add(answer)
    answer.variant = variant
    for question in ALL_RATINGS:
        setattr(answer, question, values.get(question))
    answer.helped, answer.missing = texts["helped"], texts["missing"]
    db.session.commit()
    return answer


# --- what counts, and hiding an answer --------------------------------------------------------

def visible(*columns):
    """The answers staff have not hidden: every count and every list of answers starts here.
    ``visible()`` selects answers; ``visible(Answer.isolation, …)`` selects those columns."""
    return sa.select(*(columns or (Answer,))).where(Answer.hidden.is_(False))


def with_words(page, per_page=50):
    """The answers with an open answer, hidden ones too (to restore them), newest date first,
    as a page of ``db.paginate``."""
    query = (sa.select(Answer).join(Occurrence, Answer.occurrence_id == Occurrence.id)
             .where(sa.or_(Answer.helped != "", Answer.missing != ""))
             .order_by(Occurrence.starts_at.desc(), Answer.id.desc()))
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def dates_of(answers):
    """{occurrence id: (occurrence, session)} of these answers, in one query."""
    ids = {a.occurrence_id for a in answers}
    rows = db.session.execute(
        sa.select(Occurrence, Session).join(Booking, Occurrence.booking_id == Booking.id)
        .outerjoin(Session, Booking.session_id == Session.id).where(Occurrence.id.in_(ids))).unique().all()
    return {occurrence.id: (occurrence, session) for occurrence, session in rows}


def set_hidden(actor, answer, hidden):
    """Hide an answer whose words could identify someone (it no longer counts), or restore it."""
    if answer.hidden != hidden:
        answer.hidden = hidden
        audit.record(actor, "answer.hidden" if hidden else "answer.shown", answer)
    db.session.commit()
