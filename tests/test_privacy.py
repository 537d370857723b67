"""The public privacy page: what is kept, why, how long, who sees it, and how to use one's rights,
said from the portal's real settings."""
import re
from html import unescape

from portal.binomes.models import PURPOSES
from portal.binomes.retention import UNCONFIRMED_DAYS
from portal.indicators.follow_up import DUE_AFTER
from portal.indicators.models import FOLLOW_UP_OUTCOMES

URL = "/donnees-personnelles"
KINDS = ("Comptes du portail", "Inscriptions aux rencontres", "Binômes de convivialité", "Questionnaire anonyme",
         "Prise de nouvelles après la rencontre", "Indicateurs")


def text(response):
    return unescape(response.get_data(as_text=True))


def headings(page, level):
    return [unescape(h) for h in re.findall(rf"<h{level}[^>]*>([^<]+)</h{level}>", page)]


def test_anyone_reads_what_is_kept_for_each_kind_of_data_and_how_to_use_their_rights(client, app):
    response = client.get(URL)
    assert response.status_code == 200
    page = text(response)
    assert headings(page, 1) == ["Données personnelles"]
    assert [h for h in headings(page, 2) if h in KINDS] == list(KINDS)
    assert "Vos droits" in headings(page, 2)
    mail = app.config["MAIL_FROM"]
    assert f'<a href="mailto:{mail}">{mail}</a>' in page
    assert app.config["PORTAL_TOWN_NAME"] in page
    assert "CNIL" in page and 'href="https://www.cnil.fr/fr/plaintes"' in page
    assert 'href="/compte"' in page and 'href="/binomes"' in page


def test_each_kind_has_a_table_whose_rows_and_columns_are_named(client):
    page = text(client.get(URL))
    tables = re.findall(r"<table>(.*?)</table>", page, re.DOTALL)
    assert len(tables) == len(KINDS)
    for table in tables:
        columns = re.findall(r'<th scope="col">([^<]+)</th>', table)
        assert columns == ["Donnée", "Pourquoi", "Combien de temps", "Qui la voit"]
        rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.DOTALL)
        assert rows and all(row.strip().startswith('<th scope="row"') for row in rows)
        assert "<caption" in table


def test_periods_and_threshold_are_those_of_the_settings(client, app):
    page = text(client.get(URL))
    assert "au bout de 12 mois sans nouvelles" in page
    assert f"effacée au bout de {UNCONFIRMED_DAYS} jours" in page
    assert "au plus tard 6 semaines après la rencontre" in page
    assert f"une seule fois, {DUE_AFTER.days} jours après la rencontre" in page
    assert "moins de 5 réponses ou personnes" in page and "« moins de 5 »" in page

    app.config.update(BINOME_RETENTION_MONTHS=18, FOLLOW_UP_KEEP_WEEKS=1, INDICATORS_MIN_COUNT=7,
                      MAIL_FROM="donnees@mairie.example", PORTAL_TOWN_NAME="Ville de Saint-Essai")
    page = text(client.get(URL))
    assert "au bout de 18 mois sans nouvelles" in page and "12 mois" not in page
    assert "au plus tard 1 semaine après la rencontre" in page and "6 semaines" not in page
    assert "« moins de 7 »" in page and "moins de 5" not in page
    assert '<a href="mailto:donnees@mairie.example">' in page and "Ville de Saint-Essai" in page


def test_consents_and_follow_up_answers_are_named_as_the_portal_records_them(client):
    page = text(client.get(URL))
    for label in (*PURPOSES.values(), *FOLLOW_UP_OUTCOMES.values()):
        assert f"« {label} »" in page


def test_the_questionnaire_is_said_anonymous_and_its_answers_cannot_be_found_again(client):
    page = text(client.get(URL))
    questionnaire = page.split('id="privacy-questionnaire"')[1].split("</section>")[0]
    assert "pas d'adresse IP, pas d'heure de réponse, seulement la date de la rencontre" in questionnaire
    assert "seul votre téléphone sait qu'il est le vôtre" in questionnaire
    assert "ne peuvent pas être retrouvées" in questionnaire


def test_easy_read_says_the_same_facts_in_short_lines(client, app):
    app.config.update(BINOME_RETENTION_MONTHS=9, INDICATORS_MIN_COUNT=6)
    client.post("/facile-a-lire", {"falc": "on"})
    page = text(client.get(URL))
    assert headings(page, 1) == ["Vos données personnelles"]
    assert "Combien de temps" not in page and "Pendant combien de temps ?" in page
    assert "effacé après 9 mois sans nouvelles de vous." in page
    assert "On écrit « moins de 6 »." in page
    # One idea per line: the lines are kept as written.
    assert "Vous n'avez pas besoin de compte.\nLe portail ne garde ni votre adresse IP, ni l'heure." in page
    assert 'class="prose prose--lines"' in page


def test_every_page_links_to_it_from_the_footer(client):
    footer = text(client.get("/urgence")).split('<footer class="site-footer">')[1]
    assert f'<a href="{URL}">Données personnelles</a>' in footer
