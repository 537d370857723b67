"""Factories: each makes one valid record; tests override only what they care about."""
import itertools

from werkzeug.security import generate_password_hash

from portal.associations.models import Association, Membership
from portal.auth.models import RoleGrant, User
from portal.database import db
from portal.rooms.models import Place

PASSWORD = "un mot de passe de test"


def _cheap_hash(password):
    # The portal's own hashes are slow on purpose (scrypt); checking a factory's password at
    # every test login would dominate the run. A one-round hash is still verified by the same
    # check_password_hash, so signing in goes through the real code path.
    return generate_password_hash(password, method="pbkdf2:sha256:1")


_PASSWORD_HASH = _cheap_hash(PASSWORD)
_numbers = itertools.count(1)


def make_association(**overrides):
    n = next(_numbers)
    values = {"name": f"Association n°{n}", "description": "Des rencontres près de chez vous.",
              "email": f"contact{n}@association.example"}
    values.update(overrides)
    association = Association(**values)
    db.session.add(association)
    db.session.commit()
    return association


def make_user(roles=("volunteer",), associations=(), password=PASSWORD, **overrides):
    n = next(_numbers)
    values = {"email": f"personne{n}@passerelle.example", "name": f"Personne {n}",
              "password_hash": _PASSWORD_HASH if password == PASSWORD else
              (_cheap_hash(password) if password else None)}
    values.update(overrides)
    user = User(**values)
    user.role_grants = [RoleGrant(role=str(role)) for role in roles]
    user.memberships = [Membership(association=a) for a in associations]
    db.session.add(user)
    db.session.commit()
    return user


def make_place(**overrides):
    n = next(_numbers)
    values = {"name": f"Lieu n°{n}", "kind": "mediatheque", "address": f"{n} rue des Écoles",
              "neighbourhood": "Centre", "directions": "Bus 3, arrêt Écoles."}
    values.update(overrides)
    place = Place(**values)
    db.session.add(place)
    db.session.commit()
    return place
