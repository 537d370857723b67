"""The mediators' pages: the queue, a person's record (its access log, its suggestions, proposing,
a confirmation by phone, a new personal link), and a pair's follow-up."""
from datetime import timedelta

import pytest

from portal import clock
from portal.binomes import mediation, queue
from portal.binomes.models import (
    ACTIVE, BY_PHONE, ENDED, MATCHING, PAIRED, PAUSED, PROPOSAL, PROPOSED, SUPPORT, TO_CONFIRM, WAITING, AccessEntry,
    BuddyCharter, Pair,
)
from portal.database import db


@pytest.fixture
def mediator(make_user):
    return make_user(roles=("mediator",), name="Inès Médiatrice")


@pytest.fixture
def signed_in(client, mediator):
    client.login(mediator)
    return client


def flashed(page):
    return page[page.index('class="flashes"'):page.index("<h1>")]


def weeks_ago(weeks):
    return clock.now() - timedelta(weeks=weeks)


def active_pair(make_buddy, neighbourhood=None, **values):
    first, _ = make_buddy(neighbourhood, status=PAIRED)
    second, _ = make_buddy(neighbourhood, status=PAIRED)
    pair = Pair(first=first, second=second, status=ACTIVE, first_answer=True, second_answer=True,
                activated_at=clock.now(), follow_up_on=clock.today(), **values)
    db.session.add(pair)
    db.session.commit()
    return pair


# --- who may open these pages ------------------------------------------------------------------

@pytest.mark.parametrize("roles", [("staff",), ("admin",), ("volunteer",), ("association",)])
def test_only_mediators_open_the_queue_and_the_records(client, make_user, make_buddy, roles):
    pair = active_pair(make_buddy)
    person = pair.first
    client.login(make_user(roles=roles))

    assert client.get("/mediation").status_code == 403
    assert client.get(f"/mediation/personnes/{person.id}").status_code == 403
    assert client.post(f"/mediation/personnes/{person.id}/lien").status_code == 403
    assert client.get(f"/mediation/binomes/{pair.id}").status_code == 403
    assert client.post(f"/mediation/binomes/{pair.id}/arreter").status_code == 403
    assert pair.status == ACTIVE
    assert db.session.query(AccessEntry).count() == 0


def test_without_an_account_the_queue_asks_to_sign_in(client, make_buddy):
    person, _ = make_buddy()

    response = client.get(f"/mediation/personnes/{person.id}")

    assert response.status_code == 302 and "/connexion" in response.location
    assert db.session.query(AccessEntry).count() == 0


# --- the queue --------------------------------------------------------------------------------

def test_the_queue_is_oldest_first_with_waiting_time_and_long_waits_flagged(make_buddy, app):
    recent, _ = make_buddy(waiting_since=weeks_ago(1))
    oldest, _ = make_buddy(waiting_since=weeks_ago(6))
    paused_long_ago, _ = make_buddy(waiting_since=weeks_ago(9), status=PAUSED)

    entries = mediation.queue()

    assert [e.person for e in entries] == [paused_long_ago, oldest, recent]
    assert [e.flagged for e in entries] == [False, True, False]
    assert [e.waited_label for e in entries] == ["", "6 semaines", "1 semaine"]
    assert mediation.long_waits() == 1


def test_the_queue_filters_by_status_neighbourhood_activity_and_language(make_buddy, make_neighbourhood):
    north = make_neighbourhood(name="Nord")
    walker, _ = make_buddy(north, activities="marche", languages="fr,pt")
    reader, _ = make_buddy(activities="mediatheque", languages="uk")
    to_confirm, _ = make_buddy(status=TO_CONFIRM, consents=False, activities="cafe", languages="fr")

    def found(**filters):
        return [e.person for e in mediation.queue(**filters)]

    assert found(status=TO_CONFIRM) == [to_confirm]
    assert found(neighbourhood_id=north.id) == [walker]
    assert found(activity="mediatheque") == [reader]
    assert found(language="pt") == [walker]
    assert found(status=WAITING, language="fr") == [walker]
    assert mediation.queue_size(language="fr") == 2


def test_the_queue_page_counts_long_waits_in_words(signed_in, make_buddy):
    make_buddy(first_name="Aline", waiting_since=weeks_ago(5))
    make_buddy(first_name="Bruno", waiting_since=weeks_ago(2))

    page = signed_in.get("/mediation").get_data(as_text=True)

    assert "1 personne attend un binôme depuis plus de 4 semaines." in page
    assert page.index("Aline") < page.index("Bruno")
    aline_row = page[page.index("Aline"):page.index("Bruno")]
    assert "5 semaines" in aline_row and "Attente longue" in aline_row


def test_filtering_the_queue_with_htmx_sends_only_the_results(signed_in, make_buddy):
    make_buddy(first_name="Aline", languages="pt")
    make_buddy(first_name="Bruno", languages="fr")

    response = signed_in.get("/mediation?language=pt", htmx=True)
    fragment = response.get_data(as_text=True)

    assert response.status_code == 200
    assert "Aline" in fragment and "Bruno" not in fragment and "<h1>" not in fragment
    assert "1 personne" in fragment


def test_an_unknown_filter_value_is_said_not_ignored(signed_in, make_buddy):
    make_buddy(first_name="Aline")

    response = signed_in.get("/mediation?status=partout")

    assert response.status_code == 422
    assert "Aline" not in response.get_data(as_text=True)


def test_the_queue_page_lists_follow_ups_due_and_proposals_waiting(signed_in, make_buddy):
    due = active_pair(make_buddy)
    first, _ = make_buddy(status=PROPOSED)
    second, _ = make_buddy(status=PROPOSED)
    proposal = Pair(first=first, second=second, status=PROPOSAL)
    db.session.add(proposal)
    db.session.commit()

    page = signed_in.get("/mediation").get_data(as_text=True)

    follow_ups = page[page.index("Points de suivi à faire"):page.index("Propositions en attente de réponse")]
    proposals = page[page.index("Propositions en attente de réponse"):page.index("Les personnes, de la plus")]
    assert f"/mediation/binomes/{due.id}" in follow_ups and f"/mediation/binomes/{proposal.id}" not in follow_ups
    assert f"/mediation/binomes/{proposal.id}" in proposals and f"/mediation/binomes/{due.id}" not in proposals


# --- a person's record ------------------------------------------------------------------------

def test_each_view_of_a_record_is_logged_and_the_log_is_shown(signed_in, make_buddy, mediator):
    person, _ = make_buddy(first_name="Aline", contact="aline@exemple.fr")

    signed_in.get(f"/mediation/personnes/{person.id}")
    page = signed_in.get(f"/mediation/personnes/{person.id}").get_data(as_text=True)

    entries = db.session.query(AccessEntry).filter_by(person_id=person.id).all()
    assert [(e.viewer_id, e.what) for e in entries] == [(mediator.id, mediation.RECORD)] * 2
    log = page[page.index("Qui a consulté cette fiche"):]
    assert log.count("Inès Médiatrice") == 2 and "Fiche consultée" in log
    assert "aline@exemple.fr" in page and "version 1" in page


def test_the_record_shows_suggestions_with_their_explanation(signed_in, make_buddy, make_neighbourhood):
    centre = make_neighbourhood(name="Centre")
    person, _ = make_buddy(centre, first_name="Aline", languages="fr,pt")
    make_buddy(centre, first_name="Bruno", languages="pt")

    page = signed_in.get(f"/mediation/personnes/{person.id}").get_data(as_text=True)

    suggestions = page[page.index("Suggestions de binôme"):]
    assert "Bruno" in suggestions
    assert "2 créneaux communs : mardi matin, vendredi après-midi" in suggestions
    assert "parlent tous deux portugais" in suggestions and "Proposer ce binôme" in suggestions


def test_proposing_a_suggestion_makes_a_pair_with_its_explanation(signed_in, make_buddy, mediator):
    person, _ = make_buddy()
    candidate, _ = make_buddy()

    response = signed_in.post(f"/mediation/personnes/{person.id}/proposer", {"candidate_id": candidate.id})

    pair = db.session.query(Pair).one()
    assert response.status_code == 302 and response.location.endswith(f"/mediation/binomes/{pair.id}")
    assert (pair.first, pair.second, pair.status, pair.proposed_by) == (person, candidate, PROPOSAL, mediator)
    assert pair.explanation.splitlines()[0] == "2 créneaux communs : mardi matin, vendredi après-midi"
    assert person.status == candidate.status == PROPOSED
    page = signed_in.get(response.location).get_data(as_text=True)
    assert "2 créneaux communs" in page and person.first_name in page and candidate.first_name in page


def test_the_explanation_is_kept_in_french_and_marked_so_for_a_mediator_reading_arabic(signed_in, make_buddy):
    person, _ = make_buddy()
    candidate, _ = make_buddy()
    signed_in.post("/langue", {"locale": "ar"})
    response = signed_in.post(f"/mediation/personnes/{person.id}/proposer", {"candidate_id": candidate.id})

    pair = db.session.query(Pair).one()
    assert pair.explanation.splitlines()[0] == "2 créneaux communs : mardi matin, vendredi après-midi"
    page = signed_in.get(response.location).get_data(as_text=True)
    assert '<ul lang="fr" dir="ltr">' in page and "2 créneaux communs" in page


def test_a_second_proposal_for_the_same_person_is_refused_with_a_message(signed_in, make_buddy):
    person, _ = make_buddy()
    first_candidate, _ = make_buddy()
    second_candidate, _ = make_buddy()
    signed_in.post(f"/mediation/personnes/{person.id}/proposer", {"candidate_id": first_candidate.id})

    response = signed_in.post(f"/mediation/personnes/{person.id}/proposer", {"candidate_id": second_candidate.id})

    assert response.status_code == 302 and response.location.endswith(f"/mediation/personnes/{person.id}")
    page = signed_in.get(response.location).get_data(as_text=True)
    assert "Une des deux personnes n'attend plus de binôme" in flashed(page)
    assert db.session.query(Pair).count() == 1
    assert second_candidate.status == WAITING


def test_proposing_someone_who_does_not_exist_is_refused_with_a_message(signed_in, make_buddy):
    person, _ = make_buddy()

    response = signed_in.post(f"/mediation/personnes/{person.id}/proposer", {"candidate_id": "999999"})

    page = signed_in.get(response.location).get_data(as_text=True)
    assert "Cette personne n'est plus dans la file d'attente" in flashed(page)
    assert db.session.query(Pair).count() == 0


def test_a_phone_confirmation_needs_the_mediators_attestation(signed_in, make_buddy, mediator):
    db.session.add(BuddyCharter(version=1))
    person, _ = make_buddy(status=TO_CONFIRM, consents=False)

    url = f"/mediation/personnes/{person.id}/confirmer"
    refused = signed_in.post(url, {"consent_matching": "y", "attestation": ""})

    assert refused.status_code == 422 and "Écrivez ce que la personne a dit" in refused.get_data(as_text=True)
    assert person.status == TO_CONFIRM

    signed_in.post(url, {"consent_matching": "y", "attestation": "Appelée le 3 mars, elle est d'accord."})

    assert person.status == WAITING
    consent = next(c for c in person.consents if c.purpose == MATCHING)
    assert (consent.given, consent.channel, consent.recorded_by) == (True, BY_PHONE, mediator)
    assert consent.attestation == "Appelée le 3 mars, elle est d'accord."


def test_a_new_personal_link_is_shown_once_with_a_text_message_and_the_old_one_dies(signed_in, make_buddy):
    person, old_token = make_buddy(first_name="Aline")

    response = signed_in.post(f"/mediation/personnes/{person.id}/lien")

    page = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    link = page[page.index("/binomes/moi/"):].split("<", 1)[0]
    token = link.removeprefix("/binomes/moi/")
    assert queue.by_token(token) == person and queue.by_token(old_token) is None
    assert token not in person.token_hash
    assert "Bonjour Aline, voici votre nouveau lien personnel" in page
    again = signed_in.get(f"/mediation/personnes/{person.id}").get_data(as_text=True)
    assert token not in again


# --- a pair -----------------------------------------------------------------------------------

def test_a_follow_up_needing_support_points_to_local_resources(signed_in, make_buddy):
    pair = active_pair(make_buddy)

    response = signed_in.post(f"/mediation/binomes/{pair.id}/suivi", {"outcome": SUPPORT})

    assert response.status_code == 302
    assert (pair.outcome, pair.status) == (SUPPORT, ACTIVE) and pair.followed_up_at is not None
    page = signed_in.get(f"/mediation/binomes/{pair.id}").get_data(as_text=True)
    assert 'href="/ressources"' in page


def test_a_follow_up_without_an_outcome_is_refused_next_to_the_choices(signed_in, make_buddy):
    pair = active_pair(make_buddy)

    response = signed_in.post(f"/mediation/binomes/{pair.id}/suivi", {})

    assert response.status_code == 422
    assert pair.followed_up_at is None


def test_the_mediator_ends_a_pair_and_both_people_pause(signed_in, make_buddy):
    pair = active_pair(make_buddy)

    signed_in.post(f"/mediation/binomes/{pair.id}/arreter")

    assert pair.status == ENDED
    assert pair.first.status == pair.second.status == PAUSED
    page = signed_in.get(f"/mediation/binomes/{pair.id}").get_data(as_text=True)
    assert "Arrêter ce binôme" not in page
