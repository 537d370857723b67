from babel import Locale
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, NumberRange, Optional

from portal.forms import CheckboxesField, required
from portal.i18n import text_direction
from portal.rooms.forms import date_field, time_field
from portal.rooms.models import FREQUENCY_LABELS
from portal.rooms.recurrence import MAX_OCCURRENCES
from portal.sessions.models import ADMISSION_LABELS, COST_LABELS
from portal.sessions.texts import MAX_LENGTHS, target_locales

# The opening the planner suggests (step 4): about two minutes read aloud.
OPENING_SUGGESTION = _l(
    "Bonjour et bienvenue. Je m'appelle …, je fais partie de l'association ….\n"
    "Ici, chacun parle s'il le souhaite, et personne n'est obligé de dire quoi que ce soit.\n"
    "Ce qui se dit ici reste ici. On s'écoute sans se couper et sans juger.\n"
    "On peut partir à tout moment. Si ça ne va pas, vous pouvez venir me voir, "
    "ou voir … : nous sommes là pour ça.\n"
    "Les numéros d'aide sont affichés près de la porte.\n"
    "La rencontre dure … et finit à … heures. Pour commencer, chacun peut dire son prénom, s'il le veut.")


class StartForm(FlaskForm):
    association = SelectField(_l("Pour l'association"), coerce=int, validate_choice=True)
    format = RadioField(_l("Format de la rencontre"), coerce=int, validate_choice=True,
                        validators=[required()])


class PlaceForm(FlaskForm):
    room = RadioField(_l("Salle"), coerce=int, validate_choice=True, validators=[required()])


def people_field(label):
    return IntegerField(label, validators=[required(), NumberRange(min=1, max=500, message=_l(
        "Indiquez un nombre entre 1 et 500."))])


class DefineForm(FlaskForm):
    title = StringField(_l("Titre de la rencontre"), validators=[required(), Length(max=120)])
    objective = StringField(_l("Objectif concret"), validators=[required(), Length(max=300)])
    max_participants = people_field(_l("Nombre maximum de participants"))
    duration = IntegerField(_l("Durée (en minutes)"), validators=[required(), NumberRange(
        min=15, max=8 * 60, message=_l("Indiquez une durée entre 15 et 480 minutes."))])
    date = date_field(_l("Date (ou première date d'une série)"))
    start = time_field(_l("Heure de début"))
    frequency = SelectField(_l("Répétition"), choices=[SelectChoice(k, v) for k, v in FREQUENCY_LABELS.items()],
                            validate_choice=True)
    until = date_field(_l("Jusqu'au (inclus)"), optional=True)
    count = IntegerField(_l("Ou nombre de dates"), validators=[
        Optional(), NumberRange(min=1, max=MAX_OCCURRENCES,
                                message=_l("Une série compte de 1 à %(n)s dates.", n=MAX_OCCURRENCES))])
    # What the public page and the poster say about coming.
    admission = RadioField(_l("Venir à la rencontre"), choices=[SelectChoice(k, v) for k, v in ADMISSION_LABELS.items()],
                           validate_choice=True, validators=[required()])
    cost = RadioField(_l("Prix"), choices=[SelectChoice(k, v) for k, v in COST_LABELS.items()],
                      validate_choice=True, validators=[required()])
    fee = StringField(_l("Montant demandé"), validators=[Length(max=60)])
    with_relative = BooleanField(_l("On peut venir avec un proche"))


class CharterForm(FlaskForm):
    additions = TextAreaField(_l("Ajouts locaux à la charte (facultatif)"), validators=[Length(max=2000)])
    accepted = BooleanField(_l("Charte acceptée : l'équipe la lira en ouverture et la fera respecter"))


class PrepareForm(FlaskForm):
    opening_script = TextAreaField(_l("Texte d'ouverture (2 minutes)"), validators=[required(), Length(max=3000)])
    closing_instructions = TextAreaField(_l("Consignes de clôture"), validators=[required(), Length(max=2000)])


class PreventForm(FlaskForm):
    referent_name = StringField(_l("Nom de la personne référente"), validators=[required(), Length(max=120)])
    referent_phone = StringField(_l("Son téléphone, joignable pendant la rencontre"),
                                 validators=[required(), Length(max=40)])
    escalation_additions = TextAreaField(_l("Ajouts au plan en cas de détresse (facultatif)"),
                                         validators=[Length(max=2000)])
    numbers_posted = BooleanField(_l("Les numéros d'aide seront affichés dans la salle"))


class OrientForm(FlaskForm):
    resources = CheckboxesField(_l("Ressources locales à proposer aux participants"), coerce=int,
                                validate_choice=True)
    courtesy_call = BooleanField(_l("Proposer un appel de courtoisie quelques jours après"))
    questionnaire = BooleanField(_l("Proposer le court questionnaire de fin de rencontre"))


FORMS = {"lieu": PlaceForm, "definir": DefineForm, "charte": CharterForm, "preparer": PrepareForm,
         "prevenir": PreventForm, "orienter": OrientForm}


def field_of(field, locale):
    """The input of one translation: ``title_en``."""
    return f"{field}_{locale}"


def translations_form():
    """The title and objective in each language but French, each input marked with its
    language and direction. Built per request: the labels name the languages in the page's."""

    class TranslationsForm(FlaskForm):
        pass

    for locale in target_locales():
        language = Locale.parse(locale).get_display_name(str(get_locale()))
        labels = {"title": _l("Titre en %(language)s", language=language),
                  "objective": _l("Objectif en %(language)s", language=language)}
        for field, label in labels.items():
            setattr(TranslationsForm, field_of(field, locale), StringField(
                label, validators=[Length(max=MAX_LENGTHS[field],
                                          message=_l("%(n)s caractères au plus.", n=MAX_LENGTHS[field]))],
                render_kw={"lang": locale, "dir": text_direction(locale)}))
    return TranslationsForm
