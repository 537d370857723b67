"""A format's kit as the public downloads it: /formats/<slug>/kit/<document>.pdf."""
import io

import flask_babel
import pytest
from pypdf import PdfReader

from tests import factories
from tests.test_pdf import type_sizes

CAFE_TEXTS = {
    "name": {("fr", "standard"): "Café-échanges", ("fr", "falc"): "Le café pour parler",
             ("en", "standard"): "Conversation café"},
    "rules": {("fr", "standard"): "On s’écoute « vraiment ».\nLe thème est choisi ensemble.",
              ("fr", "falc"): "On parle chacun son tour.\nOn écoute les autres."},
}


@pytest.fixture
def cafe(app):
    return factories.make_format(slug="cafe-echanges", texts=CAFE_TEXTS)


def pdf_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith('inline; filename="')
    reader = PdfReader(io.BytesIO(response.get_data()))
    assert len(reader.pages) == 1
    return reader, reader.pages[0].extract_text(), response.headers["Content-Disposition"]


@pytest.mark.parametrize("document", ["charte", "ressources", "escalade"])
def test_each_document_of_a_format_opens_as_one_page(client, cafe, document):
    reader, text, disposition = pdf_of(client, f"/formats/cafe-echanges/kit/{document}.pdf")
    assert "Café-échanges" in text and "page 1 sur 1" in text
    assert f'filename="{document}-cafe-echanges-fr.pdf"' in disposition
    assert reader.trailer["/Root"]["/Lang"] == "fr"


def test_the_charter_prints_the_formats_rules_in_the_register_asked(client, cafe):
    _reader, text, _disposition = pdf_of(client, "/formats/cafe-echanges/kit/charte.pdf")
    assert "On s’écoute « vraiment »." in text
    reader, text, disposition = pdf_of(client, "/formats/cafe-echanges/kit/charte.pdf?falc=1")
    assert "Le café pour parler" in text and "On parle chacun son tour." in text
    assert min(type_sizes(reader)) >= 14
    assert disposition.endswith('-falc.pdf"')


def test_the_language_asked_in_the_query_wins(client, cafe):
    reader, text, disposition = pdf_of(client, "/formats/cafe-echanges/kit/escalade.pdf?lang=en")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "Conversation café" in text and disposition.endswith('-en.pdf"')


def test_the_easy_to_read_switch_is_the_default(client, cafe):
    client.post("/facile-a-lire", {"falc": "on"})
    flask_babel.refresh()
    _reader, text, disposition = pdf_of(client, "/formats/cafe-echanges/kit/charte.pdf")
    assert "Le café pour parler" in text and disposition.endswith('-falc.pdf"')
    _reader, text, _disposition = pdf_of(client, "/formats/cafe-echanges/kit/charte.pdf?falc=0")
    assert "Café-échanges" in text


def test_the_resources_sheet_prints_the_kit_resources_and_the_town_numbers(client, cafe):
    factories.make_resource(name="CMP du Parc", kind="cmp", in_kit=True,
                            descriptions={("fr", "standard"): "Consultations gratuites, sur rendez-vous."})
    factories.make_resource(name="Pas dans le kit", in_kit=False)
    factories.make_help_number(name="Permanence du CCAS", number="02 41 00 00 99")
    _reader, text, _disposition = pdf_of(client, "/formats/cafe-echanges/kit/ressources.pdf")
    assert "CMP du Parc" in text and "Consultations gratuites, sur rendez-vous." in text
    assert "Pas dans le kit" not in text
    assert "Permanence du CCAS" in text and "3114" in text


@pytest.mark.parametrize("url, status", [
    ("/formats/inconnu/kit/charte.pdf", 404),
    ("/formats/cafe-echanges/kit/affiche.pdf", 404),
    ("/formats/cafe-echanges/kit/charte.pdf?lang=xx", 400),
    ("/formats/cafe-echanges/kit/charte.pdf?lang=de", 400),  # a language the portal does not offer
    ("/formats/cafe-echanges/kit/charte.pdf?falc=oui", 400),
])
def test_what_does_not_exist_is_refused_clearly(client, cafe, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert "text/html" in response.content_type


def test_the_format_page_links_to_its_kit(client, cafe):
    page = client.get("/formats/cafe-echanges").get_data(as_text=True)
    for document in ("charte", "ressources", "escalade"):
        assert f'href="/formats/cafe-echanges/kit/{document}.pdf?lang=fr&amp;falc=0"' in page
    assert "Charte d'accueil" in page and "(PDF, 1 page)" in page
    assert 'action="/formats/cafe-echanges/kit"' in page and 'name="lang"' in page and 'name="falc"' in page


def test_the_choice_form_leads_to_the_document_asked(client, cafe):
    response = client.get("/formats/cafe-echanges/kit?document=escalade&lang=en&falc=1")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/formats/cafe-echanges/kit/escalade.pdf?lang=en&falc=1")
    response = client.get("/formats/cafe-echanges/kit?document=escalade&lang=fr")  # box left unticked
    assert response.headers["Location"].endswith("escalade.pdf?lang=fr&falc=0")
    assert client.get("/formats/cafe-echanges/kit?document=nimporte&lang=fr").status_code == 400
    assert client.get("/formats/inconnu/kit?document=charte&lang=fr").status_code == 404
