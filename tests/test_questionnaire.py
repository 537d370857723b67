"""The anonymous mini-questionnaire of a date: its signed address, when it opens and closes,
what it asks (the cercle d'écoute asks its own questions), a start and an end answer paired by
the phone's token, what is refused, the session's page and the team's card, and staff hiding
an answer that could identify someone."""
import io
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from portal import clock
from portal.audit import AuditEntry
from portal.database import db
from portal.errors import Refused
from portal.indicators import questionnaire
from portal.indicators.models import CIRCLE, END, STANDARD, START, Answer
from portal.rooms.models import Booking, Occurrence
from tests.factories import make_public_session
from tests.test_auth import limited_client  # noqa: F401 (an application whose limits are on)

DEVICE_FIELD = re.compile(r'name="device" value="([0-9a-f]{32})"')


def date_of(session):
    return db.session.scalar(sa.select(Occurrence).join(Booking).where(Booking.session_id == session.id))


def under_way(occurrence, started=timedelta(minutes=30), lasting=timedelta(hours=2)):
    """Move the date so that it started ``started`` ago (the pages read the real clock)."""
    occurrence.starts_at = clock.now() - started
    occurrence.ends_at = occurrence.starts_at + lasting
    db.session.commit()
    return occurrence


@pytest.fixture
def cafe(app):
    """A date of a published café that started half an hour ago."""
    return under_way(date_of(make_public_session(title="Café du jeudi")))


@pytest.fixture
def circle(app, make_format):
    """A date of a cercle d'écoute under way."""
    return under_way(date_of(make_public_session(fmt=make_format(slug="cercle-ecoute"), title="Cercle du lundi")))


def link(app, occurrence, **query):
    with app.test_request_context():
        return questionnaire.link(occurrence, **query)


def answers():
    return db.session.scalars(sa.select(Answer).order_by(Answer.id)).all()


def device_in(page):
    return DEVICE_FIELD.search(page).group(1)


# --- the address and when it opens ---------------------------------------------------------------

def test_the_address_is_signed_so_a_wrong_or_borrowed_code_is_not_found(app, client, cafe):
    address = link(app, cafe)
    assert re.fullmatch(rf"/avis/{cafe.id}-[A-Za-z0-9_-]{{10}}", address)
    assert client.get(address).status_code == 200
    other = under_way(date_of(make_public_session()))
    code = questionnaire.code_of(cafe.id)
    assert address.endswith(code)
    assert client.get(f"/avis/{other.id}-{code}").status_code == 404  # a code works for its date only
    assert client.get(f"/avis/{cafe.id}-{'A' * 10}").status_code == 404
    assert client.get(f"/avis/{cafe.id}-ééééééééé").status_code == 404
    assert client.get(f"/avis/999999-{questionnaire.code_of(999999)}").status_code == 404  # no such date


def test_only_an_approved_date_of_a_published_session_offering_it_has_a_questionnaire(
        app, client, make_session, make_booking):
    draft = make_session()
    pending = make_public_session()
    date_of(pending).status = "pending"
    declined = make_public_session(questionnaire=False)  # the planner chose not to offer it
    db.session.commit()
    draft_date = make_booking(status="approved", session_id=draft.id, association=draft.association).occurrences[0]
    for occurrence in (under_way(draft_date), under_way(date_of(pending)), under_way(date_of(declined))):
        assert client.get(link(app, occurrence)).status_code == 404


def test_it_opens_an_hour_before_the_date_and_closes_a_week_after(app):
    occurrence = date_of(make_public_session())
    start, end = occurrence.starts_at, occurrence.ends_at
    assert not questionnaire.is_open(occurrence, start - timedelta(minutes=61))
    assert questionnaire.is_open(occurrence, start - timedelta(minutes=59))
    assert questionnaire.is_open(occurrence, end + timedelta(days=6, hours=23))
    assert not questionnaire.is_open(occurrence, end + timedelta(days=7))
    middle = start + (end - start) / 2
    assert questionnaire.default_moment(occurrence, middle - timedelta(minutes=1)) == START
    assert questionnaire.default_moment(occurrence, middle) == END
    with pytest.raises(Refused):
        questionnaire.record(occurrence, START, {"isolation": 5}, now=end + timedelta(days=8))
    assert answers() == []


def test_outside_its_window_a_kind_page_says_so_without_a_form(app, client):
    coming = date_of(make_public_session())  # in a week
    page = client.get(link(app, coming))
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Le questionnaire n'est pas ouvert" in text and "Il ouvre le" in text
    assert 'name="moment"' not in text and 'name="isolation"' not in text
    past = under_way(date_of(make_public_session()), started=timedelta(days=8))
    assert "Il ouvre le" not in client.get(link(app, past)).get_data(as_text=True)
    sent = client.post(link(app, past), {"moment": "end", "isolation": "4"})
    assert sent.status_code == 410 and answers() == []


# --- answering ------------------------------------------------------------------------------------

def test_the_page_chooses_the_moment_by_the_time_and_lets_the_person_change_it(app, client, cafe):
    start_page = client.get(link(app, cafe)).get_data(as_text=True)  # 30 minutes into two hours
    assert 'name="moment" value="start"' in start_page
    assert 'aria-current="page">Au début de la rencontre' in start_page
    assert 'name="helped"' not in start_page
    end_page = client.get(link(app, cafe, moment="fin")).get_data(as_text=True)
    assert 'name="moment" value="end"' in end_page and 'name="helped"' in end_page and 'name="missing"' in end_page
    under_way(cafe, started=timedelta(minutes=90))
    assert 'name="moment" value="end"' in client.get(link(app, cafe)).get_data(as_text=True)


def test_each_rating_is_eleven_buttons_in_a_group_with_words_at_both_ends(app, client, cafe):
    page = client.get(link(app, cafe)).get_data(as_text=True)
    group = page[page.index('<fieldset class="field scale'):page.index("</fieldset>", page.index("field scale"))]
    assert "<legend" in group and "vous sentez-vous seul·e" in group
    assert re.findall(r'type="radio"[^>]*name="isolation" value="(\d+)"', group) == [str(n) for n in range(11)]
    assert "pas du tout seul·e" in group and "très seul·e" in group
    assert "<script>" not in page and "questionnaire.js" in page  # the script is a file: the CSP forbids inline code


def test_a_start_and_an_end_answer_from_the_same_phone_share_its_token(app, client, cafe):
    start_page = client.get(link(app, cafe, moment="debut")).get_data(as_text=True)
    device = device_in(start_page)
    assert "data-device-fresh" in start_page
    thanks = client.post(link(app, cafe), {"moment": "start", "isolation": "8", "device": device})
    assert thanks.status_code == 200
    end_link = re.search(r'href="([^"]*moment=fin[^"]*)"', thanks.get_data(as_text=True)).group(1).replace("&amp;", "&")
    assert f"device={device}" in end_link
    end_page = client.get(end_link).get_data(as_text=True)
    assert device_in(end_page) == device and "data-device-fresh" not in end_page
    client.post(link(app, cafe), {"moment": "end", "isolation": "3", "helped": "Le café", "device": device})
    first, last = answers()
    assert (first.moment, first.isolation, last.moment, last.isolation) == (START, 8, END, 3)
    assert first.device == last.device == device
    assert last.helped == "Le café" and first.helped == ""


def test_every_start_gets_a_new_token_and_only_the_end_takes_one_back(app, client, cafe):
    first = device_in(client.get(link(app, cafe, moment="debut")).get_data(as_text=True))
    second = device_in(client.get(link(app, cafe, moment="debut", device=first)).get_data(as_text=True))
    assert first != second  # a shared phone never pairs two people's start answers
    for bad in ("a" * 31, "AB" * 16, "zz" * 16):  # anything but 32 lowercase hexadecimal digits is dropped
        page = client.get(link(app, cafe, moment="fin", device=bad)).get_data(as_text=True)
        assert f'name="device" value="{bad}"' not in page and "data-device-fresh" in page


def test_the_same_phone_sending_again_corrects_its_answer(app, cafe):
    device = "ab" * 16
    questionnaire.record(cafe, START, {"isolation": 9}, device=device)
    questionnaire.record(cafe, START, {"isolation": 7}, device=device)
    questionnaire.record(cafe, START, {"isolation": 7})  # without a token: another answer
    assert [(a.isolation, a.device) for a in answers()] == [(7, device), (7, None)]


def test_the_cercle_asks_its_three_questions_at_the_end_and_the_isolation_at_the_start(app, client, circle):
    end_page = client.get(link(app, circle, moment="fin")).get_data(as_text=True)
    for question in ("felt_heard", "frame_respected", "would_return"):
        assert f'name="{question}"' in end_page
    assert 'name="isolation"' not in end_page and "droit de passer son tour" in end_page
    assert 'name="isolation"' in client.get(link(app, circle, moment="debut")).get_data(as_text=True)
    client.post(link(app, circle), {"moment": "end", "felt_heard": "9", "frame_respected": "10",
                                    "would_return": "8", "isolation": "2", "missing": "Plus de temps"})
    [answer] = answers()
    assert (answer.variant, answer.felt_heard, answer.frame_respected, answer.would_return) == (CIRCLE, 9, 10, 8)
    assert answer.isolation is None and answer.missing == "Plus de temps"


def test_the_easy_to_read_page_asks_in_short_sentences(app, client, circle):
    client.post("/facile-a-lire", {"falc": "on", "next": "/"})
    page = client.get(link(app, circle, moment="fin")).get_data(as_text=True)
    assert "Les autres vous ont écouté·e ?" in page and "Chacun parle à son tour." in page
    assert "Vous ne donnez pas votre nom." in page


@pytest.mark.parametrize("sent, field, message", [
    ({"isolation": "11"}, "isolation", "Choisissez un chiffre de 0 à 10."),
    ({"isolation": "beaucoup"}, "isolation", "Choisissez un chiffre de 0 à 10."),
    ({}, "isolation", "Choisissez un chiffre de 0 à 10."),
    ({"isolation": "4", "helped": "x" * 501}, "helped", "500 caractères au plus : votre réponse en compte 501."),
    ({"isolation": "4", "moment": "milieu"}, None, "Choisissez le moment"),
])
def test_what_cannot_be_kept_is_refused_with_a_message_and_nothing_is_written(app, client, cafe, sent, field,
                                                                               message):
    response = client.post(link(app, cafe), {"moment": "end", **sent})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    if field:
        assert f'id="{field}-error"' in page
    assert answers() == []


def test_the_circle_needs_its_three_ratings(app, client, circle):
    response = client.post(link(app, circle), {"moment": "end", "felt_heard": "9", "frame_respected": "10"})
    assert response.status_code == 422 and 'id="would_return-error"' in response.get_data(as_text=True)
    assert answers() == []


def test_open_answers_are_trimmed_and_cleaned_and_a_bad_token_is_dropped(app, cafe):
    answer = questionnaire.record(cafe, END, {"isolation": 2}, helped="  Le\x00 thé\r\nchaud\u202e \x1b ",
                                  missing="\t", device="NOT-A-TOKEN")
    assert (answer.helped, answer.missing, answer.device) == ("Le thé\nchaud", "", None)
    assert len(questionnaire.record(cafe, END, {"isolation": 2}, helped="é" * 500).helped) == 500


def test_nothing_about_the_person_is_kept_and_the_session_holds_nothing_of_the_answer(app, client, cafe):
    device = device_in(client.get(link(app, cafe, moment="debut")).get_data(as_text=True))
    client.post(link(app, cafe), {"moment": "start", "isolation": "6", "device": device, "helped": "pas demandé",
                                  "felt_heard": "3"},
                headers={"User-Agent": "Navigateur-Témoin/2.0"}, environ_base={"REMOTE_ADDR": "198.51.100.7"})
    [answer] = answers()
    assert answer.helped == "" and answer.felt_heard is None  # not asked at the start: not kept
    assert answer.variant == STANDARD and answer.occurrence_id == cafe.id
    with client.raw.session_transaction() as session:
        # The form's token, and Flask-Login's "not a fresh sign-in" flag: nothing of the answer.
        assert set(session) <= {"csrf_token", "_fresh"} and device not in str(dict(session))


def test_the_pages_carrying_the_token_stay_out_of_caches_and_referrers(app, client, cafe):
    response = client.get(link(app, cafe, moment="fin", device="ab" * 16))
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_one_address_may_send_twenty_answers_a_minute(app, limited_client, cafe):  # noqa: F811
    address = link(app, cafe)
    for _ in range(20):
        assert limited_client.post(address, {"moment": "start"}).status_code == 422
    assert limited_client.post(address, {"moment": "start", "isolation": "5"}).status_code == 429
    assert limited_client.get(address).status_code == 200  # reading the page is not limited
    assert answers() == []


def test_an_answer_without_the_form_token_is_refused(app, client, cafe):
    response = client.post(link(app, cafe), {"moment": "start", "isolation": "5"}, csrf=False)
    assert response.status_code == 400 and answers() == []


# --- the session's page and the team's card --------------------------------------------------------

def test_the_session_page_links_to_the_questionnaire_of_a_date_under_way(app, client):
    session = make_public_session()
    page = f"/rencontres/{session.id}"
    assert "Donner mon avis (anonyme)" not in client.get(page).get_data(as_text=True)  # the date is next week
    occurrence = under_way(date_of(session), started=timedelta(days=3))  # ended three days ago
    text = client.get(page).get_data(as_text=True)
    assert "Donner mon avis (anonyme)" in text and link(app, occurrence) in text


def pdf_text(response):
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.get_data()))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def test_the_team_prints_four_cards_with_the_questionnaire_link(app, client, cafe, make_user):
    session = questionnaire.session_of(cafe)
    member = make_user(roles=("association",), associations=[session.association])
    client.login(member)
    text = pdf_text(client.get(f"/dates/{cafe.id}/carte-avis.pdf"))
    with app.test_request_context():
        address = questionnaire.link(cafe, _external=True).split("://")[1]  # typed without "https://"
    assert text.replace("\n", "").count(address) == 4
    words = " ".join(text.split())
    assert words.count("Votre avis, anonyme, en 1 minute") == 4 and words.count("« Café du jeudi »") == 4
    easy = pdf_text(client.get(f"/dates/{cafe.id}/carte-avis.pdf?falc=1"))
    assert " ".join(easy.split()).count("Donnez votre avis. C'est anonyme.") == 4
    english = pdf_text(client.get(f"/dates/{cafe.id}/carte-avis.pdf?lang=en"))
    assert address in english.replace("\n", "")


def test_the_card_is_for_the_team_the_association_and_staff_only(app, client, cafe, make_user):
    stranger = make_user(roles=("volunteer", "association"))
    client.login(stranger)
    assert client.get(f"/dates/{cafe.id}/carte-avis.pdf").status_code == 404
    client.post("/deconnexion")
    client.login(make_user(roles=("staff",)))
    assert client.get(f"/dates/{cafe.id}/carte-avis.pdf").status_code == 200


# --- staff hide an answer that could identify someone ----------------------------------------------

@pytest.fixture
def staff(app, client, make_user):
    user = make_user(roles=("staff",))
    client.login(user)
    return user


def test_staff_read_the_open_answers_escaped_newest_date_first(app, client, staff, cafe):
    older = under_way(date_of(make_public_session(title="Atelier d'avant")), started=timedelta(days=5))
    questionnaire.record(older, END, {"isolation": 4}, helped="Le jardin")
    questionnaire.record(cafe, END, {"isolation": 4}, missing="<b>Un</b> chauffage")
    questionnaire.record(cafe, END, {"isolation": 4})  # no words: not listed
    page = client.get("/gestion/avis").get_data(as_text=True)
    assert "&lt;b&gt;Un&lt;/b&gt; chauffage" in page and "<b>Un</b>" not in page
    assert page.index("chauffage") < page.index("Le jardin")
    assert page.count('class="card answer"') == 2


def test_a_hidden_answer_leaves_every_count_and_can_come_back(app, client, staff, cafe):
    kept = questionnaire.record(cafe, END, {"isolation": 4}, helped="Merci à tous")
    named = questionnaire.record(cafe, END, {"isolation": 2}, helped="Mme Dupont du 3e étage")
    response = client.post(f"/gestion/avis/{named.id}", {"hidden": "1"}, htmx=True)
    assert response.status_code == 200 and "Rétablir" in response.get_data(as_text=True)
    assert db.session.scalars(questionnaire.visible()).all() == [kept]
    assert db.session.scalar(questionnaire.visible(sa.func.count())) == 1
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.subject_id == named.id))
    assert (entry.action, entry.actor_id, entry.subject_type) == ("answer.hidden", staff.id, "questionnaire_answers")
    assert client.post(f"/gestion/avis/{named.id}", {"hidden": "0"}).status_code == 302
    assert len(db.session.scalars(questionnaire.visible()).all()) == 2


def test_only_staff_see_the_open_answers(app, client, cafe, make_user):
    answer = questionnaire.record(cafe, END, {"isolation": 4}, helped="Le café")
    client.login(make_user(roles=("association", "volunteer")))
    assert client.get("/gestion/avis").status_code == 403
    assert client.post(f"/gestion/avis/{answer.id}", {"hidden": "1"}).status_code == 403
    assert not db.session.get(Answer, answer.id).hidden
