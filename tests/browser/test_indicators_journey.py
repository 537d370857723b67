"""Issue 7's journey in Chromium on a phone-sized screen: a participant answers the anonymous
questionnaire at the start and at the end of a date, in easy-to-read French, and the two answers
are paired by the phone alone; staff then read the dashboard, where a figure from too few answers
is hidden and each chart has its table. axe finds nothing on these pages."""
import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from portal.database import db
from portal.indicators import questionnaire
from portal.indicators.models import STANDARD, Answer
from portal.rooms.models import APPROVED, Booking, Occurrence
from portal.sessions.models import PUBLISHED, Session
from tests.browser.support import Scanner, log_in

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def an_open_date(app):
    """A date of the demo café whose questionnaire is open now, and its address."""
    with app.test_request_context():
        for occurrence in db.session.scalars(
                sa.select(Occurrence).join(Booking).join(Session, Booking.session_id == Session.id)
                .where(Session.status == PUBLISHED, Occurrence.status == APPROVED,
                       Session.title.like("Café-échanges%")).order_by(Occurrence.starts_at.desc())):
            if questionnaire.is_open(occurrence):
                found = occurrence.id, questionnaire.link(occurrence)
                db.session.remove()
                return found
    raise AssertionError("the demo café has no date whose questionnaire is open")


def answers_of(app, occurrence_id):
    with app.app_context():
        found = db.session.scalars(sa.select(Answer).where(Answer.occurrence_id == occurrence_id)).all()
        db.session.expunge_all()
        db.session.remove()
        return found


def choose(page, question_number, value):
    page.locator("fieldset.scale").nth(question_number).get_by_role("radio", name=str(value), exact=True).check()


def test_a_participant_answers_start_and_end_in_easy_to_read_on_a_phone(browser, live_server, browser_problems):
    occurrence_id, link = an_open_date(live_server.app)
    before = {a.id for a in answers_of(live_server.app, occurrence_id)}
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=PHONE, is_mobile=True,
                                  has_touch=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    browser_problems.watch(page)
    scanner = Scanner(page)

    page.goto(link)
    page.get_by_role("button", name=re.compile("Facile à lire")).click()
    expect(page.locator("body")).to_have_class(re.compile("falc"))
    page.get_by_role("link", name="Au début de la rencontre").click()
    expect(page.get_by_role("heading", level=2, name="Au début de la rencontre")).to_be_visible()
    scanner.scan("questionnaire, start [FALC, phone]")
    # No horizontal scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    choose(page, 0, 7)
    page.get_by_role("button", name="Envoyer mon avis").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Merci pour votre avis")
    scanner.scan("thanks, start [FALC, phone]")

    page.get_by_role("link", name="Répondre à la fin de la rencontre").click()
    expect(page.get_by_role("heading", level=2, name="À la fin de la rencontre")).to_be_visible()
    scanner.scan("questionnaire, end [FALC, phone]")
    choose(page, 0, 4)
    page.locator("textarea").first.fill("Le thé et le calme.")
    page.get_by_role("button", name="Envoyer mon avis").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Merci pour votre avis")
    expect(page.get_by_role("button", name="Oui, rappelez-moi")).to_be_visible()  # the follow-up, offered apart
    scanner.scan("thanks, end, follow-up offered [FALC, phone]")
    context.close()

    new = [a for a in answers_of(live_server.app, occurrence_id) if a.id not in before]
    assert sorted((a.moment, a.isolation) for a in new) == [("end", 4), ("start", 7)]
    assert new[0].device and new[0].device == new[1].device  # paired by the phone, naming nobody
    assert {a.variant for a in new} == {STANDARD}
    scanner.assert_clean()


def test_staff_read_the_dashboard_with_a_hidden_small_figure_and_its_chart(page, live_server):
    scanner = Scanner(page)
    log_in(page, "vie-associative@passerelle.example")
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Indicateurs").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    participants = page.get_by_role("region", name="Participants", exact=True)
    expect(participants.locator("svg[role=img]")).to_have_count(1)
    expect(participants.get_by_role("table")).to_be_visible()  # the chart's words, as a table
    main = page.locator("main")
    expect(main.get_by_role("cell", name="moins de 5").first).to_be_visible()
    scanner.scan("/indicateurs [staff]")
    page.get_by_role("button", name="Afficher").click()  # the filters, sent again (htmx swaps the results)
    expect(main.get_by_role("cell", name="moins de 5").first).to_be_visible()
    scanner.scan("/indicateurs after filtering")
    scanner.assert_clean()
