"""The forms anyone may send without an account, and the personal links, are rate-limited: the
request after the limit written in the code gets a 429 page that says, in the reader's language,
to wait a minute, with the security headers and a Retry-After. (Signing in and the reset request
are tested in test_auth.)"""
from html import unescape

from flask_babel import force_locale

from portal.errors import ERROR_TEXTS
from tests.conftest import Client
from tests.test_auth import limited_client  # noqa: F401 (an application whose limits are on)
from tests.test_headers_everywhere import header_problems
from tests.world import build

# (endpoint, method, the limit its decorator states, per minute and address)
LIMITS = [
    ("sessions.sign_up", "POST", 20),
    ("sessions.cancel_place", "POST", 20),
    ("sessions.my_place", "GET", 30),
    ("binomes.sign_up", "POST", 10),
    ("binomes.sign_up_for_someone", "POST", 20),  # a volunteer's, signed in
    ("binomes.mine", "GET", 30),
    ("binomes.mine_availability", "POST", 30),
    ("indicators.questionnaire", "POST", 20),
    ("indicators.leave_contact", "POST", 10),
]


def blocked_after_the_limit(client, url, method, limit):
    """What ``client`` gets once it has sent ``limit`` requests: (what went wrong, the answer)."""
    form = {"csrf_token": client.csrf_token()}  # an empty form: it counts all the same

    def send(headers=None):
        if method == "GET":
            return client.get(url, headers=headers)
        return client.post(url, form, headers=headers)

    answered = [send().status_code for _ in range(limit)]
    stopped_early = [status for status in answered if status == 429 or status >= 500]
    return stopped_early, send(headers={"Accept-Language": "en"})


def problems_of(blocked, language):
    page = unescape(blocked.get_data(as_text=True))
    with force_locale(language):
        title, text = (str(words) for words in ERROR_TEXTS[429])
    return [problem for problem, wrong in [
        (f"{blocked.status_code}, not 429", blocked.status_code != 429),
        (f"not in {language}", f'<html lang="{language}"' not in page or title not in page or text not in page),
        ("no Retry-After", not blocked.headers.get("Retry-After", "").isdigit()),
    ] if wrong] + header_problems(blocked)


def test_the_request_after_each_limit_gets_a_429_in_the_readers_language(app, limited_client,  # noqa: F811
                                                                         make_user):
    # One world and one limited application for all: each route counts its own requests.
    world = build(app)
    volunteer = Client(limited_client.raw.application.test_client())
    volunteer.login(make_user(roles=("volunteer",), locale="uk"))
    wrong = []
    for endpoint, method, limit in LIMITS:
        url = app.url_for(endpoint, _external=False, **world.values(endpoint))
        # A browser in English; the volunteer's account is in Ukrainian, which wins.
        client, language = (volunteer, "uk") if endpoint == "binomes.sign_up_for_someone" else (limited_client, "en")
        stopped_early, blocked = blocked_after_the_limit(client, url, method, limit)
        problems = [f"stopped before the limit: {stopped_early}"] if stopped_early else []
        problems += problems_of(blocked, language)
        if problems:
            wrong.append(f"{endpoint}: {', '.join(problems)}")
    assert wrong == []
