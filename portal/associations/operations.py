"""Rules about associations: who may see one, creating, editing and archiving."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from portal.associations.models import Association
from portal.database import db, utcnow
from portal.errors import Refused
from portal.roles import MANAGERS


def list_associations(include_archived=False):
    query = sa.select(Association).order_by(sa.func.lower(Association.name))
    if not include_archived:
        query = query.where(Association.archived_at.is_(None))
    return db.session.scalars(query).all()


def may_see(user, association):
    """Staff see every association; a person sees the associations they belong to."""
    return user.has_role(*MANAGERS) or any(m.user_id == user.id for m in association.memberships)


def _unique_name(name, exclude_id=None):
    name = name.strip()
    query = sa.select(Association.id).where(sa.func.lower(Association.name) == name.lower())
    if exclude_id is not None:
        query = query.where(Association.id != exclude_id)
    if db.session.scalar(query) is not None:
        raise Refused(_l("Une association porte déjà ce nom."), field="name")
    return name


def save_association(association, name, description, email, phone):
    association.name = _unique_name(name, association.id)
    association.description = (description or "").strip()
    association.email = (email or "").strip().lower() or None
    association.phone = (phone or "").strip() or None
    db.session.add(association)
    db.session.commit()
    return association


def set_archived(association, archived):
    association.archived_at = utcnow() if archived else None
    db.session.commit()
