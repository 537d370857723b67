"""The binômes of the demo town: its neighbourhoods, the charter (version 1), a queue of thirty
people, two active pairs (one at its follow-up point), a proposal waiting for one answer, and
the anonymous counts that go with them.

Written with the models, so that nobody is sent a mail. Loading twice changes nothing: a
neighbourhood is looked up by its name, a person by their contact, a pair by its two people.
Meant to run after the places and accounts (``portal.demo``); the caller commits.
"""
import secrets
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from portal import clock
from portal.auth.models import User
from portal.binomes import matching, pairs, queue
from portal.binomes.counts import month_of
from portal.binomes.models import (ACTIVE, BY_LINK, FOLLOW_UP, LEFT, ONLINE, PAIR_ACCEPTED, PAIR_DECLINED,
                                   PAIR_ENDED, PAIR_PROPOSED, PAIRED, PAUSED, PROPOSAL, PROPOSED, PURPOSES,
                                   SIGNED_UP, TO_CONFIRM, WAITING, BuddyCharter, Consent, Neighbourhood, Pair,
                                   PairEvent, Person)
from portal.content import operations as content
from portal.security import token_digest
from portal.database import db

VOLUNTEER = "benevole@passerelle.example"
MEDIATOR = "mediation@passerelle.example"

# The four neighbourhoods of the places directory first, so first meetings are suggested nearby.
NEIGHBOURHOODS = [
    ("Centre", 47.3941, 0.6848), ("Les Prés", 47.3868, 0.6962), ("Tisserands", 47.4012, 0.6771),
    ("Campus", 47.3655, 0.7021), ("Bords de Loire", 47.3993, 0.6935), ("Les Fontaines", 47.3782, 0.7148),
    ("Gare", 47.3897, 0.6742), ("Vieux-Bourg", 47.4101, 0.6623),
]

# One sentence per line (the page keeps the lines), an empty line between paragraphs.
CHARTER = {
    ("fr", "standard"): "\n".join((
        "Charte des binômes de convivialité",
        "",
        "Participer est volontaire.",
        "Un binôme ne commence que lorsque les deux personnes ont dit oui.",
        "La première rencontre a lieu dans un lieu public : un café, la médiathèque, une maison de quartier.",
        "Chacun peut arrêter à tout moment, sans avoir à donner de raison.",
        "On peut ensuite revenir dans la file d'attente, si on le souhaite.",
        "Rien n'est transmis à l'autre personne sans votre accord.",
        "Elle ne voit votre prénom que lorsque vous avez accepté tous les deux.",
        "La personne chargée de la médiation prend des nouvelles de chacun deux semaines après le début du binôme.",
        "Si vous quittez les binômes, vos données sont effacées aussitôt.",
        "Seuls des chiffres anonymes sont gardés.",
    )),
    ("fr", "falc"): "\n".join((
        "Charte des binômes",
        "",
        "Un binôme, c'est 2 personnes.",
        "Elles se retrouvent pour marcher, boire un café ou aller à la médiathèque.",
        "",
        "Vous choisissez de participer.",
        "Le binôme commence seulement si les 2 personnes disent oui.",
        "",
        "La première rencontre se passe dans un lieu public.",
        "Par exemple : un café ou la médiathèque.",
        "",
        "Vous pouvez arrêter quand vous voulez.",
        "Vous n'avez pas besoin de dire pourquoi.",
        "",
        "Nous ne donnons rien sur vous sans votre accord.",
        "L'autre personne voit votre prénom seulement quand vous avez dit oui tous les 2.",
        "",
        "Après 2 semaines, la médiatrice ou le médiateur prend de vos nouvelles.",
        "",
        "Vous pouvez partir quand vous voulez.",
        "Alors, nous effaçons vos informations tout de suite.",
    )),
    ("en", "standard"): "\n".join((
        "Charter of the friendly pairs (binômes)",
        "",
        "Taking part is voluntary.",
        "A pair only starts once both people have said yes.",
        "The first meeting takes place in a public place: a café, the media library, a community centre.",
        "Either of you can stop at any time, without giving a reason.",
        "You can then come back to the queue, if you wish.",
        "Nothing is passed on to the other person without your consent.",
        "They only see your first name once you have both accepted.",
        "The mediator checks in with each of you two weeks after the pair starts.",
        "If you leave the pairs, your data is erased straight away.",
        "Only anonymous figures are kept.",
    )),
}

# (first name, contact, neighbourhood, activities, slots as (weekday, part of day), languages,
#  needs, pace, age bracket, gender, buddy's gender, days waited, locale)
WAITING_PEOPLE = [
    ("Amina", "amina.k@binomes.example", "Les Prés", "marche,cafe", ((0, 0), (2, 0), (4, 1)), "fr,ar", "",
     "gentle", "60-74", "woman", "woman", 62, "fr"),
    ("João", "06 11 22 33 44", "Centre", "cafe,mediatheque", ((1, 1), (3, 1)), "pt,fr", "", "any", "30-44", "man",
     "", 45, "fr"),
    ("Carmen", "carmen.r@binomes.example", "Gare", "cafe,autre", ((5, 1), (6, 1)), "es", "", "any", "45-59",
     "woman", "", 40, "fr"),
    ("Olena", "olena.s@binomes.example", "Tisserands", "marche,mediatheque", ((0, 1), (2, 1), (5, 0)), "uk,en", "",
     "brisk", "30-44", "woman", "", 33, "en"),
    ("Gérard", "06 22 33 44 55", "Vieux-Bourg", "cafe", ((1, 0), (3, 0)), "fr", "hearing", "gentle", "75+", "man",
     "", 29, "fr"),
    ("Lucía", "lucia.g@binomes.example", "Campus", "marche,cafe,autre", ((4, 2), (5, 1), (6, 1)), "es,fr,en", "",
     "brisk", "18-29", "woman", "", 21, "fr"),
    ("Mohamed", "06 33 44 55 66", "Gare", "marche,cafe", ((0, 2), (2, 2)), "ar,fr", "", "any", "45-59", "man",
     "man", 18, "fr"),
    ("Hanna", "hanna.b@binomes.example", "Tisserands", "marche,mediatheque", ((1, 0), (5, 0)), "uk,en", "", "any",
     "60-74", "woman", "woman", 16, "en"),
    ("Fatoumata", "fatoumata.d@binomes.example", "Les Fontaines", "cafe,mediatheque", ((1, 1), (4, 1)), "fr",
     "step_free", "gentle", "60-74", "woman", "", 14, "fr"),
    ("Élise", "elise.m@binomes.example", "Centre", "mediatheque,cafe", ((1, 1), (2, 1)), "fr,lsf", "hearing", "any",
     "30-44", "woman", "", 12, "fr"),
    ("Pierre", "06 44 55 66 77", "Bords de Loire", "marche", ((5, 0), (6, 0)), "fr,de", "", "brisk", "45-59", "man",
     "", 10, "fr"),
    ("Andreea", "andreea.p@binomes.example", "Bords de Loire", "marche,cafe", ((3, 2), (4, 2)), "ro,fr", "", "brisk",
     "18-29", "woman", "", 9, "fr"),
    ("Maria", "maria.f@binomes.example", "Centre", "mediatheque,autre", ((2, 1), (3, 1)), "pt", "", "any", "60-74",
     "woman", "woman", 8, "fr"),
    ("Kofi", "kofi.a@binomes.example", "Campus", "cafe,autre", ((2, 2), (5, 2)), "en,fr", "", "any", "30-44", "man",
     "", 7, "en"),
    ("Yusuf", "06 55 66 77 88", "Tisserands", "cafe", ((0, 0), (1, 0), (2, 0)), "tr,fr", "", "any", "30-44", "man",
     "", 6, "fr"),
    ("Jeanne", "06 66 77 88 99", "Les Prés", "marche,cafe", ((1, 0), (3, 1)), "fr", "sight", "gentle", "75+",
     "woman", "", 5, "fr"),
    ("Oksana", "oksana.t@binomes.example", "Les Fontaines", "cafe,marche", ((0, 1), (2, 1)), "uk,fr", "", "any",
     "45-59", "woman", "", 4, "fr"),
    ("Samuel", "samuel.l@binomes.example", "Campus", "mediatheque", ((2, 2), (4, 2)), "en,fr", "", "any", "18-29",
     "man", "", 3, "en"),
    ("Rachid", "06 77 88 99 00", "Vieux-Bourg", "marche", ((0, 0), (3, 0)), "ar,fr", "step_free", "gentle", "60-74",
     "man", "", 2, "fr"),
    ("Bernard", "bernard.c@binomes.example", "Les Prés", "cafe", ((0, 1), (4, 1)), "fr", "", "gentle", "75+", "man",
     "", 1, "fr"),
]

# People on pause, with the days since: one whose pair ended, one who paused while waiting.
PAUSED_PEOPLE = [
    (("Marcel", "marcel.v@binomes.example", "Centre", "marche,cafe", ((1, 0), (3, 0)), "fr", "", "gentle", "75+",
      "man", "", 160, "fr"), 95),
    (("Leïla", "06 88 99 00 11", "Gare", "cafe,mediatheque", ((2, 1), (4, 1)), "fr,ar", "", "any", "30-44", "woman",
      "woman", 35, "fr"), 10),
]

# Signed up by the demo volunteer, still to be confirmed by the person (days since).
TO_CONFIRM_PEOPLE = [
    ("Simone", "06 99 00 11 22", "Les Prés", "cafe", ((1, 1), (3, 1)), "fr", "step_free", "gentle", "75+", "woman",
     "", 3, "fr"),
    ("Ahmed", "06 10 20 30 40", "Tisserands", "marche,cafe", ((0, 0), (4, 0)), "ar,fr", "", "any", "60-74", "man",
     "", 1, "fr"),
]

PAIR_PEOPLE = [
    ("Colette", "colette.h@binomes.example", "Centre", "marche,cafe", ((1, 0), (3, 0), (4, 1)), "fr", "", "gentle",
     "75+", "woman", "", 70, "fr"),
    ("Ana", "ana.p@binomes.example", "Les Prés", "marche,cafe", ((1, 0), (4, 1)), "pt,fr", "", "any", "45-59",
     "woman", "woman", 50, "fr"),
    ("Dmytro", "dmytro.k@binomes.example", "Bords de Loire", "marche,mediatheque", ((5, 0), (6, 1)), "uk,fr,en", "",
     "brisk", "30-44", "man", "", 30, "en"),
    ("Hugo", "06 12 13 14 15", "Bords de Loire", "marche", ((5, 0), (2, 2)), "fr,en", "", "brisk", "18-29", "man", "",
     12, "fr"),
    ("Sofía", "sofia.m@binomes.example", "Campus", "cafe,mediatheque", ((2, 1), (4, 2)), "es,fr", "", "any", "18-29",
     "woman", "", 26, "fr"),
    ("Noémie", "noemie.b@binomes.example", "Campus", "cafe", ((2, 1), (3, 1)), "fr,es", "", "any", "30-44", "woman",
     "", 15, "fr"),
]
# Pairs of the people above, by their contacts: (first, second, status, days since proposed).
# The first pair has passed its follow-up point (two weeks); the proposal waits for its second yes.
PAIRS = [("colette.h@binomes.example", "ana.p@binomes.example", ACTIVE, 18),
         ("dmytro.k@binomes.example", "06 12 13 14 15", ACTIVE, 6),
         ("sofia.m@binomes.example", "noemie.b@binomes.example", PROPOSAL, 2)]
DAYS_TO_ANSWER = 2  # between a proposal and the second yes
# A person who turned down follow-up calls (the others said yes to every purpose).
NO_FOLLOW_UP_CALL = {"06 33 44 55 66", "kofi.a@binomes.example"}


def _charter(now):
    """(the charter in force, whether it was just published)."""
    charter = queue.current_charter()
    if charter is not None:
        return charter, False
    charter = BuddyCharter(version=1, published_at=now - timedelta(days=200))
    db.session.add(charter)
    content.save_variants(queue.charter_key(charter), CHARTER)
    return charter, True


def _neighbourhoods():
    found = {n.name: n for n in db.session.scalars(sa.select(Neighbourhood))}
    for name, latitude, longitude in NEIGHBOURHOODS:
        if name not in found:
            found[name] = Neighbourhood(name=name, latitude=latitude, longitude=longitude)
            db.session.add(found[name])
    return found


def _event(kind, at, waited_days=None):
    db.session.add(PairEvent(kind=kind, month=month_of(clock.local(at).date()), waited_days=waited_days))


def _person(row, status, areas, charter, now, recorded_by=None):
    """The person of ``row``, added with their consents and sign-up count unless already there."""
    (first_name, contact, area, activities, slots, languages, needs, pace, age, gender, buddy_gender, days,
     locale) = row
    found = db.session.scalar(sa.select(Person).where(Person.contact == contact))
    if found is not None:
        return found, False
    since = now - timedelta(days=days)
    person = Person(first_name=first_name, contact_kind="email" if "@" in contact else "phone", contact=contact,
                    locale=locale, neighbourhood=areas[area], activities=activities,
                    availability=queue.slot_bits(slots), languages=languages, needs=needs, pace=pace,
                    age_bracket=age, gender=gender, buddy_gender=buddy_gender, status=status, signed_up_at=since,
                    waiting_since=since, recorded_by=recorded_by,
                    token_hash=token_digest(secrets.token_urlsafe(32)))
    if status != TO_CONFIRM:
        person.confirmed_at = since
        channel = BY_LINK if recorded_by is not None else ONLINE
        person.consents = [Consent(purpose=purpose, given=not (purpose == FOLLOW_UP and contact in NO_FOLLOW_UP_CALL),
                                   charter_version=charter.version, channel=channel, at=since)
                           for purpose in PURPOSES]
    db.session.add(person)
    _event(SIGNED_UP, since)
    return person, True


def _pair(first, second, status, days_ago, mediator, now):
    if db.session.scalar(sa.select(Pair).where(Pair.first_id == first.id, Pair.second_id == second.id)):
        return
    proposed_at = now - timedelta(days=days_ago)
    pair = Pair(first=first, second=second, status=status, proposed_by=mediator, proposed_at=proposed_at,
                explanation=matching.explanation(first, second), first_answer=True)
    _event(PAIR_PROPOSED, proposed_at)
    if status == ACTIVE:
        pair.second_answer, pair.activated_at = True, proposed_at + timedelta(days=DAYS_TO_ANSWER)
        pair.follow_up_on = (clock.local(pair.activated_at).date()
                             + timedelta(days=current_app.config["BINOME_FOLLOW_UP_DAYS"]))
        pair.meeting_place = pairs.meeting_place_for(pair)
        first.status = second.status = PAIRED
        for person in (first, second):
            _event(PAIR_ACCEPTED, pair.activated_at, queue.waited_days(person, pair.activated_at))
    else:
        first.status = second.status = PROPOSED
    db.session.add(pair)


def _history(now):
    """What happened before the demo's queue: a pair declined, one formed then ended, a person
    who left. Only counts, as the portal keeps them."""
    for days_ago, kinds in ((150, (PAIR_PROPOSED, PAIR_DECLINED)), (130, (PAIR_PROPOSED,)), (95, (PAIR_ENDED,)),
                            (60, (LEFT,))):
        for kind in kinds:
            _event(kind, now - timedelta(days=days_ago))
    for waited in (24, 31):  # the pair proposed 130 days ago, accepted two days later, ended 95 days ago
        _event(PAIR_ACCEPTED, now - timedelta(days=128), waited)


def load():
    now = clock.now()
    volunteer = db.session.scalar(sa.select(User).filter_by(email=VOLUNTEER))
    mediator = db.session.scalar(sa.select(User).filter_by(email=MEDIATOR))
    areas = _neighbourhoods()
    charter, first_load = _charter(now)
    for row in WAITING_PEOPLE:
        _person(row, WAITING, areas, charter, now)
    for row, days_paused in PAUSED_PEOPLE:
        person, added = _person(row, PAUSED, areas, charter, now)
        if added:
            person.inactive_since = now - timedelta(days=days_paused)
    for row in TO_CONFIRM_PEOPLE:
        _person(row, TO_CONFIRM, areas, charter, now, recorded_by=volunteer)
    people = {row[1]: _person(row, WAITING, areas, charter, now)[0] for row in PAIR_PEOPLE}
    db.session.flush()  # the pairs are looked up by their people's ids
    for first, second, status, days_ago in PAIRS:
        _pair(people[first], people[second], status, days_ago, mediator, now)
    if first_load:
        _history(now)
    db.session.flush()
