"""Each demo person, and a visitor without an account: logs in through the form, finds their own
menu in French, then switches to English and finds it in English; on the way, every page they
can reach by following links answers, in their language, and axe-core finds no violation there
(WCAG 2.x A and AA, and axe's best practices).

One test per person walks it all, with one browser context, because a browser page load is the
costly part of these tests; what goes wrong is collected and reported together at the end."""
from dataclasses import dataclass, field

import pytest

from tests.browser.support import Scanner, crawl, log_in, main_nav, page_kind, switch_language

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


@pytest.mark.parametrize("who", PEOPLE)
def test_each_person_finds_their_menu_and_every_page_they_reach_passes_axe(page, live_server, who):
    person = PEOPLE[who]
    if person.email:
        log_in(page, person.email, via_menu=True)
    else:
        page.goto("/")
    scanner, problems, visited = Scanner(page), [], {}

    for language in ("fr", "en"):
        if language == "en":
            # From whatever page the French walk ended on; the crawl then checks that every
            # page is in English, so the choice is remembered.
            switch_language(page, "English", "en")
        problems += menu_problems(page, person, language)
        paths, seen_problems = crawl(page, live_server.url, language,
                                     on_new_kind=lambda path, lang=language: scanner.scan(f"{path} [{lang}]"))
        visited[language] = paths
        problems += seen_problems
        reached = set(paths) | {page_kind(path) for path in paths}
        if missing := person.must_reach - reached:
            problems.append(f"[{language}] the crawl never reached {sorted(missing)}")

    if set(visited["fr"]) != set(visited["en"]):
        problems.append(f"different links in French and English: {set(visited['fr']) ^ set(visited['en'])}")
    report = "\n".join(problems + [scanner.report()]).strip()
    assert not report, f"{who}:\n{report}"
