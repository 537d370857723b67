"""The formats directory's rules: finding formats for the public list, and staff changes.

A format and its translated texts are written in one commit, with their audit entry.
"""
import re
import unicodedata

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from portal import audit
from portal.content import operations as content
from portal.content.forms import field_name
from portal.content.models import STANDARD
from portal.database import db, utcnow
from portal.errors import Refused
from portal.formats.models import KINDS, ROLES, TEXTS, Format

# Duration filter: key -> (label, shortest and longest duration in minutes, None: no limit).
DURATIONS = {
    "short": (_l("1 h ou moins"), 0, 60),
    "medium": (_l("Plus d'1 h, jusqu'à 2 h"), 61, 120),
    "long": (_l("Plus de 2 h"), 121, None),
}
# The texts the public list shows, and the search looks in.
LISTED = ("name", "purpose")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_PEOPLE = 500
MAX_DURATION = 24 * 60


def folded(text):
    """Text compared the way a person searches: no case, no accents (« cafe » finds « Café »)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def lines(text):
    """A text's non-empty lines: easy-to-read texts put one idea on each line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", folded(text)).strip("-")[:80]


# --- reading -------------------------------------------------------------------------------

def texts_of(formats, locale, register, fields=tuple(TEXTS)):
    """{format id: {field: Text or None}}: each text in the asked language and register, or
    its fallback (see ``content.fallback_chain``), for many formats in one query."""
    found = content.lookup_many([f.text_key(field) for f in formats for field in fields], locale, register)
    return {f.id: {field: found[f.text_key(field)] for field in fields} for f in formats}


def by_slug(slug):
    return db.session.scalar(sa.select(Format).where(Format.slug == slug))


def all_formats():
    """Every format, archived ones included (staff list), by address."""
    return db.session.scalars(sa.select(Format).order_by(Format.slug)).all()


def _matches(variants, locales, words):
    haystack = " ".join(folded(text.body) for (locale, _register), text in variants.items() if locale in locales)
    return all(word in haystack for word in words)


def public_list(locale, register, text="", duration="", people=None, kind=""):
    """The formats offered to the public, filtered, as [(format, {field: Text})] by name.

    ``text`` is looked for, word by word, in the name and purpose written in ``locale`` and in
    French (the language every format is written in first)."""
    query = sa.select(Format).where(Format.archived_at.is_(None))
    if kind in KINDS:
        query = query.where(Format.kind == kind)
    if duration in DURATIONS:
        _label, shortest, longest = DURATIONS[duration]
        query = query.where(Format.duration >= shortest)
        if longest is not None:
            query = query.where(Format.duration <= longest)
    if people:
        query = query.where(Format.group_min <= people, Format.group_max >= people)
    formats = db.session.scalars(query).all()
    words = folded(text).split()
    if words:
        stored = content.written_variants([f.text_key(field) for f in formats for field in LISTED])
        locales = {locale, content.source_locale()}
        formats = [f for f in formats if _matches(
            {k: v for field in LISTED for k, v in stored[f.text_key(field)].items()}, locales, words)]
    texts = texts_of(formats, locale, register, LISTED)
    listed = [(f, texts[f.id]) for f in formats]
    return sorted(listed, key=lambda item: _sort_key(item[1]["name"].body if item[1]["name"] else item[0].slug))


def _sort_key(name):
    # « Atelier … » and “Calm digital” sort by their first letter, not by the quotation mark.
    return re.sub(r"^\W+", "", folded(name))


# --- staff changes -------------------------------------------------------------------------

def save_format(actor, fmt, *, slug, kind, duration, group_min, group_max, roles=(), needs_calm=False,
                needs_step_free=False, outdoor_start=False, texts=None, reviews=None):
    """Create (``fmt`` is a new ``Format()``) or update a format.

    ``texts``: {field: {(locale, register): body}} for fields of ``TEXTS``; an empty body
    removes that variant, and the French standard name is required. ``None`` leaves the texts
    as they are. ``reviews``: {field: {(locale, register): bool}}, the "read by people
    concerned" marks (see ``content.save_variants``). ``slug`` left empty is made from the
    French name."""
    source = (content.source_locale(), STANDARD)
    french_name = ((texts or {}).get("name", {}).get(source) or "").strip()
    if texts is not None and not french_name:
        raise Refused(_l("Indiquez le nom du format en français (version courante)."),
                      field=field_name("name", *source))
    slug = (slug or "").strip().lower() or slugify(french_name)
    if not SLUG.match(slug):
        raise Refused(_l("L'adresse ne peut contenir que des lettres minuscules sans accent, des chiffres "
                         "et des tirets, par exemple « cafe-echanges »."), field="slug")
    if db.session.scalar(sa.select(Format.id).where(Format.slug == slug, Format.id != fmt.id)) is not None:
        raise Refused(_l("Un autre format utilise déjà cette adresse."), field="slug")
    if kind not in KINDS:
        raise Refused(_l("Choisissez « Parler » ou « Faire ensemble »."), field="kind")
    if duration is None or not 1 <= duration <= MAX_DURATION:
        raise Refused(_l("Indiquez une durée en minutes, entre 1 et %(most)s.", most=MAX_DURATION), field="duration")
    if group_min is None or not 1 <= group_min <= MAX_PEOPLE:
        raise Refused(_l("Indiquez un nombre de personnes entre 1 et %(most)s.", most=MAX_PEOPLE), field="group_min")
    if group_max is None or not group_min <= group_max <= MAX_PEOPLE:
        raise Refused(_l("Le nombre maximum de personnes doit être au moins égal au minimum (%(least)s), "
                         "et au plus %(most)s.", least=group_min, most=MAX_PEOPLE), field="group_max")
    if set(roles) - set(ROLES):
        raise Refused(_l("Choisissez les rôles dans la liste."), field="roles")

    action = "format.created" if fmt.id is None else "format.updated"
    fmt.slug, fmt.kind, fmt.duration = slug, kind, duration
    fmt.group_min, fmt.group_max, fmt.roles = group_min, group_max, roles
    fmt.needs_calm, fmt.needs_step_free, fmt.outdoor_start = bool(needs_calm), bool(needs_step_free), bool(outdoor_start)
    fmt.updated_at = utcnow()  # also when only its texts changed
    try:
        db.session.add(fmt)
        db.session.flush()
    except IntegrityError:  # another person took the address meanwhile
        db.session.rollback()
        raise Refused(_l("Un autre format utilise déjà cette adresse."), field="slug") from None
    for field, bodies in (texts or {}).items():
        content.save_variants(fmt.text_key(field), bodies, (reviews or {}).get(field), by=actor)
    audit.record(actor, action, fmt)
    db.session.commit()
    return fmt


def set_archived(actor, fmt, archived):
    """An archived format leaves the public list; nothing is deleted."""
    fmt.archived_at = (fmt.archived_at or utcnow()) if archived else None
    audit.record(actor, "format.archived" if archived else "format.unarchived", fmt)
    db.session.commit()
    return fmt
