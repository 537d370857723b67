"""The indicators' dashboard: who sees which association, the isolation change from paired answers
only, charts that are images with words and a table, and exports that show only what the tables
show."""
import csv
import io
import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from portal import clock
from portal.database import db
from portal.indicators import aggregates, questionnaire
from portal.indicators.models import CIRCLE, END, START
from portal.volunteers.operations import occurrences_of
from tests import factories

FIRST_QUARTER = date(2026, 1, 1)
# The dashboard's address for the first quarter of 2026, one column for the quarter.
QUARTER_URL = "/indicateurs?first=2026-01&last=2026-03&period=quarter&dimension=association"


def section(page, figure):
    """The part of the dashboard about one figure: its heading, sentence, chart and table."""
    return re.search(rf'<section aria-labelledby="figure-{figure}">.*?</section>', page, re.S).group(0)


def weekly(association, fmt, day, weeks, room=None):
    """A published weekly session of ``association`` from ``day``: its dates."""
    session = factories.make_public_session(association=association, fmt=fmt, room=room, frequency="weekly",
                                            count=weeks, day=day)
    return occurrences_of(session)


def counted(dates, participants, **more):
    for occurrence in dates:
        factories.make_count(occurrence, participants=participants, newcomers=1, **more)


def paired(occurrence, device, start, end):
    factories.make_answer(occurrence, START, isolation=start, device=device)
    factories.make_answer(occurrence, END, isolation=end, device=device)


@pytest.fixture
def town(app, make_association, make_format, make_user):
    """Two associations with a café each in January 2026, counted; the first one's member, staff."""
    cafe = make_format(slug="cafe-echanges", texts={"name": {("fr", "standard"): "Café-échanges"}})
    walk = make_format(slug="marche-douce", texts={"name": {("fr", "standard"): "Marche douce"}})
    lien = make_association(name="Lien et Voisinage")
    mots = make_association(name="Les Mots Partagés")
    lien_dates = weekly(lien, cafe, date(2026, 1, 6), 4)
    mots_dates = weekly(mots, walk, date(2026, 1, 8), 2)
    counted(lien_dates, 8)
    counted(mots_dates, 9)
    member = make_user(roles=("association",), associations=[lien])
    staff = make_user(roles=("staff",))
    return lien, mots, lien_dates, mots_dates, member, staff


def test_staff_see_every_association_and_a_member_only_theirs(client, town, make_user):
    lien, mots, _lien_dates, _mots_dates, member, staff = town
    client.login(staff)
    page = client.get(QUARTER_URL).get_data(as_text=True)
    assert "Lien et Voisinage" in page and "Les Mots Partagés" in page and "Binômes formés par la mairie" in page
    client.post("/deconnexion")

    client.login(member)
    page = client.get(QUARTER_URL).get_data(as_text=True)
    assert "<td><strong>32</strong></td>" in section(page, "participants")
    assert "Les Mots Partagés" not in page and "Binômes formés par la mairie" not in page
    guessed = client.get(f"{QUARTER_URL}&association={mots.id}")
    assert guessed.status_code == 422
    assert "Les Mots Partagés" not in guessed.get_data(as_text=True) and "<table" not in guessed.get_data(as_text=True)
    client.post("/deconnexion")

    client.login(make_user(roles=("volunteer",), associations=[lien]))
    assert client.get(QUARTER_URL).status_code == 403


def test_a_guessed_association_never_reaches_the_figures(town):
    lien, mots, _lien_dates, _mots_dates, member, staff = town
    assert aggregates.scope_of(member, mots.id) == ()
    assert aggregates.scope_of(member) == (lien.id,)
    assert aggregates.scope_of(staff) is None and aggregates.scope_of(staff, mots.id) == (mots.id,)
    filters = aggregates.Filters(FIRST_QUARTER, FIRST_QUARTER, dimension=aggregates.ASSOCIATION, associations=())
    assert all(figure.rows == [] for figure in aggregates.dashboard(filters))


def test_small_cells_are_words_in_the_table_and_the_chart(client, town):
    _lien, _mots, _lien_dates, mots_dates, _member, staff = town
    client.login(staff)
    page = client.get(QUARTER_URL).get_data(as_text=True)
    participants = section(page, "participants")
    # Lien et Voisinage: 4 dates × 8; Les Mots Partagés: 2 dates × 9, and 2 newcomers.
    assert "32" in participants and "18" in participants and "50" in participants
    svg = re.search(r"<svg.*?</svg>", participants, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="chart-participants-title"' in svg
    assert '<title id="chart-participants-title">Participants</title>' in svg
    assert 'aria-describedby="summary-participants"' in svg and 'id="summary-participants"' in participants
    assert "style=" not in svg and "<style" not in svg
    assert participants.index("</svg>") < participants.index("<table>")  # the table right after

    answers = section(page, "answers")
    assert "aucune donnée" in answers
    factories.make_answer(mots_dates[0], END, isolation=3, helped="Le thé")
    page = client.get(QUARTER_URL).get_data(as_text=True)
    answers = section(page, "answers")
    svg = re.search(r"<svg.*?</svg>", answers, re.S).group(0)
    assert "moins de 5" in svg and "-hatch" in svg  # a hatched box labelled in words
    table = answers[answers.index("<table>"):]
    assert "moins de 5" in table and ">1<" not in table


def test_an_htmx_filter_change_gets_the_results_alone(client, town):
    *_rest, staff = town
    client.login(staff)
    page = client.get(QUARTER_URL).get_data(as_text=True)
    assert 'hx-push-url="true"' in page and 'hx-target="#indicators-results"' in page
    fragment = client.get(QUARTER_URL.replace("association", "format"), htmx=True).get_data(as_text=True)
    assert "<html" not in fragment and "Café-échanges" in fragment and "Marche douce" in fragment


def test_the_isolation_change_comes_from_paired_answers_only(town):
    _lien, _mots, lien_dates, _mots_dates, _member, _staff = town
    first, second = lien_dates[:2]
    for n, (start, end) in enumerate([(8, 5), (7, 6), (9, 9), (6, 2), (5, 5)]):
        paired(first, f"phone{n}", start, end)  # changes −3, −1, 0, −4, 0: mean −1.6
    paired(second, "phone0", 10, 0)  # the same phone on another date: another person, as far as we know
    factories.make_answer(first, START, isolation=0, device="alone-at-start")  # no end: not paired
    factories.make_answer(first, END, isolation=10, device="alone-at-end")
    factories.make_answer(first, END, isolation=10)  # no phone token at all
    factories.make_answer(first, START, isolation=0, device="hidden", hidden=True)
    factories.make_answer(first, END, isolation=10, device="hidden", hidden=True)
    factories.make_answer(first, START, variant=CIRCLE, isolation=None, device="circle", felt_heard=9)

    filters = aggregates.Filters(FIRST_QUARTER, FIRST_QUARTER, dimension=aggregates.ASSOCIATION)
    isolation = next(f for f in aggregates.dashboard(filters) if f.key == "isolation")
    assert isolation.total.hidden is None
    assert isolation.total.value == pytest.approx((-3 - 1 + 0 - 4 + 0 - 10) / 6)
    answers = next(f for f in aggregates.dashboard(filters) if f.key == "answers")
    assert answers.total.value == 16  # every answer not hidden, paired or not


def test_a_phone_that_answered_twice_counts_once_with_its_latest_answer(town):
    first = town[2][0]
    paired(first, "twice", 8, 6)
    factories.make_answer(first, END, isolation=3, device="twice")
    answers = db.session.scalars(questionnaire.visible()).all()
    assert aggregates.isolation_changes(answers) == {(first.id, "twice"): -5}


def test_the_csv_shows_the_tables_and_never_an_answer(client, town, make_association):
    lien, *_rest, staff = town
    trap = make_association(name="=HYPERLINK(\"http://pirate.example\")")
    dates = weekly(trap, None, date(2026, 2, 3), 1)
    counted(dates, 3)
    factories.make_answer(dates[0], END, isolation=2, helped="Marie, ma voisine du 3e, m'a accompagnée",
                          missing="+33 6 12 34 56 78")
    client.login(staff)
    response = client.get(QUARTER_URL.replace("/indicateurs?", "/indicateurs/export.csv?"))
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert "Marie" not in text and "33 6 12" not in text
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["Indicateur", "Association", "Période", "Valeur"]
    assert ["Participants", "Lien et Voisinage", "T1 2026", "32"] in rows
    assert ["Participants", "'=HYPERLINK(\"http://pirate.example\")", "T1 2026", "moins de 5"] in rows
    assert all(not cell.startswith(aggregates.FORMULA_STARTS) or re.fullmatch(r"[+-][\d,.\s]+", cell)
               for row in rows for cell in row)
    page = client.get(QUARTER_URL).get_data(as_text=True)
    assert "moins de 5" in page and lien.name in page


@pytest.mark.parametrize(("text", "safe"), [
    ("=1+2", "'=1+2"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("-", "'-"),
    ("-1,5", "-1,5"), ("+0,8", "+0,8"), ("Café", "Café"), ("moins de 5", "moins de 5"),
])
def test_a_cell_is_never_run_as_a_formula(text, safe):
    assert aggregates.spreadsheet_safe(text) == safe


def test_the_quarter_summary_is_one_page_with_the_quarter_and_its_promise(client, town):
    *_rest, member, _staff = town
    client.login(member)
    response = client.get("/indicateurs/synthese-2026-T1.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.get_data()))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "T1 2026" in text and "mesurent les formats de rencontre, pas les personnes" in text
    assert "Café-échanges" in text and "Marche douce" not in text  # the member's association only
    english = client.get("/indicateurs/synthese-2026-T1.pdf?lang=en")
    assert english.status_code == 200 and "indicateurs-2026-T1-en.pdf" in english.headers["Content-Disposition"]
    assert client.get("/indicateurs/synthese-2026-T5.pdf").status_code == 404


def test_the_default_period_is_the_last_four_quarters(client, town):
    *_rest, staff = town
    first, last = aggregates.default_range(date(2026, 5, 20))
    assert (first, last) == (date(2025, 7, 1), date(2026, 5, 1))
    client.login(staff)
    assert client.get("/indicateurs").status_code == 200
    wrong = client.get("/indicateurs?first=2026-06&last=2026-01", htmx=True)
    assert wrong.status_code == 422 and "mois de fin après le mois de début" in wrong.get_data(as_text=True)
    assert client.get(f"/indicateurs?first={(clock.today() - timedelta(days=3 * 366)):%Y-%m}").status_code == 422
