"""A session's poster: one A4 page for public places (what, when, where, cost, coming with a
relative, signing up) with a QR code to its page. Easy-to-read posters use large type and the
format's easy-to-read texts. The type shrinks until everything fits on the page."""
from flask import url_for
from flask_babel import gettext as _

from portal.content import operations as content
from portal.formats import operations as formats
from portal.i18n import local_datetime, local_time
from portal.pdf import MARGIN, MUTED, Block, Document, Flow, Framed, Heading, Items, Paragraph
from portal.rooms.poster import accessibility_facts
from portal.sessions import public
from portal.sessions.texts import written_one

QR_SIZE = 42  # mm: read from a step or two away
SHOWN_DATES = 3


class QrCode(Block):
    """The QR code at the end side, with what it leads to beside it."""

    def __init__(self, url, text):
        self.url, self.text = url, text

    def render(self, doc, scale, dry_run):
        top = doc.get_y()
        width = doc.epw - QR_SIZE - 6
        height = doc.text_block(self.text, w=width, size=scale.size * 1.1, bold=True, dry_run=dry_run)
        doc.set_y(top + height)
        height += doc.text_block(self.url, w=width, size=scale.size if doc.large else scale.size - 1, color=MUTED,
                                 wrap_anywhere=True, dry_run=dry_run)
        if not dry_run:
            doc.qr_code(self.url, x=MARGIN + width + 6, y=top, size=QR_SIZE)
        height = max(height, QR_SIZE)
        doc.set_y(top if dry_run else top + height)
        return height


def build(session, locale, falc):
    """The poster as PDF bytes, in ``locale`` (already the current one)."""
    register = "falc" if falc else "standard"
    texts = formats.texts_of([session.format], locale, register, ("name", "purpose"))[session.format.id] \
        if session.format is not None else {}
    dates = public.upcoming_dates(session)
    room = public.room_of(session, dates)
    url = url_for("sessions.public_page", session_id=session.id, _external=True)
    written = written_one(session, locale)

    blocks = [Heading(written.title.text or (texts["name"].body if texts.get("name") else _("Rencontre")))]
    if texts.get("name"):
        blocks.append(Heading(texts["name"].body, level=2, muted=True))
    if written.objective.text:
        blocks.append(Paragraph(written.objective.text))
    if texts.get("purpose"):
        blocks.append(Paragraph(texts["purpose"].body))
    summary = public.summary(session, dates)
    when = ([summary] if summary else []) + [f"{local_datetime(d.starts_at)} – {local_time(d.ends_at)}"
                                             for d in dates[:SHOWN_DATES]]
    when = when or [_("Les prochaines dates seront bientôt annoncées.")]
    blocks += [Heading(_("Quand ?"), level=2), Items([("", line) for line in when])]
    if room is not None:
        where = [(room.place.name, f"{room.name} – {room.place.address}")]
        directions = content.lookup(room.place.directions_key, locale, register)
        if directions is not None:
            where.append((_("Pour venir"), directions.body))
        blocks += [Heading(_("Où ?"), level=2), Items(where),
                   Paragraph(("\n" if falc else " · ").join(accessibility_facts(room)), smaller=True)]
    blocks += [Heading(_("Bon à savoir"), level=2), Items(public.practical(session, falc))]
    blocks.append(QrCode(url, _("Toutes les informations et les prochaines dates : scannez ce code.")))
    blocks.append(Framed([Paragraph(_("En cas d'urgence : 15, 17, 18, 112, 114 (SMS)"), bold=True)]))

    return _one_page(written.title.text or _("Rencontre"), blocks, locale, falc)


def _one_page(title, blocks, locale, falc):
    """Large type if it fits (a poster is read from a step or two away), else, for a standard
    poster with long texts, the largest normal type that fits; easy-to-read stays large."""
    sizes = (True,) if falc else (True, False)
    for large in sizes:
        doc = Document(title, large=large, locale=locale)
        doc.add_page()
        flow = Flow(doc, blocks)
        scale = flow.fit()
        if scale is not None or large == sizes[-1]:
            break
        doc.release_fonts()  # only measured: the next try draws
    flow.draw(scale or flow.scales[-1])
    return doc.to_bytes()
