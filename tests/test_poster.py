"""The door poster: a one-page A4 PDF of a room's week, readable in the visitor's language."""
import io
from datetime import time, timedelta

import flask_babel
import pytest
from pypdf import PdfReader

from portal import clock, pdf
from portal.database import db
from portal.rooms.models import Closure, Occurrence

A4 = (595.28, 841.89)  # points


def next_monday():
    today = clock.today()
    return today - timedelta(days=today.weekday()) + timedelta(weeks=1)


def poster_of(client, room, day=None):
    url = f"/salles/{room.id}/affiche.pdf" + (f"?date={day.isoformat()}" if day else "")
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("inline; filename=")
    body = response.get_data()
    assert body.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(body))


def text_of(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_poster_is_one_a4_page_with_the_week_and_the_qr_code(app, client, make_room, make_booking,
                                                                  make_association):
    room = make_room(name="Salle Simone-Veil", accessible_toilets=True, hearing_loop=True)
    monday = next_monday()
    approved = make_booking(room=room, association=make_association(name="Lien et Voisinage"),
                            day=monday + timedelta(days=2), start="18:30", end="20:00", status="approved",
                            purpose="Atelier d'écriture")
    make_booking(room=room, association=make_association(name="Attente Polie"), day=monday + timedelta(days=3),
                 status="pending")
    make_booking(room=room, association=make_association(name="Semaine Suivante"), day=monday + timedelta(days=7),
                 status="approved")
    make_booking(room=room, association=make_association(name="Semaine Passée"), day=monday - timedelta(days=1),
                 status="approved")

    reader = poster_of(client, room, monday + timedelta(days=2))  # any day of the week gives the week
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)
    assert reader.trailer["/Root"]["/Lang"] == "fr"

    text = text_of(reader)
    assert app.config["PORTAL_TOWN_NAME"] in text
    assert "Salle Simone-Veil" in text and room.place.name in text and room.place.address in text
    assert approved.association.name in text and "Atelier d'écriture" in text and "18:30–20:00" in text
    assert "Attente Polie" not in text  # a pending request is not a promise
    assert "Semaine Suivante" not in text and "Semaine Passée" not in text
    assert "Accès de plain-pied" in text and "Toilettes accessibles" in text
    assert "Boucle magnétique" in text and "Salle calme" not in text
    assert "Horaires d'ouverture" in text and "08:00–22:00" in text
    assert "En cas d'urgence : 15, 17, 18, 112, 114 (SMS)" in text
    assert "page 1 sur 1" in text
    assert f"http://passerelle.test/salles/{room.id}" in text.replace("\n", "")
    images = page["/Resources"]["/XObject"].values()
    assert [image.get_object()["/Subtype"] for image in images] == ["/Image"]  # the QR code


def test_closures_are_on_the_poster(client, make_room):
    room = make_room()
    monday = next_monday()
    db.session.add(Closure(place_id=room.place_id, starts_at=clock.at(monday + timedelta(days=1), time()),
                           ends_at=clock.at(monday + timedelta(days=2), time()), reason="Élections municipales"))
    db.session.add(Closure(room_id=room.id, starts_at=clock.at(monday + timedelta(days=4), time(9)),
                           ends_at=clock.at(monday + timedelta(days=4), time(12)), reason="Ménage"))
    db.session.commit()
    text = text_of(poster_of(client, room, monday))
    assert "Toute la journée" in text and "Élections municipales" in text
    assert "09:00–12:00" in text and "Ménage" in text


def test_the_default_week_is_this_week(client, make_room, make_booking, make_association):
    room = make_room()
    today = clock.today()
    make_booking(room=room, association=make_association(name="Cette Semaine"), day=today, start="21:00",
                 end="21:45", status="approved")
    assert "Cette Semaine" in text_of(poster_of(client, room))


def test_a_busy_week_stays_on_one_page(client, make_room, make_booking, make_association):
    room = make_room()
    monday = next_monday()
    booking = make_booking(room=room, association=make_association(name="Très Occupée"), day=monday,
                           start="08:00", end="08:45", status="approved",
                           purpose="Une réunion au titre assez long pour occuper toute une ligne de l'affiche")
    for day in range(7):  # 14 bookings a day, every day
        for hour in range(9 if day == 0 else 8, 22):
            booking.occurrences.append(Occurrence(
                room_id=room.id, status="approved", starts_at=clock.at(monday + timedelta(days=day), time(hour)),
                ends_at=clock.at(monday + timedelta(days=day), time(hour, 45))))
    db.session.commit()
    reader = poster_of(client, room, monday)
    assert len(reader.pages) == 1
    text = text_of(reader)
    assert "Très Occupée" in text and "autres" in text  # "…et N autres"
    assert "En cas d'urgence" in text  # the foot of the page is still there


def test_the_poster_speaks_english(client, make_room, make_booking):
    room = make_room()
    monday = next_monday()
    make_booking(room=room, day=monday, status="approved")
    client.post("/langue", {"locale": "en"})
    flask_babel.refresh()  # the app fixture keeps one ``g`` across requests, where the locale is cached
    reader = poster_of(client, room, monday)
    assert reader.trailer["/Root"]["/Lang"] == "en"
    text = text_of(reader)
    assert "Monday" in text and "Sunday" in text
    assert "lundi" not in text.lower() and "dimanche" not in text.lower()


@pytest.mark.parametrize("value", ["2025-13-01", "demain", "2025-02-30", "20250301"])
def test_a_bad_date_is_refused(client, make_room, value):
    room = make_room()
    response = client.get(f"/salles/{room.id}/affiche.pdf?date={value}")
    assert response.status_code == 400
    assert "text/html" in response.content_type


def test_an_unknown_room_has_no_poster(client):
    assert client.get("/salles/999999/affiche.pdf").status_code == 404


def test_the_room_page_links_to_its_poster(client, make_room):
    room = make_room()
    page = client.get(f"/salles/{room.id}").get_data(as_text=True)
    assert f'href="/salles/{room.id}/affiche.pdf"' in page
    assert "Affiche de la semaine (PDF)" in page


def test_without_any_font_the_error_says_what_to_install(app, monkeypatch):
    for finder in ("_configured_fonts", "_packaged_fonts", "_system_fonts"):
        monkeypatch.setattr(pdf, finder, lambda shaping: None)
    with pytest.raises(pdf.FontNotFound, match="fonts-dejavu-core"):
        pdf.find_fonts()


def test_a_configured_font_comes_first(app, tmp_path):
    packaged = pdf.find_fonts()
    app.config["PORTAL_PDF_FONT"] = str(packaged.regular)
    assert pdf.find_fonts().origin == "configuration"
    app.config["PORTAL_PDF_FONT"] = str(tmp_path / "missing.ttf")
    with pytest.raises(pdf.FontNotFound):
        pdf.find_fonts()


def test_large_type_documents(app):
    with app.test_request_context():
        standard, large = pdf.Document("Charte"), pdf.Document("Charte", large=True)
        assert large.body_size > standard.body_size
        standard.release_fonts()
        large.add_page()
        large.text_block("Le café est à 18 h. Œuvre « commune » – ça marche.")
        reader = PdfReader(io.BytesIO(large.to_bytes()))
    text = text_of(reader)
    assert "Œuvre « commune » – ça marche" in text and app.config["PORTAL_TOWN_NAME"] in text
