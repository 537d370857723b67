"""The side-by-side editor of translated texts, for any form of any domain.

A form gets, for each *named text* (``"rules"``, ``"purpose"``…), one text area per configured
locale and register, named ``{name}_{locale}_{register}`` (``rules_en_falc``), each with a
checkbox ``{name}_{locale}_{register}_reviewed``: "read by people concerned". Usage::

    form = with_texts(FormatForm, "purpose", "rules")(obj=item, **stored("purpose", item.purpose_key),
                                                      **stored("rules", item.rules_key))
    if submitted(form, lambda: save(...)):   # in the operation:
        content.save_variants(key, bodies_from(form, "purpose"), reviews_from(form, "purpose"), by=actor)
    render(..., purpose=editor(form, "purpose", item.purpose_key))

and in the template ``{% from "content/_variants.html" import variants %}`` then
``{{ variants(purpose, _("But de la rencontre")) }}``: a fieldset per text, a column per variant,
the easy-to-read columns marked and checked as staff type (see ``portal.content.easy_read``).
"""
import json
from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, TextAreaField
from wtforms.validators import Length, Optional

from portal.content import easy_read
from portal.content import operations as content
from portal.content.models import FALC
from portal.i18n import LOCALE_NAMES, text_direction

MAX_LENGTH = 5000
REVIEWED = "reviewed"


def field_name(name, locale, register):
    """The text area of one variant: ``rules_en_falc``."""
    return f"{name}_{locale}_{register}"


def review_field_name(name, locale, register):
    return f"{field_name(name, locale, register)}_{REVIEWED}"


def variant_of_field(field):
    """(locale, register) of a text area named by ``field_name``, or None."""
    for locale, register in content.all_variants():
        if field.endswith(f"_{locale}_{register}"):
            return locale, register
    return None


def variant_label(locale, register):
    """The column heading: the language named in itself, and the register."""
    language = LOCALE_NAMES.get(locale, locale)
    if register == FALC:
        return _l("%(language)s, facile à lire et à comprendre (FALC)", language=language)
    return _l("%(language)s, version courante", language=language)


def _easy_read_attributes(field):
    """An easy-to-read text area posts itself to the checker as staff type (htmx, debounced);
    the answer fills the panel drawn under it by the ``variants`` macro."""
    return {"hx-post": url_for("content.easy_read"), "hx-trigger": "input changed delay:500ms",
            "hx-target": f"#{field}-easy-read", "hx-swap": "innerHTML", "hx-sync": "this:replace",
            "hx-vals": json.dumps({"field": field}), "hx-params": f"field,{field}"}


def with_texts(form_class, *names, max_length=MAX_LENGTH):
    """A subclass of ``form_class`` with the variants of each named text. Built per request
    (the configured locales and the checker's address are only known there); the form takes
    no ``prefix``, the panels finding their text area by its name."""

    class Form(form_class):
        pass

    for name in names:
        for locale, register in content.all_variants():
            attributes = {"lang": locale, "dir": text_direction(locale)}
            if register == FALC:
                attributes.update(_easy_read_attributes(field_name(name, locale, register)))
            setattr(Form, field_name(name, locale, register), TextAreaField(
                variant_label(locale, register), validators=[Optional(), Length(max=max_length)],
                render_kw=attributes))
            setattr(Form, review_field_name(name, locale, register),
                    BooleanField(_l("Relu par des personnes concernées")))
    return Form


def stored(name, key):
    """The stored variants of ``key`` as keyword arguments filling the form's ``name`` text
    (a form built from posted data ignores them)."""
    values = {}
    for (locale, register), text in content.records(key).items():
        values[field_name(name, locale, register)] = text.body
        values[review_field_name(name, locale, register)] = text.reviewed
    return values


def bodies_from(form, name):
    """{(locale, register): body} as ``content.save_variants`` takes it."""
    return {(locale, register): form[field_name(name, locale, register)].data or ""
            for locale, register in content.all_variants()}


def reviews_from(form, name):
    """{(locale, register): ticked} as ``content.save_variants`` takes it."""
    return {(locale, register): bool(form[review_field_name(name, locale, register)].data)
            for locale, register in content.all_variants()}


@dataclass(frozen=True)
class Column:
    locale: str
    register: str
    body: object  # the text area
    reviewed: object  # its checkbox
    record: object  # the stored TranslatedText, or None: who marked it reviewed, and when
    easy_read: object  # for FALC columns, the easy-read report on the text as shown

    @property
    def falc(self):
        return self.register == FALC


def editor(form, name, key=None):
    """The columns the ``variants`` macro draws for the text ``name`` of ``form``; ``key``
    names the stored text (None for a new one)."""
    stored_records = content.records(key) if key else {}
    columns = []
    for locale, register in content.all_variants():
        body = form[field_name(name, locale, register)]
        falc = register == FALC
        columns.append(Column(locale, register, body, form[review_field_name(name, locale, register)],
                              stored_records.get((locale, register)),
                              easy_read.report(body.data, locale) if falc else None))
    return columns
