"""One builder for every PDF the portal prints (door posters, charters, resource sheets).

``Document`` is an A4 page with the town's name in the header, "page N sur M" in the footer,
a Unicode TrueType font, the reading direction of the language (right-to-left through text
shaping), an optional large type for easy-to-read (FALC) documents, and QR codes from segno.

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
from flask_babel import get_locale
from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

FAMILY = "passerelle"  # the font's name inside our documents, whatever file it comes from
MARGIN = 15  # mm, on every side: safe for every office printer
HEADER_HEIGHT = 12  # mm under the top margin, for the town's name and a rule
FOOTER_HEIGHT = 8  # mm above the bottom margin, for the page number
BODY_SIZE = 12  # pt
LARGE_BODY_SIZE = 16  # pt, for easy-to-read (FALC) documents
LINE_SPACING = 1.35  # line height as a multiple of the type size
PT = 25.4 / 72  # one typographic point in mm

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

    def __init__(self, title, *, large=False, locale=None):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.town = current_app.config["PORTAL_TOWN_NAME"]
        self.locale = str(locale or get_locale())
        self.rtl = Locale.parse(self.locale).text_direction == "rtl"
        self.large = large
        self.body_size = LARGE_BODY_SIZE if large else BODY_SIZE
        self.start = "R" if self.rtl else "L"
        self.end = "L" if self.rtl else "R"

        fonts = find_fonts(shaping=self.rtl)
        self.add_font(FAMILY, "", str(fonts.regular))
        self.add_font(FAMILY, "B", str(fonts.bold))
        if self.rtl:
            # Arabic letters join and the line runs right to left: harfbuzz (uharfbuzz) does it.
            self.set_text_shaping(use_shaping_engine=True, direction="rtl")

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
        self.set_font(FAMILY, "B", 10 if not self.large else 13)
        self.set_text_color(*MUTED)
        self.cell(self.epw, 6, self.town, align=self.start)
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        self.line(MARGIN, MARGIN + 7.5, self.w - MARGIN, MARGIN + 7.5)
        self.set_text_color(*DARK)
        self.set_font(FAMILY, size=self.body_size)
        self.set_xy(MARGIN, MARGIN + HEADER_HEIGHT)

    def footer(self):
        self.set_xy(MARGIN, self.h - MARGIN - FOOTER_HEIGHT + 2)
        self.set_font(FAMILY, size=9 if not self.large else 12)
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
        return size * PT * LINE_SPACING

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
