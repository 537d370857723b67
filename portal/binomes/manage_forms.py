"""Forms staff use for the binômes: a neighbourhood and its centre, and the charter's texts."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FloatField, StringField
from wtforms.validators import InputRequired, Length, NumberRange
from wtforms.widgets import TextInput

from portal.content.forms import stored, with_texts
from portal.forms import required

LATITUDE_MESSAGE = _l("Indiquez une latitude entre -90 et 90, par exemple 47,39.")
LONGITUDE_MESSAGE = _l("Indiquez une longitude entre -180 et 180, par exemple 0,69.")
CHARTER = "charter"  # the name of the charter's translated text in its form


class CoordinateField(FloatField):
    """A decimal number typed the French way (« 47,39 ») or the English way (« 47.39 »), whose
    "not a number" message is ours, in the person's language. A text input: a number input would
    send nothing at all for a comma its browser's language does not expect."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, message=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.message = message

    def process_formdata(self, valuelist):
        try:
            super().process_formdata([value.strip().replace(",", ".") for value in valuelist])
        except ValueError:
            raise ValueError(self.message) from None


def coordinate(label, most, message):
    return CoordinateField(label, [InputRequired(message=message), NumberRange(min=-most, max=most, message=message)],
                           message=message, render_kw={"inputmode": "decimal"})


class NeighbourhoodForm(FlaskForm):
    name = StringField(_l("Nom du quartier"), validators=[required(), Length(max=80)])
    latitude = coordinate(_l("Latitude du centre"), 90, LATITUDE_MESSAGE)
    longitude = coordinate(_l("Longitude du centre"), 180, LONGITUDE_MESSAGE)


def charter_form(charter):
    """The charter's text in every language and register, side by side, filled with the
    ``charter`` version's texts (None: none published yet) unless the request posted data."""
    values = stored(CHARTER, charter.text_key) if charter is not None else {}
    return with_texts(FlaskForm, CHARTER)(**values)
