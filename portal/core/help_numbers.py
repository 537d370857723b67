"""National help numbers shown on the emergency page (France, free unless said otherwise).

Local numbers (CCAS, CMP, the mairie's duty line) are data the town enters, not code: staff
manage them in ``portal.resources`` and they are shown after the national ones.
"""
from dataclasses import dataclass

from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import SQLAlchemyError

from portal.content import operations as content
from portal.database import db
from portal.resources.operations import active_help_numbers


@dataclass(frozen=True)
class HelpNumber:
    number: str
    name: str
    purpose: str
    hours: str
    sms: bool = False  # can also be reached by text message
    free: bool = True
    lang: str | None = None  # the language ``purpose`` is written in, when not the page's

    @property
    def dial(self):
        return self.number.replace(" ", "")


EMERGENCIES = (
    HelpNumber("15", _l("SAMU"), _l("Urgence médicale : malaise, blessure grave, détresse vitale."),
               _l("Jour et nuit, tous les jours")),
    HelpNumber("17", _l("Police ou gendarmerie"), _l("Une personne est en danger, une violence a lieu."),
               _l("Jour et nuit, tous les jours")),
    HelpNumber("18", _l("Pompiers"), _l("Accident, incendie, danger immédiat."),
               _l("Jour et nuit, tous les jours")),
    HelpNumber("112", _l("Numéro d'urgence européen"),
               _l("Depuis n'importe quel pays d'Europe : il vous met en relation avec le bon service."),
               _l("Jour et nuit, tous les jours")),
    HelpNumber("114", _l("Urgence par SMS, visio ou tchat"),
               _l("Pour les personnes sourdes, malentendantes ou qui ne peuvent pas parler, "
                  "ou pour donner l'alerte en silence."),
               _l("Jour et nuit, tous les jours"), sms=True),
)

LISTENING = (
    HelpNumber("3114", _l("Prévention du suicide"),
               _l("Des soignants vous écoutent si vous pensez au suicide, ou si vous êtes inquiet "
                  "pour un proche."), _l("Jour et nuit, tous les jours")),
    HelpNumber("119", _l("Enfance en danger"),
               _l("Un enfant est en danger ou risque de l'être. L'appel n'apparaît pas sur les factures."),
               _l("Jour et nuit, tous les jours")),
    HelpNumber("115", _l("Hébergement d'urgence (SAMU social)"),
               _l("Une personne n'a pas d'endroit où dormir ce soir."), _l("Jour et nuit, tous les jours")),
    HelpNumber("3919", _l("Violences femmes info"),
               _l("Écoute anonyme pour les femmes victimes de violences et leurs proches."),
               _l("Jour et nuit, tous les jours")),
    HelpNumber("09 72 39 40 50", _l("SOS Amitié"),
               _l("Parler à quelqu'un quand on se sent seul ou mal. Prix d'un appel normal."),
               _l("Jour et nuit, tous les jours"), free=False),
)


def solitudecoute():
    """Solitud'écoute's hours change from time to time: the town sets them in its configuration."""
    hours = current_app.config.get("SOLITUDECOUTE_HOURS") or _l("L'après-midi et le soir (horaires à vérifier)")
    return HelpNumber("0 800 47 47 88", _l("Solitud'écoute"),
                      _l("Écoute anonyme pour les personnes de plus de 50 ans qui se sentent seules."), hours)


def listening_lines():
    return (*LISTENING, solitudecoute())


def local_lines():
    """The town's own numbers (``LocalHelpNumber``), as ``HelpNumber``s, in the town's order,
    their purposes in the reader's language and register (or the fallback's).

    The national numbers are code so that they show even when the database does not answer:
    the local ones are then left out rather than the whole page failing."""
    locale = str(get_locale())
    try:
        lines = active_help_numbers()
        purposes = content.lookup_many([line.purpose_key for line in lines], *content.shown_as())
    except SQLAlchemyError:
        db.session.rollback()
        current_app.logger.exception("Local help numbers unavailable; showing the national ones only")
        return ()
    numbers = []
    for line in lines:
        purpose = purposes[line.purpose_key]
        numbers.append(HelpNumber(line.number, line.name, purpose.body if purpose else "", line.hours,
                                  free=line.free, lang=purpose.locale if purpose and purpose.locale != locale
                                  else None))
    return tuple(numbers)


def help_number_groups():
    """(heading, numbers) in print order: emergencies, listening lines, then the town's numbers
    (a group without numbers is left out)."""
    groups = ((_l("Urgences"), EMERGENCIES), (_l("Écoute et aide"), listening_lines()),
              (_l("Numéros de la ville"), local_lines()))
    return [(heading, numbers) for heading, numbers in groups if numbers]


def poster_numbers():
    """Every number to print, in print order: the national emergency numbers, the listening
    lines, then the town's active local numbers. Each is a ``HelpNumber`` (``number``, ``dial``,
    ``name``, ``purpose``, ``hours``, ``sms``, ``free``), in the current language and register."""
    return [line for _heading, numbers in help_number_groups() for line in numbers]
