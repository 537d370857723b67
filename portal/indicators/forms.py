"""The count a team enters after a date, and the dashboard's filters."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import MonthField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from portal.formats.forms import WholeNumberField
from portal.indicators import aggregates
from portal.indicators.counts import MOST, NOTE_LENGTH, NUMBERS, ORIENTATION_COLUMNS, problems
from portal.indicators.models import ORIENTATIONS

NUMBER_MESSAGE = _l("Indiquez un nombre entier, 0 s'il n'y en a pas.")


def _number(label):
    return WholeNumberField(label, message=NUMBER_MESSAGE, default=0)


class CountForm(FlaskForm):
    """Numbers with − and + buttons (see ``adjust``), and the note. The rules are those of
    ``counts.problems``: every message shows at once, next to its field."""

    participants = _number(_l("Participants"))
    newcomers = _number(_l("Dont nouvelles personnes (venues pour la première fois)"))
    oriented_care = _number(ORIENTATIONS["care"])
    oriented_social = _number(ORIENTATIONS["social"])
    oriented_rights = _number(ORIENTATIONS["rights"])
    oriented_other = _number(ORIENTATIONS["other"])
    pairs_created = _number(_l("Binômes créés"))
    improvement_note = TextAreaField(_l("Ce qui serait à améliorer (note interne)"), default="",
                                     render_kw={"maxlength": NOTE_LENGTH})

    @property
    def orientations(self):
        return [self[column] for column in ORIENTATION_COLUMNS.values()]

    @property
    def numbers(self):
        return {name: self[name].data for name in NUMBERS}

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        for name, message in problems(self.numbers, self.improvement_note.data).items():
            if not self[name].errors:
                self[name].errors = [*self[name].errors, message]
                valid = False
        return valid

    def adjust(self, step):
        """Apply a − or + button (``step``: "participants:+1"), without saving: the numbers work
        without JavaScript, one tap at a time. A step it does not know changes nothing."""
        name, _sep, delta = step.partition(":")
        if name in NUMBERS and delta in ("+1", "-1"):
            field = self[name]
            current = field.data if isinstance(field.data, int) else 0
            field.data = min(max(current + int(delta), 0), MOST)
            field.raw_data = [str(field.data)]


class MonthInput(MonthField):
    """A month, « 2026-03 » (browsers without a month picker show a text box): our message."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Indiquez un mois sous la forme année-mois, par exemple 2026-03.")) from None


class DashboardFilters(FlaskForm):
    """Read from the address (a plain GET form), so it carries no CSRF token."""

    class Meta:
        csrf = False

    first = MonthInput(_l("Du mois"), validators=[Optional()])
    last = MonthInput(_l("Au mois (compris)"), validators=[Optional()])
    period = SelectField(_l("Colonnes"), default=aggregates.QUARTER,
                         choices=[SelectChoice(key, label) for key, label in aggregates.PERIODS.items()])
    dimension = SelectField(_l("Lignes"), default=aggregates.FORMAT,
                            choices=[SelectChoice(key, dimension.label)
                                     for key, dimension in aggregates.DIMENSIONS.items()])
    association = SelectField(_l("Association"), default="")

    def __init__(self, formdata, associations, every_one):
        """``associations``: those the reader may choose; ``every_one``: the label of no choice."""
        super().__init__(formdata)
        first, last = aggregates.default_range()
        self.first.data = self.first.data or first
        self.last.data = self.last.data or last
        self.association.choices = [SelectChoice("", every_one)] + [
            SelectChoice(str(a.id), a.name) for a in associations]

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if valid and self.last.data < self.first.data:
            self.last.errors = [_l("Choisissez un mois de fin après le mois de début.")]
            return False
        if valid and _months(self.first.data, self.last.data) > aggregates.LONGEST:
            self.last.errors = [_l("Choisissez au plus %(months)s mois.", months=aggregates.LONGEST)]
            return False
        return valid

    @property
    def chosen_association(self):
        return int(self.association.data) if self.association.data else None


def _months(first, last):
    return (last.year - first.year) * 12 + last.month - first.month + 1

