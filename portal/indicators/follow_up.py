"""The opt-in follow-up: a phone or an email left at the end of the questionnaire, so the date's
team takes news of the person two to four weeks later.

A contact is kept apart from the answers (left with its own form, in its own table, sharing
nothing with them but the date), used once, and deleted as soon as the follow-up is noted, or
``FOLLOW_UP_KEEP_WEEKS`` weeks after the date whatever happened. What the follow-up found is
kept as one of four words, with its date and nothing else.
"""
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from portal import clock, mail
from portal.database import db
from portal.errors import Refused
from portal.indicators import questionnaire
from portal.indicators.models import FOLLOW_UP_OUTCOMES, FollowUpContact, FollowUpOutcome
from portal.rooms.models import Occurrence
from portal.sessions.public import check_contact
from portal.volunteers.models import ACCEPTED
from portal.volunteers.operations import may_tick, serving, team_of, title_of

DUE_AFTER = timedelta(days=14)  # the guide: news at two to four weeks


def day_of(occurrence):
    return clock.local(occurrence.starts_at).date()


def keep_until(occurrence):
    """The day the contacts left after this date are forgotten, whatever happened."""
    return day_of(occurrence) + timedelta(weeks=current_app.config["FOLLOW_UP_KEEP_WEEKS"])


def leave(occurrence, contact, locale="fr", now=None):
    """Keep a phone or an email for the follow-up of that date (while its questionnaire is open)."""
    if not questionnaire.is_open(occurrence, now):
        raise Refused(_l("Ce questionnaire est fermé."))
    contact = " ".join((contact or "").split())
    if not contact:
        raise Refused(_l("Indiquez un numéro de téléphone ou une adresse e-mail."), field="contact")
    check_contact(contact)
    left = FollowUpContact(occurrence_id=occurrence.id, contact=contact, locale=locale,
                           due_on=day_of(occurrence) + DUE_AFTER, forget_on=keep_until(occurrence))
    db.session.add(left)
    db.session.commit()
    return left


# --- what tick does -------------------------------------------------------------------------

def recipients(occurrence):
    """[(email, locale)] of the volunteers who accepted to serve the date, or else its
    association's address (empty when it has none)."""
    session = questionnaire.session_of(occurrence)
    if session is not None:
        accepted = [m for m in team_of(session) if m.status == ACCEPTED]
        team = {m.user for m in serving(accepted, occurrence) if m.user.active}
        if team:
            return sorted((user.email, user.locale) for user in team)
    address = occurrence.booking.association.email
    return [(address, None)] if address else []


def _claim(contact, now):
    """Write down that the team was told before telling it; False when another run did."""
    claimed = db.session.execute(
        sa.update(FollowUpContact).where(FollowUpContact.id == contact.id, FollowUpContact.reminded_at.is_(None))
        .values(reminded_at=now), execution_options={"synchronize_session": False}).rowcount
    db.session.commit()
    return claimed == 1


def remind(now=None):
    """Tell each date's team, once, that people who answered its questionnaire are waiting for
    news (the message names nobody: it leads to the team's page). However often, and however
    concurrently, this runs. A date with nobody to tell waits, as does one whose mails all failed.
    Returns how many contacts were signalled."""
    now = clock.now() if now is None else now
    due = db.session.scalars(sa.select(FollowUpContact).where(
        FollowUpContact.due_on <= clock.local(now).date(), FollowUpContact.reminded_at.is_(None))
        .order_by(FollowUpContact.occurrence_id, FollowUpContact.id)).all()
    claimed = {}
    for contact in due:
        occurrence = db.session.get(Occurrence, contact.occurrence_id)
        if recipients(occurrence) and _claim(contact, now):
            claimed.setdefault(occurrence, []).append(contact.id)
    signalled = 0
    for occurrence, contact_ids in claimed.items():
        session = questionnaire.session_of(occurrence)
        title = title_of(session) if session is not None else occurrence.booking.purpose
        sent = [mail.send(address, "follow_up_due", locale=locale, occurrence=occurrence, title=title,
                          count=len(contact_ids))
                for address, locale in recipients(occurrence)]
        if any(sent):
            signalled += len(contact_ids)
        else:  # nobody told: the next run tries again
            db.session.execute(sa.update(FollowUpContact).where(FollowUpContact.id.in_(contact_ids))
                               .values(reminded_at=None))
            db.session.commit()
    return signalled


def forget(now=None):
    """Delete the contacts kept past their day, used or not. Returns how many."""
    today = clock.local(clock.now() if now is None else now).date()
    forgotten = db.session.execute(sa.delete(FollowUpContact).where(FollowUpContact.forget_on <= today),
                                   execution_options={"synchronize_session": False}).rowcount
    db.session.commit()
    return forgotten


# --- the team's page --------------------------------------------------------------------------

def due_for(occurrence, today=None):
    """The contacts of that date whose follow-up has come, oldest first."""
    today = clock.today() if today is None else today
    return db.session.scalars(sa.select(FollowUpContact).where(
        FollowUpContact.occurrence_id == occurrence.id, FollowUpContact.due_on <= today)
        .order_by(FollowUpContact.id)).all()


def coming_for(occurrence, today=None):
    """How many contacts of that date are not due yet (shown as a number, not as contacts)."""
    today = clock.today() if today is None else today
    return db.session.scalar(sa.select(sa.func.count()).select_from(FollowUpContact).where(
        FollowUpContact.occurrence_id == occurrence.id, FollowUpContact.due_on > today))


def note_outcome(user, occurrence, contact_id, outcome, today=None):
    """Note what a follow-up found, and delete the contact in the same commit."""
    if not may_tick(user, occurrence):
        raise Refused(_l("Seule l'équipe de cette date prend des nouvelles de ses participants."))
    if outcome not in FOLLOW_UP_OUTCOMES:
        raise Refused(_l("Choisissez une des réponses proposées."), field="outcome")
    today = clock.today() if today is None else today
    # Deleted first, and only if still there: two team mates noting it at once note it once.
    deleted = db.session.execute(sa.delete(FollowUpContact).where(
        FollowUpContact.id == contact_id, FollowUpContact.occurrence_id == occurrence.id,
        FollowUpContact.due_on <= today), execution_options={"synchronize_session": False}).rowcount
    if deleted != 1:
        db.session.rollback()
        raise Refused(_l("Ce suivi est déjà noté, ou n'est pas encore à faire."))
    outcome_row = FollowUpOutcome(occurrence_id=occurrence.id, outcome=outcome)
    db.session.add(outcome_row)
    db.session.commit()
    return outcome_row
