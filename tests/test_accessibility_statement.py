"""The accessibility statement (RGAA 4.1 model): its status comes from the latest audit's result
alone, the page says what the audit found in plain words, and the footer of every page states it."""
import json
import os
import re
from datetime import date
from html import unescape

import pytest

from portal import create_app
from portal.accessibility import results, statement
from portal.accessibility.statement import NOT_CONFORMING, PARTIAL, TOTAL, ManualAudit, conformity
from portal.content import easy_read

URL = "/accessibilite"
CONTRAST = {"rule": "color-contrast", "impact": "serious", "help": "Elements must meet minimum color contrast",
            "criteria": ["3.2"], "wcag": ["wcag143"], "pages": ["/lieux [ar]", "/formats [fr]"], "count": 3}
UNKNOWN_RULE = {"rule": "some-new-rule", "impact": "minor", "help": "Something new must be right",
                "criteria": ["8.9"], "wcag": [], "pages": ["/ [fr]"], "count": 1}


def audit(violations=(), criteria=("1.1", "3.2", "8.3", "8.5", "11.1", "12.7"), **changes):
    return {"version": 1, "finished_at": "2026-11-26T05:12:00+00:00", "tool": "axe-core 4.12.1",
            "browser": "Chromium 156.0.8078.73", "tags": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "RGAAv4"],
            "languages": ["fr", "ar"], "roles": ["visitor", "volunteer", "association", "mediator", "staff", "admin"],
            "pages": ["/", "/lieux", "/formats", "/formats/<id>"], "criteria_checked": list(criteria),
            "violations": list(violations), **changes}


@pytest.fixture
def audit_file(app, tmp_path):
    app.config["ACCESSIBILITY_AUDIT_PATH"] = str(tmp_path / "audit" / "accessibility-audit.json")
    return tmp_path / "audit" / "accessibility-audit.json"


def text(response):
    return unescape(response.get_data(as_text=True))


def words(response):
    """What a person reads: the page without its tags, spaces folded."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text(response)))


def footer(page):
    return page.split('<footer class="site-footer">')[1]


# --- the status: one function, one test per branch ------------------------------------------

def test_no_result_is_not_conforming():
    assert conformity(None).state == NOT_CONFORMING


def test_violations_on_half_the_criteria_checked_or_fewer_are_partial_beyond_not_conforming():
    on_one = conformity(audit([CONTRAST], criteria=("1.1", "3.2")))  # 1 of 2 met: 50 %
    assert (on_one.state, on_one.checked, on_one.met, on_one.rate) == (PARTIAL, 2, 1, 50)
    on_two = conformity(audit([CONTRAST, {**CONTRAST, "criteria": ["1.1"]}], criteria=("1.1", "3.2", "8.3")))
    assert (on_two.state, on_two.met) == (NOT_CONFORMING, 1)  # 1 of 3 met: 33 %


def test_a_criterion_named_by_a_violation_counts_as_checked():
    found = conformity(audit([UNKNOWN_RULE], criteria=("1.1",)))
    assert (found.checked, found.met, found.state) == (2, 1, PARTIAL)


def test_no_violation_is_still_only_partial_as_most_criteria_need_a_manual_audit():
    found = conformity(audit())
    assert (found.state, found.checked, found.met, found.rate) == (PARTIAL, 6, 6, 100)


def test_a_full_manual_audit_decides_when_the_automated_tests_found_nothing():
    on = date(2026, 11, 2)
    assert conformity(audit(), ManualAudit(on, "Cabinet Exemple", 100)).state == TOTAL
    assert conformity(audit(), ManualAudit(on, "Cabinet Exemple", 80)).state == PARTIAL
    assert conformity(audit(), ManualAudit(on, "Cabinet Exemple", 40)).state == NOT_CONFORMING


def test_a_manual_audit_does_not_outweigh_what_the_automated_tests_found():
    perfect = ManualAudit(date(2026, 11, 2), "Cabinet Exemple", 100)
    assert conformity(audit([CONTRAST]), perfect).state == PARTIAL
    failing_journey = audit(keyboard={"journeys": ["request a room slot"], "failures": ["request a room slot"]})
    assert conformity(failing_journey, perfect).state == PARTIAL


def test_the_manual_audit_setting_is_read_or_ignored_when_incomplete(app):
    app.config["ACCESSIBILITY_MANUAL_AUDIT"] = {"date": "2026-11-02", "auditor": "Cabinet Exemple", "rate": "87.5"}
    assert statement.manual_audit() == ManualAudit(date(2026, 11, 2), "Cabinet Exemple", 87.5)
    for broken in ({"date": "2026-11-02", "rate": 100}, {"date": "hier", "auditor": "A", "rate": 100},
                   {"date": "2026-11-02", "auditor": "A", "rate": 120}, "100 %"):
        app.config["ACCESSIBILITY_MANUAL_AUDIT"] = broken
        assert statement.manual_audit() is None


# --- the result file -------------------------------------------------------------------------

def test_the_result_is_kept_in_the_instance_folder_unless_configured(tmp_path, monkeypatch):
    monkeypatch.delenv("ACCESSIBILITY_AUDIT_PATH", raising=False)
    app = create_app({"SECRET_KEY": "x"}, instance_path=tmp_path / "instance")
    assert app.config["ACCESSIBILITY_AUDIT_PATH"] == str(tmp_path / "instance" / "accessibility-audit.json")
    monkeypatch.setenv("ACCESSIBILITY_AUDIT_PATH", str(tmp_path / "elsewhere.json"))
    app = create_app({"SECRET_KEY": "x"}, instance_path=tmp_path / "instance")
    assert app.config["ACCESSIBILITY_AUDIT_PATH"] == str(tmp_path / "elsewhere.json")


def test_save_replaces_the_latest_result_whole(audit_file):
    assert results.latest() is None
    results.save(audit())
    assert results.latest() == audit()
    results.save(audit([CONTRAST]))
    assert results.latest()["violations"] == [CONTRAST]
    assert os.listdir(audit_file.parent) == [audit_file.name]  # no draft left behind
    assert audit_file.stat().st_mode & 0o777 == 0o644


def test_save_refuses_what_is_not_a_version_1_result_and_keeps_the_previous_one(audit_file):
    results.save(audit())
    for broken in ({**audit(), "version": 2}, {**audit(), "finished_at": "2026-11-26T05:12:00"},
                   audit([{**CONTRAST, "count": "3"}]), {**audit(), "pages": "/"},
                   audit(keyboard={"journeys": ["x"]})):
        with pytest.raises(ValueError):
            results.save(broken)
    assert results.latest() == audit()


@pytest.mark.parametrize("content", ["{not json", json.dumps({"version": 2}), json.dumps([1, 2]),
                                     json.dumps({**audit(), "violations": [{"rule": "x"}]}), ""])
def test_an_unreadable_result_is_no_result(audit_file, content):
    audit_file.parent.mkdir(parents=True, exist_ok=True)
    audit_file.write_text(content)
    assert results.latest() is None


# --- what a visitor reads ---------------------------------------------------------------------

def test_without_any_audit_the_portal_is_declared_not_conforming(client, audit_file):
    response = client.get(URL)
    assert response.status_code == 200
    page = words(response)
    assert "Le portail Passerelle est non conforme avec le référentiel général d'amélioration de " \
           "l'accessibilité (RGAA), version 4.1." in page
    assert "Aucun audit n'a encore été réalisé" in page
    assert "Accessibilité : non conforme" in footer(text(response))


def test_a_corrupt_result_gives_the_no_audit_page_not_an_error(client, audit_file):
    audit_file.parent.mkdir(parents=True)
    audit_file.write_text('{"version": 1, "finished_at": ')
    response = client.get(URL)
    assert response.status_code == 200
    page = words(response)
    assert "est non conforme avec" in page and "Aucun audit n'a encore été réalisé" in page


def test_violations_are_listed_in_plain_words_with_their_criteria_and_pages(client, audit_file):
    results.save(audit([UNKNOWN_RULE, CONTRAST]))
    response = client.get(URL)
    page, html = words(response), text(response)
    assert "Le portail Passerelle est partiellement conforme avec" in page
    assert "Critères vérifiés automatiquement : 7 sur 106. Critères respectés parmi eux : 5, soit un taux de " \
           "71 %." in page
    table = html.split("<caption>Problèmes trouvés par le dernier audit automatique</caption>")[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.DOTALL)
    # The most serious first; a rule the portal cannot name yet keeps axe's words, marked English.
    assert "Des textes ne ressortent pas assez sur leur fond (contraste trop faible)." in rows[0]
    assert re.search(r"<td>grave</td>\s*<td>3\.2</td>", rows[0])
    assert '<code dir="ltr">/lieux [ar]</code>' in rows[0] and '<code dir="ltr">/formats [fr]</code>' in rows[0]
    assert '<th scope="row" lang="en">Something new must be right</th>' in rows[1] and "8.9" in rows[1]
    assert 'Accessibilité : partiellement conforme' in footer(html)


def test_violations_on_most_criteria_make_the_portal_not_conforming(client, audit_file):
    results.save(audit([{**CONTRAST, "criteria": ["1.1", "3.2", "8.3", "8.5"]}]))
    page = words(client.get(URL))
    assert "Le portail Passerelle est non conforme avec" in page and "soit un taux de 33 %" in page


def test_a_clean_audit_is_partial_and_says_what_is_left_to_check(client, audit_file):
    results.save(audit())
    page = words(client.get(URL))
    assert "Le portail Passerelle est partiellement conforme avec" in page
    assert "Critères vérifiés automatiquement : 6 sur 106." in page
    assert "n'ont pas encore été vérifiés par un audit manuel complet" in page
    assert "Les tests automatiques n'ont trouvé aucune non-conformité." in page


def test_a_full_manual_audit_at_100_percent_makes_it_fully_conforming(client, app, audit_file):
    results.save(audit())
    app.config["ACCESSIBILITY_MANUAL_AUDIT"] = {"date": "2026-11-02", "auditor": "Cabinet Exemple", "rate": 100}
    response = client.get(URL)
    page = words(response)
    assert "Le portail Passerelle est totalement conforme avec" in page
    assert "Un audit manuel complet, réalisé le 2 novembre 2026 par Cabinet Exemple, a trouvé 100 % des " \
           "critères respectés." in page
    assert "Accessibilité : totalement conforme" in footer(text(response))


def test_the_footer_of_every_page_states_the_status_as_it_changes(client, audit_file):
    assert "Accessibilité : non conforme" in footer(text(client.get("/")))
    results.save(audit())
    home = footer(text(client.get("/")))
    assert f'<a href="{URL}">Accessibilité : partiellement conforme</a>' in home


def test_the_test_results_are_a_table_with_named_rows(client, audit_file):
    results.save(audit([CONTRAST], keyboard={"journeys": ["request a room slot", "sign up"], "failures": []}))
    response = client.get(URL)
    html = text(response)
    table = html.split("<caption>Le dernier audit automatique</caption>")[1].split("</table>")[0]
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th>\s*<td>(.*?)</td>', table, re.DOTALL))
    assert rows["Date"] == "26 novembre 2026"
    assert rows["Outil"] == "axe-core 4.12.1" and rows["Navigateur"] == "Chromium 156.0.8078.73"
    assert rows["Types de pages vérifiés"] == "4"
    assert rows["Rôles (comptes) utilisés"].startswith("6 : Personne sans compte, Bénévole, Membre d'association")
    assert rows["Langues"] == "2 : français, arabe"
    assert rows["Critères RGAA vérifiés automatiquement"] == "6 sur 106"
    assert rows["Taux de conformité des critères vérifiés"] == "83\xa0%"  # as French writes it
    assert rows["Parcours faits au clavier seulement"] == "2, dont 0 en échec"
    # The kinds of pages checked, addresses written left to right in any language.
    assert '<code dir="ltr">/formats/&lt;id&gt;</code>' in response.get_data(as_text=True)


def test_the_statement_is_built_of_the_rgaa_model_sections(client, app, audit_file):
    app.config.update(ACCESSIBILITY_DEROGATIONS=["Les plans des lieux en PDF, remplacés par l'adresse écrite."],
                      ACCESSIBILITY_CONTACT_EMAIL="accessibilite@mairie.example")
    results.save(audit())
    response = client.get(URL)
    html, page = text(response), words(response)
    assert re.findall(r"<h1[^>]*>([^<]+)</h1>", html) == ["Déclaration d'accessibilité"]
    assert [h for h in re.findall(r"<h2[^>]*>([^<]+)</h2>", html) if h != "Sur cette page"] == [
        "État de conformité", "Résultats des tests", "Contenus non accessibles", "Établissement de cette déclaration",
        "Retour d'information et contact", "Voies de recours"]
    assert "Les plans des lieux en PDF, remplacés par l'adresse écrite." in page
    assert "Les documents envoyés par les associations" in page
    assert "Cette déclaration a été établie le 26 novembre 2026" in page
    assert "HTML5" in page and "JavaScript (htmx)" in page and "Lighthouse" in page
    assert '<a href="mailto:accessibilite@mairie.example">' in html
    assert 'href="https://formulaire.defenseurdesdroits.fr/"' in html
    assert 'href="https://www.defenseurdesdroits.fr/saisir/delegues"' in html
    assert "09 69 39 00 00" in page and "Libre réponse 71120, 75342 Paris CEDEX 07" in page


def test_settings_left_empty_fall_back_to_the_privacy_contact_and_say_none(client, app, audit_file):
    app.config.update(ACCESSIBILITY_EXEMPT_CONTENTS=[])
    response = client.get(URL)
    page = words(response)
    assert f'<a href="mailto:{app.config["MAIL_FROM"]}">' in text(response)
    derogations = page.split("Dérogations pour charge disproportionnée")[1]
    assert derogations.startswith(" Aucune.") and "Contenus non soumis à l'obligation d'accessibilité Aucun." in page


def test_easy_to_read_summary_in_short_sentences_without_abbreviations(client, audit_file):
    results.save(audit([CONTRAST]))
    assert "En bref" not in words(client.get(URL))
    client.post("/facile-a-lire", {"falc": "on"})
    response = client.get(URL)
    summary = text(response).split('id="accessibility-summary"')[1].split("</section>")[0]
    lines = [unescape(line) for line in re.findall(r"<p>([^<]+)</p>", summary)]
    assert "Un ordinateur a vérifié le portail le 26 novembre 2026." in lines
    assert "Il a trouvé des problèmes." in lines
    for line in lines:
        hints = [h for h in easy_read.check(line, "fr") if h.kind in (easy_read.LONG_SENTENCE, easy_read.ABBREVIATION)]
        assert not hints, (line, hints)


@pytest.mark.parametrize("result, expected", [
    (None, "Personne n'a encore vérifié le portail."),
    (audit(), "Le portail est facile à utiliser en partie seulement."),
    (audit([{**CONTRAST, "criteria": ["1.1", "3.2", "8.3", "8.5"]}]),
     "Le portail n'est pas encore facile à utiliser pour tout le monde."),
])
def test_the_easy_to_read_summary_follows_the_status(app, audit_file, result, expected):
    if result is not None:
        results.save(result)
    summary = statement.build().summary
    assert expected in summary
    assert all(len(line.split()) < 15 for line in summary)


def test_the_page_is_translated(client, audit_file):
    results.save(audit([CONTRAST]))
    client.post("/langue", {"locale": "en"})
    response = client.get(URL)
    page = words(response)
    assert "<h1>Accessibility statement</h1>" in text(response)
    assert "The Passerelle portal is partially compliant with" in page
    assert "Some texts do not stand out enough from their background (contrast too low)." in page
    assert "November 26, 2026" in page and "French, Arabic" in page
    assert "Accessibility: partially compliant" in footer(text(response))


def test_the_page_reads_right_to_left_in_arabic(client, app, audit_file):
    if "ar" not in app.config["PORTAL_LOCALES"]:
        pytest.skip("Arabic is not offered")
    results.save(audit([CONTRAST]))
    client.post("/langue", {"locale": "ar"})
    html = text(client.get(URL))
    assert '<html lang="ar" dir="rtl">' in html
    assert '<code dir="ltr">/lieux [ar]</code>' in html and '<span dir="ltr">09 69 39 00 00</span>' in html
