"""The automated accessibility audit: a crawler that follows, as one person, every link and GET
form it finds from "/" and runs axe-core on the first page of each kind.

The test suite (tests/browser/test_journeys.py) and ``flask --app portal accessibility audit``
both run it; what it finds becomes the result that the accessibility statement is built from
(``portal.accessibility.results``). Playwright and axe-core come with the test dependencies
(``pip install -e '.[test]'``): they are imported only when an audit runs.

Besides axe, each page is checked for what axe cannot see: the status, the Content-Security-
Policy, ``<html lang>`` and ``dir``, horizontal scrolling at the viewport's width (reflow, WCAG
1.4.10: a page must fit 320 CSS pixels), and French interface or demo text left on a page in
another language (``french_strings``)."""
import re
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import sqlalchemy as sa
from babel.messages.pofile import read_po

from portal.demo import ACCOUNTS, DEMO_PASSWORD  # noqa: F401 (the password: for who logs in)

# WCAG 2.0, 2.1 and 2.2, levels A and AA, the RGAA 4 criteria axe-core knows, and axe's best
# practices (landmarks, one <h1>, heading order), which the portal also meets.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "RGAAv4", "best-practice"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": AXE_TAGS},
    "resultTypes": ["violations"],
    "reporter": "no-passes",  # a third faster: what passed is not needed
}

# The audit walks as a visitor without an account, then as each demo account (one per role).
VISITOR = "visitor"
ROLES = {VISITOR: None} | {role.value: email for role, email, _name, _associations in ACCOUNTS}


@dataclass(frozen=True)
class Walk:
    viewport: dict
    axe: bool  # axe-core on the first page of each kind
    reflow: bool  # no sideways scrolling at this width
    every_record: bool = True  # else one page of each kind (see ``page_kind``)


# French on a desktop screen, Arabic (right to left) on a 320 px phone, both scanned by axe and
# through every record; the other languages at 640 px (a 1280 px screen zoomed to 200 %), one
# page of each kind: the records of a kind share their template, and their stored texts are
# translated for every language alike, which the Arabic walk checks record by record.
DESKTOP, PHONE, ZOOMED = {"width": 1280, "height": 900}, {"width": 320, "height": 640}, {"width": 640, "height": 450}
WALKS = {"fr": Walk(DESKTOP, axe=True, reflow=False), "ar": Walk(PHONE, axe=True, reflow=True)} | {
    lang: Walk(ZOOMED, axe=False, reflow=True, every_record=False) for lang in ("en", "es", "pt", "uk")}

# We run as root in a closed network: no sandbox, no GPU, and none of Chromium's calls home.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Links a crawler must not follow: files to download, not pages.
NOT_PAGES = ("/static/", "/compte/export")
NOT_PAGE_SUFFIXES = (".ics", ".pdf", ".csv", ".json")
RGAA_TAG = re.compile(r"^RGAA-(\d+\.\d+)\.\d+$")  # axe tags a rule with an RGAA test: criterion.test

# In the page: the links and GET forms to follow, and the text written in the page's language
# (an element marked with another ``lang``, such as a French variant in an editor or the
# language switcher's « Français », is left out, as is what is not rendered).
PAGE_FACTS = """() => {
  const lang = document.documentElement.lang;
  const forms = Array.from(document.forms).filter(f => f.method === "get").map(form => {
    const url = new URL(form.action);
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string") url.searchParams.append(name, value);
    }
    return url.href;
  });
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (!parent || parent.closest("script, style, template, textarea, [aria-hidden=true]")) continue;
    const marked = parent.closest("[lang]");
    if (marked && marked.lang !== lang) continue;
    if (!parent.checkVisibility()) continue;
    texts.push(walker.currentNode.data);
  }
  return {lang, dir: document.documentElement.dir,
          links: Array.from(document.querySelectorAll("a[href]:not([download])"), a => a.href).concat(forms),
          text: texts.join(" ").replace(/\\s+/g, " "),
          fallbacks: document.querySelectorAll(".fallback-note").length,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth};
}"""


def axe_violations(page):
    """axe-core's violations on the page as it is now (injected through the DevTools protocol,
    which the page's Content-Security-Policy does not govern)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, options=AXE_OPTIONS).response["violations"]


def axe_facts(page):
    """(axe-core's version, the tags of every rule the audit runs), read in ``page``."""
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate(Axe().axe_script)
    return tuple(page.evaluate(f"() => [axe.version, axe.getRules({AXE_TAGS!r}).map(rule => rule.tags).flat()]"))


class Scanner:
    """Runs axe on pages and keeps the violations with where they were found."""

    def __init__(self, page):
        self.page = page
        self.found = []

    def scan(self, where):
        self.found.append((where, axe_violations(self.page)))

    def report(self):
        """The readable report of every violation found so far, or "" when there is none."""
        failing = [(where, violations) for where, violations in self.found if violations]
        return axe_report(failing) if failing else ""

    def assert_clean(self):
        report = self.report()
        assert not report, report


def axe_report(found):
    """``found``: (where, violations) pairs. One block per rule, then per element, with the pages
    it appears on, so a fault in the layout is listed once rather than once per page."""
    rules, snippets = {}, {}
    places = defaultdict(list)
    for where, violations in found:
        for violation in violations:
            rules[violation["id"]] = violation
            for node in violation["nodes"]:
                key = (violation["id"], " ".join(map(str, node["target"])), _what_fails(node))
                snippets.setdefault(key, " ".join(node.get("html", "").split())[:160])
                if where not in places[key]:
                    places[key].append(where)
    lines = [f"{len(rules)} axe-core rule(s) violated:"]
    for rule_id, violation in sorted(rules.items()):
        lines.append(f"\n{rule_id} ({violation['impact']}): {violation['help']}\n  {violation['helpUrl']}")
        for (node_rule, target, summary), pages in places.items():
            if node_rule != rule_id:
                continue
            shown = ", ".join(pages[:6]) + (f" and {len(pages) - 6} more" if len(pages) > 6 else "")
            lines.append(f"  - {target}  on {shown}")  # a CSS selector
            lines.append(f"      {snippets[node_rule, target, summary]}")
            lines.extend(f"      {line.strip()}" for line in summary.splitlines() if line.strip())
    return "\n".join(lines)


def _what_fails(node):
    """The failed checks' messages ("Element has insufficient color contrast of 2.3 ..."), one a line."""
    return node.get("failureSummary") or "\n".join(
        check["message"] for check in node.get("any", []) + node.get("all", []) + node.get("none", []))


def same_origin_links(hrefs, origin):
    """Paths (with query) of the links (absolute URLs) that lead to another page of the portal."""
    found = []
    for href in hrefs:
        url, _fragment = urldefrag(href)
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != origin:
            continue  # tel:, sms:, mailto: and other sites
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not parts.path.startswith(NOT_PAGES) and not parts.path.endswith(NOT_PAGE_SUFFIXES):
            found.append(path)
    return found


def page_kind(path):
    """/personnes/3 and /personnes/4 are the same template with another record: /personnes/<id>."""
    return re.sub(r"/\d+(?=/|$|\?)", "/<id>", path)


@dataclass
class Crawl:
    """One person's walk through the portal in one language.

    ``scanner`` (a ``Scanner``) runs axe on the first page of each kind (see ``page_kind``), which
    keeps the scan fast: the other records of a kind are visited and checked, not scanned again.
    ``french`` and ``french_content`` list interface strings and stored texts that must not
    appear in the page's own text (see ``french_strings`` and ``content_strings``); a page in
    another language than French must not show a stored text in another language either (a
    fallback note): allowed to a person, not to the demo, which has every text in every
    language; ``reflow`` asks that no page scroll sideways at the viewport's width."""

    page: object
    origin: str
    lang: str
    scanner: Scanner | None = None
    french: tuple = ()
    french_content: tuple = ()
    reflow: bool = False
    every_record: bool = True
    visited: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    def run(self):
        """Visit every page reachable by links and GET forms from "/", once each."""
        queue, seen, kinds = deque(["/"]), {"/"}, set()
        while queue:
            path = queue.popleft()
            facts = self.visit(path)
            if facts is None:
                continue
            if self.scanner and page_kind(path) not in kinds:
                kinds.add(page_kind(path))
                self.scanner.scan(f"{path} [{self.lang}]")
            for link in same_origin_links(facts["links"], self.origin):
                # A calendar links to the next period forever, and each free slot prefills a
                # form: one address per page kind is enough when only the query string differs.
                key = ("?", page_kind(link.partition("?")[0])) if "?" in link else (
                    link if self.every_record else page_kind(link))
                if key not in seen:
                    seen.add(key)
                    queue.append(link)
        return self

    def visit(self, path):
        """Load ``path`` and note what is wrong with it; the page's facts, or None if it failed."""
        response = self.page.goto(path)
        self.visited.append(path)
        where = f"{path} [{self.lang}]"
        if response.status != 200:
            self.problems.append(f"{where}: answered {response.status}")
            return None
        if not response.headers.get("content-type", "").startswith("text/html"):
            return None  # a GET form that downloads a document (a kit's PDF in another language)
        if "script-src 'self'" not in (response.headers.get("content-security-policy") or ""):
            self.problems.append(f"{where}: no Content-Security-Policy limiting scripts")
        facts = self.page.evaluate(PAGE_FACTS)
        if facts["lang"] != self.lang:
            self.problems.append(f"{where}: <html lang> is {facts['lang']!r}")
        if facts["dir"] != text_direction(self.lang):
            self.problems.append(f"{where}: <html dir> is {facts['dir']!r}")
        if self.reflow and facts["overflow"] > 1:
            width = self.page.viewport_size["width"]
            self.problems.append(f"{where}: scrolls sideways by {facts['overflow']} px at {width} px wide")
        if left := [text for text in self.french + self.french_content if text in facts["text"]]:
            self.problems.append(f"{where}: still in French: {left[:3]}")
        if self.lang != "fr" and facts["fallbacks"]:
            self.problems.append(f"{where}: {facts['fallbacks']} stored text(s) shown in another language")
        return facts


def text_direction(lang):
    from babel import Locale

    return Locale.parse(lang).text_direction


def french_strings(catalogue):
    """The French sentences that a page in the language of ``catalogue`` (a Babel catalogue)
    must not show: its interface strings whose translation is not the same words. Placeholders
    split a string into the parts a page shows as they are; short parts (single words, proper
    names) are left out, since languages share them."""
    found = set()
    for message in catalogue:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        translated = " ".join(message.string if isinstance(message.string, tuple) else (message.string,))
        for msgid in ids:
            found.update(part for part in _shown_parts(msgid) if part not in translated)
    return tuple(sorted(found))


def content_strings(texts):
    """The sentences of stored French ``texts``, one per line of each, as ``french_strings``."""
    return tuple(sorted({part for text in texts for line in text.splitlines() for part in _shown_parts(line)}))


MIN_SENTENCE = 24  # characters: below this, a string is a word or a name as often as a sentence


def _shown_parts(text):
    parts = re.split(r"%\(\w+\)[sd]|%%", text)
    return [" ".join(part.split()) for part in parts if len(part.strip()) >= MIN_SENTENCE]


def rgaa_criteria(tags):
    """The RGAA criteria ("3.2") among axe tags ("RGAA-3.2.1": criterion 3.2, test 1)."""
    return sorted({match[1] for tag in tags if (match := RGAA_TAG.match(tag))}, key=_numbers)


def _numbers(criterion):
    return tuple(int(n) for n in criterion.split("."))


def result(found, *, roles, languages, pages, axe, browser_version, finished_at):
    """The audit's result, in the schema ``portal.accessibility.results`` keeps, from the
    scanners' (where, violations) pairs; ``axe`` is what ``axe_facts`` read."""
    version, rule_tags = axe
    violations = {}
    for where, found_there in found:
        for violation in found_there:
            entry = violations.setdefault(violation["id"], {
                "rule": violation["id"], "impact": violation["impact"], "help": violation["help"],
                "criteria": rgaa_criteria(violation["tags"]),
                "wcag": sorted(t for t in violation["tags"] if re.fullmatch(r"wcag\d{3,}", t)),
                "pages": [], "count": 0})
            entry["pages"].append(where)
            entry["count"] += len(violation["nodes"])
    return {"version": 1, "finished_at": finished_at.isoformat(), "tool": f"axe-core {version}",
            "browser": f"Chromium {browser_version}", "tags": AXE_TAGS, "languages": list(languages),
            "roles": list(roles), "pages": sorted(set(pages)), "criteria_checked": rgaa_criteria(rule_tags),
            "violations": list(violations.values())}


def log_in(page, email, password=DEMO_PASSWORD, via_menu=False):
    """Through the login form (in French), reached from the menu's link if ``via_menu``."""
    if via_menu:
        page.goto("/")
        page.locator("nav.main-nav").get_by_role("link", name="Se connecter").click()
    else:
        page.goto("/connexion")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.locator(".flashes").wait_for()


def switch_language(page, language_name, code):
    """Press the language switcher's button (a form post that comes back to the same page)."""
    page.locator(".language-switcher").get_by_role("button", name=language_name).click()
    page.wait_for_function("code => document.documentElement.lang === code", arg=code)


def interface_french(translations):
    """{language: the French interface sentences its pages must not show}, from the catalogues
    in the folder ``translations``."""
    found = {}
    for lang in WALKS:
        catalogue = Path(translations) / lang / "LC_MESSAGES" / "messages.po"
        if lang != "fr" and catalogue.exists():
            with open(catalogue, "rb") as po:
                found[lang] = french_strings(read_po(po))
    return found


def stored_french():
    """The French sentences of the stored texts (formats, resources, charters…), and the names
    of places, rooms and associations: proper names, shown as they are in every language, even
    where the interface has the same words (a place named after its kind). In an app context."""
    from portal.associations.models import Association
    from portal.content.models import TranslatedText
    from portal.database import db
    from portal.rooms.models import Place, Room

    bodies = db.session.scalars(sa.select(TranslatedText.body).where(TranslatedText.locale == "fr")).all()
    names = set(db.session.scalars(sa.select(Place.name).union(sa.select(Room.name), sa.select(Association.name))))
    return content_strings(bodies), names


def walk(page, origin, *, interface, content, names, before_crawl=None):
    """One person's walk through the portal in every language of ``WALKS``, from the page shown.

    ``interface``, ``content`` and ``names``: what ``interface_french`` and ``stored_french``
    give. ``before_crawl(language)`` is called on the first page in each language and returns
    problems of its own. Returns (scanner, {language: paths visited}, problems)."""
    from portal.i18n import LOCALE_NAMES

    scanner, visited, problems = Scanner(page), {}, []
    for language, how in WALKS.items():
        if language != "fr":
            # From whatever page the previous walk ended on; the crawl then checks that every
            # page is in this language, so the choice is remembered.
            switch_language(page, LOCALE_NAMES[language], language)
        page.set_viewport_size(how.viewport)
        if before_crawl:
            problems += before_crawl(language)
        crawl = Crawl(page, origin, language, scanner=scanner if how.axe else None,
                      french=tuple(set(interface.get(language, ())) - names),
                      french_content=content if language != "fr" else (), reflow=how.reflow,
                      every_record=how.every_record).run()
        visited[language] = crawl.visited
        problems += crawl.problems
    # The same kinds of pages in every language (a GET form's default values may follow it).
    addresses = {language: {page_kind(path.partition("?")[0]) for path in paths} for language, paths in visited.items()}
    for language, paths in addresses.items():
        if paths != addresses["fr"]:
            problems.append(f"different pages in French and {language}: {paths ^ addresses['fr']}")
    return scanner, visited, problems


def run(app, origin, browser, translations):
    """The whole audit against the portal served at ``origin`` by ``app`` (with the demo town
    loaded): every role walks every language. Returns (result, problems)."""
    with app.app_context():
        content, names = stored_french()
    interface = interface_french(translations)
    found, pages, problems, axe = [], set(), [], None
    for role, email in ROLES.items():
        context = browser.new_context(base_url=origin, locale="fr-FR", viewport=DESKTOP)
        page = context.new_page()
        if email:
            log_in(page, email)
        else:
            page.goto("/")
        scanner, visited, seen = walk(page, origin, interface=interface, content=content, names=names)
        found += scanner.found
        pages |= {page_kind(path.partition("?")[0]) for paths in visited.values() for path in paths}
        problems += [f"{role}: {problem}" for problem in seen]
        axe = axe or axe_facts(page)
        context.close()
    return result(found, roles=list(ROLES), languages=list(WALKS), pages=pages, axe=axe,
                  browser_version=browser.version, finished_at=datetime.now(timezone.utc)), problems
