"""What the browser tests share: logging in like a person does, switching language, the axe-core
scan with a readable report, and a small crawler that follows the links a person can see."""
import re
from collections import defaultdict, deque
from urllib.parse import urldefrag, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

DEMO_PASSWORD = "passerelle-demo"

# WCAG 2.0, 2.1 and 2.2, levels A and AA (what the RGAA asks of a French public body), plus
# axe's best practices (landmarks, one <h1>, heading order), which the portal also meets.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa",
                                          "best-practice"]},
    "resultTypes": ["violations"],
    "reporter": "no-passes",  # a third faster: what passed is not needed
}
_axe = Axe()

# Links a crawler must not follow: files to download, not pages.
NOT_PAGES = ("/static/", "/compte/export")
NOT_PAGE_SUFFIXES = (".ics", ".pdf", ".csv", ".json")


def main_nav(page):
    return page.locator("nav.main-nav")


def log_in(page, email, password=DEMO_PASSWORD, via_menu=False):
    """Through the login form, reached from the menu's "Se connecter" link if ``via_menu``."""
    if via_menu:
        page.goto("/")
        main_nav(page).get_by_role("link", name="Se connecter").click()
    else:
        page.goto("/connexion")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator(".flashes")).to_contain_text("vous êtes connecté")


def switch_language(page, language_name, code):
    """Press the language switcher's button (a form post that comes back to the same page)."""
    page.locator(".language-switcher").get_by_role("button", name=language_name).click()
    expect(page.locator("html")).to_have_attribute("lang", code)


def axe_violations(page):
    """axe-core's violations on the page as it is now (injected through the DevTools protocol,
    which the page's Content-Security-Policy does not govern)."""
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


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


def crawl(page, origin, lang, on_new_kind=None):
    """Visit every page reachable by links from "/", once each, as the person of this context.

    Each page must answer 200 with the Content-Security-Policy, in ``lang``. ``on_new_kind(path)``
    is called on the first page of each kind (see ``page_kind``), which keeps the accessibility
    scan fast: the other records of a kind are visited and checked, not scanned again. Returns the
    paths in the order visited and the problems seen (wrong status, missing header, language)."""
    queue, seen, visited, problems, kinds = deque(["/"]), {"/"}, [], [], set()
    while queue:
        path = queue.popleft()
        response = page.goto(path)
        visited.append(path)
        where = f"{path} [{lang}]"
        if response.status != 200:
            problems.append(f"{where}: answered {response.status}")
            continue
        if "script-src 'self'" not in (response.headers.get("content-security-policy") or ""):
            problems.append(f"{where}: no Content-Security-Policy limiting scripts")
        page_lang, hrefs = page.evaluate("""() => [document.documentElement.lang,
            Array.from(document.querySelectorAll("a[href]:not([download])"), a => a.href)]""")
        if page_lang != lang:
            problems.append(f"{where}: <html lang> is {page_lang!r}")
        if on_new_kind and page_kind(path) not in kinds:
            kinds.add(page_kind(path))
            on_new_kind(path)
        for link in same_origin_links(hrefs, origin):
            # A calendar links to the next period forever, and each free slot prefills a form:
            # one address per page kind is enough when only the query string differs.
            key = ("?", page_kind(link.partition("?")[0])) if "?" in link else link
            if key not in seen:
                seen.add(key)
                queue.append(link)
    return visited, problems
