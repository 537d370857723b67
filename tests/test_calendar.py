"""The shared calendar through its page: constant queries, accessible tables, htmx fragments,
navigation that keeps the filters, free slots that start a request, the town's time zone."""
from datetime import date, time, timedelta
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa

from portal import clock
from portal.database import db
from portal.associations.models import Association
from portal.rooms.models import Closure, Room

QUERY_CAP = 12  # user and roles, places and rooms, opening hours, occurrences, closures…


# --- reading the page --------------------------------------------------------------------------

class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children, self.parts = [], []

    @property
    def text(self):
        return " ".join("".join(self._texts()).split())

    def _texts(self):
        for part in self.parts:
            if isinstance(part, Element):
                yield from part._texts()
            else:
                yield part

    def iter(self, tag=None, **attrs):
        for child in self.children:
            if (tag is None or child.tag == tag) and all(
                    (value is True and name in child.attrs) or child.attrs.get(name) == value
                    for name, value in attrs.items()):
                yield child
            yield from child.iter(tag, **attrs)

    def find(self, tag=None, **attrs):
        return next(self.iter(tag, **attrs), None)

    def classes(self):
        return (self.attrs.get("class") or "").split()


class Page(HTMLParser):
    """Just enough of a DOM to ask about tables, links and labels."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("#root", [], None)
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        self.current.parts.append(element)
        if tag not in self.VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.parts.append(data)


def parse(response):
    return Page(response.get_data(as_text=True)).root


def row_headers(root):
    table = root.find("table")
    return [th.find("a").text for th in table.iter("th", scope="row")] if table else []


def status_labels(root):
    return [span.text for span in root.iter("span") if "slot__status" in span.classes()]


def query(url):
    parts = urlsplit(url)
    return parts.path, {key: values[0] for key, values in parse_qs(parts.query).items()}


# --- fixtures --------------------------------------------------------------------------------

@pytest.fixture
def association(make_association):
    return make_association(name="Lien et Voisinage")


@pytest.fixture
def member(make_user, association):
    return make_user(roles=("association",), associations=[association])


@pytest.fixture
def staff(make_user):
    return make_user(roles=("staff",))


def next_monday(weeks=1):
    today = clock.today()
    return today + timedelta(days=7 * weeks - today.weekday())


def week_of(day, **filters):
    return {"view": "week", "date": day.isoformat(), **filters}


# --- a constant number of queries --------------------------------------------------------------

def _fill_week(make_booking, rooms, associations, monday, how_many, already=0):
    """``how_many`` bookings spread over the rooms and days of the week, one hour each, with
    pending and approved ones (never two approved on the same hour of a room)."""
    slots = [(room, monday + timedelta(days=d), hour) for hour in range(8, 21) for d in range(7) for room in rooms]
    for number in range(already, already + how_many):
        room, day, hour = slots[number]
        make_booking(room=room, association=associations[number % len(associations)], day=day,
                     start=f"{hour:02d}:00", end=f"{hour + 1:02d}:00",
                     status="approved" if number % 3 else "pending")


@pytest.mark.parametrize("view", ["week", "day", "month"])
@pytest.mark.parametrize("who", ["staff", "member"])
def test_the_calendar_answers_with_the_same_number_of_queries_whatever_the_bookings(
        client, request, who, view, make_place, make_room, make_booking, make_association, counted_queries):
    client.login(request.getfixturevalue(who))
    place = make_place(name="Maison des Tilleuls")
    rooms = [make_room(place=place), make_room(place=place), make_room(place=place)]
    make_room()  # another place, filtered out
    associations = [make_association() for _ in range(6)]
    monday = next_monday()
    db.session.add(Closure(room=rooms[0], starts_at=clock.at(monday + timedelta(days=2), time(8)),
                           ends_at=clock.at(monday + timedelta(days=2), time(12)), reason="Travaux"))
    db.session.commit()
    url = {"view": view, "place": place.id, "date": monday.isoformat()}

    def queries_for_one_page():
        # Warm on another week: the counted page is then drawn, not served from the page cache.
        client.get("/calendrier", query_string=dict(url, date=(monday + timedelta(weeks=1)).isoformat()))
        db.session.remove()
        with counted_queries() as statements:
            response = client.get("/calendrier", query_string=url)
        assert response.status_code == 200
        return statements, response

    room_ids, association_ids = [r.id for r in rooms], [a.id for a in associations]

    def reloaded():  # the session is emptied before each counted page, as a new request finds it
        return ([db.session.get(Room, i) for i in room_ids], [db.session.get(Association, i) for i in association_ids])

    _fill_week(make_booking, *reloaded(), monday, 5)
    few, response = queries_for_one_page()
    assert "Approuvée" in status_labels(parse(response))
    _fill_week(make_booking, *reloaded(), monday, 55, already=5)
    many, response = queries_for_one_page()
    if view != "day":  # the day view shows the Monday only
        shown = [label for label in status_labels(parse(response)) if label in ("Approuvée", "En attente")]
        assert len(shown) == 60
    assert len(many) == len(few), "\n".join(many)
    assert len(many) <= QUERY_CAP, "\n".join(many)


# --- the page cache ---------------------------------------------------------------------------------

def test_a_calendar_served_again_shows_every_change_at_once(client, staff, association, make_room, make_booking,
                                                             counted_queries):
    room = make_room(name="Salle Verlaine")
    monday = next_monday()
    client.login(staff)
    first = parse(client.get("/calendrier", query_string=week_of(monday)))
    with counted_queries() as statements:
        again = parse(client.get("/calendrier", query_string=week_of(monday)))
    assert again.find("table").text == first.find("table").text and "Approuvée" not in status_labels(again)
    assert len(statements) <= 4, "\n".join(statements)  # the person, the data version: no calendar query

    make_booking(room=room, association=association, day=monday, start="10:00", end="12:00", status="approved")
    shown = parse(client.get("/calendrier", query_string=week_of(monday)))
    assert "Approuvée" in status_labels(shown)
    # Written behind the application's back (by hand, by another tool): still seen.
    db.session.execute(sa.update(Room).where(Room.id == room.id).values(name="Salle Rimbaud"))
    db.session.commit()
    assert row_headers(parse(client.get("/calendrier", query_string=week_of(monday)))) == ["Salle Rimbaud"]


def test_a_calendar_kept_for_one_person_is_not_shown_to_another(client, member, staff, association, make_user,
                                                                make_association, make_room, make_booking):
    room = make_room()
    monday = next_monday()
    booking = make_booking(room=room, association=association, day=monday, start="10:00", end="12:00")
    stranger = make_user(roles=("association",), associations=[make_association(name="Autre Asso")])
    link = f"/reservations/{booking.id}"

    def booking_links(person):
        client.login(person)
        root = parse(client.get("/calendrier", query_string=week_of(monday)))
        client.post("/deconnexion")
        return [a for a in root.iter("a") if a.attrs.get("href") == link], root

    assert booking_links(member)[0]
    links, root = booking_links(stranger)
    assert not links and "Lien et Voisinage" in root.text  # the name, not the way in
    assert booking_links(staff)[0]
    free = [a for a in booking_links(staff)[1].iter("a") if "slot--free" in a.classes()]
    assert not free  # staff do not ask for slots: the member's request links are not reused


# --- accessible tables ---------------------------------------------------------------------------

@pytest.mark.parametrize("view,columns", [
    ("week", 8),
    ("day", 2),
    ("month", 7),
])
def test_each_view_is_a_table_with_a_caption_and_headers(client, staff, make_place, make_room, view, columns):
    place = make_place(name="Médiathèque Colette")
    make_room(place=place, name="Salle Verlaine")
    make_room(place=place, name="Salle Rimbaud")
    client.login(staff)
    root = parse(client.get("/calendrier", query_string={"view": view, "place": place.id,
                                                         "date": next_monday().isoformat()}))
    table = root.find("table")
    assert table is not None
    caption = table.find("caption")
    assert caption is not None and caption.text
    assert len(list(table.find("thead").iter("th", scope="col"))) == columns
    assert list(table.find("tbody").iter("th", scope="row")), "rows need a header cell"


def test_week_rows_are_the_rooms_and_columns_the_days(client, staff, make_place, make_room):
    place = make_place(name="Médiathèque Colette")
    make_room(place=place, name="Salle Verlaine")
    make_room(place=place, name="Salle Rimbaud")
    client.login(staff)
    monday = next_monday()
    root = parse(client.get("/calendrier", query_string=week_of(monday, place=place.id)))
    assert row_headers(root) == ["Salle Rimbaud", "Salle Verlaine"]
    days = [th.text for th in root.find("thead").iter("th", scope="col")][1:]
    assert len(days) == 7 and days[0].startswith("lundi") and days[6].startswith("dimanche")
    assert str((monday + timedelta(days=6)).day) in days[6]


# --- htmx: only the calendar, the same address ---------------------------------------------------

def test_an_htmx_request_gets_the_calendar_alone_and_a_normal_one_the_page(client, staff, make_room):
    make_room(name="Salle Verlaine")
    client.login(staff)
    fragment = client.get("/calendrier", query_string=week_of(next_monday()), htmx=True)
    page = client.get("/calendrier", query_string=week_of(next_monday()))
    assert fragment.status_code == page.status_code == 200
    fragment_html, page_html = fragment.get_data(as_text=True), page.get_data(as_text=True)
    assert "<html" not in fragment_html and "<table" in fragment_html and "Salle Verlaine" in fragment_html
    assert "<html" in page_html and 'id="calendar"' in page_html and "<table" in page_html
    for response in (fragment, page):
        assert "HX-Request" in response.headers.get("Vary", "")


# --- previous / today / next keep the filters ----------------------------------------------------

def test_previous_next_and_today_links_carry_the_filters_and_the_date(client, staff, make_place, make_room):
    place = make_place()
    make_room(place=place, capacity=30)
    client.login(staff)
    anchor = next_monday(3) + timedelta(days=2)  # a Wednesday
    filters = {"place": str(place.id), "capacity": "12", "step_free": "y"}
    root = parse(client.get("/calendrier", query_string=week_of(anchor, **filters)))
    nav = root.find("nav", **{"aria-label": "Changer de période"})
    links = {a.text: a for a in nav.iter("a")}
    expected_dates = {"Période précédente": anchor - timedelta(weeks=1), "Aujourd'hui": clock.today(),
                      "Période suivante": anchor + timedelta(weeks=1)}
    for label, day in expected_dates.items():
        link = links[label]
        path, args = query(link.attrs["href"])
        assert path == "/calendrier"
        assert args == {"view": "week", "date": day.isoformat(), **filters}, label
        assert link.attrs["hx-get"] == link.attrs["href"]  # htmx swaps the calendar, the link works without it
        assert link.attrs["hx-push-url"] == "true"


def test_the_day_and_month_views_step_by_their_own_period(client, staff, make_room):
    make_room()
    client.login(staff)
    anchor = date(2031, 1, 31)
    for view, previous, following in [("day", date(2031, 1, 30), date(2031, 2, 1)),
                                      ("month", date(2030, 12, 31), date(2031, 2, 28))]:
        root = parse(client.get("/calendrier", query_string={"view": view, "date": anchor.isoformat()}))
        nav = root.find("nav", **{"aria-label": "Changer de période"})
        links = {a.text: query(a.attrs["href"])[1] for a in nav.iter("a")}
        assert links["Période précédente"]["date"] == previous.isoformat()
        assert links["Période suivante"]["date"] == following.isoformat()
        assert links["Période précédente"]["view"] == view


# --- filters -------------------------------------------------------------------------------------

def test_filters_narrow_the_rooms(client, staff, make_place, make_room):
    north, south = make_place(name="Maison du Nord"), make_place(name="Maison du Sud")
    make_room(place=north, name="Petite salle", capacity=8, step_free=True)
    make_room(place=north, name="Grande salle", capacity=60, step_free=False)
    make_room(place=south, name="Salle des fêtes", capacity=120, step_free=True)
    client.login(staff)
    monday = next_monday()

    def rooms(**filters):
        response = client.get("/calendrier", query_string=week_of(monday, **filters))
        assert response.status_code == 200
        return row_headers(parse(response))

    assert sorted(rooms()) == ["Grande salle", "Petite salle", "Salle des fêtes"]
    assert sorted(rooms(place=north.id)) == ["Grande salle", "Petite salle"]
    assert sorted(rooms(capacity=50)) == ["Grande salle", "Salle des fêtes"]
    assert sorted(rooms(step_free="y")) == ["Petite salle", "Salle des fêtes"]
    assert rooms(place=north.id, capacity=50, step_free="y") == []
    empty = client.get("/calendrier", query_string=week_of(monday, place=north.id, capacity=50, step_free="y"))
    assert "Aucune salle ne correspond à ces critères." in empty.get_data(as_text=True)


def test_a_single_room_can_be_shown(client, staff, make_place, make_room):
    place = make_place()
    kept = make_room(place=place, name="Salle Verlaine")
    make_room(place=place, name="Salle Rimbaud")
    client.login(staff)
    root = parse(client.get("/calendrier", query_string=week_of(next_monday(), room=kept.id)))
    assert row_headers(root) == ["Salle Verlaine"]
    assert "Salle Verlaine" in root.find("caption").text


# --- what each slot says ------------------------------------------------------------------------

def test_a_free_slot_is_a_link_that_starts_a_prefilled_request(client, member, association, make_room, make_booking):
    room = make_room(name="Salle Verlaine", hours={1: [("09:00", "12:00"), ("14:00", "20:00")]})
    tuesday = next_monday() + timedelta(days=1)
    make_booking(room=room, association=association, day=tuesday, start="15:00", end="17:00", status="approved")
    client.login(member)
    root = parse(client.get("/calendrier", query_string={"view": "day", "date": tuesday.isoformat(),
                                                         "room": room.id}))
    free = [a for a in root.iter("a") if "slot--free" in a.classes()]
    requested = [query(a.attrs["href"]) for a in free]
    assert requested == [("/reservations/nouvelle", {"room": str(room.id), "date": tuesday.isoformat(),
                                                     "start": start, "end": end})
                         for start, end in [("09:00", "12:00"), ("14:00", "15:00"), ("17:00", "20:00")]]
    assert all("Libre" in a.text for a in free)
    # The link opens the request form with these values already chosen.
    path, args = requested[2]
    form = parse(client.get(path, query_string=args))
    assert form.find("input", name="start").attrs["value"] == "17:00"
    assert form.find("input", name="date").attrs["value"] == tuesday.isoformat()
    chosen = form.find("select", name="room").find("option", selected=True)
    assert chosen.attrs["value"] == str(room.id)


def test_staff_see_free_slots_without_a_request_link(client, staff, make_room):
    room = make_room()
    client.login(staff)
    root = parse(client.get("/calendrier", query_string={"view": "day", "room": room.id,
                                                         "date": next_monday().isoformat()}))
    assert "Libre" in status_labels(root)
    assert not [a for a in root.iter("a") if "slot--free" in a.classes()]


def test_no_free_slot_in_the_past_or_outside_opening_hours(client, member, make_room):
    room = make_room(hours={0: [("09:00", "12:00")]})  # Mondays only
    client.login(member)
    root = parse(client.get("/calendrier", query_string=week_of(next_monday(), room=room.id)))
    free = [query(a.attrs["href"])[1] for a in root.iter("a") if "slot--free" in a.classes()]
    assert [(f["date"], f["start"], f["end"]) for f in free] == [(next_monday().isoformat(), "09:00", "12:00")]
    past = parse(client.get("/calendrier", query_string=week_of(next_monday(-2), room=room.id)))
    assert not [a for a in past.iter("a") if "slot--free" in a.classes()]


def test_pending_approved_and_closed_are_told_in_words(client, staff, association, make_association, make_room,
                                                       make_booking):
    room = make_room()
    day = next_monday() + timedelta(days=3)
    make_booking(room=room, association=association, day=day, start="09:00", end="10:00", status="approved")
    make_booking(room=room, association=make_association(name="Les Mots Partagés"), day=day,
                 start="10:00", end="11:00", status="pending")
    make_booking(room=room, association=association, day=day, start="11:00", end="12:00", status="cancelled")
    db.session.add(Closure(room=room, starts_at=clock.at(day, time(18)), ends_at=clock.at(day, time(22)),
                           reason="Élections"))
    db.session.commit()
    client.login(staff)
    root = parse(client.get("/calendrier", query_string={"view": "day", "date": day.isoformat(), "room": room.id}))
    cell = root.find("tbody").find("td")
    slots = [span.text for span in cell.iter("span") if "slot" in span.classes()]
    assert any(text.startswith("Approuvée 09:00–10:00") and "Lien et Voisinage" in text for text in slots)
    assert any(text.startswith("En attente 10:00–11:00") and "Les Mots Partagés" in text for text in slots)
    assert any(text.startswith("Fermé 18:00–22:00") and "Élections" in text for text in slots)
    assert not any("11:00–12:00" in text and "Annulée" in text for text in slots)  # cancelled: not shown
    # Each kind also has its own class (drawn with a pattern), never colour alone.
    classes = {c for span in cell.iter("span") for c in span.classes()}
    assert {"slot--approved", "slot--pending", "slot--closed", "slot--free"} <= classes


def test_a_place_closure_shows_on_every_room_of_the_place(client, staff, make_place, make_room):
    place = make_place()
    rooms = [make_room(place=place), make_room(place=place)]
    day = next_monday() + timedelta(days=1)
    db.session.add(Closure(place=place, starts_at=clock.at(day, time(0)), ends_at=clock.at(day + timedelta(days=1), time(0)),
                           reason="Congés"))
    db.session.commit()
    client.login(staff)
    root = parse(client.get("/calendrier", query_string={"view": "day", "date": day.isoformat(), "place": place.id}))
    cells = list(root.find("tbody").iter("td"))
    assert len(cells) == len(rooms)
    for cell in cells:
        texts = [span.text for span in cell.iter("span") if "slot--closed" in span.classes()]
        assert texts and "Congés" in texts[0]


# --- the town's time ---------------------------------------------------------------------------

@pytest.mark.parametrize("season,month", [("winter", 1), ("summer", 7)])
def test_times_are_shown_in_the_towns_zone(client, staff, association, make_room, make_booking, season, month):
    room = make_room()
    day = date(clock.today().year + 1, month, 15)
    booking = make_booking(room=room, association=association, day=day, start="18:00", end="19:30",
                           status="approved")
    stored = booking.occurrences[0].starts_at
    assert stored.hour == (17 if season == "winter" else 16)  # kept in UTC
    client.login(staff)
    for view in ("day", "week", "month"):
        root = parse(client.get("/calendrier", query_string={"view": view, "date": day.isoformat(),
                                                             "room": room.id}))
        booked = [span.text for span in root.find("table").iter("span") if "slot--approved" in span.classes()]
        assert booked and booked[0].startswith("Approuvée 18:00–19:30"), (view, booked)


def test_the_week_follows_the_towns_days_across_a_dst_change(client, staff, association, make_room, make_booking):
    """Late on Sunday 29 March 2026 (clocks went forward that morning) is still that Sunday."""
    room = make_room()
    make_booking(room=room, association=association, day=date(2026, 3, 29), start="21:00", end="22:00",
                 status="pending")
    make_booking(room=room, association=association, day=date(2026, 3, 23), start="08:00", end="09:00",
                 status="pending")
    client.login(staff)
    root = parse(client.get("/calendrier", query_string={"view": "week", "date": "2026-03-25", "room": room.id}))
    cells = list(root.find("tbody").iter("td"))
    assert "21:00–22:00" in cells[6].text and "08:00–09:00" in cells[0].text


# --- wrong addresses and strangers ------------------------------------------------------------------

@pytest.mark.parametrize("args,message", [
    ({"date": "2026-02-30"}, None),
    ({"date": "demain"}, None),
    ({"capacity": "beaucoup"}, None),
    ({"capacity": "0"}, "Indiquez un nombre entre 1 et 10 000."),
    ({"view": "year"}, None),
    ({"place": "999999"}, None),
])
def test_a_wrong_filter_is_a_400_with_a_message(client, staff, make_room, args, message):
    make_room()
    client.login(staff)
    response = client.get("/calendrier", query_string=args)
    assert response.status_code == 400
    root = parse(response)
    errors = [p.text for p in root.iter("p") if "error" in p.classes()]
    assert errors, response.get_data(as_text=True)
    if message:
        assert any(message in text for text in errors)
    assert root.find("form") is not None  # the filters are there to correct it
    fragment = client.get("/calendrier", query_string=args, htmx=True)
    assert fragment.status_code == 400
    alert = parse(fragment).find(role="alert")  # htmx swaps only the calendar: it says why too
    assert alert is not None and "Ces filtres ne sont pas valides" in alert.text
    if message:
        assert message in alert.text


@pytest.mark.parametrize("bad", ["2026-02-30", "demain", "31/01/2031"])
def test_a_wrong_date_is_refused_with_a_400_not_a_500(client, staff, make_room, bad):
    make_room()
    client.login(staff)
    for htmx in (False, True):
        response = client.get("/calendrier", query_string={"view": "week", "date": bad}, htmx=htmx)
        assert response.status_code == 400


def test_anonymous_people_are_sent_to_log_in(client, make_room):
    make_room()
    response = client.get("/calendrier", query_string=week_of(next_monday()))
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/connexion"
