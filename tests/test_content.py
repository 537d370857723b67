"""Translated texts: the fallback chain and its note, review marks, the side-by-side editor."""
from html import unescape

import flask_babel
import pytest
import sqlalchemy as sa

from portal.content import forms as texts
from portal.content import operations as content
from portal.content.models import TranslatedText
from portal.database import db
from portal.rooms import manage
from tests import factories

KEY = "test:1:text"
FR, FR_FALC, EN, EN_FALC = ("fr", "standard"), ("fr", "falc"), ("en", "standard"), ("en", "falc")
LOCALES = ("fr", "en", "ar", "es", "pt", "uk")
VARIANTS = [(locale, register) for locale in LOCALES for register in ("standard", "falc")]


def page(response):
    return unescape(response.get_data(as_text=True))


def switch(client, url, data):
    client.post(url, data)
    flask_babel.refresh()  # the test's application context keeps the locale Flask-Babel cached


def store(bodies, key=KEY, **kwargs):
    content.save_variants(key, bodies, **kwargs)
    db.session.commit()


def record(variant, key=KEY):
    db.session.expire_all()
    return content.records(key).get(variant)


# --- fallback -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("stored", "asked", "shown", "fallback"), [
    ({FR, FR_FALC, EN, EN_FALC}, EN_FALC, EN_FALC, False),
    ({FR, FR_FALC, EN}, EN_FALC, EN, True),             # asked language, standard
    ({FR, FR_FALC}, EN_FALC, FR_FALC, True),            # French, same register
    ({FR}, EN_FALC, FR, True),                          # French standard
    ({FR, FR_FALC, EN_FALC}, EN, FR, True),           # standard never falls back to FALC
    ({FR, EN}, FR_FALC, FR, True),
    ({FR}, FR, FR, False),
])
def test_lookup_follows_the_fallback_chain(app, stored, asked, shown, fallback):
    store({variant: f"{variant[0]} {variant[1]}" for variant in stored})
    text = content.lookup(KEY, *asked)
    assert (text.locale, text.register, text.is_fallback, text.asked) == (*shown, fallback, asked)
    assert text.body == f"{shown[0]} {shown[1]}"


def test_an_empty_or_missing_text_is_none_and_blank_variants_are_skipped(app):
    assert content.lookup(KEY, "fr") is None
    factories.make_text(KEY, "en", "standard", "   ")
    factories.make_text(KEY, "fr", "standard", "Bonjour.")
    assert content.lookup(KEY, "en").body == "Bonjour."


def test_many_keys_are_looked_up_in_one_query(app, counted_queries):
    store({FR: "Un.", EN: "One."}, key="test:1:a")
    store({FR: "Deux."}, key="test:1:b")
    with counted_queries() as statements:
        found = content.lookup_many(["test:1:a", "test:1:b", "test:1:c"], "en")
    assert len(statements) == 1
    assert (found["test:1:a"].body, found["test:1:b"].body, found["test:1:c"]) == ("One.", "Deux.", None)
    assert found["test:1:b"].is_fallback and not found["test:1:a"].is_fallback


def room_with_rules(make_room, rules, **kwargs):
    room = make_room()
    manage.save_room(None, room, room.place, name=room.name, capacity=room.capacity, rules=rules, **kwargs)
    return room


def test_the_note_names_the_version_asked_for_and_the_one_shown(client, make_room):
    room = room_with_rules(make_room, {FR: "Fermez les fenêtres en partant."})
    assert "fallback-note" not in page(client.get(f"/salles/{room.id}"))

    switch(client, "/facile-a-lire", {"falc": "on"})
    shown = page(client.get(f"/salles/{room.id}"))
    assert ("Ce texte n'est pas encore disponible en français facile à lire : "
            "voici la version en français courant.") in shown
    assert '<div class="prose" lang="fr">Fermez les fenêtres en partant.</div>' in shown


def test_a_text_in_another_language_says_its_language(client, make_room):
    room = room_with_rules(make_room, {FR: "Fermez les fenêtres."})
    switch(client, "/langue", {"locale": "en"})
    shown = page(client.get(f"/salles/{room.id}"))
    assert '<html lang="en"' in shown
    assert '<div class="prose" lang="fr">Fermez les fenêtres.</div>' in shown  # read out in French
    assert 'class="fallback-note"' in shown


def test_the_page_says_discreetly_when_an_easy_read_text_was_reviewed(client, make_room, make_user):
    staff = make_user(roles=("staff",))
    room = room_with_rules(make_room, {FR: "Rangez la salle.", FR_FALC: "Rangez la salle."})
    switch(client, "/facile-a-lire", {"falc": "on"})
    assert "relu par des personnes concernées" not in page(client.get(f"/salles/{room.id}"))
    store({FR_FALC: "Rangez la salle."}, key=room.rules_key, reviews={FR_FALC: True}, by=staff)
    shown = page(client.get(f"/salles/{room.id}"))
    assert "Texte relu par des personnes concernées." in shown
    assert staff.name not in shown  # who recorded it is for staff only


# --- review marks -------------------------------------------------------------------------------

def test_a_ticked_variant_is_marked_reviewed_by_whom_and_when(app, make_user):
    staff = make_user(roles=("staff",))
    store({FR: "Texte.", FR_FALC: "Texte facile."}, reviews={FR: False, FR_FALC: True}, by=staff)
    assert record(FR).reviewed_at is None
    marked = record(FR_FALC)
    assert marked.reviewed_by == staff and marked.reviewed_at is not None


def test_editing_the_body_clears_the_review_the_box_still_ticked_or_not(app, make_user):
    staff, other = make_user(roles=("staff",)), make_user(roles=("staff",))
    store({FR_FALC: "Rangez la salle."}, reviews={FR_FALC: True}, by=staff)
    first = record(FR_FALC).reviewed_at

    # Saved again unchanged, box still ticked: the mark stays as it was (who and when).
    store({FR_FALC: "Rangez la salle."}, reviews={FR_FALC: True}, by=other)
    assert (record(FR_FALC).reviewed_by, record(FR_FALC).reviewed_at) == (staff, first)

    # The body changes while the box, ticked since the last review, is sent again: the review
    # was of the earlier text, it goes.
    store({FR_FALC: "Rangez la salle. Fermez la porte."}, reviews={FR_FALC: True}, by=other)
    assert record(FR_FALC).reviewed_at is None and record(FR_FALC).reviewed_by is None

    # Now ticked on the new text: marked again, by whoever ticked it.
    store({FR_FALC: "Rangez la salle. Fermez la porte."}, reviews={FR_FALC: True}, by=other)
    assert record(FR_FALC).reviewed_by == other

    # Unticked: the mark goes, the text stays.
    store({FR_FALC: "Rangez la salle. Fermez la porte."}, reviews={FR_FALC: False})
    assert record(FR_FALC).reviewed_at is None and record(FR_FALC).body == "Rangez la salle. Fermez la porte."


def test_any_change_of_the_body_clears_the_review_even_outside_the_editor(app, make_user):
    text = factories.make_text(body="Rangez la salle.", reviewed_by=make_user(roles=("staff",)))
    text.body = "Rangez la salle."
    db.session.commit()
    assert record(FR).reviewed_at is not None
    text.body = "Rangez bien la salle."
    db.session.commit()
    assert record(FR).reviewed_at is None


def test_a_review_outlives_the_account_that_recorded_it(app, make_user):
    staff = make_user(roles=("staff",))
    factories.make_text(body="Rangez la salle.", reviewed_by=staff)
    db.session.execute(sa.delete(type(staff)).where(type(staff).id == staff.id))
    db.session.commit()
    kept = record(FR)
    assert kept.reviewed_at is not None and kept.reviewed_by_id is None


def test_an_emptied_variant_is_removed_and_other_keys_are_untouched(app):
    store({FR: "Texte.", EN: "Text."})
    store({FR: "Autre texte."}, key="test:2:text")
    store({EN: ""})
    assert content.variants(KEY) == {FR: "Texte."}
    content.delete_texts(KEY)
    db.session.commit()
    assert content.variants(KEY) == {} and content.variants("test:2:text") == {FR: "Autre texte."}


# --- the side-by-side editor ----------------------------------------------------------------------

@pytest.fixture
def staff_client(client, make_user):
    staff = make_user(roles=("staff",), name="Camille Martin")
    client.login(staff)
    client.staff = staff
    return client


def room_post(room, **values):
    """The room form as a browser sends it, with its rules side by side."""
    data = {"name": room.name, "capacity": str(room.capacity)}
    for day in range(7):
        for slot in range(2):
            data[manage.hours_field(day, slot, "opens")] = ""
            data[manage.hours_field(day, slot, "closes")] = ""
    data.update(values)
    return data


def test_the_editor_shows_every_variant_side_by_side_with_its_review(staff_client, make_room):
    room = make_room()
    manage.save_room(staff_client.staff, room, room.place, name=room.name, capacity=room.capacity,
                     rules={FR: "Texte courant.", FR_FALC: "Le CCAS vous aide."}, reviews={FR: True})
    form = page(staff_client.get(f"/gestion/salles/{room.id}/modifier"))
    assert '<fieldset class="field variants">' in form and "<legend>Règles d'utilisation</legend>" in form
    for locale, register in VARIANTS:
        assert f'<label for="rules_{locale}_{register}">' in form
        assert f'<label for="rules_{locale}_{register}_reviewed">Relu par des personnes concernées</label>' in form
    assert form.count('class="variants__column variants__column--falc"') == len(LOCALES)
    assert "Français, facile à lire et à comprendre (FALC)" in form and "English, version courante" in form
    assert 'dir="rtl"' in form and "العربية, version courante" in form
    assert 'checked id="rules_fr_standard_reviewed"' in form
    assert ", noté par Camille Martin. Modifier ce texte retire cette mention." in form
    assert "Pas encore relu par des personnes concernées." in form
    # The easy-to-read columns come with their checker, already filled for the stored text.
    assert 'hx-post="/gestion/lisibilite"' in form and 'hx-trigger="input changed delay:500ms"' in form
    assert 'id="rules_fr_falc-easy-read"' in form and "<mark>CCAS</mark>" in form
    assert 'name="field" value="rules_en_falc">Vérifier la lisibilité</button>' in form


def test_the_editor_round_trip_saves_bodies_and_review_marks(staff_client, make_room):
    room = make_room()
    response = staff_client.post(f"/gestion/salles/{room.id}/modifier", room_post(
        room, rules_fr_standard="Rangez la salle en partant.", rules_fr_falc="Rangez la salle.",
        rules_fr_falc_reviewed="y", rules_en_standard="Tidy the room.", rules_en_standard_reviewed="y"))
    assert response.status_code == 302, page(response)
    assert content.variants(room.rules_key) == {FR: "Rangez la salle en partant.", FR_FALC: "Rangez la salle.",
                                                EN: "Tidy the room."}
    assert record(FR_FALC, room.rules_key).reviewed_by == staff_client.staff
    assert record(EN, room.rules_key).reviewed_at is not None
    assert record(FR, room.rules_key).reviewed_at is None

    # The form comes back filled in, boxes ticked; the easy-read text is edited, its box left
    # ticked as the form showed it: the mark goes, the other one stays.
    form = page(staff_client.get(f"/gestion/salles/{room.id}/modifier"))
    assert 'checked id="rules_fr_falc_reviewed"' in form
    response = staff_client.post(f"/gestion/salles/{room.id}/modifier", room_post(
        room, rules_fr_standard="Rangez la salle en partant.", rules_fr_falc="Rangez bien la salle.",
        rules_fr_falc_reviewed="y", rules_en_standard="Tidy the room.", rules_en_standard_reviewed="y"))
    assert response.status_code == 302
    assert record(FR_FALC, room.rules_key).reviewed_at is None
    assert record(EN, room.rules_key).reviewed_at is not None


def test_a_refused_room_keeps_its_texts_and_marks(staff_client, make_room):
    room = make_room()
    manage.save_room(staff_client.staff, room, room.place, name=room.name, capacity=room.capacity,
                     rules={FR_FALC: "Rangez la salle."}, reviews={FR_FALC: True})
    response = staff_client.post(f"/gestion/salles/{room.id}/modifier", room_post(
        room, capacity="0", rules_fr_falc="Autre texte."))
    assert response.status_code == 422
    assert "Autre texte." in page(response)  # what was typed is shown again
    assert content.variants(room.rules_key) == {FR_FALC: "Rangez la salle."}
    assert record(FR_FALC, room.rules_key).reviewed_at is not None


def test_the_form_helpers_name_fill_and_read_the_variants(app):
    from flask_wtf import FlaskForm

    store({FR: "Texte.", FR_FALC: "Facile."}, reviews={FR_FALC: True})
    with app.test_request_context():
        form = texts.with_texts(FlaskForm, "purpose", "rules")(meta={"csrf": False}, **texts.stored("purpose", KEY))
        assert texts.field_name("purpose", "en", "falc") == "purpose_en_falc"
        assert texts.variant_of_field("purpose_en_falc") == ("en", "falc")
        assert texts.variant_of_field("purpose") is None
        assert texts.bodies_from(form, "purpose") == dict.fromkeys(VARIANTS, "") | {FR: "Texte.", FR_FALC: "Facile."}
        assert texts.reviews_from(form, "purpose") == dict.fromkeys(VARIANTS, False) | {FR_FALC: True}
        assert texts.bodies_from(form, "rules") == dict.fromkeys(VARIANTS, "")
        columns = texts.editor(form, "purpose", KEY)
        assert [(c.locale, c.register, c.falc) for c in columns] == [
            (locale, register, register == "falc") for locale, register in VARIANTS]
        assert columns[1].record.reviewed and columns[0].easy_read is None
        assert columns[1].easy_read.text == "Facile."


def test_a_deleted_room_takes_its_texts_along(staff_client, make_room):
    room = make_room()
    manage.save_room(None, room, room.place, name=room.name, capacity=room.capacity, rules={FR: "Texte."})
    assert staff_client.post(f"/gestion/salles/{room.id}/supprimer").status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(TranslatedText)) == 0
