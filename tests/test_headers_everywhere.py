"""Every GET address of the portal, pages and downloads alike (PDF, CSV, iCalendar, JSON), answers
with the security headers, to a visitor without an account and to staff: a script policy that
runs no inline or evaluated code, no framing by another site, no MIME sniffing, a referrer
policy. The addresses come from the URL map, with the ids of tests/world.py."""
import pytest

from tests.test_security import csp_of
from tests.world import build

REFERRER_POLICIES = {"same-origin", "no-referrer", "strict-origin-when-cross-origin"}
# What each kind of person must actually receive, so that the downloads are checked themselves
# and not only a refusal in their place.
DOWNLOADS = {
    "anonymous": {"core.emergency_poster": "application/pdf", "rooms.room_poster": "application/pdf",
                  "sessions.poster": "application/pdf", "kit.format_document": "application/pdf",
                  "rooms.room_feed": "text/calendar", "rooms.association_feed": "text/calendar",
                  "volunteers.feed": "text/calendar", "binomes.mine_data": "application/json"},
    "staff": {"indicators.export_csv": "text/csv", "indicators.quarter_summary": "application/pdf",
              "indicators.card": "application/pdf", "rooms.booking_ics": "text/calendar",
              "auth.export_account": "application/json", "sessions.poster": "application/pdf",
              "rooms.room_feed": "text/calendar"},
}


def get_addresses(app, world):
    """{endpoint: URL} of every GET endpoint."""
    return {rule.endpoint: app.url_for(rule.endpoint, _external=False,
                                       **(world.values(rule.endpoint) if rule.arguments else {}))
            for rule in app.url_map.iter_rules() if "GET" in rule.methods}


def header_problems(response):
    headers = response.headers
    if "Content-Security-Policy" not in headers:
        return ["no Content-Security-Policy"]
    policy = csp_of(response)
    script_src = policy.get("script-src", policy.get("default-src", []))
    problems = []
    if any(value.startswith("'unsafe-") for value in script_src):  # -inline, -eval, -hashes
        problems.append(f"script-src {script_src}")
    if any("'unsafe-eval'" in values for values in policy.values()):
        problems.append("unsafe-eval")
    if policy.get("frame-ancestors") != ["'none'"]:
        problems.append(f"frame-ancestors {policy.get('frame-ancestors')}")
    if headers.get("X-Content-Type-Options") != "nosniff":
        problems.append(f"X-Content-Type-Options {headers.get('X-Content-Type-Options')}")
    if headers.get("Referrer-Policy") not in REFERRER_POLICIES:
        problems.append(f"Referrer-Policy {headers.get('Referrer-Policy')}")
    return problems


@pytest.mark.parametrize("who", sorted(DOWNLOADS))
def test_every_get_address_carries_the_security_headers(app, client, who):
    world = build(app)
    if who == "staff":
        client.login(world.staff)
    wrong, served = [], {}
    for endpoint, url in sorted(get_addresses(app, world).items()):
        response = client.get(url)
        response.close()  # static files are streamed from disk
        problems = header_problems(response)
        if problems:
            wrong.append(f"{endpoint} {url} ({response.status_code}): {', '.join(problems)}")
        if response.status_code == 200:
            served[endpoint] = response.mimetype
    assert wrong == []
    assert {endpoint: served.get(endpoint) for endpoint in DOWNLOADS[who]} == DOWNLOADS[who]
