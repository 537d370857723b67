"""The booking journey of issue 3, in Chromium: an association asks for a weekly series, sees
the date that conflicts, sends the request; staff approve it from their queue; the association
is told by e-mail and its calendar feed shows the approved date."""
import re
from datetime import timedelta
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from playwright.sync_api import expect

from portal import clock
from tests.browser.support import log_in

pytestmark = pytest.mark.browser
PURPOSE = "Atelier « numérique apaisé »"


def confirmed_in_feed(page, feed_url):
    body = page.request.get(feed_url).text()
    return [event for event in body.split("BEGIN:VEVENT")[1:]
            if "STATUS:CONFIRMED" in event and "numérique apaisé" in event.replace("\r\n ", "")]


def test_a_weekly_series_is_requested_then_approved_and_reaches_the_feed(page, browser, live_server):
    # The demo's reading club meets every other Thursday in this room: a weekly series starting
    # next Thursday meets it on its second date, and only there.
    with live_server.app.app_context():
        today = clock.today()
    next_thursday = today - timedelta(days=today.weekday()) + timedelta(weeks=1, days=3)

    log_in(page, "association@passerelle.example")
    page.goto("/reservations/nouvelle")
    room = page.get_by_label("Salle", exact=True)
    room.select_option(label=room.locator("option", has_text="Salle de l'heure du conte").inner_text())
    page.get_by_label("Date (ou première date d'une série)").fill(next_thursday.isoformat())
    page.get_by_label("Heure de début").fill("15:00")
    page.get_by_label("Heure de fin").fill("16:00")
    page.get_by_label("Objet de la réservation").fill(PURPOSE)
    page.get_by_label("Nombre de personnes attendues").fill("8")
    page.get_by_label("Répétition").select_option("weekly")
    page.get_by_label("Ou nombre de dates").fill("2")
    page.get_by_role("button", name="Voir les dates et les conflits").click()
    preview = page.locator(".preview")
    expect(preview).to_contain_text("2 dates demandées")
    expect(preview.locator(".slot--conflict")).to_have_count(1)
    expect(preview).to_be_focused()  # the new content takes the focus after the swap

    page.get_by_role("button", name="Envoyer la demande").click()
    expect(page.locator(".flashes")).to_contain_text("Votre demande est envoyée")
    expect(page.get_by_role("table", name="Dates demandées")).to_contain_text("Non demandée (conflit)")

    page.goto("/reservations")
    page.get_by_role("button", name="Créer une adresse d'abonnement").first.click()
    feed_url = page.locator(".feed-url").first.inner_text().strip()
    assert confirmed_in_feed(page, feed_url) == []

    staff_context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    staff = staff_context.new_page()
    log_in(staff, "vie-associative@passerelle.example")
    item = staff.locator(".queue__item", has_text="numérique apaisé")
    expect(item).to_contain_text("Lien et Voisinage")
    item.get_by_role("button", name=re.compile("Approuver")).click()
    expect(staff.locator(".flashes")).to_contain_text("La demande est approuvée")
    staff_context.close()

    outbox = Path(live_server.app.config["OUTBOX_PATH"])
    mails = [message_from_bytes(f.read_bytes(), policy=policy.default) for f in outbox.glob("*.eml")]
    assert any(m["To"] == "association@passerelle.example" and "approuvée" in m["Subject"]
               and "numérique apaisé" in m.get_content() for m in mails)
    assert len(confirmed_in_feed(page, feed_url)) == 1
