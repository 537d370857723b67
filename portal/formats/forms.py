"""The public list's filters, and the form staff use to add or change a format."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SearchField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from portal.content.forms import bodies_from, reviews_from, stored, with_texts
from portal.forms import CheckboxesField
from portal.formats.models import KINDS, ROLES, TEXTS
from portal.formats.operations import DURATIONS, MAX_DURATION, MAX_PEOPLE

PEOPLE_MESSAGE = _l("Indiquez un nombre de personnes entre 1 et %(most)s.", most=MAX_PEOPLE)


class WholeNumberField(IntegerField):
    """A number field whose "not a number" message is ours, in the person's language."""

    def __init__(self, label=None, validators=None, message=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.message = message

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(self.message) from None


def whole_number(label, message, optional=False, most=MAX_PEOPLE):
    presence = Optional() if optional else InputRequired(message=_l("Ce champ est obligatoire."))
    return WholeNumberField(label, [presence, NumberRange(min=1, max=most, message=message)], message=message)


class FilterForm(FlaskForm):
    """Read from the address (a plain GET form), so it carries no CSRF token."""

    class Meta:
        csrf = False

    q = SearchField(_l("Chercher un format"), validators=[Optional(), Length(max=100)])
    duration = SelectField(_l("Durée"), default="", choices=[SelectChoice("", _l("Toutes les durées"))] + [
        SelectChoice(key, label) for key, (label, _least, _most) in DURATIONS.items()])
    people = whole_number(_l("Pour combien de personnes ?"), PEOPLE_MESSAGE, optional=True)
    kind = SelectField(_l("Type"), default="", choices=[SelectChoice("", _l("Parler ou faire ensemble"))] + [
        SelectChoice(key, label) for key, label in KINDS.items()])


class FormatForm(FlaskForm):
    """The format's facts. Its texts are added per (field, locale, register) by ``format_form``."""

    slug = StringField(_l("Adresse de la page"), validators=[Optional(), Length(max=80)])
    kind = SelectField(_l("Type"), choices=[SelectChoice(k, v) for k, v in KINDS.items()])
    duration = whole_number(_l("Durée (en minutes)"), _l("Indiquez une durée en minutes, entre 1 et %(most)s.",
                                                             most=MAX_DURATION), most=MAX_DURATION)
    group_min = whole_number(_l("Nombre minimum de personnes"), PEOPLE_MESSAGE)
    group_max = whole_number(_l("Nombre maximum de personnes"), PEOPLE_MESSAGE)
    roles = CheckboxesField(_l("Rôles nécessaires"), choices=[SelectChoice(k, v) for k, v in ROLES.items()])
    needs_calm = BooleanField(_l("Salle calme"))
    needs_step_free = BooleanField(_l("Accès de plain-pied"))
    outdoor_start = BooleanField(_l("Départ en extérieur"))



def format_form(fmt):
    """The form for ``fmt`` with its texts side by side (one text area per language and
    register), filled from ``fmt`` unless the request posted data."""
    values = {}
    if fmt.id is not None:
        values["roles"] = fmt.roles
        for field in TEXTS:
            values.update(stored(field, fmt.text_key(field)))
    return with_texts(FormatForm, *TEXTS)(obj=fmt, **values)


def texts_from(form):
    """({field: {(locale, register): body}}, {field: {(locale, register): reviewed}})."""
    return ({field: bodies_from(form, field) for field in TEXTS},
            {field: reviews_from(form, field) for field in TEXTS})
