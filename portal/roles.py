"""The roles a person can hold. A person may hold several."""
from enum import StrEnum

from flask_babel import lazy_gettext as _l


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
    ASSOCIATION = "association"
    VOLUNTEER = "volunteer"
    MEDIATOR = "mediator"

    @property
    def label(self):
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ADMIN: _l("Administration du portail"),
    Role.STAFF: _l("Service vie associative"),
    Role.ASSOCIATION: _l("Membre d'association"),
    Role.VOLUNTEER: _l("Bénévole"),
    Role.MEDIATOR: _l("Médiation des binômes"),
}

# Only administrators hand out the roles that can manage other people.
ROLES_ONLY_ADMIN_GRANTS = frozenset({Role.ADMIN, Role.STAFF})
MANAGERS = (Role.ADMIN, Role.STAFF)
