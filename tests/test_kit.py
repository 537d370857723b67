"""The session kit's three documents, built from plain data: one A4 page each, whatever the
language, the register and the amount of data."""
import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from portal.kit import documents
from portal.kit.documents import Contact, KitContext, KitNumber, KitResource
from tests.test_pdf import type_sizes

A4 = (595.28, 841.89)  # points
NUMBERS = (KitNumber("15", "SAMU", "Urgence médicale : malaise, blessure grave, détresse vitale."),
           KitNumber("112", "Numéro d'urgence européen", "Depuis n'importe quel pays d'Europe."),
           KitNumber("114", "Urgence par SMS", "Pour les personnes sourdes ou malentendantes."),
           KitNumber("3114", "Prévention du suicide", "Des soignants vous écoutent jour et nuit."),
           KitNumber("09 72 39 40 50", "SOS Amitié", "Parler à quelqu'un. Prix d'un appel normal."))


def resource(n):
    return KitResource(f"CMP du Parc n°{n}", "Soins", "Consultations gratuites avec des psychologues et des "
                       "infirmiers, sur rendez-vous, pour les adultes.", "12 rue des Lilas, quartier Gare",
                       f"02 41 00 00 {n:02d}", "Du lundi au vendredi, 9 h – 17 h", "https://cmp.example")


def context(**overrides):
    values = dict(town="Ville de Belleville-sur-Loire", format_name="Café-échanges", locale="fr",
                  rules=("On s’écoute « vraiment », sans se couper.", "Le thème du jour est choisi ensemble."),
                  resources=(resource(1), resource(2)), numbers=NUMBERS, day=date(2026, 10, 13),
                  online_url="http://passerelle.test/ressources")
    values.update(overrides)
    return KitContext(**values)


def read(app, document, ctx):
    with app.test_request_context():
        body = documents.build(document, ctx)
    assert body.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(body))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)
    return reader, page.extract_text()


@pytest.mark.parametrize("locale", ["fr", "en"])
@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("document", list(documents.DOCUMENTS))
def test_every_document_is_one_page_in_every_language_and_register(app, document, locale, falc):
    reader, text = read(app, document, context(locale=locale, falc=falc))
    assert reader.trailer["/Root"]["/Lang"] == locale
    assert "Ville de Belleville-sur-Loire" in text and "Café-échanges" in text
    assert "page 1 sur 1" in text or "page 1 of 1" in text
    if falc:
        assert min(type_sizes(reader)) >= 14  # everything, header and footer included


def test_the_charter_says_the_rules_of_the_guide_and_of_the_format(app):
    _reader, text = read(app, "charte", context())
    for words in ("Confidentialité", "Droit au silence", "Droit de partir à tout moment", "Respect",
                  "Sans jugement", "Pas de prosélytisme", "pas de thérapie"):
        assert words in text
    assert "On s’écoute « vraiment », sans se couper." in text  # accents and typographic quotes survive
    assert "mardi 13 octobre 2026" in text


def test_the_easy_to_read_charter_has_its_own_words_one_idea_a_line(app):
    _reader, text = read(app, "charte", context(falc=True))
    assert "Vous pouvez partir quand vous voulez.\nVous n'avez pas besoin de dire pourquoi." in text
    assert "Confidentialité" not in text  # the standard wording is not reused


def test_the_resources_sheet_lists_the_resources_and_the_numbers(app):
    _reader, text = read(app, "ressources", context())
    assert "CMP du Parc n°1 (Soins)" in text and "CMP du Parc n°2" in text and "12 rue des Lilas" in text
    assert "3114" in text and "Prévention du suicide" in text and "SOS Amitié" in text
    assert re.search(r"09\s72\s39\s40\s50", text)  # on one line, in two columns of numbers
    assert "http://passerelle.test/ressources" in text


def test_too_many_resources_still_fit_on_one_page_and_say_where_the_rest_is(app):
    many = tuple(resource(n) for n in range(1, 41))
    for falc in (False, True):
        _reader, text = read(app, "ressources", context(resources=many, falc=falc))
        assert "CMP du Parc n°1" in text and "CMP du Parc n°40" not in text
        assert "sur le site de la mairie" in text
        assert "3114" in text  # the help numbers are always there


def test_many_format_rules_still_fit_on_one_page(app):
    rules = tuple(f"Règle n°{n} : chacun parle à son tour et personne n'est obligé de parler." for n in range(60))
    for falc in (False, True):
        _reader, text = read(app, "charte", context(rules=rules, falc=falc))
        assert "Règle n°0" in text and "Règle n°59" not in text and "…" in text
        assert ("Pas de pression" if falc else "Pas de prosélytisme") in text


def test_the_escalation_plan_leaves_lines_for_the_referent_or_prints_them(app):
    _reader, text = read(app, "escalade", context())
    assert "Nom :" in text and "Téléphone :" in text
    for step in ("Pause", "Accompagner vers un lieu calme", "Appeler si nécessaire"):
        assert step in text
    for number in ("15", "112", "3114", "114"):
        assert f"\n{number} " in f"\n{text}" or f"\n{number}\n" in f"\n{text}"
    assert "débriefing" in text and "Prévenez la personne référente" in text

    _reader, text = read(app, "escalade", context(referent=Contact("Amélie Durand", "06 12 34 56 78"),
                                                  inform=Contact("Service vie associative", "02 41 00 00 00")))
    assert "Amélie Durand" in text and "06 12 34 56 78" in text and "Service vie associative" in text


def test_a_right_to_left_kit_is_one_page(app):
    rules = ("نستمع إلى بعضنا البعض.", "نحترم الدور في الكلام.")
    for document in documents.DOCUMENTS:
        _reader, text = read(app, document, context(locale="ar", format_name="مقهى الحوار", rules=rules))
        assert "مقهى الحوار" in text
