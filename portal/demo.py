"""A believable town to try the portal with: places, associations, one account per role.

Loading twice changes nothing: each record is looked up by its natural key first.
"""
import sqlalchemy as sa
from werkzeug.security import generate_password_hash

from portal.associations.models import Association, Membership
from portal.auth.models import RoleGrant, User
from portal.database import db
from portal.roles import Role
from portal.rooms.models import Place

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
        _get_or_add(Place, {"name": name}, kind=kind, address=address,
                    neighbourhood=neighbourhood, directions=directions)
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
    db.session.commit()
