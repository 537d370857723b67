"""The emergency page with the town's own numbers, and its A4 poster."""
import io
import re
from html import unescape

import pytest
from pypdf import PdfReader

from portal import clock, create_app
from portal.core.help_numbers import EMERGENCIES, listening_lines, poster_numbers
from tests.factories import make_help_number

A4 = (595.28, 841.89)  # points


def text(response):
    return unescape(response.get_data(as_text=True))


def test_local_numbers_follow_the_national_ones_in_the_towns_order(client):
    make_help_number(name="Astreinte de la mairie", number="02 00 00 00 99", position=3, hours="La nuit")
    make_help_number(name="Permanence du CCAS", number="02 00 00 00 15", position=1,
                     purposes={("fr", "standard"): "Une situation sociale urgente."})
    make_help_number(name="Ancien numéro", number="02 00 00 00 11", archived_at=clock.now())
    page = text(client.get("/urgence"))
    headings = re.findall(r"<h2 id=\"help-group-\d\">([^<]+)</h2>", page)
    assert headings == ["Urgences", "Écoute et aide", "Numéros de la ville"]
    assert page.index("SOS Amitié") < page.index("Permanence du CCAS") < page.index("Astreinte de la mairie")
    assert 'href="tel:0200000015"' in page and "Une situation sociale urgente." in page
    assert "Ancien numéro" not in page


def test_local_purposes_are_shown_in_the_readers_language_or_marked_french(client):
    make_help_number(name="Permanence du CCAS", position=1,
                     purposes={("fr", "standard"): "Une situation sociale urgente.",
                               ("en", "standard"): "An urgent social situation."})
    make_help_number(name="Astreinte", position=2, purposes={("fr", "standard"): "La nuit, un souci urgent."})
    page = text(client.get("/urgence", headers={"Accept-Language": "en"}))
    assert "An urgent social situation." in page and "Une situation sociale urgente." not in page
    assert '<p lang="fr">La nuit, un souci urgent.</p>' in page
    assert "<p>An urgent social situation.</p>" in page


def test_without_local_numbers_the_page_has_no_empty_section(client):
    page = text(client.get("/urgence"))
    assert "Numéros de la ville" not in page


def test_poster_numbers_are_national_then_listening_then_local(app):
    ccas = make_help_number(name="Permanence du CCAS", number="02 00 00 00 15", position=1, free=True)
    make_help_number(name="Caché", archived_at=clock.now())
    numbers = poster_numbers()
    national = [line.number for line in (*EMERGENCIES, *listening_lines())]
    assert [line.number for line in numbers] == [*national, ccas.number]
    assert numbers[:5] == list(EMERGENCIES)
    assert numbers[-1].name == "Permanence du CCAS" and numbers[-1].free and numbers[-1].dial == "0200000015"
    assert [line.number for line in numbers[:5]] == ["15", "17", "18", "112", "114"]
    assert numbers[4].sms


def test_the_page_still_lists_the_national_numbers_when_the_database_is_down(tmp_path):
    broken = create_app({"TESTING": True, "SECRET_KEY": "tests", "RATELIMIT_ENABLED": False,
                         "SQLALCHEMY_DATABASE_URI": "sqlite:////nonexistent-folder/for/passerelle.sqlite3"},
                        instance_path=tmp_path / "broken")
    response = broken.test_client().get("/urgence")
    assert response.status_code == 200
    page = text(response)
    assert 'href="tel:15"' in page and 'href="tel:3114"' in page


def test_the_page_links_to_its_poster(client):
    page = text(client.get("/urgence"))
    assert 'href="/urgence/affiche.pdf"' in page


# --- the poster ---------------------------------------------------------------------------

def poster(client, **headers):
    response = client.get("/urgence/affiche.pdf", headers=headers)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("inline; filename=")
    return PdfReader(io.BytesIO(response.get_data()))


def test_the_poster_is_one_a4_page_with_every_number_and_accents(app, client):
    make_help_number(name="Permanence du CCAS", number="02 00 00 00 15")
    make_help_number(name="Accueil du CMP", number="02 00 00 00 30")
    reader = poster(client)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    content = page.extract_text()
    for line in poster_numbers():
        assert line.number in content, line.number
    for words in ("En cas d'urgence", "Écoute et aide", "Solitud'écoute", "Pompiers", "Permanence du CCAS",
                  "Numéros de la ville", app.config["PORTAL_TOWN_NAME"], "page 1 sur 1"):
        assert words in content, words
    assert "http://passerelle.test/urgence" in content.replace("\n", "")
    assert page["/Resources"]["/XObject"]  # the QR code


def test_the_poster_stays_on_one_page_with_many_local_numbers(client):
    for n in range(8):
        make_help_number(name=f"Permanence de quartier numéro {n}", number=f"02 00 00 01 {n:02d}",
                         hours="Du lundi au vendredi, de 9 h à 17 h, sauf jours fériés")
    reader = poster(client)
    assert len(reader.pages) == 1
    assert "02 00 00 01 07" in reader.pages[0].extract_text()


def test_the_poster_speaks_the_readers_language(client):
    reader = poster(client, **{"Accept-Language": "en"})
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_anyone_may_print_the_poster(client, make_user):
    client.login(make_user(roles=("volunteer",)))
    assert len(poster(client).pages) == 1
