"""Every interface string exists in every language, translated, not fuzzy, same placeholders."""
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def source_messages():
    """The strings the code and templates ask to translate, as msgid or (singular, plural)."""
    with open(ROOT / "babel.cfg") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = set()
    keywords = {"_": None, "_l": None, "gettext": None, "lazy_gettext": None,
                "ngettext": (1, 2), "lazy_ngettext": (1, 2)}
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=keywords):
        found.add(message)
    return found


def catalogues():
    return sorted(p for p in (ROOT / "translations").glob("*/LC_MESSAGES/messages.po"))


@pytest.mark.parametrize("po_path", catalogues(), ids=lambda p: p.parent.parent.name)
def test_every_interface_string_is_translated(po_path):
    with open(po_path, "rb") as f:
        catalogue = read_po(f)
    problems = []
    for message in sorted(source_messages(), key=str):
        msgid = message[0] if isinstance(message, tuple) else message
        entry = catalogue.get(msgid)
        if entry is None:
            problems.append(f"missing: {msgid!r}")
            continue
        if entry.fuzzy:
            problems.append(f"fuzzy: {msgid!r}")
        translations = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if not all(t.strip() for t in translations):
            problems.append(f"untranslated: {msgid!r}")
            continue
        expected = set(PLACEHOLDER.findall(msgid))
        for translation in translations:
            if set(PLACEHOLDER.findall(translation)) - {"num"} != expected - {"num"}:
                problems.append(f"placeholders differ: {msgid!r} -> {translation!r}")
    assert not problems, "\n".join(problems)


def test_there_is_an_english_catalogue():
    assert (ROOT / "translations/en/LC_MESSAGES/messages.po").exists()


@pytest.mark.parametrize("locale, weekday, month", [
    ("fr", "jeudi", "décembre"), ("en", "Thursday", "December"), ("es", "jueves", "diciembre"),
    ("pt", "quinta-feira", "dezembro"), ("uk", "четвер", "грудня"), ("ar", "الخميس", "ديسمبر"),
])
def test_dates_are_written_the_way_each_language_writes_them(app, locale, weekday, month):
    from datetime import date

    from flask_babel import force_locale

    from portal.i18n import local_day

    with app.test_request_context(), force_locale(locale):
        written = local_day(date(2026, 12, 3))
    assert weekday in written and month in written


def test_every_configured_language_has_a_catalogue(app):
    for locale in app.config["PORTAL_LOCALES"][1:]:
        assert (ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po").exists(), locale
