"""Associations: staff create, edit and archive them; members see their own."""
import re
from html import unescape

import pytest
import sqlalchemy as sa

from portal.associations.models import Association
from portal.database import db, utcnow


def text(response):
    return unescape(response.get_data(as_text=True))


def count_associations():
    return db.session.scalar(sa.select(sa.func.count()).select_from(Association))


def error_of(response, field):
    found = re.search(rf'<p class="error" id="{field}-error">(.*?)</p>', text(response), re.S)
    return found and " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())


@pytest.fixture
def staff(client, make_user):
    user = make_user(roles=("staff",))
    client.login(user)
    return user


FORM = {"name": "Lien et Voisinage", "description": "Cafés-échanges dans les quartiers.",
        "email": "contact@lien-voisinage.example", "phone": "02 00 00 00 01"}


def test_staff_create_an_association(client, staff):
    assert client.get("/associations/nouvelle").status_code == 200
    response = client.post("/associations/nouvelle", {**FORM, "email": " Contact@Lien-Voisinage.example "})
    assert response.status_code == 302
    association = db.session.scalar(sa.select(Association))
    assert response.location == f"/associations/{association.id}"
    assert (association.name, association.email, association.phone) == (
        "Lien et Voisinage", "contact@lien-voisinage.example", "02 00 00 00 01")
    page = text(client.get(response.location))
    assert "L'association « Lien et Voisinage » est enregistrée." in page
    assert 'href="tel:0200000001"' in page
    assert "Lien et Voisinage" in text(client.get("/associations"))


def test_only_the_name_is_required(client, staff):
    response = client.post("/associations/nouvelle", {"name": "Réparons Ensemble"})
    assert response.status_code == 302
    association = db.session.scalar(sa.select(Association))
    assert (association.description, association.email, association.phone) == ("", None, None)


@pytest.mark.parametrize("fields, field, message", [
    ({"name": ""}, "name", "Ce champ est obligatoire."),
    ({"email": "pas une adresse"}, "email", "Cette adresse e-mail n'est pas valable."),
    ({"name": "x" * 161}, "name", None),
])
def test_a_wrong_association_form_writes_nothing(client, staff, fields, field, message):
    response = client.post("/associations/nouvelle", {**FORM, **fields})
    assert response.status_code == 422
    assert error_of(response, field)
    if message:
        assert message in error_of(response, field)
    assert count_associations() == 0


def test_a_duplicate_name_is_refused(client, staff, make_association):
    make_association(name="Lien et Voisinage")
    response = client.post("/associations/nouvelle", {**FORM, "name": "  lien et voisinage "})
    assert response.status_code == 422
    assert "Une association porte déjà ce nom." in error_of(response, "name")
    assert "Ajouter une association" in text(response)
    assert count_associations() == 1


def test_staff_edit_an_association(client, staff, make_association):
    association = make_association(name="Lien et Voisinage")
    page = client.get(f"/associations/{association.id}/modifier")
    assert page.status_code == 200
    assert 'value="Lien et Voisinage"' in text(page)
    response = client.post(f"/associations/{association.id}/modifier",
                           {**FORM, "name": "Lien & Voisinage", "phone": ""})
    assert response.status_code == 302
    assert association.name == "Lien & Voisinage"
    assert association.phone is None


def test_keeping_the_same_name_while_editing_is_fine(client, staff, make_association):
    association = make_association(name="Lien et Voisinage")
    response = client.post(f"/associations/{association.id}/modifier", {**FORM, "description": "Autre texte"})
    assert response.status_code == 302
    assert association.description == "Autre texte"


def test_renaming_to_another_associations_name_is_refused(client, staff, make_association):
    make_association(name="Les Mots Partagés")
    association = make_association(name="Lien et Voisinage")
    response = client.post(f"/associations/{association.id}/modifier",
                           {**FORM, "name": "Les mots partagés", "description": "Changé"})
    assert response.status_code == 422
    assert "Une association porte déjà ce nom." in error_of(response, "name")
    assert "Modifier l'association" in text(response)
    assert association.name == "Lien et Voisinage"
    assert association.description == "Des rencontres près de chez vous."


def test_editing_an_unknown_association_is_404(client, staff):
    assert client.get("/associations/999999/modifier").status_code == 404
    assert client.post("/associations/999999/modifier", FORM).status_code == 404
    assert client.post("/associations/999999/archiver").status_code == 404
    assert client.get("/associations/999999").status_code == 404


def test_archiving_and_reactivating(client, staff, make_association, make_user):
    association = make_association(name="Lien et Voisinage")
    member = make_user(roles=("association",), associations=[association])
    response = client.post(f"/associations/{association.id}/archiver")
    assert response.status_code == 302
    assert association.archived_at is not None
    page = text(client.get(response.location))
    assert "L'association « Lien et Voisinage » est archivée." in page
    assert "Cette association est archivée." in page
    assert "Réactiver l'association" in page
    assert "Archivée" in text(client.get("/associations"))
    # Archived: no longer offered when inviting, but members stay attached.
    assert "Lien et Voisinage" not in text(client.get("/personnes/inviter"))
    assert member.associations == [association]

    client.post(f"/associations/{association.id}/archiver")
    assert association.archived_at is None
    assert "L'association « Lien et Voisinage » est de nouveau active." in text(
        client.get(f"/associations/{association.id}"))


def test_archiving_needs_a_post(client, staff, make_association):
    association = make_association()
    assert client.get(f"/associations/{association.id}/archiver").status_code == 405
    assert association.archived_at is None


# --- who sees what --------------------------------------------------------------------------

def test_a_member_sees_their_association(client, make_user, make_association):
    association = make_association(name="Lien et Voisinage", phone="02 00 00 00 01")
    member = make_user(roles=("association",), associations=[association], name="Louis Martin")
    make_user(roles=("volunteer",), associations=[association], name="Inès Moreau")
    client.login(member)
    response = client.get(f"/associations/{association.id}")
    assert response.status_code == 200
    page = text(response)
    assert "Lien et Voisinage" in page
    assert "Louis Martin" in page and "Inès Moreau" in page
    # Members do not get the management buttons.
    assert "Archiver l'association" not in page
    assert f"/associations/{association.id}/modifier" not in page


def test_a_member_cannot_manage_their_association(client, make_user, make_association):
    association = make_association(name="Lien et Voisinage")
    member = make_user(roles=("association",), associations=[association])
    client.login(member)
    assert client.get(f"/associations/{association.id}/modifier").status_code == 403
    edit = f"/associations/{association.id}/modifier"
    assert client.post(edit, {**FORM, "name": "Piraté"}).status_code == 403
    assert client.post(f"/associations/{association.id}/archiver").status_code == 403
    assert client.post("/associations/nouvelle", {**FORM, "name": "Nouvelle"}).status_code == 403
    assert association.name == "Lien et Voisinage" and association.archived_at is None
    assert count_associations() == 1


@pytest.mark.parametrize("role", ["association", "volunteer", "mediator"])
def test_someone_outside_the_association_gets_403(client, make_user, make_association, role):
    theirs = make_association(name="Lien et Voisinage")
    other = make_association(name="Les Mots Partagés")
    client.login(make_user(roles=(role,), associations=[other]))
    response = client.get(f"/associations/{theirs.id}")
    assert response.status_code == 403
    page = text(response)
    assert "Accès réservé" in page
    assert "Lien et Voisinage" not in page


def test_anonymous_visitors_are_asked_to_sign_in(client, make_association):
    association = make_association()
    response = client.get(f"/associations/{association.id}")
    assert response.status_code == 302
    assert response.location == f"/connexion?next=%2Fassociations%2F{association.id}"


@pytest.mark.parametrize("role", ["admin", "staff"])
def test_staff_see_every_association(client, make_user, make_association, role):
    association = make_association(name="Lien et Voisinage")
    client.login(make_user(roles=(role,)))
    page = text(client.get(f"/associations/{association.id}"))
    assert "Archiver l'association" in page


def test_my_associations(client, make_user, make_association):
    first = make_association(name="Lien et Voisinage")
    second = make_association(name="Les Mots Partagés")
    make_association(name="Réparons Ensemble")
    volunteer = make_user(roles=("volunteer",), associations=[first, second])
    client.login(volunteer)
    response = client.get("/mes-associations")
    assert response.status_code == 200
    page = text(response)
    assert page.index("Les Mots Partagés") < page.index("Lien et Voisinage")  # alphabetical
    assert "Réparons Ensemble" not in page
    assert "Mes associations" in page


def test_my_associations_when_i_have_none(client, make_user):
    client.login(make_user(roles=("mediator",)))
    response = client.get("/mes-associations")
    assert response.status_code == 200
    assert "Aucune association pour l'instant." in text(response)


def test_the_staff_list_shows_archived_associations_too(client, staff, make_association):
    make_association(name="Lien et Voisinage")
    make_association(name="Ancienne", archived_at=utcnow())
    page = text(client.get("/associations"))
    assert "Lien et Voisinage" in page and "Ancienne" in page
