"""Looking texts up with a fallback, and saving the variants staff edit side by side."""
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app

from portal.content.models import FALC, STANDARD, TranslatedText
from portal.database import db


@dataclass(frozen=True)
class Text:
    body: str
    locale: str
    register: str
    is_fallback: bool


def fallback_chain(locale, register):
    """Asked locale and register → asked locale standard → French same register → French standard."""
    source = current_app.config["PORTAL_LOCALES"][0]
    chain = [(locale, register), (locale, STANDARD), (source, register), (source, STANDARD)]
    return list(dict.fromkeys(chain))


def lookup(key, locale, register=STANDARD):
    """The best available variant of ``key``, or None when no variant has any text."""
    variants = {(t.locale, t.register): t for t in db.session.scalars(
        sa.select(TranslatedText).where(TranslatedText.key == key)) if t.body.strip()}
    chain = fallback_chain(locale, register)
    for wanted in chain:
        if wanted in variants:
            found = variants[wanted]
            return Text(found.body, found.locale, found.register, is_fallback=wanted != chain[0])
    return None


def variants(key):
    """Every (locale, register) → body, for the side-by-side editor."""
    return {(t.locale, t.register): t.body for t in db.session.scalars(
        sa.select(TranslatedText).where(TranslatedText.key == key))}


def save_variants(key, bodies):
    """Write the variants given as {(locale, register): body}; an empty body removes the variant.

    The caller commits, so that a text is saved together with what it describes."""
    existing = {(t.locale, t.register): t for t in db.session.scalars(
        sa.select(TranslatedText).where(TranslatedText.key == key))}
    for (locale, register), body in bodies.items():
        body = (body or "").strip()
        found = existing.get((locale, register))
        if not body:
            if found is not None:
                db.session.delete(found)
        elif found is None:
            db.session.add(TranslatedText(key=key, locale=locale, register=register, body=body))
        else:
            found.body = body


__all__ = ["FALC", "STANDARD", "Text", "lookup", "save_variants", "variants"]
