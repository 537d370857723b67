"""A session's title and objective in every language: the reader sees the translation in their
language, or the association's French marked as French; members write the translations."""
import io
import re
from html import unescape

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from portal.audit import AuditEntry
from portal.content import operations as content
from portal.content.models import TranslatedText
from portal.database import db
from portal.sessions import public, texts
from tests import factories

TITLE_AR, OBJECTIVE_AR = "مقهى الحوار يوم الثلاثاء", "التعرّف على 10 أشخاص جدد في شهرين"
TITLE_EN = "Tuesday conversation café"


@pytest.fixture
def cafe(app):
    association = factories.make_association()
    session = factories.make_public_session(association=association, title="Café-échanges du mardi",
                                            objective="10 nouvelles rencontres en 2 mois", admission="sign_up",
                                            max_participants=8)
    member = factories.make_user(roles=("association",), associations=[association])
    return session, member


def translate(session, **bodies):
    """Save translations as the form would, e.g. title_ar="…"."""
    texts.save_translations(None, session, {tuple(name.split("_")): body for name, body in bodies.items()})


def read_in(client, locale, url):
    client.post("/langue", {"locale": locale})
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def form_of(session, **bodies):
    """Every input of the page, empty unless given."""
    data = {f"{field}_{locale}": "" for field in texts.FIELDS for locale in ("en", "ar", "es", "pt", "uk")}
    data.update(bodies)
    return data


# --- what readers see -----------------------------------------------------------------------

def test_an_arabic_reader_sees_the_arabic_title_and_objective_unmarked(client, cafe):
    session, _member = cafe
    translate(session, title_ar=TITLE_AR, objective_ar=OBJECTIVE_AR)
    html = read_in(client, "ar", f"/rencontres/{session.id}")
    assert '<html lang="ar" dir="rtl"' in html
    assert f"<h1>{TITLE_AR}</h1>" in html
    assert f"<span>{OBJECTIVE_AR}</span>" in html
    assert "Café-échanges du mardi" not in html and "10 nouvelles rencontres" not in html
    assert f"<title>{TITLE_AR} – Passerelle</title>" in html


def test_without_a_translation_the_french_is_shown_marked_as_french(client, cafe):
    session, _member = cafe
    translate(session, title_ar=TITLE_AR)
    html = read_in(client, "es", f"/rencontres/{session.id}")
    assert '<h1 lang="fr">Café-échanges du mardi</h1>' in html
    assert '<span lang="fr">10 nouvelles rencontres en 2 mois</span>' in html
    # On a right-to-left page, the French is also set left to right; a missing objective falls back alone.
    html = read_in(client, "ar", f"/rencontres/{session.id}")
    assert f"<h1>{TITLE_AR}</h1>" in html
    assert '<span lang="fr" dir="ltr">10 nouvelles rencontres en 2 mois</span>' in html


def test_french_readers_see_the_columns(client, cafe):
    session, _member = cafe
    translate(session, title_en=TITLE_EN)
    html = read_in(client, "fr", f"/rencontres/{session.id}")
    assert "<h1>Café-échanges du mardi</h1>" in html and TITLE_EN not in html


def test_the_directory_follows(client, cafe):
    session, _member = cafe
    other = factories.make_public_session(title="Marche douce du jeudi")
    translate(session, title_ar=TITLE_AR)
    html = read_in(client, "ar", "/rencontres")
    assert f'<a href="/rencontres/{session.id}">{TITLE_AR}</a>' in html
    assert f'<a href="/rencontres/{other.id}" lang="fr" dir="ltr">Marche douce du jeudi</a>' in html
    html = read_in(client, "es", "/rencontres")
    assert f'<a href="/rencontres/{session.id}" lang="fr">Café-échanges du mardi</a>' in html


def test_the_personal_link_page_follows(client, cafe):
    session, _member = cafe
    translate(session, title_ar=TITLE_AR)
    _participant, token = public.sign_up(session, public.upcoming_dates(session)[0].id, "Mireille")
    html = read_in(client, "ar", f"/rencontres/inscription/{token}")
    assert f'<a href="/rencontres/{session.id}">{TITLE_AR}</a>' in html
    html = read_in(client, "pt", f"/rencontres/inscription/{token}")
    assert f'<a href="/rencontres/{session.id}" lang="fr">Café-échanges du mardi</a>' in html


def test_the_poster_in_a_language_takes_its_translation(client, cafe):
    session, _member = cafe
    translate(session, title_es="Café de conversación del martes", objective_es="Conocer a 10 personas nuevas")

    def poster(locale):
        response = client.get(f"/rencontres/{session.id}/affiche.pdf?lang={locale}&falc=0")
        assert response.status_code == 200
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.data)).pages)

    spanish = poster("es")
    assert "Café de conversación del martes" in spanish and "Conocer a 10 personas nuevas" in spanish
    assert "Café-échanges du mardi" not in spanish
    assert "Café-échanges du mardi" in poster("pt")


def test_many_sessions_are_read_in_one_lookup(app, cafe):
    session, _member = cafe
    other = factories.make_public_session(title="Marche douce du jeudi", objective="Marcher ensemble")
    translate(session, title_en=TITLE_EN)
    found = texts.written([session, other], "en")
    assert found[session.id].title == texts.Shown(TITLE_EN, "en")
    assert found[session.id].objective == texts.Shown("10 nouvelles rencontres en 2 mois", "fr")
    assert found[other.id] == texts.Written(texts.Shown("Marche douce du jeudi", "fr"),
                                            texts.Shown("Marcher ensemble", "fr"))


# --- writing them ---------------------------------------------------------------------------

def url(session):
    return f"/seances/{session.id}/traductions"


def stored():
    """Every translation of a session's texts."""
    return {(t.key, t.locale, t.register): t.body for t in db.session.scalars(
        sa.select(TranslatedText).where(TranslatedText.key.startswith("session:")))}


def test_the_member_finds_the_page_from_the_planner(client, cafe):
    session, member = cafe
    client.login(member)
    assert f'href="{url(session)}"' in client.get(f"/seances/{session.id}").get_data(as_text=True)


def test_each_input_is_labelled_and_in_its_language(client, cafe):
    session, member = cafe
    translate(session, title_uk="Кафе-розмова у вівторок")
    client.login(member)
    html = unescape(client.get(url(session)).get_data(as_text=True))
    assert "Traductions de la page publique" in html and "Café-échanges du mardi" in html
    assert 'name="title_fr"' not in html
    for locale, direction in (("en", "ltr"), ("ar", "rtl"), ("es", "ltr"), ("pt", "ltr"), ("uk", "ltr")):
        for field in ("title", "objective"):
            tag = re.search(rf'<input[^>]*name="{field}_{locale}"[^>]*>', html).group(0)
            assert f'lang="{locale}"' in tag and f'dir="{direction}"' in tag
            assert f'<label for="{field}_{locale}">' in html
    assert '<label for="title_ar">Titre en arabe</label>' in html
    assert '<label for="objective_uk">Objectif en ukrainien</label>' in html
    assert 'value="Кафе-розмова у вівторок"' in html
    assert 'maxlength="120"' in html and 'maxlength="300"' in html


def test_the_member_saves_translations_and_empties_one(client, cafe):
    session, member = cafe
    client.login(member)
    response = client.post(url(session), form_of(session, title_ar=f"  {TITLE_AR} ", objective_ar=OBJECTIVE_AR,
                                                  title_en=TITLE_EN))
    assert response.status_code == 302 and response.headers["Location"].endswith(url(session))
    assert stored() == {(f"session:{session.id}:title", "ar", "standard"): TITLE_AR,
                        (f"session:{session.id}:objective", "ar", "standard"): OBJECTIVE_AR,
                        (f"session:{session.id}:title", "en", "standard"): TITLE_EN}
    entry = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.subject_type == "sessions")).one()
    assert (entry.action, entry.actor_id, entry.subject_id) == ("session.updated", member.id, session.id)
    assert "en, ar" in entry.reason and TITLE_AR not in entry.reason and TITLE_EN not in entry.reason
    assert "Traductions enregistrées." in client.get(url(session)).get_data(as_text=True)

    # Emptied: that translation goes, the French is shown again; the others stay.
    assert client.post(url(session), form_of(session, title_ar=TITLE_AR, objective_ar=OBJECTIVE_AR)).status_code == 302
    assert (f"session:{session.id}:title", "en", "standard") not in stored()
    assert (f"session:{session.id}:title", "ar", "standard") in stored()
    html = read_in(client, "en", f"/rencontres/{session.id}")
    assert '<h1 lang="fr">Café-échanges du mardi</h1>' in html


def test_saving_nothing_new_records_nothing(app, cafe):
    session, member = cafe
    assert texts.save_translations(member, session, {("title", "en"): TITLE_EN}) == ["en"]
    assert texts.save_translations(member, session, {("title", "en"): TITLE_EN}) == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) == 1


@pytest.mark.parametrize("who", ["stranger", "volunteer", "staff"])
def test_others_may_not_write_them(client, cafe, who):
    session, _member = cafe
    person = {"stranger": lambda: factories.make_user(roles=("association",),
                                                      associations=[factories.make_association()]),
              "volunteer": lambda: factories.make_user(roles=("volunteer",), associations=[session.association]),
              "staff": lambda: factories.make_user(roles=("staff",))}[who]()
    client.login(person)
    # Another association's member: the session does not exist for them (the planner's rule).
    expected = 404 if who == "stranger" else 403
    assert client.get(url(session)).status_code == expected
    assert client.post(url(session), form_of(session, title_en=TITLE_EN)).status_code == expected
    assert stored() == {}
    if who == "staff":  # staff read the planner, without the link to a page they cannot use
        assert url(session) not in client.get(f"/seances/{session.id}").get_data(as_text=True)


def test_anonymous_people_are_sent_to_sign_in(client, cafe):
    session, _member = cafe
    response = client.get(url(session))
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]
    response = client.post(url(session), form_of(session, title_en=TITLE_EN))
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]
    assert stored() == {}


def test_a_form_without_its_token_is_refused(client, cafe):
    session, member = cafe
    client.login(member)
    response = client.post(url(session), form_of(session, title_en=TITLE_EN), csrf=False)
    assert response.status_code == 400
    assert stored() == {}


def test_too_long_is_refused_and_nothing_is_saved(client, cafe):
    session, member = cafe
    client.login(member)
    response = client.post(url(session), form_of(session, title_en=TITLE_EN, title_ar="م" * 121))
    assert response.status_code == 422
    html = unescape(response.get_data(as_text=True))
    assert "Le formulaire n'a pas été enregistré." in html and "120 caractères au plus." in html
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*name="title_ar"|<input[^>]*name="title_ar"[^>]*aria-invalid="true"',
                     html)
    assert f'value="{TITLE_EN}"' in html  # what was typed is kept, to correct it
    assert stored() == {}
    response = client.post(url(session), form_of(session, objective_pt="x" * 301))
    assert response.status_code == 422 and "300 caractères au plus." in unescape(response.get_data(as_text=True))
    assert stored() == {}


def test_a_session_without_a_title_is_not_translated(client, app):
    association = factories.make_association()
    member = factories.make_user(roles=("association",), associations=[association])
    draft = factories.make_session(association=association, title="", step=1)
    client.login(member)
    assert "Donnez d'abord un titre" in unescape(client.get(url(draft)).get_data(as_text=True))
    response = client.post(url(draft), form_of(draft, title_en=TITLE_EN))
    assert response.status_code == 422
    assert stored() == {}


# --- the demo -------------------------------------------------------------------------------

def test_the_demo_sessions_speak_every_language(client):
    from portal.demo import load_demo
    from portal.sessions import demo
    from portal.sessions.models import Session

    load_demo()
    load_demo()  # loading again changes nothing
    cafe = db.session.scalar(sa.select(Session).filter_by(title=demo.CAFE))
    reading = db.session.scalar(sa.select(Session).filter_by(title=demo.READING))
    for session in (cafe, reading):
        for field in texts.FIELDS:
            assert set(content.variants(session.text_key(field))) == {
                (locale, "standard") for locale in texts.target_locales()}
    for locale in texts.target_locales():
        html = read_in(client, locale, f"/rencontres/{cafe.id}")
        title, objective = (demo.TRANSLATIONS[demo.CAFE][field][locale] for field in texts.FIELDS)
        assert f"<h1>{title}</h1>" in unescape(html) and f"<span>{objective}</span>" in unescape(html)
        assert demo.CAFE not in unescape(html)
