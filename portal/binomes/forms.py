"""Forms of the binômes' public side. They only read what was sent: every rule (required fields,
known keys, the consent to being matched) is checked by ``portal.binomes.queue``, so that the
same messages come back whoever signs the person up."""
import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired

from portal.binomes import queue
from portal.binomes.models import (
    ACTIVITIES, AGE_BRACKETS, ANY_PACE, CONTACT, FOLLOW_UP, GENDERS, LANGUAGES, MATCHING, NEEDS, PACES, PURPOSES)
from portal.database import record_id
from portal.forms import CheckboxesField, strip
from portal.i18n import LOCALE_NAMES, supported_locales

SLOT_VALUE = re.compile(r"^(\d)-(\d)$")


def slot_value(weekday, part):
    """How a slot's checkbox is sent: "1-0" for Tuesday morning."""
    return f"{weekday}-{part}"


def _choices(labels):
    return [SelectChoice(key, label) for key, label in labels.items()]


class AvailabilityForm(FlaskForm):
    # Drawn as a table of days and parts of the day (binomes/public/_availability.html).
    slots = SelectMultipleField(_l("Quand êtes-vous disponible ?"), validate_choice=False)

    def chosen_slots(self):
        """(weekday, part) pairs; what cannot be read is kept as (-1, -1) for the rules to refuse."""
        found = [SLOT_VALUE.match(value or "") for value in self.slots.data or []]
        return [(int(m.group(1)), int(m.group(2))) if m else (-1, -1) for m in found]


class PersonForm(AvailabilityForm):
    """What matching needs, asked the same way of the person and of whoever signs them up."""

    first_name = StringField(_l("Prénom ou pseudonyme"), filters=[strip])
    contact = StringField(_l("Téléphone ou adresse e-mail"), filters=[strip])
    neighbourhood = SelectField(_l("Quartier"), validate_choice=False)
    activities = CheckboxesField(_l("Ce que vous aimeriez faire à deux"), choices=_choices(ACTIVITIES),
                                 validate_choice=False)
    languages = CheckboxesField(_l("Les langues que vous parlez"), choices=_choices(LANGUAGES), validate_choice=False)
    needs = CheckboxesField(_l("Vos besoins (facultatif)"), choices=_choices(NEEDS), validate_choice=False)
    pace = RadioField(_l("Votre rythme de marche"), choices=_choices(PACES), default=ANY_PACE, validate_choice=False)
    age_bracket = SelectField(_l("Votre âge (facultatif)"), validate_choice=False, default="",
                              choices=[SelectChoice("", _l("Je préfère ne pas le dire")), *_choices(AGE_BRACKETS)])
    gender = RadioField(_l("Vous êtes (facultatif)"), default="", validate_choice=False,
                        choices=[SelectChoice("", _l("Je préfère ne pas le dire")), *_choices(GENDERS)])
    buddy_gender = RadioField(_l("Vous préférez un binôme qui est (facultatif)"), default="", validate_choice=False,
                              choices=[SelectChoice("", _l("Peu importe")), *_choices(GENDERS)])

    def fill_neighbourhoods(self):
        self.neighbourhood.choices = [SelectChoice("", _l("Choisissez votre quartier"))] + [
            SelectChoice(str(n.id), n.name) for n in queue.neighbourhoods()]
        return self

    def person_values(self):
        """The keyword arguments of ``queue.sign_up`` this form gives."""
        neighbourhood = self.neighbourhood.data or ""
        return {"first_name": self.first_name.data, "contact_kind": queue.contact_kind_of(self.contact.data),
                "contact": self.contact.data,
                "neighbourhood_id": record_id(neighbourhood),
                "activities": self.activities.data or [], "slots": self.chosen_slots(),
                "languages": self.languages.data or [], "needs": self.needs.data or [],
                "pace": self.pace.data or "", "age_bracket": self.age_bracket.data or "",
                "gender": self.gender.data or "", "buddy_gender": self.buddy_gender.data or ""}


class ConsentForm(FlaskForm):
    """One unticked box per purpose."""

    consent_matching = BooleanField(PURPOSES[MATCHING])
    consent_contact = BooleanField(PURPOSES[CONTACT])
    consent_follow_up = BooleanField(PURPOSES[FOLLOW_UP])

    def consents(self):
        return {purpose: bool(self[f"consent_{purpose}"].data) for purpose in PURPOSES}


class SignUpForm(PersonForm, ConsentForm):
    """The person signs up alone."""


class SignUpForSomeoneForm(PersonForm):
    """A volunteer or a mediator signs a person up, who confirms later (no consent here)."""

    asked = BooleanField(_l("La personne m'a demandé de l'inscrire, et elle sait qu'elle devra confirmer."),
                         validators=[DataRequired(message=_l("Cochez cette case : on inscrit seulement une "
                                                             "personne qui l'a demandé."))])
    locale = SelectField(_l("Langue des messages pour la personne"), validate_choice=False)

    def fill_locales(self):
        self.locale.choices = [SelectChoice(code, LOCALE_NAMES[code]) for code in supported_locales()]
        return self


class AnswerForm(FlaskForm):
    pair = HiddenField()
    # Sent by the button pressed.
    decision = HiddenField(validators=[AnyOf(["accept", "decline"], message=_l("Choisissez oui ou non."))])


class ButtonForm(FlaskForm):
    """A button only (pause, resume, end the pair, leave): the form carries the CSRF token."""
