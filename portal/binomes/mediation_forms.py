"""The mediators' forms: the queue's filters, proposing a pair, a confirmation by phone, the
follow-up point."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from portal.binomes.forms import ConsentForm
from portal.binomes.models import ACTIVITIES, LANGUAGES, OUTCOMES, STATUSES
from portal.forms import required


def _all(label, options):
    return [SelectChoice("", label)] + [SelectChoice(key, value) for key, value in options.items()]


class QueueFilters(FlaskForm):
    """Read from the address (a plain GET form), so it carries no CSRF token. The
    neighbourhoods' choices are the town's, given by ``queue_filters``."""

    class Meta:
        csrf = False

    status = SelectField(_l("Situation"), default="", choices=_all(_l("Toutes les situations"), STATUSES))
    neighbourhood = SelectField(_l("Quartier"), default="")
    activity = SelectField(_l("Activité souhaitée"), default="", choices=_all(_l("Toutes les activités"), ACTIVITIES))
    language = SelectField(_l("Langue parlée"), default="", choices=_all(_l("Toutes les langues"), LANGUAGES))


def queue_filters(formdata, neighbourhoods):
    filters = QueueFilters(formdata)
    filters.neighbourhood.choices = _all(_l("Tous les quartiers"), {str(n.id): n.name for n in neighbourhoods})
    return filters


class ProposeForm(FlaskForm):
    candidate_id = HiddenField(validators=[required()])


class PhoneConfirmationForm(ConsentForm):
    """What the person said yes to on the phone (one unticked box per purpose, as on their own
    page), and the mediator's attestation (required and measured by ``queue.confirm_by_phone``)."""

    attestation = TextAreaField(_l("Votre attestation"))


class FollowUpForm(FlaskForm):
    outcome = RadioField(_l("Où en est le binôme ?"),
                         choices=[SelectChoice(key, label) for key, label in OUTCOMES.items()],
                         validators=[DataRequired(message=_l("Choisissez une des suites proposées."))])
