"""The door poster: one A4 page with a room's week, its opening hours, its accessibility,
the emergency numbers and a QR code to its page, printed for the door of the room.

Only approved bookings and closures are shown (a pending request is not a promise). However
busy the week, the poster stays on one page: the type shrinks, then each day keeps its first
bookings and says how many more there are.
"""
from dataclasses import dataclass, field

from babel.dates import format_skeleton
from flask import url_for
from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_babel import ngettext

from portal import clock
from portal.i18n import local_day, local_time, wall_time
from portal.pdf import MARGIN, MUTED, Document
from portal.rooms import calendar
from portal.rooms.models import APPROVED

# How the week is set, tried in this order until it fits above the foot of the page:
# (type size in pt, with the purposes or not). Never below 10 pt: it is read standing at a door.
# If even the last does not fit, each day keeps its first bookings and says how many more.
LAYOUTS = ((13, True), (12, True), (11, True), (12, False), (11, False), (10, False))


# Columns, in mm from the start side of the page (left in French, right in Arabic).
RIGHT_EDGE = 210 - MARGIN
PAGE_WIDTH = RIGHT_EDGE - MARGIN
DAY_X, DAY_WIDTH = MARGIN, 34
TIME_X, TIME_WIDTH = DAY_X + DAY_WIDTH + 2, 38
TEXT_X = TIME_X + TIME_WIDTH + 1
TEXT_WIDTH = RIGHT_EDGE - TEXT_X
HOURS_X, HOURS_DAY_WIDTH, HOURS_WIDTH = MARGIN, 26, 72
FACTS_X, FACTS_WIDTH = MARGIN + 76, 58
QR_X, QR_COLUMN, QR_SIZE = RIGHT_EDGE - 44, 44, 38
URL_SIZES = (9, 8.5, 8, 7.5, 7, 6.5)
HOURS_SIZE = 11
ROW_PADDING = 1.6
GAP = 6


@dataclass
class Line:
    when: str
    title: str
    detail: str = ""


@dataclass
class Day:
    weekday: str
    date: str
    lines: list = field(default_factory=list)
    open: bool = True


def build(room, anchor=None):
    """The poster of the week (Monday to Sunday) holding ``anchor`` (default: today), as PDF bytes."""
    week = calendar.build(calendar.WEEK, anchor or clock.today(), [room])
    days = [_day(room, week, day) for day in week.days]
    doc = Document(_("Affiche de la semaine – %(room)s", room=room.name))
    doc.add_page()
    _title(doc, room)
    doc.heading(_("Semaine du %(first)s au %(last)s", first=local_day(week.first), last=local_day(week.last)),
                level=3)
    doc.text_block(_("Réservations confirmées et fermetures de la salle."), size=10, color=MUTED)
    doc.ln(2)
    week_top = doc.get_y()
    bottom_top = _bottom(doc, room, dry_run=True)
    size, details, caps = _fit(doc, days, available=bottom_top - GAP - week_top)
    doc.set_y(week_top)
    _week(doc, days, size, details, caps)
    _bottom(doc, room)
    return doc.to_bytes()


# --- what the poster says ----------------------------------------------------------------

def _day(room, week, day):
    locale = get_locale()
    shown = Day(weekday=format_date(day, "EEEE").capitalize(), date=format_skeleton("MMMMd", day, locale=locale),
                open=bool(room.hours_on(day.weekday())))
    day_start, day_end = clock.day_bounds(day, day)
    for entry in week.entries(room, day):
        if entry.kind == "booking" and entry.status == APPROVED:
            booking = entry.occurrence.booking
            shown.lines.append(Line(_span(entry, day_end), booking.association.name, booking.purpose))
        elif entry.kind == "closure":
            whole_day = entry.starts_at <= day_start and entry.ends_at >= day_end
            shown.lines.append(Line(_("Toute la journée") if whole_day else _span(entry, day_end),
                                    _("Salle fermée"), entry.closure.reason))
    return shown


def _span(entry, day_end):
    end = "24:00" if entry.ends_at >= day_end else local_time(entry.ends_at)
    return f"{local_time(entry.starts_at)}–{end}"


def accessibility_facts(room):
    """The room's accessibility in words, the same as on its web page."""
    facts = [_("Accès de plain-pied") if room.step_free else _("Pas d'accès de plain-pied"),
             _("Toilettes accessibles") if room.accessible_toilets else _("Pas de toilettes accessibles")]
    if room.hearing_loop:
        facts.append(_("Boucle magnétique pour les personnes malentendantes"))
    if room.calm:
        facts.append(_("Salle calme"))
    return facts


def opening_hours(room):
    """(weekday, hours) for Monday to Sunday, in the town's words."""
    names = get_locale().days["format"]["wide"]  # 0 = Monday, as in date.weekday()
    return [(names[weekday].capitalize(),
             ", ".join(f"{wall_time(opens)}–{wall_time(closes)}" for opens, closes in room.hours_on(weekday))
             or _("Fermée"))
            for weekday in range(7)]


# --- drawing -----------------------------------------------------------------------------

def _title(doc, room):
    doc.heading(room.name, level=1)
    doc.text_block(room.place.name, size=15, bold=True)
    doc.text_block(room.place.address, size=13)
    details = [_("Jusqu'à %(n)s personnes.", n=room.capacity)]
    if room.contact:
        details.append(f"{_('Contact :')} {room.contact}")
    doc.text_block("   ·   ".join(details), size=11, color=MUTED)
    doc.ln(3)
    doc.rule()
    doc.ln(3)


def _fit(doc, days, available):
    """(size, details, caps): the first layout that keeps the week within ``available`` mm, and
    how many bookings each day may show (None: all). Days are measured one by one, as a row's
    height does not depend on the others."""
    for size, details in LAYOUTS:
        if sum(_row(doc, day, size, details, None, dry_run=True) for day in days) <= available:
            return size, details, [None] * len(days)
    # Share the room out: one more booking for each day in turn, as long as the week fits.
    caps = [min(1, len(day.lines)) for day in days]
    heights = [_row(doc, day, size, details, cap, dry_run=True) for day, cap in zip(days, caps)]
    grown = True
    while grown:
        grown = False
        for index, day in enumerate(days):
            if caps[index] < len(day.lines):
                height = _row(doc, day, size, details, caps[index] + 1, dry_run=True)
                if sum(heights) - heights[index] + height <= available:
                    caps[index] += 1
                    heights[index] = height
                    grown = True
    return size, details, caps


def _week(doc, days, size, details, caps):
    """The week, one row a day, separated by rules."""
    for index, (day, cap) in enumerate(zip(days, caps)):
        if index:
            doc.rule()
        _row(doc, day, size, details, cap)


def _row(doc, day, size, details, cap, dry_run=False):
    """One day: its name and date, then its bookings and closures (``cap`` at most); returns the
    row's height. With ``dry_run``, draws nothing and leaves the position where it was."""
    row_top = doc.get_y()
    doc.set_y(row_top + ROW_PADDING)
    label_bottom = _day_label(doc, day, size, dry_run)
    doc.set_y(row_top + ROW_PADDING)
    lines_bottom = _day_lines(doc, day, size, details, cap, dry_run)
    bottom = max(label_bottom, lines_bottom) + ROW_PADDING
    doc.set_y(row_top if dry_run else bottom)
    return bottom - row_top


def _block(doc, text, dry_run, **kwargs):
    """Draw (or only measure) a text block from the current height; returns its bottom."""
    top = doc.get_y()
    height = doc.text_block(text, dry_run=dry_run, **kwargs)
    doc.set_y(top + height)
    return top + height


def _day_label(doc, day, size, dry_run):
    _block(doc, day.weekday, dry_run, x=DAY_X, w=DAY_WIDTH, size=size, bold=True)
    return _block(doc, day.date, dry_run, x=DAY_X, w=DAY_WIDTH, size=size - 1)


def _day_lines(doc, day, size, details, cap, dry_run):
    lines = day.lines if cap is None else day.lines[:cap]
    if not lines:
        text = _("Pas de réservation") if day.open else _("Fermée")
        return _block(doc, text, dry_run, x=TIME_X, w=RIGHT_EDGE - TIME_X, size=size, color=MUTED)
    bottom = doc.get_y()
    for line in lines:
        top = doc.get_y()
        time_bottom = _block(doc, line.when, dry_run, x=TIME_X, w=TIME_WIDTH, size=size, bold=True)
        doc.set_y(top)
        _block(doc, line.title, dry_run, x=TEXT_X, w=TEXT_WIDTH, size=size, bold=True)
        if details and line.detail:
            _block(doc, line.detail, dry_run, x=TEXT_X, w=TEXT_WIDTH, size=size - 1.5, color=MUTED)
        bottom = max(time_bottom, doc.get_y())
        doc.set_y(bottom + (0.8 if details else 0.2))
    hidden = len(day.lines) - len(lines)
    if hidden:
        bottom = _block(doc, ngettext("…et %(num)d autre", "…et %(num)d autres", hidden), dry_run,
                        x=TEXT_X, w=TEXT_WIDTH, size=size - 1, color=MUTED)
    return bottom


def _bottom(doc, room, dry_run=False):
    """Opening hours, accessibility and the QR code side by side, then the emergency numbers,
    at the foot of the page. Returns where this part begins (with ``dry_run``, draws nothing)."""
    url = url_for("rooms.room", room_id=room.id, _external=True)
    emergency_height = _emergency(doc, 0, dry_run=True)
    columns_height = max(
        column(doc, 0, room, url, dry_run=True) for column in (_hours_column, _facts_column, _qr_column))
    top = doc.content_bottom - emergency_height - GAP - columns_height
    if not dry_run:
        doc.rule(top - GAP / 2)
        for column in (_hours_column, _facts_column, _qr_column):
            column(doc, top, room, url)
        _emergency(doc, doc.content_bottom - emergency_height)
    return top


def _hours_column(doc, top, room, url, dry_run=False):
    doc.set_y(top)
    _block(doc, _("Horaires d'ouverture"), dry_run, x=HOURS_X, w=HOURS_WIDTH, size=12, bold=True)
    doc.set_y(doc.get_y() + 1)
    for day, span in opening_hours(room):
        row = doc.get_y()
        day_bottom = _block(doc, day, dry_run, x=HOURS_X, w=HOURS_DAY_WIDTH, size=HOURS_SIZE, bold=True)
        doc.set_y(row)
        span_bottom = _block(doc, span, dry_run, x=HOURS_X + HOURS_DAY_WIDTH, w=HOURS_WIDTH - HOURS_DAY_WIDTH,
                             size=HOURS_SIZE)
        doc.set_y(max(day_bottom, span_bottom))
    return doc.get_y() - top


def _facts_column(doc, top, room, url, dry_run=False):
    doc.set_y(top)
    _block(doc, _("Accueil et accessibilité"), dry_run, x=FACTS_X, w=FACTS_WIDTH, size=12, bold=True)
    doc.set_y(doc.get_y() + 1)
    for fact in accessibility_facts(room):
        _block(doc, f"• {fact}", dry_run, x=FACTS_X, w=FACTS_WIDTH, size=HOURS_SIZE)
        doc.set_y(doc.get_y() + 0.6)
    return doc.get_y() - top


def _qr_column(doc, top, room, url, dry_run=False):
    doc.set_y(top)
    _block(doc, _("Cette salle en ligne"), dry_run, x=QR_X, w=QR_COLUMN, size=10, bold=True, align="C")
    qr_top = doc.get_y() + 1
    if not dry_run:
        doc.qr_code(url, x=QR_X + (QR_COLUMN - QR_SIZE) / 2, y=qr_top, size=QR_SIZE)
    doc.set_y(qr_top + QR_SIZE + 1)
    # On one line if a smaller type allows it, else after the site's name (then anywhere).
    room_for_text = QR_COLUMN - 2 * doc.c_margin - 0.5
    if _width(doc, url, URL_SIZES[-1]) > room_for_text:
        scheme, separator, rest = url.partition("://")
        site, slash, path = rest.partition("/")
        url = f"{scheme}{separator}{site}{slash}\n{path}"
    longest = max(url.split("\n"), key=len)
    size = next((size for size in URL_SIZES if _width(doc, longest, size) <= room_for_text), URL_SIZES[-1])
    _block(doc, url, dry_run, x=QR_X, w=QR_COLUMN, size=size, align="C", wrap_anywhere=True)
    return doc.get_y() - top


def _width(doc, text, size):
    doc.style(size)
    return doc.get_string_width(text)


def _emergency(doc, top, dry_run=False):
    """The emergency numbers in a framed box; returns its height."""
    inner_x, inner_w = MARGIN + 4, PAGE_WIDTH - 8
    doc.set_y(top + 2.5)
    _block(doc, _("En cas d'urgence : 15, 17, 18, 112, 114 (SMS)"), dry_run,
           x=inner_x, w=inner_w, size=16, bold=True, align="C")
    _block(doc, _("15 SAMU · 17 police · 18 pompiers · 112 urgences dans toute l'Europe · 114 par SMS, "
                  "pour les personnes sourdes, malentendantes ou qui ne peuvent pas parler"), dry_run,
           x=inner_x, w=inner_w, size=9.5, align="C")
    height = doc.get_y() + 2.5 - top
    if not dry_run:
        doc.set_draw_color(0, 0, 0)
        doc.set_line_width(0.8)
        doc.rect(MARGIN, top, PAGE_WIDTH, height, round_corners=True, corner_radius=2)
    return height
