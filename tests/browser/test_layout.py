"""What the stylesheet promises beyond axe: right-to-left pages mirror, paper gets only the
content, and a person who asked their system for less motion gets none."""
import pytest

from tests.browser.support import log_in, switch_language

pytestmark = pytest.mark.browser


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_arabic_pages_mirror_the_layout_and_keep_numbers_readable(page):
    page.goto("/")
    brand_ltr, emergency_ltr = box(page, ".brand"), box(page, ".emergency-link")
    assert brand_ltr["x"] < emergency_ltr["x"]  # French: the name on the left, help on the right
    switch_language(page, "العربية", "ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    brand, emergency = box(page, ".brand"), box(page, ".emergency-link")
    assert brand["x"] > emergency["x"]  # Arabic: the name on the right, help on the left
    # The card's coloured edge is on the side where reading starts.
    edge = page.locator(".card--alert").first.evaluate(
        "el => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]")
    assert edge == ["6px", "1px"]
    # Emergency numbers stay digits read left to right inside right-to-left text.
    page.goto("/urgence")
    number = page.locator("a[href^='tel:']").first
    assert number.evaluate("el => getComputedStyle(el).direction") == "ltr"


def test_the_calendar_reads_right_to_left_in_arabic(page):
    log_in(page, "vie-associative@passerelle.example")
    page.goto("/calendrier")
    switch_language(page, "العربية", "ar")
    headers = page.locator("table.calendar thead th")
    first, last = headers.first.bounding_box(), headers.last.bounding_box()
    assert first["x"] > last["x"]  # the first column (the hours) is on the right


def test_a_printed_schedule_or_resource_list_is_only_the_content(page):
    log_in(page, "benevole@passerelle.example")
    page.goto("/mon-planning")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator("main h1").is_visible()
    page.goto("/ressources")
    assert not page.locator(".preferences").is_visible()
    outside = page.locator("main a[href^='http']")
    if outside.count():  # the address of an outside link is printed after it
        assert "http" in outside.first.evaluate("el => getComputedStyle(el, '::after').content")
    assert page.locator("main").evaluate("el => getComputedStyle(el).paddingLeft") == "0px"


def test_less_motion_when_the_person_asks_for_it(page):
    # htmx marks a request in progress with this class: its indicator fades in, unless the
    # person's system asks for less motion.
    page.goto("/ressources")
    indicator = """() => { const el = document.createElement('span');
        el.className = 'htmx-request htmx-indicator'; document.querySelector('main').append(el);
        return getComputedStyle(el).transitionDuration; }"""
    assert page.evaluate(indicator) == "0.2s"
    page.emulate_media(reduced_motion="reduce")
    page.goto("/ressources")
    assert page.evaluate(indicator) == "0s"
    moving = page.evaluate("""() => Array.from(document.querySelectorAll('*'), el => getComputedStyle(el))
        .filter(style => style.transitionDuration !== '0s' || style.animationName !== 'none').length""")
    assert moving == 0
