"""The directory of formats: public list with filters and search, a format's page in the
person's language and register, and staff adding, changing and archiving formats."""
from html import unescape

import flask_babel
import pytest
import sqlalchemy as sa

from portal.audit import AuditEntry
from portal.content.models import TranslatedText
from portal.database import db
from portal.formats import demo
from portal.formats.models import TEXTS, Format

VARIANTS = (("fr", "standard"), ("fr", "falc"), ("en", "standard"), ("en", "falc"))


def page(response):
    return unescape(response.get_data(as_text=True))


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def switch(client, url, data):
    # Flask-Babel caches the locale in the test's application context: forget it, as a new
    # request in production would.
    client.post(url, data)
    flask_babel.refresh()


@pytest.fixture
def demo_formats(app):
    demo.load()
    db.session.commit()


@pytest.fixture
def staff_client(client, make_user):
    client.login(make_user(roles=("staff",)))
    return client


# --- demo data -----------------------------------------------------------------------------

def test_the_demo_gives_the_guides_eight_formats_in_four_variants_and_loads_once(app):
    demo.load()
    demo.load()
    db.session.commit()
    formats = db.session.scalars(sa.select(Format)).all()
    assert len(formats) == 8
    texts = {(t.key, t.locale, t.register) for t in db.session.scalars(sa.select(TranslatedText))
             if t.body.strip()}
    missing = [(f.slug, field, variant) for f in formats for field in TEXTS for variant in VARIANTS
               if (f.text_key(field), *variant) not in texts]
    assert missing == []
    assert all(f.roles and 1 <= f.group_min <= f.group_max and f.duration > 0 for f in formats)


# --- public list ---------------------------------------------------------------------------

def test_anyone_browses_the_formats_without_an_account(client, demo_formats):
    response = client.get("/formats")
    assert response.status_code == 200
    text = page(response)
    for name in ("Café-échanges", "Cercle d’écoute", "Binômes de convivialité", "Atelier « numérique apaisé »",
                 "Marche douce", "Club lecture / écriture", "Micro-ateliers « faire ensemble »",
                 "Point « aller-vers »"):
        assert name in text
    assert "8 formats" in text
    assert "Gérer les formats" not in text
    assert "HX-Request" in response.headers["Vary"]
    detail = client.get("/formats/marche-douce")
    assert detail.status_code == 200
    assert "Un départ en extérieur" in page(detail)


def names_listed(response):
    text = page(response)
    return {name for name in ("Café-échanges", "Cercle d’écoute", "Binômes de convivialité",
                              "Atelier « numérique apaisé »", "Marche douce", "Club lecture / écriture",
                              "Micro-ateliers « faire ensemble »", "Point « aller-vers »")
            if f">{name}</a>" in text}


@pytest.mark.parametrize("query, expected", [
    ("duration=short", {"Cercle d’écoute", "Binômes de convivialité", "Atelier « numérique apaisé »",
                        "Marche douce"}),
    ("duration=medium", {"Café-échanges", "Club lecture / écriture", "Micro-ateliers « faire ensemble »",
                         "Point « aller-vers »"}),
    ("people=2", {"Binômes de convivialité", "Point « aller-vers »"}),
    ("people=12", {"Café-échanges", "Club lecture / écriture", "Micro-ateliers « faire ensemble »",
                   "Marche douce", "Point « aller-vers »"}),
    ("kind=do&duration=short", {"Binômes de convivialité", "Atelier « numérique apaisé »", "Marche douce"}),
    ("q=boutures", {"Micro-ateliers « faire ensemble »"}),
    ("q=ECOUTE+cercle", {"Cercle d’écoute"}),  # any case, no accents needed, every word
])
def test_filters_and_search_narrow_the_list(client, demo_formats, query, expected):
    response = client.get(f"/formats?{query}")
    assert response.status_code == 200
    assert names_listed(response) == expected


def test_the_search_answers_htmx_with_the_results_alone(client, demo_formats):
    response = client.get("/formats?q=boutures", htmx=True)
    assert response.status_code == 200
    fragment = page(response)
    assert "<html" not in fragment
    assert "data-announce" in fragment and "1 format" in fragment
    assert "Micro-ateliers" in fragment and "Marche douce" not in fragment
    assert "HX-Request" in response.headers["Vary"]


def test_the_form_searches_as_one_types_and_works_without_javascript(client, demo_formats):
    text = page(client.get("/formats?q=marche&kind=do"))
    assert 'method="get"' in text and 'action="/formats"' in text
    assert 'hx-get="/formats"' in text and 'hx-target="#formats-results"' in text and 'hx-push-url="true"' in text
    assert "input changed delay:300ms from:input[type=search]" in text
    assert 'type="search"' in text and 'value="marche"' in text
    assert '<option selected value="do">' in text


def test_an_empty_result_says_so(client, demo_formats):
    text = page(client.get("/formats?q=astronomie"))
    assert "0 format" in text
    assert "Aucun format ne correspond à votre recherche" in text


@pytest.mark.parametrize("query", ["people=beaucoup", "people=0", "duration=forever", "kind=sing"])
def test_a_wrong_filter_is_explained(client, demo_formats, query):
    for htmx in (False, True):
        response = client.get(f"/formats?{query}", htmx=htmx)
        assert response.status_code == 422
        assert 'role="alert"' in page(response)
        assert "Café-échanges" not in page(response)


def test_the_search_looks_in_the_shown_language_and_in_french(client, demo_formats):
    switch(client, "/langue", {"locale": "en"})
    assert names_listed(client.get("/formats?q=walk")) == set()  # the English names are shown…
    text = page(client.get("/formats?q=walk"))
    assert "Gentle walk" in text and "Conversation café" not in text
    assert "Gentle walk" in page(client.get("/formats?q=marche"))  # …and French is searched too


# --- a format's page -----------------------------------------------------------------------

def test_a_format_page_shows_every_field_in_french(client, demo_formats):
    text = page(client.get("/formats/cafe-echanges"))
    assert "<h1>Café-échanges</h1>" in text
    for heading in ("À quoi sert ce format", "Règles", "Rôles et fonctionnement de l'équipe",
                    "Ce que les participants emportent", "À préparer", "Accessibilité", "Durée", "1 h 30",
                    "De 8 à 12 personnes", "Une salle calme", "Un accès de plain-pied", "Animation",
                    "Clôture", "Personne référente", "la fiche des ressources locales", "Accueil des participants"):
        assert heading in text, heading
    assert "fallback-note" not in text


def test_the_easy_to_read_switch_shows_the_easy_to_read_text(client, demo_formats):
    switch(client, "/facile-a-lire", {"falc": "on"})
    text = page(client.get("/formats/cafe-echanges"))
    assert "<h1>Café pour parler</h1>" in text
    assert "Vous pouvez aussi seulement écouter." in text
    assert "fallback-note" not in text
    assert "Café pour parler" in page(client.get("/formats"))


def test_english_shows_english_in_both_registers(client, demo_formats):
    switch(client, "/langue", {"locale": "en"})
    text = page(client.get("/formats/cercle-ecoute"))
    assert "<h1>Listening circle</h1>" in text and "You have the right to pass your turn." in text
    switch(client, "/facile-a-lire", {"falc": "on"})
    text = page(client.get("/formats/cercle-ecoute"))
    assert "<h1>Talking and listening circle</h1>" in text and "fallback-note" not in text


def test_a_missing_variant_shows_the_french_text_with_a_note(client, make_format):
    make_format(slug="seul-en-francais", texts={"name": {("fr", "standard"): "Atelier tricot"},
                                               "purpose": {("fr", "standard"): "Tricoter ensemble.",
                                                           ("en", "standard"): "Knitting together."}})
    switch(client, "/langue", {"locale": "en"})
    text = page(client.get("/formats/seul-en-francais"))
    assert '<h1 lang="fr">Atelier tricot</h1>' in text
    assert "Knitting together." in text and "fallback-note" not in text
    assert "This text has not been written yet." in text  # the rules, in no language at all
    switch(client, "/facile-a-lire", {"falc": "on"})
    text = page(client.get("/formats/seul-en-francais"))
    assert "Knitting together." in text and "fallback-note" in text  # no English easy-read yet
    listing = page(client.get("/formats"))
    assert "Atelier tricot" in listing and "fallback-note" in listing


def test_an_unknown_format_is_not_found(client):
    assert client.get("/formats/nexiste-pas").status_code == 404


# --- archiving -----------------------------------------------------------------------------

def test_an_archived_format_leaves_the_list_but_its_page_says_so(staff_client, make_format):
    fmt = make_format(slug="tricot", texts={"name": {("fr", "standard"): "Atelier tricot"}})
    staff_client.post(f"/gestion/formats/{fmt.id}/archiver")
    assert fmt.archived
    assert "Atelier tricot" not in page(staff_client.get("/formats"))
    detail = staff_client.get("/formats/tricot")
    assert detail.status_code == 200 and "Ce format est archivé" in page(detail)
    assert "Archivé" in page(staff_client.get("/gestion/formats"))
    staff_client.post(f"/gestion/formats/{fmt.id}/reactiver")
    assert not fmt.archived
    assert "Atelier tricot" in page(staff_client.get("/formats"))
    actions = db.session.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["format.archived", "format.unarchived"]


# --- staff ---------------------------------------------------------------------------------

def test_only_staff_see_the_management_link(client, make_user, demo_formats):
    client.login(make_user(roles=("volunteer",)))
    assert "Gérer les formats" not in page(client.get("/formats"))
    client.post("/deconnexion")
    client.login(make_user(roles=("staff",)))
    text = page(client.get("/formats"))
    assert "Gérer les formats" in text and 'href="/gestion/formats"' in text


def format_form(**overrides):
    values = {"kind": "do", "duration": "75", "group_min": "3", "group_max": "8",
              "roles": ["accueil", "animation"], "needs_step_free": "y", "slug": "",
              "name_fr_standard": "Atelier tricot", "purpose_fr_standard": "Tricoter en parlant.",
              "name_fr_falc": "Tricoter ensemble", "purpose_fr_falc": "Nous tricotons.\nNous parlons.",
              "name_en_standard": "Knitting workshop"}
    values.update(overrides)
    return values


def test_staff_add_a_format_with_its_texts(staff_client):
    response = staff_client.post("/gestion/formats/nouveau", format_form())
    assert response.status_code == 302
    fmt = db.session.scalar(sa.select(Format))
    assert response.location == "/formats/atelier-tricot"
    assert (fmt.kind, fmt.duration, fmt.group_min, fmt.group_max) == ("do", 75, 3, 8)
    assert fmt.roles == ["accueil", "animation"] and fmt.needs_step_free and not fmt.needs_calm
    text = page(staff_client.get(response.location))
    assert "<h1>Atelier tricot</h1>" in text and "1 h 15" in text
    switch(staff_client, "/facile-a-lire", {"falc": "on"})
    text = page(staff_client.get(response.location))
    assert "<h1>Tricoter ensemble</h1>" in text and "Nous tricotons.\nNous parlons." in text
    entry = db.session.scalar(sa.select(AuditEntry))
    assert (entry.action, entry.subject_id) == ("format.created", fmt.id)


def test_staff_change_a_format_and_remove_a_variant(staff_client, make_format):
    fmt = make_format(slug="tricot", texts={"name": {("fr", "standard"): "Atelier tricot",
                                                     ("en", "standard"): "Knitting"}})
    form_page = page(staff_client.get(f"/gestion/formats/{fmt.id}/modifier"))
    assert "Modifier le format « Atelier tricot »" in form_page and 'value="tricot"' in form_page
    response = staff_client.post(f"/gestion/formats/{fmt.id}/modifier", format_form(
        slug="tricot", name_fr_standard="Tricot et papotage", name_en_standard=""))
    assert response.status_code == 302
    assert fmt.duration == 75
    keys = {(t.locale, t.register) for t in db.session.scalars(
        sa.select(TranslatedText).where(TranslatedText.key == fmt.text_key("name")))}
    assert keys == {("fr", "standard"), ("fr", "falc")}
    assert "Tricot et papotage" in page(staff_client.get("/formats/tricot"))
    assert db.session.scalar(sa.select(AuditEntry.action)) == "format.updated"


@pytest.mark.parametrize("changes, field, message", [
    ({"group_min": "8", "group_max": "3"}, "group_max", "au moins égal au minimum"),
    ({"duration": "beaucoup"}, "duration", "Indiquez une durée en minutes"),
    ({"group_min": "0"}, "group_min", "Indiquez un nombre de personnes entre 1 et 500"),
    ({"name_fr_standard": "  "}, "name_fr_standard", "Indiquez le nom du format en français"),
    ({"slug": "Café Échanges"}, "slug", "lettres minuscules sans accent"),
    ({"slug": "pris"}, "slug", "Un autre format utilise déjà cette adresse"),
    ({"kind": "chanter"}, "kind", "choix"),
    ({"roles": ["chef"]}, "roles", "choix"),
])
def test_bad_input_is_explained_and_nothing_is_saved(staff_client, make_format, changes, field, message):
    make_format(slug="pris")
    before = (count(Format), count(TranslatedText), count(AuditEntry))
    response = staff_client.post("/gestion/formats/nouveau", format_form(**changes))
    assert response.status_code == 422
    text = page(response)
    assert message in text
    assert f'id="{field}-error"' in text or f'{field}-error' in text
    assert (count(Format), count(TranslatedText), count(AuditEntry)) == before


def test_people_without_a_staff_role_cannot_change_formats(client, make_user, make_format):
    fmt = make_format()
    client.login(make_user(roles=("association",), associations=[]))
    assert client.post("/gestion/formats/nouveau", format_form()).status_code == 403
    assert client.post(f"/gestion/formats/{fmt.id}/archiver").status_code == 403
    assert count(Format) == 1 and not fmt.archived
