"""Matching suggestions: who is suggested to whom, in which order, and how each suggestion
explains itself to the mediator."""
from datetime import timedelta

import pytest

from portal import clock
from portal.binomes import matching
from portal.binomes.models import (
    ANY_PACE, BRISK, GENTLE, MAN, PAIRED, PAUSED, PROPOSED, TO_CONFIRM, WOMAN, Neighbourhood, NotAgain,
)
from portal.database import db

TUESDAY_MORNING, FRIDAY_AFTERNOON, SUNDAY_EVENING, MONDAY_MORNING = (1, 0), (4, 1), (6, 2), (0, 0)


@pytest.fixture
def centre(make_neighbourhood):
    return make_neighbourhood(name="Centre", latitude=47.3900, longitude=0.6900)


def suggested(person, limit=5):
    return [s.candidate for s in matching.suggestions(person, limit=limit)]


def test_a_suggestion_says_which_slots_activities_and_languages_they_share(make_buddy, centre):
    person, _ = make_buddy(centre, slots=(TUESDAY_MORNING, FRIDAY_AFTERNOON, SUNDAY_EVENING),
                           activities="marche,mediatheque", languages="fr,pt")
    candidate, _ = make_buddy(centre, slots=(MONDAY_MORNING, TUESDAY_MORNING, FRIDAY_AFTERNOON),
                              activities="marche,cafe", languages="pt")

    [suggestion] = matching.suggestions(person)

    assert suggestion.candidate == candidate
    assert suggestion.reasons[:4] == ["2 créneaux communs : mardi matin, vendredi après-midi",
                                      "tous deux aiment marcher", "parlent tous deux portugais", "même quartier"]


def test_one_shared_slot_is_said_in_the_singular(make_buddy, centre):
    person, _ = make_buddy(centre, slots=(SUNDAY_EVENING,))
    make_buddy(centre, slots=(SUNDAY_EVENING, MONDAY_MORNING))

    [suggestion] = matching.suggestions(person)

    assert suggestion.reasons[0] == "1 créneau commun : dimanche soir"


def test_neighbourhoods_apart_are_said_with_their_distance(make_buddy, make_neighbourhood, centre):
    # 0.0108° of latitude is 1.2 km.
    north = make_neighbourhood(name="Nord", latitude=47.4008, longitude=0.6900)
    person, _ = make_buddy(centre)
    make_buddy(north)

    [suggestion] = matching.suggestions(person)

    assert "quartiers à 1,2 km" in suggestion.reasons


def test_distance_between_centres_is_measured_on_the_earth():
    tours, paris = Neighbourhood(latitude=47.3941, longitude=0.6848), Neighbourhood(latitude=48.8566, longitude=2.3522)
    assert matching.distance_km(tours, paris) == pytest.approx(205, abs=2)
    assert matching.distance_km(tours, tours) == 0


def test_nobody_without_a_shared_slot_is_suggested(make_buddy, centre):
    person, _ = make_buddy(centre, slots=(MONDAY_MORNING,))
    make_buddy(centre, slots=(TUESDAY_MORNING, FRIDAY_AFTERNOON))

    assert suggested(person) == []


def test_only_waiting_people_other_than_the_person_are_suggested(make_buddy, centre):
    person, _ = make_buddy(centre)
    waiting, _ = make_buddy(centre)
    for status in (TO_CONFIRM, PAUSED, PROPOSED, PAIRED):
        make_buddy(centre, status=status)

    assert suggested(person) == [waiting]


def test_a_gentle_pace_and_a_brisk_one_are_never_suggested_together(make_buddy, centre):
    gentle, _ = make_buddy(centre, pace=GENTLE)
    make_buddy(centre, pace=BRISK)
    any_pace, _ = make_buddy(centre, pace=ANY_PACE)
    also_gentle, _ = make_buddy(centre, pace=GENTLE)

    assert set(suggested(gentle)) == {any_pace, also_gentle}


def test_a_preferred_gender_must_be_the_candidates_and_an_unknown_gender_never_is(make_buddy, centre):
    person, _ = make_buddy(centre, gender=WOMAN, buddy_gender=WOMAN)
    woman, _ = make_buddy(centre, gender=WOMAN)
    make_buddy(centre, gender=MAN)
    make_buddy(centre, gender="")

    [suggestion] = matching.suggestions(person)

    assert suggestion.candidate == woman
    assert "préférence de genre respectée des deux côtés" in suggestion.reasons


def test_the_candidates_preference_counts_as_much_as_the_persons(make_buddy, centre):
    prefers_a_woman, _ = make_buddy(centre, gender=WOMAN, buddy_gender=WOMAN)
    man, _ = make_buddy(centre, gender=MAN)
    unknown, _ = make_buddy(centre, gender="")
    woman, _ = make_buddy(centre, gender=WOMAN)

    assert prefers_a_woman not in suggested(man)
    assert prefers_a_woman not in suggested(unknown)
    assert prefers_a_woman in suggested(woman)


def test_two_people_one_of_whom_declined_the_other_are_not_suggested_again(make_buddy, centre):
    person, _ = make_buddy(centre)
    declined, _ = make_buddy(centre)
    declined_by, _ = make_buddy(centre)
    other, _ = make_buddy(centre)
    low, high = sorted((person.id, declined.id))
    db.session.add(NotAgain(low_id=low, high_id=high))
    low, high = sorted((person.id, declined_by.id))
    db.session.add(NotAgain(low_id=low, high_id=high))
    db.session.commit()

    assert suggested(person) == [other]


def test_the_best_match_comes_first_and_equal_scores_by_waiting_time(make_buddy, make_neighbourhood, centre):
    far = make_neighbourhood(name="Loin", latitude=47.45, longitude=0.75)
    now = clock.now()
    person, _ = make_buddy(centre, slots=(TUESDAY_MORNING, FRIDAY_AFTERNOON), activities="cafe", languages="fr")
    one_slot_far, _ = make_buddy(far, slots=(TUESDAY_MORNING,), activities="marche", languages="ar")
    best, _ = make_buddy(centre, slots=(TUESDAY_MORNING, FRIDAY_AFTERNOON), activities="cafe", languages="fr")
    newer, _ = make_buddy(centre, slots=(TUESDAY_MORNING,), activities="cafe", languages="fr",
                          waiting_since=now - timedelta(days=2))
    older, _ = make_buddy(centre, slots=(FRIDAY_AFTERNOON,), activities="cafe", languages="fr",
                          waiting_since=now - timedelta(days=20))

    found = matching.suggestions(person)

    assert [s.candidate for s in found] == [best, older, newer, one_slot_far]
    assert found[0].score > found[1].score == found[2].score > found[3].score
    assert suggested(person, limit=2) == [best, older]
    assert "aucune langue commune indiquée" in found[3].reasons


def test_accessibility_needs_are_said_without_naming_anyone(make_buddy, centre):
    person, _ = make_buddy(centre, needs="step_free,hearing")
    candidate, _ = make_buddy(centre, needs="hearing")

    [suggestion] = matching.suggestions(person)

    assert "se rencontrer dans des lieux sans marches" in suggestion.reasons
    assert "les deux entendent mal : choisir un lieu calme" in suggestion.reasons
    assert not any(person.first_name in reason or candidate.first_name in reason for reason in suggestion.reasons)
