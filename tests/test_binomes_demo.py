"""The binômes of the demo town: a queue worth trying the mediators' pages on, loaded once."""
import pytest
import sqlalchemy as sa

from portal import clock
from portal import demo as town
from portal.binomes import counts, demo, matching, mediation, queue, retention
from portal.binomes.models import (ACTIVE, PROPOSAL, TO_CONFIRM, WAITING, BuddyCharter, Consent, Neighbourhood,
                                   Pair, PairEvent, Person)
from portal.content import easy_read
from portal.content import operations as content
from portal.content.models import TranslatedText
from portal.database import db

MODELS = (Neighbourhood, BuddyCharter, TranslatedText, Person, Consent, Pair, PairEvent)


@pytest.fixture
def loaded(app, outbox):
    town.load_demo()  # the places and the accounts the binômes need
    demo.load()
    db.session.commit()
    assert outbox() == []  # a demo tells nobody anything


def sizes():
    return {model.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(model)) for model in MODELS}


def people(*where):
    return db.session.scalars(sa.select(Person).where(*where)).all()


def test_loading_twice_adds_nothing(loaded):
    first = sizes()
    demo.load()
    db.session.commit()
    assert sizes() == first


def test_the_queue_is_varied_and_some_have_waited_too_long(loaded):
    everyone = people()
    assert 28 <= len(everyone) <= 32
    spoken = {language for person in everyone for language in queue.keys_of(person.languages)}
    assert {"fr", "pt", "ar", "uk", "es", "en"} <= spoken
    assert len({person.availability for person in everyone}) >= 20
    assert {person.pace for person in everyone} == {"gentle", "any", "brisk"}
    assert any(person.needs for person in everyone)
    waiting = mediation.queue(status=WAITING)
    assert 1 <= sum(entry.flagged for entry in waiting) < len(waiting) / 2  # a few past 4 weeks
    assert min(entry.waited.days for entry in waiting) <= 2
    # A mediator opening a waiting person's record sees suggestions that explain themselves.
    [suggestion, *_] = matching.suggestions(waiting[0].person)
    assert suggestion.reasons


def test_two_people_signed_up_by_the_volunteer_are_still_to_confirm(loaded):
    to_confirm = people(Person.status == TO_CONFIRM)
    assert len(to_confirm) == 2
    assert {person.recorded_by.email for person in to_confirm} == {"benevole@passerelle.example"}
    assert all(person.consents == [] for person in to_confirm)


def test_two_active_pairs_one_at_its_follow_up_point_and_a_proposal_waiting_for_one_answer(loaded, outbox):
    active = db.session.scalars(sa.select(Pair).where(Pair.status == ACTIVE)).all()
    assert len(active) == 2
    assert all(pair.meeting_place is not None for pair in active)
    assert sorted(pair.follow_up_on <= clock.today() for pair in active) == [False, True]
    [proposal] = db.session.scalars(sa.select(Pair).where(Pair.status == PROPOSAL)).all()
    assert [proposal.first_answer, proposal.second_answer].count(None) == 1
    # The demo mediator is told about the pair at its follow-up point by the next tick.
    assert retention.remind_follow_ups() == 1
    assert [to for to, _s, _b in outbox()] == ["mediation@passerelle.example"]


def test_consents_are_on_the_charter_version_1_written_in_every_language_and_easy_to_read_french(loaded):
    assert set(db.session.scalars(sa.select(Consent.charter_version))) == {1}
    texts = content.variants(queue.charter_key(queue.current_charter()))
    assert set(texts) == {("fr", "falc")} | {(locale, "standard") for locale in ("fr", "en", "ar", "es", "pt", "uk")}
    assert "lieu public" in texts[("fr", "standard")] and "public place" in texts[("en", "standard")]
    assert "مكان عام" in texts[("ar", "standard")] and "lugar público" in texts[("es", "standard")]
    assert easy_read.report(texts[("fr", "falc")], "fr").hints == []


def test_the_counts_have_something_to_show(loaded):
    shown = counts.pair_counts()
    assert shown["active"] == 2 and shown["accepted"] == 3 and shown["signed_up"] == len(people())
    assert shown["declined"] == shown["ended"] == shown["left"] == 1
    assert shown["median_wait_days"] > 0
