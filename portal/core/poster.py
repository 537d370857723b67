"""The emergency poster: the help numbers of the emergency page on one A4 page, in the
reader's language, in large type, with a QR code to the page (which staff keep up to date).

Each number says whom it reaches and when; what each line is for is on the page, one scan
away. However many local numbers the town adds, the poster stays on one page: the type
shrinks a step at a time, then the hours go.
"""
from flask import url_for
from flask_babel import gettext as _

from portal.core.help_numbers import help_number_groups
from portal.pdf import MARGIN, MUTED, Document

PAGE_RIGHT = 210 - MARGIN
NUMBER_WIDTH = 64  # mm: "09 72 39 40 50" in the largest type
TEXT_X = MARGIN + NUMBER_WIDTH + 3
TEXT_WIDTH = PAGE_RIGHT - TEXT_X
QR_SIZE = 32
INTRO_WIDTH = PAGE_RIGHT - MARGIN - QR_SIZE - 5
GAP = 2.2

# (number size, name size, hours size or None to leave them out), tried in order until the page
# holds every number.
LAYOUTS = ((22, 14, 11.5), (20, 13, 11), (18, 12, 10), (16, 11, 10), (16, 12, None), (14, 11, None))


def build():
    """The poster as PDF bytes, in the current language."""
    groups = help_number_groups()
    doc = Document(_("En cas d'urgence"))
    doc.add_page()
    top = _intro(doc)
    layout = next((layout for layout in LAYOUTS
                   if _numbers(doc, groups, top, layout, dry_run=True) <= doc.content_bottom), LAYOUTS[-1])
    _numbers(doc, groups, top, layout)
    return doc.to_bytes()


def _intro(doc):
    """The title, what to do, and the QR code to the page beside them; returns where they end."""
    top = doc.get_y()
    url = url_for("core.emergency", _external=True)
    doc.qr_code(url, x=PAGE_RIGHT - QR_SIZE, y=top, size=QR_SIZE)
    doc.heading(_("En cas d'urgence"), level=1, w=INTRO_WIDTH)
    _block(doc, _("Si une situation vous inquiète, ou si quelqu'un est en danger, n'attendez pas. "
                  "Mieux vaut appeler pour rien que trop tard."), False, w=INTRO_WIDTH, size=14, bold=True)
    _block(doc, _("Ces numéros sont aussi en ligne, toujours à jour : %(url)s", url=url), False,
           w=INTRO_WIDTH, size=11, color=MUTED, wrap_anywhere=True)
    return max(doc.get_y(), top + QR_SIZE) + 1


def _block(doc, text, dry_run, **kwargs):
    top = doc.get_y()
    height = doc.text_block(text, dry_run=dry_run, **kwargs)
    doc.set_y(top + height)
    return top + height


def _details(line):
    hours = str(line.hours).rstrip(".")
    parts = [f"{hours}." if hours else "", _("Gratuit.") if line.free else "",
             _("Aussi par SMS.") if line.sms else ""]
    return " ".join(part for part in parts if part)


def _numbers(doc, groups, top, layout, dry_run=False):
    """Every group and its numbers from ``top``; returns where they end."""
    number_size, name_size, detail_size = layout
    doc.set_y(top)
    for heading, numbers in groups:
        doc.set_y(doc.get_y() + GAP)
        _block(doc, str(heading), dry_run, size=name_size + 2, bold=True)
        if not dry_run:
            doc.rule()
        doc.set_y(doc.get_y() + GAP / 2)
        for line in numbers:
            row = doc.get_y()
            number_bottom = _block(doc, line.number, dry_run, x=MARGIN, w=NUMBER_WIDTH, size=number_size, bold=True)
            doc.set_y(row + 0.8)
            _block(doc, str(line.name), dry_run, x=TEXT_X, w=TEXT_WIDTH, size=name_size, bold=True)
            details = _details(line) if detail_size else ""
            if details:
                _block(doc, details, dry_run, x=TEXT_X, w=TEXT_WIDTH, size=detail_size, color=MUTED)
            doc.set_y(max(number_bottom, doc.get_y()) + GAP / 2)
    return doc.get_y()
