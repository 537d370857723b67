"""Staff manage places and rooms through the pages: hours, translated rules, names, archiving."""
from datetime import time
from html import unescape

import flask_babel
import pytest
import sqlalchemy as sa

from portal.audit import AuditEntry
from portal.content import operations as content
from portal.content.models import TranslatedText
from portal.database import db
from portal.errors import Refused
from portal.rooms import manage
from portal.rooms.models import OpeningHours, Place, Room


@pytest.fixture
def staff(make_user):
    return make_user(roles=("staff",))


@pytest.fixture
def staff_client(client, staff):
    client.login(staff)
    return client


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def page(response):
    return unescape(response.get_data(as_text=True))


def place_form(**overrides):
    values = {"name": "Maison de quartier des Tilleuls", "kind": "maison_quartier",
              "address": "4 place des Tilleuls", "neighbourhood": "Les Tilleuls",
              "directions_fr_standard": "Tram B, arrêt Tilleuls ; entrée par la cour."}
    values.update(overrides)
    return values


def room_form(hours=None, rules=None, **overrides):
    """The room form as a browser posts it: {weekday: [(opens, closes), …]} for the hours
    (blank inputs for the rest), {(locale, register): text} for the rules."""
    values = {"name": "Salle Germaine Tillion", "capacity": "30", "step_free": "y", "hearing_loop": "y",
              "equipment": "Tables, chaises, vidéoprojecteur", "contact": "Accueil : 01 23 45 67 89"}
    hours = hours if hours is not None else {0: [("09:00", "12:00"), ("14:00", "18:00")], 2: [("10:00", "16:00")]}
    for day in range(7):
        for slot in range(2):
            opens, closes = (hours.get(day, []) + [("", "")] * 2)[slot]
            values[manage.hours_field(day, slot, "opens")] = opens
            values[manage.hours_field(day, slot, "closes")] = closes
    for (locale, register), text in (rules or {}).items():
        values[manage.rules_field(locale, register)] = text
    values.update(overrides)
    return values


RULES = {
    ("fr", "standard"): "Rendez la salle rangée et fermez les fenêtres.",
    ("fr", "falc"): "Rangez la salle. Fermez les fenêtres.",
    ("en", "standard"): "Leave the room tidy and close the windows.",
    ("en", "falc"): "Tidy the room. Close the windows.",
}


def switch(client, url, data):
    """Change the language or the register. The ``app`` fixture keeps one application context
    (and so one ``g``) across the test's requests, where Flask-Babel caches the locale: forget it,
    as a new request in production would."""
    client.post(url, data)
    flask_babel.refresh()


def hours_of(room):
    db.session.expire_all()
    return sorted((h.weekday, h.opens, h.closes) for h in db.session.get(Room, room.id).opening_hours)


# --- creating and showing ------------------------------------------------------------------

def test_staff_create_a_place_then_a_room_with_hours_and_rules(staff_client):
    response = staff_client.post("/gestion/lieux/nouveau", place_form())
    assert response.status_code == 302
    place = db.session.scalar(sa.select(Place))
    assert (place.name, place.kind, place.neighbourhood) == ("Maison de quartier des Tilleuls", "maison_quartier",
                                                             "Les Tilleuls")

    response = staff_client.post(f"/gestion/lieux/{place.id}/salles/nouvelle", room_form(rules=RULES))
    assert response.status_code == 302, page(response)
    room = db.session.scalar(sa.select(Room))
    assert response.headers["Location"].endswith(f"/salles/{room.id}")
    assert (room.place_id, room.capacity, room.step_free, room.hearing_loop, room.accessible_toilets) == (
        place.id, 30, True, True, False)
    assert room.feed_token and len(room.feed_token) >= 20
    assert hours_of(room) == [(0, time(9), time(12)), (0, time(14), time(18)), (2, time(10), time(16))]
    assert content.variants(room.rules_key) == RULES

    shown = page(staff_client.get(f"/salles/{room.id}"))
    assert "Salle Germaine Tillion" in shown and "Maison de quartier des Tilleuls" in shown
    assert "09:00–12:00, 14:00–18:00" in shown and "10:00–16:00" in shown
    assert RULES["fr", "standard"] in shown and 'lang="fr"' in shown
    assert f'href="/gestion/salles/{room.id}/modifier"' in shown
    assert "fallback-note" not in shown


def test_the_room_page_shows_the_rules_in_the_visitors_language_and_register(client, make_room):
    room = make_room()
    manage.save_room(None, room, room.place, name=room.name, capacity=room.capacity, rules=RULES)

    assert RULES["fr", "standard"] in page(client.get(f"/salles/{room.id}"))
    switch(client, "/langue", {"locale": "en"})
    shown = page(client.get(f"/salles/{room.id}"))
    assert RULES["en", "standard"] in shown and '<div class="prose" lang="en">' in shown
    assert RULES["fr", "standard"] not in shown and "fallback-note" not in shown
    switch(client, "/facile-a-lire", {"falc": "on"})
    assert RULES["en", "falc"] in page(client.get(f"/salles/{room.id}"))


def test_without_english_rules_the_french_ones_show_with_a_note(client, make_room):
    room = make_room()
    manage.save_room(None, room, room.place, name=room.name, capacity=room.capacity,
                     rules={("fr", "standard"): RULES["fr", "standard"]})
    switch(client, "/langue", {"locale": "en"})
    shown = page(client.get(f"/salles/{room.id}"))
    assert RULES["fr", "standard"] in shown and '<div class="prose" lang="fr">' in shown
    assert 'class="fallback-note"' in shown


def test_the_edit_form_is_filled_in_and_saving_replaces_hours_and_rules(staff_client, make_room):
    room = make_room(hours={1: [("08:30", "12:00"), ("13:30", "19:00")]})
    manage.save_room(None, room, room.place, name=room.name, capacity=room.capacity, rules=RULES)

    form = page(staff_client.get(f"/gestion/salles/{room.id}/modifier"))
    assert 'name="hours_1_0_opens" type="time" value="08:30"' in form
    assert 'name="hours_1_1_closes" type="time" value="19:00"' in form
    assert RULES["en", "falc"] in form and 'lang="en"' in form
    for legend in ("Lundi", "Dimanche", "Horaires d'ouverture", "Règles d'utilisation", "Accessibilité"):
        assert f"<legend>{legend}</legend>" in form
    for field in ("name", "capacity", "hours_6_1_closes", "rules_en_falc"):
        assert f'<label for="{field}">' in form

    rules = {**RULES, ("en", "falc"): ""}
    response = staff_client.post(f"/gestion/salles/{room.id}/modifier",
                                 room_form(hours={4: [("17:00", "22:00")]}, rules=rules, name="Salle bleue"))
    assert response.status_code == 302, page(response)
    assert hours_of(room) == [(4, time(17), time(22))]
    assert ("en", "falc") not in content.variants(room.rules_key)
    assert db.session.get(Room, room.id).name == "Salle bleue"


def test_touching_hours_are_allowed():
    assert manage.check_hours({0: [(time(9), time(12)), (time(12), time(14))]}) == [
        (0, time(9), time(12)), (0, time(12), time(14))]


# --- refusals ------------------------------------------------------------------------------

@pytest.mark.parametrize("hours,field,message", [
    ({0: [("12:00", "09:00")]}, "hours_0_0_closes",
     "Lundi : l'heure de fermeture (09:00) doit être après l'heure d'ouverture (12:00)."),
    ({3: [("10:00", "10:00")]}, "hours_3_0_closes", "Jeudi : l'heure de fermeture (10:00)"),
    ({4: [("14:00", "18:00"), ("09:00", "15:00")]}, "hours_4_0_opens",
     "Vendredi : les horaires 09:00–15:00 et 14:00–18:00 se chevauchent."),
    ({6: [("09:00", "")]}, "hours_6_0_closes", "Dimanche : indiquez l'heure d'ouverture et l'heure de fermeture."),
])
def test_invalid_hours_are_refused_next_to_the_field_and_nothing_is_written(
        staff_client, make_place, hours, field, message):
    place = make_place()
    response = staff_client.post(f"/gestion/lieux/{place.id}/salles/nouvelle", room_form(hours=hours, rules=RULES))
    assert response.status_code == 422
    shown = page(response)
    assert f'<p class="error" id="{field}-error">' in shown
    assert message in shown.split(f'id="{field}-error">', 1)[1].split("</p>", 1)[0]
    assert (count(Room), count(OpeningHours), count(TranslatedText)) == (0, 0, 0)


def test_an_unreadable_time_is_refused_in_french(staff_client, make_place):
    place = make_place()
    response = staff_client.post(f"/gestion/lieux/{place.id}/salles/nouvelle",
                                 room_form(**{"hours_2_1_opens": "25h"}))
    assert response.status_code == 422
    assert "Indiquez une heure valable" in page(response) and count(Room) == 0


def test_invalid_hours_leave_an_existing_room_as_it_was(staff_client, make_room):
    room = make_room(hours={1: [("09:00", "12:00")]})
    manage.save_room(None, room, room.place, name=room.name, capacity=room.capacity, rules=RULES)
    response = staff_client.post(f"/gestion/salles/{room.id}/modifier", room_form(
        hours={1: [("09:00", "13:00"), ("12:00", "14:00")]}, rules={("fr", "standard"): "Autre texte"},
        name="Nouveau nom"))
    assert response.status_code == 422
    assert hours_of(room) == [(1, time(9), time(12))]
    assert content.variants(room.rules_key) == RULES
    assert db.session.get(Room, room.id).name != "Nouveau nom"


def test_duplicate_place_names_are_refused(staff_client, make_place):
    make_place(name="Médiathèque Louise Michel")
    response = staff_client.post("/gestion/lieux/nouveau", place_form(name="  MÉDIATHÈQUE   louise michel "))
    assert response.status_code == 422
    assert 'id="name-error"' in page(response) and "Un lieu porte déjà ce nom." in page(response)
    assert count(Place) == 1


def test_room_names_are_unique_within_a_place_only(staff_client, make_place, make_room):
    place, other_place = make_place(), make_place()
    make_room(place=place, name="Salle Été")
    response = staff_client.post(f"/gestion/lieux/{place.id}/salles/nouvelle", room_form(name="salle été"))
    assert response.status_code == 422
    assert "Une salle de ce lieu porte déjà ce nom." in page(response) and count(Room) == 1
    response = staff_client.post(f"/gestion/lieux/{other_place.id}/salles/nouvelle", room_form(name="Salle Été"))
    assert response.status_code == 302 and count(Room) == 2


def test_the_database_has_the_last_word_on_names(make_place, make_room, monkeypatch):
    room = make_room(name="Salle A")
    make_place(name="Lieu B")
    # As if another person saved the same name between the check and the write.
    monkeypatch.setattr(manage, "_unique_room_name", lambda *args, **kwargs: None)
    monkeypatch.setattr(manage, "_unique_place_name", lambda *args, **kwargs: None)
    with pytest.raises(Refused) as caught:
        manage.save_room(None, Room(), room.place, name="Salle A", capacity=10, hours={}, rules=RULES)
    assert caught.value.field == "name" and (count(Room), count(TranslatedText)) == (1, 0)
    with pytest.raises(Refused) as caught:
        manage.save_place(None, Place(), "Lieu B", "mairie", "1 rue de la Mairie")
    assert caught.value.field == "name" and count(Place) == 2


# --- archiving and deleting ----------------------------------------------------------------

def test_a_room_with_bookings_is_archived_not_deleted(staff_client, make_room, make_booking):
    room = make_room()
    make_booking(room=room)
    assert "ne peut pas être supprimée, seulement archivée" in page(
        staff_client.get(f"/gestion/salles/{room.id}/modifier"))

    response = staff_client.post(f"/gestion/salles/{room.id}/supprimer", follow_redirects=True)
    assert response.status_code == 200
    assert "a des réservations : elle ne peut pas être supprimée. Elle est archivée à la place." in page(response)
    db.session.expire_all()
    assert db.session.get(Room, room.id).archived_at is not None


def test_a_room_never_booked_can_be_deleted_with_its_hours_and_rules(staff_client, make_room):
    room = make_room()
    manage.save_room(None, room, room.place, name=room.name, capacity=room.capacity, rules=RULES)
    response = staff_client.post(f"/gestion/salles/{room.id}/supprimer", follow_redirects=True)
    assert "est supprimée." in page(response)
    assert (count(Room), count(OpeningHours), count(TranslatedText)) == (0, 0, 0)
    actions = db.session.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-1] == "room.deleted"


def test_an_archived_room_leaves_the_calendar_and_the_request_form(
        client, staff, make_user, make_association, make_place, make_room):
    place = make_place(name="Centre social Arc-en-ciel")
    kept, archived = make_room(place=place, name="Salle des fêtes"), make_room(place=place, name="Salle Zola")
    association = make_association()
    member = make_user(roles=("association",), associations=[association])

    client.login(staff)
    assert "Salle Zola" in page(client.get("/calendrier"))
    response = client.post(f"/gestion/salles/{archived.id}/archiver", follow_redirects=True)
    assert "La salle « Salle Zola » est archivée" in page(response)
    calendar = page(client.get("/calendrier"))
    assert "Salle des fêtes" in calendar and "Salle Zola" not in calendar
    listing = page(client.get("/gestion/lieux"))
    assert "Salle Zola" in listing and "Archivée" in listing  # staff still find it

    client.post("/deconnexion")
    client.login(member)
    request_form = page(client.get("/reservations/nouvelle"))
    assert f'<option value="{kept.id}">' in request_form
    assert f'<option value="{archived.id}">' not in request_form and "Salle Zola" not in request_form

    client.post("/deconnexion")
    client.login(staff)
    client.post(f"/gestion/salles/{archived.id}/reactiver")
    assert "Salle Zola" in page(client.get("/calendrier"))


def test_an_archived_place_takes_its_rooms_out_of_the_calendar(staff_client, make_place, make_room):
    place = make_place()
    make_room(place=place, name="Salle du Bosquet")
    assert "Salle du Bosquet" in page(staff_client.get("/calendrier"))
    assert staff_client.post(f"/gestion/lieux/{place.id}/archiver").status_code == 302
    assert "Salle du Bosquet" not in page(staff_client.get("/calendrier"))
    staff_client.post(f"/gestion/lieux/{place.id}/reactiver")
    assert "Salle du Bosquet" in page(staff_client.get("/calendrier"))


# --- who may -------------------------------------------------------------------------------

def _pages(place, room):
    gets = ["/gestion/lieux", "/gestion/lieux/nouveau", f"/gestion/lieux/{place.id}/modifier",
            f"/gestion/lieux/{place.id}/salles/nouvelle", f"/gestion/salles/{room.id}/modifier"]
    posts = [("/gestion/lieux/nouveau", place_form(name="Autre lieu")),
             (f"/gestion/lieux/{place.id}/modifier", place_form(name="Autre nom")),
             (f"/gestion/lieux/{place.id}/archiver", {}), (f"/gestion/lieux/{place.id}/reactiver", {}),
             (f"/gestion/lieux/{place.id}/salles/nouvelle", room_form(name="Autre salle")),
             (f"/gestion/salles/{room.id}/modifier", room_form(name="Autre salle")),
             (f"/gestion/salles/{room.id}/archiver", {}), (f"/gestion/salles/{room.id}/reactiver", {}),
             (f"/gestion/salles/{room.id}/supprimer", {})]
    return gets, posts


def _unchanged(place, room):
    db.session.expire_all()
    assert (count(Place), count(Room)) == (1, 1)
    found_place, found_room = db.session.get(Place, place.id), db.session.get(Room, room.id)
    assert (found_place.name, found_place.archived_at) == ("Lieu d'origine", None)
    assert (found_room.name, found_room.archived_at) == ("Salle d'origine", None)


@pytest.mark.parametrize("roles", [("association",), ("volunteer",), ("mediator",)])
def test_people_who_are_not_staff_get_403(client, make_user, make_place, make_room, roles):
    place = make_place(name="Lieu d'origine")
    room = make_room(place=place, name="Salle d'origine")
    client.login(make_user(roles=roles))
    gets, posts = _pages(place, room)
    for url in gets:
        assert client.get(url).status_code == 403, url
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    _unchanged(place, room)


def test_anonymous_visitors_are_sent_to_the_login_page(client, make_place, make_room):
    place = make_place(name="Lieu d'origine")
    room = make_room(place=place, name="Salle d'origine")
    gets, posts = _pages(place, room)
    for url in gets:
        response = client.get(url)
        assert response.status_code == 302 and "/connexion" in response.headers["Location"], url
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code == 302 and "/connexion" in response.headers["Location"], url
    _unchanged(place, room)


def test_every_change_needs_the_csrf_token(staff_client, make_place, make_room):
    place = make_place(name="Lieu d'origine")
    room = make_room(place=place, name="Salle d'origine")
    _gets, posts = _pages(place, room)
    for url, data in posts:
        assert staff_client.post(url, data, csrf=False).status_code == 400, url
    _unchanged(place, room)


def test_the_menu_and_the_public_pages_lead_staff_to_the_editors(client, staff, make_user, make_room):
    room = make_room()
    client.login(make_user(roles=("volunteer",)))
    assert "Lieux et salles" not in page(client.get("/"))
    assert "/modifier" not in page(client.get(f"/salles/{room.id}"))
    assert "/modifier" not in page(client.get(f"/lieux/{room.place_id}"))
    client.post("/deconnexion")

    client.login(staff)
    assert 'href="/gestion/lieux"' in page(client.get("/"))
    assert f'href="/gestion/salles/{room.id}/modifier"' in page(client.get(f"/salles/{room.id}"))
    place_page = page(client.get(f"/lieux/{room.place_id}"))
    assert f'href="/gestion/lieux/{room.place_id}/modifier"' in place_page
    assert f'href="/gestion/lieux/{room.place_id}/salles/nouvelle"' in place_page
