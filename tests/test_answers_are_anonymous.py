"""The questionnaire's promise, checked on the database itself: an answer names nobody. Its table
has no link to a person or an account, no address or browser, and no moment finer than the date
it is about; follow-up contacts share nothing with the answers but that date."""
import sqlalchemy as sa

from portal.database import db

ANSWERS = "questionnaire_answers"
CONTACTS = "follow_up_contacts"
# Words that would betray a person or a moment in a column's name.
TELLING = ("user", "person", "participant", "member", "account", "ip", "address", "agent", "browser",
           "contact", "email", "phone", "name", "created", "updated", "time", "_at", "date")


def columns_of(table):
    return {column["name"]: column for column in sa.inspect(db.engine).get_columns(table)}


def foreign_tables(table):
    return {fk["referred_table"] for fk in sa.inspect(db.engine).get_foreign_keys(table)}


def test_the_answers_table_points_only_at_the_date(app):
    columns = columns_of(ANSWERS)
    assert foreign_tables(ANSWERS) == {"occurrences"}
    assert [name for name in columns if any(word in name.lower() for word in TELLING)] == []
    temporal = (sa.DateTime, sa.Date, sa.Time)
    assert [name for name, column in columns.items() if isinstance(column["type"], temporal)] == []


def test_no_other_table_points_at_an_answer(app):
    pointing = [table for table in sa.inspect(db.engine).get_table_names()
                if ANSWERS in foreign_tables(table)]
    assert pointing == []


def test_a_follow_up_contact_shares_nothing_with_the_answers_but_the_date(app):
    shared = set(columns_of(ANSWERS)) & set(columns_of(CONTACTS))
    assert shared == {"id", "occurrence_id"}
    assert foreign_tables(CONTACTS) == {"occurrences"}


def test_an_answer_given_through_the_page_keeps_only_what_was_asked(client, app):
    from datetime import timedelta

    from portal import clock
    from portal.indicators import questionnaire
    from portal.rooms.models import Booking, Occurrence
    from tests import factories

    session = factories.make_public_session(day=clock.today() - timedelta(days=1))  # ended yesterday: open
    occurrence = db.session.scalar(sa.select(Occurrence).join(Booking).where(Booking.session_id == session.id))
    with app.test_request_context():
        link = questionnaire.link(occurrence)
    witness = {"User-Agent": "Navigateur-Témoin/1.0"}
    address = {"REMOTE_ADDR": "203.0.113.77"}
    assert client.get(link, headers=witness, environ_base=address).status_code == 200
    response = client.post(link, {"moment": "end", "isolation": "3", "helped": "Le thé", "missing": ""},
                           headers=witness, environ_base=address)
    assert response.status_code == 200
    table = sa.Table(ANSWERS, sa.MetaData(), autoload_with=db.engine)
    rows = db.session.execute(sa.select(table)).mappings().all()
    assert len(rows) == 1 and rows[0]["isolation"] == 3 and rows[0]["helped"] == "Le thé"
    kept = " ".join(str(value) for value in rows[0].values())
    assert "203.0.113" not in kept and "Témoin" not in kept
    with client.raw.session_transaction() as cookie_session:  # nothing about the answer in the cookie
        assert set(cookie_session) <= {"csrf_token", "_fresh", "_permanent"}
