"""The demo town's season of indicators: counts and anonymous answers on past dates of two
formats, in two places, for two associations, with cells too small to be shown."""
from collections import Counter, defaultdict
from statistics import mean

import pytest
import sqlalchemy as sa

from portal import clock
from portal import demo as town
from portal.database import db
from portal.formats.models import Format
from portal.indicators import demo
from portal.indicators.models import CIRCLE, END, START, Answer, OccurrenceCount
from portal.rooms.models import APPROVED, Booking, Occurrence, Room
from portal.sessions.models import PUBLISHED, Session

MODELS = (Session, Booking, Occurrence, OccurrenceCount, Answer)


@pytest.fixture
def loaded(app, outbox):
    town.load_demo()  # places, associations, the café and its volunteer
    demo.load()
    db.session.commit()
    assert outbox() == []


def sizes():
    return {model.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(model)) for model in MODELS}


def where_and_what(occurrence_id):
    """(format slug, place id, association id) of a date."""
    return db.session.execute(
        sa.select(Format.slug, Room.place_id, Session.association_id).select_from(Occurrence)
        .join(Booking, Occurrence.booking_id == Booking.id).join(Session, Booking.session_id == Session.id)
        .join(Format, Session.format_id == Format.id).join(Room, Occurrence.room_id == Room.id)
        .where(Occurrence.id == occurrence_id)).one()


def quarter(moment):
    day = clock.local(moment).date()
    return day.year, (day.month - 1) // 3


def test_loading_twice_adds_nothing(loaded):
    first = sizes()
    assert first["OccurrenceCount"] and first["Answer"]
    demo.load()
    db.session.commit()
    assert sizes() == first


def test_only_past_approved_dates_are_counted_by_their_team(loaded):
    counts = db.session.scalars(sa.select(OccurrenceCount)).all()
    for count in counts:
        assert count.occurrence.status == APPROVED and count.occurrence.ends_at < clock.now()
        assert 4 <= count.participants <= 12 and count.newcomers <= count.participants
        assert count.recorded_by.email == demo.VOLUNTEER
    counted = {count.occurrence_id for count in counts}
    assert {answer.occurrence_id for answer in db.session.scalars(sa.select(Answer))} <= counted


def test_a_quarter_has_data_for_two_formats_places_and_associations(loaded):
    cercle = db.session.scalar(sa.select(Session).filter_by(title=demo.CERCLE))
    assert cercle.status == PUBLISHED and cercle.format.slug == "cercle-ecoute"
    by_quarter = defaultdict(set)
    for count in db.session.scalars(sa.select(OccurrenceCount)):
        by_quarter[quarter(count.occurrence.starts_at)].add(where_and_what(count.occurrence_id))
    # Two formats, two places, two associations within one quarter.
    assert any([len({facts[i] for facts in found}) for i in range(3)] == [2, 2, 2] for found in by_quarter.values())


def test_the_month_by_format_view_has_cells_under_and_over_the_threshold(loaded, app):
    cells = Counter()
    for answer in db.session.scalars(sa.select(Answer).where(Answer.hidden.is_(False))):
        occurrence = db.session.get(Occurrence, answer.occurrence_id)
        month = clock.local(occurrence.starts_at).date().replace(day=1)
        cells[month, where_and_what(occurrence.id)[0]] += 1
    threshold = app.config["INDICATORS_MIN_COUNT"]
    assert any(size < threshold for size in cells.values())
    assert any(size >= threshold for size in cells.values())


def test_a_phone_pairs_its_start_and_end_answers_and_isolation_goes_down_a_little(loaded):
    answers = db.session.scalars(sa.select(Answer)).all()
    by_device = defaultdict(dict)
    for answer in answers:
        assert answer.device and len(answer.device) == 32
        assert answer.moment not in by_device[answer.device]  # one answer per moment and phone
        by_device[answer.device][answer.moment] = answer
    assert all(START in moments for moments in by_device.values())
    pairs = [moments for moments in by_device.values() if END in moments]
    assert pairs and all(m[START].occurrence_id == m[END].occurrence_id for m in pairs)
    standard = [m for m in pairs if m[END].variant != CIRCLE]
    assert mean(m[START].isolation - m[END].isolation for m in standard) > 0
    circle = [m[END] for m in pairs if m[END].variant == CIRCLE]
    assert circle and all(None not in (a.felt_heard, a.frame_respected, a.would_return) for a in circle)
    assert any(m[END].helped for m in standard) and any(m[END].missing for m in standard)
