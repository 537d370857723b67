"""The association space (/mon-association/seances): each session's team gaps and how ready its
next dates are, for the association's own sessions (staff: every association's)."""
from datetime import timedelta
from html import unescape

import pytest

from portal import clock
from portal.volunteers import operations

SPACE = "/mon-association/seances"


@pytest.fixture
def cafe(make_association, make_format, make_session, make_booking, make_user):
    """A weekly café with six approved coming dates; Marie welcomes people on every date and
    Paul is the referent of the first one only."""
    association = make_association(name="Lien et Voisinage")
    session = make_session(association=association, fmt=make_format(roles=("accueil",)), title="Café du mardi")
    dates = make_booking(association=association, status="approved", frequency="weekly", count=6,
                         session_id=session.id).occurrences
    member = make_user(roles=("association",), associations=[association])
    marie = make_user(roles=("volunteer",), associations=[association], name="Marie Martin")
    paul = make_user(roles=("volunteer",), associations=[association], name="Paul Durand")
    operations.answer(marie, operations.invite(member, session, marie, "accueil"), accept=True)
    operations.answer(paul, operations.invite(member, session, paul, "referent", dates[0]), accept=True)
    return session, dates, member


def page(client):
    """The page's text and markup, each run of white space made one space."""
    response = client.get(SPACE)
    assert response.status_code == 200
    return " ".join(unescape(response.get_data(as_text=True)).split())


def when(app, occurrence):
    with app.test_request_context():
        from portal.i18n import local_datetime
        return str(local_datetime(occurrence.starts_at))


def test_each_session_shows_its_missing_referents_and_the_readiness_of_its_next_dates(app, client, cafe):
    session, dates, member = cafe
    client.login(member)
    body = page(client)
    # Gaps: the first date has its referent, the next ones do not (the first few are listed).
    assert f"Le {when(app, dates[0])} :" not in body
    assert [f"Le {when(app, d)} : Personne référente <strong>(pas de référent)</strong>" in body
            for d in dates[1:]] == [True] * 4 + [False]
    assert "Voir toutes les dates à compléter (5)" in body
    # Readiness, in words, of the next four dates only.
    assert [f"<strong>{when(app, d)}</strong>" in body for d in dates] == [True] * 4 + [False] * 2
    assert body.count("Référent confirmé : oui") == 1 and body.count("Référent confirmé : non") == 3
    assert body.count("Salle approuvée : oui") == 4 and "Kit imprimé : non" in body
    assert f'href="/seances/{session.id}/equipe?toutes=1#readiness-title"' in body
    assert "Voir toutes les dates (6)" in body
    assert f'href="/seances/{session.id}/equipe"' in body
    assert "Liste à cocher" not in body  # ticked on the team page


def test_another_association_s_sessions_and_teams_are_never_shown_and_staff_see_all(client, cafe, make_user,
                                                                                      make_association):
    session, _dates, member = cafe
    other = make_association(name="Les Mots Partagés")
    client.login(make_user(roles=("association",), associations=[other]))
    body = page(client)
    assert "Café du mardi" not in body and f"/seances/{session.id}/equipe" not in body
    assert "pas de référent" not in body and "Référent confirmé" not in body
    client.post("/deconnexion")
    client.login(make_user(roles=("staff",)))
    body = page(client)
    assert "Café du mardi" in body and "pas de référent" in body and "Référent confirmé : oui" in body


def test_a_session_without_coming_dates_shows_no_empty_team_lists(client, cafe, make_session):
    _session, _dates, member = cafe
    make_session(association=member.associations[0], title="Club lecture")
    client.login(member)
    body = page(client)
    assert body.count("Rôles à pourvoir") == 1 and body.count("tout est-il prêt ?") == 1


def test_the_queries_do_not_grow_with_the_number_of_dates(client, cafe, make_booking, counted_queries):
    session, _dates, member = cafe
    client.login(member)
    page(client)
    with counted_queries() as statements:
        page(client)
    before = len(statements)
    make_booking(association=session.association, status="approved", frequency="weekly", count=10,
                 session_id=session.id, day=clock.today() + timedelta(days=60))
    with counted_queries() as statements:
        page(client)
    assert len(statements) == before
