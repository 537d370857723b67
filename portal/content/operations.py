"""Looking texts up with a fallback, and saving the variants staff edit side by side."""
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from babel import Locale
from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from portal.content.models import FALC, REGISTERS, STANDARD, TranslatedText
from portal.database import db
from portal.i18n import falc_enabled


@dataclass(frozen=True)
class Text:
    """A variant as shown: ``locale`` and ``register`` are those of the text found, ``asked``
    the (locale, register) the page wanted; ``is_fallback`` when they differ."""

    body: str
    locale: str
    register: str
    is_fallback: bool
    asked: tuple[str, str] | None = None
    reviewed_at: datetime | None = None


def source_locale():
    return current_app.config["PORTAL_LOCALES"][0]


def all_variants():
    """Every (locale, register) a text may be written in, French standard first."""
    return [(locale, register) for locale in current_app.config["PORTAL_LOCALES"] for register in REGISTERS]


def fallback_chain(locale, register):
    """Asked locale and register → asked locale standard → French same register → French standard."""
    source = source_locale()
    chain = [(locale, register), (locale, STANDARD), (source, register), (source, STANDARD)]
    return list(dict.fromkeys(chain))


def best(variants, chain):
    """The first variant of ``chain`` found in ``variants`` ({(locale, register): TranslatedText},
    empty bodies left out) as a ``Text``, or None."""
    for wanted in chain:
        if wanted in variants:
            found = variants[wanted]
            return Text(found.body, found.locale, found.register, is_fallback=wanted != chain[0],
                        asked=chain[0], reviewed_at=found.reviewed_at)
    return None


def written_variants(keys):
    """{key: {(locale, register): TranslatedText}} of the variants that have a text, for many
    keys in one query."""
    found = {key: {} for key in keys}
    if found:
        for text in db.session.scalars(sa.select(TranslatedText).where(TranslatedText.key.in_(found))):
            if text.body.strip():
                found[text.key][(text.locale, text.register)] = text
    return found


def lookup_many(keys, locale, register=STANDARD):
    """{key: the best available variant of key, or None}, for many keys in one query."""
    chain = fallback_chain(locale, register)
    return {key: best(variants, chain) for key, variants in written_variants(keys).items()}


def reading_register():
    """The register the person reads in: easy-to-read when the FALC switch is on."""
    return FALC if falc_enabled() else STANDARD


def shown_as():
    """(locale, register) the person reads texts in."""
    return str(get_locale()), reading_register()


def lookup(key, locale, register=STANDARD):
    """The best available variant of ``key``, or None when no variant has any text."""
    return lookup_many([key], locale, register)[key]


def variant_name(locale, register):
    """How a variant is named in a sentence, in the page's language: « anglais facile à lire »,
    « français courant »."""
    language = Locale.parse(locale).get_display_name(str(get_locale() or source_locale()))
    if register == FALC:
        return _l("%(language)s facile à lire", language=language)
    return _l("%(language)s courant", language=language)


def variants(key):
    """Every (locale, register) → body, for the side-by-side editor."""
    return {(t.locale, t.register): t.body for t in records(key).values()}


def records(key):
    """Every (locale, register) → ``TranslatedText`` of ``key`` (for review marks)."""
    return {(t.locale, t.register): t for t in db.session.scalars(
        sa.select(TranslatedText).where(TranslatedText.key == key))}


def save_variants(key, bodies, reviews=None, by=None):
    """Write the variants given as {(locale, register): body}; an empty body removes the variant.

    ``reviews``, {(locale, register): bool} from the editor's checkboxes, records which
    variants people concerned have read: True marks a variant not yet marked (as recorded by
    ``by``, now), False removes the mark, a variant left out keeps its mark. Changing a body
    always removes the mark the earlier text had (see ``TranslatedText``): only a box ticked on
    a text that was not marked before marks the new text.

    The caller commits, so that a text is saved together with what it describes."""
    existing = records(key)
    reviews = reviews or {}
    for variant, body in bodies.items():
        body = (body or "").strip()
        found = existing.get(variant)
        if not body:
            if found is not None:
                db.session.delete(found)
            continue
        was_reviewed = found is not None and found.reviewed
        if found is None:
            locale, register = variant
            found = TranslatedText(key=key, locale=locale, register=register, body=body)
            db.session.add(found)
        else:
            found.body = body
        if reviews.get(variant) is False:
            found.forget_review()
        elif reviews.get(variant) and not was_reviewed:
            found.mark_reviewed(by)


def delete_texts(*keys):
    """Remove every variant of ``keys`` (what they described is gone). The caller commits."""
    db.session.execute(sa.delete(TranslatedText).where(TranslatedText.key.in_(keys)))


def easy_read_texts():
    """Every stored easy-to-read variant with some text, by key then locale (for the report)."""
    return db.session.scalars(sa.select(TranslatedText).where(
        TranslatedText.register == FALC, TranslatedText.body != "").order_by(
        TranslatedText.key, TranslatedText.locale)).all()


__all__ = ["FALC", "STANDARD", "Text", "all_variants", "best", "lookup", "lookup_many", "save_variants", "variants"]
