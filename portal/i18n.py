"""Which language and which register (standard or easy-to-read) a page is shown in."""
from babel import Locale
from flask import current_app, request, session
from flask_babel import get_locale
from flask_login import current_user

# Each language named in itself, so a person who reads no French still finds theirs.
LOCALE_NAMES = {"fr": "Français", "en": "English", "ar": "العربية", "es": "Español",
                "pt": "Português", "uk": "Українська"}


def supported_locales():
    return current_app.config["PORTAL_LOCALES"]


def select_locale():
    """The account's choice, then the switcher (kept in the session), then the browser."""
    if current_user and current_user.is_authenticated and current_user.locale in supported_locales():
        return current_user.locale
    if session.get("locale") in supported_locales():
        return session["locale"]
    return request.accept_languages.best_match(supported_locales()) or supported_locales()[0]


def text_direction(locale=None):
    return Locale.parse(str(locale or get_locale())).text_direction


def falc_enabled():
    """The easy-to-read (FALC) switch, remembered in the session for content that honours it."""
    return bool(session.get("falc"))


def init_app(app):
    @app.context_processor
    def language_context():
        locale = str(get_locale())
        return {
            "current_locale": locale,
            "text_direction": text_direction(locale),
            "locale_names": {code: LOCALE_NAMES[code] for code in supported_locales()},
            "falc": falc_enabled(),
            "town_name": app.config["PORTAL_TOWN_NAME"],
        }
