"""A believable town to try the portal with: places, associations, one account per role.

Loading twice changes nothing: each record is looked up by its natural key first.
"""
import sqlalchemy as sa
from werkzeug.security import generate_password_hash

from portal.associations.models import Association, Membership
from portal.auth.models import RoleGrant, User
from portal.content import demo as content_demo
from portal.content.models import STANDARD, TranslatedText
from portal.database import db
from portal.formats import demo as formats_demo
from portal.resources import demo as resources_demo
from portal.binomes import demo as binomes_demo
from portal.indicators import demo as indicators_demo
from portal.sessions import demo as sessions_demo
from portal.volunteers import demo as volunteers_demo
from portal.roles import Role
from portal import clock
from portal.rooms import feeds
from portal.rooms.models import (APPROVED, BIWEEKLY, PENDING, WEEKLY, Booking, Closure, OpeningHours,
                                 Occurrence, Place, Room)
from portal.rooms.recurrence import series_dates

DEMO_PASSWORD = "passerelle-demo"

PLACES = [
    ("Hôtel de ville", "mairie", "1 place de la République", "Centre",
     "Bus 3 et 7, arrêt Mairie. Entrée de plain-pied par la rue Victor-Hugo."),
    ("CCAS – Espace solidarités", "ccas", "12 rue des Tilleuls", "Centre",
     "À deux minutes à pied de la mairie. Accueil au rez-de-chaussée."),
    ("Médiathèque Louise-Michel", "mediatheque", "4 allée des Lilas", "Les Prés",
     "Tram A, arrêt Les Prés. Ascenseur à gauche de l'entrée."),
    ("Maison de quartier des Tisserands", "maison_quartier", "27 rue des Tisserands", "Tisserands",
     "Bus 5, arrêt Tisserands. Parking vélo devant l'entrée."),
    ("Gymnase Jean-Bouin", "equipement", "8 avenue du Stade", "Les Prés",
     "Bus 7, arrêt Stade. Salle polyvalente au premier étage, avec ascenseur."),
    ("Service de santé universitaire", "sante_universitaire", "Campus du Val, bâtiment C", "Campus",
     "Tram A, arrêt Université. Suivre les panneaux « Santé »."),
]

ASSOCIATIONS = [
    ("Lien et Voisinage", "Cafés-échanges et marches douces dans les quartiers.",
     "contact@lien-voisinage.example", "02 00 00 00 01"),
    ("Les Mots Partagés", "Club de lecture et d'écriture à la médiathèque.",
     "bonjour@motspartages.example", "02 00 00 00 02"),
    ("Réparons Ensemble", "Ateliers de réparation d'objets et de boutures.",
     "atelier@reparons.example", None),
]

# (role, email, name, associations)
ACCOUNTS = [
    (Role.ADMIN, "admin@passerelle.example", "Camille Admin", []),
    (Role.STAFF, "vie-associative@passerelle.example", "Nadia Benali", []),
    (Role.ASSOCIATION, "association@passerelle.example", "Louis Martin", ["Lien et Voisinage"]),
    (Role.VOLUNTEER, "benevole@passerelle.example", "Inès Moreau", ["Lien et Voisinage", "Les Mots Partagés"]),
    (Role.MEDIATOR, "mediation@passerelle.example", "Paul Durand", []),
]


WEEKDAYS_9_TO_18 = {day: [("09:00", "12:30"), ("13:30", "18:00")] for day in range(5)}
EVENINGS_TOO = {day: [("09:00", "21:30")] for day in range(6)}

# (place, room, capacity, step-free, accessible toilets, hearing loop, calm, equipment, hours)
ROOMS = [
    ("Hôtel de ville", "Salle du conseil", 40, True, True, True, False, "Micro, vidéoprojecteur", WEEKDAYS_9_TO_18),
    ("Hôtel de ville", "Petit salon", 12, True, True, False, True, "Table ronde, bouilloire", WEEKDAYS_9_TO_18),
    ("CCAS – Espace solidarités", "Salle d'accueil", 15, True, True, True, True, "Fauteuils, bouilloire",
     WEEKDAYS_9_TO_18),
    ("Médiathèque Louise-Michel", "Salle de l'heure du conte", 14, True, True, True, True, "Coussins, tapis",
     EVENINGS_TOO),
    ("Médiathèque Louise-Michel", "Atelier numérique", 10, True, True, False, False, "8 ordinateurs",
     EVENINGS_TOO),
    ("Maison de quartier des Tisserands", "Grande salle", 30, True, True, False, False, "Cuisine équipée",
     EVENINGS_TOO),
    ("Maison de quartier des Tisserands", "Salle du jardin", 12, False, False, False, True, "Accès au jardin partagé",
     EVENINGS_TOO),
    ("Gymnase Jean-Bouin", "Salle polyvalente", 25, True, True, False, False, "Tapis, chaises", EVENINGS_TOO),
    ("Service de santé universitaire", "Salle de réunion", 12, True, True, True, True, "Table, paperboard",
     WEEKDAYS_9_TO_18),
]


def _get_or_add(model, key, **values):
    found = db.session.scalar(sa.select(model).filter_by(**key))
    if found is None:
        found = model(**key, **values)
        db.session.add(found)
    return found


def database_is_empty():
    return db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def load_demo():
    for name, kind, address, neighbourhood, directions in PLACES:
        place = _get_or_add(Place, {"name": name}, kind=kind, address=address, neighbourhood=neighbourhood)
        db.session.flush()  # the directions' key needs the place's id
        _get_or_add(TranslatedText, {"key": place.directions_key, "locale": "fr", "register": STANDARD},
                    body=directions)
    associations = {}
    for name, description, email, phone in ASSOCIATIONS:
        associations[name] = _get_or_add(Association, {"name": name}, description=description,
                                         email=email, phone=phone)
    password_hash = generate_password_hash(DEMO_PASSWORD)
    for role, email, name, member_of in ACCOUNTS:
        user = db.session.scalar(sa.select(User).filter_by(email=email))
        if user is None:
            user = User(email=email, name=name, password_hash=password_hash,
                        role_grants=[RoleGrant(role=role.value)],
                        memberships=[Membership(association=associations[a]) for a in member_of])
            db.session.add(user)
    rooms = _load_rooms()
    db.session.commit()
    if db.session.scalar(sa.select(sa.func.count()).select_from(Booking)) == 0:
        _load_bookings(rooms, associations)
        db.session.commit()
    formats_demo.load()
    resources_demo.load()
    db.session.commit()
    sessions_demo.load()
    volunteers_demo.load()
    binomes_demo.load()
    indicators_demo.load()
    content_demo.translate()  # last: every demo has written its French texts
    db.session.commit()


def _load_rooms():
    from datetime import time

    places = {p.name: p for p in db.session.scalars(sa.select(Place))}
    rooms = {}
    for place, name, capacity, step_free, toilets, loop, calm, equipment, hours in ROOMS:
        room = db.session.scalar(sa.select(Room).filter_by(place_id=places[place].id, name=name))
        if room is None:
            room = Room(place=places[place], name=name, capacity=capacity, step_free=step_free,
                        accessible_toilets=toilets, hearing_loop=loop, calm=calm, equipment=equipment,
                        contact="Service vie associative – 02 00 00 00 00", feed_token=feeds.new_token(),
                        opening_hours=[OpeningHours(weekday=day, opens=time.fromisoformat(o),
                                                    closes=time.fromisoformat(c))
                                       for day, intervals in hours.items() for o, c in intervals])
            db.session.add(room)
        rooms[name] = room
    return rooms


def _booking(room, association, requester, purpose, people, first, start, end, frequency, count, status):
    from datetime import time

    booking = Booking(room=room, association=association, requested_by=requester, purpose=purpose,
                      expected_attendance=people, frequency=frequency)
    for day in series_dates(first, frequency, count=count):
        booking.occurrences.append(Occurrence(
            room_id=room.id, starts_at=clock.at(day, time.fromisoformat(start)),
            ends_at=clock.at(day, time.fromisoformat(end)), status=status,
            decided_at=clock.now() if status == APPROVED else None))
    db.session.add(booking)
    return booking


def _load_bookings(rooms, associations):
    """Three months of life: a weekly café since last month, a reading club every other
    week, two competing requests waiting for staff, and a closure for the elections."""
    from datetime import time, timedelta

    member = db.session.scalar(sa.select(User).filter_by(email="association@passerelle.example"))
    volunteer = db.session.scalar(sa.select(User).filter_by(email="benevole@passerelle.example"))
    today = clock.today()
    last_month_tuesday = today - timedelta(days=today.weekday()) - timedelta(weeks=4) + timedelta(days=1)
    _booking(rooms["Salle de l'heure du conte"], associations["Lien et Voisinage"], member,
             "Café-échanges « parler à un proche »", 10, last_month_tuesday, "18:00", "19:30", WEEKLY, 16, APPROVED)
    thursday = today - timedelta(days=today.weekday()) + timedelta(days=3)
    _booking(rooms["Salle de l'heure du conte"], associations["Les Mots Partagés"], volunteer,
             "Club lecture « une page, un souvenir »", 8, thursday, "14:00", "15:30", BIWEEKLY, 6, APPROVED)
    next_wednesday = today - timedelta(days=today.weekday()) + timedelta(weeks=1, days=2)
    _booking(rooms["Grande salle"], associations["Réparons Ensemble"], None,
             "Micro-atelier réparation d'objets", 12, next_wednesday, "14:00", "16:30", "once", 1, PENDING)
    _booking(rooms["Grande salle"], associations["Lien et Voisinage"], member,
             "Marche douce : départ et retour", 14, next_wednesday, "15:00", "17:00", "once", 1, PENDING)
    election_sunday = today - timedelta(days=today.weekday()) + timedelta(weeks=3, days=6)
    db.session.add(Closure(place=rooms["Salle du conseil"].place, reason="Élections : bureau de vote",
                           starts_at=clock.at(election_sunday, time(0)),
                           ends_at=clock.at(election_sunday + timedelta(days=1), time(0))))
