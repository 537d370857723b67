"""Pairs: proposed by a mediator, active only when both said yes (the other's first name shown
only then), a decline costing nobody their place, an end at any time, told neutrally."""
import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal import clock
from portal.audit import AuditEntry
from portal.binomes import pairs, queue
from portal.binomes.models import (
    ACTIVE, CONTINUE, DECLINED, END, ENDED, PAIR_ACCEPTED, PAIR_DECLINED, PAIR_ENDED, PAIR_PROPOSED, PAIRED,
    PAUSED, PROPOSAL, PROPOSED, SUPPORT, WAITING, NotAgain, Pair, PairEvent, Person)
from portal.database import db
from portal.errors import Refused


@pytest.fixture
def mediator(make_user):
    return make_user(roles=("mediator",))


@pytest.fixture
def two(make_buddy, make_neighbourhood):
    """Léonie and Bastien: Tuesday morning and Friday afternoon in common, both like walks, both
    speak Portuguese."""
    nord, sud = make_neighbourhood(name="Nord"), make_neighbourhood(name="Sud")
    leonie, _ = make_buddy(neighbourhood=nord, first_name="Léonie", contact="leonie@exemple.fr",
                           slots=((1, 0), (4, 1), (6, 2)), activities="marche,mediatheque", languages="fr,pt",
                           waiting_since=clock.now() - timedelta(days=20))
    bastien, _ = make_buddy(neighbourhood=sud, first_name="Bastien", contact="bastien@exemple.fr",
                            slots=((1, 0), (4, 1), (0, 0)), activities="marche,cafe", languages="pt,es",
                            waiting_since=clock.now() - timedelta(days=6))
    return leonie, bastien


def events(kind):
    return db.session.scalars(sa.select(PairEvent).where(PairEvent.kind == kind)).all()


def test_a_proposal_tells_each_what_they_share_without_the_others_first_name(mediator, two, outbox):
    leonie, bastien = two
    pair = pairs.propose(mediator, leonie, bastien, "2 créneaux communs")
    assert pair.status == PROPOSAL and pair.proposed_by is mediator
    assert leonie.status == bastien.status == PROPOSED
    assert len(events(PAIR_PROPOSED)) == 1
    assert db.session.scalar(sa.select(AuditEntry.action)) == "pair.proposed"
    mails = {to: body for to, _subject, body in outbox()}
    assert set(mails) == {"leonie@exemple.fr", "bastien@exemple.fr"}
    for body in mails.values():
        assert "mardi matin, vendredi après-midi" in body and "Marcher" in body and "portugais" in body
    assert "Bastien" not in mails["leonie@exemple.fr"] and "Sud" in mails["leonie@exemple.fr"]
    assert "Léonie" not in mails["bastien@exemple.fr"] and "Nord" in mails["bastien@exemple.fr"]
    shared = pairs.shared(pair, leonie)
    assert [str(s) for s in shared.slots] == ["mardi matin", "vendredi après-midi"]
    assert shared.neighbourhood == "Sud"


def test_nobody_is_proposed_who_is_not_waiting_or_did_not_consent(mediator, two, make_buddy):
    leonie, bastien = two
    with pytest.raises(Refused):
        pairs.propose(mediator, leonie, leonie, "")
    paused, _ = make_buddy(status=PAUSED)
    no_consent, _ = make_buddy(consents=False)
    for other in (paused, no_consent):
        with pytest.raises(Refused):
            pairs.propose(mediator, leonie, other, "")
        db.session.rollback()
    pairs.propose(mediator, leonie, bastien, "")
    third, _ = make_buddy()
    with pytest.raises(Refused):
        pairs.propose(mediator, leonie, third, "")  # already proposed to someone


def test_the_pair_is_active_only_when_both_said_yes(mediator, two, outbox, make_place, make_room):
    leonie, bastien = two
    place = make_place(name="Maison du Nord", neighbourhood="Nord", address="1 place du Nord")
    make_room(place=place)
    pair = pairs.propose(mediator, leonie, bastien, "")
    sent = len(outbox())

    pairs.answer(leonie, pair, True)
    assert pair.status == PROPOSAL and leonie.status == PROPOSED
    assert len(outbox()) == sent  # nobody learns anything yet

    pairs.answer(bastien, pair, True)
    assert pair.status == ACTIVE and leonie.status == bastien.status == PAIRED
    assert pair.activated_at is not None
    assert pair.follow_up_on == clock.today() + timedelta(days=14)
    assert pair.meeting_place == place
    assert sorted(e.waited_days for e in events(PAIR_ACCEPTED)) == [6, 20]
    mails = {to: body for to, _subject, body in outbox()[sent:]}
    assert "Bastien" in mails["leonie@exemple.fr"] and "Léonie" in mails["bastien@exemple.fr"]
    assert "Maison du Nord" in mails["leonie@exemple.fr"]
    assert "bastien@exemple.fr" not in mails["leonie@exemple.fr"]  # contacts are never exchanged


def test_a_decline_returns_both_to_the_queue_as_they_were_and_never_again_together(mediator, two, outbox):
    leonie, bastien = two
    before = (leonie.waiting_since, bastien.waiting_since)
    pair = pairs.propose(mediator, leonie, bastien, "")
    pairs.answer(leonie, pair, True)
    sent = len(outbox())

    pairs.answer(bastien, pair, False)

    assert pair.status == DECLINED and pair.second_answer is False
    assert leonie.status == bastien.status == WAITING
    assert (leonie.waiting_since, bastien.waiting_since) == before  # no penalty
    assert db.session.scalars(sa.select(NotAgain)).all()
    assert len(events(PAIR_DECLINED)) == 1
    [(to, _subject, body)] = outbox()[sent:]  # only the other is told, without a reason or a name
    assert to == "leonie@exemple.fr" and "ne se fera pas" in body and "Bastien" not in body
    with pytest.raises(Refused):
        pairs.propose(mediator, bastien, leonie, "")


def test_two_yeses_at_the_same_moment_both_count(app, mediator, two):
    """Each presses "Oui, j'accepte" at the same moment, each in their own request."""
    pair_id = pairs.propose(mediator, *two, "").id
    people = [person.id for person in two]
    start = threading.Barrier(2)
    failures = []

    def accept(person_id):
        with app.app_context(), app.test_request_context():
            person, pair = db.session.get(Person, person_id), db.session.get(Pair, pair_id)
            start.wait()
            try:
                pairs.answer(person, pair, True)
            except Exception as error:  # noqa: BLE001 (reported below)
                failures.append(repr(error))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=accept, args=(person_id,)) for person_id in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    db.session.expire_all()
    assert db.session.get(Pair, pair_id).status == ACTIVE


def test_only_the_two_people_answer_and_only_once(mediator, two, make_buddy):
    leonie, bastien = two
    stranger, _ = make_buddy()
    pair = pairs.propose(mediator, leonie, bastien, "")
    with pytest.raises(Refused):
        pairs.answer(stranger, pair, True)
    db.session.rollback()
    pairs.answer(leonie, pair, False)
    with pytest.raises(Refused):
        pairs.answer(bastien, pair, True)
    db.session.rollback()
    with pytest.raises(Refused):
        pairs.answer(bastien, None, True)


def active_pair(mediator, first, second):
    pair = pairs.propose(mediator, first, second, "")
    pairs.answer(first, pair, True)
    pairs.answer(second, pair, True)
    return pair


def test_either_person_ends_the_pair_and_the_other_is_told_neutrally(mediator, two, outbox):
    leonie, bastien = two
    pair = active_pair(mediator, leonie, bastien)
    sent = len(outbox())

    pairs.end(pair, ended_by_person=bastien)

    assert pair.status == ENDED and pair.ended_at is not None
    assert leonie.status == bastien.status == PAUSED and leonie.inactive_since is not None
    assert len(events(PAIR_ENDED)) == 1
    [(to, _subject, body)] = outbox()[sent:]
    assert to == "leonie@exemple.fr" and "s'arrête" in body and "Bastien" not in body
    assert pairs.current_pair(leonie) is None
    # Ending offers a return to the queue; waiting starts again from then.
    pairs.return_to_queue(leonie)
    assert leonie.status == WAITING and leonie.waiting_since >= pair.ended_at
    with pytest.raises(Refused):
        pairs.end(pair, ended_by_person=leonie)  # already over


def test_only_the_two_people_end_their_pair(mediator, two, make_buddy):
    pair = active_pair(mediator, *two)
    stranger, _ = make_buddy()
    with pytest.raises(Refused):
        pairs.end(pair, ended_by_person=stranger)
    db.session.rollback()
    assert pair.status == ACTIVE
    pairs.end(pair, mediator=mediator)
    assert pair.status == ENDED and two[0].status == two[1].status == PAUSED


def test_meeting_place_is_public_near_them_and_step_free_when_needed(mediator, two, make_place, make_room):
    leonie, bastien = two
    archived = make_place(name="A Ancienne mairie", neighbourhood="Nord", archived_at=clock.now())
    make_room(place=archived)
    elsewhere = make_place(name="B Centre social", neighbourhood="Ailleurs")
    make_room(place=elsewhere, step_free=True)
    steps = make_place(name="C Café associatif", neighbourhood="Sud")
    make_room(place=steps, step_free=False)
    pair = pairs.propose(mediator, leonie, bastien, "")
    assert pairs.meeting_place_for(pair) == steps  # in their neighbourhoods, never an archived place

    leonie.needs = "step_free"
    assert pairs.meeting_place_for(pair) == elsewhere  # a place she can enter comes first
    accessible = make_place(name="D Médiathèque", neighbourhood="Nord")
    make_room(place=accessible, step_free=True)
    assert pairs.meeting_place_for(pair) == accessible


def test_without_any_place_there_is_no_meeting_place(mediator, two):
    pair = pairs.propose(mediator, *two, "")
    assert pairs.meeting_place_for(pair) is None


def test_the_follow_up_point_comes_after_two_weeks_and_is_recorded(mediator, two):
    leonie, bastien = two
    pair = active_pair(mediator, leonie, bastien)
    assert pairs.follow_ups_due(clock.today()) == []
    due = clock.today() + timedelta(days=14)
    assert pairs.follow_ups_due(due) == [pair]
    with pytest.raises(Refused) as refused:
        pairs.record_follow_up(mediator, pair, "peut-être")
    assert refused.value.field == "outcome"
    db.session.rollback()

    pairs.record_follow_up(mediator, pair, SUPPORT)
    assert pair.status == ACTIVE and pair.outcome == SUPPORT and pair.followed_up_at is not None
    assert pairs.follow_ups_due(due) == []


@pytest.mark.parametrize("outcome, status", [(CONTINUE, ACTIVE), (END, ENDED)])
def test_a_follow_up_continues_or_ends_the_pair(mediator, two, outcome, status):
    leonie, bastien = two
    pair = active_pair(mediator, leonie, bastien)
    pairs.record_follow_up(mediator, pair, outcome)
    assert pair.status == status and pair.outcome == outcome


def test_current_pair_and_the_other_person(mediator, two):
    leonie, bastien = two
    assert pairs.current_pair(leonie) is None
    pair = pairs.propose(mediator, leonie, bastien, "")
    assert pairs.current_pair(leonie) == pair == pairs.current_pair(bastien)
    assert pairs.other(pair, leonie) == bastien and pairs.other(pair, bastien) == leonie
    assert pairs.pairs_of(leonie) == [pair]
    assert queue.export(leonie)["pairs"][0]["status"] == PROPOSAL
