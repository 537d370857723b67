"""The demo town's texts in the languages their demo authors did not write them in.

Each domain's demo writes its texts in French (most also in English); ``portal/content/demo_translations``
holds, per language, the translation of every French standard text, keyed by that French text
so that it follows the text wherever a demo stores it. ``translate()`` runs last in the demo
load and adds the missing standard variants in every configured language that has a table."""
import importlib

import sqlalchemy as sa
from flask import current_app

from portal.content.models import STANDARD, TranslatedText
from portal.database import db


def tables():
    """{locale: {French text: translation}} for the configured languages that have a table."""
    found = {}
    for locale in current_app.config["PORTAL_LOCALES"]:
        try:
            module = importlib.import_module(f"portal.content.demo_translations.{locale}")
        except ModuleNotFoundError:
            continue  # French is the source; a language without a table shows the French
        found[locale] = module.TEXTS
    return found


def translate():
    """Add the standard variant of each French text in every language of ``tables()`` where a
    variant is still missing (the demo loads again without duplicating anything)."""
    source = current_app.config["PORTAL_LOCALES"][0]
    texts = db.session.scalars(sa.select(TranslatedText)).all()
    present = {(t.key, t.locale, t.register) for t in texts}
    for locale, table in tables().items():
        for text in texts:
            if (text.locale, text.register) != (source, STANDARD) or (text.key, locale, STANDARD) in present:
                continue
            if text.body in table:
                db.session.add(TranslatedText(key=text.key, locale=locale, register=STANDARD,
                                              body=table[text.body]))
