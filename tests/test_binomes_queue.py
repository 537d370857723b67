"""The buddy queue from the person's side: signing up (alone or on someone's behalf), consents,
the personal link, availability, pausing, and leaving, which erases everything at once."""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal import clock
from portal.binomes import pairs, queue
from portal.binomes.models import (
    BY_LINK, BY_PHONE, CONTACT, FOLLOW_UP, LEFT, MATCHING, ONLINE, PAIR_ENDED, PAUSED, SIGNED_UP, TO_CONFIRM,
    WAITING, AccessEntry, BuddyCharter, Consent, NotAgain, Pair, PairEvent, Person)
from portal.database import db
from portal.errors import Refused

ALL_YES = {MATCHING: True, CONTACT: True, FOLLOW_UP: True}


@pytest.fixture
def charter(app):
    charter = BuddyCharter(version=3)
    db.session.add(charter)
    db.session.commit()
    return charter


@pytest.fixture
def quartier(make_neighbourhood):
    return make_neighbourhood(name="Les Fontaines")


def answers(neighbourhood, **overrides):
    values = {"first_name": "  Zéphyrine ", "contact_kind": "email", "contact": "Zephyrine.B@Exemple.fr",
              "neighbourhood_id": neighbourhood.id, "activities": ["marche", "cafe"], "slots": [(1, 0), (4, 1)],
              "languages": ["fr", "pt"], "needs": ["step_free"], "pace": "gentle", "age_bracket": "75+",
              "gender": "woman", "buddy_gender": "woman", "consents": ALL_YES, "locale": "fr"}
    values.update(overrides)
    return values


def people():
    return db.session.scalars(sa.select(Person)).all()


def test_a_person_signing_up_alone_waits_with_three_consents_on_the_current_charter(charter, quartier):
    before = clock.now()
    person, token = queue.sign_up(**answers(quartier, consents={MATCHING: True, CONTACT: False}))
    assert person.status == WAITING and person.recorded_by is None
    assert person.first_name == "Zéphyrine" and person.contact == "zephyrine.b@exemple.fr"
    assert person.neighbourhood.name == "Les Fontaines"
    assert queue.slots_of(person) == [(1, 0), (4, 1)]
    assert (person.activities, person.languages, person.needs) == ("marche,cafe", "fr,pt", "step_free")
    assert person.waiting_since >= before and person.confirmed_at is not None
    given = {c.purpose: c.given for c in person.consents}
    assert given == {MATCHING: True, CONTACT: False, FOLLOW_UP: False}  # a box not ticked is a no
    assert {(c.charter_version, c.channel, c.recorded_by_id) for c in person.consents} == {(3, ONLINE, None)}
    # Only the link's hash is kept.
    assert token not in person.token_hash and queue.by_token(token) is person
    assert queue.by_token("autre-chose") is None
    assert db.session.scalar(sa.select(PairEvent.kind)) == SIGNED_UP


def test_without_consenting_to_be_matched_nobody_signs_up(charter, quartier):
    with pytest.raises(Refused) as refused:
        queue.sign_up(**answers(quartier, consents={CONTACT: True, FOLLOW_UP: True}))
    assert refused.value.field == "consent_matching"
    db.session.rollback()
    assert people() == []


@pytest.mark.parametrize("overrides, field", [
    ({"first_name": "   "}, "first_name"),
    ({"first_name": "A" * 61}, "first_name"),
    ({"contact": ""}, "contact"),
    ({"contact_kind": "phone", "contact": "06 12"}, "contact"),
    ({"contact_kind": "phone", "contact": "0612345678901234"}, "contact"),
    ({"contact_kind": "phone", "contact": "appelez-moi"}, "contact"),
    ({"contact": "zephyrine@exemple"}, "contact"),
    ({"contact_kind": "pigeon"}, "contact"),
    ({"neighbourhood_id": None}, "neighbourhood"),
    ({"neighbourhood_id": 987654}, "neighbourhood"),
    ({"activities": []}, "activities"),
    ({"activities": ["marche", "parachute"]}, "activities"),
    ({"slots": []}, "slots"),
    ({"slots": [(7, 0)]}, "slots"),
    ({"slots": [(1, 3)]}, "slots"),
    ({"languages": []}, "languages"),
    ({"languages": ["klingon"]}, "languages"),
    ({"needs": ["jetpack"]}, "needs"),
    ({"pace": "sprint"}, "pace"),
    ({"age_bracket": "12"}, "age_bracket"),
    ({"gender": "robot"}, "gender"),
    ({"buddy_gender": "robot"}, "buddy_gender"),
])
def test_what_matching_does_not_need_or_cannot_read_is_refused(charter, quartier, overrides, field):
    with pytest.raises(Refused) as refused:
        queue.sign_up(**answers(quartier, **overrides))
    assert refused.value.field == field
    assert str(refused.value.message)  # said in words
    db.session.rollback()
    assert people() == []


def test_a_phone_number_is_kept_as_written(charter, quartier):
    person, _token = queue.sign_up(**answers(quartier, contact_kind="phone", contact=" +33 6 12  34 56 78 "))
    assert person.contact == "+33 6 12 34 56 78"
    assert queue.contact_kind_of("06 12 34 56 78") == "phone" and queue.contact_kind_of("a@b.fr") == "email"


def test_optional_answers_may_stay_empty(charter, quartier):
    person, _token = queue.sign_up(**answers(quartier, needs=[], pace="", age_bracket="", gender="",
                                             buddy_gender=""))
    assert (person.needs, person.pace, person.age_bracket, person.gender, person.buddy_gender) == (
        "", "any", "", "", "")


def test_no_sign_up_before_a_charter_is_published(app, quartier):
    with pytest.raises(Refused):
        queue.sign_up(**answers(quartier))
    db.session.rollback()
    assert people() == []


def test_someone_signed_up_by_a_volunteer_is_to_be_confirmed_and_cannot_be_proposed(
        charter, quartier, make_user, make_buddy):
    volunteer, mediator = make_user(roles=("volunteer",)), make_user(roles=("mediator",))
    person, _token = queue.sign_up(**answers(quartier, consents=None), recorded_by=volunteer)
    assert person.status == TO_CONFIRM and person.recorded_by is volunteer
    assert person.consents == []  # nobody consents for someone else
    other, _ = make_buddy()
    with pytest.raises(Refused):
        pairs.propose(mediator, person, other, "")
    db.session.rollback()

    with pytest.raises(Refused) as refused:
        queue.confirm_by_link(person, {CONTACT: True})
    assert refused.value.field == "consent_matching"
    db.session.rollback()
    assert person.status == TO_CONFIRM and person.consents == []

    later = clock.now()
    queue.confirm_by_link(person, {MATCHING: True, FOLLOW_UP: True}, locale="en")
    assert person.status == WAITING and person.locale == "en"
    assert person.waiting_since >= later  # waiting counts from the confirmation
    assert {(c.purpose, c.given, c.channel, c.recorded_by_id) for c in person.consents} == {
        (MATCHING, True, BY_LINK, None), (CONTACT, False, BY_LINK, None), (FOLLOW_UP, True, BY_LINK, None)}
    with pytest.raises(Refused):
        queue.confirm_by_link(person, ALL_YES)  # once is enough
    db.session.rollback()
    assert pairs.propose(mediator, person, other, "").status == "proposed"


def test_a_mediator_records_a_confirmation_by_phone_with_an_attestation(charter, quartier, make_user):
    volunteer, mediator = make_user(roles=("volunteer",)), make_user(roles=("mediator",))
    person, _ = queue.sign_up(**answers(quartier), recorded_by=volunteer)
    with pytest.raises(Refused) as refused:
        queue.confirm_by_phone(mediator, person, ALL_YES, "  ")
    assert refused.value.field == "attestation"
    db.session.rollback()
    queue.confirm_by_phone(mediator, person, ALL_YES, "Appelée le 3 mars, elle est d'accord.")
    assert person.status == WAITING
    assert {(c.channel, c.recorded_by_id, c.attestation, c.charter_version) for c in person.consents} == {
        (BY_PHONE, mediator.id, "Appelée le 3 mars, elle est d'accord.", 3)}


def test_a_new_link_replaces_the_old_one(make_buddy, make_user):
    person, old = make_buddy()
    new = queue.new_link(make_user(roles=("mediator",)), person)
    assert queue.by_token(old) is None and queue.by_token(new) is person


def test_availability_changes_and_must_keep_one_slot(make_buddy):
    person, _ = make_buddy(slots=((0, 0),))
    queue.change_availability(person, [(6, 2), (2, 1)])
    assert queue.slots_of(person) == [(2, 1), (6, 2)]
    with pytest.raises(Refused):
        queue.change_availability(person, [])
    db.session.rollback()
    assert queue.slots_of(person) == [(2, 1), (6, 2)]


def test_a_pause_does_not_count_as_waiting(make_buddy):
    start = clock.now() - timedelta(days=30)
    person, _ = make_buddy(waiting_since=start)
    queue.pause(person, now=start + timedelta(days=10))
    assert person.status == PAUSED
    queue.resume(person, now=start + timedelta(days=25))
    assert person.status == WAITING and person.inactive_since is None
    assert person.waiting_since == start + timedelta(days=15)  # 10 days waited, the 15 paused left out


def test_only_someone_waiting_pauses(make_buddy):
    person, _ = make_buddy(status=TO_CONFIRM)
    with pytest.raises(Refused):
        queue.pause(person)
    db.session.rollback()
    with pytest.raises(Refused):
        queue.resume(person)


def rows_holding(*needles):
    """(table, row) of every row of every table where one of ``needles`` appears."""
    found = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(sa.select(table)):
            if any(needle in str(value) for value in row for needle in needles):
                found.append((table.name, row))
    return found


def test_leaving_erases_the_person_everywhere_and_ends_their_pair_neutrally(
        charter, quartier, make_buddy, make_user, outbox):
    mediator = make_user(roles=("mediator",))
    person, token = queue.sign_up(**answers(quartier))
    mate, _ = make_buddy(first_name="Aurèle", contact="aurele@exemple.fr")
    declined, _ = make_buddy()
    pairs.answer(person, pairs.propose(mediator, person, declined, "Tous deux aiment marcher"), False)
    pair = pairs.propose(mediator, person, mate, "2 créneaux communs")
    pairs.answer(person, pair, True)
    pairs.answer(mate, pair, True)
    queue.log_access(mediator, person, "fiche")
    hashed = person.token_hash
    assert rows_holding("Zéphyrine", "zephyrine.b@exemple.fr", hashed)  # the scan finds them while they are here

    queue.leave(person)

    assert rows_holding("Zéphyrine", "zephyrine.b@exemple.fr", hashed) == []
    assert queue.by_token(token) is None
    assert {c.person_id for c in db.session.scalars(sa.select(Consent))} == {mate.id, declined.id}
    assert db.session.scalars(sa.select(AccessEntry)).all() == []
    assert db.session.scalars(sa.select(NotAgain)).all() == []
    ended = db.session.get(Pair, pair.id)
    assert ended.status == "ended" and ended.first_id is None and ended.second_id == mate.id
    assert ended.explanation == ""
    assert mate.status == PAUSED
    kinds = db.session.scalars(sa.select(PairEvent.kind)).all()
    assert LEFT in kinds and PAIR_ENDED in kinds
    to, _subject, body = outbox()[-1]
    assert to == "aurele@exemple.fr" and "s'arrête" in body and "Zéphyrine" not in body


def test_leaving_during_a_proposal_declines_it_and_the_other_keeps_their_place(make_buddy, make_user):
    mediator = make_user(roles=("mediator",))
    since = clock.now() - timedelta(days=40)
    person, _ = make_buddy()
    other, _ = make_buddy(waiting_since=since)
    pair = pairs.propose(mediator, person, other, "")
    queue.leave(person)
    assert other.status == WAITING and other.waiting_since == since
    assert db.session.get(Pair, pair.id).status == "declined"


def test_the_export_has_everything_stored_and_nothing_of_the_other_person(make_buddy, make_user):
    mediator = make_user(roles=("mediator",))
    person, _ = make_buddy(first_name="Zéphyrine", contact="06 11 22 33 44", contact_kind="phone",
                           slots=((1, 0),), languages="fr,pt", needs="hearing")
    mate, _ = make_buddy(first_name="Aurèle", contact="aurele@exemple.fr")
    pair = pairs.propose(mediator, person, mate, "")
    pairs.answer(person, pair, True)
    pairs.answer(mate, pair, True)
    queue.log_access(mediator, person, "fiche")

    data = queue.export(person)

    assert data["first_name"] == "Zéphyrine" and data["contact"] == "06 11 22 33 44"
    assert data["availability"] == [{"weekday": "tuesday", "part_of_day": "morning"}]
    assert data["languages"] == ["fr", "pt"] and data["needs"] == ["hearing"]
    assert {c["purpose"] for c in data["consents"]} == {MATCHING, CONTACT, FOLLOW_UP}
    assert data["pairs"][0]["status"] == "active" and data["pairs"][0]["your_answer"] is True
    assert data["record_viewed"][0]["what"] == "fiche"
    text = str(data)
    assert "aurele@exemple.fr" not in text and "Aurèle" not in text


def test_an_access_is_logged_and_events_name_only_their_month(make_buddy, make_user):
    person, _ = make_buddy()
    mediator = make_user(roles=("mediator",))
    entry = queue.log_access(mediator, person, "fiche")
    assert (entry.viewer_id, entry.person_id, entry.what) == (mediator.id, person.id, "fiche")
    event = queue.record_event(LEFT, waited_days=3)
    db.session.commit()
    assert event.month == clock.today().replace(day=1) and event.waited_days == 3


def test_the_current_charter_is_the_latest_version(app):
    assert queue.current_charter() is None
    db.session.add_all([BuddyCharter(version=1), BuddyCharter(version=2)])
    db.session.commit()
    assert queue.current_charter().version == 2
    assert queue.charter_key(queue.current_charter()) == "binome-charter:2"


def test_slots_and_bits_go_both_ways(app):
    slots = [(0, 0), (3, 2), (6, 2)]
    assert queue.slots_of(queue.slot_bits(slots)) == slots
    assert queue.slot_bits([(0, 0), (0, 0)]) == 1
