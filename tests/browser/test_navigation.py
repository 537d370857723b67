"""What a person notices while finding their way: the language and easy-to-read switches, the
keyboard, and the people search that filters as one types. (Each role's own menu, in French
and in English, is checked in ``test_journeys.py``.)"""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import log_in, main_nav, switch_language

pytestmark = pytest.mark.browser


def test_a_visitor_switches_to_english_and_back(page):
    page.goto("/lieux")
    expect(main_nav(page).get_by_role("link", name="Se connecter")).to_be_visible()
    switch_language(page, "English", "en")
    expect(page).to_have_url(re.compile(r"/lieux$"))  # the same page, now in English
    expect(main_nav(page).get_by_role("link", name="Sign in")).to_be_visible()
    expect(page.locator(".language-switcher").get_by_role("button", name="English")).to_have_attribute(
        "aria-current", "true")
    switch_language(page, "Français", "fr")
    expect(main_nav(page).get_by_role("link", name="Se connecter")).to_be_visible()


def body_font_size(page):
    return page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")


def test_easy_to_read_switch_is_pressed_enlarges_text_and_is_remembered(page):
    page.goto("/")
    switch = page.get_by_role("button", name="Facile à lire")
    body = page.locator("body")
    expect(switch).to_have_attribute("aria-pressed", "false")
    expect(body).not_to_have_class(re.compile(r"\bfalc\b"))
    standard_size = body_font_size(page)

    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    expect(body).to_have_class(re.compile(r"\bfalc\b"))
    expect(page).to_have_url(re.compile(r"/$"))  # back on the page it was pressed on
    assert body_font_size(page) > standard_size

    page.locator("footer").get_by_role("link", name="Lieux de rencontre").click()
    expect(page).to_have_url(re.compile(r"/lieux$"))
    expect(switch).to_have_attribute("aria-pressed", "true")
    expect(body).to_have_class(re.compile(r"\bfalc\b"))

    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "false")
    expect(body).not_to_have_class(re.compile(r"\bfalc\b"))


def test_skip_link_is_the_first_tab_stop_and_takes_focus_to_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Aller au contenu")
    expect(skip).to_be_in_viewport()  # hidden until focused, then shown

    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), \
        "after the skip link, the next Tab stop should be inside the main content"


def test_people_search_filters_as_one_types(page):
    log_in(page, "vie-associative@passerelle.example")
    main_nav(page).get_by_role("link", name="Personnes").click()
    rows = page.locator("#people-results tbody tr")
    expect(rows).to_have_count(5)
    page.evaluate("window.notReloaded = true")

    search = page.get_by_label("Chercher un nom ou une adresse e-mail")
    with page.expect_response(lambda r: "/personnes?" in r.url and "q=moreau" in r.url
                              and r.request.headers.get("hx-request") == "true") as fragment:
        search.press_sequentially("moreau", delay=30)
    assert fragment.value.status == 200
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Inès Moreau")
    expect(page.locator("#announcer")).to_have_text("1 personne")  # read out by screen readers
    expect(search).to_be_focused()  # typing is never interrupted
    expect(page).to_have_url(re.compile(r"[?&]q=moreau"))  # the address can be shared or reloaded
    assert page.evaluate("window.notReloaded === true"), "the results were swapped, not the page"

    search.fill("")
    expect(rows).to_have_count(5)
    page.get_by_label("Rôle", exact=True).select_option("mediator")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Paul Durand")

    search.press_sequentially("personne-inconnue")
    expect(page.locator("#people-results")).to_contain_text("0 personne")
    expect(rows).to_have_count(0)

    # Reloading the address the search pushed shows the same results, without JavaScript help.
    page.reload()
    expect(page.get_by_label("Chercher un nom ou une adresse e-mail")).to_have_value("personne-inconnue")
    expect(rows).to_have_count(0)
