"""Replicable meeting formats. Their texts (name, purpose, rules…) are translated content kept
in ``portal.content``, one variant per (locale, register), under keys ``format:<id>:<field>``."""
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from portal.database import UTCDateTime, db, utcnow

TALK, DO = "talk", "do"
KINDS = {TALK: _l("Parler"), DO: _l("Faire ensemble")}

# The roles a session of the format needs, in the order of a session.
ROLES = {
    "accueil": _l("Accueil des participants"),
    "animation": _l("Animation"),
    "cloture": _l("Clôture"),
    "referent": _l("Personne référente"),
    "ressource": _l("Personne ressource"),
}

# The translated texts of a format, in the order the page shows them.
TEXTS = {
    "name": _l("Nom"),
    "purpose": _l("À quoi sert ce format"),
    "rules": _l("Règles"),
    "team": _l("Rôles et fonctionnement de l'équipe"),
    "outcome": _l("Ce que les participants emportent"),
    "preparation": _l("À préparer"),
    "accessibility": _l("Accessibilité"),
}


class Format(db.Model):
    __tablename__ = "formats"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Its address: /formats/<slug>.
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    kind: Mapped[str] = mapped_column(sa.String(10))
    duration: Mapped[int] = mapped_column()  # minutes
    group_min: Mapped[int] = mapped_column()
    group_max: Mapped[int] = mapped_column()
    needs_calm: Mapped[bool] = mapped_column(default=False)
    needs_step_free: Mapped[bool] = mapped_column(default=False)
    outdoor_start: Mapped[bool] = mapped_column(default=False)
    # Keys of ROLES, comma-separated: a short fixed vocabulary, never queried inside.
    roles_needed: Mapped[str] = mapped_column(sa.String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Archived formats leave the public list; a direct link still says what they were.
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def archived(self):
        return self.archived_at is not None

    @property
    def roles(self):
        return [role for role in self.roles_needed.split(",") if role in ROLES]

    @roles.setter
    def roles(self, keys):
        self.roles_needed = ",".join(role for role in ROLES if role in set(keys))

    @property
    def role_labels(self):
        return [ROLES[role] for role in self.roles]

    @property
    def kind_label(self):
        return KINDS.get(self.kind, self.kind)

    def text_key(self, field):
        return f"format:{self.id}:{field}"
