"""What a team counts after a date: a few taps, clear messages, one count per date, and only the
date's team and association enter it (staff read it)."""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal import clock
from portal.database import db
from portal.errors import Refused
from portal.indicators import counts
from portal.indicators.models import OccurrenceCount
from portal.volunteers.models import ACCEPTED, TeamMember
from portal.volunteers.operations import occurrences_of
from tests import factories

COUNT = {"participants": "9", "newcomers": "3", "oriented_care": "1", "oriented_social": "0", "oriented_rights": "2",
         "oriented_other": "0", "pairs_created": "1", "improvement_note": "Prévoir plus de chaises près de la fenêtre."}


@pytest.fixture
def cafe(app, make_association, make_user):
    """A café that took place two days ago, its association's member, a volunteer of its team."""
    association = make_association(name="Lien et Voisinage")
    session = factories.make_public_session(association=association, title="Café du mardi",
                                            day=clock.today() - timedelta(days=2))
    member = make_user(roles=("association",), associations=[association])
    volunteer = make_user(roles=("volunteer",), associations=[association], name="Marie Martin")
    db.session.add(TeamMember(session=session, user=volunteer, role="accueil", status=ACCEPTED))
    db.session.commit()
    return occurrences_of(session)[0], member, volunteer


def url(occurrence):
    return f"/dates/{occurrence.id}/bilan"


def saved():
    return db.session.scalars(sa.select(OccurrenceCount)).all()


def test_the_team_enters_the_count_and_finds_it_again(client, cafe):
    occurrence, _member, volunteer = cafe
    client.login(volunteer)
    assert client.get(url(occurrence)).status_code == 200
    response = client.post(url(occurrence), COUNT)
    assert response.status_code == 302
    [count] = saved()
    assert (count.participants, count.newcomers, count.oriented_rights, count.pairs_created) == (9, 3, 2, 1)
    assert count.improvement_note == COUNT["improvement_note"] and count.recorded_by_id == volunteer.id
    page = client.get(response.location).get_data(as_text=True)
    assert "Bilan enregistré" in page and 'value="9"' in page and "Marie Martin" in page


def test_a_correction_changes_the_same_count_and_who_saved_it(client, cafe):
    occurrence, member, volunteer = cafe
    counts.record(volunteer, occurrence, {name: int(COUNT[name]) for name in counts.NUMBERS})
    client.login(member)
    client.post(url(occurrence), {**COUNT, "participants": "11"})
    [count] = saved()
    assert (count.participants, count.recorded_by_id) == (11, member.id)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("participants", "-2", "ne peut pas être négatif"),
    ("newcomers", "12", "plus de nouvelles personnes (12) que de participants (9)"),
    ("participants", "800", "Plus de 500 ? Vérifiez ce nombre"),
    ("pairs_created", "deux", "Indiquez un nombre entier"),
    ("oriented_care", "", "Indiquez un nombre entier"),
])
def test_a_number_that_cannot_be_right_is_refused_next_to_it(client, cafe, field, value, message):
    occurrence, _member, volunteer = cafe
    client.login(volunteer)
    response = client.post(url(occurrence), {**COUNT, field: value}, htmx=True)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page and f'id="{field}-error"' in page
    assert saved() == []


def test_every_problem_shows_at_once_and_the_rule_refuses_the_first(cafe):
    occurrence, _member, volunteer = cafe
    numbers = {name: 0 for name in counts.NUMBERS} | {"participants": -1, "pairs_created": 501}
    assert set(counts.problems(numbers)) == {"participants", "pairs_created"}
    with pytest.raises(Refused) as refused:
        counts.record(volunteer, occurrence, numbers)
    assert refused.value.field == "participants"
    with pytest.raises(Refused):
        counts.record(volunteer, occurrence, {name: 0 for name in counts.NUMBERS}, note="x" * 2001)


def test_plus_and_minus_change_a_number_without_saving(client, cafe):
    occurrence, _member, volunteer = cafe
    client.login(volunteer)
    page = client.post(url(occurrence), {**COUNT, "adjust": "participants:+1"}).get_data(as_text=True)
    assert 'value="10"' in page and saved() == []
    fragment = client.post(url(occurrence), {**COUNT, "newcomers": "0", "adjust": "newcomers:-1"}, htmx=True)
    assert fragment.status_code == 200 and "<html" not in fragment.get_data(as_text=True)
    assert 'name="newcomers" step="1" type="number" value="0"' in fragment.get_data(as_text=True)
    assert "data-focus-after-swap" in fragment.get_data(as_text=True)
    unknown = client.post(url(occurrence), {**COUNT, "adjust": "participants:+50"}).get_data(as_text=True)
    assert 'value="9"' in unknown and saved() == []


def test_a_date_not_yet_started_cannot_be_counted(client, cafe, make_booking):
    occurrence, member, _volunteer = cafe
    later = make_booking(association=occurrence.booking.association, status="approved",
                         session_id=occurrence.booking.session_id, day=clock.today() + timedelta(days=3))
    coming = later.occurrences[0]
    with pytest.raises(Refused):
        counts.record(member, coming, {name: 1 for name in counts.NUMBERS})
    client.login(member)
    page = client.get(url(coming)).get_data(as_text=True)
    assert "une fois la rencontre commencée" in page and 'name="participants"' not in page
    assert client.post(url(coming), COUNT).status_code == 422
    assert saved() == []


def test_another_association_gets_404_anonymous_must_sign_in_and_staff_only_read(client, cafe, make_user,
                                                                                 make_association):
    occurrence, _member, volunteer = cafe
    counts.record(volunteer, occurrence, {name: int(COUNT[name]) for name in counts.NUMBERS},
                  note=COUNT["improvement_note"])
    response = client.get(url(occurrence))
    assert response.status_code == 302 and response.location.startswith("/connexion")

    stranger = make_user(roles=("association", "volunteer"), associations=[make_association()])
    client.login(stranger)
    assert client.get(url(occurrence)).status_code == 404
    assert client.post(url(occurrence), COUNT).status_code == 404
    client.post("/deconnexion")

    staff = make_user(roles=("staff",))
    client.login(staff)
    page = client.get(url(occurrence)).get_data(as_text=True)
    assert "Prévoir plus de chaises" in page and 'name="participants"' not in page
    assert client.post(url(occurrence), COUNT).status_code == 403
    assert [c.participants for c in saved()] == [9]
