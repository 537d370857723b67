"""The accessibility audit, as each demo person and a visitor without an account: they log in
through the form and find their own menu; then they follow every link and GET form they can
reach, in each of the six languages, and on every page:

- axe-core finds no violation (WCAG 2.x A and AA, the RGAA criteria axe knows, axe's best
  practices), in French on a desktop screen and in Arabic, right to left, on a 320 px phone;
- no page scrolls sideways (reflow) at 320 px, nor at 640 px, a 1280 px screen zoomed to 200 %;
- a page in another language shows no French sentence of the interface or of the demo's texts.

One test per person walks it all, with one browser context, because a browser page load is the
costly part of these tests; what goes wrong is collected and reported together at the end. When
every person has walked, the result is written where the accessibility statement reads it."""
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pytest

from portal.accessibility import audit, results
from tests.browser.conftest import ROOT
from tests.browser.support import log_in, main_nav, page_kind

pytestmark = pytest.mark.browser

STAFF_MENU = {"Accueil", "Personnes", "Associations", "Lieux"}
MEMBER_MENU = {"Accueil", "Mes associations", "Lieux"}
STAFF_PAGES = {"/personnes", "/personnes/inviter", "/associations", "/associations/nouvelle", "/compte",
               "/gestion/quartiers", "/gestion/binomes/charte"}


@dataclass
class Person:
    email: str | None  # None: a visitor without an account
    menu: set  # entries of the main menu they see (in French)
    not_in_menu: set  # entries they must not see
    english_menu: set = field(default_factory=lambda: {"Home"})
    must_reach: set = field(default_factory=set)  # proof the crawl went deep enough


PEOPLE = {
    "visitor": Person(None, {"Accueil", "Lieux"}, {"Personnes", "Associations", "Mes associations"},
                      must_reach={"/", "/urgence", "/lieux", "/connexion", "/mot-de-passe-oublie", "/binomes",
                                  "/binomes/inscription"}),
    "admin": Person("admin@passerelle.example", STAFF_MENU, {"Mes associations"},
                    english_menu={"Home", "People"}, must_reach=STAFF_PAGES),
    "staff": Person("vie-associative@passerelle.example", STAFF_MENU, {"Mes associations"},
                    english_menu={"Home", "People"}, must_reach=STAFF_PAGES),
    "association": Person("association@passerelle.example", MEMBER_MENU, {"Personnes", "Associations"},
                          must_reach={"/mes-associations", "/compte", "/associations/<id>"}),
    "volunteer": Person("benevole@passerelle.example", MEMBER_MENU, {"Personnes", "Associations"},
                        must_reach={"/mes-associations", "/compte", "/associations/<id>", "/urgence",
                                    "/binomes/inscrire-quelqu-un"}),
    "mediator": Person("mediation@passerelle.example", {"Accueil", "Lieux"},
                       {"Personnes", "Associations", "Mes associations"},
                       must_reach={"/compte", "/urgence", "/mediation", "/mediation/personnes/<id>",
                                   "/mediation/binomes/<id>"}),
}

# The links every page shows, by whether someone is signed in: (French, English).
HEADER_LINKS = [("En cas d'urgence", "In an emergency")]
SIGNED_IN_LINKS = [("Mon compte", "My account")]
SIGNED_IN_BUTTONS = [("Se déconnecter", "Sign out")]
VISITOR_LINKS = [("Se connecter", "Sign in")]


def menu_entries(page):
    return {text.strip() for text in
            main_nav(page).locator("ul:not(.main-nav__account) a").all_inner_texts()}


def menu_problems(page, person, language):
    """What is wrong with the menu and header on the page shown, in ``language`` ("fr" or "en")."""
    problems = []
    entries = menu_entries(page)
    if language == "fr":
        if missing := person.menu - entries:
            problems.append(f"[fr] menu lacks {sorted(missing)}: {sorted(entries)}")
        if extra := person.not_in_menu & entries:
            problems.append(f"[fr] menu offers {sorted(extra)}: {sorted(entries)}")
    else:
        if missing := person.english_menu - entries:
            problems.append(f"[en] menu lacks {sorted(missing)}: {sorted(entries)}")
        if still_french := {"Accueil", "Personnes"} & entries:  # ("Associations" is both)
            problems.append(f"[en] menu still in French: {sorted(still_french)}")
    index = 0 if language == "fr" else 1
    links = HEADER_LINKS + (SIGNED_IN_LINKS if person.email else VISITOR_LINKS)
    for names in links:
        if not page.get_by_role("link", name=names[index]).count():
            problems.append(f"[{language}] no link {names[index]!r}")
    for names in SIGNED_IN_BUTTONS if person.email else []:
        if not page.get_by_role("button", name=names[index]).count():
            problems.append(f"[{language}] no button {names[index]!r}")
    return problems


@pytest.fixture(scope="session")
def interface_french():
    return audit.interface_french(ROOT / "translations")


@pytest.fixture(scope="session")
def audit_log(browser, live_server):
    """What each person's walk found; written as the audit's result once all have walked."""
    log = {"found": [], "pages": set(), "roles": set(), "axe": None}
    yield log
    if log["roles"] == set(audit.ROLES):
        with live_server.app.app_context():
            results.save(audit.result(log["found"], roles=list(audit.ROLES), languages=list(audit.WALKS),
                                      pages=log["pages"], axe=log["axe"], browser_version=browser.version,
                                      finished_at=datetime.now(timezone.utc)))


@pytest.mark.parametrize("who", PEOPLE)
def test_each_person_reaches_every_page_in_six_languages_and_each_passes_the_audit(
        page, live_server, who, interface_french, audit_log):
    person = PEOPLE[who]
    if person.email:
        log_in(page, person.email, via_menu=True)
    else:
        page.goto("/")
    with live_server.app.app_context():
        content, names = audit.stored_french()

    def check_menu(language):
        return menu_problems(page, person, language) if language in ("fr", "en") else []

    scanner, visited, problems = audit.walk(page, live_server.url, interface=interface_french, content=content,
                                            names=names, before_crawl=check_menu)
    for language, paths in visited.items():
        reached = set(paths) | {page_kind(path) for path in paths}
        if missing := person.must_reach - reached:
            problems.append(f"[{language}] the crawl never reached {sorted(missing)}")
    audit_log["found"] += scanner.found
    audit_log["pages"] |= {page_kind(path.partition("?")[0]) for paths in visited.values() for path in paths}
    audit_log["roles"].add(who)
    audit_log["axe"] = audit_log["axe"] or audit.axe_facts(page)
    report = "\n".join(problems + [scanner.report()]).strip()
    assert not report, f"{who}:\n{report}"
