"""A quarter's indicators on one A4 page, for the municipal council: the headline figures, one
small table, and the reminder that they measure formats, not people. Built from the dashboard's
figures (suppressed the same way, shown in the same words) with the kit's document builder."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.indicators.aggregates import DIMENSIONS
from portal.kit.documents import one_page
from portal.pdf import LARGE_MIN_SIZE, MARGIN, Block, Document, Heading, Paragraph, Table

# The figures of the headline, and the columns of the table (the others stay on the dashboard).
HEADLINE = ("participants", "newcomers", "pairs_created", "oriented_care", "oriented_social", "oriented_rights",
            "oriented_other", "isolation", "answers", "buddy_pairs")
# The table's columns, named in words short enough for a column even in large type.
COLUMNS = {"participants": _l("Participants"), "newcomers": _l("Nouvelles personnes"),
           "isolation": _l("Évolution de l'isolement"), "answers": _l("Réponses")}


class Grid(Block):
    """A table with a header row: the first column for names, the others for figures."""

    FIRST_SHARE = 0.3  # of the page's width, for the names

    def __init__(self, header, rows, totals):
        self.header, self.rows, self.totals = header, rows, totals  # totals: the last row is the totals

    def render(self, doc, scale, dry_run):
        top = doc.get_y()
        size = LARGE_MIN_SIZE if doc.large else scale.size - 1
        first = doc.epw * self.FIRST_SHARE
        other = (doc.epw - first) / (len(self.header) - 1)
        for index, cells in enumerate([self.header, *self.rows]):
            row_top, bold = doc.get_y(), index == 0 or (self.totals and index == len(self.rows))
            height = 0
            for column, text in enumerate(cells):
                doc.set_y(row_top)
                x = MARGIN if column == 0 else MARGIN + first + (column - 1) * other
                height = max(height, doc.text_block(str(text), x=x, w=first if column == 0 else other, size=size,
                                                    bold=bold, dry_run=dry_run))
            doc.set_y(row_top + height)
            if not dry_run:
                doc.rule()
        height = doc.get_y() - top
        doc.set_y(top if dry_run else top + height)
        return height


def _lines(columns):
    """The table's lines, [name, then each figure's total over the quarter]: (those of the rows,
    [that of the totals] or [] when a single row makes them a repetition)."""
    bodies = [figure.body for figure in columns]
    lines = [[label] + [figure.text(body[index][2]) for figure, body in zip(columns, bodies)]
             for index, (label, _cells, _total) in enumerate(bodies[0])]
    return (lines[:-1], lines[-1:]) if len(columns[0].rows) > 1 else (lines, [])


def build(quarter, figures, dimension, scope, k, locale, falc):
    """The PDF bytes. ``quarter``: an aggregates.Period; ``figures``: the dashboard's for that
    quarter; ``scope``: whose dates they are, in words."""
    by_key = {figure.key: figure for figure in figures}
    title = _("Indicateurs des rencontres – %(quarter)s", quarter=quarter.label)
    doc = Document(title, large=falc, locale=locale)
    doc.add_page()
    headline = [(by_key[key].text(by_key[key].total), str(by_key[key].title), "") for key in HEADLINE if key in by_key]
    columns = [by_key[key] for key in COLUMNS]
    named, totals = _lines(columns)

    def blocks(kept):
        rows = named[:kept] + ([["…"] + [""] * len(columns)] if kept < len(named) else []) + totals
        table = (Grid([DIMENSIONS[dimension].label, *COLUMNS.values()], rows, bool(totals))
                 if rows else Paragraph(_("Aucune donnée sur cette période.")))
        return [
            Heading(title),
            Heading(f"{quarter.months} · {scope}", level=2, muted=True),
            Paragraph(_("Ces chiffres mesurent les formats de rencontre, pas les personnes. Ils sont anonymes : "
                        "un chiffre construit à partir de moins de %(k)s personnes ou réponses n'est pas donné "
                        "(« moins de %(k)s »), et d'autres sont masqués pour qu'il ne puisse pas être recalculé.",
                        k=k), bold=True),
            Heading(_("L'essentiel du trimestre"), level=2),
            Table(headline),
            Heading(DIMENSIONS[dimension].by, level=2),
            table,
            Paragraph(_("L'évolution de l'isolement est la moyenne, sur les personnes qui ont répondu au début et "
                        "à la fin, de la note de fin moins celle du début (de 0, pas du tout seul, à 10, très "
                        "seul) : un chiffre négatif veut dire moins d'isolement ressenti."), muted=True,
                      smaller=True),
        ]

    return one_page(doc, blocks, len(named))

