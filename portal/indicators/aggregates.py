"""The dashboard's figures, and what keeps them from singling anyone out.

Every figure is a table: one row per format, place or association (the chosen dimension), one
column per month or quarter, with row and column totals. It is built from the teams' counts
(``OccurrenceCount``) and the anonymous answers, for the dates of the period and the associations
the reader may see, then passed through ``suppress``:

- primary suppression: a cell (or a total) built from fewer than K people or answers
  (``INDICATORS_MIN_COUNT``) is shown as « moins de K », never its number. For the counts the
  people are the cell's participants; for the isolation change, its paired answers;
- secondary suppression: a hidden cell must not be recomputed from the totals. In a table with
  totals, each row and each column is an equation (total = sum of its cells). A line with a
  single hidden entry gives it away by subtraction, so another entry of that line is hidden too,
  the smallest one shown. Lines are not the only equations, though: two groups of hidden cells
  joined by a single hidden cell give that cell away once the group's equations are added up
  (in graph terms, the hidden cells are edges between rows and columns, and an edge that is a
  bridge is determined). Such a cell gets a hidden neighbour that closes a cycle. Both rules are
  applied until nothing changes.

A cell where nothing was recorded at all (no count, no answer) is shown as « aucune donnée »: it
is a known zero, never hidden and never used to protect another cell (hiding it would protect
nothing, since everyone can see when a format had no date).
"""
import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from flask import current_app
from flask_babel import format_date, format_decimal, format_number
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal import clock
from portal.associations.models import Association
from portal.binomes import counts as binomes
from portal.binomes.models import PAIR_ACCEPTED
from portal.content.operations import shown_as
from portal.database import db
from portal.formats import operations as formats
from portal.formats.models import Format
from portal.indicators import questionnaire
from portal.indicators.counts import NUMBERS, ORIENTATION_COLUMNS
from portal.indicators.models import END, ORIENTATIONS, START, STANDARD, Answer, OccurrenceCount
from portal.roles import MANAGERS
from portal.rooms.models import APPROVED, Booking, Occurrence, Place, Room
from portal.sessions.models import Session

SMALL, PROTECTING = "small", "protecting"  # hidden: fewer than K, or to protect another cell

MONTH, QUARTER = "month", "quarter"
PERIODS = {MONTH: _l("Par mois"), QUARTER: _l("Par trimestre")}
MONTHS_IN = {MONTH: 1, QUARTER: 3}
LONGEST = 36  # months a dashboard covers at most: a table stays readable


@dataclass(frozen=True)
class Dimension:
    label: str  # the rows' heading: « Format »
    each: str  # in a sentence: « pour chaque format »
    by: str  # a heading: « Par format »


FORMAT, PLACE, ASSOCIATION = "format", "place", "association"
DIMENSIONS = {
    FORMAT: Dimension(_l("Format"), _l("pour chaque format"), _l("Par format")),
    PLACE: Dimension(_l("Lieu"), _l("pour chaque lieu"), _l("Par lieu")),
    ASSOCIATION: Dimension(_l("Association"), _l("pour chaque association"), _l("Par association")),
}
# The rows of the buddy scheme's figure: the scheme itself, whatever the dashboard's rows are.
SCHEME = Dimension(_l("Dispositif"), "", "")


# --- suppression ------------------------------------------------------------------------------

def suppress(table, k):
    """Which entries of ``table`` to hide. ``table`` is a matrix of numbers (the people or
    answers each entry is built from) whose last row and last column are the totals; None marks
    an entry where nothing was recorded (a known zero). Returns a matrix of the same shape: None
    (shown), SMALL (fewer than ``k``) or PROTECTING (hidden so that a SMALL one cannot be
    recomputed). Pure: reads nothing else, changes nothing."""
    hidden = [[SMALL if value is not None and value < k else None for value in row] for row in table]
    while _protect_lines(table, hidden) or _protect_bridges(table, hidden):
        pass
    return hidden


def _lines(table):
    """Every row and every column, as lists of positions (each one is an equation)."""
    rows, columns = len(table), len(table[0])
    return ([[(i, j) for j in range(columns)] for i in range(rows)]
            + [[(i, j) for i in range(rows)] for j in range(columns)])


def _smallest_shown(table, hidden, positions):
    """The position to hide next among ``positions``: a shown entry with something recorded, a
    cell before a total, the smallest first; None when there is none."""
    last_row, last_column = len(table) - 1, len(table[0]) - 1
    shown = [(i, j) for i, j in positions if hidden[i][j] is None and table[i][j] is not None]
    return min(shown, key=lambda p: (p[0] == last_row or p[1] == last_column, table[p[0]][p[1]], p),
               default=None)


def _hide(hidden, position):
    hidden[position[0]][position[1]] = PROTECTING
    return True


def _protect_lines(table, hidden):
    """Hide the smallest shown entry of the first line left with a single hidden entry."""
    for line in _lines(table):
        if sum(hidden[i][j] is not None for i, j in line) == 1:
            position = _smallest_shown(table, hidden, line)
            if position is not None:
                return _hide(hidden, position)
    return False


def _reached(edges, start, without):
    """The rows and columns joined to ``start`` by hidden entries other than ``without``."""
    neighbours = defaultdict(list)
    for i, j in edges:
        if (i, j) != without:
            neighbours[("row", i)].append(("column", j))
            neighbours[("column", j)].append(("row", i))
    seen, todo = {start}, [start]
    while todo:
        for other in neighbours[todo.pop()]:
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def _protect_bridges(table, hidden):
    """Hide an entry that closes a cycle through the first hidden entry that is a bridge."""
    edges = [(i, j) for i, row in enumerate(hidden) for j, state in enumerate(row) if state is not None]
    for i, j in edges:
        one_side = _reached(edges, ("row", i), without=(i, j))
        if ("column", j) in one_side:
            continue
        other_side = _reached(edges, ("column", j), without=(i, j))
        crossing = [(r, c) for r in range(len(table)) for c in range(len(table[0]))
                    if (("row", r) in one_side and ("column", c) in other_side)
                    or (("row", r) in other_side and ("column", c) in one_side)]
        position = _smallest_shown(table, hidden, crossing) or _smallest_shown(
            table, hidden, [(i, c) for c in range(len(table[0]))] + [(r, j) for r in range(len(table))])
        if position is not None:
            return _hide(hidden, position)
    return False


def with_totals(matrix, columns):
    """``matrix`` (rows of ``columns`` numbers or None) with a total column and a total row."""
    def total(values):
        found = [value for value in values if value is not None]
        return sum(found) if found else None

    rows = [list(row) + [total(row)] for row in matrix]
    return rows + [[total(row[j] for row in rows) for j in range(columns + 1)]]


# --- periods ------------------------------------------------------------------------------------

def month_of(day):
    return day.replace(day=1)


def period_of(day, kind):
    """The first day of the month or quarter ``day`` is in."""
    return date(day.year, (day.month - 1) // MONTHS_IN[kind] * MONTHS_IN[kind] + 1, 1)


@dataclass(frozen=True)
class Period:
    first: date  # its first day
    kind: str  # MONTH or QUARTER

    @property
    def end(self):
        """The day after it."""
        return self.first + relativedelta(months=MONTHS_IN[self.kind])

    @property
    def last_month(self):
        return self.end - relativedelta(months=1)

    @property
    def quarter(self):
        return (self.first.month - 1) // 3 + 1

    @property
    def label(self):
        if self.kind == QUARTER:
            return _("T%(quarter)s %(year)s", quarter=self.quarter, year=self.first.year)
        return format_date(self.first, "LLLL y")

    @property
    def months(self):
        """Its months in words: « janvier – mars 2026 »."""
        return months_between(self.first, self.last_month)


def months_between(first, last):
    if first == last:
        return format_date(first, "LLLL y")
    start = format_date(first, "LLLL" if first.year == last.year else "LLLL y")
    return _("%(first)s – %(last)s", first=start, last=format_date(last, "LLLL y"))


def periods_between(first, last, kind):
    """The months or quarters from the one holding ``first`` to the one holding ``last``."""
    found, current = [], period_of(first, kind)
    while current <= last:
        found.append(Period(current, kind))
        current += relativedelta(months=MONTHS_IN[kind])
    return found


@dataclass(frozen=True)
class Filters:
    first: date  # a day of the first month
    last: date  # a day of the last month
    period: str = QUARTER
    dimension: str = FORMAT
    associations: tuple | None = None  # ids of the associations shown; None: every one

    @property
    def periods(self):
        return periods_between(self.first, self.last, self.period)


def default_range(today=None):
    """The four quarters up to this one: a year, in periods that gather enough people."""
    today = clock.today() if today is None else today
    return period_of(today, QUARTER) - relativedelta(months=9), month_of(today)


# --- who sees what ------------------------------------------------------------------------------

def associations_for(user):
    """The associations ``user`` may see the figures of (staff: every one), by name."""
    if user.has_role(*MANAGERS):
        return db.session.scalars(sa.select(Association).order_by(Association.name)).all()
    return user.associations


def scope_of(user, chosen=None):
    """The association ids to show: None for every association (staff, no choice made), else
    the chosen one, or the reader's own. A choice outside what the reader may see shows nothing."""
    if user.has_role(*MANAGERS):
        return None if chosen is None else (chosen,)
    own = tuple(a.id for a in user.associations)
    if chosen is None:
        return own
    return (chosen,) if chosen in own else ()


def scope_in_words(associations):
    """Whose dates the figures are about: « Toutes les associations », or their names."""
    if associations is None:
        return _("Toutes les associations")
    names = db.session.scalars(sa.select(Association.name).where(Association.id.in_(associations))
                               .order_by(Association.name)).all()
    return ", ".join(names) or _("Aucune association")


def in_words(filters):
    """The filters in a line: « janvier – mars 2026 · Par format · Par mois · Toutes les associations »."""
    periods = filters.periods
    return " · ".join(str(part) for part in (
        months_between(periods[0].first, periods[-1].last_month), DIMENSIONS[filters.dimension].by,
        PERIODS[filters.period], scope_in_words(filters.associations)))


# --- the facts of each date ---------------------------------------------------------------------

ROW_COLUMNS = {FORMAT: Session.format_id, PLACE: Room.place_id, ASSOCIATION: Session.association_id}


def _dates(filters):
    """The approved dates of sessions in the period and scope: (id, starts_at, row key)."""
    periods = filters.periods
    start, end = clock.day_bounds(periods[0].first, periods[-1].end - timedelta(days=1))
    query = (sa.select(Occurrence.id, Occurrence.starts_at, ROW_COLUMNS[filters.dimension])
             .join(Booking, Occurrence.booking_id == Booking.id)
             .join(Session, Booking.session_id == Session.id)
             .join(Room, Occurrence.room_id == Room.id)
             .where(Occurrence.status == APPROVED, Occurrence.starts_at >= start, Occurrence.starts_at < end))
    if filters.associations is not None:
        query = query.where(Session.association_id.in_(filters.associations))
    return query


def isolation_changes(answers):
    """End − start of the isolation felt, one per phone and date that gave both (standard
    questionnaire only), as {(occurrence id, device): change}. A phone that answered a moment
    twice counts once, with its latest answer."""
    latest = {}
    for answer in sorted(answers, key=lambda a: a.id):
        if answer.device and answer.variant == STANDARD and answer.isolation is not None:
            latest[(answer.occurrence_id, answer.device, answer.moment)] = answer.isolation
    return {(occurrence, device): latest[(occurrence, device, END)] - isolation
            for (occurrence, device, moment), isolation in latest.items()
            if moment == START and (occurrence, device, END) in latest}


@dataclass
class Tally:
    """What one cell gathers: sums of the counts, the answers, the isolation changes."""
    counted: bool = False  # at least one count recorded
    numbers: dict = field(default_factory=lambda: dict.fromkeys(NUMBERS, 0))
    answers: int = 0
    changes: list = field(default_factory=list)


def _tallies(filters):
    """({(row key, period first day): Tally}, {row keys}) for the filters."""
    dates = _dates(filters).subquery()
    where = {}
    for occurrence_id, starts_at, row in db.session.execute(sa.select(dates)):
        where[occurrence_id] = (row, period_of(clock.local(starts_at).date(), filters.period))
    tallies = defaultdict(Tally)
    for count in db.session.scalars(sa.select(OccurrenceCount).where(OccurrenceCount.occurrence_id.in_(
            sa.select(dates.c.id)))):
        tally = tallies[where[count.occurrence_id]]
        tally.counted = True
        for name in NUMBERS:
            tally.numbers[name] += getattr(count, name)
    answers = db.session.scalars(questionnaire.visible().where(Answer.occurrence_id.in_(sa.select(dates.c.id)))).all()
    for answer in answers:
        tallies[where[answer.occurrence_id]].answers += 1
    for (occurrence_id, _device), change in isolation_changes(answers).items():
        tallies[where[occurrence_id]].changes.append(change)
    return tallies, {row for row, _period in tallies}


# --- figures ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cell:
    value: float | int | None  # None: nothing recorded
    hidden: str | None = None  # SMALL, PROTECTING or None

    @property
    def shown(self):
        return self.value is not None and self.hidden is None


@dataclass(frozen=True)
class Frame:
    """What the figures of a dashboard share: rows, periods, what the rows are, and K."""
    rows: list  # [(key, label)]
    periods: list  # [Period]
    dimension: Dimension
    k: int


@dataclass
class Figure:
    key: str
    title: str
    what: str  # in a sentence: « le nombre de participants »
    frame: Frame
    cells: list  # (rows + 1) × (periods + 1) Cells, the last row and column being the totals
    mean: bool = False  # a mean change (signed, one decimal) rather than a count

    @property
    def rows(self):
        return self.frame.rows

    @property
    def periods(self):
        return self.frame.periods

    @property
    def total(self):
        return self.cells[-1][-1]

    @property
    def body(self):
        """[(label, cells of the periods, total cell)] of each row, then of the totals (left out
        when there is a single row: they would only repeat it)."""
        labels = [label for _key, label in self.rows] + [_("Total")]
        lines = [(label, row[:-1], row[-1]) for label, row in zip(labels, self.cells)]
        return lines if len(self.rows) > 1 else lines[:-1]

    @property
    def bounds(self):
        """The values a figure can take, for its chart: a change of isolation is between −10 and
        +10; a count has no fixed bounds."""
        return (-10, 10) if self.mean else None

    def text(self, cell):
        """A cell as every reader sees it: in the table, the chart, the CSV and the PDF."""
        if cell.value is None:
            return _("aucune donnée")
        if cell.hidden == SMALL:
            return _("moins de %(k)s", k=self.frame.k)
        if cell.hidden == PROTECTING:
            return _("masqué")
        if self.mean:
            return format_decimal(cell.value, "+#,##0.0;-#,##0.0")
        return format_number(cell.value)

    def bars(self):
        """(bars, over_time) for the chart: the row totals when there are several rows, else the
        periods of the only row. ``bars``: [(label, Cell)]."""
        if len(self.rows) > 1:
            return [(label, total) for label, _cells, total in self.body[:-1]], False
        if len(self.rows) == 1:
            return [(period.label, cell) for period, cell in zip(self.periods, self.cells[0][:-1])], True
        return [], False

    @property
    def summary(self):
        """The sentence saying what the chart shows."""
        period = months_between(self.periods[0].first, self.periods[-1].last_month)
        if self.bars()[1]:
            return _("Ce graphique montre %(what)s pour « %(row)s », période par période (%(range)s) ; le tableau qui "
                     "suit donne les mêmes chiffres.", what=self.what, row=self.rows[0][1], range=period)
        return _("Ce graphique montre %(what)s %(each)s, sur toute la période (%(range)s) ; le tableau qui suit "
                 "donne les mêmes chiffres, dans sa colonne « Total », et leur détail période par période.",
                 what=self.what, each=self.frame.dimension.each, range=period)


def _figure(key, title, what, frame, values, hidden, mean=False):
    """A figure of ``values`` (with totals), hiding what ``hidden`` says (see ``suppress``)."""
    cells = [[Cell(value, hidden[i][j] if value is not None else None) for j, value in enumerate(row)]
             for i, row in enumerate(values)]
    return Figure(key, title, what, frame, cells, mean)


def _matrix(tallies, row_keys, periods, read):
    """Rows × periods of ``read(tally)``, None where no tally (or ``read`` says nothing)."""
    return [[read(tallies[(row, period.first)]) if (row, period.first) in tallies else None
             for period in periods] for row in row_keys]


COUNT_FIGURES = (
    ("participants", _l("Participants"), _l("le nombre de participants")),
    ("newcomers", _l("Nouvelles personnes"), _l("le nombre de personnes venues pour la première fois")),
    ("pairs_created", _l("Binômes créés pendant les rencontres"), _l("le nombre de binômes créés")),
) + tuple((column, _l("Orientations proposées : %(kind)s", kind=ORIENTATIONS[kind]),
           _l("le nombre d'orientations proposées (%(kind)s)", kind=ORIENTATIONS[kind]))
          for kind, column in ORIENTATION_COLUMNS.items())


def dashboard(filters, k=None):
    """Every figure for ``filters``, suppressed: [Figure]. The counts share the participants'
    hidden cells (their people are the participants); the isolation change hides by paired
    answers, the answer counts by answers."""
    k = current_app.config["INDICATORS_MIN_COUNT"] if k is None else k
    periods = filters.periods
    tallies, row_keys = _tallies(filters)
    rows = sorted(zip(row_keys, row_labels(filters.dimension, row_keys)), key=lambda row: str(row[1]).casefold())
    frame = Frame(rows, periods, DIMENSIONS[filters.dimension], k)

    def table(read):
        return with_totals(_matrix(tallies, [key for key, _label in rows], periods, read), len(periods))

    people_hidden = suppress(table(lambda t: t.numbers["participants"] if t.counted else None), k)
    figures = [_figure(key, title, what, frame, table(lambda t, key=key: t.numbers[key] if t.counted else None),
                       people_hidden) for key, title, what in COUNT_FIGURES]

    paired = table(lambda t: len(t.changes) or None)
    changes = table(lambda t: sum(t.changes) if t.changes else None)
    means = [[None if n is None else total / n for n, total in zip(n_row, sum_row)]
             for n_row, sum_row in zip(paired, changes)]
    figures.append(_figure("isolation", _l("Évolution du sentiment d'isolement"),
                           _l("l'évolution moyenne du sentiment d'isolement entre le début et la fin (de 0 à 10)"),
                           frame, means, suppress(paired, k), mean=True))
    answers = table(lambda t: t.answers or None)
    figures.append(_figure("answers", _l("Réponses au questionnaire"), _l("le nombre de réponses au questionnaire"),
                           frame, answers, suppress(answers, k)))
    if filters.associations is None:
        figures.append(buddy_pairs(frame))
    return figures


def buddy_pairs(frame):
    """The pairs the town's buddy scheme formed, per period (nobody named: ``PairEvent``). The
    scheme belongs to no format, place or association: one row, shown to staff only."""
    periods = frame.periods
    by_month = binomes.by_month(periods[0].first, periods[-1].last_month)
    formed = [[sum(counts[PAIR_ACCEPTED] for month, counts in by_month if period.first <= month < period.end)
               for period in periods]]
    values = with_totals(formed, len(periods))
    own = Frame([(None, _l("Binômes de la mairie"))], periods, SCHEME, frame.k)
    return _figure("buddy_pairs", _l("Binômes formés par la mairie"), _l("le nombre de binômes formés"), own,
                   values, suppress(values, frame.k))


def row_labels(dimension, keys):
    """The name of each row, in the reader's language."""
    ids = [key for key in keys if key is not None]
    if dimension == FORMAT:
        found = {f.id: f for f in db.session.scalars(sa.select(Format).where(Format.id.in_(ids)))}
        names = formats.texts_of(list(found.values()), *shown_as(), ("name",))
        return [_l("Sans format") if key is None else
                (names[key]["name"].body if names[key]["name"] else found[key].slug) for key in keys]
    model = Place if dimension == PLACE else Association
    found = {row.id: row.name for row in db.session.scalars(sa.select(model).where(model.id.in_(ids)))}
    return [found[key] for key in keys]


# --- export ------------------------------------------------------------------------------------

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text):
    """``text`` as a spreadsheet will show it, never run it: a leading apostrophe when it starts
    like a formula, unless it is a plain signed number (a mean change such as -1,5)."""
    text = str(text)
    plain_number = text[1:].replace(",", "").replace(".", "").replace("\u202f", "").replace("\u00a0", "").isdigit()
    if text.startswith(FORMULA_STARTS) and not (text[0] in "+-" and plain_number):
        return "'" + text
    return text


def to_csv(figures, dimension):
    """The tables exactly as the dashboard shows them (hidden cells in words), one line per
    cell: figure, row, period, value. Never an answer itself."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("Indicateur"), DIMENSIONS[dimension].label, _("Période"), _("Valeur")])
    for figure in figures:
        labels = [period.label for period in figure.periods] + [_("Total")]
        for row_label, cells, total in figure.body:
            for label, cell in zip(labels, [*cells, total]):
                parts = (figure.title, row_label, label, figure.text(cell))
                writer.writerow([spreadsheet_safe(part) for part in parts])
    return "\ufeff" + out.getvalue()  # the mark tells spreadsheets the text is UTF-8
