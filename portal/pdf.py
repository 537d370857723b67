"""One builder for every PDF the portal prints (door posters, charters, resource sheets).

``Document`` is an A4 page with the town's name (and, if asked, the date) in the header,
"page N sur M" in the footer, a Unicode TrueType font, the reading direction of the language
(right-to-left through text shaping), an optional large type for easy-to-read (FALC) documents,
and QR codes from segno. ``Flow`` lays out a one-page document made of blocks, shrinking its
type and spacing until it fits (see ``Flow.fit``).

The font is never committed to the repository. It is found, in this order:

1. ``PORTAL_PDF_FONT`` and ``PORTAL_PDF_FONT_BOLD`` in the configuration (paths to .ttf/.otf);
2. FiraGO (Mozilla; Latin, Cyrillic, Greek, Arabic, Hebrew), shipped inside the
   ``pymupdf-fonts`` dependency: it installs with the portal, so a fresh machine needs nothing
   else. fpdf2 reads fonts from files, so the package's font is written once into
   ``instance/fonts/``;
3. DejaVu Sans from the system (fontconfig's ``fc-match``, then the usual Debian paths).

With none of them, building a PDF fails with ``FontNotFound``, which says what to install.
"""
import importlib
import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import segno
from babel import Locale
from flask import current_app, has_app_context
from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

FAMILY = "passerelle"  # the font's name inside our documents, whatever file it comes from
MARGIN = 15  # mm, on every side: safe for every office printer
HEADER_HEIGHT = 12  # mm under the top margin, for the town's name and a rule
FOOTER_HEIGHT = 8  # mm above the bottom margin, for the page number
BODY_SIZE = 12  # pt
LARGE_BODY_SIZE = 16  # pt, for easy-to-read (FALC) documents
LARGE_MIN_SIZE = 14  # pt: nothing of an easy-to-read document is printed smaller (FALC rules)
LINE_SPACING = 1.35  # line height as a multiple of the type size
PT = 25.4 / 72  # one typographic point in mm
WRAP_SAFETY = 0.985  # share of a line's width counted as usable when measuring without drawing

DARK = (0, 0, 0)
MUTED = (64, 64, 64)  # still above 7:1 against white, and prints on any laser printer
RULE = (150, 150, 150)

# Characters some fonts lack, replaced by one that looks the same (French typography puts a
# narrow no-break space before ":" and inside « »; FiraGO has only the ordinary no-break space).
LOOK_ALIKES = str.maketrans({"\u202f": "\u00a0", "\u2009": " ", "\u2011": "-"})

SYSTEM_FONTS = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/local/share/fonts/DejaVuSans.ttf", "/usr/local/share/fonts/DejaVuSans-Bold.ttf"),
)
FONT_SUFFIXES = (".ttf", ".otf")
PACKAGED = ("pymupdf-fonts", "pymupdf_fonts", {"": "FiraGO_Regular", "B": "FiraGO_Bold"})
# OpenType layout tables: only the text-shaping engine reads them. Without shaping, fpdf2
# drops them anyway, but only after decoding them for every document, which for FiraGO's
# Arabic tables takes most of a second: the plain copy leaves them out from the start.
LAYOUT_TABLES = ("GSUB", "GPOS", "GDEF", "JSTF")


class FontNotFound(RuntimeError):
    pass


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path
    origin: str  # "configuration", "pymupdf-fonts" or "system": said in errors and logs


def find_fonts(shaping=False):
    """The regular and bold font files every document is set in (see the module's text)."""
    for finder in (_configured_fonts, _packaged_fonts, _system_fonts):
        found = finder(shaping)
        if found:
            return found
    raise FontNotFound(
        "No Unicode TrueType font found for the PDFs. Reinstall the portal's dependencies "
        "(pip install -e . brings pymupdf-fonts), install DejaVu Sans (Debian: apt-get install "
        "fonts-dejavu-core), or set PORTAL_PDF_FONT and PORTAL_PDF_FONT_BOLD to .ttf files.")


def _configured_fonts(_shaping):
    if not has_app_context() or not current_app.config.get("PORTAL_PDF_FONT"):
        return None
    regular = Path(current_app.config["PORTAL_PDF_FONT"])
    bold = Path(current_app.config.get("PORTAL_PDF_FONT_BOLD") or regular)
    for path in (regular, bold):
        if not path.is_file() or path.suffix.lower() not in FONT_SUFFIXES:
            raise FontNotFound(f"PORTAL_PDF_FONT(_BOLD): {path} is not a .ttf or .otf file.")
    return FontFiles(regular, bold, "configuration")


_written = {}  # (style, shaping) -> path already written by this process


def _packaged_fonts(shaping):
    distribution, package, modules = PACKAGED
    if not has_app_context():  # the copy lives in the instance folder, which only the app knows
        return None
    try:
        version = metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
    folder = Path(current_app.instance_path) / "fonts"
    paths = {}
    for style, module in modules.items():
        known = _written.get((style, shaping))
        if known and known.is_file():
            paths[style] = known
            continue
        path = folder / f"{module}-{version}{'' if shaping else '-plain'}.ttf"
        if not path.is_file():
            try:
                data = importlib.import_module(f"{package}.{module}").fontbuffer
                _write_font(path, data, keep_layout=shaping)
            except (ImportError, AttributeError, OSError):  # not installed whole, or nowhere to write
                return None
        _written[(style, shaping)] = paths[style] = path
    return FontFiles(paths[""], paths["B"], distribution)


def _write_font(path, data, keep_layout):
    if not keep_layout:
        from fontTools.ttLib import TTFont  # installed with fpdf2

        font = TTFont(io.BytesIO(data))
        for tag in LAYOUT_TABLES:
            if tag in font:
                del font[tag]
        buffer = io.BytesIO()
        font.save(buffer)
        data = buffer.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written aside then renamed: two workers starting together never read half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, path)


def _system_fonts(_shaping):
    candidates = []
    if shutil.which("fc-match"):
        candidates.append((_fc_match("DejaVu Sans:style=Book"), _fc_match("DejaVu Sans:style=Bold")))
    candidates.extend(SYSTEM_FONTS)
    for regular, bold in candidates:
        if regular and bold and all(Path(p).is_file() and Path(p).suffix.lower() in FONT_SUFFIXES
                                    for p in (regular, bold)):
            return FontFiles(Path(regular), Path(bold), "system")
    return None


def _fc_match(pattern):
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True,
                               timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return found.stdout.strip() or None


class Document(FPDF):
    """An A4 portrait document in the current language, with the portal's page furniture.

    Text helpers take the "start" side of the language (left in French, right in Arabic);
    ``place(x, w)`` mirrors a column for right-to-left languages, so a layout is drawn once.
    """

    def __init__(self, title, *, large=False, locale=None, date=None, town=None):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.town = town or current_app.config["PORTAL_TOWN_NAME"]
        self.locale = str(locale or get_locale())
        self.rtl = Locale.parse(self.locale).text_direction == "rtl"
        self.large = large
        self.body_size = LARGE_BODY_SIZE if large else BODY_SIZE
        self.line_spacing = LINE_SPACING
        # Written in full ("mardi 13 octobre 2026"), as easy-to-read rules ask, in every register.
        self.date = format_date(date, "full") if date else None
        self.start = "R" if self.rtl else "L"
        self.end = "L" if self.rtl else "R"

        fonts = find_fonts(shaping=self.rtl)
        self.add_font(FAMILY, "", str(fonts.regular))
        self.add_font(FAMILY, "B", str(fonts.bold))
        if self.rtl:
            # Arabic letters join and the line runs right to left: harfbuzz (uharfbuzz) does it,
            # reading the layout tables from the font file itself. fpdf2's own copy of the font
            # only embeds glyphs: without those tables it no longer decodes them for nothing.
            self.set_text_shaping(use_shaping_engine=True, direction="rtl")
            for font in self.fonts.values():
                for tag in LAYOUT_TABLES:
                    if tag in font.ttfont:
                        del font.ttfont[tag]

        self.set_margins(MARGIN, MARGIN + HEADER_HEIGHT, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + FOOTER_HEIGHT)
        self.set_title(title)
        self.set_lang(self.locale)
        self.set_author(self.town)
        self.set_creator("Passerelle")
        self.set_font(FAMILY, size=self.body_size)

    # --- page furniture --------------------------------------------------------------------

    def header(self):
        self.set_xy(MARGIN, MARGIN)
        self.set_font(FAMILY, "B", 10 if not self.large else LARGE_MIN_SIZE)
        self.set_text_color(*MUTED)
        self.cell(self.epw, 6, self.town, align=self.start)
        if self.date:
            self.set_xy(MARGIN, MARGIN)
            self.set_font(FAMILY, "", 10 if not self.large else LARGE_MIN_SIZE)
            self.cell(self.epw, 6, self.date, align=self.end)
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        self.line(MARGIN, MARGIN + 7.5, self.w - MARGIN, MARGIN + 7.5)
        self.set_text_color(*DARK)
        self.set_font(FAMILY, size=self.body_size)
        self.set_xy(MARGIN, MARGIN + HEADER_HEIGHT)

    def footer(self):
        self.set_xy(MARGIN, self.h - MARGIN - FOOTER_HEIGHT + 2)
        self.set_font(FAMILY, size=9 if not self.large else LARGE_MIN_SIZE)
        self.set_text_color(*MUTED)
        self.cell(self.epw, 5, _("page %(page)s sur %(pages)s", page=self.page_no(), pages="{nb}"), align="C")
        self.set_text_color(*DARK)

    def normalize_text(self, text):
        return super().normalize_text(str(text).translate(LOOK_ALIKES))

    # --- layout helpers --------------------------------------------------------------------

    @property
    def content_bottom(self):
        """The lowest point the body may reach on a page."""
        return self.h - MARGIN - FOOTER_HEIGHT

    def place(self, x, w):
        """The left edge of a column that starts ``x`` mm from the start side of the page."""
        return self.w - x - w if self.rtl else x

    def line_height(self, size):
        return size * PT * self.line_spacing

    def style(self, size=None, bold=False, color=DARK):
        self.set_font(FAMILY, "B" if bold else "", size or self.body_size)
        self.set_text_color(*color)

    def text_block(self, text, *, x=None, w=None, size=None, bold=False, color=DARK, align=None,
                   wrap_anywhere=False, dry_run=False):
        """Wrapped text from the current height, at ``x`` mm from the start side. Returns its height."""
        x = MARGIN if x is None else x
        w = w or self.w - MARGIN - x
        size = size or self.body_size
        self.style(size, bold, color)
        if dry_run and not self.text_shaping and not wrap_anywhere:
            return self.wrapped_lines(text, w, size) * self.line_height(size)
        if dry_run and "\n" not in text and self.get_string_width(text) < w - 2 * self.c_margin:
            return self.line_height(size)  # one line: known without laying the text out
        y = self.get_y()
        self.set_x(self.place(x, w))
        height = self.multi_cell(
            w, self.line_height(size), text, align=align or self.start, new_x=XPos.LMARGIN, new_y=YPos.NEXT,
            wrapmode="CHAR" if wrap_anywhere else "WORD", dry_run=dry_run, output=MethodReturnValue.HEIGHT)
        if dry_run:
            self.set_y(y)
        return height

    def wrapped_lines(self, text, w, size):
        """How many lines ``text`` takes in the current font, wrapped at spaces in ``w`` mm.

        Counted from the font's advance widths: fpdf2 lays each line out glyph by glyph, which
        for a page measured at several type sizes takes seconds. Counted on a line a little
        narrower than fpdf2's, so the count may be one too many, never one too few."""
        widths = self.current_font.cw
        per_unit = size / 1000 / self.k  # mm per advance unit (1/1000 em) at this size
        room = (w - 2 * self.c_margin) / per_unit * WRAP_SAFETY
        space = widths[ord(" ")]
        lines = 0
        for paragraph in self.normalize_text(text).split("\n"):
            lines += 1
            used = None
            for word in paragraph.split(" "):
                width = sum(widths[ord(char)] for char in word)
                if used is None:
                    used = width
                elif used + space + width <= room:
                    used += space + width
                else:
                    lines += 1
                    used = width
                while used > room:  # a word longer than a line is cut anywhere
                    lines += 1
                    used -= room
        return lines

    def measure(self, text, **kwargs):
        """The height ``text_block`` would take, without drawing anything."""
        return self.text_block(text, dry_run=True, **kwargs)

    def heading(self, text, level=1, **kwargs):
        size = {1: 2.0, 2: 1.35, 3: 1.1}[level] * self.body_size
        return self.text_block(text, size=size, bold=True, **kwargs)

    def rule(self, y=None, x=MARGIN, w=None):
        y = self.get_y() if y is None else y
        w = w or self.w - 2 * MARGIN
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        left = self.place(x, w)
        self.line(left, y, left + w, y)

    def qr_code(self, url, *, x, y, size):
        """A QR code of ``url``, ``size`` mm wide, ``x`` mm from the start side."""
        image = io.BytesIO()
        segno.make(url, error="m", micro=False).save(image, kind="png", scale=10, border=0)
        image.seek(0)
        self.image(image, x=self.place(x, size), y=y, w=size, h=size)

    def to_bytes(self):
        try:
            return bytes(self.output())
        finally:
            self.release_fonts()

    def release_fonts(self):
        """Close the font files (fpdf2 closes only the fonts a document used, once written)."""
        for font in self.fonts.values():
            if hasattr(font, "close"):
                font.close()


# --- one-page documents made of blocks ------------------------------------------------------

@dataclass(frozen=True)
class Scale:
    """How large a ``Flow`` is set: body type (pt), line height (× type size), gap between blocks (mm)."""
    size: float
    spacing: float
    gap: float


# Tried in this order until the document fits on its page. Easy-to-read documents never go
# below LARGE_MIN_SIZE; the others stay readable on a table at arm's length.
SCALES = (Scale(12, 1.35, 4.5), Scale(12, 1.3, 3.5), Scale(11.5, 1.3, 3.5), Scale(11.5, 1.25, 3),
          Scale(11, 1.25, 3), Scale(11, 1.2, 2.5), Scale(10.5, 1.2, 2.5), Scale(10, 1.15, 2),
          Scale(9.5, 1.12, 1.5))
LARGE_SCALES = (Scale(16, 1.35, 5), Scale(16, 1.3, 4), Scale(15, 1.3, 4), Scale(15, 1.25, 3.5),
                Scale(14.5, 1.25, 3.5), Scale(LARGE_MIN_SIZE, 1.2, 3), Scale(LARGE_MIN_SIZE, 1.12, 2),
                Scale(LARGE_MIN_SIZE, 1.05, 1.5))
HEADING_RATIOS = {1: 1.7, 2: 1.2}  # × body size
LARGE_HEADING_RATIOS = {1: 1.45, 2: 1.12}  # FALC: the body is already large
INDENT = 7  # mm: hanging indent of list items


def unbroken(text):
    """Text kept on one line, in reading order, such as a phone number: its spaces become
    no-break spaces, which also keep its digit groups together in a right-to-left line."""
    return text.replace(" ", "\u00a0")


class Block:
    """A piece of a ``Flow``: ``render`` draws it from the current height (or, with ``dry_run``,
    only measures it, leaving the position alone) and returns its height in mm."""

    def render(self, doc, scale, dry_run):
        raise NotImplementedError


class Heading(Block):
    def __init__(self, text, level=1, muted=False):
        self.text, self.level, self.muted = text, level, muted

    def render(self, doc, scale, dry_run):
        ratios = LARGE_HEADING_RATIOS if doc.large else HEADING_RATIOS
        return doc.text_block(self.text, size=scale.size * ratios[self.level], bold=True,
                              color=MUTED if self.muted else DARK, dry_run=dry_run)


class Paragraph(Block):
    def __init__(self, text, bold=False, muted=False, smaller=False):
        self.text, self.bold, self.muted, self.smaller = text, bold, muted, smaller

    def render(self, doc, scale, dry_run):
        size = scale.size - 1 if self.smaller and not doc.large else scale.size
        return doc.text_block(self.text, size=size, bold=self.bold, color=MUTED if self.muted else DARK,
                              dry_run=dry_run)


class Table(Block):
    """Rows of (label, title, text), either of the last two possibly empty: the label in a
    column of its own (a phone number, in bold and a little larger), the title in bold and the
    text beside it, one line of text per line of the row's text."""

    LABEL_RATIO = 1.15
    COLUMN_GAP = 6  # mm

    def __init__(self, rows, columns=1):
        # A label is read in one go (a phone number): never broken across lines.
        self.rows = [(unbroken(label), title, text) for label, title, text in rows]
        self.columns = columns

    def label_style(self, doc, scale, column_width):
        """(type size, bold, width) of the labels, in columns ``column_width`` mm wide."""
        size = scale.size * self.LABEL_RATIO
        doc.style(size, bold=True)
        widest = max((doc.get_string_width(label) for label, _title, _text in self.rows), default=0)
        return size, True, min(widest + 2 * doc.c_margin + 3, column_width / 2)

    def render(self, doc, scale, dry_run):
        top = doc.get_y()
        column_width = (doc.epw + self.COLUMN_GAP) / self.columns - self.COLUMN_GAP
        size, bold, label_width = self.label_style(doc, scale, column_width)
        per_column = -(-len(self.rows) // self.columns)
        bottom = top
        for column in range(self.columns):  # filled one after the other, as a reader goes down
            doc.set_y(top)
            label_x = MARGIN + column * (column_width + self.COLUMN_GAP)
            text_x, text_width = label_x + label_width, column_width - label_width
            for label, title, text in self.rows[column * per_column:(column + 1) * per_column]:
                row_top = doc.get_y()
                label_height = doc.text_block(label, x=label_x, w=label_width, size=size, bold=bold,
                                              dry_run=dry_run)
                doc.set_y(row_top)
                height = 0
                if title:
                    height += doc.text_block(title, x=text_x, w=text_width, size=scale.size, bold=True,
                                             dry_run=dry_run)
                    doc.set_y(row_top + height)
                if text:
                    height += doc.text_block(text, x=text_x, w=text_width, size=scale.size, dry_run=dry_run)
                doc.set_y(row_top + max(label_height, height) + scale.gap / 3)
            bottom = max(bottom, doc.get_y())
        return _finish(doc, top, bottom - top - scale.gap / 3, dry_run)


class Items(Table):
    """A list of (title, text) pairs after a marker: "•", or the item's number with ``numbered``."""

    def __init__(self, items, numbered=False, marker="•"):
        self.numbered, self.columns = numbered, 1
        self.rows = [(f"{index}." if numbered else marker, title, text)
                     for index, (title, text) in enumerate(items, start=1)]

    def label_style(self, doc, scale, column_width):
        return scale.size, self.numbered, INDENT


class FillIn(Block):
    """A label followed by a line to write on, or by the value when it is known."""

    def __init__(self, label, value=None):
        self.label, self.value = label, value

    def render(self, doc, scale, dry_run):
        top = doc.get_y()
        label = f"{self.label} "
        doc.style(scale.size, bold=True)
        label_width = min(doc.get_string_width(label) + 2 * doc.c_margin, doc.epw / 2)
        height = doc.text_block(label, w=label_width, size=scale.size, bold=True, dry_run=dry_run)
        if self.value:
            doc.set_y(top)
            height = max(height, doc.text_block(self.value, x=MARGIN + label_width, size=scale.size, dry_run=dry_run))
        else:
            height = max(height, doc.line_height(scale.size) * 1.3)  # room to write by hand
            if not dry_run:
                doc.set_draw_color(*MUTED)
                doc.set_line_width(0.3)
                doc.set_dash_pattern(dash=0.8, gap=0.8)
                left = doc.place(MARGIN + label_width, doc.epw - label_width)
                doc.line(left, top + height - 1, left + doc.epw - label_width, top + height - 1)
                doc.set_dash_pattern()
        return _finish(doc, top, height, dry_run)


class Framed(Block):
    """Blocks inside a frame (the emergency numbers, say), so the eye finds them at once."""
    PADDING = 3

    def __init__(self, blocks):
        self.blocks = list(blocks)

    def render(self, doc, scale, dry_run):
        top = doc.get_y()
        doc.set_y(top + self.PADDING)
        inner = _render_all(doc, self.blocks, scale, dry_run)
        height = inner + 2 * self.PADDING
        if not dry_run:
            doc.set_draw_color(*DARK)
            doc.set_line_width(0.7)
            doc.rect(MARGIN - 2, top, doc.epw + 4, height, round_corners=True, corner_radius=2)
        return _finish(doc, top, height, dry_run)


def _finish(doc, top, height, dry_run):
    """Leave the position under a block just drawn, or where it was when only measuring."""
    doc.set_y(top if dry_run else top + height)
    return height


def _render_all(doc, blocks, scale, dry_run):
    top = doc.get_y()
    for index, block in enumerate(blocks):
        if index:  # a heading stays close to what it introduces
            doc.set_y(doc.get_y() + (scale.gap / 4 if isinstance(blocks[index - 1], Heading) else scale.gap))
        height = block.render(doc, scale, dry_run)
        if dry_run:
            doc.set_y(doc.get_y() + height)
    height = doc.get_y() - top
    if dry_run:
        doc.set_y(top)
    return height


class Flow:
    """A one-page document: blocks set at the largest scale that keeps them above the foot of
    the page. ``fit`` says which scale that is (None: even the smallest is too large)."""

    def __init__(self, doc, blocks):
        self.doc, self.blocks = doc, list(blocks)

    @property
    def scales(self):
        return LARGE_SCALES if self.doc.large else SCALES

    def height(self, scale):
        self.doc.line_spacing = scale.spacing
        return _render_all(self.doc, self.blocks, scale, dry_run=True)

    def fits(self, scale):
        return self.height(scale) <= self.doc.content_bottom - self.doc.get_y()

    def fit(self):
        scales = self.scales
        if self.fits(scales[0]):
            return scales[0]
        if not self.fits(scales[-1]):
            return None
        # Each scale is smaller than the one before: the largest that fits is found by halves.
        too_large, fitting = 0, len(scales) - 1
        while fitting - too_large > 1:
            middle = (too_large + fitting) // 2
            if self.fits(scales[middle]):
                fitting = middle
            else:
                too_large = middle
        return scales[fitting]

    def draw(self, scale):
        self.doc.line_spacing = scale.spacing
        _render_all(self.doc, self.blocks, scale, dry_run=False)
