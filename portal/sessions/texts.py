"""A session's title and objective in the reader's language.

The association writes them in French, in the session's columns (the source); translations
are variants of the content system, standard register, keyed ``session:<id>:title`` and
``session:<id>:objective``. A reader sees the translation in their language when there is
one, else the French, with the locale of what they see so that pages mark it ``lang``.
"""
from typing import NamedTuple

from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from portal import audit
from portal.content import operations as content
from portal.content.models import STANDARD
from portal.database import db
from portal.errors import Refused
from portal.sessions.models import Session

FIELDS = ("title", "objective")
# A translation is held to the length of the French column it translates.
MAX_LENGTHS = {field: Session.__table__.c[field].type.length for field in FIELDS}
PAGE_TITLE = _l("Traductions de la page publique")


class Shown(NamedTuple):
    text: str
    locale: str


class Written(NamedTuple):
    """What a reader sees of a session's own words."""

    title: Shown
    objective: Shown


def target_locales():
    """The languages a session's texts are translated into: every configured one but French."""
    source = content.source_locale()
    return [locale for locale in current_app.config["PORTAL_LOCALES"] if locale != source]


def written(sessions, locale=None):
    """{session id: ``Written``} in ``locale`` (the reader's by default), for many sessions in
    one query: the translation when there is one, else the French columns."""
    locale = locale or str(get_locale())
    source = content.source_locale()
    keys = [s.text_key(field) for s in sessions for field in FIELDS] if locale != source else []
    found = content.lookup_many(keys, locale, STANDARD)

    def shown(session, field):
        text = found.get(session.text_key(field))
        if text is not None and text.locale == locale:  # never another language's variant
            return Shown(text.body, locale)
        return Shown(getattr(session, field), source)

    return {s.id: Written(*(shown(s, field) for field in FIELDS)) for s in sessions}


def written_one(session, locale=None):
    return written([session], locale)[session.id]


def stored(session):
    """{(field, locale): body} of the translations saved, for the editor."""
    locales = target_locales()
    return {(field, locale): body for field in FIELDS
            for (locale, register), body in content.variants(session.text_key(field)).items()
            if locale in locales and register == STANDARD}


def save_translations(actor, session, bodies):
    """Save the translations given as {(field, locale): text} for ``target_locales()`` (their
    length is checked by the form, as the planner's); an empty text removes that translation
    (the French is shown instead). All or nothing, in one commit with its audit entry, which
    names the languages changed, never the texts. Returns the languages changed."""
    if not session.title:
        raise Refused(_l("Donnez d'abord un titre à la rencontre (étape 2), puis traduisez-le."))
    # One line each, as the French: a title or an objective pasted with line breaks stays whole.
    cleaned = {(field, locale): " ".join((bodies.get((field, locale)) or "").split())
               for field in FIELDS for locale in target_locales()}
    before = stored(session)
    changed = sorted({locale for (field, locale), body in cleaned.items() if body != before.get((field, locale), "")},
                     key=target_locales().index)
    if not changed:
        return []
    for field in FIELDS:
        content.save_variants(session.text_key(field),
                              {(locale, STANDARD): cleaned[(field, locale)] for locale in target_locales()})
    audit.record(actor, "session.updated", session, f"{PAGE_TITLE} : {', '.join(changed)}")
    db.session.commit()
    return changed
