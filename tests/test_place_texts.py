"""A place's directions ("Pour y aller") in every language: readers see them in theirs, or the
French marked as French; staff write them side by side; migration 0012 moved the old column."""
import io
import re
from html import unescape

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade
from pypdf import PdfReader

from portal import create_app
from portal.audit import AuditEntry
from portal.content import operations as content
from portal.content.models import TranslatedText
from portal.database import db
from portal.rooms import manage
from portal.rooms.models import Place
from tests import factories

FRENCH = "Tram A, arrêt Les Prés. Ascenseur à gauche de l'entrée."
ARABIC = "الترام A، موقف Les Prés. المصعد على يسار المدخل."
ENGLISH = "Tram A, Les Prés stop. Lift to the left of the entrance."


@pytest.fixture
def place(app):
    return factories.make_place(name="Médiathèque Louise-Michel",
                                directions={("fr", "standard"): FRENCH, ("ar", "standard"): ARABIC})


@pytest.fixture
def staff_client(client):
    client.login(factories.make_user(roles=("staff",)))
    return client


def read_in(client, locale, url):
    client.post("/langue", {"locale": locale})
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.get_data(as_text=True))


def public_session_at(place):
    return factories.make_public_session(room=factories.make_room(place=place), title="Café-échanges")


def where(html):
    """The part of a page about the place: all of a place page, the "Où ?" of a session's."""
    return html.split('id="session-where"', 1)[1].split("</section>", 1)[0] if 'id="session-where"' in html else html


# --- what readers see -----------------------------------------------------------------------

def test_an_arabic_reader_sees_the_arabic_directions(client, place):
    session = public_session_at(place)
    for url in (f"/lieux/{place.id}", "/lieux", f"/rencontres/{session.id}"):
        html = where(read_in(client, "ar", url))
        assert f'<div class="prose prose--lines" lang="ar">{ARABIC}</div>' in html, url
        assert FRENCH not in html and "fallback-note" not in html


def test_without_a_translation_the_french_is_shown_marked_as_french(client, place):
    session = public_session_at(place)
    for url in (f"/lieux/{place.id}", "/lieux", f"/rencontres/{session.id}"):
        html = where(read_in(client, "es", url))
        assert f'<div class="prose prose--lines" lang="fr">{FRENCH}</div>' in html, url
        assert 'class="fallback-note"' in html
    # Left to right inside a right-to-left page, when Arabic is missing too.
    manage.save_place(None, place, place.name, place.kind, place.address, directions={("fr", "standard"): FRENCH})
    html = read_in(client, "ar", f"/lieux/{place.id}")
    assert f'<div class="prose prose--lines" lang="fr" dir="ltr">{FRENCH}</div>' in html


def test_french_readers_see_the_french_unmarked_and_no_directions_means_no_heading(client, place):
    html = read_in(client, "fr", f"/lieux/{place.id}")
    assert f'<div class="prose prose--lines" lang="fr">{FRENCH}</div>' in html and ARABIC not in html
    assert "fallback-note" not in html
    bare = factories.make_place()
    assert "Pour y aller" not in read_in(client, "fr", f"/lieux/{bare.id}")
    session = public_session_at(bare)
    assert "Pour venir" not in read_in(client, "fr", f"/rencontres/{session.id}")


def test_the_places_page_reads_every_place_s_directions_at_once(client, place):
    for n in range(5):
        factories.make_place(directions=f"Bus {n}, arrêt Centre.")
    client.post("/langue", {"locale": "ar"})
    statements = []

    def record(_connection, _cursor, statement, *_args):
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        html = unescape(client.get("/lieux").get_data(as_text=True))
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)
    assert all(f"Bus {n}, arrêt Centre." in html for n in range(5)) and ARABIC in html
    assert sum("FROM translated_texts" in statement for statement in statements) == 1


def test_the_poster_gives_the_directions_in_its_language(client):
    place = factories.make_place(directions={("fr", "standard"): FRENCH, ("en", "standard"): ENGLISH})
    session = public_session_at(place)
    for lang, expected, other in (("en", ENGLISH, FRENCH), ("es", FRENCH, ENGLISH)):
        response = client.get(f"/rencontres/{session.id}/affiche.pdf?lang={lang}&falc=0")
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages).split())
        assert expected in text and other not in text


# --- staff write them -----------------------------------------------------------------------

def place_form(**texts):
    """The place form as a browser posts it, with the variants of the directions given as
    ``directions_ar_standard="…"``, the others blank."""
    return {"name": "Maison de quartier des Tilleuls", "kind": "maison_quartier", "address": "4 place des Tilleuls",
            "neighbourhood": "Les Tilleuls",
            **{f"directions_{locale}_{register}": "" for locale, register in content.all_variants()}, **texts}


def text_area(form, name):
    """The opening tag of a text area of the page."""
    return re.search(rf'<textarea[^>]*name="{name}"[^>]*>', form).group(0)


def test_staff_write_the_directions_side_by_side(staff_client):
    form = unescape(staff_client.get("/gestion/lieux/nouveau").get_data(as_text=True))
    assert '<legend>Pour y aller</legend>' in form
    for locale, register in content.all_variants():
        assert text_area(form, f"directions_{locale}_{register}")
        assert f'name="directions_{locale}_{register}_reviewed"' in form
    assert 'lang="ar"' in text_area(form, "directions_ar_standard")
    assert 'dir="rtl"' in text_area(form, "directions_ar_standard")

    response = staff_client.post("/gestion/lieux/nouveau", place_form(
        directions_fr_standard=f"  {FRENCH}  ", directions_ar_standard=ARABIC,
        directions_fr_falc="Prenez le tram A.\nDescendez à Les Prés.", directions_fr_falc_reviewed="y"))
    assert response.status_code == 302
    place = db.session.scalar(sa.select(Place))
    assert content.variants(place.directions_key) == {
        ("fr", "standard"): FRENCH, ("ar", "standard"): ARABIC,
        ("fr", "falc"): "Prenez le tram A.\nDescendez à Les Prés."}
    assert content.records(place.directions_key)["fr", "falc"].reviewed

    # The edit form is filled in; emptying a variant removes it, in the same commit as the place.
    form = unescape(staff_client.get(f"/gestion/lieux/{place.id}/modifier").get_data(as_text=True))
    assert ARABIC in form and FRENCH in form
    response = staff_client.post(f"/gestion/lieux/{place.id}/modifier", place_form(
        name="Maison des Tilleuls", directions_fr_standard=FRENCH, directions_en_standard=ENGLISH))
    assert response.status_code == 302
    assert content.variants(place.directions_key) == {("fr", "standard"): FRENCH, ("en", "standard"): ENGLISH}
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) == 2


def test_a_refused_place_writes_no_directions(staff_client):
    factories.make_place(name="Maison de quartier des Tilleuls")
    response = staff_client.post("/gestion/lieux/nouveau", place_form(directions_fr_standard=FRENCH))
    assert response.status_code == 422
    assert "Un lieu porte déjà ce nom." in unescape(response.get_data(as_text=True))
    assert db.session.scalar(sa.select(sa.func.count()).select_from(TranslatedText)) == 0


def test_too_long_directions_are_refused_next_to_their_text_area(staff_client):
    response = staff_client.post("/gestion/lieux/nouveau", place_form(directions_ar_standard="ب" * 2001))
    assert response.status_code == 422
    assert 'id="directions_ar_standard-error"' in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Place)) == 0


# --- the demo -------------------------------------------------------------------------------

def test_the_demo_places_give_their_directions_in_every_language(client):
    from portal.demo import PLACES, load_demo

    load_demo()
    load_demo()  # loading again changes nothing
    for name, _kind, _address, _neighbourhood, directions in PLACES:
        place = db.session.scalar(sa.select(Place).filter_by(name=name))
        variants = content.variants(place.directions_key)
        assert variants["fr", "standard"] == directions
        assert set(variants) == {(locale, "standard") for locale in ("fr", "en", "ar", "es", "pt", "uk")}
    hotel = db.session.scalar(sa.select(Place).filter_by(name="Hôtel de ville"))
    assert "Bus 3 and 7, Mairie stop." in read_in(client, "en", f"/lieux/{hotel.id}")


# --- the migration --------------------------------------------------------------------------

def test_the_migration_moves_the_directions_to_translated_texts_and_back(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'migration.sqlite3'}",
                      "SECRET_KEY": "tests"}, instance_path=tmp_path / "instance")
    with app.app_context():
        upgrade(revision="0011")
        with db.engine.begin() as connection:
            connection.execute(sa.text(
                "INSERT INTO places (id, name, kind, address, neighbourhood, directions, created_at) VALUES "
                "(1, 'Médiathèque', 'mediatheque', '4 allée des Lilas', '', :directions, '2026-01-01 00:00:00'), "
                "(2, 'Mairie', 'mairie', '1 place de la République', '', '  ', '2026-01-01 00:00:00')"),
                {"directions": FRENCH})

        upgrade(revision="0012")
        with db.engine.connect() as connection:
            assert "directions" not in {c["name"] for c in sa.inspect(connection).get_columns("places")}
            assert connection.execute(sa.text("SELECT key, locale, register, body FROM translated_texts")).all() == [
                ("place:1:directions", "fr", "standard", FRENCH)]
            # Dropped in place: the calendar's data-version triggers on places are still there.
            assert connection.execute(sa.text(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'places'")).scalar() == 3
        with db.engine.begin() as connection:  # a translation written since then
            connection.execute(sa.text(
                "INSERT INTO translated_texts (key, locale, register, body, updated_at) "
                "VALUES ('place:1:directions', 'ar', 'standard', :body, '2026-01-02 00:00:00')"), {"body": ARABIC})

        downgrade(revision="0011")
        with db.engine.connect() as connection:
            assert connection.execute(sa.text("SELECT id, directions FROM places ORDER BY id")).all() == [
                (1, FRENCH), (2, "")]
            # The French went back to its column; the translation stays for the next upgrade.
            assert connection.execute(sa.text("SELECT key, locale FROM translated_texts")).all() == [
                ("place:1:directions", "ar")]

        upgrade()
        with db.engine.connect() as connection:
            assert connection.execute(sa.text(
                "SELECT locale, body FROM translated_texts ORDER BY locale")).all() == [("ar", ARABIC), ("fr", FRENCH)]
        db.engine.dispose()
