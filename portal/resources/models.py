"""Local help: where to turn for care, social help, rights, a listening ear or the town hall,
and the town's own help numbers shown on the emergency page after the national ones."""
from datetime import datetime

import sqlalchemy as sa
from babel import Locale, UnknownLocaleError
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.auth.models import User
from portal.content import operations as content
from portal.content.models import STANDARD
from portal.database import UTCDateTime, db, utcnow

# Category → (label, {kind: label}). A kind belongs to one category only, so an entry stores
# its kind and its category follows from it. The order is the order of the printed sheet.
CATEGORIES = {
    "soins": (_l("Soins"), {
        "cmp": _l("Centre médico-psychologique (CMP)"),
        "generaliste": _l("Médecin généraliste"),
        "pmi": _l("Protection maternelle et infantile (PMI)"),
    }),
    "social": (_l("Aide sociale"), {
        "ccas": _l("Centre communal d'action sociale (CCAS)"),
        "france_services": _l("France services"),
    }),
    "droits": (_l("Droits"), {
        "point_justice": _l("Point justice"),
        "acces_droits": _l("Accès aux droits"),
    }),
    "ecoute": (_l("Écoute"), {
        "ligne_ecoute": _l("Ligne d'écoute"),
    }),
    "mairie": (_l("Mairie"), {
        "contact_mairie": _l("Contact de la mairie"),
    }),
}
KIND_CATEGORY = {kind: category for category, (_label, kinds) in CATEGORIES.items() for kind in kinds}
CATEGORY_ORDER = {category: index for index, category in enumerate(CATEGORIES)}

# Languages staff can tick: ISO 639-1 codes, shown in their own name and in the reader's.
LANGUAGES = ("fr", "en", "ar", "es", "pt", "it", "de", "uk", "ru", "tr", "ro", "zh", "wo")


def language_names(code):
    """(name in the reader's language, name in the language itself), e.g. ("arabe", "العربية")."""
    try:
        language = Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return code, code
    return language.get_display_name(str(get_locale())), language.get_display_name(code)


def language_label(code):
    """A spoken language in the reader's words, with its own name when it differs: "arabe (العربية)"."""
    translated, own = language_names(code)
    return translated if translated.casefold() == own.casefold() else f"{translated} ({own})"


class Resource(db.Model):
    __tablename__ = "resources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(160))
    kind: Mapped[str] = mapped_column(sa.String(30), index=True)
    address: Mapped[str] = mapped_column(sa.String(255), default="")
    neighbourhood: Mapped[str] = mapped_column(sa.String(80), default="")
    hours: Mapped[str] = mapped_column(sa.Text, default="")  # free text: "Lundi au vendredi, 9 h–17 h"
    phone: Mapped[str] = mapped_column(sa.String(40), default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    website: Mapped[str] = mapped_column(sa.String(255), default="")
    step_free: Mapped[bool] = mapped_column(default=False)
    accessible_toilets: Mapped[bool] = mapped_column(default=False)
    hearing_loop: Mapped[bool] = mapped_column(default=False)
    sign_language: Mapped[bool] = mapped_column(default=False)
    accessibility_notes: Mapped[str] = mapped_column(sa.Text, default="")
    # Printed on the session kit's local resources sheet.
    in_kit: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Someone checked that the entry is still true (hours change, services move).
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reviewed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))

    reviewed_by: Mapped[User | None] = relationship()
    language_rows: Mapped[list["ResourceLanguage"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="ResourceLanguage.code")

    @property
    def category(self):
        return KIND_CATEGORY.get(self.kind, "")

    @property
    def category_label(self):
        return CATEGORIES[self.category][0] if self.category else ""

    @property
    def kind_label(self):
        return CATEGORIES[self.category][1][self.kind] if self.category else self.kind

    @property
    def languages(self):
        return [row.code for row in self.language_rows]

    @property
    def dial(self):
        return "".join(char for char in self.phone if char.isdigit() or char == "+")

    @property
    def description_key(self):
        return f"resource:{self.id}:description"

    def description(self, locale, register=STANDARD):
        """The short description in ``locale`` and ``register``, with the content fallback
        (a ``portal.content.operations.Text``, or None when none was written)."""
        return content.lookup(self.description_key, locale, register)


class ResourceLanguage(db.Model):
    """A language spoken at a resource's desk (ISO 639-1 code)."""

    __tablename__ = "resource_languages"

    resource_id: Mapped[int] = mapped_column(sa.ForeignKey("resources.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(8), primary_key=True)


class LocalHelpNumber(db.Model):
    """A number the town adds to the emergency page: the CCAS duty line, the CMP, the mairie."""

    __tablename__ = "local_help_numbers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    number: Mapped[str] = mapped_column(sa.String(40))
    hours: Mapped[str] = mapped_column(sa.String(160), default="")
    free: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)  # smaller first
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def purpose_key(self):
        """What the number is for: a translated text (``portal.content``)."""
        return f"help_number:{self.id}:purpose"
