"""Forms of the questionnaire, of the follow-up and of the pages behind them, and the words of
each question (plain and easy-to-read). The forms only read what was sent: the rules
(``questionnaire.record``, ``follow_up.leave``, ``follow_up.note_outcome``) check it, so the
same messages come back however an answer arrives."""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf

from portal.forms import strip
from portal.indicators.questionnaire import ALL_RATINGS, SCALE

SCALE_CHOICES = [SelectChoice(str(n), str(n)) for n in SCALE]


@dataclass(frozen=True)
class Wording:
    """A question as the page asks it: plain, easy-to-read, and the words at both ends of its scale."""
    plain: str
    easy: str
    low: str = ""
    high: str = ""


WORDINGS = {
    "isolation": Wording(_l("En ce moment, à quel point vous sentez-vous seul·e ?"),
                         _l("En ce moment, vous vous sentez seul·e ?"),
                         _l("pas du tout seul·e"), _l("très seul·e")),
    "felt_heard": Wording(_l("Vous êtes-vous senti·e écouté·e ?"),
                          _l("Les autres vous ont écouté·e ?"),
                          _l("pas du tout"), _l("tout à fait")),
    "frame_respected": Wording(
        _l("Le cadre a-t-il été respecté : tours de parole, droit de passer son tour, pas de conseils non demandés ?"),
        _l("Les règles ont été respectées ?\nChacun parle à son tour.\nOn peut ne pas parler.\n"
           "Personne ne donne de conseil sans qu'on le demande."),
        _l("pas du tout"), _l("tout à fait")),
    "would_return": Wording(_l("Reviendriez-vous à un cercle d'écoute ?"),
                            _l("Vous voulez revenir à un cercle d'écoute ?"),
                            _l("sûrement pas"), _l("oui, sûrement")),
    "helped": Wording(_l("Qu'est-ce qui vous a aidé·e ?"), _l("Qu'est-ce qui vous a fait du bien ?")),
    "missing": Wording(_l("Qu'est-ce qui a manqué ?"), _l("Qu'est-ce qui vous a manqué ?")),
}


def rating(value):
    """A rating as sent ("7"), as a number; None when it is not one (the rule says why)."""
    return int(value) if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 2 else None


class AnswerForm(FlaskForm):
    """Drawn by hand (indicators/questionnaire/_form.html): eleven large buttons per rating."""

    moment = HiddenField()
    device = HiddenField()
    isolation = RadioField(choices=SCALE_CHOICES, validate_choice=False)
    felt_heard = RadioField(choices=SCALE_CHOICES, validate_choice=False)
    frame_respected = RadioField(choices=SCALE_CHOICES, validate_choice=False)
    would_return = RadioField(choices=SCALE_CHOICES, validate_choice=False)
    helped = TextAreaField()
    missing = TextAreaField()

    def ratings(self):
        return {question: rating(self[question].data) for question in ALL_RATINGS}


class FollowUpForm(FlaskForm):
    contact = StringField(_l("Votre téléphone ou votre adresse e-mail"), filters=[strip])


class OutcomeForm(FlaskForm):
    outcome = StringField()  # the value of the button pressed


class HideForm(FlaskForm):
    hidden = StringField(validators=[AnyOf(["1", "0"])])
