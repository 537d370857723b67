"""What a team counts after a date, in a few taps: participants, newcomers, orientations offered
by kind, pairs created, and the internal note "what to improve" (read by the association and
staff only). One count per date, which the team may correct; who saved it last, and when, is kept.
"""
from flask_babel import lazy_gettext as _l

from portal import clock
from portal.database import db
from portal.errors import Refused
from portal.indicators.models import CARE, OTHER, RIGHTS, SOCIAL, OccurrenceCount
from portal.roles import MANAGERS
from portal.rooms.models import APPROVED
from portal.volunteers.operations import may_tick

# A count above this is more likely a slip of the finger than a meeting: it is refused with a
# message, so the team checks it (a meeting gathers a dozen people, rarely a hundred).
MOST = 500
NOTE_LENGTH = 2000

# The count's column for each kind of orientation offered.
ORIENTATION_COLUMNS = {CARE: "oriented_care", SOCIAL: "oriented_social", RIGHTS: "oriented_rights",
                       OTHER: "oriented_other"}
# Every number of a count, in the order the form asks them.
NUMBERS = ("participants", "newcomers", *ORIENTATION_COLUMNS.values(), "pairs_created")


# --- who ------------------------------------------------------------------------------------

def may_record(user, occurrence):
    """The team serving the date, and the members of its association (as for its checklist)."""
    return may_tick(user, occurrence)


def may_read(user, occurrence):
    """Those who record it, and staff (who read the internal note, never change the count)."""
    return may_record(user, occurrence) or user.has_role(*MANAGERS)


def has_started(occurrence, now=None):
    return occurrence.starts_at <= (clock.now() if now is None else now)


def not_countable(occurrence, now=None):
    """Why the date cannot be counted (yet), or None: it must have taken place."""
    if occurrence.status != APPROVED:
        return _l("Cette date n'a pas eu lieu (elle n'a pas été approuvée, ou a été annulée) : "
                  "il n'y a rien à compter.")
    if not has_started(occurrence, now):
        return _l("Le bilan se saisit une fois la rencontre commencée : revenez après son début.")
    return None


# --- the count --------------------------------------------------------------------------------

def count_of(occurrence):
    return db.session.get(OccurrenceCount, occurrence.id)


def problems(numbers, note=""):
    """{field: message} of what cannot be right in a count (``numbers``: {field: int or None}).
    The form shows them all at once; ``record`` refuses on the first."""
    found = {}
    for name in NUMBERS:
        value = numbers.get(name)
        if value is None:
            found[name] = _l("Indiquez un nombre (0 s'il n'y en a pas).")
        elif value < 0:
            found[name] = _l("Un nombre ne peut pas être négatif : indiquez 0 ou plus.")
        elif value > MOST:
            found[name] = _l("Plus de %(most)s ? Vérifiez ce nombre : c'est beaucoup pour une rencontre.",
                             most=MOST)
    participants, newcomers = numbers.get("participants"), numbers.get("newcomers")
    if "newcomers" not in found and "participants" not in found and newcomers > participants:
        found["newcomers"] = _l("Il ne peut pas y avoir plus de nouvelles personnes (%(newcomers)s) que de "
                                "participants (%(participants)s).", newcomers=newcomers, participants=participants)
    if len(note or "") > NOTE_LENGTH:
        found["improvement_note"] = _l("La note ne peut pas dépasser %(most)s caractères.", most=NOTE_LENGTH)
    return found


def record(user, occurrence, numbers, note="", now=None):
    """Save the date's count (a first one, or a correction): ``numbers`` is {field: int} for
    every field of NUMBERS, ``note`` what to improve."""
    if not may_record(user, occurrence):
        raise Refused(_l("Seule l'équipe de cette date, ou son association, saisit son bilan."))
    reason = not_countable(occurrence, now)
    if reason:
        raise Refused(reason)
    for field, message in problems(numbers, note).items():
        raise Refused(message, field=field)
    count = count_of(occurrence) or OccurrenceCount(occurrence_id=occurrence.id)
    for name in NUMBERS:
        setattr(count, name, numbers[name])
    count.improvement_note = (note or "").strip()
    count.recorded_by_id = user.id
    count.recorded_at = clock.now() if now is None else now
    db.session.add(count)
    db.session.commit()
    return count
