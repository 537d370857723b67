"""Staff manage people: list and search, invite, change roles, deactivate, delete."""
import re
from html import unescape

import pytest
import sqlalchemy as sa
from flask import template_rendered

from portal.associations.models import Membership
from portal.auth.models import AccountToken, RoleGrant, User
from portal.database import db, utcnow
from tests.conftest import Client
from tests.factories import PASSWORD


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def text(response):
    return unescape(response.get_data(as_text=True))


def error_of(response, field):
    """The message shown next to ``field``."""
    found = re.search(rf'<p class="error" id="{field}-error">(.*?)</p>', text(response), re.S)
    return found and " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())


@pytest.fixture
def staff(client, make_user):
    user = make_user(roles=("staff",), name="Nadia Benali")
    client.login(user)
    return user


@pytest.fixture
def admin(client, make_user):
    user = make_user(roles=("admin",), name="Camille Admin")
    client.login(user)
    return user


# --- list and search ------------------------------------------------------------------------

def test_staff_see_everyone(client, staff, make_user):
    make_user(name="Awa Diallo", email="awa@passerelle.example")
    make_user(name="Bruno Petit", roles=("mediator",), password=None)
    response = client.get("/personnes")
    assert response.status_code == 200
    page = text(response)
    assert "<html" in page
    assert "Awa Diallo" in page and "awa@passerelle.example" in page
    assert "Bruno Petit" in page and "Invitation en attente" in page
    assert "3 personnes" in page
    assert "HX-Request" in response.headers["Vary"]


def test_searching_by_name_or_email(client, staff, make_user):
    make_user(name="Awa Diallo", email="awa@passerelle.example")
    make_user(name="Bruno Petit", email="bruno@passerelle.example")
    by_name = text(client.get("/personnes?q=diallo"))
    assert "Awa Diallo" in by_name and "Bruno Petit" not in by_name
    by_email = text(client.get("/personnes?q=BRUNO@"))
    assert "Bruno Petit" in by_email and "Awa Diallo" not in by_email
    assert "1 personne" in by_email


def test_filtering_by_role(client, staff, make_user):
    make_user(name="Awa Diallo", roles=("mediator",))
    make_user(name="Bruno Petit", roles=("volunteer",))
    page = text(client.get("/personnes?role=mediator"))
    assert "Awa Diallo" in page and "Bruno Petit" not in page
    # An unknown role is ignored rather than hiding everyone.
    assert "Bruno Petit" in text(client.get("/personnes?role=nimporte"))


def test_search_wildcards_are_taken_literally(client, staff, make_user):
    make_user(name="Awa Diallo")
    assert "Awa Diallo" not in text(client.get("/personnes?q=%25"))
    assert "Awa Diallo" not in text(client.get("/personnes?q=_"))


def test_htmx_search_returns_only_the_results(app, client, staff, make_user):
    make_user(name="Awa Diallo")
    make_user(name="Bruno Petit")
    rendered = []

    def record(sender, template, context, **extra):
        rendered.append(template.name)

    with template_rendered.connected_to(record, app):
        response = client.get("/personnes?q=awa", htmx=True)
    assert rendered == ["auth/_people_results.html"]
    assert response.status_code == 200
    fragment = text(response)
    assert "<html" not in fragment and "<nav" not in fragment
    assert "Awa Diallo" in fragment and "Bruno Petit" not in fragment
    assert "<table>" in fragment
    assert "HX-Request" in response.headers["Vary"]


def test_an_htmx_history_restore_gets_the_whole_page(client, staff):
    response = client.get("/personnes?q=awa", htmx=True, headers={"HX-History-Restore-Request": "true"})
    assert "<html" in response.get_data(as_text=True)


def test_a_person_page(client, staff, make_user, make_association):
    association = make_association(name="Lien et Voisinage")
    person = make_user(name="Awa Diallo", roles=("association",), associations=[association])
    response = client.get(f"/personnes/{person.id}")
    assert response.status_code == 200
    page = text(response)
    assert "Awa Diallo" in page
    assert re.search(r'<input(?=[^>]*\bchecked)[^>]*value="association"', page)
    assert client.get("/personnes/999999").status_code == 404


# --- invitations ----------------------------------------------------------------------------

def invite(client, **fields):
    data = {"email": "nouvelle@passerelle.example", "name": "Awa Diallo", "locale": "",
            "roles": ["volunteer"]}
    data.update(fields)
    return client.post("/personnes/inviter", data)


def test_the_invitation_form(client, staff, make_association):
    make_association(name="Lien et Voisinage")
    make_association(name="Ancienne association", archived_at=utcnow())
    page = text(client.get("/personnes/inviter"))
    assert "Lien et Voisinage" in page
    assert "Ancienne association" not in page


def test_inviting_a_member_of_an_association(client, staff, make_association, outbox):
    association = make_association(name="Lien et Voisinage")
    response = invite(client, roles=["association", "volunteer"], associations=[str(association.id)],
                      email=" Nouvelle@Passerelle.example ")
    assert response.status_code == 302
    person = db.session.scalar(sa.select(User).where(User.email == "nouvelle@passerelle.example"))
    assert person.roles == {"association", "volunteer"}
    assert [a.name for a in person.associations] == ["Lien et Voisinage"]
    assert "Invitation envoyée à nouvelle@passerelle.example." in text(client.get(response.location))
    assert len(outbox()) == 1


def test_an_invitation_the_mail_server_refused_keeps_the_account_and_says_to_resend(client, staff,
                                                                                    mail_server_down):
    response = invite(client)
    assert response.status_code == 302
    page = text(client.get(response.location))
    assert "l'e-mail d'invitation n'a pas pu partir" in page and "Invitation envoyée" not in page
    person = db.session.scalar(sa.select(User).where(User.email == "nouvelle@passerelle.example"))
    response = client.post(f"/personnes/{person.id}/invitation", {}, follow_redirects=True)
    assert "L'e-mail d'invitation à nouvelle@passerelle.example n'a pas pu partir." in text(response)


@pytest.mark.parametrize("fields, field, message", [
    ({"email": "pas une adresse"}, "email", "Cette adresse e-mail n'est pas valable."),
    ({"email": ""}, "email", "Ce champ est obligatoire."),
    ({"name": ""}, "name", "Ce champ est obligatoire."),
    ({"roles": []}, "roles", "Choisissez au moins un rôle."),
    ({"roles": ["nimporte"]}, "roles", None),
    ({"roles": ["association"]}, "associations",
     "Un membre d'association doit appartenir à au moins une association."),
    ({"roles": ["admin"]}, "roles", "Seule l'administration du portail peut donner"),
    ({"roles": ["staff"]}, "roles", "Seule l'administration du portail peut donner"),
    ({"locale": "xx"}, "locale", None),
])
def test_a_wrong_invitation_writes_nothing(client, staff, outbox, fields, field, message):
    before = count(User), count(RoleGrant), count(Membership), count(AccountToken)
    response = invite(client, **fields)
    assert response.status_code == 422
    shown = error_of(response, field)
    assert shown, f"no message next to {field}"
    if message:
        assert message in shown
    assert "Le formulaire n'a pas été enregistré." in text(response)
    assert (count(User), count(RoleGrant), count(Membership), count(AccountToken)) == before
    assert outbox() == []


def test_an_email_already_used_is_refused(client, staff, make_user, outbox):
    make_user(email="nouvelle@passerelle.example", name="Déjà là")
    before = count(User), count(AccountToken)
    response = invite(client, email="NOUVELLE@passerelle.example")
    assert response.status_code == 422
    assert "Une personne a déjà un compte avec cette adresse." in error_of(response, "email")
    assert (count(User), count(AccountToken)) == before
    assert outbox() == []


def test_an_archived_association_cannot_be_chosen(client, staff, make_association):
    archived = make_association(archived_at=utcnow())
    response = invite(client, roles=["association"], associations=[str(archived.id)])
    assert response.status_code == 422
    assert count(User) == 1


def test_an_admin_may_invite_staff(client, admin, outbox):
    response = invite(client, roles=["staff"])
    assert response.status_code == 302
    person = db.session.scalar(sa.select(User).where(User.email == "nouvelle@passerelle.example"))
    assert person.roles == {"staff"}


def test_an_htmx_invitation_with_errors_answers_422_with_the_messages(client, staff):
    # htmx is configured to swap 422 answers, so the messages reach the page.
    response = client.post("/personnes/inviter", {"email": "pas une adresse", "name": "Awa", "locale": "",
                                                  "roles": ["volunteer"]}, htmx=True)
    assert response.status_code == 422
    assert "Cette adresse e-mail n'est pas valable." in error_of(response, "email")
    assert count(User) == 1


# --- changing a person ----------------------------------------------------------------------

def person_form(person, **fields):
    data = {"name": person.name, "roles": sorted(person.roles),
            "associations": [str(a.id) for a in person.associations], "active": "y"}
    data.update(fields)
    return data


def test_staff_change_roles_and_associations(client, staff, make_user, make_association):
    first = make_association(name="Lien et Voisinage")
    second = make_association(name="Les Mots Partagés")
    person = make_user(roles=("volunteer",), associations=[first])
    response = client.post(f"/personnes/{person.id}", person_form(
        person, name="Awa Diallo", roles=["association", "mediator"], associations=[str(second.id)]))
    assert response.status_code == 302
    assert person.name == "Awa Diallo"
    assert person.roles == {"association", "mediator"}
    assert [a.name for a in person.associations] == ["Les Mots Partagés"]


def test_saving_without_changes_keeps_everything(client, staff, make_user, make_association):
    association = make_association()
    person = make_user(roles=("association", "volunteer"), associations=[association])
    assert client.post(f"/personnes/{person.id}", person_form(person)).status_code == 302
    assert person.roles == {"association", "volunteer"}
    assert person.associations == [association]


def test_staff_cannot_grant_admin_or_staff(client, staff, make_user):
    person = make_user(roles=("volunteer",), name="Awa")
    for role in ("admin", "staff"):
        response = client.post(f"/personnes/{person.id}", person_form(person, roles=["volunteer", role],
                                                                       name="Autre nom"))
        assert response.status_code == 422
        assert "Seule l'administration du portail peut donner" in error_of(response, "roles")
        assert person.roles == {"volunteer"}
        assert person.name == "Awa"


@pytest.mark.parametrize("role", ["admin", "staff"])
def test_staff_cannot_change_an_admin_or_staff_account(client, staff, make_user, role):
    other = make_user(roles=(role,), name="Camille")
    response = client.post(f"/personnes/{other.id}", person_form(other, name="Piraté", active=""))
    assert response.status_code == 422
    assert "Seule l'administration du portail peut modifier ce compte." in text(response)
    assert other.name == "Camille"
    assert other.active


def test_an_admin_may_grant_staff(client, admin, make_user):
    person = make_user(roles=("volunteer",))
    response = client.post(f"/personnes/{person.id}", person_form(person, roles=["staff", "volunteer"]))
    assert response.status_code == 302
    assert person.roles == {"staff", "volunteer"}


def test_an_admin_may_change_another_admin(client, admin, make_user):
    other = make_user(roles=("admin",), name="Camille")
    response = client.post(f"/personnes/{other.id}", person_form(other, name="Camille Martin"))
    assert response.status_code == 302
    assert other.name == "Camille Martin"


def test_nobody_can_deactivate_their_own_account(client, admin):
    response = client.post(f"/personnes/{admin.id}", person_form(admin, active=""))
    assert response.status_code == 422
    assert "Vous ne pouvez pas désactiver votre propre compte." in error_of(response, "active")
    assert admin.active


def test_a_person_form_with_errors_writes_nothing(client, staff, make_user):
    person = make_user(roles=("volunteer",), name="Awa")
    response = client.post(f"/personnes/{person.id}", person_form(person, name="", roles=["mediator"]))
    assert response.status_code == 422
    assert error_of(response, "name") == "Erreur : Ce champ est obligatoire."
    assert person.roles == {"volunteer"} and person.name == "Awa"


def test_a_deactivated_person_can_no_longer_sign_in(client, staff, make_user):
    person = make_user(roles=("volunteer",))
    their_browser = Client(client.raw.application.test_client())
    their_browser.login(person)
    response = client.post(f"/personnes/{person.id}", person_form(person, active=""))
    assert response.status_code == 302
    assert not person.active
    assert "Désactivé" in text(client.get("/personnes"))
    # Signed out at once, and the right password no longer opens the account.
    assert their_browser.get("/compte").status_code == 302
    refused = their_browser.post("/connexion", {"email": person.email, "password": PASSWORD})
    assert refused.status_code == 422
    # Reactivated, they can sign in again.
    client.post(f"/personnes/{person.id}", person_form(person, active="y"))
    assert their_browser.post("/connexion", {"email": person.email, "password": PASSWORD}).status_code == 302


# --- deleting a person ----------------------------------------------------------------------

def test_deleting_a_person_erases_their_account_and_memberships(client, staff, make_user, make_association):
    association = make_association()
    person = make_user(roles=("association",), associations=[association], name="Awa Diallo")
    person_id = person.id
    response = client.post(f"/personnes/{person_id}/supprimer")
    assert response.status_code == 302
    assert response.location == "/personnes"
    page = text(client.get("/personnes"))
    assert "Le compte de Awa Diallo et ses données personnelles sont supprimés." in page
    assert db.session.get(User, person_id) is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Membership)
                             .where(Membership.user_id == person_id)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(RoleGrant)
                             .where(RoleGrant.user_id == person_id)) == 0
    # The association itself stays.
    assert db.session.get(type(association), association.id) is not None


def test_deleting_a_person_with_a_pending_invitation(client, staff, outbox):
    invite(client)
    person = db.session.scalar(sa.select(User).where(User.email == "nouvelle@passerelle.example"))
    assert client.post(f"/personnes/{person.id}/supprimer").status_code == 302
    assert count(AccountToken) == 0


def test_nobody_can_delete_themselves(client, admin):
    response = client.post(f"/personnes/{admin.id}/supprimer")
    assert response.status_code == 422
    assert "Vous ne pouvez pas supprimer votre propre compte ici." in text(response)
    assert db.session.get(User, admin.id) is not None


def test_staff_cannot_delete_an_admin(client, staff, make_user):
    other = make_user(roles=("admin",))
    response = client.post(f"/personnes/{other.id}/supprimer")
    assert response.status_code == 422
    assert db.session.get(User, other.id) is not None


def test_deleting_someone_who_does_not_exist_is_404(client, staff):
    assert client.post("/personnes/999999/supprimer").status_code == 404


@pytest.mark.parametrize("role", ["association", "volunteer", "mediator"])
def test_other_roles_cannot_manage_people(client, make_user, role):
    member = make_user(roles=(role,))
    victim = make_user(roles=("volunteer",), name="Awa")
    client.login(member)
    assert client.get(f"/personnes/{victim.id}").status_code == 403
    assert client.post(f"/personnes/{victim.id}", person_form(victim, name="Piraté")).status_code == 403
    assert client.post(f"/personnes/{victim.id}/supprimer").status_code == 403
    assert client.post("/personnes/inviter", {"email": "x@passerelle.example", "name": "X",
                                              "roles": ["volunteer"], "locale": ""}).status_code == 403
    assert victim.name == "Awa"
    assert count(User) == 2
