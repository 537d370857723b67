"""One small world holding one of everything the portal's routes take, the address of every
route with parameters and a valid form for every route that takes one. Built by the tests that
walk every route (test_security's CSRF test, test_authorization_matrix, …): a new route gets its
address and form here, once."""
from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa

from portal import clock
from portal.auth import operations
from portal.auth.models import AccountToken
from portal.database import db
from portal.rooms import feeds
from portal.volunteers import operations as volunteers
from portal.volunteers.models import TeamMember, TeamNotice
from tests import factories
from tests.factories import PASSWORD

NEW_PASSWORD = "une toute nouvelle phrase"


def snapshot():
    """Every row of every table, to prove that nothing was written."""
    return {table.name: db.session.execute(sa.select(table).order_by(*table.primary_key.columns)).all()
            for table in db.metadata.sorted_tables}


@dataclass
class World:
    admin: object
    staff: object
    mediator: object
    member: object  # Awa, a member of ``association`` (the association role)
    volunteer: object  # Inès, a volunteer of ``association``, in the team of its two sessions
    stranger: object  # a member of ``other_association``
    association: object
    other_association: object
    # endpoint -> URL values of the GET pages with parameters that take no form
    pages: dict
    # endpoint -> (URL values, a form that would change something if it were accepted)
    forms: dict
    # What only the association's members (and staff, or the person concerned) may read, by name.
    private: dict = field(default_factory=dict)

    def values(self, endpoint):
        """The URL values of a valid address of ``endpoint`` (none for a route without parameters)."""
        return self.pages[endpoint] if endpoint in self.pages else self.forms.get(endpoint, ({},))[0]


def build(app):
    """The world, written to the database. Almost everything belongs to ``association``;
    ``other_association`` has a counted date of its own (the dashboard's other row)."""
    from portal.binomes import pairs
    from portal.indicators import follow_up, questionnaire
    from portal.sessions import public

    association = factories.make_association(name="Lien et Voisinage")
    association.feed_token = feeds.new_token()
    room = factories.make_room()
    booking = factories.make_booking(room=room, association=association, purpose="Goûter secret du jeudi")
    occurrence = booking.occurrences[0]
    day = clock.local(occurrence.starts_at).date().isoformat()
    admin = factories.make_user(roles=("admin",), name="Camille Admin")
    staff = factories.make_user(roles=("staff",), name="Sam Service")
    person = factories.make_user(roles=("association",), associations=[association], name="Awa Diallo")
    invited = factories.make_user(roles=("volunteer",), password=None, name="Bruno Petit")
    with app.test_request_context():
        invitation = operations.issue_token(invited, AccountToken.INVITATION)
        reset = operations.issue_token(person, AccountToken.PASSWORD_RESET)
    db.session.commit()
    resource, help_line = factories.make_resource(reviewed_months_ago=13), factories.make_help_number()
    fmt = factories.make_format()
    open_session = factories.make_public_session(association=association, admission="sign_up")
    with app.test_request_context():
        _participant, place_token = public.sign_up(open_session, public.upcoming_dates(open_session)[0].id,
                                                   "Mina Zerguine")
    team_session = factories.make_session(association=association, fmt=fmt, title="Atelier encore en brouillon")
    booking.session_id = team_session.id
    helper = factories.make_user(roles=("volunteer",), associations=[association], name="Inès Moreau")
    team_member = TeamMember(session=team_session, user=helper, role="referent", status="accepted")
    notice = TeamNotice(user_id=helper.id, change="cancelled", title="Café", starts_at=occurrence.starts_at)
    db.session.add_all([team_member, notice,
                        TeamMember(session=open_session, user=helper, role="accueil", status="accepted")])
    db.session.commit()
    planning_feed = volunteers.feed_token(helper)
    # A counted date ten days ago for each association: rows of the indicators' dashboard.
    other_association = factories.make_association(name="Les Mots Partagés")
    stranger = factories.make_user(roles=("association",), associations=[other_association], name="Olga Voisine")
    for owner in (association, other_association):
        past = factories.make_public_session(association=owner, fmt=fmt, day=clock.today() - timedelta(days=10))
        factories.make_count(volunteers.occurrences_of(past)[0], participants=12, newcomers=3)
    neighbourhood = factories.make_neighbourhood()
    spare_neighbourhood = factories.make_neighbourhood()
    waiting, waiting_token = factories.make_buddy(neighbourhood=neighbourhood)
    to_confirm, to_confirm_token = factories.make_buddy(neighbourhood=neighbourhood, status="to_confirm",
                                                        consents=False)
    paused, paused_token = factories.make_buddy(neighbourhood=neighbourhood, status="paused")
    proposed, proposed_token = factories.make_buddy(neighbourhood=neighbourhood)
    partner, _partner_token = factories.make_buddy(neighbourhood=neighbourhood)
    mediator = factories.make_user(roles=("mediator",))
    with app.test_request_context():
        proposal = pairs.propose(mediator, proposed, partner, "")
        paired, paired_token = factories.make_buddy(neighbourhood=neighbourhood)
        buddy, buddy_token = factories.make_buddy(neighbourhood=neighbourhood)
        active = pairs.propose(mediator, paired, buddy, "")
        pairs.answer(paired, active, True)
        pairs.answer(buddy, active, True)
    with app.test_request_context():
        asked_date = public.upcoming_dates(open_session)[0]
        left_contact = follow_up.leave(asked_date, "06 12 34 56 78", now=asked_date.starts_at)
        questionnaire_address = {"occurrence_id": asked_date.id, "code": questionnaire.code_of(asked_date.id)}
    answer = factories.make_answer(asked_date, helped="Le café")
    buddy_form = {"first_name": "Noé", "neighbourhood": str(neighbourhood.id), "activities": "marche",
                  "slots": "1-0", "languages": "fr", "pace": "any"}
    today = clock.today()
    pages = {
        "associations.show": {"association_id": association.id},
        "auth.person": {"user_id": person.id},
        "binomes.charter_version": {"version": 1},
        "binomes.mine": {"token": waiting_token},
        "binomes.mine_data": {"token": waiting_token},
        "binomes.pair": {"pair_id": active.id},
        "binomes.person": {"person_id": waiting.id},
        "formats.show": {"slug": fmt.slug},
        "indicators.card": {"occurrence_id": asked_date.id},
        "indicators.follow_ups": {"occurrence_id": asked_date.id},
        "indicators.occurrence_count": {"occurrence_id": occurrence.id},
        "indicators.quarter_summary": {"year": today.year, "quarter": (today.month - 1) // 3 + 1},
        "kit.format_choice": {"slug": fmt.slug, "document": "charte"},
        "kit.format_document": {"slug": fmt.slug, "document": "charte"},
        "resources.show": {"resource_id": resource.id},
        "rooms.association_feed": {"token": association.feed_token},
        "rooms.booking": {"booking_id": booking.id},
        "rooms.booking_ics": {"booking_id": booking.id},
        "rooms.place": {"place_id": room.place_id},
        "rooms.room": {"room_id": room.id},
        "rooms.room_feed": {"token": room.feed_token},
        "rooms.room_poster": {"room_id": room.id},
        "sessions.my_place": {"token": place_token},
        "sessions.poster": {"session_id": open_session.id},
        "sessions.public_page": {"session_id": open_session.id},
        "sessions.show": {"session_id": team_session.id},
        "static": {"filename": "css/portal.css"},
        "volunteers.feed": {"token": planning_feed},
        "volunteers.team": {"session_id": team_session.id},
    }
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
        "sessions.sign_up": ({"session_id": open_session.id}, {"occurrence": str(asked_date.id), "name": "Noé"}),
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
    private = {"booking": booking.purpose, "draft session": team_session.title, "participant": "Mina Zerguine",
               "association feed": association.feed_token, "planning feed": planning_feed}
    db.session.commit()
    return World(admin=admin, staff=staff, mediator=mediator, member=person, volunteer=helper, stranger=stranger,
                 association=association, other_association=other_association, pages=pages, forms=forms,
                 private=private)
