"""The main tasks of the portal done with the keyboard alone, in Chromium: an association asks
for a free slot of the calendar and staff approve it; a volunteer accepts a role in "Mon
planning"; a visitor answers the anonymous questionnaire (on a desktop and on a 390 px wide
screen); a visitor signs up for a binôme. Nothing is clicked, filled or focused by the test: only
Tab, Shift+Tab, Enter, Space, the arrow keys and typing, after going to an address as a person
types it.

At every step the control needed is reached by Tab within a bounded number of presses, and the
focus is visible on everything that Tab reaches. After an htmx swap, the focus is on the new
content, or stays on the filter being changed while the change is announced in #announcer. From
the middle of a page, Tab reaches the footer and Shift+Tab comes back the same way (no trap)."""
import pytest
from playwright.sync_api import expect

from tests.browser.support import DEMO_PASSWORD
from tests.browser.test_indicators_journey import PHONE, an_open_date, answers_of

pytestmark = pytest.mark.browser

ROOM = "Salle de l'heure du conte"
PURPOSE = "Atelier clavier seulement"

# What has the focus, and whether it shows. The box that shows it is the control's label when
# the control itself is transparent (the questionnaire's scale draws its radios by their
# labels). Visible: an outline of 2 px at least or a ring (box-shadow), on screen.
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const words = text => (text || "").replace(/\\s+/g, " ").trim();
  const shown = el.labels && el.labels.length && getComputedStyle(el).opacity === "0" ? el.labels[0] : el;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
    && box.left < window.innerWidth && box.top < window.innerHeight;
  const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const item = el.closest("li, article");
  return {
    tag: el.tagName.toLowerCase(), type: el.type || "", id: el.id, value: el.value ?? "", checked: !!el.checked,
    name: words(el.labels && el.labels.length ? el.labels[0].textContent
                : el.getAttribute("aria-label") || el.textContent),
    classes: String(el.className), item: item ? words(item.textContent) : "", item_id: item ? item.id : "",
    in_menu: !!el.closest("nav.main-nav"), in_footer: !!el.closest("footer"),
    visible: (outlined || style.boxShadow !== "none") && onScreen,
    style: `${shown.tagName.toLowerCase()}: outline ${style.outlineStyle} ${style.outlineWidth}, `
      + `box-shadow ${style.boxShadow}, box ${Math.round(box.left)},${Math.round(box.top)} `
      + `${Math.round(box.width)}×${Math.round(box.height)}`,
  };
}"""


def focused(page):
    return page.evaluate(FOCUS)


def describe(focus):
    if focus is None:
        return "nothing (the page itself)"
    kind = f"{focus['tag']}[{focus['type']}]" if focus["type"] else focus["tag"]
    return f"{kind}{'#' + focus['id'] if focus['id'] else ''} {focus['name'][:60]!r}"


def assert_visible(focus):
    assert focus is not None, "the focus is on nothing"
    assert focus["visible"], f"focus not visible on {describe(focus)} ({focus['style']})"


def tab_to(page, wanted, limit=30):
    """Press Tab until the focused element satisfies ``wanted`` (it receives ``focused(page)``),
    checking on the way that the focus shows on everything it reaches."""
    went = []
    for _press in range(limit):
        page.keyboard.press("Tab")
        focus = focused(page)
        if focus is not None:
            assert_visible(focus)
            if wanted(focus):
                return focus
        went.append(describe(focus))
    raise AssertionError(f"not reached in {limit} presses of Tab; the focus went to:\n  " + "\n  ".join(went))


def press_and_load(page):
    """Enter on a link or in a form: waits until the next page is loaded, scripts included."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def choose_option(page, text, limit=20):
    """In the focused <select>, move down with the arrow key until the option shown contains ``text``."""
    for _press in range(limit):
        page.keyboard.press("ArrowDown")
        focus = focused(page)
        assert focus is not None and focus["tag"] == "select", (
            f"after an arrow press, the focus went to {describe(focus)}")
        if text in page.evaluate("() => { const s = document.activeElement; return s.options[s.selectedIndex].text; }"):
            return
    raise AssertionError(f"no option with {text!r} below the one chosen")


# Elements are compared as Tab reaches them; a group of radios is one stop, reached on its
# checked radio (on its first going forward, its last going back, when none is checked).
SAME_STOP = """index => {
  const here = document.activeElement, then = window.keyboardPath[index];
  return here === then || (here.type === "radio" && then.type === "radio" && here.name === then.name);
}"""


def assert_no_trap(page, limit=150):
    """From where the focus is, Tab reaches the footer and Shift+Tab comes back the same way, to
    where the focus was (or to the stop after it, when Tab cannot reach it: a heading given the focus)."""
    page.evaluate("() => { window.keyboardPath = [document.activeElement]; }")
    stops = [describe(focused(page))]
    for _press in range(limit):
        page.keyboard.press("Tab")
        focus = focused(page)
        assert_visible(focus)
        page.evaluate("() => { window.keyboardPath.push(document.activeElement); }")
        stops.append(describe(focus))
        if focus["in_footer"]:
            break
    else:
        raise AssertionError(f"Tab did not reach the footer in {limit} presses:\n  " + "\n  ".join(stops))
    first = 0 if page.evaluate("() => window.keyboardPath[0].tabIndex >= 0") else 1
    for index in range(len(stops) - 2, first - 1, -1):
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(SAME_STOP, index), (
            f"Shift+Tab went to {describe(focused(page))}, not back to {stops[index]}; from there, Tab went to:\n  "
            + "\n  ".join(stops))


def assert_skip_link_leads_to_main(page):
    """On a page just loaded, the first Tab shows "Aller au contenu"; Enter takes the focus to <main>."""
    page.keyboard.press("Tab")
    focus = focused(page)
    assert focus["name"] == "Aller au contenu", f"the first Tab went to {describe(focus)}"
    assert_visible(focus)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def log_in(page, email):
    page.goto("/connexion")
    tab_to(page, lambda f: f["id"] == "email", limit=25)
    page.keyboard.type(email)
    tab_to(page, lambda f: f["id"] == "password", limit=1)
    page.keyboard.type(DEMO_PASSWORD)
    press_and_load(page)
    expect(page.locator(".flashes")).to_contain_text("vous êtes connecté")


def follow_menu(page, label):
    tab_to(page, lambda f: f["in_menu"] and f["name"] == label, limit=25)
    press_and_load(page)
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def new_person(browser, live_server, browser_problems, viewport=None):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR",
                                  viewport=viewport or {"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    person = context.new_page()
    browser_problems.watch(person)
    return context, person


def test_an_association_asks_for_a_free_slot_and_staff_approve_it(page, browser, live_server, browser_problems):
    log_in(page, "association@passerelle.example")
    follow_menu(page, "Calendrier")
    assert_skip_link_leads_to_main(page)

    # The room filter updates the calendar as it changes: the focus stays in the list (each arrow
    # press is a change) and the calendar shown is announced.
    tab_to(page, lambda f: f["id"] == "room", limit=12)
    choose_option(page, ROOM)
    expect(page.locator("#calendar caption")).to_contain_text(ROOM)
    expect(page.locator("#announcer")).to_have_text(page.locator("#calendar-title").inner_text())
    assert focused(page)["id"] == "room"

    # A link inside the calendar replaces it: the focus goes to its new heading, also announced.
    title = page.locator("#calendar-title").inner_text()
    tab_to(page, lambda f: f["name"] == "Période suivante", limit=8)
    page.keyboard.press("Enter")
    expect(page.locator("#calendar-title")).not_to_have_text(title)
    expect(page.locator("#calendar-title")).to_be_focused()
    assert_visible(focused(page))
    expect(page.locator("#announcer")).to_have_text(page.locator("#calendar-title").inner_text())
    assert_no_trap(page)

    tab_to(page, lambda f: "slot--free" in f["classes"], limit=12)
    press_and_load(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Demander une salle")
    expect(page.get_by_label("Salle", exact=True).locator("option:checked")).to_contain_text(ROOM)
    tab_to(page, lambda f: f["id"] == "purpose", limit=40)
    page.keyboard.type(PURPOSE)
    tab_to(page, lambda f: f["id"] == "expected_attendance", limit=3)
    page.keyboard.type("8")

    # The preview replaces the form: the focus goes to the dates listed, which are announced.
    tab_to(page, lambda f: f["name"] == "Voir les dates et les conflits", limit=8)
    page.keyboard.press("Enter")
    expect(page.locator(".preview")).to_be_focused()
    assert_visible(focused(page))
    expect(page.locator("#announcer")).to_have_text("1 date demandée")
    assert_no_trap(page)
    tab_to(page, lambda f: f["name"] == "Envoyer la demande", limit=3)
    press_and_load(page)
    expect(page.locator(".flashes")).to_contain_text("Votre demande est envoyée")

    context, staff = new_person(browser, live_server, browser_problems)
    log_in(staff, "vie-associative@passerelle.example")
    follow_menu(staff, "Demandes de salles")
    tab_to(staff, lambda f: f["name"].startswith("Approuver") and PURPOSE in f["item"], limit=40)
    press_and_load(staff)
    expect(staff.locator(".flashes")).to_contain_text("La demande est approuvée")
    expect(staff.locator(".queue__item", has_text=PURPOSE)).to_have_count(0)
    context.close()


def test_a_volunteer_accepts_the_role_they_are_invited_to(browser, live_server, browser_problems):
    context, volunteer = new_person(browser, live_server, browser_problems)
    log_in(volunteer, "benevole@passerelle.example")
    follow_menu(volunteer, "Mon planning")
    invitation = tab_to(volunteer, lambda f: f["name"].startswith("Accepter"), limit=25)
    assert "Invitation en attente" in invitation["item"]
    # The answer replaces the invitation: the focus goes to the invitation as answered.
    volunteer.keyboard.press("Enter")
    answered = volunteer.locator(f"#{invitation['item_id']}")
    expect(answered).to_contain_text("Accepté")
    expect(answered).to_be_focused()
    assert_visible(focused(volunteer))
    assert_no_trap(volunteer)
    context.close()


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_a_visitor_answers_the_questionnaire(browser, live_server, browser_problems, viewport):
    occurrence_id, link = an_open_date(live_server.app)
    before = {answer.id for answer in answers_of(live_server.app, occurrence_id)}
    context, visitor = new_person(browser, live_server, browser_problems, viewport)
    visitor.goto(link)
    tab_to(visitor, lambda f: f["name"] == "Au début de la rencontre", limit=20)
    press_and_load(visitor)
    expect(visitor.get_by_role("heading", level=2, name="Au début de la rencontre")).to_be_visible()

    # The 0–10 scale is one stop: Tab enters it on 0, the arrow keys choose, Tab leaves it.
    scale = tab_to(visitor, lambda f: f["type"] == "radio", limit=20)
    assert scale["value"] == "0" and not scale["checked"]
    for _press in range(7):
        visitor.keyboard.press("ArrowRight")
    chosen = focused(visitor)
    assert (chosen["value"], chosen["checked"]) == ("7", True)
    assert_visible(chosen)
    assert_no_trap(visitor)
    tab_to(visitor, lambda f: f["name"] == "Envoyer mon avis", limit=3)
    press_and_load(visitor)
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Merci pour votre avis")
    context.close()

    new = [answer for answer in answers_of(live_server.app, occurrence_id) if answer.id not in before]
    assert [(answer.moment, answer.isolation) for answer in new] == [("start", 7)]


def tick(page, label, limit):
    box = tab_to(page, lambda f: f["type"] == "checkbox" and f["name"] == label, limit=limit)
    assert not box["checked"]
    page.keyboard.press("Space")
    assert focused(page)["checked"], f"Space did not tick {label!r}"


def test_a_visitor_signs_up_for_a_binome(page):
    page.goto("/binomes")
    tab_to(page, lambda f: f["name"] == "Je m'inscris", limit=20)
    press_and_load(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("S'inscrire aux binômes")

    tab_to(page, lambda f: f["id"] == "first_name", limit=20)
    page.keyboard.type("Zélie")
    tab_to(page, lambda f: f["id"] == "contact", limit=1)
    page.keyboard.type("zelie@exemple.fr")
    tab_to(page, lambda f: f["id"] == "neighbourhood", limit=1)
    choose_option(page, "Tisserands")
    tick(page, "Marcher", limit=2)
    tick(page, "Prendre un café", limit=1)
    # The week as a table of boxes, a day per row: Tab goes along each row.
    tick(page, "samedi soir", limit=30)
    tick(page, "dimanche matin", limit=1)
    assert_no_trap(page)
    tick(page, "français", limit=50)
    tick(page, "Être mis en binôme avec une autre personne", limit=40)
    tab_to(page, lambda f: f["name"] == "M'inscrire", limit=4)
    press_and_load(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Merci, vous êtes inscrit·e")
