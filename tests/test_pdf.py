"""The one PDF builder (portal/pdf.py): fonts, right-to-left shaping, large type, one-page flows."""
import io
import re
from datetime import date

import pytest
import uharfbuzz as hb
from pypdf import PdfReader
from pypdf.generic import ContentStream

from portal import pdf

ARABIC = "مرحبا بكم في المقهى"  # "welcome to the café": every letter joins its neighbours
MM = 72 / 25.4  # points in a millimetre


def operations(reader):
    page = reader.pages[0]
    return ContentStream(page.get_contents(), reader).operations


def type_sizes(reader):
    """Every type size (pt) the page sets, from the content stream's Tf operators."""
    return [float(operands[1]) for operands, operator in operations(reader) if operator == b"Tf"]


def shown_strings(reader):
    """(x, bytes) of each text string drawn on the page, x where its line starts (pt)."""
    found, x = [], None
    for operands, operator in operations(reader):
        if operator == b"Td":
            x = float(operands[0])
        elif operator == b"Tm":
            x = float(operands[4])
        elif operator == b"Tj":
            found.append((x, operands[0].original_bytes if hasattr(operands[0], "original_bytes")
                          else bytes(operands[0])))
    return found


def harfbuzz_glyphs(font_path, text):
    """Glyph ids of ``text`` shaped by HarfBuzz itself, left to right as drawn."""
    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(font_path))))
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer)
    return font, [info.codepoint for info in buffer.glyph_infos]


def test_arabic_is_shaped_and_set_right_to_left(app):
    with app.test_request_context():
        doc = pdf.Document("اختبار", locale="ar")
        doc.add_page()
        doc.text_block(ARABIC)
        width = doc.get_string_width(ARABIC)
        right_edge = doc.w - pdf.MARGIN - doc.c_margin
        font = doc.fonts[pdf.FAMILY]
        glyph_of_code = {code: glyph.glyph_id for glyph, code in font.subset.items() if glyph}
        font_path = pdf.find_fonts(shaping=True).regular
        reader = PdfReader(io.BytesIO(doc.to_bytes()))

    hb_font, shaped = harfbuzz_glyphs(font_path, ARABIC)
    # The string needs shaping at all: its joined forms are not the letters' isolated glyphs.
    isolated = [hb_font.get_nominal_glyph(ord(char)) for char in reversed(ARABIC)]
    assert shaped != isolated and set(shaped) - set(isolated)

    x, drawn = next((x, raw) for x, raw in shown_strings(reader) if len(raw) == 2 * len(shaped))
    codes = [int.from_bytes(drawn[i:i + 2], "big") for i in range(0, len(drawn), 2)]
    assert [glyph_of_code[code] for code in codes] == shaped  # the joined forms, right to left
    assert x / MM + width == pytest.approx(right_edge, abs=0.5)  # ends at the right margin
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    assert ARABIC in reader.pages[0].extract_text()


def test_french_text_reads_back_with_its_accents_and_quotes(app):
    with app.test_request_context():
        doc = pdf.Document("Charte", date=date(2026, 10, 13))
        doc.add_page()
        doc.text_block("« Ce qui se dit ici reste ici » : l’écoute, c’est à l’œuvre – ça compte.")
        text = PdfReader(io.BytesIO(doc.to_bytes())).pages[0].extract_text()
    assert "« Ce qui se dit ici reste ici » : l’écoute, c’est à l’œuvre – ça compte." in text
    assert "mardi 13 octobre 2026" in text and app.config["PORTAL_TOWN_NAME"] in text
    assert "page 1 sur 1" in text


def test_large_type_is_never_below_14_points(app):
    with app.test_request_context():
        doc = pdf.Document("Charte", large=True, date=date(2026, 10, 13))
        doc.add_page()
        flow = pdf.Flow(doc, [pdf.Heading("Titre"), pdf.Paragraph("Une idée.\nUne autre idée.", smaller=True),
                              pdf.Items([("Un titre", "Un texte.")]), pdf.Table([("15", "SAMU", "Urgence")]),
                              pdf.FillIn("Nom :")])
        flow.draw(flow.scales[-1])
        reader = PdfReader(io.BytesIO(doc.to_bytes()))
    sizes = type_sizes(reader)
    assert sizes and min(sizes) >= 14


def test_a_flow_shrinks_to_stay_on_one_page(app):
    with app.test_request_context():
        doc = pdf.Document("Long")
        doc.add_page()
        blocks = [pdf.Heading("Titre"), *(pdf.Paragraph(f"Paragraphe {n} : " + "des mots " * 30) for n in range(9))]
        flow = pdf.Flow(doc, blocks)
        scale = flow.fit()
        assert scale is not None and scale != pdf.SCALES[0]
        assert flow.height(scale) <= doc.content_bottom - doc.get_y()
        flow.draw(scale)
        assert doc.get_y() <= doc.content_bottom
        reader = PdfReader(io.BytesIO(doc.to_bytes()))
    assert len(reader.pages) == 1


def test_a_flow_too_long_for_any_scale_says_so(app):
    with app.test_request_context():
        doc = pdf.Document("Trop long")
        doc.add_page()
        assert pdf.Flow(doc, [pdf.Paragraph("des mots " * 2000)]).fit() is None
        doc.release_fonts()


def test_phone_numbers_stay_on_one_line(app):
    with app.test_request_context():
        doc = pdf.Document("Numéros")
        doc.add_page()
        pdf.Flow(doc, [pdf.Table([("09 72 39 40 50", "SOS Amitié", "")])]).draw(pdf.SCALES[0])
        text = PdfReader(io.BytesIO(doc.to_bytes())).pages[0].extract_text()
    assert re.search(r"09\s72\s39\s40\s50", text)


def test_without_any_font_the_error_names_what_to_install(app, monkeypatch):
    for finder in ("_configured_fonts", "_packaged_fonts", "_system_fonts"):
        monkeypatch.setattr(pdf, finder, lambda shaping: None)
    with pytest.raises(pdf.FontNotFound) as refused, app.test_request_context():
        pdf.Document("Charte")
    message = str(refused.value)
    assert "pymupdf-fonts" in message and "fonts-dejavu-core" in message and "PORTAL_PDF_FONT" in message


def test_measuring_without_drawing_never_counts_fewer_lines_than_drawing(app):
    from portal.kit import texts

    with app.test_request_context():
        doc = pdf.Document("Mesure")
        doc.add_page()
        samples = [text for words in (texts.charter(False), texts.charter(True), texts.escalation_plan(False))
                   for value in words.values() for text in (value if isinstance(value, tuple) else [value])
                   for text in (text if isinstance(text, tuple) else [text]) if isinstance(text, str)]
        samples += ["https://un-site-avec-une-adresse-tres-longue.example/chemin/vers/la/page/" * 3]
        counted = drawn = 0
        for size in (16, 14, 12, 10):
            for width in (60, 120, 180):
                for text in samples:
                    doc.style(size)
                    lines = doc.wrapped_lines(text, width, size)
                    laid_out = len(doc.multi_cell(width, 5, text, dry_run=True, output=pdf.MethodReturnValue.LINES))
                    assert lines >= laid_out, (text, size, width)
                    counted, drawn = counted + lines, drawn + laid_out
        doc.release_fonts()
    assert counted <= drawn * 1.05  # and hardly ever more
