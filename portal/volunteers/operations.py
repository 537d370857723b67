"""Team rules: who may be invited, what is missing, what a volunteer serves, what they are told,
and the reminders ``tick`` sends once."""
from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from portal import clock, mail
from portal.auth.models import User
from portal.associations.models import Membership
from portal.database import db
from portal.errors import Refused
from portal.formats.models import ROLES
from portal.roles import Role
from portal.rooms import feeds
from portal.rooms.operations import dates_changed
from portal.rooms.models import APPROVED, PENDING, Booking, Occurrence
from portal.sessions import operations as sessions
from portal.sessions.models import Session
from portal.volunteers.models import (ACCEPTED, CANCELLED, DECLINED, INVITED, MOVED, REFERENT, ChecklistTick,
                                      PlanningFeed, SentReminder, TeamMember, TeamNotice)

# Dates a team prepares for: approved ones, and those still waiting for the rooms' approval.
PREPARED = (PENDING, APPROVED)
REMINDER_AHEAD = timedelta(hours=48)
REFERENT_CHECK_AHEAD = timedelta(days=7)
REMINDER, MISSING_REFERENT = "reminder_48h", "missing_referent"


# --- who may do what ---------------------------------------------------------------------------

def manages(user, session):
    """The members of the session's association (with the association role) run its team."""
    return sessions.editable_by(session, user)


def volunteers_of(association_id):
    """The association's members who hold the volunteer role: the people it may invite."""
    members = db.session.scalars(sa.select(Membership).where(Membership.association_id == association_id)).all()
    return sorted((m.user for m in members if m.user.active and m.user.has_role(Role.VOLUNTEER)),
                  key=lambda u: u.name.lower())


def first_name(user):
    return user.name.split()[0] if user.name.strip() else ""


def title_of(session):
    return session.title or _l("Séance n°%(n)s", n=session.id)


# --- dates and team ----------------------------------------------------------------------------

def occurrences_of(session, statuses=PREPARED, after=None):
    """The session's dates (the occurrences of the bookings it asked for), from ``after`` on."""
    query = (sa.select(Occurrence).join(Booking).where(Booking.session_id == session.id,
                                                        Occurrence.status.in_(statuses))
             .order_by(Occurrence.starts_at))
    if after is not None:
        query = query.where(Occurrence.starts_at >= after)
    return db.session.scalars(query).unique().all()


def team_of(session):
    return db.session.scalars(sa.select(TeamMember).where(TeamMember.session_id == session.id)
                              .order_by(TeamMember.occurrence_id.is_not(None), TeamMember.role,
                                        TeamMember.invited_at)).unique().all()


def serving(members, occurrence):
    """The members of ``members`` who serve ``occurrence``: on every date, or on that one."""
    return [m for m in members if m.occurrence_id in (None, occurrence.id)]


def needed_roles(session):
    """The roles of the session's format, and always a referent (the guide asks for one)."""
    wanted = set(session.format.roles if session.format else ()) | {REFERENT}
    return [role for role in ROLES if role in wanted]


@dataclass
class Gap:
    occurrence: Occurrence
    missing: list  # role keys

    @property
    def labels(self):
        return [ROLES[role] for role in self.missing]


def gaps(session, members=None, coming=None):
    """Per coming date, the needed roles nobody has accepted yet. ``members`` and ``coming`` (the
    session's coming dates) are read when not given."""
    members = team_of(session) if members is None else members
    coming = occurrences_of(session, after=clock.now()) if coming is None else coming
    accepted = [m for m in members if m.status == ACCEPTED]
    found = []
    for occurrence in coming:
        filled = {m.role for m in serving(accepted, occurrence)}
        missing = [role for role in needed_roles(session) if role not in filled]
        if missing:
            found.append(Gap(occurrence, missing))
    return found


def invite(actor, session, user, role, occurrence=None):
    """Invite one of the association's volunteers to every date of the session, or to one."""
    if not manages(actor, session):
        raise Refused(_l("Seuls les membres de l'association de cette séance composent son équipe."))
    if role not in ROLES:
        raise Refused(_l("Choisissez un rôle dans la liste."), field="role")
    if user is None or user not in volunteers_of(session.association_id):
        raise Refused(_l("Choisissez un ou une bénévole de l'association."), field="user_id")
    if occurrence is not None and occurrence.booking.session_id != session.id:
        raise Refused(_l("Cette date n'appartient pas à cette séance."), field="occurrence_id")
    existing = db.session.scalar(sa.select(TeamMember).where(
        TeamMember.session_id == session.id, TeamMember.user_id == user.id, TeamMember.role == role,
        TeamMember.occurrence_id.is_(None) if occurrence is None else TeamMember.occurrence_id == occurrence.id))
    if existing is not None:
        raise Refused(_l("Cette personne est déjà invitée à ce rôle."), field="user_id")
    member = TeamMember(session=session, occurrence=occurrence, user=user, role=role, status=INVITED)
    db.session.add(member)
    try:
        db.session.commit()
    except IntegrityError:  # the same invitation sent twice at once
        db.session.rollback()
        raise Refused(_l("Cette personne est déjà invitée à ce rôle."), field="user_id") from None
    mail.send(user.email, "team_invitation", locale=user.locale, member=member, title=title_of(session))
    return member


def withdraw(actor, member):
    if not manages(actor, member.session):
        raise Refused(_l("Seuls les membres de l'association de cette séance composent son équipe."))
    db.session.delete(member)
    db.session.commit()


def answer(user, member, accept):
    """The invited volunteer accepts or declines (and may change their mind later)."""
    if member.user_id != user.id:
        raise Refused(_l("Cette invitation ne vous est pas adressée."))
    member.status = ACCEPTED if accept else DECLINED
    member.answered_at = clock.now()
    db.session.commit()
    return member


# --- "Mon planning" ----------------------------------------------------------------------------

@dataclass
class PlannedDate:
    occurrence: Occurrence
    session: Session
    roles: list = field(default_factory=list)  # the volunteer's accepted TeamMember rows
    mates: list = field(default_factory=list)  # first names of the others who accepted


def memberships_of(user):
    return db.session.scalars(sa.select(TeamMember).where(TeamMember.user_id == user.id)
                              .order_by(TeamMember.invited_at.desc())).unique().all()


def planning(user, statuses=(APPROVED,), after=None):
    """The approved coming dates the volunteer serves (accepted roles), soonest first."""
    after = clock.now() if after is None else after
    mine = [m for m in memberships_of(user) if m.status == ACCEPTED]
    dates = {}
    for session in {m.session for m in mine}:
        team = [m for m in team_of(session) if m.status == ACCEPTED]
        for occurrence in occurrences_of(session, statuses=statuses, after=after):
            roles = [m for m in serving(team, occurrence) if m.user_id == user.id]
            if roles:
                mates = sorted({first_name(m.user) for m in serving(team, occurrence) if m.user_id != user.id})
                dates[occurrence.id] = PlannedDate(occurrence, session, roles, mates)
    return sorted(dates.values(), key=lambda d: d.occurrence.starts_at)


# After a date, its team counts who came and calls back those who asked: the dates of the last
# two weeks stay at hand for that.
RECENT = timedelta(days=14)


def dates_around(user, now=None):
    """The volunteer's approved dates, read once: (those to come, soonest first; those started in
    the last two weeks, latest first)."""
    now = clock.now() if now is None else now
    dates = planning(user, after=now - RECENT)
    return ([d for d in dates if d.occurrence.starts_at >= now],
            [d for d in reversed(dates) if d.occurrence.starts_at < now])


def recent_occurrences(session, now=None):
    """The session's approved dates that started in the last two weeks, latest first."""
    now = clock.now() if now is None else now
    return [o for o in reversed(occurrences_of(session, statuses=(APPROVED,), after=now - RECENT))
            if o.starts_at <= now]


def feed_token(user, renew=False):
    feed = db.session.get(PlanningFeed, user.id)
    if feed is None:
        feed = PlanningFeed(user_id=user.id, token=feeds.new_token())
        db.session.add(feed)
    elif renew:
        feed.token = feeds.new_token()
    else:
        return feed.token
    try:
        db.session.commit()
    except IntegrityError:  # two first visits at once (two tabs): the other one made the feed
        db.session.rollback()
        return db.session.get(PlanningFeed, user.id).token
    return feed.token


def user_of_feed(token):
    feed = db.session.scalar(sa.select(PlanningFeed).where(PlanningFeed.token == token))
    return db.session.get(User, feed.user_id) if feed else None


def feed_of(user):
    """iCalendar of the dates the volunteer serves, cancelled ones kept so calendars drop them."""
    start = clock.now() - timedelta(days=90)
    occurrences = [d.occurrence for d in planning(user, statuses=feeds.SHOWN, after=start)]
    return feeds.calendar_of(occurrences, _l("Mon planning – Passerelle"))


# --- telling the team ----------------------------------------------------------------------------

def active_notices(user):
    return db.session.scalars(sa.select(TeamNotice).where(TeamNotice.user_id == user.id,
                                                          TeamNotice.dismissed_at.is_(None))
                              .order_by(TeamNotice.created_at.desc())).all()


def dismiss(user, notice):
    if notice.user_id != user.id:
        raise Refused(_l("Ce message ne vous est pas adressé."))
    notice.dismissed_at = clock.now()
    db.session.commit()


def tell_team(occurrences, change):
    """Tell the volunteers who accepted to serve these dates that they were moved or cancelled
    (``change``: MOVED or CANCELLED): a notice on "Mon planning" and an email. Call it after the
    change is committed."""
    assert change in (MOVED, CANCELLED)
    told = []
    for occurrence in occurrences:
        session_id = occurrence.booking.session_id
        if session_id is None:
            continue
        members = db.session.scalars(sa.select(TeamMember).where(
            TeamMember.session_id == session_id, TeamMember.status == ACCEPTED)).unique().all()
        for user in {m.user for m in serving(members, occurrence)}:
            title = str(title_of(db.session.get(Session, session_id)))
            db.session.add(TeamNotice(user_id=user.id, occurrence_id=occurrence.id, change=change,
                                      title=title, starts_at=occurrence.starts_at))
            told.append((user, occurrence, title))
    db.session.commit()
    for user, occurrence, title in told:
        mail.send(user.email, f"team_{change}", locale=user.locale, occurrence=occurrence, title=title)
    return told


# --- reminders ------------------------------------------------------------------------------------

def _claim(kind, occurrence, recipient):
    """Write down a reminder before sending it; False when it was already written (by an
    earlier run, or by a run going on at the same time)."""
    try:
        with db.session.begin_nested():
            db.session.add(SentReminder(kind=kind, occurrence_id=occurrence.id, recipient=recipient))
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def _release(kind, occurrence, recipient):
    """Forget a reminder the mail server did not take: the next run sends it again."""
    db.session.execute(sa.delete(SentReminder).where(SentReminder.kind == kind,
                                                     SentReminder.occurrence_id == occurrence.id,
                                                     SentReminder.recipient == recipient))
    db.session.commit()


def _coming(within, now):
    return db.session.scalars(
        sa.select(Occurrence).join(Booking).where(Booking.session_id.is_not(None), Occurrence.status == APPROVED,
                                                  Occurrence.starts_at > now, Occurrence.starts_at <= now + within)
        .order_by(Occurrence.starts_at)).unique().all()


def tick(now=None):
    """Send what is due at ``now``: the 48-hour reminder to each volunteer serving a date, and a
    week ahead, a warning to the association when a date has no confirmed referent. Each is sent
    once, however often (and however concurrently) this runs; one the mail server refused waits for
    the next run. Returns (reminders, warnings) sent."""
    now = clock.now() if now is None else now
    reminders = warnings = 0
    for occurrence in _coming(REMINDER_AHEAD, now):
        session = db.session.get(Session, occurrence.booking.session_id)
        accepted = [m for m in team_of(session) if m.status == ACCEPTED]
        for user in {m.user for m in serving(accepted, occurrence)}:
            recipient = f"user:{user.id}"
            if not (user.active and _claim(REMINDER, occurrence, recipient)):
                continue
            if mail.send(user.email, "team_reminder", locale=user.locale, occurrence=occurrence,
                         title=title_of(session),
                         roles=[m.role_label for m in serving(accepted, occurrence) if m.user_id == user.id]):
                reminders += 1
            else:
                _release(REMINDER, occurrence, recipient)
    for occurrence in _coming(REFERENT_CHECK_AHEAD, now):
        session = db.session.get(Session, occurrence.booking.session_id)
        accepted = [m for m in team_of(session) if m.status == ACCEPTED]
        has_referent = any(m.role == REFERENT for m in serving(accepted, occurrence))
        address, recipient = session.association.email, f"association:{session.association_id}"
        if not has_referent and address and _claim(MISSING_REFERENT, occurrence, recipient):
            if mail.send(address, "team_missing_referent", occurrence=occurrence, title=title_of(session),
                         session=session):
                warnings += 1
            else:
                _release(MISSING_REFERENT, occurrence, recipient)
    return reminders, warnings


# --- the operational checklist --------------------------------------------------------------------

# The guide's checklist, before / during / after a date.
CHECKLIST = {
    "before": (_l("Avant"), {
        "room_booked": _l("Lieu réservé"),
        "referent_named": _l("Référent identifié"),
        "rules_posted": _l("Règles affichées"),
        "charter_printed": _l("Charte d'accueil imprimée (1 page)"),
        "resources_printed": _l("Fiche ressources locales imprimée"),
        "numbers_visible": _l("Plan d'escalade et numéros d'urgence visibles"),
    }),
    "during": (_l("Pendant"), {
        "gentle_welcome": _l("Accueil doux"),
        "rules_recalled": _l("Rappel des règles en 60 secondes, tour volontaire"),
        "timing_kept": _l("Respect des temps"),
        "climate_watched": _l("Surveillance du climat (pause si nécessaire)"),
    }),
    "after": (_l("Après"), {
        "positive_closing": _l("Clôture positive"),
        "resources_given": _l("Remise des ressources, option de point de courtoisie"),
        "questionnaire": _l("Mini-questionnaire anonyme"),
        "improvement_note": _l("Note interne des points d'amélioration"),
    }),
}
ITEMS = {item for _label, items in CHECKLIST.values() for item in items}


def ticks_of(occurrence):
    """{item: ChecklistTick} of the date."""
    return ticks_by_date([occurrence])[occurrence.id]


def ticks_by_date(occurrences):
    """{occurrence id: {item: ChecklistTick}} of these dates, in one query."""
    found = {o.id: {} for o in occurrences}
    if found:
        for t in db.session.scalars(sa.select(ChecklistTick).where(ChecklistTick.occurrence_id.in_(found))).unique():
            found[t.occurrence_id][t.item] = t
    return found


def may_tick(user, occurrence):
    """The volunteers serving the date, and the members of its association."""
    session_id = occurrence.booking.session_id
    if session_id is None:
        return False
    session = db.session.get(Session, session_id)
    accepted = [m for m in team_of(session) if m.status == ACCEPTED]
    return manages(user, session) or any(m.user_id == user.id for m in serving(accepted, occurrence))


def tick_item(user, occurrence, item, done):
    """Tick (or untick) an item of the date's checklist; who ticked it and when is kept."""
    if item not in ITEMS:
        raise Refused(_l("Cet élément ne fait pas partie de la liste."))
    if not may_tick(user, occurrence):
        raise Refused(_l("Seule l'équipe de cette date coche sa liste."))
    existing = ticks_of(occurrence).get(item)
    if done and existing is None:
        db.session.add(ChecklistTick(occurrence_id=occurrence.id, item=item, ticked_by_id=user.id))
    elif not done and existing is not None:
        db.session.delete(existing)
    try:
        db.session.commit()
    except IntegrityError:  # ticked by a team mate at the same moment: it is ticked
        db.session.rollback()


@dataclass
class Readiness:
    room_approved: bool
    referent_confirmed: bool
    kit_printed: bool
    rules_posted: bool

    @property
    def ready(self):
        return all((self.room_approved, self.referent_confirmed, self.kit_printed, self.rules_posted))


def readiness(occurrence, members=None, ticks=None):
    """The four things a date needs before it starts. ``members`` (the session's team) and
    ``ticks`` (the date's, from ``ticks_by_date``) are read when not given."""
    if members is None:
        members = team_of(db.session.get(Session, occurrence.booking.session_id))
    ticks = ticks_of(occurrence) if ticks is None else ticks
    return Readiness(
        room_approved=occurrence.status == APPROVED,
        referent_confirmed=any(m.role == REFERENT and m.status == ACCEPTED for m in serving(members, occurrence)),
        kit_printed="charter_printed" in ticks and "resources_printed" in ticks,
        rules_posted="rules_posted" in ticks)


# --- what the team pages show: the next dates first -------------------------------------------

# A weekly series has a dozen dates or more, each with its readiness and checklist: pages show
# the next few, and the rest on demand (``?toutes=1``).
SHOWN_DATES = 4


@dataclass
class Trimmed:
    """The first items of a long list, and how many there are in all."""
    items: list
    total: int

    @property
    def more(self):
        return self.total > len(self.items)


def trimmed(items, show_all=False):
    items = list(items)
    return Trimmed(items if show_all else items[:SHOWN_DATES], len(items))


@dataclass
class Outlook:
    """What lies ahead of a session's team: the gaps of its coming dates, and how ready the
    dates shown are (with their checklists)."""
    members: list
    gaps: Trimmed
    dates: Trimmed
    readiness: dict  # {occurrence id: Readiness} of the dates shown
    ticks: dict  # {occurrence id: {item: ChecklistTick}} of the dates shown


def outlook(session, show_all=False):
    """The team, its gaps and its dates read once, whatever the number of dates: the team page
    and the association space (one per session) show it."""
    members, coming = team_of(session), occurrences_of(session, after=clock.now())
    dates = trimmed(coming, show_all)
    ticks = ticks_by_date(dates.items)
    return Outlook(members, trimmed(gaps(session, members, coming), show_all), dates,
                   {o.id: readiness(o, members, ticks[o.id]) for o in dates.items}, ticks)


@dates_changed.connect
def _tell_team_of_changed_dates(_sender, occurrences, change):
    tell_team(occurrences, change)
