"""Which language and which register (standard or easy-to-read) a page is shown in."""
import functools
from datetime import timedelta

from babel import Locale, dates
from flask import current_app, has_request_context, request, session
from flask_babel import format_date, get_locale, get_timezone
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import clock

# Each language named in itself, so a person who reads no French still finds theirs.
LOCALE_NAMES = {"fr": "Français", "en": "English", "ar": "العربية", "es": "Español",
                "pt": "Português", "uk": "Українська"}


def supported_locales():
    return current_app.config["PORTAL_LOCALES"]


def select_locale():
    """The account's choice, then the switcher (kept in the session), then the browser."""
    if not has_request_context():  # command line and scheduled work speak the source language
        return supported_locales()[0]
    if current_user and current_user.is_authenticated and current_user.locale in supported_locales():
        return current_user.locale
    if session.get("locale") in supported_locales():
        return session["locale"]
    return request.accept_languages.best_match(supported_locales()) or supported_locales()[0]


def text_direction(locale=None):
    return Locale.parse(str(locale or get_locale())).text_direction


# The easy-to-read (FALC) switch is a preference of the device, kept in a cookie of its own: it
# outlives closing the browser without making the login session outlive it too.
FALC_COOKIE = "falc"
FALC_KEPT = timedelta(days=365)


def falc_enabled():
    """Whether the person turned the easy-to-read (FALC) switch on, on this device."""
    return has_request_context() and request.cookies.get(FALC_COOKIE) == "1"


def remember_falc(response, enabled):
    """``response`` keeping the switch on for a year, or forgetting it (the cookie deleted)."""
    app = current_app
    interface = app.session_interface  # sent like the session cookie: same path, domain and Secure rule
    where = {"path": interface.get_cookie_path(app), "domain": interface.get_cookie_domain(app),
             "secure": interface.get_cookie_secure(app), "httponly": True, "samesite": "Lax"}
    if enabled:
        response.set_cookie(FALC_COOKIE, "1", max_age=FALC_KEPT, **where)
    else:
        response.delete_cookie(FALC_COOKIE, **where)
    return response


def wall_time(moment):
    """A clock time as the town reads it on a door or a timetable: 18:00."""
    return moment.strftime("%H:%M")


def local_time(instant):
    """The town's clock time of a stored (UTC) instant."""
    return _clock_time(instant, get_locale(), get_timezone())


@functools.lru_cache(maxsize=4096)
def _clock_time(instant, locale, zone):
    # A calendar page shows hundreds of times, few of them different: Babel is asked once each.
    return dates.format_time(instant, "HH:mm", tzinfo=zone, locale=locale)


def local_day(instant_or_date):
    day = clock.local(instant_or_date).date() if hasattr(instant_or_date, "hour") else instant_or_date
    return format_date(day, "full")


def local_datetime(instant):
    return _l("%(day)s à %(time)s", day=local_day(instant), time=local_time(instant))


def local_date_iso(instant):
    return clock.local(instant).date().isoformat()


def init_app(app):
    for name in ("wall_time", "local_time", "local_day", "local_datetime", "local_date_iso"):
        app.jinja_env.filters[name] = globals()[name]

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
