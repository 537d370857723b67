"""CSRF on every state change, security headers, cookies."""
import json
import re
from html import unescape

import pytest
import sqlalchemy as sa

from portal import clock
from portal.auth import operations
from portal.auth.models import AccountToken
from portal.database import db
from portal.volunteers.models import TeamMember, TeamNotice
from tests import factories
from tests.conftest import Client
from tests.factories import PASSWORD

NEW_PASSWORD = "une toute nouvelle phrase"


def snapshot():
    """Every row of every table, to prove that nothing was written."""
    return {table.name: db.session.execute(sa.select(table).order_by(*table.primary_key.columns)).all()
            for table in db.metadata.sorted_tables}


@pytest.fixture
def world(app, make_user, make_association, make_room, make_booking):
    """One of everything a POST route may need, and a valid form for each route."""
    association = make_association(name="Lien et Voisinage")
    room = make_room()
    booking = make_booking(room=room, association=association)
    occurrence = booking.occurrences[0]
    day = clock.local(occurrence.starts_at).date().isoformat()
    admin = make_user(roles=("admin",), name="Camille Admin")
    person = make_user(roles=("association",), associations=[association], name="Awa Diallo")
    invited = make_user(roles=("volunteer",), password=None, name="Bruno Petit")
    with app.test_request_context():
        invitation = operations.issue_token(invited, AccountToken.INVITATION)
        reset = operations.issue_token(person, AccountToken.PASSWORD_RESET)
    db.session.commit()
    resource, help_line = factories.make_resource(reviewed_months_ago=13), factories.make_help_number()
    fmt = factories.make_format()
    open_session = factories.make_public_session(admission="sign_up")
    with app.test_request_context():
        from portal.sessions import public
        _participant, place_token = public.sign_up(open_session, public.upcoming_dates(open_session)[0].id, "Mina")
    team_session = factories.make_session(association=association, fmt=fmt)
    booking.session_id = team_session.id
    helper = make_user(roles=("volunteer",), associations=[association], name="Inès Moreau")
    team_member = TeamMember(session=team_session, user=helper, role="referent", status="accepted")
    notice = TeamNotice(user_id=helper.id, change="cancelled", title="Café", starts_at=occurrence.starts_at)
    db.session.add_all([team_member, notice])
    db.session.commit()
    neighbourhood = factories.make_neighbourhood()
    spare_neighbourhood = factories.make_neighbourhood()
    waiting, waiting_token = factories.make_buddy(neighbourhood=neighbourhood)
    to_confirm, to_confirm_token = factories.make_buddy(neighbourhood=neighbourhood, status="to_confirm",
                                                        consents=False)
    paused, paused_token = factories.make_buddy(neighbourhood=neighbourhood, status="paused")
    proposed, proposed_token = factories.make_buddy(neighbourhood=neighbourhood)
    partner, _partner_token = factories.make_buddy(neighbourhood=neighbourhood)
    mediator = make_user(roles=("mediator",))
    with app.test_request_context():
        from portal.binomes import pairs
        proposal = pairs.propose(mediator, proposed, partner, "")
        paired, paired_token = factories.make_buddy(neighbourhood=neighbourhood)
        buddy, buddy_token = factories.make_buddy(neighbourhood=neighbourhood)
        active = pairs.propose(mediator, paired, buddy, "")
        pairs.answer(paired, active, True)
        pairs.answer(buddy, active, True)
    with app.test_request_context():
        from portal.indicators import follow_up, questionnaire
        asked_date = public.upcoming_dates(open_session)[0]
        left_contact = follow_up.leave(asked_date, "06 12 34 56 78", now=asked_date.starts_at)
        questionnaire_address = {"occurrence_id": asked_date.id, "code": questionnaire.code_of(asked_date.id)}
    answer = factories.make_answer(asked_date, helped="Le café")
    buddy_form = {"first_name": "Noé", "neighbourhood": str(neighbourhood.id), "activities": "marche",
                  "slots": "1-0", "languages": "fr", "pace": "any"}
    # endpoint -> (URL values, a form that would change something if the token were not checked)
    forms = {
        "auth.login": ({}, {"email": person.email, "password": PASSWORD}),
        "auth.logout": ({}, {}),
        "auth.forgotten_password": ({}, {"email": person.email}),
        "auth.reset_password": ({"token": reset}, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}),
        "auth.accept_invitation": ({"token": invitation}, {"name": "Bruno", "locale": "en",
                                                           "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}),
        "auth.account": ({}, {"name": "Autre nom", "locale": "en"}),
        "auth.change_password": ({}, {"pw-current_password": PASSWORD, "pw-password": NEW_PASSWORD,
                                      "pw-confirm": NEW_PASSWORD}),
        "auth.invite_person": ({}, {"email": "nouvelle@passerelle.example", "name": "Nouvelle",
                                    "roles": ["volunteer"], "locale": ""}),
        "auth.update_person": ({"user_id": person.id}, {"name": "Autre nom", "roles": ["mediator"]}),
        "auth.resend_invitation": ({"user_id": invited.id}, {}),
        "auth.delete_person": ({"user_id": person.id}, {}),
        "associations.create": ({}, {"name": "Nouvelle association"}),
        "associations.edit": ({"association_id": association.id}, {"name": "Autre nom"}),
        "associations.archive": ({"association_id": association.id}, {}),
        "core.set_language": ({}, {"locale": "en"}),
        "core.toggle_easy_read": ({}, {"falc": "on"}),
        "content.easy_read": ({}, {"field": "text", "text": "Le CCAS vous aide."}),
        "rooms.new_booking": ({}, {"association": association.id, "room": room.id, "date": day, "start": "10:00",
                                   "end": "11:00", "purpose": "Café", "expected_attendance": "5",
                                   "frequency": "once"}),
        "rooms.decide": ({"booking_id": booking.id}, {"decision": "approve", "occurrences": str(occurrence.id)}),
        "rooms.propose": ({"occurrence_id": occurrence.id}, {"date": day, "start": "10:00", "end": "11:00"}),
        "rooms.answer_proposal": ({"occurrence_id": occurrence.id}, {"answer": "accept"}),
        "rooms.cancel_occurrence": ({"occurrence_id": occurrence.id}, {"and_following": "y"}),
        "rooms.request_again": ({"occurrence_id": occurrence.id}, {}),
        "rooms.edit_booking": ({"booking_id": booking.id}, {"purpose": "Autre", "expected_attendance": "5",
                                                            "start": "10:00", "end": "11:00"}),
        "rooms.closures": ({}, {"target": f"room:{room.id}", "start_date": day, "end_date": day,
                                "reason": "Travaux", "confirm": "y"}),
        "rooms.renew_room_feed": ({"room_id": room.id}, {}),
        "rooms.renew_association_feed": ({"association_id": association.id}, {}),
        "rooms.new_place": ({}, {"name": "Nouveau lieu", "kind": "mairie", "address": "1 rue Neuve"}),
        "rooms.edit_place": ({"place_id": room.place_id}, {"name": "Autre lieu", "kind": "mairie",
                                                          "address": "2 rue Neuve"}),
        "rooms.archive_place": ({"place_id": room.place_id}, {}),
        "rooms.unarchive_place": ({"place_id": room.place_id}, {}),
        "rooms.new_room": ({"place_id": room.place_id}, {"name": "Nouvelle salle", "capacity": "10"}),
        "rooms.edit_room": ({"room_id": room.id}, {"name": "Autre salle", "capacity": "10"}),
        "rooms.archive_room": ({"room_id": room.id}, {}),
        "rooms.unarchive_room": ({"room_id": room.id}, {}),
        "rooms.delete_room": ({"room_id": room.id}, {}),
        "resources.new_resource": ({}, {"name": "Nouvelle ressource", "kind": "ccas", "phone": "02 00 00 00 00"}),
        "resources.edit_resource": ({"resource_id": resource.id}, {"name": "Autre nom", "kind": "cmp",
                                                                   "phone": "02 00 00 00 00"}),
        "resources.mark_reviewed": ({"resource_id": resource.id}, {}),
        "resources.archive_resource": ({"resource_id": resource.id}, {}),
        "resources.unarchive_resource": ({"resource_id": resource.id}, {}),
        "resources.new_help_number": ({}, {"name": "Permanence", "number": "02 00 00 00 00"}),
        "resources.edit_help_number": ({"line_id": help_line.id}, {"name": "Autre", "number": "02 00 00 00 01"}),
        "resources.archive_help_number": ({"line_id": help_line.id}, {}),
        "resources.unarchive_help_number": ({"line_id": help_line.id}, {}),
        "formats.new": ({}, {"kind": "talk", "duration": "60", "group_min": "2", "group_max": "8",
                             "name_fr_standard": "Nouveau format"}),
        "formats.edit": ({"format_id": fmt.id}, {"kind": "do", "duration": "60", "group_min": "2", "group_max": "8",
                                                 "name_fr_standard": "Autre nom"}),
        "formats.archive": ({"format_id": fmt.id}, {}),
        "formats.unarchive": ({"format_id": fmt.id}, {}),
        "sessions.sign_up": ({"session_id": open_session.id}, {
            "occurrence": str(public.upcoming_dates(open_session)[0].id), "name": "Noé"}),
        "sessions.cancel_place": ({"token": place_token}, {}),
        "sessions.new": ({}, {"association": association.id, "format": fmt.id}),
        "sessions.step": ({"session_id": team_session.id, "step": "lieu"}, {"room": room.id}),
        "sessions.publish": ({"session_id": team_session.id}, {}),
        "sessions.translations": ({"session_id": team_session.id}, {"title_en": "Tuesday café"}),
        "volunteers.invite": ({"session_id": team_session.id}, {"user_id": helper.id, "role": "accueil",
                                                                "occurrence_id": "0"}),
        "volunteers.withdraw": ({"member_id": team_member.id}, {}),
        "volunteers.answer": ({"member_id": team_member.id}, {"decision": "decline"}),
        "volunteers.dismiss": ({"notice_id": notice.id}, {}),
        "volunteers.renew_feed": ({}, {}),
        "volunteers.tick": ({"occurrence_id": occurrence.id}, {"item": "rules_posted", "done": "1"}),
        "binomes.sign_up": ({}, {**buddy_form, "contact": "noe@exemple.fr", "consent_matching": "y"}),
        "binomes.sign_up_for_someone": ({}, {**buddy_form, "contact": "06 12 34 56 78", "asked": "y",
                                             "locale": "fr"}),
        "binomes.mine_confirm": ({"token": to_confirm_token}, {"consent_matching": "y"}),
        "binomes.mine_availability": ({"token": waiting_token}, {"slots": "0-0"}),
        "binomes.mine_answer": ({"token": proposed_token}, {"pair": str(proposal.id), "decision": "accept"}),
        "binomes.mine_pause": ({"token": waiting_token}, {}),
        "binomes.mine_resume": ({"token": paused_token}, {}),
        "binomes.mine_end_pair": ({"token": paired_token}, {}),
        "binomes.mine_leave": ({"token": waiting_token}, {}),
        "binomes.propose": ({"person_id": waiting.id}, {"candidate_id": str(partner.id)}),
        "binomes.confirm_by_phone": ({"person_id": to_confirm.id}, {
            "consent_matching": "y", "consent_contact": "y", "attestation": "Appelée le 3 mars, elle est d'accord."}),
        "binomes.new_link": ({"person_id": waiting.id}, {}),
        "binomes.follow_up": ({"pair_id": active.id}, {"outcome": "continue"}),
        "binomes.stop_pair": ({"pair_id": active.id}, {}),
        "binomes.neighbourhoods": ({}, {"name": "Gare", "latitude": "47.39", "longitude": "0.69"}),
        "binomes.edit_neighbourhood": ({"neighbourhood_id": neighbourhood.id}, {
            "name": "Gare SNCF", "latitude": "47.39", "longitude": "0.675"}),
        "binomes.delete_neighbourhood": ({"neighbourhood_id": spare_neighbourhood.id}, {}),
        "binomes.charter": ({}, {"charter_fr_standard": "La participation est volontaire."}),
        "indicators.questionnaire": (questionnaire_address, {"moment": "start", "isolation": "5"}),
        "indicators.leave_contact": (questionnaire_address, {"contact": "06 12 34 56 78"}),
        "indicators.note_follow_up": ({"occurrence_id": asked_date.id, "contact_id": left_contact.id},
                                      {"outcome": "neither"}),
        "indicators.hide_answer": ({"answer_id": answer.id}, {"hidden": "1"}),
        "indicators.record_count": ({"occurrence_id": occurrence.id}, {
            "participants": "9", "newcomers": "3", "oriented_care": "1", "oriented_social": "0",
            "oriented_rights": "2", "oriented_other": "0", "pairs_created": "1",
            "improvement_note": "Prévoir plus de chaises."}),
    }
    return admin, forms


def post_endpoints(app):
    return sorted({rule.endpoint for rule in app.url_map.iter_rules() if "POST" in rule.methods})


def test_every_state_changing_route_is_listed_here(app, world):
    _admin, forms = world
    assert post_endpoints(app) == sorted(forms)


def test_every_post_without_the_form_token_is_refused_and_writes_nothing(app, client, world, outbox):
    admin, forms = world
    client.login(admin)
    before, mails_before = snapshot(), outbox()  # the world's own set-up sends a few
    refused = []
    for endpoint, (values, form) in forms.items():
        with app.test_request_context():
            url = app.url_for(endpoint, _external=False, **values)
        response = client.post(url, form, csrf=False)
        page = unescape(response.get_data(as_text=True))
        if response.status_code != 400 or "Le formulaire a expiré" not in page or '<html lang="fr"' not in page:
            refused.append(f"{endpoint}: {response.status_code}")
    assert refused == []
    assert snapshot() == before
    assert outbox() == mails_before
    # Still signed in, still in French, easy-to-read still off.
    page = client.get("/compte").get_data(as_text=True)
    assert '<html lang="fr"' in page
    assert 'aria-pressed="false"' in page


def test_a_wrong_token_is_refused_too(client, make_user):
    response = client.post("/langue", {"locale": "en", "csrf_token": "pas-le-bon"}, csrf=False)
    assert response.status_code == 400
    assert '<html lang="fr"' in client.get("/").get_data(as_text=True)


def test_a_token_from_another_session_is_refused(app, client):
    stranger = Client(app.test_client())
    response = client.post("/langue", {"locale": "en", "csrf_token": stranger.csrf_token()}, csrf=False)
    assert response.status_code == 400


def body_token(client):
    page = client.get("/").get_data(as_text=True)
    headers = unescape(re.search(r"<body[^>]*hx-headers='([^']+)'", page).group(1))
    return json.loads(headers)["X-CSRFToken"]


def test_htmx_sends_the_token_in_a_header(client):
    token = body_token(client)
    response = client.post("/facile-a-lire", {"falc": "on"}, htmx=True, csrf=False,
                           headers={"X-CSRFToken": token})
    assert response.status_code == 302
    assert client.raw.get_cookie("falc", domain="passerelle.test").value == "1"


def test_an_htmx_post_without_the_header_gets_an_error_fragment(client):
    response = client.post("/facile-a-lire", {"falc": "on"}, htmx=True, csrf=False)
    assert response.status_code == 400
    fragment = response.get_data(as_text=True)
    assert "<html" not in fragment
    assert 'role="alert"' in fragment


# --- headers --------------------------------------------------------------------------------

def csp_of(response):
    policy = {}
    for directive in response.headers["Content-Security-Policy"].split(";"):
        name, *values = directive.split()
        policy[name] = values
    return policy


@pytest.mark.parametrize("url", ["/", "/connexion", "/healthz", "/nexiste-pas", "/personnes",
                                 "/static/css/portal.css"])
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    response.close()  # static files are streamed from disk
    policy = csp_of(response)
    script_src = policy.get("script-src", policy.get("default-src"))
    assert script_src == ["'self'"]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in {"same-origin", "strict-origin-when-cross-origin",
                                                   "no-referrer"}


@pytest.mark.parametrize("url", ["/", "/urgence", "/lieux", "/connexion", "/mot-de-passe-oublie",
                                 "/compte", "/personnes", "/personnes/inviter", "/associations",
                                 "/associations/nouvelle", "/mes-associations", "/nexiste-pas",
                                 "/formats", "/gestion/formats", "/gestion/formats/nouveau"])
def test_pages_have_no_inline_script_the_policy_would_block(client, make_user, url):
    client.login(make_user(roles=("admin",)))
    page = client.get(url).get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "inline <script>"
    assert not re.search(r"\son[a-z]+\s*=", page), "inline event handler"
    assert "hx-on" not in page and "javascript:" not in page


# --- cookies --------------------------------------------------------------------------------

def session_cookie(response):
    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert cookies, "no session cookie"
    return [part.strip().lower() for part in cookies[-1].split(";")]


def test_the_session_cookie_is_httponly_and_samesite_lax_over_http(client):
    attributes = session_cookie(client.get("/"))
    assert "httponly" in attributes
    assert "samesite=lax" in attributes
    assert "secure" not in attributes  # or nobody could sign in on http://127.0.0.1


def test_the_session_cookie_is_secure_over_https(app, make_user):
    browser = app.test_client()
    page = browser.get("/connexion", base_url="https://passerelle.test")
    attributes = session_cookie(page)
    assert "secure" in attributes and "httponly" in attributes and "samesite=lax" in attributes
    # Signing in over HTTPS works (the browser sends its Referer, as Flask-WTF requires there).
    user = make_user()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    response = browser.post("/connexion", base_url="https://passerelle.test",
                            headers={"Referer": "https://passerelle.test/connexion"},
                            data={"email": user.email, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    assert "secure" in session_cookie(response)


def test_an_https_post_from_another_site_is_refused(app, make_user):
    browser = app.test_client()
    page = browser.get("/connexion", base_url="https://passerelle.test")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    response = browser.post("/langue", base_url="https://passerelle.test",
                            headers={"Referer": "https://evil.example/"},
                            data={"locale": "en", "csrf_token": token})
    assert response.status_code == 400


def test_the_session_cookie_never_holds_the_password(client, make_user):
    user = make_user()
    response = client.login(user)
    cookie = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")][0]
    assert PASSWORD not in cookie


# --- what people type is shown, never run ---------------------------------------------------

def test_names_are_escaped_everywhere_they_appear(client, make_user, make_association):
    evil = '<script>alert("x")</script>'
    association = make_association(name=f"Asso {evil}", description=evil)
    staff = make_user(roles=("staff",), name=f"Nadia {evil}", associations=[association])
    client.login(staff)
    for url in ("/", "/personnes", f"/personnes/{staff.id}", "/associations", f"/associations/{association.id}",
                "/mes-associations", "/compte"):
        page = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in page, url
        assert "&lt;script&gt;" in page, url
    # Flash messages too.
    response = client.post(f"/associations/{association.id}/archiver", follow_redirects=True)
    assert "<script>alert" not in response.get_data(as_text=True)
