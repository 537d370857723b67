"""Sessions of the demo town: Lien et Voisinage's weekly café-échanges, published on the dates
staff approved, and Les Mots Partagés' reading club, a draft stopped at the charter (step 3).

Each session takes over the demo's booking of the same purpose (see ``portal/demo.py``). Loading
twice changes nothing: a session is looked up by association and title first. Run after the
formats, resources and bookings are loaded; the caller commits.
"""
import sqlalchemy as sa

from portal import clock
from portal.associations.models import Association
from portal.database import db
from portal.formats import operations as formats
from portal.resources.operations import kit_resources
from portal.rooms.models import Booking
from portal.sessions.forms import OPENING_SUGGESTION
from portal.sessions.models import DRAFT, PUBLISHED, Session

CAFE = "Café-échanges « parler à un proche »"
READING = "Club lecture « une page, un souvenir »"


def _booking(association, purpose):
    return db.session.scalar(sa.select(Booking).where(Booking.association_id == association.id,
                                                      Booking.purpose == purpose).order_by(Booking.id))


def _add(association_name, format_slug, title, **values):
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
    cafe = _add("Lien et Voisinage", "cafe-echanges", CAFE, status=PUBLISHED, step=6,
                objective="10 nouvelles rencontres en 2 mois",
                charter_additions="Les téléphones restent en silencieux.", charter_accepted=True,
                opening_script=str(OPENING_SUGGESTION),
                closing_instructions="Remercier chacun, annoncer la date suivante, rappeler les numéros affichés "
                                     "près de la porte, ranger les tasses.",
                referent_name="Louis Martin", referent_phone="02 00 00 00 01",
                escalation_additions="Si besoin, s'isoler dans le bureau de la médiathèque, à côté de la salle.",
                numbers_posted=True, courtesy_call=True, questionnaire=True, published_at=clock.now())
    if cafe is not None:
        cafe.resources = kit_resources()[:4]
    _add("Les Mots Partagés", "club-lecture-ecriture", READING, status=DRAFT, step=3,
         objective="Un groupe stable de 8 lecteurs d'ici l'été")
