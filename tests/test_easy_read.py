"""The easy-to-read checker: each kind of hint, the panel staff see as they type, the report."""
import re
from html import unescape

import pytest

from portal.content import easy_read
from portal.content.easy_read import check, readability, syllables
from tests import factories

CLEAN = """Bienvenue au café des voisins.
Le café a lieu tous les mardis.
Vous pouvez venir seul ou avec un ami.
Le café est gratuit.
Vous pouvez partir quand vous voulez.
Pour venir, appelez le 01 23 45 67 89."""


def hints(text, locale="fr"):
    return [(hint.kind, hint.marked) for hint in check(text, locale)]


def test_a_clean_easy_read_text_gives_no_hint_and_a_good_score(app):
    assert check(CLEAN) == []
    assert readability(CLEAN) >= 70
    assert str(easy_read.report(CLEAN).level) == "facile à lire"


def test_an_empty_text_gives_nothing(app):
    assert check("") == [] and check("  \n ") == []
    assert readability("") is None


def test_a_sentence_over_fifteen_words(app):
    sentence = ("Les personnes qui souhaitent venir peuvent se présenter à l'accueil de la maison "
                "de quartier le mardi matin.")
    [hint] = [h for h in check(sentence) if h.kind == easy_read.LONG_SENTENCE]
    assert hint.excerpt == sentence and hint.marked == sentence
    assert "18 mots" in str(hint.message)
    assert not [h for h in check("Les personnes peuvent venir le mardi matin.") if h.kind == easy_read.LONG_SENTENCE]


@pytest.mark.parametrize(("word", "count"), [
    ("table", 1), ("fenêtre", 2), ("maison", 2), ("poésie", 3), ("réalité", 4), ("année", 2),
    ("naïf", 2), ("administration", 5), ("municipalité", 6), ("l'organisation", 5)])
def test_the_french_syllable_counter(word, count):
    assert syllables(word) == count


def test_long_words_that_are_not_everyday_words(app):
    text = "L'administration organise une concertation.\nLa médiathèque ouvre aujourd'hui."
    assert hints(text) == [("long_word", "administration"), ("long_word", "concertation")]
    [first, _second] = check(text)
    assert (first.before, first.after) == ("L'", " organise une concertation.")
    assert "« administration »" in str(first.message)


def test_abbreviations_and_initials(app):
    text = "Le CCAS vous aide.\nM. Martin vous reçoit.\nApportez vos papiers, vos photos, etc.\nLa S.N.C.F. passe ici."
    assert hints(text) == [("abbreviation", "CCAS"), ("abbreviation", "M."), ("abbreviation", "etc."),
                           ("abbreviation", "S.N.C.F.")]
    assert hints("Envoyez un SMS.") == []  # a capital word everyone reads as a word


def test_percentages_large_and_decimal_numbers(app):
    text = "La moitié, soit 50 % des gens.\nIl y a 1 500 places.\nLa salle fait 12,5 mètres.\nIl y a 3000 livres."
    assert hints(text) == [("number", "50 %"), ("number", "1 500"), ("number", "12,5"), ("number", "3000")]


def test_small_numbers_years_and_phone_numbers_are_fine(app):
    text = ("Venez à 3 personnes.\nEn 2026, tout change.\nAppelez le 3114.\n"
            "Appelez le 09 72 39 40 50 ou le 0 800 47 47 88.\nLe café ouvre à 14 h 30.")
    assert hints(text) == []


def test_special_characters(app):
    text = "Café & gâteaux.\nVenez avec vos amis ; vos voisins aussi.\nOuvert 24 h/24.\nÉcrivez à accueil@mairie.example."
    found = check(text)
    assert [(h.kind, h.marked) for h in found] == [("special_character", "&"), ("special_character", ";"),
                                                   ("special_character", "/")]
    assert "point-virgule" in str(found[1].message).lower()
    assert hints("Le café « Bonjour » (à la mairie) : venez !") == []


def test_dates_not_written_in_full(app):
    text = "Rendez-vous le 12/03.\nRendez-vous le 12/03/2026 à 14 h.\nRendez-vous le 2026-03-12."
    assert hints(text) == [("date", "12/03"), ("date", "12/03/2026"), ("date", "2026-03-12")]
    assert hints("Rendez-vous le jeudi 12 mars 2026.") == []


def test_more_than_one_idea_per_line(app):
    assert hints("Rangez la salle et fermez les fenêtres.") == [("ideas", "et")]
    assert hints("Vous pouvez parler, mais vous pouvez aussi écouter.") == [("ideas", ",")]
    [two] = check("Le café est offert. Vous pouvez venir.")
    assert (two.kind, two.marked, two.excerpt) == ("ideas", "Vous pouvez venir.", "Le café est offert. Vous pouvez venir.")
    # A list of things is one idea.
    assert hints("Apportez un stylo, un cahier et une gomme.") == []


def test_hints_say_their_line_and_each_repeated_word_once(app):
    found = check("Le CCAS ouvre.\nLe CCAS ferme.\nLe CMP aussi.")
    assert [(h.line, h.marked) for h in found] == [(1, "CCAS"), (3, "CMP")]


def test_english_texts_get_the_checks_that_do_not_depend_on_french(app):
    assert hints("The room is open and you can come.", "en") == [("ideas", "and")]
    assert hints("Call us on 12/03, e.g. in the morning.", "en") == [("date", "12/03"), ("abbreviation", "e.g.")]
    assert readability("Tidy the room.", "en") is None  # Kandel–Moles is for French


def test_the_score_is_lower_for_a_hard_text(app):
    hard = ("L'administration municipale organise prochainement une consultation participative concernant "
            "l'aménagement des équipements intergénérationnels du quartier.")
    assert readability(hard) < 50 < readability(CLEAN)
    assert str(easy_read.report(hard).level) == "difficile à lire"


# --- the panel -----------------------------------------------------------------------------------

URL = "/gestion/lisibilite"


@pytest.fixture
def staff_client(client, make_user):
    client.login(make_user(roles=("staff",)))
    return client


def body(response):
    return unescape(response.get_data(as_text=True))


def test_as_staff_type_the_panel_comes_back_as_a_fragment(staff_client):
    response = staff_client.post(URL, {"field": "rules_fr_falc", "rules_fr_falc": "Le CCAS vous aide."}, htmx=True)
    assert response.status_code == 200
    fragment = body(response)
    assert "<html" not in fragment
    assert '<p class="easy-read__summary" data-announce>1 conseil de lisibilité.' in fragment
    assert "Le <mark>CCAS</mark> vous aide." in fragment
    assert "data-focus-after-swap" not in fragment  # focus stays in the text area
    assert "Vary" in response.headers and "HX-Request" in response.headers["Vary"]


def test_a_clean_text_says_so(staff_client):
    fragment = body(staff_client.post(URL, {"field": "text", "text": CLEAN}, htmx=True))
    assert "Aucun conseil" in fragment and "Kandel et Moles" in fragment and "<mark>" not in fragment


def test_without_javascript_the_button_shows_the_hints_on_a_page(staff_client):
    # The « Vérifier la lisibilité » button posts the whole room form with field=<its text area>.
    response = staff_client.post(URL, {"field": "rules_en_falc", "name": "Salle", "rules_fr_falc": "Autre.",
                                       "rules_en_falc": "The room is open and you can come."})
    assert response.status_code == 200
    page = body(response)
    assert '<html lang="fr"' in page and "<h1>Lisibilité du texte</h1>" in page
    assert "The room is open <mark>and</mark> you can come." in page
    assert '<input type="hidden" name="locale" value="en">' in page  # checked as English
    assert "Kandel" not in page
    assert re.search(r'<textarea id="text" name="text"[^>]*lang="en"', page)


def test_an_empty_or_unknown_field_is_not_an_error(staff_client):
    for data in ({}, {"field": "nothing"}, {"field": "text", "text": "", "locale": "xx"}):
        response = staff_client.post(URL, data, htmx=True)
        assert response.status_code == 200
        assert "Les conseils de lisibilité apparaîtront ici" in body(response)


def test_a_very_long_text_is_refused_with_a_message(staff_client):
    response = staff_client.post(URL, {"text": "Mot. " * 5000}, htmx=True)
    assert response.status_code == 422
    assert "Ce texte est trop long pour être vérifié" in body(response)


@pytest.mark.parametrize("role", ["association", "volunteer", "mediator"])
def test_only_staff_may_use_the_checker(client, make_user, make_association, role):
    associations = [make_association()] if role == "association" else []
    client.login(make_user(roles=(role,), associations=associations))
    assert client.post(URL, {"text": "Bonjour."}).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.post(URL, {"text": "Bonjour."}).status_code == 302
    response = client.post(URL, {"text": "Bonjour."}, htmx=True)
    assert response.status_code == 204 and "/connexion" in response.headers["HX-Redirect"]


def test_the_checker_needs_the_form_token(staff_client):
    response = staff_client.post(URL, {"text": "Bonjour."}, csrf=False, htmx=True)
    assert response.status_code == 400
    token = re.search(r"<body[^>]*hx-headers='([^']+)'", staff_client.get("/").get_data(as_text=True)).group(1)
    token = re.search(r'"X-CSRFToken": "([^"]+)"', unescape(token)).group(1)
    response = staff_client.post(URL, {"text": "Le CCAS."}, csrf=False, htmx=True, headers={"X-CSRFToken": token})
    assert response.status_code == 200 and "<mark>CCAS</mark>" in body(response)


# --- the report -------------------------------------------------------------------------------------

def test_the_report_covers_every_stored_easy_read_text(app, runner, make_user):
    factories.make_text("room:1:rules", "fr", "falc", "Le CCAS vous aide.\nRangez la salle.")
    factories.make_text("room:1:rules", "en", "falc", "The room is open and you can come.",
                        reviewed_by=make_user(roles=("staff",)))
    factories.make_text("room:1:rules", "fr", "standard", "Le CCAS, etc.")  # not easy-to-read: not checked
    factories.make_text("room:2:rules", "fr", "falc", CLEAN)
    result = runner.invoke(args=["easy-read"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "room:1:rules [fr] ligne 1 · Sigle ou abréviation : Sigle ou abréviation « CCAS »" in result.output
    assert "room:1:rules [en] ligne 1 · Plusieurs idées" in result.output
    assert any(line.startswith("room:1:rules [en]") and "relu par des personnes concernées" in line for line in lines)
    assert any(line.startswith("room:2:rules [fr] – lisibilité") for line in lines)
    assert "etc." not in result.output
    assert lines[-1] == "3 texte(s) facile(s) à lire vérifié(s), 2 conseil(s)."


def test_the_report_on_an_empty_database(runner):
    result = runner.invoke(args=["easy-read"])
    assert result.exit_code == 0
    assert result.output.strip() == "0 texte(s) facile(s) à lire vérifié(s), 0 conseil(s)."
