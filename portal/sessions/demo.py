"""Sessions of the demo town: Lien et Voisinage's weekly café-échanges, published on the dates
staff approved, on sign-up, with a few people signed up for its next dates; and Les Mots
Partagés' reading club, a draft stopped at the charter (step 3). Both have their title and
objective in every language of the portal, so their public page is read whole in any of them.

Each session takes over the demo's booking of the same purpose (see ``portal/demo.py``). Loading
twice changes nothing: a session is looked up by association and title first, and people sign
up only for a café nobody signed up for yet. Run after the formats, resources and bookings are
loaded; the caller commits.
"""
import sqlalchemy as sa

from portal import clock
from portal.associations.models import Association
from portal.content import operations as content
from portal.content.models import STANDARD
from portal.database import db
from portal.formats import operations as formats
from portal.resources.operations import kit_resources
from portal.rooms.models import Booking
from portal.sessions import public
from portal.sessions.forms import OPENING_SUGGESTION
from portal.sessions.models import DRAFT, PUBLISHED, SIGN_UP, Session
from portal.sessions.participants import Participant
from portal.sessions.texts import target_locales

CAFE = "Café-échanges « parler à un proche »"
READING = "Club lecture « une page, un souvenir »"
# Pseudonyms, as the public signs up (no contact left), on the café's next dates.
PARTICIPANTS = ("Mireille", "Karim", "Jo")
SIGNED_UP_DATES = 2
# {session title: {field: {locale: translation}}}: what the associations would write in the
# « Traductions de la page publique » page.
TRANSLATIONS = {
    CAFE: {
        "title": {"en": "Conversation café: “talking to someone close”",
                  "ar": "مقهى الحوار: «التحدث إلى شخص قريب»",
                  "es": "Café de conversación: «hablar con un ser querido»",
                  "pt": "Café-conversa: «falar com alguém próximo»",
                  "uk": "Кафе-розмова: «поговорити з близькою людиною»"},
        "objective": {"en": "Meet 10 new people in 2 months",
                      "ar": "التعرّف على 10 أشخاص جدد في شهرين",
                      "es": "Conocer a 10 personas nuevas en 2 meses",
                      "pt": "Conhecer 10 pessoas novas em 2 meses",
                      "uk": "Познайомитися з 10 новими людьми за 2 місяці"},
    },
    READING: {
        "title": {"en": "Reading club: “one page, one memory”",
                  "ar": "نادي القراءة: «صفحة واحدة، ذكرى واحدة»",
                  "es": "Club de lectura: «una página, un recuerdo»",
                  "pt": "Clube de leitura: «uma página, uma lembrança»",
                  "uk": "Читацький клуб: «одна сторінка — один спогад»"},
        "objective": {"en": "A steady group of 8 readers by the summer",
                      "ar": "مجموعة ثابتة من 8 قرّاء قبل الصيف",
                      "es": "Un grupo estable de 8 lectores antes del verano",
                      "pt": "Um grupo estável de 8 leitores até ao verão",
                      "uk": "Постійна група з 8 читачів до літа"},
    },
}


def _booking(association, purpose):
    return db.session.scalar(sa.select(Booking).where(Booking.association_id == association.id,
                                                      Booking.purpose == purpose).order_by(Booking.id))


def add_session(association_name, format_slug, title, **values):
    """A session of the demo, taking over the demo's booking of the same purpose if there is one;
    None when it exists already (or its association or format is missing)."""
    association = db.session.scalar(sa.select(Association).filter_by(name=association_name))
    fmt = formats.by_slug(format_slug)
    if association is None or fmt is None:
        return None
    if db.session.scalar(sa.select(Session).filter_by(association_id=association.id, title=title)) is not None:
        return None
    booking = _booking(association, title)
    session = Session(association=association, format=fmt, title=title, duration=fmt.duration, **values)
    if booking is not None and booking.session_id is None:
        first = clock.local(booking.occurrences[0].starts_at)
        session.room = booking.room
        session.first_day, session.start_time = first.date(), first.time().replace(tzinfo=None)
        session.frequency, session.count = booking.frequency, len(booking.occurrences)
        session.max_participants = booking.expected_attendance
    db.session.add(session)
    db.session.flush()
    if booking is not None and booking.session_id is None:
        booking.session_id = session.id
    return session


def load():
    cafe = add_session("Lien et Voisinage", "cafe-echanges", CAFE, status=PUBLISHED, step=6,
                objective="10 nouvelles rencontres en 2 mois",
                charter_additions="Les téléphones restent en silencieux.", charter_accepted=True,
                opening_script=str(OPENING_SUGGESTION),
                closing_instructions="Remercier chacun, annoncer la date suivante, rappeler les numéros affichés "
                                     "près de la porte, ranger les tasses.",
                referent_name="Louis Martin", referent_phone="02 00 00 00 01",
                escalation_additions="Si besoin, s'isoler dans le bureau de la médiathèque, à côté de la salle.",
                numbers_posted=True, courtesy_call=True, questionnaire=True, published_at=clock.now(),
                admission=SIGN_UP)
    if cafe is not None:
        cafe.resources = kit_resources()[:4]
    add_session("Les Mots Partagés", "club-lecture-ecriture", READING, status=DRAFT, step=3,
         objective="Un groupe stable de 8 lecteurs d'ici l'été")
    _translate()
    _sign_up_participants()


def _translate():
    """Each demo session's title and objective in the portal's other languages (written again
    on each load, which changes nothing)."""
    locales = target_locales()
    for title, fields in TRANSLATIONS.items():
        session = db.session.scalar(sa.select(Session).filter_by(title=title).order_by(Session.id))
        if session is None:
            continue
        for field, translations in fields.items():
            content.save_variants(session.text_key(field), {(locale, STANDARD): body
                                                            for locale, body in translations.items()
                                                            if locale in locales})


def _sign_up_participants():
    """Through the public's own sign-up (capacity, dates still open), so the café's page shows
    places taken. Its next dates move with time: once anyone signed up, loading again adds
    nobody. ``public.sign_up`` commits."""
    cafe = db.session.scalar(sa.select(Session).filter_by(title=CAFE).order_by(Session.id))
    if cafe is None or cafe.status != PUBLISHED or cafe.admission != SIGN_UP:
        return
    signed_up = (sa.select(sa.func.count()).select_from(Participant).join(Participant.occurrence)
                 .join(Booking).where(Booking.session_id == cafe.id))
    if db.session.scalar(signed_up):
        return
    coming = [o for o in public.upcoming_dates(cafe) if o.starts_at > clock.now()]
    for occurrence in coming[:SIGNED_UP_DATES]:
        for name in PARTICIPANTS:
            public.sign_up(cafe, occurrence.id, name)
