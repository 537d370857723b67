from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField, TimeField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from portal.forms import CheckboxesField, required
from portal.rooms.models import FREQUENCY_LABELS
from portal.rooms.recurrence import MAX_OCCURRENCES

DATE_MESSAGE = _l("Indiquez une date valable (jour, mois, année).")
# Far enough for any plan, near enough for date arithmetic (the day after, a series, the week's
# Monday) to stay within what Python's dates hold: 9999-12-31 and the day after was a 500.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)
TIME_MESSAGE = _l("Indiquez une heure valable, par exemple 14:30.")


class LocalDateField(DateField):
    """A date field whose "not a date" message is ours, in the person's language."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(DATE_MESSAGE) from None
        if self.data is not None and not FIRST_DAY <= self.data <= LAST_DAY:
            self.data = None
            raise ValueError(DATE_MESSAGE)


class LocalTimeField(TimeField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(TIME_MESSAGE) from None


def date_field(label, optional=False):
    # InputRequired, not DataRequired: DataRequired would hide the "not a date" message.
    presence = Optional() if optional else InputRequired(message=_l("Ce champ est obligatoire."))
    return LocalDateField(label, validators=[presence], format="%Y-%m-%d")


def time_field(label, optional=False):
    presence = Optional() if optional else InputRequired(message=_l("Ce champ est obligatoire."))
    return LocalTimeField(label, validators=[presence], format="%H:%M")


class BookingRequestForm(FlaskForm):
    association = SelectField(_l("Pour l'association"), coerce=int, validate_choice=True)
    room = SelectField(_l("Salle"), coerce=int, validate_choice=True)
    date = date_field(_l("Date (ou première date d'une série)"))
    start = time_field(_l("Heure de début"))
    end = time_field(_l("Heure de fin"))
    purpose = StringField(_l("Objet de la réservation"), validators=[required(), Length(max=200)])
    expected_attendance = IntegerField(_l("Nombre de personnes attendues"), validators=[
        required(), NumberRange(min=1, max=10000, message=_l("Indiquez un nombre entre 1 et 10 000."))])
    frequency = SelectField(_l("Répétition"), choices=[SelectChoice(k, v) for k, v in FREQUENCY_LABELS.items()], validate_choice=True)
    until = date_field(_l("Jusqu'au (inclus)"), optional=True)
    count = IntegerField(_l("Ou nombre de dates"), validators=[
        Optional(), NumberRange(min=1, max=MAX_OCCURRENCES,
                                message=_l("Une série compte de 1 à %(n)s dates.", n=MAX_OCCURRENCES))])


class DecisionForm(FlaskForm):
    occurrences = CheckboxesField(_l("Dates concernées"), coerce=int, validate_choice=True)
    reason = TextAreaField(_l("Raison (obligatoire pour un refus, transmise à l'association)"),
                           validators=[Optional(), Length(max=1000)])


class ProposalForm(FlaskForm):
    date = date_field(_l("Date proposée"))
    start = time_field(_l("Heure de début"))
    end = time_field(_l("Heure de fin"))
    reason = TextAreaField(_l("Message pour l'association"), validators=[Optional(), Length(max=1000)])


class CancelForm(FlaskForm):
    and_following = BooleanField(_l("Annuler aussi toutes les dates suivantes de la série"))
    reason = StringField(_l("Raison (facultative)"), validators=[Optional(), Length(max=200)])


class EditSeriesForm(FlaskForm):
    purpose = StringField(_l("Objet de la réservation"), validators=[required(), Length(max=200)])
    expected_attendance = IntegerField(_l("Nombre de personnes attendues"), validators=[
        required(), NumberRange(min=1, max=10000, message=_l("Indiquez un nombre entre 1 et 10 000."))])
    start = time_field(_l("Heure de début"))
    end = time_field(_l("Heure de fin"))


class ClosureForm(FlaskForm):
    target = SelectField(_l("Ce qui ferme"), validate_choice=True)
    start_date = date_field(_l("Premier jour de fermeture"))
    start_time = time_field(_l("À partir de"), optional=True)
    end_date = date_field(_l("Dernier jour de fermeture"))
    end_time = time_field(_l("Jusqu'à"), optional=True)
    reason = StringField(_l("Raison (congés, élections, travaux…)"), validators=[required(), Length(max=200)])
    confirm = BooleanField(_l("J'ai vu les réservations concernées : elles seront annulées "
                              "et leurs associations prévenues."))


class CalendarFilterForm(FlaskForm):
    """The calendar's filters: a plain GET form, so every view has a shareable address."""

    class Meta:
        csrf = False

    view = SelectField(_l("Affichage"), choices=[SelectChoice("day", _l("Jour")), SelectChoice("week", _l("Semaine")),
                                            SelectChoice("month", _l("Mois"))],
                       default="week", validate_choice=True)
    date = date_field(_l("Date"), optional=True)
    place = SelectField(_l("Lieu"), coerce=lambda v: int(v) if v not in (None, "") else None,
                        validate_choice=True)
    room = SelectField(_l("Salle"), coerce=lambda v: int(v) if v not in (None, "") else None,
                       validate_choice=True)
    capacity = IntegerField(_l("Places minimum"), validators=[
        Optional(), NumberRange(min=1, max=10000, message=_l("Indiquez un nombre entre 1 et 10 000."))])
    step_free = BooleanField(_l("Accès de plain-pied seulement"))
