"""Forms staff use to manage places and rooms.

The opening hours are plain time inputs, ``INTERVALS_PER_DAY`` per weekday, so the editor
works without JavaScript. Their names come from ``manage.hours_field`` so that a refusal
from the rules lands next to the right input. A place's directions and a room's rules of use
are translated texts, edited side by side (``portal.content.forms``).
"""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField, TimeField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, NumberRange, Optional

from portal.content import forms as texts
from portal.forms import required
from portal.rooms.manage import DIRECTIONS, RULES, hours_field
from portal.rooms.models import PLACE_KINDS

INTERVALS_PER_DAY = 2
TIME_MESSAGE = _l("Indiquez une heure valable, par exemple 14:30.")
SLOT_NAMES = (_l("premier horaire"), _l("second horaire"))


class PlaceForm(FlaskForm):
    name = StringField(_l("Nom du lieu"), validators=[required(), Length(max=160)])
    kind = SelectField(_l("Type de lieu"), choices=[SelectChoice(k, v) for k, v in PLACE_KINDS.items()],
                       validate_choice=True)
    address = StringField(_l("Adresse"), validators=[required(), Length(max=255)])
    neighbourhood = StringField(_l("Quartier"), validators=[Optional(), Length(max=80)])


class RoomForm(FlaskForm):
    name = StringField(_l("Nom de la salle"), validators=[required(), Length(max=120)])
    capacity = IntegerField(_l("Nombre de places"), validators=[
        required(), NumberRange(min=1, max=10000, message=_l("Indiquez un nombre entre 1 et 10 000."))])
    step_free = BooleanField(_l("Accès de plain-pied (sans marche, ou avec rampe ou ascenseur)"))
    accessible_toilets = BooleanField(_l("Toilettes accessibles en fauteuil roulant"))
    hearing_loop = BooleanField(_l("Boucle magnétique pour les personnes malentendantes"))
    calm = BooleanField(_l("Salle calme (peu de bruit, lumière douce)"))
    equipment = TextAreaField(_l("Équipement"), validators=[Optional(), Length(max=2000)])
    contact = StringField(_l("Contact sur place"), validators=[Optional(), Length(max=255)])


def _time_field(label):
    return TimeField(label, validators=[Optional()], format="%H:%M", invalid_value_message=TIME_MESSAGE)


for _day in range(7):
    for _slot in range(INTERVALS_PER_DAY):
        setattr(RoomForm, hours_field(_day, _slot, "opens"),
                _time_field(_l("Ouverture (%(slot)s)", slot=SLOT_NAMES[_slot])))
        setattr(RoomForm, hours_field(_day, _slot, "closes"),
                _time_field(_l("Fermeture (%(slot)s)", slot=SLOT_NAMES[_slot])))


def place_form(place):
    """A place form with its directions side by side in every language and register, filled
    from ``place`` unless the request posted data."""
    stored = texts.stored(DIRECTIONS, place.directions_key) if place.id is not None else {}
    return texts.with_texts(PlaceForm, DIRECTIONS, max_length=2000)(obj=place, **stored)


def room_form(room=None, **kwargs):
    """A room form with its rules side by side in every language and register, filled from
    ``room`` (its fields, opening hours and rules) unless the request posted data."""
    if room is not None and room.id is not None:
        for day in range(7):
            for slot, (opens, closes) in enumerate(room.hours_on(day)[:INTERVALS_PER_DAY]):
                kwargs[hours_field(day, slot, "opens")] = opens
                kwargs[hours_field(day, slot, "closes")] = closes
        kwargs.update(texts.stored(RULES, room.rules_key))
    return texts.with_texts(RoomForm, RULES)(obj=room, **kwargs)


def hours_from(form):
    """{weekday: [(opens, closes), …]} as ``manage.check_hours`` reads it."""
    return {day: [(form[hours_field(day, slot, "opens")].data, form[hours_field(day, slot, "closes")].data)
                  for slot in range(INTERVALS_PER_DAY)] for day in range(7)}


def hours_fields(form, day):
    """The (opens, closes) fields of a weekday, slot by slot, for the template."""
    return [(form[hours_field(day, slot, "opens")], form[hours_field(day, slot, "closes")])
            for slot in range(INTERVALS_PER_DAY)]

