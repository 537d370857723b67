"""Team forms: invite a volunteer, answer an invitation, tick an item of the checklist."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf

from portal.formats.models import ROLES
from portal.forms import required

ALL_DATES = 0


class InviteForm(FlaskForm):
    user_id = SelectField(_l("Bénévole"), coerce=int, validators=[required()])
    role = SelectField(_l("Rôle"), choices=[SelectChoice(key, label) for key, label in ROLES.items()], validators=[required()])
    occurrence_id = SelectField(_l("Dates"), coerce=int, default=ALL_DATES)


class AnswerForm(FlaskForm):
    # Sent by the button pressed: "accept" or "decline".
    decision = HiddenField(validators=[AnyOf(["accept", "decline"], message=_l("Choisissez d'accepter ou de décliner."))])


class TickForm(FlaskForm):
    item = HiddenField(validators=[required()])
    done = HiddenField(validators=[AnyOf(["1", "0"])])


class ConfirmForm(FlaskForm):
    """A button only: the form carries the CSRF token."""
