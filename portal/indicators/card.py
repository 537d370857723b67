"""The card a team prints for a date: four cards on an A4 page, cut along the dashed lines and
handed round, each with the QR code of the date's questionnaire, one sentence, the date, and
the address for those who would rather type it. The type shrinks until the QR code is large
enough to scan; easy-to-read cards never go below the easy-to-read minimum."""
from dataclasses import dataclass

from flask_babel import gettext as _

from portal.i18n import local_datetime
from portal.indicators import questionnaire
from portal.pdf import DARK, HEADER_HEIGHT, LARGE_MIN_SIZE, MARGIN, MUTED, Document
from portal.volunteers.operations import title_of

COLUMNS, ROWS = 2, 2
GAP = 8  # mm between two cards: room for the scissors
PADDING = 4  # mm inside a card
SPACE = 3  # mm between the pieces of a card
QR_WANTED, QR_SMALLEST = 40, 24  # mm: easily scanned on a table; still scanned from a hand
SCALES = (1, 0.9, 0.8)


@dataclass(frozen=True)
class Piece:
    text: str
    size: float  # pt
    bold: bool = False
    muted: bool = False
    anywhere: bool = False  # an address: broken anywhere rather than overflowing


def build(occurrence, locale, falc):
    """The page of cards as PDF bytes, in ``locale`` (already the current one)."""
    session = questionnaire.session_of(occurrence)
    url = questionnaire.link(occurrence, _external=True)
    texts = {
        "invitation": _("Donnez votre avis.\nC'est anonyme.\nC'est rapide : 1 minute.") if falc
        else _("Votre avis, anonyme, en 1 minute"),
        "when": f"« {title_of(session)} »\n{local_datetime(occurrence.starts_at)}",
        "how": _("Photographiez le code avec votre téléphone, ou tapez :") if falc
        else _("Scannez le code avec l'appareil photo de votre téléphone, ou tapez l'adresse :"),
        "address": url.split("://", 1)[-1],  # what a person types: browsers add the rest
    }
    doc = Document(_("Votre avis, anonyme, en 1 minute"), large=falc, locale=locale)
    doc.add_page()
    doc.set_auto_page_break(False)  # one page by design: the type shrinks instead
    top = MARGIN + HEADER_HEIGHT
    width = (doc.epw - GAP * (COLUMNS - 1)) / COLUMNS
    height = (doc.content_bottom - top - GAP * (ROWS - 1)) / ROWS
    pieces, qr = _fit(doc, texts, width, height, top)
    for row in range(ROWS):
        for column in range(COLUMNS):
            _card(doc, MARGIN + column * (width + GAP), top + row * (height + GAP), width, height, pieces, qr, url)
    return doc.to_bytes()


def _pieces(doc, texts, scale):
    """From top to bottom (the QR code goes after the first), at ``scale``."""
    def size(points):
        return max(LARGE_MIN_SIZE, points * scale) if doc.large else points * scale

    return [Piece(texts["invitation"], size(doc.body_size * 1.25), bold=True),
            Piece(texts["when"], size(16 if doc.large else 11)),
            Piece(texts["how"], size(LARGE_MIN_SIZE if doc.large else 9), muted=True),
            Piece(texts["address"], size(LARGE_MIN_SIZE if doc.large else 9), bold=True, muted=True, anywhere=True)]


def _fit(doc, texts, width, height, top):
    """The largest type that leaves room for a QR code of QR_WANTED mm, else the smallest."""
    for scale in SCALES:
        pieces = _pieces(doc, texts, scale)
        doc.set_y(top)
        room = height - 2 * PADDING - SPACE * (len(pieces) + 1) - sum(
            _draw(doc, piece, MARGIN + PADDING, width - 2 * PADDING, dry_run=True) for piece in pieces)
        if room >= QR_WANTED:
            return pieces, min(room, QR_WANTED + 15)
    return pieces, max(room, QR_SMALLEST)


def _draw(doc, piece, x, width, dry_run=False):
    return doc.text_block(piece.text, x=x, w=width, size=piece.size, bold=piece.bold, align="C",
                          color=MUTED if piece.muted else DARK, wrap_anywhere=piece.anywhere, dry_run=dry_run)


def _card(doc, x, y, width, height, pieces, qr, url):
    doc.set_draw_color(*MUTED)
    doc.set_line_width(0.3)
    doc.set_dash_pattern(dash=2, gap=1.5)
    doc.rect(doc.place(x, width), y, width, height)
    doc.set_dash_pattern()
    inner_x, inner_width = x + PADDING, width - 2 * PADDING
    first, *rest = pieces
    doc.set_y(y + PADDING)
    _draw(doc, first, inner_x, inner_width)
    doc.qr_code(url, x=inner_x + (inner_width - qr) / 2, y=doc.get_y() + SPACE, size=qr)
    doc.set_y(doc.get_y() + qr + 2 * SPACE)
    for piece in rest:
        _draw(doc, piece, inner_x, inner_width)
        doc.set_y(doc.get_y() + SPACE)
