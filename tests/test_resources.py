"""The local resources directory: public pages, filters, translations, staff management,
the yearly review, the kit's list and the demo."""
import re
from html import unescape

import pytest
import sqlalchemy as sa
from dateutil.relativedelta import relativedelta

from portal import clock
from portal.audit import AuditEntry
from portal.content.models import TranslatedText
from portal.database import db
from portal.errors import Refused
from portal.resources import demo, operations
from portal.resources.models import CATEGORIES, LocalHelpNumber, Resource
from tests.factories import make_help_number, make_resource


def text(response):
    return unescape(response.get_data(as_text=True))


def names_in(page):
    return re.findall(r'<h2 id="resource-\d+"><a href="/ressources/\d+">([^<]+)</a></h2>', page)


@pytest.fixture
def town(app):
    """A few entries across categories, neighbourhoods and languages."""
    return {
        "cmp": make_resource(name="CMP adultes", kind="cmp", neighbourhood="Centre", languages=("fr", "en"),
                             step_free=True, in_kit=True,
                             descriptions={("fr", "standard"): "Des soignants vous écoutent.",
                                           ("en", "standard"): "Carers listen to you.",
                                           ("fr", "falc"): "Vous pouvez parler à un soignant."}),
        "pmi": make_resource(name="PMI des Prés", kind="pmi", neighbourhood="Les Prés", languages=("fr", "ar"),
                             step_free=False, descriptions={("fr", "standard"): "Suivi des bébés."}),
        "ccas": make_resource(name="Antenne du CCAS", kind="ccas", neighbourhood="Tisserands", languages=("fr",),
                              step_free=True, in_kit=True, phone="02 00 00 00 42",
                              email="ccas@ville.example.org", website="https://ville.example.org/ccas"),
        "archived": make_resource(name="Ancienne permanence", kind="acces_droits", neighbourhood="Campus",
                                  archived_at=clock.now()),
    }


# --- public pages -------------------------------------------------------------------------

def test_the_directory_is_public_and_lists_active_entries_by_category(client, town):
    response = client.get("/ressources")
    assert response.status_code == 200
    page = text(response)
    assert names_in(page) == ["CMP adultes", "PMI des Prés", "Antenne du CCAS"]  # soins, then social
    assert "Ancienne permanence" not in page
    assert "3 ressources trouvées" in page
    assert "Des soignants vous écoutent." in page
    assert 'href="tel:0200000042"' in page
    assert 'href="mailto:ccas@ville.example.org"' in page
    assert 'href="https://ville.example.org/ccas"' in page


def test_the_directory_is_in_the_main_menu(client, town):
    assert 'href="/ressources"' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("query, expected", [
    ("categorie=soins", ["CMP adultes", "PMI des Prés"]),
    ("categorie=social", ["Antenne du CCAS"]),
    ("quartier=Les+Prés", ["PMI des Prés"]),
    ("langue=ar", ["PMI des Prés"]),
    ("plain_pied=oui", ["CMP adultes", "Antenne du CCAS"]),
    ("categorie=soins&plain_pied=oui&langue=en", ["CMP adultes"]),
    ("categorie=inconnue&langue=xx&quartier=Nulle+part", ["CMP adultes", "PMI des Prés", "Antenne du CCAS"]),
])
def test_filters_narrow_the_list(client, town, query, expected):
    response = client.get(f"/ressources?{query}")
    assert response.status_code == 200
    assert names_in(text(response)) == expected


def test_filters_offer_what_active_entries_have(client, town):
    page = text(client.get("/ressources"))
    neighbourhoods = re.search(r'<select id="resource-neighbourhood".*?</select>', page, re.S).group(0)
    assert "Les Prés" in neighbourhoods and "Campus" not in neighbourhoods  # only archived entries there
    languages = re.search(r'<select id="resource-language".*?</select>', page, re.S).group(0)
    assert "arabe (العربية)" in languages and "anglais (English)" in languages
    assert "français" in languages


def test_the_filters_keep_their_values_without_javascript(client, town):
    page = text(client.get("/ressources?categorie=soins&langue=ar&plain_pied=oui"))
    assert '<option value="soins" selected>' in page
    assert '<option value="ar" selected>' in page
    assert re.search(r'name="plain_pied" value="oui" checked', page)


def test_htmx_gets_only_the_results_with_the_count_announced(client, town):
    response = client.get("/ressources?categorie=soins", htmx=True)
    assert response.status_code == 200
    fragment = text(response)
    assert "<html" not in fragment and "<form" not in fragment
    assert re.search(r"<p data-announce>2 ressources trouvées</p>", fragment)
    assert names_in(fragment) == ["CMP adultes", "PMI des Prés"]
    assert "HX-Request" in response.headers["Vary"]
    assert "HX-Request" in client.get("/ressources").headers["Vary"]


def test_the_form_asks_htmx_to_swap_the_results_and_push_the_address(client, town):
    page = text(client.get("/ressources"))
    form = re.search(r'<form method="get" action="/ressources"[^>]*>', page).group(0)
    assert 'hx-get="/ressources"' in form and 'hx-target="#resource-results"' in form
    assert 'hx-push-url="true"' in form
    assert '<div id="resource-results">' in page


def test_an_empty_result_says_so_and_offers_the_whole_list(client, town):
    fragment = text(client.get("/ressources?categorie=ecoute", htmx=True))
    assert "<span data-announce>Aucune ressource ne correspond à ces critères.</span>" in fragment
    assert 'href="/ressources"' in fragment


def test_the_detail_page_shows_how_to_reach_the_service(client, town):
    ccas = town["ccas"]
    page = text(client.get(f"/ressources/{ccas.id}"))
    assert "<h1>Antenne du CCAS</h1>" in page
    assert "Centre communal d'action sociale (CCAS)" in page
    assert 'href="tel:0200000042"' in page and "02 00 00 00 42" in page
    assert "Accès de plain-pied" in page
    assert "Modifier cette ressource" not in page


def test_archived_or_missing_entries_are_not_found_by_the_public(client, town):
    assert client.get(f"/ressources/{town['archived'].id}").status_code == 404
    assert client.get("/ressources/999999").status_code == 404


def test_languages_are_named_in_the_readers_language_and_in_their_own(client, town):
    french = text(client.get(f"/ressources/{town['pmi'].id}"))
    assert 'arabe (<span lang="ar">العربية</span>)' in french
    english = text(client.get(f"/ressources/{town['pmi'].id}", headers={"Accept-Language": "en"}))
    assert 'Arabic (<span lang="ar">العربية</span>)' in english
    assert "French (<span" in english


# --- translated descriptions --------------------------------------------------------------

def test_english_readers_get_the_english_description(client, town):
    page = text(client.get(f"/ressources/{town['cmp'].id}", headers={"Accept-Language": "en"}))
    assert "Carers listen to you." in page
    assert "Des soignants vous écoutent." not in page
    assert "fallback-note" not in page


def test_a_missing_translation_falls_back_to_french_with_a_note(client, town):
    page = text(client.get(f"/ressources/{town['pmi'].id}", headers={"Accept-Language": "en"}))
    assert "Suivi des bébés." in page
    assert 'lang="fr"' in page
    assert "fallback-note" in page


def test_easy_read_shows_the_falc_description(client, town):
    client.post("/facile-a-lire", {"falc": "on"})
    page = text(client.get(f"/ressources/{town['cmp'].id}"))
    assert "Vous pouvez parler à un soignant." in page
    assert "fallback-note" not in page
    listing = text(client.get("/ressources"))
    assert "Vous pouvez parler à un soignant." in listing
    # No easy-read text for the PMI: its standard text, with the note.
    assert "Suivi des bébés." in listing and "fallback-note" in listing


def test_the_list_looks_descriptions_up_in_one_query(client, town, counted_queries):
    for n in range(5):
        make_resource(name=f"Service {n}", descriptions={("fr", "standard"): f"Texte {n}."})
    with counted_queries() as statements:
        client.get("/ressources")
    with_texts = [s for s in statements if "translated_texts" in s]
    assert len(with_texts) == 1


# --- staff management ---------------------------------------------------------------------

def resource_form(**overrides):
    form = {"name": "Point justice de la gare", "kind": "point_justice", "address": "3 rue de la Gare",
            "neighbourhood": "Centre", "hours": "Mercredi, 9 h – 12 h", "phone": "02 00 00 00 77",
            "email": "justice@ville.example.org", "website": "https://justice.example.org",
            "step_free": "y", "hearing_loop": "y", "languages": ["fr", "en"], "in_kit": "y",
            "description_fr_standard": "Un avocat vous reçoit gratuitement.",
            "description_en_standard": "A lawyer sees you for free.",
            "description_fr_falc": "Un avocat vous explique vos droits.",
            "description_fr_falc_reviewed": "y"}
    form.update(overrides)
    return form


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_add_an_entry_with_its_descriptions(client, make_user, role):
    staff = make_user(roles=(role,))
    client.login(staff)
    response = client.post("/gestion/ressources/nouvelle", resource_form())
    assert response.status_code == 302, text(response)[:2000]
    resource = db.session.scalar(sa.select(Resource))
    assert (resource.name, resource.kind, resource.category) == ("Point justice de la gare", "point_justice",
                                                                  "droits")
    assert resource.languages == ["en", "fr"] or sorted(resource.languages) == ["en", "fr"]
    assert resource.step_free and resource.hearing_loop and not resource.accessible_toilets and resource.in_kit
    assert resource.reviewed_by == staff
    assert resource.description("en").body == "A lawyer sees you for free."
    falc = resource.description("fr", "falc")
    assert falc.body == "Un avocat vous explique vos droits." and falc.reviewed_at is not None
    entry = db.session.scalar(sa.select(AuditEntry))
    assert (entry.action, entry.subject_id, entry.actor_id) == ("resource.created", resource.id, staff.id)
    page = text(client.get(f"/ressources/{resource.id}"))
    assert "Un avocat vous reçoit gratuitement." in page


def test_the_edit_form_shows_the_entry_and_saves_changes(client, make_user, town):
    staff = make_user(roles=("staff",))
    client.login(staff)
    cmp = town["cmp"]
    page = text(client.get(f"/gestion/ressources/{cmp.id}/modifier"))
    assert 'value="CMP adultes"' in page
    assert "Des soignants vous écoutent." in page and "Carers listen to you." in page
    assert re.search(r'value="en"[^>]*checked|checked[^>]*value="en"', page)
    response = client.post(f"/gestion/ressources/{cmp.id}/modifier", resource_form(
        name="CMP adultes du Centre", kind="cmp", languages=["fr"], description_en_standard=""))
    assert response.status_code == 302
    assert cmp.name == "CMP adultes du Centre" and cmp.languages == ["fr"]
    assert cmp.description("en").is_fallback  # the English text was removed
    assert db.session.scalar(sa.select(AuditEntry.action)) == "resource.updated"


@pytest.mark.parametrize("overrides, field, message", [
    ({"name": ""}, "name", "Ce champ est obligatoire."),
    ({"kind": "boulangerie"}, "kind", "pas un choix valide"),
    ({"email": "pas-une-adresse"}, "email", "Cette adresse e-mail n'est pas valable."),
    ({"website": "javascript:alert(1)"}, "website", "Indiquez une adresse complète"),
    ({"phone": "appelez-nous"}, "phone", "Indiquez un numéro de téléphone avec des chiffres"),
    ({"languages": ["xx"]}, "languages", "pas un choix valide"),
    ({"address": "", "phone": "", "email": "", "website": ""}, "phone", "Indiquez au moins un moyen de joindre"),
])
def test_bad_input_is_refused_with_a_message_and_nothing_is_saved(client, make_user, overrides, field, message):
    client.login(make_user(roles=("staff",)))
    response = client.post("/gestion/ressources/nouvelle", resource_form(**overrides))
    assert response.status_code == 422
    page = text(response)
    assert "Le formulaire n'a pas été enregistré." in page
    error = re.search(rf'<p class="error" id="{field}-error">(.*?)</p>', page, re.S)
    assert error and message in error.group(1)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Resource)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(TranslatedText)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) == 0


@pytest.mark.parametrize("overrides, field", [
    ({"kind": "boulangerie"}, "kind"),
    ({"website": "javascript:alert(1)"}, "website"),
    ({"website": "ftp://ville.example.org"}, "website"),
    ({"languages": ["klingon"]}, "languages"),
])
def test_the_rules_refuse_what_the_form_would_not_let_through(app, make_user, overrides, field):
    values = {"name": "X", "kind": "ccas", "phone": "02 00 00 00 00", **overrides}
    with pytest.raises(Refused) as refusal:
        operations.save_resource(make_user(roles=("staff",)), Resource(), **values)
    assert refusal.value.field == field


@pytest.mark.parametrize("role", ["association", "volunteer", "mediator"])
def test_other_roles_cannot_manage_entries(client, make_user, town, role):
    client.login(make_user(roles=(role,)))
    cmp = town["cmp"]
    for url in ("/gestion/ressources", "/gestion/ressources/nouvelle", f"/gestion/ressources/{cmp.id}/modifier"):
        assert client.get(url).status_code == 403, url
    assert client.post("/gestion/ressources/nouvelle", resource_form()).status_code == 403
    assert client.post(f"/gestion/ressources/{cmp.id}/archiver").status_code == 403
    assert cmp.archived_at is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Resource)) == len(town)


def test_anonymous_visitors_are_sent_to_the_login_page(client, town):
    response = client.post(f"/gestion/ressources/{town['cmp'].id}/archiver")
    assert response.status_code == 302 and response.location.startswith("/connexion")
    assert town["cmp"].archived_at is None


def test_archiving_hides_an_entry_from_the_public_and_the_kit_and_can_be_undone(client, make_user, town):
    staff = make_user(roles=("staff",))
    client.login(staff)
    cmp = town["cmp"]
    assert client.post(f"/gestion/ressources/{cmp.id}/archiver").status_code == 302
    assert cmp.archived_at is not None
    assert "CMP adultes" not in names_in(text(client.get("/ressources")))
    assert cmp not in operations.kit_resources()
    staff_view = text(client.get(f"/ressources/{cmp.id}"))  # staff still open it
    assert "Cette ressource est archivée" in staff_view
    assert client.post(f"/gestion/ressources/{cmp.id}/reactiver").status_code == 302
    assert cmp.archived_at is None
    actions = db.session.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["resource.archived", "resource.unarchived"]


# --- the yearly review --------------------------------------------------------------------

def test_entries_not_reviewed_for_twelve_months_are_flagged_first_to_staff(client, make_user):
    recent = make_resource(name="Aaa récent", reviewed_months_ago=11)
    old = make_resource(name="Zzz ancien", reviewed_months_ago=13)
    older = make_resource(name="Mmm très ancien", reviewed_months_ago=30)
    make_resource(name="Archivé ancien", reviewed_months_ago=40, archived_at=clock.now())
    assert not operations.is_stale(recent) and operations.is_stale(old)
    assert operations.stale_count() == 2
    client.login(make_user(roles=("staff",)))
    page = text(client.get("/gestion/ressources"))
    rows = re.findall(r'<tr id="resource-(\d+)">.*?</tr>', page, re.S)
    assert rows[:3] == [str(older.id), str(old.id), str(recent.id)]
    flagged = re.findall(r'<tr id="resource-(\d+)">(?:(?!</tr>).)*À revoir', page, re.S)
    assert flagged == [str(older.id), str(old.id)]
    assert "2 ressources n'ont pas été vérifiées depuis plus d'un an" in page


def test_the_boundary_is_twelve_months(app):
    just_fresh = make_resource(reviewed_at=clock.now() - relativedelta(months=12) + relativedelta(days=1))
    just_stale = make_resource(reviewed_at=clock.now() - relativedelta(months=12, days=1))
    assert not operations.is_stale(just_fresh)
    assert operations.is_stale(just_stale)


def test_the_staff_home_page_counts_entries_to_review(client, make_user):
    staff = make_user(roles=("staff",))
    client.login(staff)
    assert "À revoir" not in text(client.get("/"))
    make_resource(reviewed_months_ago=14)
    page = text(client.get("/"))
    assert "À revoir" in page
    assert "1 ressource locale n'a pas été vérifiée depuis plus d'un an." in page
    assert 'href="/gestion/ressources"' in page


def test_marking_an_entry_reviewed_today_clears_the_flag(client, make_user):
    staff = make_user(roles=("staff",), name="Nadia")
    old = make_resource(reviewed_months_ago=18)
    client.login(staff)
    response = client.post(f"/gestion/ressources/{old.id}/relue")
    assert response.status_code == 302
    assert not operations.is_stale(old)
    assert old.reviewed_by == staff
    assert operations.stale_count() == 0
    assert db.session.scalar(sa.select(AuditEntry.action)) == "resource.reviewed"
    assert "par Nadia" in text(client.get("/gestion/ressources"))


def test_unknown_entries_answer_404_to_staff(client, make_user):
    client.login(make_user(roles=("staff",)))
    assert client.get("/gestion/ressources/999999/modifier").status_code == 404
    assert client.post("/gestion/ressources/999999/relue").status_code == 404


# --- the kit's list -----------------------------------------------------------------------

def test_kit_resources_are_the_active_flagged_entries_by_category_then_name(app):
    mairie = make_resource(name="Accueil de la mairie", kind="contact_mairie", in_kit=True)
    ccas_b = make_resource(name="CCAS Bellevue", kind="ccas", in_kit=True)
    ccas_a = make_resource(name="CCAS annexe", kind="france_services", in_kit=True)
    cmp = make_resource(name="CMP", kind="cmp", in_kit=True,
                        descriptions={("fr", "standard"): "Soins.", ("fr", "falc"): "On vous soigne."})
    make_resource(name="Pas dans le kit", kind="cmp", in_kit=False)
    make_resource(name="Archivé", kind="cmp", in_kit=True, archived_at=clock.now())
    kit = operations.kit_resources()
    assert kit == [cmp, ccas_a, ccas_b, mairie]
    assert [str(r.category_label) for r in kit] == ["Soins", "Aide sociale", "Aide sociale", "Mairie"]
    assert cmp.description("fr", "falc").body == "On vous soigne."
    english = cmp.description("en", "falc")
    assert english.body == "On vous soigne." and english.is_fallback
    assert mairie.description("fr") is None
    for resource in kit:
        for attribute in ("name", "address", "phone", "email", "website", "hours"):
            assert isinstance(getattr(resource, attribute), str)


def test_every_kind_belongs_to_one_category():
    kinds = [kind for _label, found in CATEGORIES.values() for kind in found]
    assert len(kinds) == len(set(kinds))
    assert set(CATEGORIES) == {"soins", "social", "droits", "ecoute", "mairie"}


# --- the town's help numbers, managed by staff --------------------------------------------

def test_staff_add_edit_and_hide_a_local_help_number(client, make_user):
    staff = make_user(roles=("staff",))
    client.login(staff)
    response = client.post("/gestion/numeros-locaux/nouveau", {
        "name": "Permanence du CCAS", "number": "02 00 00 00 15", "purpose_fr_standard": "Urgence sociale",
        "purpose_en_standard": "Social emergency", "hours": "En semaine", "position": "1"})
    assert response.status_code == 302
    line = db.session.scalar(sa.select(LocalHelpNumber))
    assert (line.name, line.number, line.position, line.free) == ("Permanence du CCAS", "02 00 00 00 15", 1, False)
    page = text(client.get("/urgence"))
    assert "Permanence du CCAS" in page and "Urgence sociale" in page
    assert "Social emergency" in text(client.get("/urgence", headers={"Accept-Language": "en"}))
    edit_page = text(client.get(f"/gestion/numeros-locaux/{line.id}/modifier"))
    assert 'value="Permanence du CCAS"' in edit_page and "Social emergency" in edit_page
    assert client.post(f"/gestion/numeros-locaux/{line.id}/modifier", {
        "name": "Astreinte du CCAS", "number": "02 00 00 00 16", "free": "y",
        "purpose_fr_standard": "Urgence sociale"}).status_code == 302
    assert (line.name, line.free) == ("Astreinte du CCAS", True)
    assert client.post(f"/gestion/numeros-locaux/{line.id}/archiver").status_code == 302
    assert 'href="tel:0200000016"' not in text(client.get("/urgence"))
    assert client.post(f"/gestion/numeros-locaux/{line.id}/reactiver").status_code == 302
    assert 'href="tel:0200000016"' in text(client.get("/urgence"))
    actions = db.session.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["help_number.created", "help_number.updated", "help_number.archived",
                       "help_number.unarchived"]


@pytest.mark.parametrize("form", [
    {"name": "", "number": "02 00 00 00 00"},
    {"name": "Permanence", "number": "pas de numéro"},
    {"name": "Permanence", "number": "02 00 00 00 00", "position": "-3"},
])
def test_a_bad_help_number_is_refused_and_nothing_saved(client, make_user, form):
    client.login(make_user(roles=("staff",)))
    response = client.post("/gestion/numeros-locaux/nouveau", form)
    assert response.status_code == 422
    assert "Le formulaire n'a pas été enregistré." in text(response)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(LocalHelpNumber)) == 0


def test_other_roles_cannot_change_help_numbers(client, make_user):
    line = make_help_number(name="Permanence")
    client.login(make_user(roles=("volunteer",)))
    assert client.post(f"/gestion/numeros-locaux/{line.id}/archiver").status_code == 403
    assert client.post("/gestion/numeros-locaux/nouveau", {"name": "X", "number": "02"}).status_code == 403
    assert line.archived_at is None


def test_the_staff_page_lists_entries_and_numbers(client, make_user, town):
    make_help_number(name="Astreinte de la mairie")
    client.login(make_user(roles=("admin",)))
    page = text(client.get("/gestion/ressources"))
    assert "CMP adultes" in page and "Ancienne permanence" in page and "Archivée" in page
    assert "Astreinte de la mairie" in page
    assert "Sur la fiche du kit" in page


# --- demo ---------------------------------------------------------------------------------

def counts():
    return {model.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
            for model in (Resource, LocalHelpNumber, TranslatedText)}


def test_the_demo_loads_a_believable_directory_and_can_run_twice(app):
    demo.load()
    db.session.commit()
    first = counts()
    demo.load()
    db.session.commit()
    assert counts() == first
    resources = db.session.scalars(sa.select(Resource)).all()
    assert 18 <= len(resources) <= 25
    assert {r.category for r in resources} == set(CATEGORIES)
    assert {r.neighbourhood for r in resources} >= {"Centre", "Les Prés", "Tisserands", "Campus"}
    assert len(operations.kit_resources()) >= 4
    assert operations.stale_count() >= 2
    assert all(r.description("fr") and not r.description("fr").is_fallback for r in resources)
    assert all(not r.description("en").is_fallback for r in resources)
    assert sum(1 for r in resources if not r.description("fr", "falc").is_fallback) >= 3
    assert 2 <= first["LocalHelpNumber"] <= 3


def test_the_demo_directory_renders(client, app):
    demo.load()
    db.session.commit()
    page = text(client.get("/ressources"))
    assert "20 ressources trouvées" in page
    assert "Permanence du CCAS" in text(client.get("/urgence"))
