"""The local resources directory and the town's help numbers: reading, filtering, and the
changes staff make (each one audited, committed once, refused whole when a rule says no)."""
from dateutil.relativedelta import relativedelta
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from portal import audit, clock
from portal.content import operations as content
from portal.database import db
from portal.errors import Refused
from portal.resources.models import (CATEGORIES, CATEGORY_ORDER, KIND_CATEGORY, LANGUAGES, LocalHelpNumber,
                                     Resource, ResourceLanguage)

# An entry nobody has checked for this long may be wrong: staff are asked to review it.
REVIEW_EVERY = relativedelta(months=12)
WEBSITE_MESSAGE = _l("Indiquez une adresse complète, par exemple https://www.exemple.fr")


def _clean(text):
    return " ".join((text or "").split())


def _in_print_order(resources):
    return sorted(resources, key=lambda r: (CATEGORY_ORDER.get(r.category, len(CATEGORIES)), r.name.casefold()))


# --- reading -------------------------------------------------------------------------------

def _active():
    return sa.select(Resource).where(Resource.archived_at.is_(None))


def search(category="", neighbourhood="", language="", step_free=False):
    """Active entries matching every filter given (an empty filter matches all), by category
    then name. Unknown values match nothing rather than everything."""
    query = _active()
    if category:
        kinds = CATEGORIES[category][1] if category in CATEGORIES else {}
        query = query.where(Resource.kind.in_(list(kinds)))
    if neighbourhood:
        query = query.where(Resource.neighbourhood == neighbourhood)
    if language:
        query = query.where(Resource.language_rows.any(ResourceLanguage.code == language))
    if step_free:
        query = query.where(Resource.step_free.is_(True))
    return _in_print_order(db.session.scalars(query))


def filter_choices():
    """The neighbourhoods and the languages found among active entries, for the filters."""
    neighbourhoods = db.session.scalars(
        sa.select(Resource.neighbourhood).distinct()
        .where(Resource.archived_at.is_(None), Resource.neighbourhood != "")
        .order_by(Resource.neighbourhood)).all()
    languages = db.session.scalars(
        sa.select(ResourceLanguage.code).distinct().join(Resource)
        .where(Resource.archived_at.is_(None))).all()
    return neighbourhoods, [code for code in LANGUAGES if code in languages]


def active_resource(resource_id):
    """An entry the public may see, or None (archived entries are staff's only)."""
    found = db.session.get(Resource, resource_id)
    return found if found is not None and found.archived_at is None else None


def kit_resources():
    """The entries printed on the session kit's local resources sheet: active, flagged
    "include in the kit", ordered by category (soins, social, droits, écoute, mairie) then name.

    Each is a ``Resource`` exposing ``name``, ``category_label``, ``kind_label``, ``address``,
    ``neighbourhood``, ``phone``, ``email``, ``website`` and ``hours`` (plain strings, possibly
    empty) and ``description(locale, register)``, which returns the short description as a
    ``portal.content.operations.Text`` (``body``, ``locale``, ``register``, ``is_fallback``)
    following the content fallback chain, or None when none was written. ``register`` is
    ``"standard"`` or ``"falc"``.
    """
    return _in_print_order(db.session.scalars(_active().where(Resource.in_kit.is_(True))))


def review_due_before():
    """Entries last reviewed before this instant are due for review."""
    return clock.now() - REVIEW_EVERY


def is_stale(resource):
    return resource.reviewed_at < review_due_before()


def stale_count():
    return db.session.scalar(sa.select(sa.func.count()).select_from(Resource).where(
        Resource.archived_at.is_(None), Resource.reviewed_at < review_due_before()))


def staff_list():
    """Every entry for staff: those due for review first (the oldest review first), then the
    others in print order, then the archived ones."""
    everything = db.session.scalars(sa.select(Resource).options(selectinload(Resource.reviewed_by))).all()
    active = [r for r in everything if r.archived_at is None]
    stale = sorted((r for r in active if is_stale(r)), key=lambda r: r.reviewed_at)
    fresh = _in_print_order(r for r in active if not is_stale(r))
    return stale + fresh + _in_print_order(r for r in everything if r.archived_at is not None)


# --- changes -------------------------------------------------------------------------------

def save_resource(actor, resource, *, name, kind, address="", neighbourhood="", hours="", phone="", email="",
                  website="", step_free=False, accessible_toilets=False, hearing_loop=False,
                  sign_language=False, accessibility_notes="", languages=(), in_kit=False, descriptions=None,
                  reviews=None):
    """Create (``resource`` is a new ``Resource()``) or update an entry; saving counts as a
    review. ``descriptions``: {(locale, register): text}; an empty text removes that variant,
    a variant left out stays as it is, ``None`` leaves them all. ``reviews``: which variants
    people concerned have read (see ``portal.content.operations.save_variants``)."""
    name = _clean(name)
    if not name:
        raise Refused(_l("Indiquez le nom de la ressource."), field="name")
    if kind not in KIND_CATEGORY:
        raise Refused(_l("Choisissez un type de ressource dans la liste."), field="kind")
    unknown = [code for code in languages if code not in LANGUAGES]
    if unknown:
        raise Refused(_l("Choisissez les langues dans la liste."), field="languages")
    address, phone, email, website = _clean(address), _clean(phone), _clean(email), _clean(website)
    # The address becomes a link: only web pages, never "javascript:" or another scheme.
    if website and not website.lower().startswith(("https://", "http://")):
        raise Refused(WEBSITE_MESSAGE, field="website")
    if not (address or phone or email or website):
        raise Refused(_l("Indiquez au moins un moyen de joindre cette ressource : adresse, téléphone, "
                         "adresse e-mail ou site internet."), field="phone")
    resource.name, resource.kind, resource.address = name, kind, address
    resource.neighbourhood, resource.hours = _clean(neighbourhood), (hours or "").strip()
    resource.phone, resource.email, resource.website = phone, email.lower(), website
    resource.step_free, resource.accessible_toilets = bool(step_free), bool(accessible_toilets)
    resource.hearing_loop, resource.sign_language = bool(hearing_loop), bool(sign_language)
    resource.accessibility_notes = (accessibility_notes or "").strip()
    resource.in_kit = bool(in_kit)
    wanted = [code for code in LANGUAGES if code in languages]
    kept = [row for row in resource.language_rows if row.code in wanted]
    resource.language_rows = kept + [ResourceLanguage(code=code) for code in wanted
                                     if code not in {row.code for row in kept}]
    _reviewed(actor, resource)
    return _save(actor, resource, "description_key", descriptions, reviews)


def _kind(record):
    """How audit entries name a record: ``resource.…`` or ``help_number.…``."""
    return "resource" if isinstance(record, Resource) else "help_number"


def _save(actor, record, text_key, texts, reviews):
    """Write a new or changed ``record``, its translated text (the key in its attribute
    ``text_key``; ``texts`` None leaves it) and its audit entry, in one commit."""
    action = f"{_kind(record)}.created" if record.id is None else f"{_kind(record)}.updated"
    db.session.add(record)
    db.session.flush()  # the text's key needs the id
    if texts is not None:
        content.save_variants(getattr(record, text_key), texts, reviews, by=actor)
    audit.record(actor, action, record)
    db.session.commit()
    return record


def _reviewed(actor, resource):
    resource.reviewed_at = clock.now()
    resource.reviewed_by = actor


def mark_reviewed(actor, resource):
    """Someone checked today that the entry is still right."""
    _reviewed(actor, resource)
    audit.record(actor, "resource.reviewed", resource)
    db.session.commit()
    return resource


def set_archived(actor, record, archived):
    """Archive or bring back a ``Resource`` (it leaves the public directory and the kit) or a
    ``LocalHelpNumber`` (it leaves the emergency page and its poster); nothing is deleted."""
    record.archived_at = (record.archived_at or clock.now()) if archived else None
    audit.record(actor, f"{_kind(record)}.{'archived' if archived else 'unarchived'}", record)
    db.session.commit()
    return record


# --- the town's help numbers ---------------------------------------------------------------

def active_help_numbers():
    return db.session.scalars(sa.select(LocalHelpNumber).where(LocalHelpNumber.archived_at.is_(None))
                              .order_by(LocalHelpNumber.position, LocalHelpNumber.name)).all()


def all_help_numbers():
    return db.session.scalars(sa.select(LocalHelpNumber).order_by(
        LocalHelpNumber.archived_at.is_not(None), LocalHelpNumber.position, LocalHelpNumber.name)).all()


def save_help_number(actor, line, *, name, number, hours="", free=False, position=0, purposes=None, reviews=None):
    """Create (``line`` is a new ``LocalHelpNumber()``) or update one of the town's numbers.
    ``purposes``: what it is for, {(locale, register): text}, as ``save_resource``'s descriptions."""
    name, number = _clean(name), _clean(number)
    if not name:
        raise Refused(_l("Indiquez le nom du service."), field="name")
    if not any(char.isdigit() for char in number):
        raise Refused(_l("Indiquez le numéro à appeler."), field="number")
    line.name, line.number, line.hours = name, number, _clean(hours)
    line.free, line.position = bool(free), position or 0
    return _save(actor, line, "purpose_key", purposes, reviews)

