"""A mail server that refuses every message, seen in Chromium, in French and in English: a person
signing up to the binômes keeps their personal link on screen and is told to write it down, and
staff approving a booking are told which association to reach another way. Nothing is lost, and
axe finds nothing on these pages."""
import re
import socket

import pytest
from playwright.sync_api import expect

from tests.browser.support import Scanner, log_in, switch_language

pytestmark = pytest.mark.browser

SAYS = {
    "fr": {"thanks": "Merci, vous êtes inscrit·e",
           "not_sent": "Votre inscription est bien enregistrée, mais l'e-mail n'a pas pu partir.",
           "approve": "Approuver", "approved": "La demande est approuvée.",
           "unmailed": "L'e-mail n'a pas pu partir vers : "},
    "en": {"thanks": "Thank you, you are signed up",
           "not_sent": "Your sign-up is saved, but the email could not be sent.",
           "approve": "Approve", "approved": "The request is approved.",
           "unmailed": "The email could not be sent to: "},
}


@pytest.fixture
def mail_server_down(live_server, monkeypatch):
    with socket.socket() as probe:  # a free port nobody listens on: every connection is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setitem(live_server.app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(live_server.app.config, "MAIL_PORT", port)


def in_language(page, language):
    if language == "en":
        switch_language(page, "English", "en")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_sign_up_keeps_its_link_on_screen_when_the_mail_cannot_leave(page, mail_server_down, language):
    says, scanner = SAYS[language], Scanner(page)
    page.goto("/binomes/inscription")
    in_language(page, language)
    # By the fields' names: the same steps in either language.
    page.locator("#first_name").fill("Zélie")
    page.locator("#contact").fill("zelie@exemple.fr")
    page.locator("#neighbourhood").select_option(index=1)
    page.locator("input[name=activities]").first.check()
    page.locator("input[name=slots]").first.check()
    page.locator("input[name=languages]").first.check()
    page.locator("#consent_matching").check()
    page.locator("form button[type=submit]").last.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(says["thanks"])
    expect(page.get_by_role("alert")).to_contain_text(says["not_sent"])
    link = page.locator(".personal-link a")
    expect(link).to_have_attribute("href", re.compile(r"/binomes/moi/[\w-]+$"))
    scanner.scan(f"thanks page, mail down [{language}]")
    link.click()  # the link works: the person's own page, with what is kept of them
    expect(page).to_have_url(re.compile(r"/binomes/moi/"))
    expect(page.locator("main")).to_contain_text("zelie@exemple.fr")
    scanner.assert_clean()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_staff_are_told_which_association_the_decision_did_not_reach(page, mail_server_down, language):
    says, scanner = SAYS[language], Scanner(page)
    log_in(page, "vie-associative@passerelle.example")
    page.goto("/demandes")
    in_language(page, language)
    item = page.locator(".queue__item").first
    association = item.get_by_role("heading").inner_text().rsplit(" – ", 1)[1].strip()
    item.get_by_role("button", name=re.compile(says["approve"])).click()

    flashes = page.locator(".flashes")
    expect(flashes).to_contain_text(says["approved"])
    expect(flashes).to_contain_text(says["unmailed"] + association)
    scanner.scan(f"queue after a decision, mail down [{language}]")
    scanner.assert_clean()
