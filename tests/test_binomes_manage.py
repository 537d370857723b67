"""Staff manage the binômes' neighbourhoods and publish the charter's versions; nobody else may."""
from html import unescape

import pytest
import sqlalchemy as sa

from portal.binomes import manage
from portal.binomes import queue
from portal.binomes.models import BuddyCharter, Consent, Neighbourhood
from portal.content import operations as content
from portal.database import db
from portal.errors import Refused

MANAGE_PAGES = ("/gestion/quartiers", "/gestion/binomes/charte")
CHARTER_V1 = {
    ("fr", "standard"): "La participation est volontaire.\nChacun peut arrêter à tout moment.",
    ("fr", "falc"): "Vous choisissez de participer.\nVous pouvez arrêter quand vous voulez.",
    ("en", "standard"): "Taking part is voluntary.\nEither of you can stop at any time.",
}


@pytest.fixture
def staff(make_user):
    return make_user(roles=("staff",))


@pytest.fixture
def staff_client(client, staff):
    client.login(staff)
    return client


def page(response):
    return unescape(response.get_data(as_text=True))


def charter_form(texts, reviewed=()):
    values = {f"charter_{locale}_{register}": body for (locale, register), body in texts.items()}
    values.update({f"charter_{locale}_{register}_reviewed": "y" for locale, register in reviewed})
    return values


def names():
    return db.session.scalars(sa.select(Neighbourhood.name).order_by(Neighbourhood.name)).all()


# --- who may -------------------------------------------------------------------------------

@pytest.mark.parametrize("url", MANAGE_PAGES)
def test_only_staff_and_administrators_open_the_manage_pages(client, make_user, url):
    assert client.get(url).status_code == 302  # to the sign-in page
    for role, status in (("volunteer", 403), ("mediator", 403), ("association", 403), ("staff", 200),
                         ("admin", 200)):
        client.login(make_user(roles=(role,)))
        assert client.get(url).status_code == status, role
        client.post("/deconnexion")


def test_a_mediator_cannot_add_a_neighbourhood_or_publish_a_charter(client, make_user):
    client.login(make_user(roles=("mediator",)))
    assert client.post("/gestion/quartiers", {"name": "Gare", "latitude": "47.39",
                                              "longitude": "0.69"}).status_code == 403
    assert client.post("/gestion/binomes/charte", charter_form(CHARTER_V1)).status_code == 403
    assert names() == [] and queue.current_charter() is None


# --- neighbourhoods ------------------------------------------------------------------------

def test_staff_add_a_neighbourhood_with_its_centre_written_the_french_way(staff_client):
    response = staff_client.post("/gestion/quartiers", {"name": "  Les   Prés ", "latitude": "47,388",
                                                        "longitude": "0.696"})
    assert response.status_code == 302
    found = db.session.scalar(sa.select(Neighbourhood))
    assert (found.name, found.latitude, found.longitude) == ("Les Prés", 47.388, 0.696)
    listing = page(staff_client.get("/gestion/quartiers"))
    assert "Les Prés" in listing and "47.388, 0.696" in listing


@pytest.mark.parametrize("field, value, message", [
    ("latitude", "91", "Indiquez une latitude entre -90 et 90"),
    ("latitude", "nord", "Indiquez une latitude entre -90 et 90"),
    ("latitude", "", "Indiquez une latitude entre -90 et 90"),
    ("longitude", "-180.5", "Indiquez une longitude entre -180 et 180"),
])
def test_a_centre_out_of_range_is_refused_with_a_clear_message(staff_client, field, value, message):
    values = {"name": "Gare", "latitude": "47.39", "longitude": "0.69", field: value}
    response = staff_client.post("/gestion/quartiers", values)
    assert response.status_code == 422
    assert message in page(response)
    assert names() == []


def test_two_neighbourhoods_cannot_share_a_name(staff_client, make_neighbourhood):
    make_neighbourhood(name="Écluse")
    response = staff_client.post("/gestion/quartiers", {"name": "écluse", "latitude": "47.4", "longitude": "0.7"})
    assert response.status_code == 422
    assert "Un quartier porte déjà ce nom." in page(response)
    assert names() == ["Écluse"]


def test_staff_rename_and_move_a_neighbourhood(staff_client, make_neighbourhood):
    found = make_neighbourhood(name="Gare", latitude=47.0, longitude=0.5)
    url = f"/gestion/quartiers/{found.id}"
    assert 'value="Gare"' in page(staff_client.get(url))
    assert staff_client.post(url, {"name": "Gare SNCF", "latitude": "47.39", "longitude": "0.675"}).status_code == 302
    assert (found.name, found.latitude, found.longitude) == ("Gare SNCF", 47.39, 0.675)
    # Keeping its own name is not taking another's.
    assert staff_client.post(url, {"name": "gare sncf", "latitude": "47.39", "longitude": "0.675"}).status_code == 302


def test_a_neighbourhood_someone_lives_in_is_not_deleted(staff_client, make_neighbourhood, make_buddy):
    lived_in, empty = make_neighbourhood(name="Tisserands"), make_neighbourhood(name="Vieux-Bourg")
    make_buddy(neighbourhood=lived_in)
    response = staff_client.post(f"/gestion/quartiers/{lived_in.id}/supprimer", follow_redirects=True)
    assert "Des personnes de la file d'attente habitent ce quartier" in page(response)
    response = staff_client.post(f"/gestion/quartiers/{empty.id}/supprimer", follow_redirects=True)
    assert "Le quartier « Vieux-Bourg » est supprimé." in page(response)
    assert names() == ["Tisserands"]


def test_the_list_says_how_many_people_live_in_each_neighbourhood(app, make_neighbourhood, make_buddy):
    centre = make_neighbourhood(name="Centre")
    make_neighbourhood(name="Campus")
    make_buddy(neighbourhood=centre)
    make_buddy(neighbourhood=centre)
    assert [(n.name, people) for n, people in manage.all_neighbourhoods()] == [("Campus", 0), ("Centre", 2)]


# --- the charter ---------------------------------------------------------------------------

def test_staff_publish_the_first_charter_in_every_variant(staff_client, staff):
    assert "Aucune version n'est publiée" in page(staff_client.get("/gestion/binomes/charte"))
    response = staff_client.post("/gestion/binomes/charte", charter_form(CHARTER_V1), follow_redirects=True)
    assert "La version 1 de la charte est publiée." in page(response)
    charter = queue.current_charter()
    assert (charter.version, charter.published_by_id) == (1, staff.id)
    assert content.variants(queue.charter_key(charter)) == CHARTER_V1
    # The editor now starts from the published words, each in its language.
    editor = page(staff_client.get("/gestion/binomes/charte"))
    assert "Taking part is voluntary." in editor and 'lang="en"' in editor


def test_saving_publishes_a_new_version_and_consents_keep_the_one_people_saw(staff_client, staff, make_buddy):
    manage.publish_charter(staff, CHARTER_V1)
    person, _token = make_buddy()  # consents on version 1
    changed = {**CHARTER_V1, ("fr", "standard"): "La participation est volontaire et gratuite."}
    staff_client.post("/gestion/binomes/charte", charter_form(changed))
    assert queue.current_charter().version == 2
    assert content.variants("binome-charter:1") == CHARTER_V1  # untouched
    assert content.variants(queue.charter_key(queue.current_charter())) == changed
    assert set(db.session.scalars(sa.select(Consent.charter_version).where(Consent.person_id == person.id))) == {1}
    listing = page(staff_client.get("/gestion/binomes/charte"))
    assert "Version 1" in listing and "Version 2" in listing and "En vigueur" in listing
    old = page(staff_client.get("/gestion/binomes/charte/1"))
    assert "Chacun peut arrêter à tout moment." in old and "Une version plus récente est en vigueur" in old
    assert staff_client.get("/gestion/binomes/charte/9").status_code == 404


def test_the_same_words_do_not_make_a_new_version(staff_client):
    staff_client.post("/gestion/binomes/charte", charter_form(CHARTER_V1))
    # As a browser sends it back: lines ended by CR LF.
    again = {variant: body.replace("\n", "\r\n") for variant, body in CHARTER_V1.items()}
    response = staff_client.post("/gestion/binomes/charte", charter_form(again))
    assert response.status_code == 422
    assert "Le texte n'a pas changé" in page(response)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BuddyCharter)) == 1


def test_the_charter_needs_its_french_standard_text(app, staff):
    with pytest.raises(Refused) as refused:
        manage.publish_charter(staff, {("en", "standard"): "Taking part is voluntary."})
    assert refused.value.field == "charter_fr_standard"
    assert queue.current_charter() is None


def test_an_unchanged_variant_keeps_who_read_it_and_a_changed_one_loses_it(app, staff, make_user):
    reader = make_user(roles=("staff",))
    first = manage.publish_charter(reader, CHARTER_V1, {("fr", "falc"): True, ("en", "standard"): True})
    changed = {**CHARTER_V1, ("en", "standard"): "Taking part is voluntary and free."}
    second = manage.publish_charter(staff, changed, {("fr", "falc"): True, ("en", "standard"): False})
    before, after = content.records(queue.charter_key(first)), content.records(queue.charter_key(second))
    assert after[("fr", "falc")].reviewed_by_id == reader.id
    assert after[("fr", "falc")].reviewed_at == before[("fr", "falc")].reviewed_at
    assert not after[("en", "standard")].reviewed
    assert before[("en", "standard")].reviewed  # the old version's mark stays with its words
