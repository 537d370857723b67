"""Bar charts drawn on the server as inline SVG: no chart library in the browser, nothing to run.

Each chart is an image with a name (``<title>``) and a description (the sentence shown above it,
through ``aria-describedby``); the page puts the same figures in a table right after it. A hidden
figure is drawn as an empty, hatched box of a fixed size and labelled in words, never as a bar
whose length would give the number away. Every bar carries its value in words, so nothing is
said by colour alone. Colours: Okabe–Ito blue for the bars (5.2:1 on white, above the 3:1 asked
of graphics), the page's ink for text (above 4.5:1). The Content-Security-Policy forbids style
attributes and <style> blocks: only presentation attributes (``fill=``, ``stroke=``) are used.
"""
from markupsafe import Markup, escape

BAR = "#0072B2"  # Okabe–Ito blue
INK = "#1b1b1f"
HATCH = "#45464f"
PAPER = "#ffffff"

WIDTH = 640
MARGIN = 8
LABEL_HEIGHT = 20  # the row's name, above its bar
BAR_HEIGHT = 22
ROW_GAP = 14
VALUE_ROOM = 150  # room at the end of the longest bar for its value in words
HIDDEN_WIDTH = 48  # the box drawn for a hidden figure, the same whatever it hides
LONGEST_LABEL = 70  # characters: longer names are cut (the table gives them whole)


def _cut(label):
    label = str(label)
    return label if len(label) <= LONGEST_LABEL else label[:LONGEST_LABEL - 1] + "…"


def _attributes(**values):
    return " ".join(f'{name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in values.items())


def _element(tag, text=None, **values):
    if text is None:
        return f"<{tag} {_attributes(**values)}/>"
    return f"<{tag} {_attributes(**values)}>{escape(text)}</{tag}>"


def bar_chart(ident, title, described_by, bars, text, bounds=None):
    """An SVG bar chart. ``bars``: [(label, aggregates.Cell)]; ``text(cell)`` says a cell in words
    (« 42 », « moins de 5 », « masqué », « aucune donnée »). ``described_by``: the id of the
    sentence saying what the chart shows. Bars start from a zero line; values may be negative
    (a change). ``bounds``: (lowest, highest) the values can take, so that a small change is
    drawn small; by default, from the values shown."""
    shown = [cell.value for _label, cell in bars if cell.shown]
    lowest, highest = bounds or (min([0, *shown]), max([0, *shown]))
    span = (highest - lowest) or 1
    area = WIDTH - 2 * MARGIN - VALUE_ROOM
    zero = MARGIN + area * -lowest / span
    row = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    height = max(len(bars) * row, row)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{escape(ident)}-title" aria-describedby="{escape(described_by)}" '
        f'direction="ltr" font-size="14" class="chart">',
        _element("title", title, id=f"{ident}-title"),
        f'<defs><pattern id="{escape(ident)}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{PAPER}"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{HATCH}" stroke-width="2"/></pattern></defs>',
        _element("rect", x=0, y=0, width=WIDTH, height=height, fill=PAPER),
    ]
    for index, (label, cell) in enumerate(bars):
        top = index * row
        parts.append(_element("text", _cut(label), x=MARGIN, y=top + 15, fill=INK))
        bar_top = top + LABEL_HEIGHT
        if cell.shown:
            length = area * abs(cell.value) / span
            if length:
                start = zero if cell.value >= 0 else zero - length
                parts.append(_element("rect", x=round(start, 1), y=bar_top, width=round(length, 1),
                                      height=BAR_HEIGHT, fill=BAR))
            end = zero + (length if cell.value > 0 else 0)
        elif cell.value is not None:  # hidden: an empty hatched box, the same for any value
            parts.append(_element("rect", x=round(zero, 1), y=bar_top, width=HIDDEN_WIDTH, height=BAR_HEIGHT,
                                  fill=f"url(#{ident}-hatch)", stroke=HATCH, stroke_width=1.5,
                                  stroke_dasharray="4 3"))
            end = zero + HIDDEN_WIDTH
        else:  # nothing recorded: no box at all, only the words
            end = zero
        parts.append(_element("text", text(cell), x=round(end + 6, 1), y=bar_top + 16, fill=INK,
                              font_weight="bold"))
    parts.append(_element("line", x1=round(zero, 1), y1=LABEL_HEIGHT - 2, x2=round(zero, 1), y2=height - ROW_GAP + 2,
                          stroke=INK, stroke_width=1))
    parts.append("</svg>")
    return Markup("".join(parts))  # nosec B704  # every text and attribute value went through escape()
