"""What ``tick`` does for the binômes: the mediators are told once when a pair reaches its
follow-up point, and people the queue no longer serves are erased after their period; what
remains are the anonymous counts indicators read."""
from datetime import date, time, timedelta

import pytest
import sqlalchemy as sa
from dateutil.relativedelta import relativedelta

from portal import clock
from portal.binomes import counts, pairs, queue, retention
from portal.binomes.models import (ACTIVE, ENDED, LEFT, PAIR_ACCEPTED, PAIR_DECLINED, PAIR_ENDED, PAIR_PROPOSED,
                                   PAIRED, PAUSED, SIGNED_UP, TO_CONFIRM, AccessEntry, Consent, NotAgain, Pair,
                                   PairEvent, Person)
from portal.database import db

START, MORNING = date(2025, 3, 2), time(9)


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.fixture
def active_pair(app, make_buddy):
    """An active pair that started on 2 March: its follow-up point is 16 March."""
    first, _ = make_buddy(first_name="Colette", contact="colette@exemple.fr")
    second, _ = make_buddy(first_name="Ana", contact_kind="phone", contact="06 12 34 56 78")
    first.status = second.status = PAIRED
    pair = Pair(first=first, second=second, status=ACTIVE, first_answer=True, second_answer=True,
                activated_at=clock.at(START, MORNING), follow_up_on=START + timedelta(days=14))
    db.session.add(pair)
    db.session.commit()
    return pair


@pytest.fixture
def mediators(make_user):
    """Two mediators at work, one whose account is closed, and a staff member."""
    return (make_user(roles=("mediator",), email="paul@mairie.example"),
            make_user(roles=("mediator",), email="lea@mairie.example"),
            make_user(roles=("mediator",), email="parti@mairie.example", active=False),
            make_user(roles=("staff",), email="staff@mairie.example"))


def due(days_after_start=14):
    return clock.at(START + timedelta(days=days_after_start), MORNING)


# --- the follow-up reminder ----------------------------------------------------------------

def test_the_mediators_are_told_once_when_the_follow_up_point_comes(active_pair, mediators, outbox):
    assert retention.remind_follow_ups(now=due(13)) == 0
    assert outbox() == []
    assert retention.remind_follow_ups(now=due(14)) == 1
    assert retention.remind_follow_ups(now=due(14)) == 0  # tick runs again: nothing more
    assert retention.remind_follow_ups(now=due(20)) == 0
    sent = outbox()
    assert sorted(to for to, _s, _b in sent) == ["lea@mairie.example", "paul@mairie.example"]
    _to, subject, body = sent[0]
    assert "point de suivi" in subject
    assert f"://passerelle.test/mediation/binomes/{active_pair.id}" in body
    # Nothing that says who they are: the mediators open the record.
    for personal in ("Colette", "colette@exemple.fr", "Ana", "06 12 34 56 78"):
        assert personal not in subject + body
    assert active_pair.follow_up_reminded_at == due(14)


def test_a_reminder_claimed_by_a_concurrent_run_is_not_sent_again(active_pair, mediators, outbox):
    # Another run wrote it down first (and is sending it): this one must leave it.
    db.session.execute(sa.update(Pair).values(follow_up_reminded_at=due(14)))
    db.session.commit()
    assert retention.remind_follow_ups(now=due(14)) == 0
    assert outbox() == []


def test_a_pair_already_followed_up_is_not_signalled(active_pair, mediators, outbox):
    pairs.record_follow_up(mediators[0], active_pair, "continue")
    assert retention.remind_follow_ups(now=due(15)) == 0
    assert outbox() == []


def test_without_any_mediator_the_reminder_waits_for_one(active_pair, make_user, outbox):
    assert retention.remind_follow_ups(now=due(14)) == 0
    assert active_pair.follow_up_reminded_at is None
    make_user(roles=("mediator",), email="arrivee@mairie.example")
    assert retention.remind_follow_ups(now=due(15)) == 1
    assert [to for to, _s, _b in outbox()] == ["arrivee@mairie.example"]


def test_when_the_mail_server_refuses_the_reminder_waits_for_the_next_run(app, active_pair, mediators, outbox,
                                                                          mail_server_down):
    assert retention.remind_follow_ups(now=due(14)) == 0
    assert active_pair.follow_up_reminded_at is None
    app.config["MAIL_SERVER"] = None  # the server is back
    assert retention.remind_follow_ups(now=due(15)) == 1
    assert len(outbox()) == 2


# --- the purge -----------------------------------------------------------------------------

def test_people_without_news_for_the_retention_period_are_erased(app, make_buddy):
    now = due(0)
    year_ago = now - relativedelta(months=12)
    gone_paused, _ = make_buddy(status=PAUSED, inactive_since=year_ago - timedelta(days=1))
    kept_paused, _ = make_buddy(status=PAUSED, inactive_since=year_ago + timedelta(days=1))
    old_waiting, _ = make_buddy(signed_up_at=now - timedelta(days=800), waiting_since=now - timedelta(days=800))
    gone_unconfirmed, _ = make_buddy(status=TO_CONFIRM, consents=False, signed_up_at=now - timedelta(days=31))
    kept_unconfirmed, _ = make_buddy(status=TO_CONFIRM, consents=False, signed_up_at=now - timedelta(days=29))
    gone_ids = {gone_paused.id, gone_unconfirmed.id}
    assert retention.purge(now=now) == 2
    assert retention.purge(now=now) == 0
    left = set(db.session.scalars(sa.select(Person.id)))
    assert left == {kept_paused.id, old_waiting.id, kept_unconfirmed.id}
    assert not gone_ids & set(db.session.scalars(sa.select(Consent.person_id)))


def test_the_retention_period_is_configurable(app, make_buddy):
    app.config["BINOME_RETENTION_MONTHS"] = 6
    now = due(0)
    make_buddy(status=PAUSED, inactive_since=now - relativedelta(months=7))
    assert retention.purge(now=now) == 1


def test_an_ended_pair_keeps_only_its_dates_and_the_counts_stay(active_pair, make_user, outbox):
    first, second = active_pair.first, active_pair.second
    mediator = make_user(roles=("mediator",))
    queue.log_access(mediator, first, "record")
    db.session.add(NotAgain(low_id=min(first.id, second.id), high_id=max(first.id, second.id)))
    active_pair.explanation = "tous deux aiment marcher ; tous deux parlent portugais"
    db.session.commit()
    pairs.end(active_pair, ended_by_person=first)
    assert (first.status, second.status) == (PAUSED, PAUSED)
    events_before, counted = count(PairEvent), counts.pair_counts()
    ended_at = first.inactive_since

    assert retention.purge(now=ended_at + relativedelta(months=11)) == 0
    assert retention.purge(now=ended_at + relativedelta(months=12, days=1)) == 2
    assert count(Person) == count(Consent) == count(AccessEntry) == count(NotAgain) == 0
    pair = db.session.get(Pair, active_pair.id)
    assert (pair.first_id, pair.second_id, pair.explanation, pair.status) == (None, None, "", ENDED)
    assert pair.activated_at is not None and pair.ended_at is not None
    assert count(PairEvent) == events_before and counts.pair_counts() == counted
    assert counted[PAIR_ENDED] == 1


def test_a_person_who_paused_is_erased_after_the_period_and_one_who_came_back_is_not(app, make_buddy):
    paused, _ = make_buddy()
    back, _ = make_buddy()
    queue.pause(paused)
    queue.pause(back)
    queue.resume(back)
    assert retention.purge(now=clock.now() + relativedelta(months=12, days=1)) == 1
    assert list(db.session.scalars(sa.select(Person.id))) == [back.id]


# --- the command ---------------------------------------------------------------------------

def test_tick_reminds_and_purges_and_says_so(app, runner, make_buddy, mediators, outbox):
    first, _ = make_buddy()
    second, _ = make_buddy()
    db.session.add(Pair(first=first, second=second, status=ACTIVE, activated_at=clock.now() - timedelta(days=15),
                        follow_up_on=clock.today() - timedelta(days=1)))
    make_buddy(status=PAUSED, inactive_since=clock.now() - relativedelta(months=13))
    db.session.commit()
    result = runner.invoke(args=["tick", "--url", "https://passerelle.mairie.example"])
    assert result.exit_code == 0, result.output
    assert "1 point(s) de suivi de binôme signalé(s)" in result.output
    assert "1 personne(s) effacée(s) de la file des binômes" in result.output
    again = runner.invoke(args=["tick"])
    assert "0 point(s) de suivi" in again.output and "0 personne(s) effacée(s)" in again.output
    assert len(outbox()) == 2  # one per mediator at work, once


# --- the anonymous counts ------------------------------------------------------------------

def events(month, *kinds, waited=()):
    for kind in kinds:
        db.session.add(PairEvent(kind=kind, month=month))
    for days in waited:  # a pair formed: one event per person, with the days they waited
        db.session.add(PairEvent(kind=PAIR_ACCEPTED, month=month, waited_days=days))
    db.session.commit()


def test_the_counts_name_nobody():
    assert set(PairEvent.__table__.columns.keys()) == {"id", "kind", "month", "waited_days"}
    assert not PairEvent.__table__.foreign_keys


def test_counts_over_a_period_and_month_by_month(app):
    events(date(2025, 1, 1), SIGNED_UP, SIGNED_UP, PAIR_PROPOSED, waited=(10, 30))
    events(date(2025, 3, 1), SIGNED_UP, PAIR_PROPOSED, PAIR_PROPOSED, PAIR_DECLINED, LEFT, waited=(20, 40))
    events(date(2025, 4, 1), PAIR_ENDED, waited=(90, 90))
    spring = counts.pair_counts(date(2025, 2, 15), date(2025, 4, 30))
    assert spring == {"signed_up": 1, "proposed": 2, "accepted": 2, "declined": 1, "ended": 1, "left": 1,
                      "active": 0, "median_wait_days": 65}
    assert counts.pair_counts()["accepted"] == 3
    assert counts.pair_counts()["median_wait_days"] == 35
    months = counts.by_month(date(2025, 1, 10), date(2025, 3, 5))
    assert [month for month, _c in months] == [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)]
    january, february, march = (c for _m, c in months)
    assert (january["signed_up"], january["accepted"], january["median_wait_days"]) == (2, 1, 20)
    assert february == {"signed_up": 0, "proposed": 0, "accepted": 0, "declined": 0, "ended": 0, "left": 0,
                        "median_wait_days": None}
    assert (march["proposed"], march["left"]) == (2, 1)


def test_counts_follow_a_pair_from_proposal_to_its_end(app, make_buddy, make_user, outbox):
    mediator = make_user(roles=("mediator",))
    first, _ = make_buddy(waiting_since=clock.now() - timedelta(days=20))
    second, _ = make_buddy(waiting_since=clock.now() - timedelta(days=6))
    pair = pairs.propose(mediator, first, second, "")
    assert counts.pair_counts()["proposed"] == 1 and counts.pair_counts()["active"] == 0
    pairs.answer(first, pair, True)
    pairs.answer(second, pair, True)
    formed = counts.pair_counts()
    assert (formed["accepted"], formed["active"], formed["median_wait_days"]) == (1, 1, 13)
    pairs.end(pair, ended_by_person=second)
    ended = counts.pair_counts()
    assert (ended["ended"], ended["active"]) == (1, 0)
