"""Forms staff use to manage local resources and the town's help numbers."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import Email, Length, NumberRange, Optional, Regexp, URL

from portal.content import forms as texts
from portal.forms import CheckboxesField, required, strip
from portal.resources.models import CATEGORIES, LANGUAGES, language_label
from portal.resources.operations import WEBSITE_MESSAGE

DESCRIPTION = "description"  # the translated texts' names in the forms
PURPOSE = "purpose"
PHONE = Regexp(r"^\+?[0-9][0-9 .\-]{1,38}$",
               message=_l("Indiquez un numéro de téléphone avec des chiffres, par exemple 02 00 00 00 00."))


def kind_choices():
    """The kinds grouped by category (rendered as option groups)."""
    return {str(label): list(kinds.items()) for label, kinds in CATEGORIES.values()}


class ResourceForm(FlaskForm):
    name = StringField(_l("Nom"), validators=[required(), Length(max=160)], filters=[strip])
    kind = SelectField(_l("Type de ressource"), validate_choice=True)
    address = StringField(_l("Adresse"), validators=[Optional(), Length(max=255)])
    neighbourhood = StringField(_l("Quartier"), validators=[Optional(), Length(max=80)])
    hours = TextAreaField(_l("Horaires"), validators=[Optional(), Length(max=1000)])
    phone = StringField(_l("Téléphone"), validators=[Optional(), PHONE], filters=[strip])
    email = StringField(_l("Adresse e-mail"), filters=[strip], validators=[
        Optional(), Length(max=254),
        Email(message=_l("Cette adresse e-mail n'est pas valable."), check_deliverability=False)])
    website = StringField(_l("Site internet"), filters=[strip], validators=[
        Optional(), Length(max=255),
        URL(require_tld=True, message=WEBSITE_MESSAGE)])
    step_free = BooleanField(_l("Accès de plain-pied (sans marche, ou avec rampe ou ascenseur)"))
    accessible_toilets = BooleanField(_l("Toilettes accessibles en fauteuil roulant"))
    hearing_loop = BooleanField(_l("Boucle magnétique pour les personnes malentendantes"))
    sign_language = BooleanField(_l("Accueil en langue des signes française (LSF)"))
    accessibility_notes = TextAreaField(_l("Autres informations d'accessibilité"),
                                        validators=[Optional(), Length(max=1000)])
    languages = CheckboxesField(_l("Langues parlées à l'accueil"))
    in_kit = BooleanField(_l("Imprimer sur la fiche ressources locales du kit de rencontre"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = kind_choices()
        self.languages.choices = [(code, language_label(code)) for code in LANGUAGES]


class HelpNumberForm(FlaskForm):
    name = StringField(_l("Nom du service"), validators=[required(), Length(max=120)], filters=[strip])
    number = StringField(_l("Numéro"), validators=[required(), PHONE], filters=[strip])
    hours = StringField(_l("Horaires"), validators=[Optional(), Length(max=160)])
    free = BooleanField(_l("Appel gratuit"))
    position = IntegerField(_l("Ordre d'affichage"), default=0, validators=[
        Optional(), NumberRange(min=0, max=999, message=_l("Indiquez un nombre entre 0 et 999."))])



def resource_form(resource):
    """The resource form with its description's variants side by side (``portal.content.forms``),
    filled from ``resource`` unless the request posted data."""
    form_class = texts.with_texts(ResourceForm, DESCRIPTION, max_length=2000)
    if resource.id is None:
        return form_class()
    return form_class(obj=resource, **texts.stored(DESCRIPTION, resource.description_key))


def help_number_form(line):
    """The help number form with what the number is for in every language, side by side."""
    form_class = texts.with_texts(HelpNumberForm, PURPOSE, max_length=255)
    if line.id is None:
        return form_class()
    return form_class(obj=line, **texts.stored(PURPOSE, line.purpose_key))
