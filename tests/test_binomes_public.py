"""The binômes' public pages, without an account: what a binôme is and its charter, signing up
(alone, or by a volunteer on the person's behalf), and the personal link."""
import json
import re
from html import unescape

import pytest
import sqlalchemy as sa

from portal.binomes import pairs, queue
from portal.binomes.models import (
    ACTIVE, CONTACT, MATCHING, PAIRED, PAUSED, PROPOSAL, TO_CONFIRM, WAITING, BuddyCharter, Person)
from portal.content import operations as content
from portal.database import db

LINK = re.compile(r"/binomes/moi/([A-Za-z0-9_-]+)")
CHARTER_FR = "Chacun peut arrêter à tout moment, sans se justifier."


@pytest.fixture
def charter(app):
    charter = BuddyCharter(version=2)
    db.session.add(charter)
    content.save_variants(charter.text_key, {
        ("fr", "standard"): CHARTER_FR, ("fr", "falc"): "Vous pouvez arrêter quand vous voulez.",
        ("en", "standard"): "Anyone may stop at any time, without a reason."})
    db.session.commit()
    return charter


@pytest.fixture
def quartier(make_neighbourhood):
    return make_neighbourhood(name="Les Fontaines")


def text(response):
    return unescape(response.get_data(as_text=True))


def form(quartier, **overrides):
    values = {"first_name": "Zéphyrine", "contact": "zephyrine@exemple.fr", "neighbourhood": str(quartier.id),
              "activities": ["marche", "cafe"], "slots": ["1-0", "4-2"], "languages": ["fr"], "pace": "any",
              "consent_matching": "y", "consent_follow_up": "y"}
    values.update(overrides)
    return {key: value for key, value in values.items() if value is not None}


def people():
    return db.session.scalars(sa.select(Person)).all()


def private(response):
    return (response.headers.get("Cache-Control"), response.headers.get("Referrer-Policy")) == (
        "no-store", "no-referrer")


# --- the presentation page ----------------------------------------------------------------------

def test_the_page_explains_binomes_who_sees_what_and_shows_the_charter(client, charter):
    page = text(client.get("/binomes"))
    assert "Un binôme, ce sont deux personnes" in page
    assert "Qui voit quoi ?" in page and "jamais montré à l'autre personne" in page
    assert CHARTER_FR in page and "Version 2 de la charte" in page
    assert 'href="/binomes/inscription"' in page and 'href="/urgence"' in page
    assert 'href="/binomes/inscrire-quelqu-un"' not in page  # for volunteers and mediators


def test_the_charter_follows_the_reading_register_and_language(client, charter):
    client.post("/facile-a-lire", {"falc": "on"})
    page = text(client.get("/binomes"))
    assert "Vous pouvez arrêter quand vous voulez." in page and CHARTER_FR not in page
    assert "Un binôme, c'est deux personnes." in page  # short sentences
    client.post("/facile-a-lire", {})
    client.post("/langue", {"locale": "en"})
    assert "Anyone may stop at any time" in text(client.get("/binomes"))


def test_before_any_charter_the_page_says_sign_up_opens_soon(client):
    assert "les inscriptions ouvriront bientôt" in text(client.get("/binomes"))


# --- signing up alone ----------------------------------------------------------------------------

def test_the_form_asks_only_what_matching_needs_with_unticked_consents(client, charter, quartier):
    page = text(client.get("/binomes/inscription"))
    assert "Les Fontaines" in page and CHARTER_FR in page
    for name in ("first_name", "contact", "neighbourhood", "activities", "slots", "languages", "needs", "pace",
                 "age_bracket", "gender", "buddy_gender", "consent_matching", "consent_contact",
                 "consent_follow_up"):
        assert f'name="{name}"' in page, name
    assert re.search(r'<input[^>]*name="consent_\w+"[^>]*checked', page) is None
    assert "seulement si les deux personnes sont d'accord" in page
    # The week is a table with headers for days and parts of the day.
    assert '<th scope="col">Matin</th>' in page and '<th scope="row">Mardi</th>' in page
    assert page.count('name="slots"') == 21
    assert '<label for="slot-1-0"><span class="visually-hidden">mardi matin</span></label>' in page


def test_signing_up_shows_the_personal_link_once_and_mails_it(client, charter, quartier, outbox):
    response = client.post("/binomes/inscription", form(quartier))
    page = text(response)
    assert response.status_code == 200 and private(response)
    assert "Merci, vous êtes inscrit·e" in page and "Et maintenant ?" in page
    token = LINK.search(page).group(1)
    [person] = people()
    assert person.status == WAITING and queue.by_token(token) is person
    assert queue.slots_of(person) == [(1, 0), (4, 2)]
    assert {c.purpose: c.given for c in person.consents} == {MATCHING: True, CONTACT: False, "follow_up": True}
    [(to, _subject, body)] = outbox()
    assert to == "zephyrine@exemple.fr" and f"/binomes/moi/{token}" in body


def test_a_mail_server_down_keeps_the_sign_up_and_says_to_note_the_link(client, charter, quartier,
                                                                         mail_server_down):
    response = client.post("/binomes/inscription", form(quartier))
    page = text(response)
    assert response.status_code == 200 and "Merci, vous êtes inscrit·e" in page
    assert "Votre inscription est bien enregistrée, mais l'e-mail n'a pas pu partir." in page
    assert "Nous vous l'avons aussi envoyé par e-mail." not in page
    [person] = people()
    assert queue.by_token(LINK.search(page).group(1)) is person


def test_a_phone_contact_gets_no_mail(client, charter, quartier, outbox):
    response = client.post("/binomes/inscription", form(quartier, contact="06 12 34 56 78"))
    assert response.status_code == 200 and "la médiation vous envoie un SMS" in text(response)
    assert people()[0].contact_kind == "phone" and outbox() == []


@pytest.mark.parametrize("overrides, message", [
    ({"first_name": ""}, "Indiquez un prénom ou un pseudonyme."),
    ({"contact": "06 12"}, "Indiquez un numéro de téléphone de 6 à 15 chiffres."),
    ({"contact": "zephyrine@exemple"}, "Cette adresse e-mail semble incomplète."),
    ({"neighbourhood": ""}, "Choisissez votre quartier dans la liste."),
    ({"activities": None}, "Cochez au moins une activité."),
    ({"slots": None}, "Cochez au moins un moment où vous êtes disponible."),
    ({"slots": ["9-9"]}, "Choisissez les moments dans le tableau des disponibilités."),
    ({"languages": ["xx"]}, "Choisissez seulement dans la liste proposée."),
    ({"consent_matching": None}, "sans votre accord, personne ne peut vous proposer de binôme"),
])
def test_bad_answers_come_back_with_a_message_and_nothing_is_written(client, charter, quartier, outbox,
                                                                      overrides, message):
    response = client.post("/binomes/inscription", form(quartier, **overrides))
    page = text(response)
    assert response.status_code == 422
    assert message in page and "Le formulaire n'a pas été enregistré." in page
    assert 'value="Zéphyrine"' in page or overrides.get("first_name") == ""  # what was typed stays
    assert people() == [] and outbox() == []


def test_signing_up_needs_the_form_token(client, charter, quartier):
    response = client.post("/binomes/inscription", form(quartier), csrf=False)
    assert response.status_code == 400 and "Le formulaire a expiré" in text(response)
    assert people() == []


# --- signing up someone who asked ----------------------------------------------------------------

@pytest.mark.parametrize("role, status", [("association", 403), ("staff", 403), ("volunteer", 200),
                                          ("mediator", 200)])
def test_only_volunteers_and_mediators_sign_someone_up(client, make_user, charter, role, status):
    client.login(make_user(roles=(role,)))
    assert client.get("/binomes/inscrire-quelqu-un").status_code == status


def test_a_volunteer_signs_up_a_person_who_must_confirm_and_gets_a_text_message(client, make_user, charter,
                                                                                 quartier, outbox):
    volunteer = make_user(roles=("volunteer",))
    client.login(volunteer)
    page = text(client.get("/binomes/inscrire-quelqu-un"))
    assert 'name="consent_matching"' not in page and 'name="asked"' in page

    values = form(quartier, contact="06 12 34 56 78", consent_matching=None, consent_follow_up=None,
                  asked="y", locale="en")
    response = client.post("/binomes/inscrire-quelqu-un", values)
    page = text(response)
    assert response.status_code == 200 and private(response)
    token = LINK.search(page).group(1)
    [person] = people()
    assert person.status == TO_CONFIRM and person.recorded_by_id == volunteer.id and person.consents == []
    assert person.locale == "en"
    sms = re.search(r'<textarea id="sms-text"[^>]*>([^<]+)</textarea>', page).group(1)
    assert f"/binomes/moi/{token}" in sms and "Zéphyrine" in sms
    assert outbox() == []


def test_a_person_with_an_email_gets_the_confirmation_request_by_mail(client, make_user, charter, quartier,
                                                                       outbox):
    client.login(make_user(roles=("mediator",)))
    response = client.post("/binomes/inscrire-quelqu-un", form(quartier, asked="y", locale="fr"))
    assert "Un e-mail avec ce lien a été envoyé" in text(response)
    [(to, subject, body)] = outbox()
    assert to == "zephyrine@exemple.fr" and "Confirmez" in subject and LINK.search(body)


def test_when_the_confirmation_mail_cannot_leave_the_volunteer_is_told_to_give_the_link(
        client, make_user, charter, quartier, mail_server_down):
    client.login(make_user(roles=("volunteer",)))
    response = client.post("/binomes/inscrire-quelqu-un", form(quartier, asked="y", locale="fr"))
    page = text(response)
    assert response.status_code == 200 and "l'e-mail n'a pas pu partir" in page
    assert "Un e-mail avec ce lien a été envoyé" not in page
    [person] = people()
    assert person.status == TO_CONFIRM and queue.by_token(LINK.search(page).group(1)) is person


def test_signing_someone_up_needs_their_request(client, make_user, charter, quartier):
    client.login(make_user(roles=("volunteer",)))
    response = client.post("/binomes/inscrire-quelqu-un", form(quartier))
    assert response.status_code == 422 and "on inscrit seulement une personne qui l'a demandé" in text(response)
    assert people() == []


def test_a_person_signed_up_by_someone_confirms_through_the_link(client, make_user, charter, quartier):
    person, token = queue.sign_up(first_name="Zéphyrine", contact_kind="phone", contact="0612345678",
                                  neighbourhood_id=quartier.id, activities=["marche"], slots=[(0, 0)],
                                  languages=["fr"], needs=[], pace="any", recorded_by=make_user(roles=("volunteer",)))
    page = text(client.get(f"/binomes/moi/{token}"))
    assert "À confirmer par la personne" in page and CHARTER_FR in page
    assert 'name="consent_matching"' in page

    refused = client.post(f"/binomes/moi/{token}/confirmer", {"consent_contact": "y"})
    assert refused.status_code == 422 and "sans votre accord" in text(refused)
    assert person.status == TO_CONFIRM and person.consents == []

    done = client.post(f"/binomes/moi/{token}/confirmer", {"consent_matching": "y"})
    assert done.status_code == 302 and private(done)
    assert person.status == WAITING
    assert "charte version 2" in text(client.get(f"/binomes/moi/{token}"))


# --- the personal link ---------------------------------------------------------------------------

def test_the_personal_page_shows_everything_stored_and_stays_private(client, make_buddy, quartier):
    _person, token = make_buddy(neighbourhood=quartier, first_name="Zéphyrine", contact="06 98 76 54 32",
                               contact_kind="phone", needs="hearing", age_bracket="60-74")
    response = client.get(f"/binomes/moi/{token}")
    page = text(response)
    assert response.status_code == 200 and private(response)
    for shown in ("Zéphyrine", "06 98 76 54 32", "Les Fontaines", "Marcher", "mardi matin", "vendredi après-midi",
                  "Entendre mal", "60 à 74 ans", "En attente", "charte version 1"):
        assert shown in page, shown
    assert f'href="/binomes/moi/{token}/donnees.json"' in page


def test_an_unknown_link_is_not_found_in_the_visitors_language(client):
    response = client.get("/binomes/moi/pas-un-vrai-lien", headers={"Accept-Language": "en"})
    assert response.status_code == 404 and '<html lang="en"' in text(response)


def test_availability_is_changed_from_the_link(client, make_buddy):
    person, token = make_buddy()
    response = client.post(f"/binomes/moi/{token}/disponibilites", {"slots": ["0-0", "6-2"]})
    assert response.status_code == 302 and private(response)
    assert queue.slots_of(person) == [(0, 0), (6, 2)]
    refused = client.post(f"/binomes/moi/{token}/disponibilites", {})
    assert refused.status_code == 422 and "Cochez au moins un moment" in text(refused)
    assert queue.slots_of(person) == [(0, 0), (6, 2)]


def test_a_person_pauses_and_comes_back(client, make_buddy):
    person, token = make_buddy()
    client.post(f"/binomes/moi/{token}/pause")
    assert person.status == PAUSED
    assert "Revenir dans la file d'attente" in text(client.get(f"/binomes/moi/{token}"))
    client.post(f"/binomes/moi/{token}/reprendre")
    assert person.status == WAITING
    refused = client.post(f"/binomes/moi/{token}/arreter")  # no pair to end
    assert refused.status_code == 422 and "Ce binôme n'est plus actif." in text(refused)


def test_a_state_change_needs_the_form_token(client, make_buddy):
    person, token = make_buddy()
    assert client.post(f"/binomes/moi/{token}/pause", csrf=False).status_code == 400
    assert person.status == WAITING


@pytest.fixture
def proposal(make_user, make_buddy, make_place, make_room):
    mediator = make_user(roles=("mediator",))
    place = make_place(name="Médiathèque des Fontaines", address="2 rue des Fontaines")
    make_room(place=place)
    first, first_token = make_buddy(first_name="Léonie", contact="leonie@exemple.fr")
    second, second_token = make_buddy(first_name="Bastien", contact="06 00 00 00 01", contact_kind="phone")
    return pairs.propose(mediator, first, second, ""), (first, first_token), (second, second_token)


def test_both_accept_through_their_links_and_only_then_see_each_others_first_name(client, proposal):
    pair, (first, first_token), (second, second_token) = proposal
    page = text(client.get(f"/binomes/moi/{first_token}"))
    assert "Une proposition de binôme" in page and "mardi matin" in page
    assert "Bastien" not in page

    response = client.post(f"/binomes/moi/{first_token}/reponse", {"pair": str(pair.id), "decision": "accept"})
    assert response.status_code == 302
    page = text(client.get(f"/binomes/moi/{first_token}"))
    assert "Nous attendons la réponse de l'autre personne" in page and "Bastien" not in page
    assert "Léonie" not in text(client.get(f"/binomes/moi/{second_token}"))

    client.post(f"/binomes/moi/{second_token}/reponse", {"pair": str(pair.id), "decision": "accept"})
    assert pair.status == ACTIVE and first.status == second.status == PAIRED
    page = text(client.get(f"/binomes/moi/{first_token}"))
    assert "Votre binôme s'appelle Bastien." in page
    assert "Médiathèque des Fontaines" in page and "2 rue des Fontaines" in page
    assert "Point de suivi" in page and "06 00 00 00 01" not in page
    assert "Votre binôme s'appelle Léonie." in text(client.get(f"/binomes/moi/{second_token}"))


def test_a_decline_through_the_link_keeps_the_place(client, proposal, outbox):
    pair, (first, first_token), (second, _) = proposal
    response = client.post(f"/binomes/moi/{first_token}/reponse", {"pair": str(pair.id), "decision": "decline"})
    assert response.status_code == 302
    assert pair.status == "declined" and first.status == second.status == WAITING
    assert "même place" in text(client.get(f"/binomes/moi/{first_token}"))


def test_an_answer_to_a_proposal_no_longer_open_is_refused(client, proposal):
    pair, (_first, first_token), _ = proposal
    response = client.post(f"/binomes/moi/{first_token}/reponse", {"pair": str(pair.id + 1), "decision": "accept"})
    assert response.status_code == 422 and "n'attend plus de réponse" in text(response)
    assert pair.status == PROPOSAL and pair.first_answer is None


def test_ending_the_pair_tells_the_other_and_offers_a_return_to_the_queue(client, proposal, outbox):
    pair, (first, _first_token), (second, second_token) = proposal
    pairs.answer(first, pair, True)
    pairs.answer(second, pair, True)
    sent = len(outbox())
    response = client.post(f"/binomes/moi/{second_token}/arreter")
    assert response.status_code == 302
    assert pair.status == "ended" and first.status == second.status == PAUSED
    [(to, _subject, body)] = outbox()[sent:]
    assert to == "leonie@exemple.fr" and "Bastien" not in body
    page = text(client.get(f"/binomes/moi/{second_token}"))
    assert "Votre binôme est terminé" in page and "Revenir dans la file d'attente" in page
    client.post(f"/binomes/moi/{second_token}/reprendre")
    assert second.status == WAITING


def test_the_data_download_has_the_persons_data_and_never_the_others_contact(client, proposal):
    pair, (first, first_token), (second, _) = proposal
    pairs.answer(first, pair, True)
    pairs.answer(second, pair, True)
    response = client.get(f"/binomes/moi/{first_token}/donnees.json")
    assert response.status_code == 200 and private(response)
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["first_name"] == "Léonie" and data["contact"] == "leonie@exemple.fr"
    assert data["pairs"][0]["status"] == "active"
    assert "06 00 00 00 01" not in response.get_data(as_text=True)
    assert "Bastien" not in response.get_data(as_text=True)


def test_leaving_asks_first_then_erases_everything(client, proposal, outbox):
    pair, (first, first_token), (second, _) = proposal
    pairs.answer(first, pair, True)
    pairs.answer(second, pair, True)
    page = text(client.get(f"/binomes/moi/{first_token}/partir"))
    assert "Oui, tout effacer" in page
    assert first.status == PAIRED  # asking is not leaving

    response = client.post(f"/binomes/moi/{first_token}/partir")
    assert response.status_code == 302 and private(response)
    assert response.headers["Location"] == "/binomes/au-revoir"
    page = text(client.get(response.headers["Location"]))
    assert "Vos données sont effacées" in page and first_token not in page
    assert db.session.get(Person, second.id).status == PAUSED
    assert [p.id for p in people()] == [second.id]
    assert client.get(f"/binomes/moi/{first_token}").status_code == 404


@pytest.mark.parametrize("reading", ["fr", "falc", "en"])
def test_every_page_reads_in_french_easy_to_read_and_english(client, make_user, make_buddy, charter, quartier,
                                                              reading):
    if reading == "falc":
        client.post("/facile-a-lire", {"falc": "on"})
    if reading == "en":
        client.post("/langue", {"locale": "en"})
    mediator = make_user(roles=("mediator",))
    _waiting, waiting = make_buddy()
    _confirming, confirming = make_buddy(status=TO_CONFIRM, consents=False)
    _paused, paused = make_buddy(status=PAUSED)
    (first, said_yes), (second, to_answer) = make_buddy(), make_buddy()
    pair = pairs.propose(mediator, first, second, "")
    pairs.answer(first, pair, True)
    urls = ["/binomes", "/binomes/inscription", "/binomes/au-revoir"] + [
        f"/binomes/moi/{token}" for token in (waiting, confirming, paused, said_yes, to_answer)] + [
        f"/binomes/moi/{waiting}/partir"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{"en" if reading == "en" else "fr"}"' in text(response), url
    pairs.answer(second, pair, True)
    assert client.get(f"/binomes/moi/{to_answer}").status_code == 200  # now in an active pair
